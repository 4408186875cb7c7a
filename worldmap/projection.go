package worldmap

import "math"

// Point is a position in pixels, y down.
type Point struct{ X, Y float64 }

// Projection maps longitude and latitude to pixels: an equirectangular
// projection whose longitudes are shrunk by the cosine of the middle
// latitude of the fitted box, so that shapes near that latitude keep their
// proportions. The zero Projection maps everything to the origin; make one
// with FitBox or Map.Fit.
type Projection struct {
	center float64 // longitudes are wrapped to within 180° of this one
	west   float64 // the longitude at x0
	north  float64 // the latitude at y0
	x0, y0 float64
	kx, ky float64 // pixels per degree of longitude and of latitude
}

// Limits of FitBox.
const (
	// minSpan is the smallest box, in degrees each way, that FitBox
	// fits; a smaller one (the Vatican) is grown around its center.
	minSpan = 1.0
	// maxParallel caps the latitude whose cosine shrinks longitudes, so
	// that a polar box does not squeeze the map to a line.
	maxParallel = 70.0
)

// FitBox returns the projection that shows b as large as it fits, centred,
// in a w×h pixel area with pad pixels of margin on every side.
func FitBox(b Box, w, h, pad float64) Projection {
	if b.East-b.West < minSpan {
		c := (b.West + b.East) / 2
		b.West, b.East = c-minSpan/2, c+minSpan/2
	}
	if b.North-b.South < minSpan {
		c := (b.South + b.North) / 2
		b.South, b.North = c-minSpan/2, c+minSpan/2
	}
	parallel := max(-maxParallel, min(maxParallel, (b.South+b.North)/2))
	cos := math.Cos(parallel * math.Pi / 180)
	aw, ah := max(w-2*pad, 1), max(h-2*pad, 1)
	bw, bh := b.East-b.West, b.North-b.South
	k := min(aw/(bw*cos), ah/bh)
	p := Projection{
		center: (b.West + b.East) / 2,
		west:   b.West,
		north:  b.North,
		kx:     k * cos,
		ky:     k,
	}
	p.x0 = pad + (aw-bw*p.kx)/2
	p.y0 = pad + (ah-bh*p.ky)/2
	return p
}

// Project returns the pixel position of q, taking q's longitude on the side
// of the antimeridian nearest the view's center.
func (p Projection) Project(q LonLat) Point {
	lon := q.Lon - 360*math.Round((q.Lon-p.center)/360)
	return Point{p.x0 + (lon-p.west)*p.kx, p.y0 + (p.north-q.Lat)*p.ky}
}

// Unproject returns the position at pixel pt, its longitude in
// [-180, 180): with Map.At it tells which country is under the mouse.
func (p Projection) Unproject(pt Point) LonLat {
	if p.kx == 0 || p.ky == 0 {
		return LonLat{}
	}
	lon := p.west + (pt.X-p.x0)/p.kx
	lon -= 360 * math.Floor((lon+180)/360)
	return LonLat{lon, p.north - (pt.Y-p.y0)/p.ky}
}

// AppendRing appends the pixel positions of r's points to dst and returns
// the extended slice. The ring moves whole by a multiple of 360° to the side
// of the antimeridian nearest the view's center, so it is never torn across
// the map: mainland Russia, which runs on to Chukotka at 190°, leaves a view
// of Europe by its right edge. A ring is drawn once, so in a view of the
// whole world the part of a ring beyond the view's edge (Chukotka's tip,
// Antarctica's end when the view is not centred on 0°) is not shown again
// at the other edge; draw it a second time shifted by 360° if that matters.
func (p Projection) AppendRing(dst []Point, r Ring) []Point {
	shift := -360 * math.Round((r.Bounds.Center().Lon-p.center)/360)
	for _, q := range r.Points {
		dst = append(dst, Point{p.x0 + (q.Lon+shift-p.west)*p.kx, p.y0 + (p.north-q.Lat)*p.ky})
	}
	return dst
}
