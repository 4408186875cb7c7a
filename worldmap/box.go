package worldmap

import (
	"fmt"
	"iter"
	"math"
	"slices"
)

// Box is a longitude-latitude rectangle in degrees. West lies in
// [-180, 180) and East >= West; a box that crosses the antimeridian has
// East > 180 (Russia's Bounds run from 19.6 to 190.3). A box around the
// whole world runs from -180 to 180.
type Box struct{ West, South, East, North float64 }

// String formats the box as "[west,south .. east,north]".
func (b Box) String() string {
	return fmt.Sprintf("[%g,%g .. %g,%g]", b.West, b.South, b.East, b.North)
}

// Center is the middle of the box; its longitude may exceed 180.
func (b Box) Center() LonLat {
	return LonLat{(b.West + b.East) / 2, (b.South + b.North) / 2}
}

// Contains reports whether p lies in the box, whatever multiple of 360° its
// longitude is given in.
func (b Box) Contains(p LonLat) bool {
	_, ok := b.wrap(p)
	return ok
}

// Union is the smallest box that holds both b and o, taking the short way
// around the world in longitude.
func (b Box) Union(o Box) Box {
	return unionBoxes(slices.Values([]Box{b, o}))
}

// wrap moves p's longitude by a multiple of 360° into [West, West+360) and
// reports whether p then lies in the box.
func (b Box) wrap(p LonLat) (LonLat, bool) {
	p.Lon -= 360 * math.Floor((p.Lon-b.West)/360)
	return p, p.Lon <= b.East && p.Lat >= b.South && p.Lat <= b.North
}

// area is the box's size in square degrees, for ranking only.
func (b Box) area() float64 { return (b.East - b.West) * (b.North - b.South) }

// unionBoxes is the smallest box that holds every box of bs: in latitude,
// the extremes; in longitude, the circle minus its largest gap not covered
// by any box. It is the zero Box when bs yields none.
func unionBoxes(bs iter.Seq[Box]) Box {
	type span struct{ w, e float64 }
	var spans []span
	south, north := math.Inf(1), math.Inf(-1)
	full := false
	for b := range bs {
		south, north = min(south, b.South), max(north, b.North)
		w := b.West - 360*math.Floor((b.West+180)/360)
		e := w + (b.East - b.West)
		switch {
		case e-w >= 360:
			full = true
		case e > 180:
			spans = append(spans, span{w, 180}, span{-180, e - 360})
		default:
			spans = append(spans, span{w, e})
		}
	}
	if math.IsInf(south, 1) {
		return Box{}
	}
	if full {
		return Box{-180, south, 180, north}
	}
	slices.SortFunc(spans, func(a, b span) int {
		switch {
		case a.w < b.w:
			return -1
		case a.w > b.w:
			return 1
		}
		return 0
	})
	merged := spans[:1]
	for _, s := range spans[1:] {
		last := &merged[len(merged)-1]
		if s.w <= last.e {
			last.e = max(last.e, s.e)
		} else {
			merged = append(merged, s)
		}
	}
	// The gap across the antimeridian, from the last span round to the
	// first, against each gap between neighbours.
	n := len(merged)
	best := merged[0].w + 360 - merged[n-1].e
	out := Box{merged[0].w, south, merged[n-1].e, north}
	for i := 0; i+1 < n; i++ {
		if g := merged[i+1].w - merged[i].e; g > best {
			best = g
			out = Box{merged[i+1].w, south, merged[i].e + 360, north}
		}
	}
	if best <= 0 {
		return Box{-180, south, 180, north}
	}
	return out
}
