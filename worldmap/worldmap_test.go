package worldmap

import (
	"math"
	"strings"
	"testing"
)

// maxDataSize is the documented bound on the embedded data file: the whole
// world at 1:50m, simplified to 0.02°, is about 112 KiB; the desk allows
// about 150 KB.
const maxDataSize = 128 << 10

func load(t testing.TB) *Map {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDataSize(t *testing.T) {
	if n := len(countriesBin); n > maxDataSize {
		t.Errorf("%s is %d bytes, over the bound of %d: simplify more in tools/worldmap or raise the bound knowingly", dataFile, n, maxDataSize)
	}
}

func TestCodesUniqueAndSorted(t *testing.T) {
	m := load(t)
	if n := len(m.Countries()); n < 240 {
		t.Errorf("%d countries, want every country of Natural Earth's 1:50m data (241)", n)
	}
	seen := map[string]bool{}
	prev := ""
	for _, c := range m.Countries() {
		if seen[c.Code] {
			t.Errorf("code %q used twice", c.Code)
		}
		seen[c.Code] = true
		if c.Code <= prev {
			t.Errorf("code %q after %q: not sorted", c.Code, prev)
		}
		prev = c.Code
		if len(c.Code) != 2 || strings.ToLower(c.Code) != c.Code {
			t.Errorf("code %q is not two lower-case letters", c.Code)
		}
		if m.Country(c.Code) != c {
			t.Errorf("Country(%q) does not return the listed country", c.Code)
		}
		if c.Name == "" || len(c.Rings) == 0 {
			t.Errorf("%s: name %q, %d rings", c.Code, c.Name, len(c.Rings))
		}
		if !c.Contains(c.Label) {
			t.Errorf("%s: label %v is outside the country", c.Code, c.Label)
		}
		if !c.Focus.Contains(c.Label) {
			t.Errorf("%s: label %v is outside the focus box %v", c.Code, c.Label, c.Focus)
		}
	}
	if m.Country("NL") != nil || m.Country("zz") != nil {
		t.Error("Country finds an upper-case or unknown code")
	}
}

// TestCountries checks the scenario countries and a few that later
// scenarios may use: present, named, their focus where it should be, and
// their capital inside them.
func TestCountries(t *testing.T) {
	m := load(t)
	tests := []struct {
		code, name string
		focus      Box    // the focus box must lie inside this one
		capital    LonLat // must be inside the country, and At must find it
	}{
		{"nl", "Netherlands", Box{3, 50, 8, 54}, LonLat{4.90, 52.37}},          // Amsterdam
		{"ua", "Ukraine", Box{22, 44, 41, 53}, LonLat{30.52, 50.45}},           // Kyiv
		{"ru", "Russia", Box{19, 41, 61, 82}, LonLat{37.62, 55.75}},            // Moscow
		{"us", "United States", Box{-125, 24, -66, 50}, LonLat{-77.04, 38.90}}, // Washington
		{"fi", "Finland", Box{20, 59, 32, 71}, LonLat{24.94, 60.19}},           // Helsinki
		{"ee", "Estonia", Box{21, 57, 29, 60}, LonLat{24.75, 59.43}},           // Tallinn
		{"gb", "United Kingdom", Box{-9, 49, 2, 61}, LonLat{-0.13, 51.51}},     // London
		{"de", "Germany", Box{5, 47, 16, 56}, LonLat{13.40, 52.52}},            // Berlin
		{"lv", "Latvia", Box{20, 55, 29, 59}, LonLat{24.11, 56.95}},            // Riga
		{"lt", "Lithuania", Box{20, 53, 27, 57}, LonLat{25.28, 54.69}},         // Vilnius
		// Natural Earth's 1:50m coast puts central Stockholm (18.07, 59.33)
		// in the sea, even unsimplified; Solna, just north-west, is land.
		{"se", "Sweden", Box{10, 55, 25, 70}, LonLat{17.95, 59.35}},
		{"md", "Moldova", Box{26, 45, 31, 49}, LonLat{28.86, 47.01}},    // Chișinău
		{"by", "Belarus", Box{23, 51, 33, 57}, LonLat{27.56, 53.90}},    // Minsk
		{"kz", "Kazakhstan", Box{46, 40, 88, 56}, LonLat{71.45, 51.17}}, // Astana
		{"cn", "China", Box{73, 18, 135, 54}, LonLat{116.40, 39.90}},    // Beijing
		{"sc", "Seychelles", Box{55, -5, 56, -4}, LonLat{55.45, -4.62}}, // Mahé, inland of Victoria
		{"pa", "Panama", Box{-84, 7, -77, 10}, LonLat{-79.52, 8.98}},    // Panama City
		// Natural Earth's 1:50m Vatican lies about 1 km west of St Peter's.
		{"va", "Vatican City", Box{12.4, 41.8, 12.5, 42}, LonLat{12.435, 41.902}},
		{"it", "Italy", Box{6, 36, 19, 48}, LonLat{12.50, 41.90}},   // Rome, beside the Vatican
		{"xk", "Kosovo", Box{20, 41, 22, 44}, LonLat{21.17, 42.67}}, // Pristina
	}
	for _, tt := range tests {
		c := m.Country(tt.code)
		if c == nil {
			t.Errorf("%s (%s) missing", tt.code, tt.name)
			continue
		}
		if c.Name != tt.name {
			t.Errorf("%s: name %q, want %q", tt.code, c.Name, tt.name)
		}
		f := c.Focus
		if f.West < tt.focus.West || f.East > tt.focus.East || f.South < tt.focus.South || f.North > tt.focus.North {
			t.Errorf("%s: focus %v, want inside %v", tt.code, f, tt.focus)
		}
		if !c.Contains(tt.capital) {
			t.Errorf("%s: %v is not inside", tt.code, tt.capital)
		}
		if got := m.At(tt.capital); got != c {
			t.Errorf("At(%v) = %v, want %s", tt.capital, got, tt.code)
		}
	}
}

func TestAtSea(t *testing.T) {
	m := load(t)
	for _, p := range []LonLat{{3, 55}, {-30, 40}, {20, 35}, {180, 0}, {-180, 0}} {
		if c := m.At(p); c != nil {
			t.Errorf("At(%v) = %s, want the sea", p, c.Code)
		}
	}
}

// TestAntimeridian checks Russia, which runs from Kaliningrad to Chukotka
// across 180°: its box takes the short way round, the same place is found
// at -170° and at 190°, and a view fitted to it keeps it whole.
func TestAntimeridian(t *testing.T) {
	m := load(t)
	ru := m.Country("ru")
	b := ru.Bounds
	if b.West < 19 || b.West > 20 || b.East < 189 || b.East > 191 {
		t.Errorf("Russia's bounds %v, want 19.6 .. 190.3 (Kaliningrad to Chukotka)", b)
	}
	chukotka := LonLat{-172, 66}
	if !ru.Contains(chukotka) || !ru.Contains(LonLat{188, 66}) {
		t.Errorf("Chukotka (%v, or 188°) is not in Russia", chukotka)
	}
	if m.At(chukotka) != ru {
		t.Errorf("At(%v) = %v, want ru", chukotka, m.At(chukotka))
	}
	const w, h, pad = 1200, 600, 10
	p := FitBox(ru.Bounds, w, h, pad)
	minX, maxX := math.Inf(1), math.Inf(-1)
	minY, maxY := math.Inf(1), math.Inf(-1)
	var pts []Point
	for _, r := range ru.Rings {
		pts = p.AppendRing(pts[:0], r)
		for _, q := range pts {
			minX, maxX = min(minX, q.X), max(maxX, q.X)
			minY, maxY = min(minY, q.Y), max(maxY, q.Y)
		}
	}
	if minX < pad-1 || maxX > w-pad+1 || minY < pad-1 || maxY > h-pad+1 {
		t.Errorf("Russia fitted to %gx%gpx spans %.1f,%.1f .. %.1f,%.1f, off screen", float64(w), float64(h), minX, minY, maxX, maxY)
	}
	// It fills the view one way or the other: not squeezed into a strip of
	// a view stretched round the world.
	if maxX-minX < w-2*pad-1 && maxY-minY < h-2*pad-1 {
		t.Errorf("Russia fitted to %gx%gpx spans only %.1f,%.1f .. %.1f,%.1f", float64(w), float64(h), minX, minY, maxX, maxY)
	}
	// Both ends of the country are on screen, Chukotka to the right.
	if c := p.Project(chukotka); c.X < w/2 || c.X > w-pad {
		t.Errorf("Chukotka at x %.1f, want on the right of the view", c.X)
	}
	if k := p.Project(LonLat{20.5, 54.7}); k.X > w/4 {
		t.Errorf("Kaliningrad at x %.1f, want on the left of the view", k.X)
	}
	// A ring is never torn: consecutive points stay close.
	for _, r := range ru.Rings {
		pts = p.AppendRing(pts[:0], r)
		for i := 1; i < len(pts); i++ {
			if d := math.Abs(pts[i].X - pts[i-1].X); d > w/4 {
				t.Fatalf("a ring of Russia jumps %.0fpx between points %d and %d", d, i-1, i)
			}
		}
	}
}

func TestFit(t *testing.T) {
	m := load(t)
	const w, h, pad = 1000, 700, 20
	tests := []struct {
		name    string
		codes   []string
		inside  []LonLat // on screen, within the padding
		outside []LonLat // off screen
	}{
		{
			"scenario countries: Europe to the Urals",
			[]string{"ru", "nl", "ua", "fi", "ee"},
			[]LonLat{{4.9, 52.37}, {37.62, 55.75}, {30.52, 50.45}, {24.94, 60.17}, {59, 56}},
			[]LonLat{{-77.04, 38.9}, {100, 60}, {-172, 66}},
		},
		{
			"with the United States: across the Atlantic",
			[]string{"ru", "nl", "ua", "us", "fi", "ee"},
			[]LonLat{{4.9, 52.37}, {37.62, 55.75}, {-77.04, 38.9}, {-122.4, 37.8}},
			[]LonLat{{100, 60}, {139.7, 35.7}},
		},
		{
			"Fiji across the antimeridian",
			[]string{"fj"},
			[]LonLat{{178.4, -18.1}, {-179.9, -16.2}},
			[]LonLat{{170, -18}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := m.Fit(tt.codes, w, h, pad)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range tt.inside {
				if s := p.Project(q); s.X < pad-1 || s.X > w-pad+1 || s.Y < pad-1 || s.Y > h-pad+1 {
					t.Errorf("%v projects to %v, off screen", q, s)
				}
			}
			for _, q := range tt.outside {
				if s := p.Project(q); s.X >= 0 && s.X <= w && s.Y >= 0 && s.Y <= h {
					t.Errorf("%v projects to %v, on screen", q, s)
				}
			}
		})
	}
	if _, err := m.Fit([]string{"nl", "atlantis"}, w, h, pad); err == nil || !strings.Contains(err.Error(), `"atlantis"`) {
		t.Errorf("Fit with an unknown code: error %v, want one naming it", err)
	}
	if _, err := m.Fit(nil, w, h, pad); err == nil {
		t.Error("Fit with no codes: no error")
	}
}

func TestProjectRoundTrip(t *testing.T) {
	m := load(t)
	p, err := m.Fit([]string{"ru", "nl", "us"}, 800, 500, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []LonLat{{4.9, 52.37}, {-77.04, 38.9}, {37.62, 55.75}, {-170, 65}, {179.5, 0}} {
		got := p.Unproject(p.Project(q))
		if math.Abs(got.Lon-q.Lon) > 1e-9 || math.Abs(got.Lat-q.Lat) > 1e-9 {
			t.Errorf("Unproject(Project(%v)) = %v", q, got)
		}
		if c := m.At(got); c != m.At(q) {
			t.Errorf("At differs after the round trip of %v", q)
		}
	}
	// Proportions: at the fitted box's middle latitude a degree of
	// longitude is cos(latitude) of a degree of latitude.
	b := Box{0, 40, 20, 60}
	p = FitBox(b, 1000, 1000, 0)
	a, c, d := p.Project(LonLat{10, 50}), p.Project(LonLat{11, 50}), p.Project(LonLat{10, 49})
	if got, want := (c.X-a.X)/(d.Y-a.Y), math.Cos(50*math.Pi/180); math.Abs(got-want) > 1e-9 {
		t.Errorf("x/y scale %g, want cos 50° = %g", got, want)
	}
	// A tiny box is grown, not divided by zero.
	p = FitBox(m.Country("va").Bounds, 100, 100, 0)
	if s := p.Project(LonLat{12.45, 41.9}); math.IsNaN(s.X) || math.IsInf(s.X, 0) || s.X < 0 || s.X > 100 {
		t.Errorf("the Vatican projects to %v in a 100px view", s)
	}
}

func TestUnion(t *testing.T) {
	tests := []struct {
		a, b, want Box
	}{
		{Box{0, 0, 10, 10}, Box{20, -5, 30, 5}, Box{0, -5, 30, 10}},
		// The short way round is across the antimeridian.
		{Box{170, 0, 175, 1}, Box{-175, 0, -170, 1}, Box{170, 0, 190, 1}},
		{Box{-175, 0, -170, 1}, Box{170, 0, 175, 1}, Box{170, 0, 190, 1}},
		// A box already across it.
		{Box{19.6, 41, 190.3, 82}, Box{-125, 24, -67, 49}, Box{19.6, 24, 293, 82}},
		{Box{27, 41, 60, 73}, Box{-125, 24, -67, 49}, Box{-125, 24, 60, 73}},
		// Overlapping round the world.
		{Box{-180, 0, 100, 1}, Box{90, 0, 190, 1}, Box{-180, 0, 180, 1}},
	}
	for _, tt := range tests {
		got := tt.a.Union(tt.b)
		if math.Abs(got.West-tt.want.West) > 1e-9 || math.Abs(got.East-tt.want.East) > 1e-9 || got.South != tt.want.South || got.North != tt.want.North {
			t.Errorf("%v ∪ %v = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	good := countriesBin
	tests := []struct {
		name, data, want string
	}{
		{"empty", "", "not a worldmap data file"},
		{"other file", "PNG\x89....", "not a worldmap data file"},
		{"new version", "TDWM\x02", "format version 2, want 1"},
		{"truncated header", magic, "byte 5: country count: unexpected end of data"},
		{"truncated", good[:len(good)-100], "unexpected end of data"},
		{"trailing bytes", good + "x", "1 bytes left after the last country"},
		{"huge counts", magic + "\xff\xff\x03\x01\x01", "too many"},
	}
	for _, tt := range tests {
		_, err := decode("test.bin", tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "test.bin: ") {
			t.Errorf("%s: error %v, want one from test.bin containing %q", tt.name, err, tt.want)
		}
	}
	// A truncated file says which country it was reading.
	_, err := decode("test.bin", good[:len(good)-100])
	if err == nil || !strings.Contains(err.Error(), `country 240 ("zw") ring 0: `) {
		t.Errorf("truncated: error %v, want one naming the country", err)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAt(b *testing.B) {
	m := load(b)
	for b.Loop() {
		m.At(LonLat{37.62, 55.75})
	}
}

// TestCrimeaIsUkraine checks that the peninsula's cities are in Ukraine,
// as the United Nations counts them, not in Russia, where the source data
// draws the line of control.
func TestCrimeaIsUkraine(t *testing.T) {
	m := load(t)
	ua, ru := m.Country("ua"), m.Country("ru")
	for _, p := range []LonLat{{34.10, 44.95}, {33.52, 44.60}, {36.47, 45.36}} { // Simferopol, Sevastopol, Kerch
		if !ua.Contains(p) || ru.Contains(p) {
			t.Errorf("%v: in Ukraine %v, in Russia %v; want Ukraine only", p, ua.Contains(p), ru.Contains(p))
		}
	}
}
