package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/save"
)

// The trainee's profile is derived from the saves, never kept apart: the
// session of each scenario (one save per scenario, "session-ID") and the
// best ended session of each ("best-ID", kept when a better result ends,
// so that starting the scenario again does not lose it). It is read off the
// loop whenever the title scene is shown after something was saved.

// Where a scenario stands in the profile.
const (
	stateNone  = iota // not started
	stateGoing        // a session in progress
	stateEnded        // the session has ended
)

// bestPrefix names the save that keeps a scenario's best ended session.
const bestPrefix = "best-"

// bestName is the slot of a scenario's best ended session.
func bestName(scenarioID string) string {
	return bestPrefix + strings.TrimPrefix(saveName(scenarioID), "session-")
}

// outcome is an ended session's result.
type outcome struct {
	title  game.Text // the ending's title
	result string    // win, partial, loss
	score  int
}

// better reports whether o beats p: a better result, then a higher score.
func (o outcome) better(p *outcome) bool {
	if p == nil {
		return true
	}
	rank := func(r string) int {
		switch r {
		case "win":
			return 3
		case "partial":
			return 2
		case "loss":
			return 1
		}
		return 0
	}
	if c := cmp.Compare(rank(o.result), rank(p.result)); c != 0 {
		return c > 0
	}
	return o.score > p.score
}

// profileEntry is one scenario as the saves have it.
type profileEntry struct {
	id       string // the scenario's id
	ref      string // the scenario's name or path, to resume it
	title    game.Text
	state    int
	day      int
	commands int
	when     time.Time            // when its session was last saved
	last     *outcome             // the session's result, when it has ended
	best     *outcome             // the best result of any ended session kept
	lessons  map[string]bool      // the lessons met (true) or not in ended sessions
	texts    map[string]game.Text // what each lesson says
	order    []string             // the lessons in the order the scenario declares them
	declared int                  // lessons the scenario declares
}

// profile is what the title scene shows of the trainee's progress.
type profile struct {
	entries map[string]*profileEntry // by scenario id
	byRef   map[string]*profileEntry // by the name or path they resume from
}

// recent is the most recently saved session in progress, or nil.
func (p *profile) recent() *profileEntry {
	if p == nil {
		return nil
	}
	var out *profileEntry
	for _, e := range p.entries {
		if e.state == stateGoing && (out == nil || e.when.After(out.when) || e.when.Equal(out.when) && e.id < out.id) {
			out = e
		}
	}
	return out
}

// lessonsMet counts the lessons met in ended sessions, across scenarios.
func (p *profile) lessonsMet() int {
	n := 0
	if p != nil {
		for _, e := range p.entries {
			for _, met := range e.lessons {
				if met {
					n++
				}
			}
		}
	}
	return n
}

// completed counts the scenarios with an ended session.
func (p *profile) completed() int {
	n := 0
	if p != nil {
		for _, e := range p.entries {
			if e.best != nil || e.last != nil {
				n++
			}
		}
	}
	return n
}

// lister lists the saves of a store; *save.Store is one.
type lister interface {
	List() ([]save.Entry, error)
}

// savedSession is one save read and replayed for the profile.
type savedSession struct {
	key     string // name, time and size: unchanged saves are not replayed again
	ref     string
	view    *game.View
	data    []byte
	entries int // commands
}

// profileLoad is a profile read off the loop, with the replays it cached.
type profileLoad struct {
	p     *profile
	cache map[string]*savedSession
}

// profileState is the profile on the loop and its loading.
type profileState struct {
	cur     *profile
	loading chan profileLoad
	cache   map[string]*savedSession
	after   [2]any // what it was loaded after: the session and its log's length
	cleanup func() // removes a screenshot's temporary saves
}

// askProfile starts reading the profile when something may have been
// saved since it was last read.
func (a *App) askProfile() {
	ps := &a.profile
	store, ok := a.opt.Store.(lister)
	if !ok || ps.loading != nil {
		return
	}
	key := [2]any{a.m, 0}
	if a.m != nil {
		key[1] = len(a.m.log)
	}
	if ps.cur != nil && ps.after == key {
		return
	}
	ps.after = key
	ch := make(chan profileLoad, 1)
	ps.loading = ch
	cache := ps.cache
	ps.cache = nil
	cat, sv, st := a.cat, a.saver, a.opt.Store
	go func() {
		if sv != nil {
			sv.flush() // read what was just saved
		}
		ch <- loadProfile(cat, st, store, cache)
	}()
}

