// Command worldmap converts Natural Earth's country outlines into the data
// file that package takedown/worldmap embeds, worldmap/countries.bin.
//
// # Source
//
// The input is countries-50m.json from the npm package world-atlas 2.0.2
// (https://github.com/topojson/world-atlas, ISC licence, by Mike Bostock): a
// TopoJSON redistribution of Natural Earth's 1:50m Admin 0 country
// boundaries, version 4.1.0, which Natural Earth puts in the public domain
// (https://www.naturalearthdata.com/about/terms-of-use/). The 1:110m file of
// the same package is smaller but lacks Seychelles, Malta, Andorra, Monaco,
// Liechtenstein, San Marino, Singapore and others, so the 1:50m file is used
// and simplified here. The converter checks the input's SHA-256 so that the
// data file always comes from that exact file.
//
// # Regenerating
//
// From the repository root, with Node's npm on PATH:
//
//	mkdir -p /tmp/wa && (cd /tmp/wa && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
//	go run ./tools/worldmap -in /tmp/wa/package/countries-50m.json -out worldmap/countries.bin
//
// The output is deterministic: the same input gives the same bytes. It is
// committed; the converter is not run by CI.
//
// # What it does
//
//  1. Decodes the TopoJSON arcs: delta-decodes the quantized positions and
//     applies the transform (scale, translate) to get longitude and latitude.
//  2. Simplifies each arc once with Douglas-Peucker (tolerance -tol, 0.02°,
//     about 2 km; longitude scaled by the cosine of the arc's mean latitude),
//     keeping its end points, so that the border two countries share stays
//     one line. Arcs of rings under -tiny (0.3°) across keep every point.
//  3. Assembles each country's polygons and rings from the arcs, unwrapping
//     longitudes across the antimeridian, then quantizes each ring to 0.01°,
//     or to 0.001° when it is under 0.25° across or 0.01° would collapse it
//     or change its area by more than a fifth, and drops repeated points.
//     Rings along a pole (world-atlas has one, a line that closes
//     Antarctica on the sphere) are dropped.
//  4. Maps the ISO 3166-1 numeric ids to lower-case alpha-2 codes and English
//     short names with the table in codes.go.
//  5. Computes each country's focus box and label point (see below) and
//     writes the format described in package worldmap's format.go.
//
// Features without a numeric id in world-atlas get codes from ISO 3166-1's
// user-assigned range (XA–XZ): Kosovo "xk" (the code the European Commission
// and the IMF use), Northern Cyprus "xc", Somaliland "xs", Siachen Glacier
// "xg". "Indian Ocean Ter." is split into Christmas Island "cx" and the Cocos
// (Keeling) Islands "cc" by longitude. Ashmore and Cartier Islands shares
// Australia's id 036 and is merged into "au". Natural Earth draws de facto
// lines of control, which put Crimea in Russia; the converter moves the
// polygons of Russia inside the peninsula's box to Ukraine, as the United
// Nations counts it (General Assembly resolution 68/262).
//
// The focus box of a country is the bounding box of its largest polygon and
// of the polygons within 3° of that polygon's box: the part a map of the
// country would show (metropolitan France without French Guiana, the
// contiguous United States without Alaska and Hawaii). For Russia only the
// part west of 60° E (the Urals) counts, so that a view fitted to Russia and
// its European neighbours is a view of Europe. The label point is the point
// of the largest polygon (for Russia: of its part west of 60° E) farthest from
// its edges (the "pole of inaccessibility"), found to 0.01°.
package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
)

// sourceSHA256 is the SHA-256 of countries-50m.json in world-atlas 2.0.2.
const sourceSHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"

// Units of the output grid, per degree: coarse rings use 0.01°, fine 0.001°.
const (
	coarse = 100
	fine   = 1000
)

// fineBelow is the size in degrees under which a ring is kept on the fine
// grid: the coarse grid's rounding would move the Vatican by a fifth of its
// width.
const fineBelow = 0.25

// focusGap is how far (degrees) a polygon may lie from a country's largest
// polygon's box and still count in its focus box.
const focusGap = 3.0

// focusEast caps a country's focus box and label search in the east: only
// European Russia, west of the Urals, counts for Russia.
func focusEast(code string) (float64, bool) {
	if code == "ru" {
		return 60, true
	}
	return math.Inf(1), false
}

