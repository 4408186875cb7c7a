package game

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
)

// Evidence is one item in the case file.
type Evidence struct {
	ID          string         `json:"id"`  // UUID drawn from the session's generator
	Num         string         `json:"num"` // short number for the console: E1, E2, ...
	Kind        string         `json:"kind"`
	Source      string         `json:"source"` // record or entity id it came from
	Title       Text           `json:"title"`
	Content     Text           `json:"content"`
	SHA256      string         `json:"sha256"`
	CollectedAt Minutes        `json:"collected_at"`
	Officer     string         `json:"officer"`
	Unit        string         `json:"unit"`
	Basis       Text           `json:"basis"`
	Admissible  bool           `json:"admissible"`
	Reason      Text           `json:"reason,omitempty"` // why it is intelligence only
	Proves      []string       `json:"proves,omitempty"`
	Copies      map[string]int `json:"copies,omitempty"`
	Reveals     []string       `json:"reveals,omitempty"`
	Custody     []Custody      `json:"custody"`
}

// Custody is one link in an item's chain of custody.
type Custody struct {
	At     Minutes `json:"at"`
	Holder string  `json:"holder"` // unit id
	Action Text    `json:"action"`
}

type evidenceSpec struct {
	Kind, Source string
	Title        Text
	Content      Text
	Basis        Text
	Admissible   bool
	Reason       Text
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
// hash is taken over the document as written in English, its original form.
func (s *Session) newEvidence(sp evidenceSpec) *Evidence {
	sum := sha256.Sum256([]byte(sp.Content.En))
	ev := &Evidence{
		ID: s.rng.NewID(), Num: fmt.Sprintf("E%d", len(s.evidence)+1), Kind: sp.Kind, Source: sp.Source,
		Title: sp.Title, Content: sp.Content, SHA256: hex.EncodeToString(sum[:]),
		CollectedAt: s.now, Officer: s.sc.Officer, Unit: s.sc.Unit, Basis: sp.Basis,
		Admissible: sp.Admissible, Reason: sp.Reason, Proves: sp.Proves, Copies: sp.Copies, Reveals: sp.Reveals,
		Custody: []Custody{{At: s.now, Holder: s.sc.Unit, Action: Tf("collected by %s", "получено: %s", s.sc.Officer)}},
	}
	return ev
}

// fileEvidence puts an item made by newEvidence into the case file.
func (s *Session) fileEvidence(ev *Evidence) {
	s.evidence = append(s.evidence, ev)
	status := "admissible"
	if !ev.Admissible {
		status = "intelligence only"
	}
	s.emit(Event{Kind: "evidence", Subject: ev.Num, Text: Tf("%s added to the case file: %s (%s)", "%s в материалах дела: %s (%s)", ev.Num, ev.Title, status),
		Data: map[string]string{"id": ev.ID, "sha256": ev.SHA256, "admissible": fmt.Sprint(ev.Admissible), "source": ev.Source}})
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
	if elem == ElemDamages {
		d := s.Damages()
		return d.Total >= d.Threshold && d.Total > 0
	}
	for _, e := range s.evidence {
		if e.Admissible && slices.Contains(e.Proves, elem) {
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
	Note    Text   `json:"note,omitempty"`
}

// DamageReport is the damages proven so far against the threshold.
type DamageReport struct {
	Lines     []DamageLine `json:"lines"`
	Total     int64        `json:"total"`
	Threshold int64        `json:"threshold"`
	Currency  string       `json:"currency"`
}

// Damages counts the damages that admissible evidence proves: released
// titles at retail value per copy, pre-release titles at the rights holder's
// estimate once its statement is in the case file.
func (s *Session) Damages() DamageReport {
	home := s.sc.HomeLaw()
	rep := DamageReport{}
	if home != nil {
		rep.Threshold, rep.Currency = home.Threshold, home.Currency
	}
	for _, t := range s.sc.Titles {
		copies := 0
		for _, e := range s.evidence {
			if e.Admissible && e.Copies[t.ID] > copies {
				copies = e.Copies[t.ID]
			}
		}
		line := DamageLine{Title: t.ID, Name: t.Name, Copies: copies}
		switch {
		case copies == 0:
			line.Note = Tf("no proven copies", "распространение не доказано")
		case t.Prerelease && !s.hasStatement(t.RightsHolder):
			line.Note = Tf("pre-release: needs the rights holder's estimate", "премьера: нужна оценка правообладателя")
		case t.Prerelease:
			line.Value, line.Counted = t.Estimate, true
			line.Note = Tf("rights holder's estimate", "оценка правообладателя")
		default:
			line.Value, line.Counted = int64(copies)*t.Price, true
			line.Note = Tf("%d copies at %d", "%d копий по %d", copies, t.Price)
		}
		rep.Total += line.Value
		rep.Lines = append(rep.Lines, line)
	}
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
