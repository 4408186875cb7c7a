package main

import (
	"math"
	"testing"
)

func TestCodeTables(t *testing.T) {
	seen := map[string]string{"cx": "split", "cc": "split"}
	check := func(key string, e entry) {
		if len(e.code) != 2 || e.code[0] < 'a' || e.code[0] > 'z' || e.code[1] < 'a' || e.code[1] > 'z' {
			t.Errorf("%s: code %q is not two lower-case letters", key, e.code)
		}
		if prev, ok := seen[e.code]; ok {
			t.Errorf("%s: code %q already used by %s", key, e.code, prev)
		}
		seen[e.code] = key
		if e.name == "" {
			t.Errorf("%s: no name", key)
		}
	}
	for id, e := range numericCodes() {
		if len(id) != 3 {
			t.Errorf("numeric id %q is not three digits", id)
		}
		check(id, e)
	}
	for name, e := range unnumberedCodes() {
		check(name, e)
		if e.code[0] != 'x' {
			t.Errorf("%s: code %q is outside the user-assigned range", name, e.code)
		}
	}
}

// TestAssemble joins a reversed arc to another across the antimeridian.
func TestAssemble(t *testing.T) {
	arcs := [][]pt{
		{{170, 60}, {179, 61}, {-179, 62}, {-170, 60}}, // east across 180°
		{{170, 60}, {-170, 60}},                        // the closing edge, drawn west to east
	}
	for i := range arcs {
		unwrap(arcs[i])
	}
	r := assemble(arcs, []int{0, ^1})
	want := []pt{{170, 60}, {179, 61}, {181, 62}, {190, 60}, {170, 60}}
	if len(r) != len(want) {
		t.Fatalf("assemble = %v, want %v", r, want)
	}
	for i := range r {
		if math.Abs(r[i].lon-want[i].lon) > 1e-9 || r[i].lat != want[i].lat {
			t.Fatalf("assemble = %v, want %v", r, want)
		}
	}
	// The same ring given from Chukotka's side starts west of -180° and is
	// moved east by 360°.
	arcs = [][]pt{{{-190, 60}, {-181, 61}, {-179, 62}, {-170, 60}, {-190, 60}}}
	r = assemble(arcs, []int{0})
	if b := boxOf(r); b.w != 170 || b.e != 190 {
		t.Errorf("ring box %v, want 170 .. 190", b)
	}
}

// TestAssemblePolar closes a ring that goes once round the South Pole.
func TestAssemblePolar(t *testing.T) {
	arc := []pt{{-180, -70}, {-90, -72}, {0, -68}, {90, -71}, {180, -70}}
	r := assemble([][]pt{arc}, []int{0})
	n := len(r)
	if r[n-1] != r[0] || r[n-2].lat != -90 || r[n-3].lat != -90 {
		t.Errorf("polar ring %v does not close along the pole", r)
	}
	if a := math.Abs(area(r)); a < 360*math.Cos(70*math.Pi/180)*19 {
		t.Errorf("polar ring area %g, want the band from the coast to the pole", a)
	}
}

func TestSimplify(t *testing.T) {
	line := []pt{{0, 0}, {1, 0.001}, {2, -0.001}, {3, 0}}
	if got := simplify(line, 0.01); len(got) != 2 {
		t.Errorf("a nearly straight line simplifies to %v, want its two ends", got)
	}
	if got := simplify(line, 0.0001); len(got) != 4 {
		t.Errorf("with a tolerance under its wiggle, %v", got)
	}
	island := []pt{{0, 0}, {0.001, 0.0005}, {0.002, 0}, {0.001, -0.0005}, {0, 0}}
	if got := simplify(island, 1); len(got) < 3 {
		t.Errorf("a closed arc simplifies to %v, want at least three points", got)
	}
}

func TestQuantize(t *testing.T) {
	closed := func(ps ...pt) []pt { return append(ps, ps[0]) }
	big := closed(pt{0, 0}, pt{1, 0}, pt{1, 1}, pt{0, 1})
	if q, ok := quantize(big, big); !ok || q.unit != coarse || len(q.pts) != 4 {
		t.Errorf("a 1° square: %+v, %v; want four points on the 0.01° grid", q, ok)
	}
	small := closed(pt{12.4291, 41.8973}, pt{12.4399, 41.8991}, pt{12.4399, 41.906}, pt{12.4291, 41.906})
	if q, ok := quantize(small, small); !ok || q.unit != fine {
		t.Errorf("the Vatican: %+v, %v; want the 0.001° grid", q, ok)
	}
	speck := closed(pt{0, 0}, pt{0.0001, 0}, pt{0, 0.0001})
	if q, ok := quantize(speck, speck); ok {
		t.Errorf("a speck under the fine grid: %+v, want it to collapse", q)
	}
}

func TestPolylabel(t *testing.T) {
	// A 10° square with a hole in its western half: the label goes east.
	outer := []pt{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}
	hole := []pt{{1, 1}, {5, 1}, {5, 9}, {1, 9}, {1, 1}}
	b := boxOf(outer)
	p := polylabel([][]pt{outer, hole}, b, false, 0.01)
	if p.lon < 5 || p.lon > 10 || p.lat < 1 || p.lat > 9 {
		t.Errorf("label %v, want in the eastern half, clear of the hole", p)
	}
	// Walled into the western 4°, it stays there.
	b.e = 4
	p = polylabel([][]pt{outer}, b, true, 0.01)
	if p.lon > 4 {
		t.Errorf("walled label %v, want west of 4°", p)
	}
}