func main() {
	in := flag.String("in", "", "countries-50m.json of npm world-atlas 2.0.2")
	out := flag.String("out", "worldmap/countries.bin", "the data file to write")
	tol := flag.Float64("tol", 0.02, "Douglas-Peucker tolerance, degrees")
	tiny := flag.Float64("tiny", 0.3, "rings smaller than this many degrees across are not simplified")
	check := flag.Bool("check", true, "refuse an input whose SHA-256 is not world-atlas 2.0.2's countries-50m.json")
	verbose := flag.Bool("v", false, "print a line per country")
	flag.Parse()
	if *in == "" {
		fmt.Fprintln(os.Stderr, "worldmap: -in is required (see the doc comment of tools/worldmap/main.go)")
		os.Exit(2)
	}
	if err := run(*in, *out, *tol, *tiny, *check, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "worldmap:", err)
		os.Exit(1)
	}
}

func run(in, out string, tol, tiny float64, check, verbose bool) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	if got := hex.EncodeToString(sum[:]); check && got != sourceSHA256 {
		return fmt.Errorf("%s: SHA-256 %s is not that of world-atlas 2.0.2's countries-50m.json (%s); pass -check=false to convert it anyway", in, got, sourceSHA256)
	}
	var topo topology
	if err := json.Unmarshal(raw, &topo); err != nil {
		return fmt.Errorf("%s: %v", in, err)
	}
	countries, err := convert(in, &topo, tol, tiny)
	if err != nil {
		return err
	}
	data := encode(countries)
	if verbose {
		points := 0
		for _, c := range countries {
			n := 0
			for _, r := range c.rings {
				n += len(r.pts)
			}
			points += n
			fmt.Printf("%s %-32s rings %4d points %6d focus %v label %v\n", c.code, c.name, len(c.rings), n, c.focus, c.label)
		}
		fmt.Printf("%d countries, %d points\n", len(countries), points)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d countries, %d bytes\n", out, len(countries), len(data))
	return nil
}

