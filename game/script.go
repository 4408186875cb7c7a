package game

import "fmt"

// The Script* methods are what a scenario's handlers may do to a running
// session. The scripting package exposes them as Lua functions; each checks
// its arguments and returns an error the script sees as a Lua error.

// ScriptReveal makes an entity known to the trainee.
func (s *Session) ScriptReveal(id string) error {
	if s.sc.Entity(id) == nil {
		return fmt.Errorf("reveal: no entity %q", id)
	}
	s.reveal(id)
	return nil
}

// ScriptMessage puts a message in the trainee's inbox now.
func (s *Session) ScriptMessage(from string, subject, body Text) error {
	if from != "" && s.sc.Entity(from) == nil {
		return fmt.Errorf("send_message: no sender %q", from)
	}
	s.emit(Event{Kind: "message", Subject: from, Text: Text{En: subject.En + "\n" + body.En, Ru: subject.In(RU) + "\n" + body.In(RU)}})
	return nil
}

// ScriptSetFlag sets a flag; an empty value clears it.
func (s *Session) ScriptSetFlag(name, value string) error {
	if name == "" {
		return fmt.Errorf("set_flag: empty flag name")
	}
	if value == "" {
		delete(s.flags, name)
		return nil
	}
	s.flags[name] = value
	return nil
}

// ScriptTimer schedules a timer event after a delay.
func (s *Session) ScriptTimer(after Minutes, id string) error {
	if after <= 0 {
		return fmt.Errorf("add_timer: the delay must be positive")
	}
	if id == "" {
		return fmt.Errorf("add_timer: empty timer id")
	}
	s.schedule(&task{at: s.now + after, kind: "timer", id: id})
	return nil
}

// ScriptEnd ends the case at a declared ending.
func (s *Session) ScriptEnd(id string) error {
	e := s.sc.EndingByID(id)
	if e == nil {
		return fmt.Errorf("end_case: no ending %q", id)
	}
	s.finish(e)
	return nil
}

// ScriptFlee puts a person out of reach.
func (s *Session) ScriptFlee(id string) error {
	e := s.sc.Entity(id)
	if e == nil || e.Kind != KindPerson {
		return fmt.Errorf("set_fled: no person %q", id)
	}
	if s.arrested[id] || s.fled[id] {
		return nil
	}
	s.fled[id] = true
	s.hidden("fled", id, Tf("%s left the country.", "%s выехал(а) из страны.", e.Name))
	return nil
}

// ScriptTipOff alerts the operators, who wipe their computers after a delay.
func (s *Session) ScriptTipOff(why Text) {
	s.tipOff(why)
}

// ScriptRandom returns a number in [0, 1) from the session's generator; the
// scenario's math.random uses it so that chance in scripts replays too.
func (s *Session) ScriptRandom() float64 { return s.rng.Float() }
