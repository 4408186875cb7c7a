package report

import (
	"bytes"
	"html/template"
	"math"
	"slices"
	"strconv"

	"github.com/go-analyze/charts"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/golang/freetype/truetype"

	"takedown/game"
	"takedown/records"
)

// Chart sizes, in SVG user units; the page scales them to its width
// (about 960 pixels on a screen, 700 on an A4 page).
const (
	chartWidth  = 960
	chartHeight = 360
)

// chartFont is DejaVu Sans, which has Cyrillic: the charts measure their
// labels with it, and the SVG names it (browsers without it fall back to
// another sans-serif font of about the same width).
func chartFont() (*truetype.Font, error) { return truetype.Parse(dejavusans.TTF) }

// style is a font style in the chart font.
func style(f *truetype.Font, size float64) charts.FontStyle {
	return charts.FontStyle{Font: f, FontSize: size, FontColor: charts.Color{R: 60, G: 60, B: 60, A: 255}}
}

// days is the number of simulated days the session covers.
func (r *Report) days() int { return int(r.view.Now/game.Day) + 1 }

// dayLabels labels the days 1 to n.
func (r *Report) dayLabels(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = r.p.Number(int64(i + 1))
	}
	return out
}

// render draws a chart to SVG and returns it for the page.
func render(height int, draw func(p *charts.Painter) error) (template.HTML, error) {
	p := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputSVG, Width: chartWidth, Height: height})
	if err := draw(p); err != nil {
		return "", err
	}
	b, err := p.Bytes()
	if err != nil {
		return "", err
	}
	// The painter writes no size but a viewBox: the page sets the width.
	b = bytes.Replace(b, []byte("<svg "), []byte(`<svg role="img" preserveAspectRatio="xMinYMin meet" `), 1)
	return template.HTML(b), nil
}

// Timeline lanes, bottom to top.
const (
	laneOperators = 1 // the operators, the site and lost data
	laneCase      = 2 // hand-off, case, court, the ending
	laneSteps     = 3 // the trainee's legal steps
)

// lane is the timeline lane of an event kind.
func lane(k game.EventKind) int {
	info, _ := game.KindInfo(k)
	switch info.Category {
	case game.CatAdversary, game.CatSite, game.CatDataLoss:
		return laneOperators
	}
	return laneCase
}

// timelineChart draws the case as rows of dots on a line of simulated
// days: one row for each kind of legal step the trainee took (top), then
// each kind of event of the case and the court, then each kind of event of
// the operators and of lost data (bottom). The rows are named on the
// vertical axis, so no label crosses another however close the dots are.
func (r *Report) timelineChart() (template.HTML, error) {
	f, err := chartFont()
	if err != nil {
		return "", err
	}
	n := r.days()
	var marks [4][]mark
	for _, s := range r.steps {
		if _, ok := records.LegalVerbID(s.cmd.Verb); ok && s.entry.Actor.Kind() == game.ActorTrainee {
			marks[laneSteps] = append(marks[laneSteps], mark{int(s.entry.At / game.Day), r.t("report.short." + s.cmd.Verb)})
		}
	}
	for _, ev := range r.events {
		if info, ok := game.KindInfo(ev.Kind); ok && info.Timeline && !confirms(ev.Kind) {
			l := lane(ev.Kind)
			marks[l] = append(marks[l], mark{int(ev.At / game.Day), r.t("timeline." + string(ev.Kind))})
		}
	}
	lanes := []int{laneSteps, laneCase, laneOperators}
	// Rows, top first, each kind in the order it first happened.
	var rows []string
	rowOf := map[string]int{}
	laneRows := make([][]string, len(lanes))
	for i, l := range lanes {
		for _, m := range marks[l] {
			key := strconv.Itoa(l) + "\x00" + m.text
			if _, ok := rowOf[key]; !ok {
				rowOf[key] = len(rows)
				rows = append(rows, m.text)
				laneRows[i] = append(laneRows[i], m.text)
			}
		}
	}
	if len(rows) == 0 {
		rows = append(rows, "")
	}
	y := func(row int) float64 { return float64(len(rows) - row) }
	null := charts.GetNullValue()
	var list charts.ScatterSeriesList
	for i, l := range lanes {
		vals := make([][]float64, n)
		for _, m := range marks[l] {
			if m.day < 0 || m.day >= n {
				continue
			}
			v := y(rowOf[strconv.Itoa(l)+"\x00"+m.text])
			if !slices.Contains(vals[m.day], v) {
				vals[m.day] = append(vals[m.day], v)
			}
		}
		for d := range vals {
			if len(vals[d]) == 0 {
				vals[d] = []float64{null}
			}
		}
		list = append(list, charts.ScatterSeries{Values: vals, Name: []string{r.t("report.lane_steps"), r.t("report.lane_case"), r.t("report.lane_operators")}[i]})
	}
	// The vertical axis names the rows: a label for each whole value from
	// 0 to len(rows)+1.
	labels := make([]string, len(rows)+2)
	for j, name := range rows {
		labels[int(y(j))] = name
	}
	opt := charts.ScatterChartOption{SeriesList: list}
	opt.Legend = charts.LegendOption{SeriesNames: []string{r.t("report.lane_steps"), r.t("report.lane_case"), r.t("report.lane_operators")},
		FontStyle: style(f, 14)}
	opt.XAxis = charts.XAxisOption{Labels: r.dayLabels(n), Title: r.t("report.axis_day"), LabelFontStyle: style(f, 13),
		TitleFontStyle: style(f, 13), LabelCount: 12}
	opt.YAxis = []charts.YAxisOption{{Min: charts.Ptr(0.0), Max: charts.Ptr(float64(len(rows) + 1)), Labels: labels,
		Unit: 1, LabelFontStyle: style(f, 13)}}
	opt.Symbol = charts.Symbol{Shape: charts.SymbolDot, Size: 5}
	opt.Padding = charts.NewBox(16, 16, 24, 8)
	height := 130 + 26*len(rows)
	return render(height, func(p *charts.Painter) error { return p.ScatterChart(opt) })
}