// topology is the part of a TopoJSON file the converter reads.
type topology struct {
	Type      string `json:"type"`
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Type       string     `json:"type"`
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

// geometry is one country of the "countries" object.
type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

// pt is a position in degrees.
type pt struct{ lon, lat float64 }

// ipt is a position on the output grid.
type ipt struct{ x, y int64 }

// ring is an output ring: its unit (coarse or fine) and its points, not
// repeating the first at the end.
type ring struct {
	unit int64
	pts  []ipt
}

// country is one output record.
type country struct {
	code, name string
	rings      []ring
	focus      [4]int64 // west, south, east, north in coarse units
	label      ipt      // coarse units
	polys      [][][]int
}

func convert(in string, topo *topology, tol, tiny float64) ([]*country, error) {
	if topo.Type != "Topology" || topo.Transform == nil {
		return nil, fmt.Errorf("%s: not a quantized TopoJSON topology", in)
	}
	obj, ok := topo.Objects["countries"]
	if !ok {
		return nil, fmt.Errorf("%s: no \"countries\" object", in)
	}
	arcs := decodeArcs(topo)
	numeric, unnumbered := numericCodes(), unnumberedCodes()
	used := map[string]bool{}

	// Gather each output country's polygons (lists of rings of arc indices).
	byCode := map[string]*country{}
	add := func(code, name string, polys [][][]int) {
		c := byCode[code]
		if c == nil {
			c = &country{code: code, name: name}
			byCode[code] = c
		}
		c.polys = append(c.polys, polys...)
	}
	for i, g := range obj.Geometries {
		where := fmt.Sprintf("%s: countries.geometries[%d] (%q, id %q)", in, i, g.Properties.Name, g.ID)
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("%s: arcs: %v", where, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("%s: arcs: %v", where, err)
			}
		default:
			return nil, fmt.Errorf("%s: geometry type %q, want Polygon or MultiPolygon", where, g.Type)
		}
		for _, p := range polys {
			if len(p) == 0 || len(p[0]) == 0 {
				return nil, fmt.Errorf("%s: a polygon without rings or arcs", where)
			}
			for _, r := range p {
				for _, a := range r {
					if arcIndex(a) >= len(arcs) {
						return nil, fmt.Errorf("%s: arc %d out of range (%d arcs)", where, a, len(arcs))
					}
				}
			}
		}
		if g.ID == "" {
			switch g.Properties.Name {
			case "Indian Ocean Ter.":
				for _, p := range polys {
					if arcs[arcIndex(p[0][0])][0].lon > 100 {
						add("cx", "Christmas Island", [][][]int{p})
					} else {
						add("cc", "Cocos (Keeling) Islands", [][][]int{p})
					}
				}
				continue
			}
			e, ok := unnumbered[g.Properties.Name]
			if !ok {
				return nil, fmt.Errorf("%s: no id and no entry in the table of unnumbered features", where)
			}
			add(e.code, e.name, polys)
			continue
		}
		e, ok := numeric[g.ID]
		if !ok {
			return nil, fmt.Errorf("%s: id missing from the numeric table in codes.go", where)
		}
		used[g.ID] = true
		if e.code == "ru" {
			// Natural Earth draws the de facto line of control, which
			// puts Crimea in Russia; the United Nations (General Assembly
			// resolution 68/262) and this program count it in Ukraine.
			var crimea [][][]int
			polys = slices.DeleteFunc(polys, func(p [][]int) bool {
				if inCrimea(boxOf(assemble(arcs, p[0]))) {
					crimea = append(crimea, p)
					return true
				}
				return false
			})
			if len(crimea) == 0 {
				return nil, fmt.Errorf("%s: no polygon of Russia in Crimea's box: has the source changed?", where)
			}
			add("ua", numeric["804"].name, crimea)
		}
		add(e.code, e.name, polys)
	}
	for _, id := range sortedKeys(numeric) {
		if !used[id] {
			return nil, fmt.Errorf("%s: id %s (%s) of the numeric table in codes.go is not in the file", in, id, numeric[id].code)
		}
	}

	// Arcs of tiny rings keep every point; the others are simplified once.
	keep := make([]bool, len(arcs))
	for _, c := range byCode {
		for _, p := range c.polys {
			for _, r := range p {
				if b := boxOf(assemble(arcs, r)); b.e-b.w < tiny && b.n-b.s < tiny {
					for _, a := range r {
						keep[arcIndex(a)] = true
					}
				}
			}
		}
	}
	simple := make([][]pt, len(arcs))
	for i, a := range arcs {
		if keep[i] {
			simple[i] = a
		} else {
			simple[i] = simplify(a, tol)
		}
	}

	var out []*country
	for _, code := range sortedKeys(byCode) {
		c := byCode[code]
		var polys [][][]pt // simplified, for the focus box and label
		for pi, p := range c.polys {
			var pp [][]pt
			for ri, r := range p {
				orig := assemble(arcs, r)
				if b := boxOf(orig); b.s > 89.99 || b.n < -89.99 {
					continue // a ring along a pole: on the sphere, a point
				}
				s := assemble(simple, r)
				q, ok := quantize(s, orig)
				if !ok {
					// Simplification collapsed it: try every point.
					if q, ok = quantize(orig, orig); !ok {
						fmt.Fprintf(os.Stderr, "worldmap: %s %s: polygon %d ring %d (%d points, %v) collapses on a 0.001° grid; dropped\n", c.code, c.name, pi, ri, len(orig), boxOf(orig))
						continue
					}
				}
				c.rings = append(c.rings, q)
				pp = append(pp, s)
			}
			if len(pp) > 0 {
				polys = append(polys, pp)
			}
		}
		if len(c.rings) == 0 {
			return nil, fmt.Errorf("%s: %s %s: no ring survives", in, c.code, c.name)
		}
		c.focus, c.label = focusAndLabel(c.code, polys)
		out = append(out, c)
	}
	return out, nil
}

// inCrimea reports whether a polygon's box lies within the Crimean
// peninsula (with the Arabat Spit and the islands off its coast).
func inCrimea(b box) bool { return b.w >= 32.3 && b.e <= 36.8 && b.s >= 44.2 && b.n <= 46.3 }

