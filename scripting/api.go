package scripting

import (
	lua "github.com/yuin/gopher-lua"
)

// Phase says when a scenario may call a function.
type Phase string

// The phases of a scenario's life.
const (
	// Declare is while the scenario file runs from top to bottom.
	Declare Phase = "declare"
	// Play is inside handlers and objective checks, while a session runs.
	Play Phase = "play"
	// Always is both.
	Always Phase = "always"
)

// Field documents one field of a table argument.
type Field struct {
	Name     string
	Type     string // string, text, duration, integer, boolean, list, map, lists, texts, range, hours, function
	Required bool
	Doc      string
}

// Param documents one positional parameter.
type Param struct {
	Name string
	Type string
	Doc  string
}

// Func is one function of the scenario API with its documentation.
type Func struct {
	Name    string
	Phase   Phase
	Summary string
	Params  []Param // positional parameters; a table argument is Params[0] with Fields
	Fields  []Field // fields of the table argument, if any
	Returns string  // Lua type of the result, or ""
	Example string
	call    func(c *call) int
}

// Handler documents a function a scenario module may return.
type Handler struct {
	Name    string
	Params  []Param
	Summary string
}

// call is the context one API call runs in.
type call struct {
	L  *lua.LState
	sc *Script
	fn *Func
}

// Handlers returns the handlers a scenario module may return, documented.
func Handlers() []Handler {
	return []Handler{
		{"on_start", nil, "Called once when a session starts, before the trainee's first command."},
		{"on_event", []Param{{"ev", "takedown.Event", "the event: kind, subject, at (minutes), day, text, data"}},
			"Called for every event the rules produce (not for events your handlers cause). Prefer on_KIND: it is called only for its kind."},
		{"on_timer", []Param{{"id", "string", "the id given to add_timer"}}, "Called when a timer set with add_timer runs out."},
	}
}

// KindHandlers returns the per-kind handlers: on_KIND(ev) for every event
// kind but the ones with handlers of their own.
func KindHandlers() []Handler {
	var out []Handler
	for _, k := range EventKinds() {
		if k[0] == "start" || k[0] == "timer" {
			continue
		}
		out = append(out, Handler{"on_" + k[0], []Param{{"ev", "takedown.Event", "the event"}}, "Called for each " + k[0] + " event: " + k[1] + "."})
	}
	return out
}

// EventKinds lists the kinds of event on_event receives, with their meaning.
func EventKinds() [][2]string {
	return [][2]string{
		{"start", "the session started"},
		{"command", "the trainee gave a command (subject: the verb)"},
		{"output", "a tool's or an answer's output"},
		{"revealed", "a new entity became known (subject: its id)"},
		{"evidence", "an item was added to the case file (subject: E1, E2...)"},
		{"request_sent", "a legal request left (data: instrument, holder, target)"},
		{"answer", "a legal request was answered"},
		{"rejected", "a request or action was refused"},
		{"preserved", "data was frozen through the 24/7 Network"},
		{"records_expired", "a holder deleted data at the end of its retention (subject: record id)"},
		{"site_down", "a site was taken down (subject: domain)"},
		{"site_reappeared", "the site came back under a new domain"},
		{"tipped_off", "the operators learned of the investigation"},
		{"wiped", "the operators wiped their computers"},
		{"fled", "a person left the country"},
		{"warrant", "a search warrant was granted (subject: person)"},
		{"raid", "a search took place (subject: person)"},
		{"arrest", "a person was detained (subject: person)"},
		{"handoff_sent", "the package went to the investigative department"},
		{"handoff_returned", "the package came back with missing items"},
		{"case_opened", "a criminal case was opened"},
		{"case_refused", "no criminal case will be opened"},
		{"indicted", "the case went to court"},
		{"verdict", "the court decided"},
		{"deadline", "the case deadline passed"},
		{"message", "a message arrived in the inbox"},
		{"timer", "a timer ran out (handled by on_timer)"},
		{"ending", "the case ended (subject: ending id)"},
	}
}