// confirms reports whether an event kind only confirms a step of the
// trainee's on the same day (the package left, the search and the arrest
// took place, the case went to court): the step's row shows it.
func confirms(k game.EventKind) bool {
	switch k {
	case game.EvHandoffSent, game.EvRaid, game.EvArrest, game.EvIndicted:
		return true
	}
	return false
}

// mark is a step or an event on the timeline: its day (0-based) and the
// name of its row.
type mark struct {
	day  int
	text string
}

// strengthChart draws the case's strength at the end of each simulated day:
// the elements of the offence proven (left axis) and the damages proven
// against the threshold (right axis).
func (r *Report) strengthChart() (template.HTML, error) {
	f, err := chartFont()
	if err != nil {
		return "", err
	}
	n := r.days()
	proven := make([]float64, n)
	damages := make([]float64, n)
	threshold := make([]float64, n)
	dm := r.view.Damages
	for d := range n {
		end := game.Minutes(d+1) * game.Day
		s := r.samples[0]
		for _, x := range r.samples {
			if x.at < end {
				s = x
			}
		}
		proven[d] = float64(s.proven)
		damages[d] = float64(s.damages)
		threshold[d] = float64(dm.Threshold)
	}
	opt := charts.NewLineChartOptionWithData([][]float64{proven, damages, threshold})
	opt.SeriesList[1].YAxisIndex = 1
	opt.SeriesList[2].YAxisIndex = 1
	opt.Legend = charts.LegendOption{SeriesNames: []string{r.t("report.series_proven", game.Count("n", int64(len(r.elements)))),
		r.t("report.series_damages"), r.t("report.series_threshold")}, FontStyle: style(f, 14)}
	opt.XAxis = charts.XAxisOption{Labels: r.dayLabels(n), Title: r.t("report.axis_day"), LabelFontStyle: style(f, 13),
		TitleFontStyle: style(f, 13), LabelCount: 12}
	top := niceCeil(max(float64(dm.Threshold), slices.Max(damages)) * 1.1)
	money := func(v float64) string { return r.p.Money(int64(v), dm.Currency) }
	opt.YAxis = []charts.YAxisOption{
		{Min: charts.Ptr(0.0), Max: charts.Ptr(float64(max(len(r.elements), 1))), Title: r.t("report.axis_elements"),
			LabelFontStyle: style(f, 13), TitleFontStyle: style(f, 13), Unit: 1},
		{Min: charts.Ptr(0.0), Max: charts.Ptr(top), Title: r.t("report.axis_damages"), ValueFormatter: money,
			LabelFontStyle: style(f, 13), TitleFontStyle: style(f, 13), Unit: top / 4},
	}
	opt.Symbol = charts.Symbol{Shape: charts.SymbolNone}
	opt.LineStrokeWidth = 2.5
	opt.Padding = charts.NewBox(20, 10, 30, 10)
	return render(chartHeight, func(p *charts.Painter) error { return p.LineChart(opt) })
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten, for an axis's
// top.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}
