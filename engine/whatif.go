package engine

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"takedown/game"
)

// maxWhatIfWaits bounds the waits a fork plays after its commands run out,
// in steps of a month, for the verdict to come.
const maxWhatIfWaits = 24

// whatIfs plays the other branch of each key decision of an ended session
// on a fork of its log and fills in its WhatIf. A fork plays the branch's
// commands, then the trainee's remaining commands where they still apply,
// then the scenario's winning walkthrough (its commands the fork never gave,
// its waits from the last of its commands the fork gave on), then waits for
// the case to end. Commands that no longer apply are skipped.
func (s *Session) whatIfs(d *game.Debrief) {
	if d == nil {
		return
	}
	win := s.prog.winLines()
	log := s.g.Record()
	for i := range d.Key {
		kd := &d.Key[i]
		if kd.Alt == nil {
			continue
		}
		w, err := s.playAlternative(log, kd, win)
		if err != nil {
			continue // the branch could not be played: no what-if is shown
		}
		kd.WhatIf = w
	}
}

// playAlternative plays one branch and compares its end with the session's.
func (s *Session) playAlternative(log game.SessionLog, kd *game.KeyDecision, win []string) (*game.WhatIf, error) {
	alt := kd.Alt
	if alt.At < 0 || alt.At > len(log.Entries) {
		return nil, fmt.Errorf("alternative at entry %d of %d", alt.At, len(log.Entries))
	}
	head := log
	head.Entries = log.Entries[:alt.At]
	// The fork must not spend the session's own budget or clock.
	f, err := s.prog.Resume(head, Options{Seed: log.Seed, Budget: s.opt.Budget, Clock: s.opt.Clock})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, err
	}
	defer f.Close()
	var played []string
	do := func(line string) {
		if f.g.Ending() != nil {
			return
		}
		_, err := f.Do(game.ActorTrainee, line)
		var u *game.UsageError
		if errors.As(err, &u) && u.Msg.ID == "cmd.prosecute_pending" {
			// The console's warning is for the person typing; a command
			// played for them keeps its intent, to go to court now.
			line = "prosecute now"
			_, err = f.Do(game.ActorTrainee, line)
		}
		if err == nil {
			played = append(played, line)
		}
	}
	for _, l := range alt.Lines {
		do(l)
	}
	if alt.Until > f.g.Now() {
		do(fmt.Sprintf("wait %dm", alt.Until-f.g.Now()))
	}
	rest := alt.At
	if alt.Replace {
		rest++
	}
	for _, e := range log.Entries[min(rest, len(log.Entries)):] {
		do(e.Line)
	}
	if f.g.Ending() == nil {
		given := map[string]bool{}
		for _, e := range f.g.Log() {
			given[e.Line] = true
		}
		// The equivalent point is just after the last command of the
		// winning walkthrough that the fork has given. Its commands before
		// that point which the fork never gave are caught up at once (its
		// waits there are past); from that point on it is played as it is.
		// Lines given more than once (a freeze renewed) do not mark it.
		from := 0
		for i, l := range win {
			if given[l] && once(verbOf(l)) {
				from = i + 1
			}
		}
		for i, l := range win {
			switch {
			case given[l] && once(verbOf(l)):
			case i < from && verbOf(l) == "wait":
			default:
				do(l)
			}
		}
	}
	for range maxWhatIfWaits {
		if f.g.Ending() != nil {
			break
		}
		// A prosecution the console held back while answers were awaited
		// goes ahead once they are in, or when the court would otherwise
		// not rule before the deadline.
		if f.g.CaseOpen() && !f.g.InCourt() {
			sc := f.g.Scenario()
			if late := sc.HomeLaw().Delay("court")[1] + 30*game.Day; sc.Deadline > 0 && f.g.Now()+late >= sc.Deadline {
				do("prosecute now")
			} else {
				do("prosecute")
			}
		}
		do("wait 30d")
	}
	w := &game.WhatIf{Instead: alt.Instead, Lines: played, Day: int(f.g.Now()/game.Day) + 1}
	fd := f.g.Debrief()
	if fd == nil {
		w.Reason = game.M("whatif.open", game.Num("day", int64(w.Day)))
		return w, nil
	}
	w.Ending, w.Title, w.Result, w.Score = fd.Ending.ID, fd.Ending.TitleMsg(), fd.Ending.Result, fd.Score
	w.Reason = whyDifferent(s.g.Debrief(), fd)
	return w, nil
}

// whyDifferent says in a line why the branch ended as it did: the first
// cause of the session that the branch avoided, or the first the branch met
// that the session did not.
func whyDifferent(was, alt *game.Debrief) game.Msg {
	has := func(cs []game.Cause, id string) bool {
		return slices.ContainsFunc(cs, func(c game.Cause) bool { return c.ID == id })
	}
	if alt.Score > was.Score || rank(alt.Ending.Result) > rank(was.Ending.Result) {
		for _, c := range was.Causes {
			if !has(alt.Causes, c.ID) {
				return game.M("whatif.better", game.Sub("cause", c.Msg))
			}
		}
	}
	if alt.Score < was.Score || rank(alt.Ending.Result) < rank(was.Ending.Result) {
		for _, c := range alt.Causes {
			if !has(was.Causes, c.ID) {
				return game.M("whatif.worse", game.Sub("cause", c.Msg))
			}
		}
	}
	return game.M("whatif.same")
}

// rank orders results: a loss below a partial below a win.
func rank(result string) int {
	switch result {
	case "win":
		return 2
	case "partial":
		return 1
	}
	return 0
}

// once reports whether a verb does its work the first time only, so that a
// fork need not give it again.
func once(verb string) bool {
	switch verb {
	case "wait", "preserve", "osint": // renewals, and monitoring a blocked site
		return false
	}
	return true
}

// verbOf returns the first word of a command line.
func verbOf(line string) string {
	v, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	return v
}

// winLines returns the commands of the scenario's winning walkthrough
// (NAME.win.moves), or nil when it has none.
func (p *Program) winLines() []string {
	for _, m := range p.Source.Moves {
		if !strings.HasSuffix(m, ".win.moves") {
			continue
		}
		b, err := p.Source.ReadMoves(m)
		if err != nil {
			return nil
		}
		var out []string
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			l := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
			switch v := verbOf(l); {
			case l == "", strings.HasPrefix(l, "#"), v == "expect", v == "seed":
			default:
				out = append(out, l)
			}
		}
		return out
	}
	return nil
}
