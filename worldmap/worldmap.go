package worldmap

import (
	"fmt"
	"math"
)

// LonLat is a position in degrees: longitude east, latitude north.
type LonLat struct{ Lon, Lat float64 }

// Ring is one closed outline, an island's coast, a country's mainland or a
// hole (an enclave such as Lesotho in South Africa). The last point joins
// the first and is not repeated. Fill a country's rings together with the
// even-odd rule so that holes stay empty.
type Ring struct {
	Points []LonLat
	// Bounds is the ring's bounding box. Its longitudes are those of
	// Points: a ring that crosses the antimeridian has East > 180.
	Bounds Box
}

// Country is one country or territory.
type Country struct {
	// Code is the lower-case ISO 3166-1 alpha-2 code, or a user-assigned
	// code for the few features without one (see the package doc).
	Code string
	// Name is the English short name, e.g. "Netherlands".
	Name  string
	Rings []Ring
	// Bounds covers every ring, overseas ones included, taking the short
	// way across the antimeridian: Russia's runs from Kaliningrad (19.6°)
	// to Chukotka (190.3°, that is -169.7°).
	Bounds Box
	// Focus is the part a map of the country shows: its largest polygon
	// and those within 3° of it, without distant territories (metropolitan
	// France, the contiguous United States). Russia's is European Russia, west of
	// 60° E, so that a view of Russia and its European neighbours is a view
	// of Europe.
	Focus Box
	// Label is a point inside the country's largest polygon (for Russia,
	// inside European Russia) as far from its edges as can be: a place for
	// a label or a marker. It is not the centroid, which may fall outside
	// (Croatia, Norway) or in the sea.
	Label LonLat
}

// Contains reports whether p lies inside the country (even-odd over its
// rings), whatever multiple of 360° its longitude is given in.
func (c *Country) Contains(p LonLat) bool {
	in := false
	for i := range c.Rings {
		r := &c.Rings[i]
		q, ok := r.Bounds.wrap(p)
		if !ok {
			continue
		}
		if r.contains(q) {
			in = !in
		}
	}
	return in
}

// contains is the crossing-number test for a point already in the ring's
// longitudes.
func (r *Ring) contains(p LonLat) bool {
	in := false
	pts := r.Points
	j := len(pts) - 1
	for i := range pts {
		a, b := pts[i], pts[j]
		if (a.Lat > p.Lat) != (b.Lat > p.Lat) &&
			p.Lon < (b.Lon-a.Lon)*(p.Lat-a.Lat)/(b.Lat-a.Lat)+a.Lon {
			in = !in
		}
		j = i
	}
	return in
}

// Map is the set of countries. It is read-only after Load.
type Map struct {
	list   []*Country
	byCode map[string]*Country
}

// Countries lists every country, sorted by code. The slice is the Map's own:
// do not change it.
func (m *Map) Countries() []*Country { return m.list }

// Country returns the country with the lower-case code, or nil.
func (m *Map) Country(code string) *Country { return m.byCode[code] }

// At returns the country at p, or nil over the sea. Where outlines overlap
// by a hair along a simplified border, the smaller country wins.
func (m *Map) At(p LonLat) *Country {
	var best *Country
	for _, c := range m.list {
		if _, ok := c.Bounds.wrap(p); !ok || !c.Contains(p) {
			continue
		}
		if best == nil || c.Bounds.area() < best.Bounds.area() {
			best = c
		}
	}
	return best
}

// Focus returns the union of the focus boxes of the countries with the
// given codes, taking the short way across the antimeridian. It fails on an
// unknown code or an empty list.
func (m *Map) Focus(codes []string) (Box, error) {
	if len(codes) == 0 {
		return Box{}, fmt.Errorf("worldmap: Focus: no countries given")
	}
	for _, code := range codes {
		if m.byCode[code] == nil {
			return Box{}, fmt.Errorf("worldmap: Focus: unknown country code %q", code)
		}
	}
	return unionBoxes(func(yield func(Box) bool) {
		for _, code := range codes {
			if !yield(m.byCode[code].Focus) {
				return
			}
		}
	}), nil
}

// Fit returns a projection of the focus boxes of the given countries onto a
// w×h pixel area with pad pixels of margin: FitBox of Focus. A view of
// Russia, the Netherlands, Ukraine, Finland and Estonia is Europe from the
// North Sea to the Urals; adding the United States widens it west across the
// Atlantic.
func (m *Map) Fit(codes []string, w, h, pad float64) (Projection, error) {
	b, err := m.Focus(codes)
	if err != nil {
		return Projection{}, err
	}
	return FitBox(b, w, h, pad), nil
}

// boundsOf is the plain bounding box of points whose longitudes run on
// without jumps.
func boundsOf(pts []LonLat) Box {
	b := Box{West: math.Inf(1), South: math.Inf(1), East: math.Inf(-1), North: math.Inf(-1)}
	for _, p := range pts {
		b.West, b.East = min(b.West, p.Lon), max(b.East, p.Lon)
		b.South, b.North = min(b.South, p.Lat), max(b.North, p.Lat)
	}
	return b
}