// arcIndex resolves TopoJSON's one's-complement arc reference.
func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// decodeArcs delta-decodes the quantized arcs, applies the transform and
// unwraps each arc's longitudes.
func decodeArcs(t *topology) [][]pt {
	sx, sy := t.Transform.Scale[0], t.Transform.Scale[1]
	tx, ty := t.Transform.Translate[0], t.Transform.Translate[1]
	out := make([][]pt, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		ps := make([]pt, len(a))
		for j, d := range a {
			x += d[0]
			y += d[1]
			ps[j] = pt{x*sx + tx, y*sy + ty}
		}
		unwrap(ps)
		out[i] = ps
	}
	return out
}

// assemble joins a ring's arcs, reversing those referenced as ^i, and
// returns a closed ring (its last point repeats its first) whose longitudes
// run on without jumps: a ring that crosses the antimeridian, such as
// mainland Russia's, goes past 180° instead of jumping to -180°. A ring that
// goes once around a pole (Antarctica's) is closed along the pole. The ring
// is shifted by a multiple of 360° so that its western edge lies in
// [-180°, 180°).
func assemble(arcs [][]pt, refs []int) []pt {
	var r []pt
	for k, a := range refs {
		seg := slices.Clone(arcs[arcIndex(a)])
		if a < 0 {
			slices.Reverse(seg)
		}
		if k > 0 {
			shift(seg, 360*math.Round((r[len(r)-1].lon-seg[0].lon)/360))
			seg = seg[1:]
		}
		r = append(r, seg...)
	}
	if n := len(r); n > 1 {
		if turn := r[n-1].lon - r[0].lon; math.Abs(turn) > 180 {
			pole := -90.0
			if r[0].lat > 0 {
				pole = 90
			}
			r = append(r, pt{r[n-1].lon, pole}, pt{r[0].lon, pole}, r[0])
		}
	}
	b := boxOf(r)
	shift(r, -360*math.Floor((b.w+180)/360))
	return r
}

// shift adds d degrees to the longitudes of ps.
func shift(ps []pt, d float64) {
	if d == 0 {
		return
	}
	for i := range ps {
		ps[i].lon += d
	}
}

// unwrap makes an arc's longitudes run on without jumps across the
// antimeridian.
func unwrap(ps []pt) {
	for i := 1; i < len(ps); i++ {
		ps[i].lon += 360 * math.Round((ps[i-1].lon-ps[i].lon)/360)
	}
}

// simplify applies Douglas-Peucker to an arc, keeping its end points. A
// closed arc (an island drawn as one arc) is split at its point farthest from
// the start first, so that at least three points remain.
func simplify(a []pt, tol float64) []pt {
	if len(a) <= 3 {
		return a
	}
	lat := 0.0
	for _, p := range a {
		lat += p.lat
	}
	k := math.Cos(lat / float64(len(a)) * math.Pi / 180)
	keep := make([]bool, len(a))
	keep[0], keep[len(a)-1] = true, true
	var dp func(i, j int)
	dp = func(i, j int) {
		best, at := -1.0, -1
		for m := i + 1; m < j; m++ {
			if d := segDist(a[m], a[i], a[j], k); d > best {
				best, at = d, m
			}
		}
		if at >= 0 && best > tol {
			keep[at] = true
			dp(i, at)
			dp(at, j)
		}
	}
	if a[0] == a[len(a)-1] {
		far, at := -1.0, 1
		for m := 1; m < len(a)-1; m++ {
			if d := segDist(a[m], a[0], a[0], k); d > far {
				far, at = d, m
			}
		}
		keep[at] = true
		dp(0, at)
		dp(at, len(a)-1)
	} else {
		dp(0, len(a)-1)
	}
	var out []pt
	for i, p := range a {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// segDist is the distance from p to segment ab, longitude scaled by k.
func segDist(p, a, b pt, k float64) float64 {
	px, py := p.lon*k, p.lat
	ax, ay := a.lon*k, a.lat
	bx, by := b.lon*k, b.lat
	dx, dy := bx-ax, by-ay
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l))
	}
	return math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
}

