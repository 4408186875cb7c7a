package explore

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"takedown/catalog"
	"takedown/engine"
)

// release1 copies release 1's film-site and its rule packs (kept in the
// engine's testdata) into a folder, with the lessons today's film-site
// declares about the foreign records added, and compiles it.
func release1(t *testing.T) *engine.Program {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("../engine/testdata/release1/film-site.lua")
	if err != nil {
		t.Fatal(err)
	}
	lessons := `
add_lesson { id = "preserve", text = { en = "Freeze and obtain the Dutch host's logs", ru = "Заморозить и получить журналы хостера" },
  needs = { "obtained rec-host-logs" } }
add_lesson { id = "money", text = { en = "Obtain the US processor's records", ru = "Получить данные платёжной системы" },
  needs = { "obtained rec-paybridge" } }
`
	// The lessons go before the script's closing return table.
	i := strings.LastIndex(string(src), "\nreturn {")
	if i < 0 {
		t.Fatal("release 1's film-site has no return table")
	}
	out := string(src[:i]) + lessons + string(src[i:])
	if err := os.WriteFile(filepath.Join(dir, "film-site.lua"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "rules"), os.DirFS("../engine/testdata/release1/rules")); err != nil {
		t.Fatal(err)
	}
	p, err := engine.Open(catalog.New(), filepath.Join(dir, "film-site.lua"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFindsReleaseOnesDomesticWin checks that the explorer finds what
// trainees found in release 1's film-site: the court convicts although the
// foreign records, which the lessons are about, were never obtained.
func TestFindsReleaseOnesDomesticWin(t *testing.T) {
	r, err := Explore(context.Background(), release1(t), Options{Seed: 1, Budget: 120})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unearned) == 0 {
		t.Fatalf("no unearned conviction in %d variants: %v", r.Played, r.Endings)
	}
	u := r.Unearned[0]
	if !u.FullConviction || len(u.Skipped) == 0 {
		t.Errorf("the finding %+v is not a conviction with a lesson skipped", u)
	}
	mv := u.Moves(1, "the court convicted without the foreign records")
	if !strings.Contains(mv, "seed 1\n") || !strings.Contains(mv, "expect not lesson ") || !strings.Contains(mv, u.Lines[0]+"\n") {
		t.Errorf("the walkthrough written is incomplete:\n%s", mv)
	}
}

// TestSameSearchSameReport checks that the search is deterministic.
func TestSameSearchSameReport(t *testing.T) {
	p, err := engine.Open(catalog.New(), "film-site")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Explore(context.Background(), p, Options{Seed: 1, Budget: 30, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Explore(context.Background(), p, Options{Seed: 1, Budget: 30, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("two searches with different worker counts differ")
	}
	if a.Baseline == nil || a.Baseline.Result != "win" {
		t.Errorf("the diligent player does not win film-site: %+v", a.Baseline)
	}
}

// TestDiligentPlayerMonitorsMirrors checks that the diligent player keeps
// searching a blocked site for its mirrors, as the shipped blocking case
// requires: blocking once and never looking again leaves the mirrors
// running, and only a player who keeps watching wins it.
func TestDiligentPlayerMonitorsMirrors(t *testing.T) {
	p, err := engine.Open(catalog.New(), "../scenarios/blocked-stream.lua")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Explore(context.Background(), p, Options{Seed: 1, Budget: 1})
	if err != nil {
		t.Fatal(err)
	}
	b := r.Baseline
	if b == nil || b.Result != "win" || len(b.Skipped) > 0 {
		t.Fatalf("the diligent player reached %+v, want a win with every lesson", b)
	}
	blocks := 0
	for _, l := range b.Lines {
		if strings.HasPrefix(l, "apply block ") {
			blocks++
		}
	}
	if blocks < 3 {
		t.Errorf("the diligent player blocked %d addresses, want the site and the mirrors it found", blocks)
	}
}

// TestOnlyTheOneWhoTookPart checks that where the diligent player detains
// everyone it finds and loses in court, the search also plays a trainee
// who moves against one person only, and so finds the win of the shipped
// provider case: only its administrator took part.
func TestOnlyTheOneWhoTookPart(t *testing.T) {
	p, err := engine.Open(catalog.New(), "../scenarios/isp-hub.lua")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Explore(context.Background(), p, Options{Seed: 1, Budget: 60})
	if err != nil {
		t.Fatal(err)
	}
	if r.Baseline.Result == "win" {
		t.Fatalf("the diligent player won the provider case: %+v", r.Baseline)
	}
	if r.Cheapest == nil || r.Cheapest.Variant != "only against p-zharov" || len(r.Unearned) > 0 {
		t.Errorf("cheapest win %+v, unearned %d; want a win against the administrator only, every lesson earned", r.Cheapest, len(r.Unearned))
	}
}
