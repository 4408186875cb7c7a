// Package explore searches a scenario for the paths a trainee who wants to
// win cheaply would find, without anyone clicking through it.
//
// A diligent player is played first: it takes every action the View offers
// (tools, then requests, in the View's order), renews freezes before they
// end, hands off a complete package, searches soon after six in the
// morning, detains, takes the site down after the arrest and goes to court
// once no answer is awaited. The search then withholds from that player
// each command it gave, every pair of them, and each shortcut a trainee is
// tempted by (an informal ask instead of a preservation, a takedown first,
// a search at night or in the afternoon or none, an early hand-off, going
// to court with answers pending), alone and with each withheld command,
// and, where it detained several people, a player who moves against one of
// them only, until the budget runs out. Each variant shares the diligent player's
// prefix up to the first point where it differs (the log is forked there).
//
// Every ending reached is recorded. A path on which the court convicts of
// the full charge while a declared lesson was skipped is a finding: that
// lesson is taught only by the score, not by what happens. The search is
// deterministic: the same scenario, seed and budget give the same report
// on any machine.
package explore

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"takedown/engine"
	"takedown/game"
)

// Options bounds a search.
type Options struct {
	Seed    uint64
	Budget  int // variants played; 0 is DefaultBudget
	Workers int // variants played at once; 0 is the number of CPUs
}

// DefaultBudget is the number of variants CI plays for each shipped
// scenario (see the README for the time it takes).
const DefaultBudget = 600

// maxSteps bounds one playthrough, in commands.
const maxSteps = 400

// Path is one ending the search reached, with the commands that led there.
type Path struct {
	Variant string   `json:"variant"` // what was withheld or tried
	Lines   []string `json:"lines"`
	Ending  string   `json:"ending"`
	Outcome string   `json:"outcome"`
	Result  string   `json:"result"`
	Score   int      `json:"score"`
	Day     int      `json:"day"`
	Skipped []string `json:"skipped,omitempty"` // declared lessons not earned
	// Unearned are the skipped lessons that should have cost the case:
	// all but those whose only failed condition is that the site is still
	// up, which no court looks at (the result does).
	Unearned []string `json:"unearned,omitempty"`
	// FullConviction is set when the court convicted of the full charge,
	// whatever the score then made of the lessons.
	FullConviction bool `json:"full_conviction,omitempty"`
}

// Report is what a search found.
type Report struct {
	Played   int            `json:"played"`  // variants played
	Endings  map[string]int `json:"endings"` // how often each ending was reached
	Baseline *Path          `json:"baseline,omitempty"`
	Cheapest *Path          `json:"cheapest,omitempty"`
	// Unearned are paths on which the court convicted of the full charge
	// although a declared lesson was skipped, cheapest first.
	Unearned []Path `json:"unearned,omitempty"`
}

// Shortcut is a temptation the diligent player can be given.
type Shortcut string

// The shortcuts.
const (
	AskInstead     Shortcut = "ask"            // an informal ask instead of each preservation
	TakedownFirst  Shortcut = "takedown-first" // the takedown as soon as it can be sent
	NightSearch    Shortcut = "night-search"   // search at two in the morning
	DaySearch      Shortcut = "day-search"     // search at two in the afternoon
	NoSearch       Shortcut = "no-search"      // no search at all
	EarlyHandoff   Shortcut = "early-handoff"  // hand off as soon as a unit can receive it, every time
	HandoffOnce    Shortcut = "handoff-once"   // hand off once too early, then only a complete package
	EarlyProsecute Shortcut = "early-court"    // go to court as soon as someone is detained
	NoRenewal      Shortcut = "no-renewal"     // let freezes lapse
)

// Shortcuts lists them in the order the search tries them.
func Shortcuts() []Shortcut {
	return []Shortcut{AskInstead, TakedownFirst, NightSearch, DaySearch, NoSearch, EarlyHandoff, HandoffOnce, EarlyProsecute, NoRenewal}
}

// variant is one player: what it withholds and which shortcuts it takes.
type variant struct {
	withhold  []string
	shortcuts []Shortcut
	// only, when set, is the one person the player moves against (warrant,
	// search, detention): a trainee who has worked out who took part.
	only string
}

func (v variant) String() string {
	var parts []string
	for _, s := range v.shortcuts {
		parts = append(parts, string(s))
	}
	if v.only != "" {
		parts = append(parts, "only against "+v.only)
	}
	for _, w := range v.withhold {
		parts = append(parts, "without “"+w+"”")
	}
	if len(parts) == 0 {
		return "diligent"
	}
	return strings.Join(parts, ", ")
}

