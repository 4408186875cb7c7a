package ui

import (
	"fmt"
	"image"
	"testing"

	"takedown/game"
)

// bigCase is the end of the reference case grown to forty entities on the
// trail: more aliases found through the site, more accounts at the payment
// processor, each linked.
func bigCase(v *game.View) *game.View {
	big := *v
	big.Entities = append([]game.EntityView(nil), v.Entities...)
	trail := 0
	for _, e := range big.Entities {
		if !e.Party {
			trail++
		}
	}
	for i := 0; trail < 40; i++ {
		e := game.EntityView{ID: fmt.Sprintf("alias-%d", i), Kind: game.KindAlias, Name: game.Plain(fmt.Sprintf("'Uploader %d'", i)),
			KindMsg: game.M("kind.alias"), Links: []game.LinkView{{Rel: "found_by_osint", To: v.Scenario.Site, Msg: game.M("rel.found_by", game.Str("tool", "osint"))}}}
		if i%2 == 1 {
			e = game.EntityView{ID: fmt.Sprintf("acct-%d", i), Kind: game.KindAccount, Name: game.Plain(fmt.Sprintf("Merchant account %d", 1000+i)),
				KindMsg: game.M("kind.account"), Country: "us", Links: []game.LinkView{{Rel: "processor", To: "paybridge", Msg: game.M("rel.processor")}}}
		}
		big.Entities = append(big.Entities, e)
		trail++
	}
	return &big
}

// TestChartReadableAt40 draws the link chart of a case grown to forty
// entities: every entity has its box, no two boxes overlap, every string
// fits and none overlaps another.
func TestChartReadableAt40(t *testing.T) {
	d := stateDriver(t, caseStates()[3])
	var orig *game.View
	d.onLoop(func() {
		orig = d.app.m.view
		d.app.m.view = bigCase(orig)
	})
	defer d.onLoop(func() { d.app.m.view = orig })
	for _, size := range []image.Point{{1920, 1080}, {1280, 720}} {
		for _, presenter := range []bool{false, true} {
			recs := d.renderAt(TabChart, size, 1, game.EN, presenter)
			for _, p := range layoutProblems(recs, image.Rectangle{Max: size}) {
				t.Errorf("%v presenter %v: %s", size, presenter, p)
			}
			c := &d.app.desk.chart
			n := 0
			for _, e := range d.app.m.view.Entities {
				if e.Party {
					continue
				}
				n++
				if _, ok := c.boxes[e.ID]; !ok {
					t.Errorf("%v: %s has no box", size, e.ID)
				}
			}
			if n < 40 {
				t.Fatalf("the case has %d entities on the trail, want 40", n)
			}
			for id, r := range c.boxes {
				for id2, r2 := range c.boxes {
					if id < id2 && r.Overlaps(r2) {
						t.Errorf("%v: the boxes of %s and %s overlap", size, id, id2)
					}
				}
			}
		}
	}
}