// pollProfile takes a profile read off the loop.
func (a *App) pollProfile() bool {
	ps := &a.profile
	if ps.loading == nil {
		return false
	}
	select {
	case l := <-ps.loading:
		ps.loading = nil
		ps.cur, ps.cache = l.p, l.cache
		if a.scene == a.title {
			a.rebuild = true
		}
		return true
	default:
		return false
	}
}

// waitProfile waits for the profile being read, for tests and screenshots.
func (a *App) waitProfile() {
	ps := &a.profile
	if ps.loading != nil {
		l := <-ps.loading
		ps.loading = nil
		ps.cur, ps.cache = l.p, l.cache
		a.rebuild = true
	}
}

// loadProfile reads every session and best save and replays each that
// changed since the cache was made. A save that cannot be read or replayed
// is left out: the title scene tells of it with the scenario. When a
// session has ended with a better result than the kept best, it becomes
// the best.
func loadProfile(cat *catalog.Catalog, st Store, ls lister, cache map[string]*savedSession) profileLoad {
	out := profileLoad{p: &profile{entries: map[string]*profileEntry{}, byRef: map[string]*profileEntry{}}, cache: map[string]*savedSession{}}
	list, err := ls.List()
	if err != nil {
		return out
	}
	slices.SortFunc(list, func(a, b save.Entry) int { return strings.Compare(a.Name, b.Name) })
	entry := func(v *game.View) *profileEntry {
		e := out.p.entries[v.Scenario.ID]
		if e == nil {
			e = &profileEntry{id: v.Scenario.ID, title: v.Scenario.Title, lessons: map[string]bool{}, texts: map[string]game.Text{}, declared: len(v.Lessons)}
			out.p.entries[v.Scenario.ID] = e
		}
		return e
	}
	kept := map[string]*outcome{} // the best saves' results, by scenario
	ended := map[string][]byte{}  // the ended sessions' saves, by scenario
	for _, se := range list {
		session := strings.HasPrefix(se.Name, "session-")
		if !session && !strings.HasPrefix(se.Name, bestPrefix) {
			continue
		}
		s := readSaved(cat, st, se, cache)
		if s == nil {
			continue
		}
		out.cache[s.key] = s
		v := s.view
		e := entry(v)
		var res *outcome
		if v.Ending != nil && v.Debrief != nil {
			res = &outcome{title: v.Ending.Title, result: v.Ending.Result, score: v.Debrief.Score}
			for _, l := range v.Debrief.Lessons {
				if _, seen := e.lessons[l.ID]; !seen {
					e.order = append(e.order, l.ID)
				}
				e.lessons[l.ID] = e.lessons[l.ID] || l.Met
				e.texts[l.ID] = l.Text
			}
		}
		if res != nil && res.better(e.best) {
			e.best = res
		}
		if !session {
			kept[e.id] = res
			if e.ref == "" {
				e.ref = s.ref
			}
			continue
		}
		e.ref, e.when, e.day, e.commands = s.ref, se.ModTime, v.Day, s.entries
		e.state, e.last = stateGoing, res
		if res != nil {
			e.state = stateEnded
			ended[e.id] = s.data
		}
	}
	// An ended session that beats the kept best becomes the best.
	for id, data := range ended {
		if e := out.p.entries[id]; e.last.better(kept[id]) {
			_, _ = st.Write(bestName(id), data)
		}
	}
	for _, e := range out.p.entries {
		if e.ref != "" {
			out.p.byRef[e.ref] = e
		}
	}
	return out
}

// readSaved reads and replays one save, or takes it from the cache when
// it has not changed.
func readSaved(cat *catalog.Catalog, st Store, se save.Entry, cache map[string]*savedSession) *savedSession {
	key := fmt.Sprintf("%s\n%d\n%d", se.Name, se.ModTime.UnixNano(), se.Size)
	if s := cache[key]; s != nil {
		return s
	}
	data, _, err := st.Read(se.Name)
	if err != nil {
		return nil
	}
	sv, err := decodeSave(data)
	if err != nil {
		return nil
	}
	p, err := compileRef(cat, sv.source)
	if err != nil {
		return nil
	}
	s, _ := p.ResumeText(sv.log, engine.Options{})
	if s == nil {
		return nil
	}
	defer s.Close()
	v := s.View()
	return &savedSession{key: key, ref: sv.source, view: v, data: data, entries: v.Entries}
}
