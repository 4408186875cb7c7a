package room

import (
	"strings"

	"takedown/game"
)

// Target is who an instructor's command goes to: one trainee (by id), a
// team (by name), or, when both are empty, the whole room.
type Target struct {
	Trainee string `json:"trainee,omitempty"`
	Team    string `json:"team,omitempty"`
}

// Room reports whether the target is the whole room.
func (t Target) Room() bool { return t.Trainee == "" && t.Team == "" }

// String names the target for people: "room", "team NAME" or the id.
func (t Target) String() string {
	switch {
	case t.Trainee != "":
		return t.Trainee
	case t.Team != "":
		return "team " + t.Team
	}
	return "room"
}

// OrderRecord is one instructor action, as the export keeps it.
type OrderRecord struct {
	Wall    int64    `json:"wall"` // Unix seconds on the host's clock, for the record
	Target  Target   `json:"target"`
	Line    string   `json:"line"`
	Reached []string `json:"reached"` // the trainees it was queued for
}

// Inject fires one of the scenario's injects at a target.
func (h *Host) Inject(to Target, id string) (int, error) {
	return h.Command(to, game.Command{Verb: "inject", Args: []string{id}}.String())
}

// Notice sends a free-text message from the instructor to a target.
func (h *Host) Notice(to Target, text string) (int, error) {
	return h.Command(to, game.Command{Verb: "notice", Args: []string{text}}.String())
}

// Pause pauses the room: the trainees' commands are refused until Resume.
// The countdown stops too.
func (h *Host) Pause() error { _, err := h.Command(Target{}, "pause"); return err }

// Resume lets the room play again.
func (h *Host) Resume() error { _, err := h.Command(Target{}, "resume"); return err }

// Stop ends the session: every trainee's case ends and goes to the debrief.
func (h *Host) Stop() error { _, err := h.Command(Target{}, "stop"); return err }

// Command queues an instructor's console command (inject ID, notice TEXT,
// pause, resume or stop) for a target, and returns how many trainees it
// reached. Each app carries it out as the instructor, in the order given;
// one that is offline receives it when it reconnects. Pause, resume and
// stop go to the whole room, and a trainee who joins later starts paused or
// ended as the room is.
func (h *Host) Command(to Target, line string) (int, error) {
	canon, cmd, err := h.checkOrder(line)
	if err != nil {
		return 0, err
	}
	roomWide := cmd.Verb == "pause" || cmd.Verb == "resume" || cmd.Verb == "stop"
	if roomWide && !to.Room() {
		return 0, refuse(CodeInstructor, "room.refused.room_wide", game.Str("verb", cmd.Verb))
	}
	h.mu.Lock()
	now := h.opt.Now()
	switch {
	case h.closed:
		h.mu.Unlock()
		return 0, refuse(CodeClosed, "room.refused.closed")
	case h.stopped:
		h.mu.Unlock()
		return 0, refuse(CodeState, "room.refused.stopped")
	case cmd.Verb == "pause" && h.paused:
		h.mu.Unlock()
		return 0, refuse(CodeState, "room.refused.already_paused")
	case cmd.Verb == "resume" && !h.paused:
		h.mu.Unlock()
		return 0, refuse(CodeState, "room.refused.not_paused")
	}
	targets := h.resolve(to)
	if len(targets) == 0 && !to.Room() {
		h.mu.Unlock()
		return 0, refuse(CodeTarget, "room.refused.target", game.Str("target", to.String()))
	}
	switch cmd.Verb {
	case "pause":
		h.paused = true
		h.clock.stop(now)
	case "resume":
		h.paused = false
		h.clock.start(now)
	case "stop":
		h.stopped = true
		h.clock.stop(now)
	}
	rec := OrderRecord{Wall: now.Unix(), Target: to, Line: canon}
	for _, t := range targets {
		t.mu.Lock()
		t.addOrder(canon, now)
		t.mu.Unlock()
		rec.Reached = append(rec.Reached, t.id)
	}
	h.orders = append(h.orders, rec)
	h.mu.Unlock()
	if roomWide {
		h.broadcastClock()
	}
	h.changed()
	return len(targets), nil
}

// checkOrder parses an instructor's command and returns it in the form the
// rules log it.
func (h *Host) checkOrder(line string) (string, game.Command, error) {
	cmd, err := game.ParseCommand(line)
	if err != nil {
		return "", cmd, err
	}
	v, ok := game.LookupVerb(cmd.Verb)
	if cmd.Verb == "" || !ok || !v.Instructor() {
		return "", cmd, refuse(CodeInstructor, "room.refused.order", game.Str("line", clip(line, 80)))
	}
	switch cmd.Verb {
	case "inject":
		var ids []string
		found := false
		for _, in := range h.bundle.Injects {
			ids = append(ids, in.ID)
			found = found || in.ID == cmd.Args[0]
		}
		switch {
		case len(ids) == 0:
			return "", cmd, refuse(CodeInstructor, "room.refused.no_injects")
		case !found:
			return "", cmd, refuse(CodeInstructor, "room.refused.inject", game.Str("id", clip(cmd.Args[0], 40)), game.Str("ids", strings.Join(ids, ", ")))
		}
	case "notice":
		if text := cmd.Args[0]; strings.TrimSpace(text) == "" || len(text) > MaxNotice {
			return "", cmd, refuse(CodeInstructor, "room.refused.notice", game.Num("max", MaxNotice))
		}
	}
	// The rules log a command as it prints back; a notice's quotes may
	// change once, then stay.
	canon := cmd.String()
	again, err := game.ParseCommand(canon)
	if err != nil {
		return "", cmd, err
	}
	return again.String(), again, nil
}

// resolve lists the trainees a target names. The caller holds h.mu.
func (h *Host) resolve(to Target) []*trainee {
	var out []*trainee
	for _, t := range h.trainees {
		switch {
		case to.Trainee != "":
			if t.id == to.Trainee {
				out = append(out, t)
			}
		case to.Team != "":
			if strings.EqualFold(t.team, to.Team) {
				out = append(out, t)
			}
		default:
			out = append(out, t)
		}
	}
	return out
}

// Orders returns the instructor's actions so far.
func (h *Host) Orders() []OrderRecord {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]OrderRecord, len(h.orders))
	copy(out, h.orders)
	return out
}
