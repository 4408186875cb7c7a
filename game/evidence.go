package game

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
)

// Evidence is one item in the case file.
type Evidence struct {
	ID          string         `json:"id"`  // UUID drawn from the session's generator
	Num         string         `json:"num"` // short number for the console: E1, E2, ...
	Kind        string         `json:"kind"`
	Source      string         `json:"source"` // record or entity id it came from
	Title       Msg            `json:"title"`
	Content     Msg            `json:"content"`
	SHA256      string         `json:"sha256"`
	CollectedAt Minutes        `json:"collected_at"`
	Officer     Text           `json:"officer"`
	Unit        string         `json:"unit"`
	Basis       Msg            `json:"basis"`
	Admissible  bool           `json:"admissible"`
	Reason      Msg            `json:"reason,omitempty"` // why it is intelligence only
	Proves      []string       `json:"proves,omitempty"`
	Copies      map[string]int `json:"copies,omitempty"`
	Reveals     []string       `json:"reveals,omitempty"`
	Custody     []Custody      `json:"custody"`
}

// Custody is one link in an item's chain of custody.
type Custody struct {
	At     Minutes `json:"at"`
	Holder string  `json:"holder"` // unit id
	Action Msg     `json:"action"`
}

type evidenceSpec struct {
	Kind, Source string
	Title        Msg
	Content      Msg
	Doc          string // the document as recorded: its SHA-256 is filed
	Basis        Msg
	Admissible   bool
	Reason       Msg
	Proves       []string
	Copies       map[string]int
	Reveals      []string
}

// addEvidence files a new item in the case file now and announces it.
func (s *Session) addEvidence(sp evidenceSpec) *Evidence {
	ev := s.newEvidence(sp)
	s.fileEvidence(ev)
	return ev
}

// newEvidence makes the next item without filing it, so that a tool can
// print its output (which names the item) before the item is announced. The
// hash is taken over the document as recorded, in the scenario's first
// language.
func (s *Session) newEvidence(sp evidenceSpec) *Evidence {
	sum := sha256.Sum256([]byte(sp.Doc))
	ev := &Evidence{
		ID: s.rng.NewID(), Num: fmt.Sprintf("E%d", len(s.evidence)+1), Kind: sp.Kind, Source: sp.Source,
		Title: sp.Title, Content: sp.Content, SHA256: hex.EncodeToString(sum[:]),
		CollectedAt: s.now, Officer: s.sc.Officer, Unit: s.sc.Unit, Basis: sp.Basis,
		Admissible: sp.Admissible, Reason: sp.Reason, Proves: sp.Proves, Copies: sp.Copies, Reveals: sp.Reveals,
		Custody: []Custody{{At: s.now, Holder: s.sc.Unit, Action: M("custody.collected", Txt("officer", s.sc.Officer))}},
	}
	if u := s.actor(); u != nil && u.ID != s.sc.Unit {
		// Gathered by an instructed unit: its officers, its custody.
		ev.Officer, ev.Unit = u.Name, u.ID
		ev.Custody = []Custody{{At: s.now, Holder: u.ID, Action: M("custody.collected", Txt("officer", u.Name))}}
	}
	return ev
}

// fileEvidence puts an item made by newEvidence into the case file.
func (s *Session) fileEvidence(ev *Evidence) {
	s.evidence = append(s.evidence, ev)
	status := M("evidence.admissible")
	if !ev.Admissible {
		status = M("evidence.intel")
	}
	s.emit(Event{Kind: EvEvidence, Subject: ev.Num, Msg: M("evidence.filed", Str("num", ev.Num), Sub("title", ev.Title), Sub("status", status)),
		Data: map[string]string{"id": ev.ID, "sha256": ev.SHA256, "admissible": strconv.FormatBool(ev.Admissible), "source": ev.Source}})
}

// Evidence returns the case file in the order items were collected.
func (s *Session) Evidence() []*Evidence { return s.evidence }

// EvidenceByNum finds an item by its short number (E3) or id.
func (s *Session) EvidenceByNum(n string) *Evidence {
	for _, e := range s.evidence {
		if e.Num == n || e.ID == n || (len(n) > 1 && (n[0] == 'e') && "E"+n[1:] == e.Num) {
			return e
		}
	}
	return nil
}

// Proven reports whether admissible evidence proves an element of the
// offence. The damages element is met when damages reach the threshold.
func (s *Session) Proven(elem string) bool {
	switch elem {
	case ElemDamages:
		return s.Damages().Crime
	case ElemTopTier:
		return s.Damages().Serious
	}
	return s.provenUntil(elem, -1)
}