// quantize puts a closed ring on the coarse grid, or on the fine one when the
// ring is smaller than fineBelow degrees across or the coarse grid collapses
// it or moves its area by more than a fifth of the original's; ok is false
// when neither works.
func quantize(r, orig []pt) (ring, bool) {
	want := math.Abs(area(orig))
	units := []int64{coarse, fine}
	if b := boxOf(orig); max(b.e-b.w, b.n-b.s) < fineBelow {
		units = units[1:]
	}
	for _, unit := range units {
		var q []ipt
		for _, p := range r[:len(r)-1] {
			v := ipt{int64(math.Round(p.lon * float64(unit))), int64(math.Round(p.lat * float64(unit)))}
			if len(q) == 0 || q[len(q)-1] != v {
				q = append(q, v)
			}
		}
		for len(q) > 1 && q[len(q)-1] == q[0] {
			q = q[:len(q)-1]
		}
		if len(q) < 3 {
			continue
		}
		back := make([]pt, len(q)+1)
		for i, v := range q {
			back[i] = pt{float64(v.x) / float64(unit), float64(v.y) / float64(unit)}
		}
		back[len(q)] = back[0]
		got := math.Abs(area(back))
		if got == 0 || math.Abs(got-want) > want/5 {
			continue
		}
		return ring{unit: unit, pts: q}, true
	}
	return ring{}, false
}

// area is a closed ring's signed area in square degrees, longitude scaled by
// the cosine of its first point's latitude.
func area(r []pt) float64 {
	if len(r) < 4 {
		return 0
	}
	k := math.Cos(r[0].lat * math.Pi / 180)
	s := 0.0
	for i := 0; i+1 < len(r); i++ {
		s += r[i].lon*k*r[i+1].lat - r[i+1].lon*k*r[i].lat
	}
	return s / 2
}

// box is a bounding box in degrees.
type box struct{ w, s, e, n float64 }

func (b box) String() string { return fmt.Sprintf("[%.2f,%.2f .. %.2f,%.2f]", b.w, b.s, b.e, b.n) }

func boxOf(r []pt) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range r {
		b.w, b.e = math.Min(b.w, p.lon), math.Max(b.e, p.lon)
		b.s, b.n = math.Min(b.s, p.lat), math.Max(b.n, p.lat)
	}
	return b
}

func (b box) union(o box) box {
	return box{math.Min(b.w, o.w), math.Min(b.s, o.s), math.Max(b.e, o.e), math.Max(b.n, o.n)}
}

// gap is how far apart two boxes are, in degrees (0 when they overlap).
func (b box) gap(o box) float64 {
	dx := math.Max(0, math.Max(o.w-b.e, b.w-o.e))
	dy := math.Max(0, math.Max(o.s-b.n, b.s-o.n))
	return math.Hypot(dx, dy)
}

// focusAndLabel computes a country's focus box and label point (see the
// package doc), both in coarse units.
func focusAndLabel(code string, polys [][][]pt) ([4]int64, ipt) {
	// A polygon's first ring is its outer one. (Antarctica's outer ring in
	// world-atlas is a line along the South Pole, which convert drops; its
	// coast, given as a hole, is then first.)
	main := 0
	best := -1.0
	for i, p := range polys {
		if a := math.Abs(area(p[0])); a > best {
			best, main = a, i
		}
	}
	east, capped := focusEast(code)
	mainBox := clipBox(polys[main][0], east)
	focus := mainBox
	for i, p := range polys {
		if i == main {
			continue
		}
		b := clipBox(p[0], east)
		if b.w > b.e {
			continue
		}
		// Compare the polygon with the main one on the same side of the
		// antimeridian (Fiji's islands lie on both).
		d := 360 * math.Round(((mainBox.w+mainBox.e)-(b.w+b.e))/2/360)
		b.w, b.e = b.w+d, b.e+d
		if b.gap(mainBox) <= focusGap {
			focus = focus.union(b)
		}
	}
	if d := -360 * math.Floor((focus.w+180)/360); d != 0 {
		focus.w, focus.e = focus.w+d, focus.e+d
	}
	lab := polylabel(polys[main], mainBox, capped, 0.01)
	round := func(v float64) int64 { return int64(math.Round(v * coarse)) }
	f := [4]int64{
		int64(math.Floor(focus.w * coarse)), int64(math.Floor(focus.s * coarse)),
		int64(math.Ceil(focus.e * coarse)), int64(math.Ceil(focus.n * coarse)),
	}
	return f, ipt{round(lab.lon), round(lab.lat)}
}

