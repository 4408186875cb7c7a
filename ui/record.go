package ui

import (
	"image"
	"math"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// Layers of what the window draws, bottom to top. Text is checked for
// overlaps only against text of its own layer: a higher layer covers the
// ones below.
const (
	layerBase    = iota
	layerMenu    // the desk's context menu
	layerTip     // a tooltip
	layerOverlay // a message or question over the scene
)

// textRecord is one string the window drew or gave a button, kept while a
// recorder is set so that tests can check the layout: that each string
// lies inside its panel, overlaps no other, was not cut, and came through
// the message catalogue.
type textRecord struct {
	s      string
	r      image.Rectangle // the box of its glyphs
	clip   image.Rectangle // the panel it was drawn in
	layer  int
	button bool // a button's label; clip is the button
	ghost  bool // an invisible button over something drawn: r is the button
	cut    bool // it did not fit its panel and was left out or shortened
}

// recorder keeps what was drawn while a test looks. The window has none.
type recorder struct {
	recs  []textRecord
	layer int
}

// reset forgets what was drawn before a new build.
func (r *recorder) reset() { r.recs = r.recs[:0] }

// textBox is the box the glyphs of s take when drawn with its top-left
// corner at x, y.
func textBox(s string, face text.Face, x, y float64) image.Rectangle {
	w, h := text.Measure(s, face, 0)
	return image.Rect(int(math.Floor(x)), int(math.Floor(y)), int(math.Ceil(x+w)), int(math.Ceil(y+h)))
}

// record notes a drawn string.
func (a *App) record(s string, r, clip image.Rectangle, cut bool) {
	if a.rec == nil || s == "" {
		return
	}
	a.rec.recs = append(a.rec.recs, textRecord{s: s, r: r, clip: clip, layer: a.rec.layer, cut: cut})
}

// recordButton notes a button's label and where it went.
func (a *App) recordButton(label string, r image.Rectangle, lines int, ghost bool) {
	if a.rec == nil {
		return
	}
	if ghost {
		a.rec.recs = append(a.rec.recs, textRecord{r: r, clip: r, layer: a.rec.layer, ghost: true})
		return
	}
	if label == "" {
		return
	}
	face := a.fonts.button
	w := 0.0
	for _, l := range splitLines(label) {
		w = max(w, text.Advance(l, face))
	}
	_, h := text.Measure(label, face, a.lineOf(face))
	x := float64(r.Min.X) + (float64(r.Dx())-w)/2
	y := float64(r.Min.Y) + (float64(r.Dy())-h)/2
	box := image.Rect(int(math.Floor(x)), int(math.Floor(y)), int(math.Ceil(x+w)), int(math.Ceil(y+h)))
	pad := a.u(6)
	cut := w > float64(r.Dx()-2*pad) || lines == 0
	a.rec.recs = append(a.rec.recs, textRecord{s: label, r: box, clip: r, layer: a.rec.layer, button: true, cut: cut})
}

// setLayer says which layer what is drawn next belongs to.
func (a *App) setLayer(l int) {
	if a.rec != nil {
		a.rec.layer = l
	}
}

// drop forgets the buttons recorded at a rectangle: they were taken off
// the scene.
func (r *recorder) drop(at image.Rectangle) {
	keep := r.recs[:0]
	for _, rec := range r.recs {
		if (rec.button || rec.ghost) && rec.clip == at {
			continue
		}
		keep = append(keep, rec)
	}
	r.recs = keep
}
