package scripting

import (
	lua "github.com/yuin/gopher-lua"

	"takedown/game"
)

// Phase says when a scenario may call a function.
type Phase string

// The phases of a scenario's life.
const (
	// Declare is while the scenario file runs from top to bottom.
	Declare Phase = "declare"
	// Play is inside handlers and objective checks, while a session runs.
	Play Phase = "play"
	// Check is inside an objective's check: it may look but not change.
	Check Phase = "check"
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
	Effect  bool // changes the session: not allowed in an objective's check
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
		{"on_event", []Param{{"ev", "takedown.Event", "the event: kind, subject, at (minutes), day, msg (its message id), text (in English), data"}},
			"Called for every event, those your handlers' effects cause included. Prefer on_KIND: it is called only for its kind."},
		{"on_timer", []Param{{"id", "string", "the id given to add_timer"}}, "Called when a timer set with add_timer runs out."},
	}
}

// KindHandlers returns the per-kind handlers: on_KIND(ev) for every event
// kind but the ones with handlers of their own.
func KindHandlers() []Handler {
	var out []Handler
	for _, k := range game.EventKinds() {
		if k.Kind == game.EvStart || k.Kind == game.EvTimer || k.Kind == game.EvScriptError {
			continue
		}
		out = append(out, Handler{"on_" + string(k.Kind), []Param{{"ev", "takedown.Event", "the event"}}, "Called for each " + string(k.Kind) + " event: " + k.Doc + "."})
	}
	return out
}