func (v variant) has(s Shortcut) bool { return slices.Contains(v.shortcuts, s) }

// Explore searches a compiled scenario. It stops early when ctx is done and
// returns what it found so far.
func Explore(ctx context.Context, p *engine.Program, opt Options) (*Report, error) {
	if opt.Budget <= 0 {
		opt.Budget = DefaultBudget
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	base, err := playVariant(p, opt.Seed, variant{}, nil)
	if err != nil {
		return nil, err
	}
	r := &Report{Endings: map[string]int{}, Played: 1, Baseline: base}
	r.record(base)
	// The commands the diligent player gave, each once, in order.
	var given []string
	for _, l := range base.Lines {
		if verb(l) != "wait" && !slices.Contains(given, l) {
			given = append(given, l)
		}
	}
	var vs []variant
	for _, s := range Shortcuts() {
		vs = append(vs, variant{shortcuts: []Shortcut{s}})
	}
	// Where the diligent player detained several people, a player who
	// moves against only one of them, alone and with each shortcut.
	var detained []string
	for _, l := range given {
		if verb(l) == "arrest" && !slices.Contains(detained, target(l)) {
			detained = append(detained, target(l))
		}
	}
	if len(detained) > 1 {
		for _, who := range detained {
			vs = append(vs, variant{only: who})
			for _, s := range Shortcuts() {
				vs = append(vs, variant{only: who, shortcuts: []Shortcut{s}})
			}
		}
	}
	for _, g := range given {
		vs = append(vs, variant{withhold: []string{g}})
	}
	for _, s := range Shortcuts() {
		for _, g := range given {
			vs = append(vs, variant{withhold: []string{g}, shortcuts: []Shortcut{s}})
		}
	}
	for i, a := range given {
		for _, b := range given[i+1:] {
			vs = append(vs, variant{withhold: []string{a, b}})
		}
	}
	if left := opt.Budget - 1; len(vs) > left {
		vs = vs[:max(left, 0)]
	}
	paths := make([]*Path, len(vs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range opt.Workers {
		wg.Go(func() {
			for i := range next {
				if p, err := playVariant(p, opt.Seed, vs[i], base.Lines); err == nil {
					paths[i] = p
				}
			}
		})
	}
	for i := range vs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for _, p := range paths {
		if p != nil {
			r.Played++
			r.record(p)
		}
	}
	slices.SortFunc(r.Unearned, cheaper)
	return r, nil
}

// Moves writes a path as a walkthrough file: its seed, its commands and
// what it reached, so that an author can replay it with takedown test.
func (p Path) Moves(seed uint64, why string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Found by takedown test --explore (%s): %s.\n", p.Variant, why)
	fmt.Fprintf(&b, "seed %d\n", seed)
	for _, l := range p.Lines {
		b.WriteString(l + "\n")
	}
	fmt.Fprintf(&b, "expect ending %s\n", p.Ending)
	for _, l := range p.Skipped {
		fmt.Fprintf(&b, "expect not lesson %s\n", l)
	}
	if p.FullConviction {
		b.WriteString("expect result partial\n")
	}
	return b.String()
}

// record notes an ending.
func (r *Report) record(p *Path) {
	r.Endings[p.Ending]++
	if p.Result == "win" && (r.Cheapest == nil || cheaper(*p, *r.Cheapest) < 0) {
		r.Cheapest = p
	}
	if p.FullConviction && len(p.Unearned) > 0 {
		r.Unearned = append(r.Unearned, *p)
	}
}

// resultOnly reports whether a lesson fails only on conditions that the
// result, not the court or the operators, enforces: the site left online,
// and a package that came back (what that costs is weeks, which may or may
// not matter in a given case).
func resultOnly(g *game.Session, lesson string) bool {
	for _, l := range g.Scenario().Lessons {
		if l.ID != lesson {
			continue
		}
		for _, c := range l.Needs {
			if ok, _ := g.Holds(c); !ok && c != "site-down" && c != "complete-handoff" {
				return false
			}
		}
		return true
	}
	return false
}

// cheaper orders paths by game days, then by commands, then by text.
func cheaper(a, b Path) int {
	if c := cmp.Compare(a.Day, b.Day); c != 0 {
		return c
	}
	if c := cmp.Compare(len(a.Lines), len(b.Lines)); c != 0 {
		return c
	}
	return slices.Compare(a.Lines, b.Lines)
}

// playVariant plays one player to the end of the case. With a baseline, it
// starts from a fork of it: the baseline's commands are kept up to the
// first one this player would not have given the same way.
func playVariant(p *engine.Program, seed uint64, v variant, baseline []string) (*Path, error) {
	s, err := p.NewSession(engine.Options{Seed: seed})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	pl := &player{s: s, v: v, given: map[string]bool{}, failed: map[string]bool{}, verbs: game.NewVerbIndex(), renewedAt: map[string]game.Minutes{}, lookedAt: map[string]game.Minutes{}}
	for _, l := range baseline {
		if pl.choose() != l {
			break
		}
		if !pl.do(l) {
			break
		}
	}
	for steps := 0; steps < maxSteps && !s.Game().Ended(); steps++ {
		if !pl.step() {
			break
		}
	}
	g := s.Game()
	path := &Path{Variant: v.String(), Lines: pl.lines, Day: game.DayOf(g.Now())}
	if d := g.Debrief(); d != nil {
		path.Ending, path.Outcome, path.Result, path.Score = d.Ending.ID, d.Ending.Outcome, d.Ending.Result, d.Score
		if v := d.Verdict; v != nil && v.Convicted && v.SeriousTier && len(v.Lesser) == 0 {
			path.FullConviction = true
		}
		for _, l := range d.Lessons {
			if !l.Met {
				path.Skipped = append(path.Skipped, l.ID)
				if !resultOnly(g, l.ID) {
					path.Unearned = append(path.Unearned, l.ID)
				}
			}
		}
	} else {
		path.Ending, path.Result = "open", "loss"
	}
	return path, nil
}

// player is the diligent player with a variant's changes.
type player struct {
	s      *engine.Session
	v      variant
	lines  []string
	given  map[string]bool
	failed map[string]bool
	verbs  game.VerbIndex
	// renewedAt is when a renewal of a preservation was last given.
	renewedAt map[string]game.Minutes
	// lookedAt is when the player last searched a blocked domain again
	// for its next mirror.
	lookedAt map[string]game.Minutes
}

// monitorEvery is how often a diligent player searches a blocked domain
// again: the operators open the next mirror some days after a block.
const monitorEvery = 3 * game.Day

// blocked returns the domains blocked so far.
func (pl *player) blocked() map[string]bool {
	out := map[string]bool{}
	for _, ev := range pl.s.Game().Events() {
		if ev.Kind == game.EvBlocked {
			out[ev.Subject] = true
		}
	}
	return out
}

// do gives one command and reports whether it applied.
func (pl *player) do(line string) bool {
	if _, err := pl.s.Do(game.ActorTrainee, line); err != nil {
		return false
	}
	pl.lines = append(pl.lines, line)
	pl.given[line] = true
	return true
}

// step gives the player's next command, or a wait; false when nothing
// more can be done.
func (pl *player) step() bool {
	if l := pl.choose(); l != "" {
		if !pl.do(l) {
			// A command the View offered did not apply: never try it again.
			pl.failed[l] = true
		}
		return true
	}
	return pl.do(pl.waitLine())
}

// choose returns the command the player gives next, or "" to wait.
func (pl *player) choose() string {
	g := pl.s.Game()
	if g.Ended() {
		return ""
	}
	v := pl.s.View()
	hour := g.Calendar().HourOf(g.Now())
	pending := 0
	renewing := map[string]bool{}
	for _, r := range v.Requests {
		if r.Status != game.StatusPending {
			continue
		}
		switch r.Instrument {
		case "mlat", "order", "request", "statement":
			pending++
		case "preserve":
			renewing["preserve "+r.Holder+" "+r.Target] = true
		}
	}
	var renew []string
	for _, d := range v.Deadlines {
		if line := "preserve " + d.Ref; d.Kind == "preservation" && d.At-g.Now() < 10*game.Day && !renewing[line] && !pl.v.has(NoRenewal) && pl.mayRenew(line) {
			renew = append(renew, line)
		}
	}
	arrested := false
	for _, p := range v.Suspects {
		arrested = arrested || g.Arrested(p)
	}
	var tools, legal, late []string
	var blocked map[string]bool
	for _, a := range pl.actions(v) {
		line := a.Line
		if a.Risk != game.RiskNone && !pl.tempted(a) || pl.failed[line] {
			continue
		}
		switch a.Verb {
		case "preserve":
			inner := innerLine(line)
			if slices.Contains(renew, inner) && g.Now()-pl.renewedAt[inner] > 3*game.Day {
				// An instructed renewal takes a day or two to show as a
				// request: it is not given again meanwhile.
				pl.renewedAt[inner] = g.Now()
				return line
			}
			if pl.given[line] {
				continue
			}
			if pl.v.has(AskInstead) {
				line = "ask" + strings.TrimPrefix(inner, "preserve")
			}
		case "osint":
			// A blocked site runs on: a diligent player keeps looking
			// for the mirror it moves to.
			if blocked == nil {
				blocked = pl.blocked() // once per choice, and only when a search is offered
			}
			if pl.given[line] && blocked[target(line)] && g.Now()-pl.lookedAt[line] >= monitorEvery {
				pl.lookedAt[line] = g.Now()
				return line
			}
		case "ask":
			continue // only as the AskInstead shortcut
		case "refuse", "extend", "return":
			continue // a diligent investigator decides: it opens the case
		case "handoff":
			early := pl.v.has(EarlyHandoff) || pl.v.has(HandoffOnce) && g.Returns() == 0
			if len(v.Handoff.Missing) > 0 && !early {
				continue
			}
		case "warrant":
			if pl.v.only != "" && target(a.Line) != pl.v.only {
				continue
			}
		case "raid":
			if pl.v.only != "" && target(a.Line) != pl.v.only {
				continue
			}
			if g.WarrantUntil(target(a.Line)) <= g.Now() || pl.v.has(NoSearch) {
				continue
			}
			// An instructed unit chooses the hour itself.
			if a.Via == "" && hour != pl.searchHour() {
				continue // the player waits for its hour (see waitLine)
			}
		case "arrest":
			if pl.v.only != "" && target(a.Line) != pl.v.only {
				continue
			}
			if !pl.searched() && !pl.v.has(NoSearch) {
				continue
			}
		case "takedown":
			if !arrested && !pl.v.has(TakedownFirst) {
				continue
			}
		case "prosecute":
			if !arrested || pending > 0 && !pl.v.has(EarlyProsecute) {
				continue
			}
			if !pl.siteDealt() {
				continue
			}
			// A case the court sent back goes to court again once the
			// file has grown.
			if pl.given[line] && g.Flag(string(game.FlagCourtReturned)) != "" && !g.InCourt() && !pl.regrown() {
				continue
			}
			if pl.given[line] && g.Flag(string(game.FlagCourtReturned)) != "" && !g.InCourt() {
				return line
			}
		}
		if pl.given[line] || slices.Contains(pl.v.withhold, a.Line) {
			continue
		}
		vb, _ := pl.verbs.Lookup(a.Verb)
		switch vb.Group {
		case "tools":
			tools = append(tools, line)
		case "case":
			late = append(late, line)
		default:
			legal = append(legal, line)
		}
	}
	for _, group := range [][]string{tools, legal, late} {
		if len(group) > 0 {
			return group[0]
		}
	}
	return ""
}

// searchHour is the hour the player searches at: the first lawful hour of
// the day at which the operators' computers run, as the scenario's briefing
// and leads let a trainee work out (six in the morning if there is none);
// two in the morning or two in the afternoon for the shortcuts.
func (pl *player) searchHour() int {
	switch {
	case pl.v.has(NightSearch):
		return 2
	case pl.v.has(DaySearch):
		return 14
	}
	g := pl.s.Game()
	home := g.Scenario().HomeLaw()
	best := -1
	for k := range 24 {
		at := g.Now() + game.Minutes(k)*game.Hour
		h := g.Calendar().HourOf(at)
		at = at - game.Minutes(g.Calendar().At(at).Minute())*game.Minute + 10*game.Minute
		if g.ComputersOn(at) && (home == nil || !home.IsNight(h)) && (best < 0 || h < best) {
			best = h
		}
	}
	if best < 0 {
		return 6
	}
	return best
}

// mayRenew reports whether the holder's country allows another renewal of
// a preservation, as the status screen says.
func (pl *player) mayRenew(line string) bool {
	sc := pl.s.Game().Scenario()
	holder, _, _ := strings.Cut(strings.TrimPrefix(line, "preserve "), " ")
	h := sc.Entity(holder)
	if h == nil || sc.Jurisdictions[h.Jurisdiction] == nil {
		return false
	}
	n := 0
	for _, l := range pl.lines {
		if l == line {
			n++
		}
	}
	r := sc.Jurisdictions[h.Jurisdiction].Renewals
	return r < 0 || n <= r
}

// tempted reports whether a shortcut makes the player take a risky action.
func (pl *player) tempted(a game.ActionView) bool {
	switch a.Verb {
	case "takedown":
		return pl.v.has(TakedownFirst)
	case "raid":
		return pl.v.has(NightSearch)
	case "prosecute":
		return pl.v.has(EarlyProsecute)
	}
	return false
}

// actions lists what the View offers, entities first.
func (pl *player) actions(v *game.View) []game.ActionView {
	var out []game.ActionView
	for _, e := range v.Entities {
		out = append(out, e.Actions...)
	}
	out = append(out, v.General...)
	return slices.DeleteFunc(out, func(a game.ActionView) bool {
		vb, ok := pl.verbs.Lookup(a.Verb)
		return !ok || vb.ReadOnly || vb.Instructor() || vb.Name == "wait"
	})
}

// searched reports whether the player has searched anyone.
func (pl *player) searched() bool {
	for _, l := range pl.lines {
		if verb(innerLine(l)) == "raid" {
			return true
		}
	}
	return false
}

// regrown reports whether the file gained admissible evidence since the
// court sent the case back.
func (pl *player) regrown() bool {
	g := pl.s.Game()
	var back game.Minutes = -1
	for _, ev := range g.Events() {
		if ev.Kind == game.EvCourtReturned {
			back = ev.At
		}
	}
	for _, e := range g.Evidence() {
		if e.Admissible && e.CollectedAt > back {
			return true
		}
	}
	return false
}

// siteDealt reports whether the site is down, or no takedown the player
// would send is on offer.
func (pl *player) siteDealt() bool {
	for _, a := range pl.actions(pl.s.View()) {
		if a.Verb == "takedown" && !pl.given[a.Line] && !slices.Contains(pl.v.withhold, a.Line) &&
			(a.Risk == game.RiskNone || pl.tempted(a)) {
			return false
		}
	}
	return true
}

// innerLine returns the command an instruction gives, or the line itself.
func innerLine(line string) string {
	if c, err := game.ParseCommand(line); err == nil && c.Verb == "instruct" && len(c.Args) > 1 {
		return strings.Join(c.Args[1:], " ")
	}
	return line
}

// target returns the first argument of the command a line gives, through
// an instruction.
func target(line string) string {
	c, err := game.ParseCommand(line)
	if err != nil {
		return ""
	}
	if c.Verb == "instruct" && len(c.Args) > 1 {
		if in, err := game.ParseCommand(strings.Join(c.Args[1:], " ")); err == nil && len(in.Args) > 0 {
			return in.Args[0]
		}
		return ""
	}
	if len(c.Args) == 0 {
		return ""
	}
	return c.Args[0]
}

// waitLine is how long the player waits when it has nothing to do: until
// its search hour if a warrant is in force, else until the next answer is
// due, else a week.
func (pl *player) waitLine() string {
	g := pl.s.Game()
	v := pl.s.View()
	for _, a := range pl.actions(v) {
		if a.Verb == "raid" && a.Via == "" && g.WarrantUntil(target(a.Line)) > g.Now() && !pl.given[a.Line] && !pl.v.has(NoSearch) && !slices.Contains(pl.v.withhold, a.Line) {
			return fmt.Sprintf("wait until %02d:10", pl.searchHour())
		}
	}
	// Wake for the next answer, or in time to renew a freeze.
	next := game.Minutes(-1)
	wake := func(at game.Minutes) {
		if at > g.Now() && (next < 0 || at < next) {
			next = at
		}
	}
	for _, r := range v.Requests {
		if r.Status == game.StatusPending {
			wake(r.DueAt + game.Hour)
		}
	}
	if !pl.v.has(NoRenewal) {
		for _, d := range v.Deadlines {
			if d.Kind == "preservation" {
				wake(d.At - 9*game.Day)
			}
		}
	}
	// Never more than a week: answers that are not requests (a hand-off,
	// a court) come unannounced.
	if next < 0 || next-g.Now() > 7*game.Day {
		return "wait 7d"
	}
	return fmt.Sprintf("wait %dm", next-g.Now())
}

// verb returns a command line's first word.
func verb(line string) string {
	v, _, _ := strings.Cut(line, " ")
	return v
}
