package scripting_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"takedown/game"
	"takedown/scenarios"
	"takedown/scripting"
)

func opts() scripting.Options {
	return scripting.Options{Rules: scenarios.Rules(), RulesDir: "scenarios/rules"}
}

func filmSite(t testing.TB) []byte {
	t.Helper()
	src, err := fs.ReadFile(scenarios.FS(), "film-site.lua")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestEmbeddedScenariosLoad(t *testing.T) {
	names, _ := fs.Glob(scenarios.FS(), "*.lua")
	if len(names) == 0 {
		t.Fatal("no embedded scenarios")
	}
	for _, n := range names {
		src, _ := fs.ReadFile(scenarios.FS(), n)
		sc, s, errs := scripting.Load("scenarios/"+n, src, opts())
		if errs != nil {
			t.Errorf("%s:\n%v", n, errs)
			continue
		}
		if sc.Hash == "" || len(sc.Entities) == 0 {
			t.Errorf("%s: empty scenario", n)
		}
		s.Close()
	}
}

// minimal is a valid scenario that tests below break one piece at a time.
const minimal = `scenario { id = "mini", api = 1, title = "Mini", briefing = "b", start = "2009-01-01",
  deadline = "100d", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru" }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
`

func TestMinimalLoads(t *testing.T) {
	if _, s, errs := scripting.Load("mini.lua", []byte(minimal), opts()); errs != nil {
		t.Fatal(errs)
	} else {
		s.Close()
	}
}

func TestProblemsArePositioned(t *testing.T) {
	for _, tc := range []struct {
		name, extra string
		want        []string
	}{
		{"unknown field", `add_entity { id = "x", kind = "org", jurisdiction = "ru", linkz = {} }`,
			[]string{`mini.lua:9: add_entity: unknown field "linkz" (did you mean "links"?)`}},
		{"missing field", `add_entity { kind = "org" }`, []string{`mini.lua:9: add_entity: missing field "id"`}},
		{"wrong type", `add_title { id = "t", name = "T", price = "cheap" }`, []string{`mini.lua:9: add_title: field "price" must be a number, got string`}},
		{"fraction", `add_title { id = "t", name = "T", price = 2.5 }`, []string{`mini.lua:9: add_title: field "price" must be a whole number`}},
		{"bad reference", "\n" + `add_entity { id = "d.ru", kind = "domain", links = { ip = "1.2.3.4" } }`,
			[]string{`mini.lua:10: link ip of d.ru: entity "1.2.3.4" is not defined`}},
		{"bad duration", `add_message { at = "3 days", subject = "s" }`, []string{`mini.lua:9: add_message: field "at": “3 days” is not a duration`}},
		{"syntax", `add_entity { id = "x" `, []string{`mini.lua:9`}},
		{"runtime", `local t = nil; t.x = 1`, []string{`mini.lua:9: `, `index`}},
		{"missing rule pack", `use_rules("atlantis")`, []string{`mini.lua:9: use_rules: no rule pack "atlantis"`}},
		{"play function at load", `reveal("k")`, []string{`mini.lua:9: reveal can only be called from a handler`}},
		{"newer api", `scenario { id = "x", api = 99, title = "x", briefing = "b", start = "2009-01-01", deadline = "1d", home = "ru", unit = "k" }`,
			[]string{`mini.lua:9: scenario is declared twice`}},
		{"unknown handler", `return { on_tick = function() end }`, []string{`mini.lua:9: returned table: unknown handler "on_tick"`}},
		{"objective without check", `add_objective { id = "o", text = "t" }`, []string{`mini.lua:9: add_objective: missing field "check"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, errs := scripting.Load("mini.lua", []byte(minimal+tc.extra), opts())
			got := errs.Error()
			if errs == nil {
				t.Fatal("no error reported")
			}
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("errors do not contain %q:\n%s", w, got)
				}
			}
			if strings.Contains(got, "goroutine") || strings.Contains(got, "stack traceback") || strings.Contains(got, ".go:") {
				t.Errorf("Go internals leak into an author's error:\n%s", got)
			}
		})
	}
}

func TestNewerAPIVersionIsExplained(t *testing.T) {
	src := strings.Replace(minimal, "api = 1", "api = 7", 1)
	_, _, errs := scripting.Load("mini.lua", []byte(src), opts())
	if errs == nil || !strings.Contains(errs.Error(), "mini.lua:1: scenario: written for API version 7, but this program implements version 1") {
		t.Fatalf("got %v", errs)
	}
}

func TestAllProblemsListed(t *testing.T) {
	src := minimal + "add_entity { id = \"a\", kind = \"blob\" }\nadd_entity { id = \"b\", kind = \"org\" }\nadd_title { id = \"t\", name = \"T\" }\n"
	_, _, errs := scripting.Load("mini.lua", []byte(src), opts())
	if len(errs) < 3 {
		t.Fatalf("want every problem, got %d:\n%v", len(errs), errs)
	}
	for _, w := range []string{"mini.lua:9: unknown entity kind", "mini.lua:10: org \"b\" needs a jurisdiction", "mini.lua:11: title \"t\" has no price"} {
		if !strings.Contains(errs.Error(), w) {
			t.Errorf("missing %q in\n%v", w, errs)
		}
	}
}

// newSession loads a scenario source as mini.lua and starts a session; the
// sandbox closes when the test ends.
func newSession(t *testing.T, src string, o scripting.Options, seed uint64) *game.Session {
	t.Helper()
	sc, script, errs := scripting.Load("mini.lua", []byte(src), o)
	if errs != nil {
		t.Fatal(errs)
	}
	t.Cleanup(script.Close)
	s, err := game.NewSession(sc, seed, script)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestHandlerErrorsBecomeEventsNotCrashes(t *testing.T) {
	src := minimal + `add_entity { id = "d.ru", kind = "domain", known = true }
return { on_event = function(ev)
  if ev.kind == "command" then
    local x = nil
    return x.boom
  end
end }`
	s := newSession(t, src, opts(), 1)
	if _, err := s.Do("whois d.ru"); err != nil {
		t.Fatal(err)
	}
	errsRun := s.ScriptErrors()
	if len(errsRun) != 1 || !strings.HasPrefix(errsRun[0], "mini.lua:13: ") {
		t.Fatalf("script errors = %q", errsRun)
	}
	if _, err := s.Do("dns d.ru"); err != nil {
		t.Fatal("the session must go on after a script error:", err)
	}
}

func TestHostileHandlerIsStopped(t *testing.T) {
	src := minimal + `add_entity { id = "d.ru", kind = "domain", known = true }
return { on_event = function(ev) if ev.kind == "command" then while true do end end end }`
	o := opts()
	o.Limits = scripting.DefaultLimitsForTest()
	s := newSession(t, src, o, 1)
	if _, err := s.Do("whois d.ru"); err != nil {
		t.Fatal(err)
	}
	if e := s.ScriptErrors(); len(e) != 1 || !strings.Contains(e[0], "mini.lua:10:") || !strings.Contains(e[0], "work limit") {
		t.Fatalf("script errors = %q", e)
	}
}

func TestHandlersRunOncePerEvent(t *testing.T) {
	src := minimal + `add_entity { id = "d.ru", kind = "domain", known = true }
local n = 0
return {
  on_start = function() add_timer("1h", "t") end,
  on_timer = function(id) n = n + 1; set_flag("timers", n) end,
  on_command = function(ev) set_flag("cmd", ev.subject) end,
  on_event = function(ev) if ev.kind == "command" then set_flag("all", "yes") end end,
}`
	s := newSession(t, src, opts(), 1)
	if _, err := s.Do("wait 2h"); err != nil {
		t.Fatal(err)
	}
	if s.Flag("timers") != "1" || s.Flag("cmd") != "wait" || s.Flag("all") != "yes" {
		t.Fatalf("flags = %v", s.Flags())
	}
}

func TestScriptRandomIsSeeded(t *testing.T) {
	src := minimal + `add_entity { id = "d.ru", kind = "domain", known = true }
return { on_event = function(ev) if ev.kind == "command" then set_flag("r", tostring(math.random(1, 1000000))) end end }`
	roll := func(seed uint64) string {
		s := newSession(t, src, opts(), seed)
		if _, err := s.Do("whois d.ru"); err != nil {
			t.Fatal(err)
		}
		return s.Flag("r")
	}
	if a, b := roll(5), roll(5); a == "" || a != b {
		t.Fatalf("same seed, different rolls: %q %q", a, b)
	}
	if roll(5) == roll(6) {
		t.Error("different seeds rolled the same number")
	}
}

func TestDocsAreGeneratedFromTheRegistry(t *testing.T) {
	ref, stub := scripting.Reference(), scripting.LuaLSStub()
	for _, f := range scripting.API() {
		if !strings.Contains(ref, "`"+f.Name) {
			t.Errorf("reference lacks %s", f.Name)
		}
		if !strings.Contains(stub, "function "+f.Name+"(") {
			t.Errorf("stub lacks %s", f.Name)
		}
		for _, fd := range f.Fields {
			if !strings.Contains(ref, "`"+fd.Name+"`") {
				t.Errorf("reference lacks field %s.%s", f.Name, fd.Name)
			}
		}
		if f.Summary == "" {
			t.Errorf("%s has no documentation", f.Name)
		}
	}
	for file, want := range map[string]string{"../docs/api.md": ref, "../docs/takedown.meta.lua": stub} {
		got, err := os.ReadFile(file)
		if err != nil || string(got) != want {
			t.Errorf("%s is out of date: run make docs", file)
		}
	}
}

func TestLuacheckrcListsTheSandboxGlobals(t *testing.T) {
	b, err := os.ReadFile("../.luacheckrc")
	if err != nil {
		t.Fatal(err)
	}
	rc := string(b)
	for _, g := range scripting.Globals() {
		if !strings.Contains(rc, `"`+g+`"`) {
			t.Errorf(".luacheckrc lacks %s", g)
		}
	}
	for _, banned := range []string{`"io"`, `"os"`, `"require"`, `"load"`, `"dofile"`, `"debug"`} {
		if strings.Contains(rc, banned) {
			t.Errorf(".luacheckrc allows %s, which the sandbox does not have", banned)
		}
	}
}

func FuzzLoadScenario(f *testing.F) {
	f.Add(minimal)
	f.Add(minimal + `add_entity { id = "x", kind = "org" }`)
	f.Add(`scenario { id = 1 }`)
	f.Add(`return { on_event = 5 }`)
	f.Add(`use_rules("ru", "nl") add_jurisdiction { id = "ru", delays = { mlat = { "2d" } } }`)
	f.Fuzz(func(t *testing.T, src string) {
		o := opts()
		o.Limits = scripting.DefaultLimitsForTest()
		sc, s, errs := scripting.Load("fuzz.lua", []byte(src), o)
		if errs == nil {
			if sc == nil || s == nil {
				t.Fatal("no scenario and no error")
			}
			s.Close()
			return
		}
		for _, e := range errs {
			if e.File == "" || e.Msg == "" {
				t.Fatalf("unpositioned error %#v", e)
			}
		}
	})
}