// provenUntil reports whether admissible evidence collected by a time (any
// time when cut < 0) proves an element.
func (s *Session) provenUntil(elem string, cut Minutes) bool {
	for _, e := range s.evidence {
		if e.Admissible && (cut < 0 || e.CollectedAt <= cut) && slices.Contains(e.Proves, elem) {
			return true
		}
	}
	return false
}

// Identified reports whether admissible evidence names a person.
func (s *Session) Identified(person string) bool {
	for _, e := range s.evidence {
		if e.Admissible && slices.Contains(e.Reveals, person) {
			return true
		}
	}
	return false
}

// Suspects returns the persons admissible evidence has identified.
func (s *Session) Suspects() []string {
	var out []string
	for _, id := range s.knownOrder {
		if e := s.sc.Entity(id); e.Kind == KindPerson && s.Identified(id) {
			out = append(out, id)
		}
	}
	return out
}

// DamageLine is one title's contribution to the damages.
type DamageLine struct {
	Title   string `json:"title"`
	Name    Text   `json:"name"`
	Copies  int    `json:"copies"`
	Value   int64  `json:"value"`
	Counted bool   `json:"counted"`
	Note    Msg    `json:"note"`
}

// DamageReport is the damages proven so far against the tiers of the law in
// force when the offence was committed.
type DamageReport struct {
	Lines     []DamageLine `json:"lines"`
	Total     int64        `json:"total"`
	Threshold int64        `json:"threshold"` // the serious tier's lowest amount
	Currency  string       `json:"currency"`
	Tiers     []Tier       `json:"tiers,omitempty"`
	Tier      string       `json:"tier,omitempty"` // the highest tier reached, "" below the first
	Crime     bool         `json:"crime"`          // at or above the first tier: a crime at all
	Serious   bool         `json:"serious"`        // at or above the last tier
}

// CrimeMin is the lowest amount that makes the act a crime.
func (d DamageReport) CrimeMin() int64 {
	if len(d.Tiers) > 0 {
		return d.Tiers[0].Min
	}
	return d.Threshold
}

// Damages counts the damages that admissible evidence proves: released
// titles at retail value per copy, pre-release titles at the rights holder's
// estimate once its statement is in the case file.
func (s *Session) Damages() DamageReport { return s.damagesUntil(-1) }

// damagesUntil counts the damages admissible evidence collected by a time
// proves (all of it when cut < 0).
func (s *Session) damagesUntil(cut Minutes) DamageReport {
	home := s.sc.HomeLaw()
	rep := DamageReport{}
	if home != nil {
		rep.Currency = home.Currency
		rep.Tiers = slices.Clone(home.TiersAt(s.sc.Start))
		for i := range rep.Tiers {
			rep.Tiers[i].Msg = M("tier." + rep.Tiers[i].ID)
		}
		if n := len(rep.Tiers); n > 0 {
			rep.Threshold = rep.Tiers[n-1].Min
		}
	}
	for _, t := range s.sc.Titles {
		copies := 0
		for _, e := range s.evidence {
			if e.Admissible && (cut < 0 || e.CollectedAt <= cut) && e.Copies[t.ID] > copies {
				copies = e.Copies[t.ID]
			}
		}
		line := DamageLine{Title: t.ID, Name: t.Name, Copies: copies}
		switch {
		case copies == 0:
			line.Note = M("damages.no_copies")
		case t.Prerelease && !s.hasStatement(t.RightsHolder):
			line.Note = M("damages.needs_estimate")
		case t.Prerelease:
			line.Value, line.Counted = t.Estimate, true
			line.Note = M("damages.estimate")
		default:
			line.Value, line.Counted = int64(copies)*t.Price, true
			line.Note = M("damages.copies", Count("n", int64(copies)), Money("price", t.Price, rep.Currency))
		}
		rep.Total += line.Value
		rep.Lines = append(rep.Lines, line)
	}
	for _, t := range rep.Tiers {
		if rep.Total > 0 && rep.Total >= t.Min {
			rep.Tier = t.ID
			rep.Crime = true
		}
	}
	rep.Serious = rep.Crime && len(rep.Tiers) > 0 && rep.Tier == rep.Tiers[len(rep.Tiers)-1].ID
	return rep
}

func (s *Session) hasStatement(holder string) bool {
	for _, e := range s.evidence {
		if e.Admissible && e.Kind == "statement" && e.Source == holder {
			return true
		}
	}
	return false
}
