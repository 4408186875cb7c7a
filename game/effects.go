package game

import (
	"fmt"
	"strings"
)

// EffectKind is what a handler asks the session to do.
type EffectKind string

// The effects a scenario's handlers may return.
const (
	EffReveal  EffectKind = "reveal"   // make entity ID known
	EffMessage EffectKind = "message"  // put a message from From in the inbox
	EffSetFlag EffectKind = "set_flag" // set flag ID to Value ("" clears it)
	EffTimer   EffectKind = "timer"    // call on_timer(ID) after After
	EffEnd     EffectKind = "end"      // end the case at ending ID
	EffFlee    EffectKind = "flee"     // person ID leaves the country
	EffTipOff  EffectKind = "tip_off"  // alert the operators, because of Body
)

// Effect is one change a handler asks for. Pos is where in the scenario it
// was asked ("file:line"), for the error if the session refuses it.
type Effect struct {
	Kind    EffectKind
	ID      string
	Value   string
	After   Minutes
	From    string
	Subject Text
	Body    Text
	Pos     string
}

// CheckEffect reports what is wrong with an effect before it is applied, so
// that the scripting layer can raise the error at the line that asked for
// it. Apply checks again.
func (s *Session) CheckEffect(e Effect) error {
	switch e.Kind {
	case EffReveal:
		if s.sc.Entity(e.ID) == nil {
			return fmt.Errorf("reveal: no entity %q", e.ID)
		}
	case EffMessage:
		if e.From != "" && s.sc.Entity(e.From) == nil {
			return fmt.Errorf("send_message: no sender %q", e.From)
		}
		if e.Subject.Empty() {
			return fmt.Errorf("send_message: the message has no subject")
		}
	case EffSetFlag:
		if e.ID == "" {
			return fmt.Errorf("set_flag: empty flag name")
		}
	case EffTimer:
		if e.After <= 0 {
			return fmt.Errorf("add_timer: the delay must be positive")
		}
		if e.ID == "" {
			return fmt.Errorf("add_timer: empty timer id")
		}
	case EffEnd:
		if s.sc.EndingByID(e.ID) == nil {
			return fmt.Errorf("end_case: no ending %q", e.ID)
		}
	case EffFlee:
		if p := s.sc.Entity(e.ID); p == nil || p.Kind != KindPerson {
			return fmt.Errorf("set_fled: no person %q", e.ID)
		}
	case EffTipOff:
	default:
		return fmt.Errorf("unknown effect %q", e.Kind)
	}
	return nil
}

// apply carries out one effect now. An effect the session refuses becomes a
// script error event at the effect's position.
func (s *Session) apply(e Effect) {
	if err := s.CheckEffect(e); err != nil {
		msg := err.Error()
		if e.Pos != "" {
			msg = e.Pos + ": " + msg
		}
		s.scriptError(msg, e.Pos)
		return
	}
	if s.ending != nil && e.Kind != EffSetFlag {
		return // the case is closed: nothing more happens in it
	}
	switch e.Kind {
	case EffReveal:
		s.reveal(e.ID)
	case EffMessage:
		s.messages++
		if s.messages > s.budget.Messages {
			s.stop(M("halt.messages", Count("n", int64(s.budget.Messages))))
		}
		s.emit(Event{Kind: EvMessage, Subject: e.From, Msg: M("inbox.message", Txt("subject", e.Subject), Txt("body", e.Body))})
	case EffSetFlag:
		if e.Value == "" {
			delete(s.flags, e.ID)
		} else {
			s.flags[e.ID] = e.Value
		}
	case EffTimer:
		s.timers++
		if s.timers > s.budget.Timers {
			s.stop(M("halt.timers", Count("n", int64(s.budget.Timers))))
		}
		s.schedule(&task{at: s.now + e.After, kind: taskTimer, id: e.ID})
	case EffEnd:
		s.finish(s.sc.EndingByID(e.ID))
	case EffFlee:
		if !s.arrested[e.ID] && !s.fled[e.ID] {
			s.fled[e.ID] = true
			s.hidden(EvFled, e.ID, M("adversary.fled", Ent("person", e.ID)), nil)
		}
	case EffTipOff:
		s.tipOff(M("adversary.tip_script", Txt("why", e.Body)), "script")
	}
}

// ScriptRandom returns a number in [0, 1) from the session's generator; the
// scenario's math.random uses it so that chance in scripts replays too.
func (s *Session) ScriptRandom() float64 { return s.rng.Float() }

// UsageError is a command the session refused without changing anything:
// an unknown verb, wrong arguments, a name the trainee has not found.
type UsageError struct {
	Msg Msg
}

// Error returns the message in the catalogue's terms; the i18n package
// renders it for people.
func (e *UsageError) Error() string { return msgString(e.Msg) }

func usage(id string, args ...Arg) *UsageError { return &UsageError{Msg: M(id, args...)} }

// msgString is a message in plain, language-neutral form: its id and
// arguments. It is what errors say before the edge renders them, and it is
// stable across rewordings.
func msgString(m Msg) string {
	var b strings.Builder
	writeMsg(&b, m)
	return b.String()
}

func writeMsg(b *strings.Builder, m Msg) {
	b.WriteString(m.ID)
	for _, a := range m.Args {
		b.WriteString(" ")
		b.WriteString(a.Name)
		b.WriteString("=")
		switch a.Kind {
		case ArgStr, ArgEntity, ArgJur:
			fmt.Fprintf(b, "%q", a.Str)
		case ArgText:
			fmt.Fprintf(b, "%q", a.Text.In(EN))
		case ArgMsg, ArgList, ArgLines:
			b.WriteString("(")
			for i, sub := range a.Msgs {
				if i > 0 {
					b.WriteString("; ")
				}
				writeMsg(b, sub)
			}
			b.WriteString(")")
		case ArgMoney:
			fmt.Fprintf(b, "%d %s", a.Num, a.Str)
		default:
			fmt.Fprintf(b, "%d", a.Num)
		}
	}
}
