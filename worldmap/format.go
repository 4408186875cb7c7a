package worldmap

import (
	_ "embed"
	"fmt"
	"strings"
)

// countriesBin is the embedded data file. Its format, written by
// tools/worldmap, is, after the magic "TDWM" and the version byte 1:
//
//	uvarint countries, uvarint rings, uvarint points (totals, for allocation)
//	per country, sorted by code:
//	  uvarint length, bytes: code; uvarint length, bytes: English name (UTF-8)
//	  4 varints: focus box west, south, east, north in 0.01°
//	  2 varints: label point lon, lat in 0.01°
//	  uvarint rings
//	  per ring:
//	    uvarint points<<1 | fine, where fine means the unit is 0.001°, else 0.01°
//	    per point: varint lon, varint lat in the unit, each the difference
//	    from the ring's previous point (the first from 0, 0)
//
// Varints are encoding/binary's (zig-zag for signed). A ring does not repeat
// its first point at the end.
//
//go:embed countries.bin
var countriesBin string

// dataFile names the embedded file in errors.
const dataFile = "worldmap/countries.bin"

// magic starts the data file; its last byte is the format version.
const magic = "TDWM\x01"

// Sanity limits that keep a corrupt file from asking for huge allocations.
const (
	maxCountries = 1000
	maxNameLen   = 200
)

// Load decodes the embedded outlines. Each call decodes afresh (a
// millisecond or two, about 1 MB); callers keep the Map. The Map and
// everything it returns are read-only.
func Load() (*Map, error) {
	return decode(dataFile, countriesBin)
}

// decoder reads the data file, tracking where it is for errors.
type decoder struct {
	file string
	s    string
	off  int
	err  error
	// Where the reader is, for errors: country and ring are -1 outside one.
	country, ring int
	code          string
}

// fail records the first error, saying where it happened.
func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		at := ""
		if d.country >= 0 {
			at = fmt.Sprintf("country %d", d.country)
			if d.code != "" {
				at += fmt.Sprintf(" (%q)", d.code)
			}
			if d.ring >= 0 {
				at += fmt.Sprintf(" ring %d", d.ring)
			}
			at += ": "
		}
		d.err = fmt.Errorf("%s: byte %d: %s%s", d.file, d.off, at, fmt.Sprintf(format, args...))
	}
}

// uvarint reads an unsigned varint; what names it in errors.
func (d *decoder) uvarint(what string) uint64 {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if d.err != nil {
			return 0
		}
		if d.off >= len(d.s) {
			d.fail("%s: unexpected end of data", what)
			return 0
		}
		if shift > 63 {
			d.fail("%s: varint overflows 64 bits", what)
			return 0
		}
		b := d.s[d.off]
		d.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
}

// varint reads a zig-zag signed varint.
func (d *decoder) varint(what string) int64 {
	u := d.uvarint(what)
	return int64(u>>1) ^ -int64(u&1)
}

// str reads a length-prefixed string.
func (d *decoder) str(what string) string {
	n := d.uvarint(what + " length")
	if d.err != nil {
		return ""
	}
	if n > maxNameLen || n > uint64(len(d.s)-d.off) {
		d.fail("%s: length %d runs past the data or the limit of %d", what, n, maxNameLen)
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

// decode parses a data file; file names it in errors.
func decode(file, s string) (*Map, error) {
	if !strings.HasPrefix(s, magic[:4]) {
		return nil, fmt.Errorf("%s: not a worldmap data file (no %q at the start)", file, magic[:4])
	}
	if len(s) < len(magic) || s[4] != magic[4] {
		return nil, fmt.Errorf("%s: format version %d, want %d (regenerate it with tools/worldmap)", file, s[min(4, len(s)-1)], magic[4])
	}
	d := &decoder{file: file, s: s, off: len(magic), country: -1, ring: -1}
	nc := d.uvarint("country count")
	nr := d.uvarint("ring count")
	np := d.uvarint("point count")
	// Each ring takes at least one byte and each point two.
	if d.err == nil && (nc > maxCountries || nr > uint64(len(s)) || np > uint64(len(s))/2) {
		d.fail("header counts %d countries, %d rings, %d points: too many for %d bytes", nc, nr, np, len(s))
	}
	if d.err != nil {
		return nil, d.err
	}
	m := &Map{
		list:   make([]*Country, 0, nc),
		byCode: make(map[string]*Country, nc),
	}
	store := make([]Country, nc)
	rings := make([]Ring, 0, nr)
	points := make([]LonLat, 0, np)
	for i := range store {
		c := &store[i]
		d.country, d.code, d.ring = i, "", -1
		c.Code = d.str("code")
		d.code = c.Code
		c.Name = d.str("name")
		c.Focus = Box{
			West:  float64(d.varint("focus west")) / 100,
			South: float64(d.varint("focus south")) / 100,
			East:  float64(d.varint("focus east")) / 100,
			North: float64(d.varint("focus north")) / 100,
		}
		c.Label = LonLat{float64(d.varint("label lon")) / 100, float64(d.varint("label lat")) / 100}
		n := d.uvarint("ring count")
		if d.err == nil && n > nr-uint64(len(rings)) {
			d.fail("%d rings: more than the header's %d in all", n, nr)
		}
		if d.err == nil && n == 0 {
			d.fail("no rings")
		}
		if d.err != nil {
			return nil, d.err
		}
		first := len(rings)
		for j := range int(n) {
			d.ring = j
			h := d.uvarint("point count")
			k, unit := h>>1, 100.0
			if h&1 == 1 {
				unit = 1000
			}
			if d.err == nil && k > np-uint64(len(points)) {
				d.fail("%d points: more than the header's %d in all", k, np)
			}
			if d.err == nil && k < 3 {
				d.fail("%d points: a ring needs at least 3", k)
			}
			if d.err != nil {
				return nil, d.err
			}
			start := len(points)
			var x, y int64
			for range int(k) {
				x += d.varint("longitude")
				y += d.varint("latitude")
				points = append(points, LonLat{float64(x) / unit, float64(y) / unit})
			}
			if d.err != nil {
				return nil, d.err
			}
			pts := points[start:len(points):len(points)]
			b := boundsOf(pts)
			if b.West < -180 || b.West >= 180 || b.East-b.West > 360 || b.South < -90 || b.North > 90 {
				d.fail("bounds %v: west must lie in [-180, 180), the width within 360 and latitudes within ±90", b)
				return nil, d.err
			}
			rings = append(rings, Ring{Points: pts, Bounds: b})
		}
		c.Rings = rings[first:len(rings):len(rings)]
		c.Bounds = unionBoxes(func(yield func(Box) bool) {
			for _, r := range c.Rings {
				if !yield(r.Bounds) {
					return
				}
			}
		})
		d.ring = -1
		switch {
		case len(c.Code) < 2 || strings.ToLower(c.Code) != c.Code:
			d.fail("code is not lower case")
		case m.byCode[c.Code] != nil:
			d.fail("code used twice")
		case i > 0 && store[i-1].Code > c.Code:
			d.fail("codes out of order")
		case c.Name == "":
			d.fail("no name")
		}
		if d.err != nil {
			return nil, d.err
		}
		m.list = append(m.list, c)
		m.byCode[c.Code] = c
	}
	d.country, d.ring = -1, -1
	if len(rings) != int(nr) || len(points) != int(np) {
		d.fail("read %d rings and %d points; the header says %d and %d", len(rings), len(points), nr, np)
	}
	if d.err == nil && d.off != len(s) {
		d.fail("%d bytes left after the last country", len(s)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}
