package room

import (
	"slices"

	"takedown/engine"
	"takedown/game"
)

// Spectator shows one trainee's desk as the host replayed it, live and
// read-only: the window can draw it with the scenes it plays with (it has
// the methods of ui.Engine), and every command is refused.
type Spectator struct {
	t *trainee
}

// Watch returns a read-only view of a trainee's session, by id.
func (h *Host) Watch(id string) (*Spectator, error) {
	t := h.find(id)
	if t == nil {
		return nil, refuse(CodeTarget, "room.refused.target", game.Str("target", clip(id, 40)))
	}
	return &Spectator{t: t}, nil
}

// ID returns the trainee's id.
func (s *Spectator) ID() string { return s.t.id }

// Name returns the trainee's display name.
func (s *Spectator) Name() string { return s.t.name }

// Team returns the trainee's team.
func (s *Spectator) Team() string { return s.t.team }

// Exec refuses: the instructor watches, the trainee plays.
func (s *Spectator) Exec(game.LogEntry) (engine.Change, error) {
	return engine.Change{}, refuse(CodeReadOnly, "room.refused.read_only")
}

// View returns the trainee's View as the host replayed it.
func (s *Spectator) View() *game.View {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	if s.t.sess == nil {
		return nil
	}
	return s.t.sess.View()
}

// Events returns the trainee's events so far.
func (s *Spectator) Events() []game.Event {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	if s.t.sess == nil {
		return nil
	}
	return slices.Clip(s.t.sess.Events())
}

// LogText returns the trainee's log as the host accepted it.
func (s *Spectator) LogText() []byte {
	s.t.mu.Lock()
	defer s.t.mu.Unlock()
	if s.t.sess == nil {
		return nil
	}
	return s.t.sess.LogText()
}

// Close does nothing: the session belongs to the host.
func (s *Spectator) Close() {}