// clipBox is the bounding box of the part of a closed ring west of east.
func clipBox(r []pt, east float64) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	grow := func(p pt) {
		b.w, b.e = math.Min(b.w, p.lon), math.Max(b.e, p.lon)
		b.s, b.n = math.Min(b.s, p.lat), math.Max(b.n, p.lat)
	}
	for i, p := range r {
		if p.lon <= east {
			grow(p)
		}
		if i+1 < len(r) {
			q := r[i+1]
			if (p.lon < east) != (q.lon < east) && p.lon != q.lon {
				t := (east - p.lon) / (q.lon - p.lon)
				grow(pt{east, p.lat + t*(q.lat-p.lat)})
			}
		}
	}
	return b
}

// polylabel finds the point inside polygon poly (outer ring then holes, all
// closed) and inside box b that is farthest from the polygon's edges and, when
// walled, from b's edges; precision is in degrees. It is the grid-refinement
// search of Mapbox's polylabel, with longitude scaled by the cosine of the
// box's middle latitude.
func polylabel(poly [][]pt, b box, walled bool, precision float64) pt {
	k := math.Cos((b.s + b.n) / 2 * math.Pi / 180)
	dist := func(x, y float64) float64 {
		p := pt{x, y}
		inside := false
		d := math.Inf(1)
		for _, r := range poly {
			for i := 0; i+1 < len(r); i++ {
				a, c := r[i], r[i+1]
				if (a.lat > y) != (c.lat > y) && x < (c.lon-a.lon)*(y-a.lat)/(c.lat-a.lat)+a.lon {
					inside = !inside
				}
				d = math.Min(d, segDist(p, a, c, k))
			}
		}
		if !inside {
			d = -d
		}
		if walled {
			// The box's signed distance, positive inside; the minimum of
			// two such functions is one too.
			d = math.Min(d, math.Min(math.Min((x-b.w)*k, (b.e-x)*k), math.Min(y-b.s, b.n-y)))
		}
		return d
	}
	type cell struct{ x, y, h, d, max float64 }
	mk := func(x, y, h float64) cell {
		d := dist(x, y)
		return cell{x, y, h, d, d + h*math.Sqrt2}
	}
	w, h := b.e-b.w, b.n-b.s
	size := math.Min(w*k, h)
	if size <= 0 {
		return pt{b.w, b.s}
	}
	step := size / k // cell size in longitude degrees; latitude uses size
	var queue []cell
	for x := b.w; x < b.e; x += step {
		for y := b.s; y < b.n; y += size {
			queue = append(queue, mk(x+step/2, y+size/2, size/2))
		}
	}
	bestC := mk(b.w+w/2, b.s+h/2, 0)
	for len(queue) > 0 {
		i := 0
		for j := range queue {
			if queue[j].max > queue[i].max {
				i = j
			}
		}
		c := queue[i]
		queue[i] = queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if c.d > bestC.d {
			bestC = c
		}
		if c.max-bestC.d <= precision {
			continue
		}
		hh := c.h / 2
		for _, o := range [][2]float64{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
			queue = append(queue, mk(c.x+o[0]*hh/k, c.y+o[1]*hh, hh))
		}
	}
	return pt{bestC.x, bestC.y}
}

// magic starts the data file; the last byte is the format version.
const magic = "TDWM\x01"

// encode writes the format that package worldmap's format.go describes.
func encode(cs []*country) []byte {
	rings, points := 0, 0
	for _, c := range cs {
		rings += len(c.rings)
		for _, r := range c.rings {
			points += len(r.pts)
		}
	}
	b := []byte(magic)
	b = binary.AppendUvarint(b, uint64(len(cs)))
	b = binary.AppendUvarint(b, uint64(rings))
	b = binary.AppendUvarint(b, uint64(points))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, c := range cs {
		str(c.code)
		str(c.name)
		for _, v := range c.focus {
			b = binary.AppendVarint(b, v)
		}
		b = binary.AppendVarint(b, c.label.x)
		b = binary.AppendVarint(b, c.label.y)
		b = binary.AppendUvarint(b, uint64(len(c.rings)))
		for _, r := range c.rings {
			flag := uint64(0)
			if r.unit == fine {
				flag = 1
			}
			b = binary.AppendUvarint(b, uint64(len(r.pts))<<1|flag)
			var prev ipt
			for _, p := range r.pts {
				b = binary.AppendVarint(b, p.x-prev.x)
				b = binary.AppendVarint(b, p.y-prev.y)
				prev = p
			}
		}
	}
	return b
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp.Compare)
	return keys
}
