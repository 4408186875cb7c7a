package ui

import (
	"image"
	"strings"
	"testing"

	"takedown/game"
)

// TestTitleListsScenarios checks that the title scene lists every shipped
// scenario with how long it plays and the unit the trainee plays, in both
// languages: the investigator's desk is played by the Investigative
// Department, the others by Department K.
func TestTitleListsScenarios(t *testing.T) {
	d := newDriver(t, func(src Source) (*App, error) {
		return New(Options{Size: image.Pt(1920, 1080), Source: src})
	})
	d.onLoop(func() { d.app.title.wait(d.app) })
	names := d.app.title.names(d.app)
	for _, want := range []string{"film-site", "isp-hub", "blocked-stream", "investigator-desk"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("the title scene does not offer %s: %v", want, names)
		}
	}
	units := map[game.Lang]map[string]string{
		game.EN: {"investigator-desk": "you play Investigative Department", "": "you play Department K"},
		game.RU: {"investigator-desk": "ваша роль: Следственный отдел", "": "ваша роль: Управление «К»"},
	}
	for _, lang := range []game.Lang{game.EN, game.RU} {
		recs := d.renderAt(SceneTitle, image.Pt(1920, 1080), 1, lang, false)
		for _, n := range names {
			si := d.app.title.info[n]
			if si == nil || si.view == nil {
				t.Fatalf("%s did not load: %v", n, si)
			}
			var drawn string
			for _, r := range recs {
				if r.button && strings.HasPrefix(r.s, d.app.p.Text(si.view.Scenario.Title)) {
					drawn = strings.ReplaceAll(r.s, "\n", " ")
				}
			}
			if drawn == "" {
				t.Errorf("%s: %s is not listed", lang, n)
				continue
			}
			unit := units[lang][n]
			if unit == "" {
				unit = units[lang][""]
			}
			span := d.app.p.Span(si.view.Scenario.Duration)
			if si.view.Scenario.Duration == 0 || !strings.Contains(drawn, span) || !strings.Contains(drawn, unit) {
				t.Errorf("%s: %s is listed as %q, want its duration (%s) and %q", lang, n, drawn, span, unit)
			}
		}
	}
}
