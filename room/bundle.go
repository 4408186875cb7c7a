package room

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"unicode/utf8"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
	"takedown/scripting/sandbox"
)

// Bundle is a scenario as the host sends it to the trainees' apps: its
// source and the rule packs it loads, under the names the host compiled
// them with, so that every app that compiles it computes the same scenario
// hash.
type Bundle struct {
	ID       string            `json:"id"`
	Title    game.Text         `json:"title"`
	Hash     string            `json:"hash"` // the scenario hash the host computed
	Seed     uint64            `json:"seed"`
	Name     string            `json:"name"`      // the source's name, e.g. "scenarios/film-site.lua"
	Ref      string            `json:"ref"`       // what found it on the host: an embedded name or a path
	Embedded bool              `json:"embedded"`  // one of the scenarios built into the program
	Src      []byte            `json:"src"`       // the Lua source, byte for byte
	RulesDir string            `json:"rules_dir"` // the folder rule packs are named from
	Rules    map[string][]byte `json:"rules"`     // the rule packs it loads, by id
	Injects  []game.Inject     `json:"injects,omitempty"`
	Proto    int               `json:"proto"`
	App      string            `json:"app"`
}

// Limits on a bundle a host sends.
const (
	maxBundleRules = 64
	maxBundleName  = 512
	maxBundleBytes = catalog.MaxScenario + maxBundleRules*catalog.MaxRules
)

// newBundle gathers a compiled scenario's sources: the scenario and the rule
// packs its declarations load.
func newBundle(prog *engine.Program) (*Bundle, error) {
	sc, script, errs := prog.Load()
	if errs != nil {
		return nil, errs
	}
	defer script.Close()
	src := prog.Source
	b := &Bundle{ID: sc.ID, Title: sc.Title, Hash: sc.Hash, Name: src.Name, Ref: src.Ref, Embedded: src.Embedded,
		Src: src.Src, RulesDir: src.RulesDir(), Rules: map[string][]byte{}}
	for _, in := range sc.Injects {
		b.Injects = append(b.Injects, *in)
	}
	for _, id := range script.RulesUsed() {
		data, err := fs.ReadFile(src.Rules(), id+".lua")
		if err != nil {
			return nil, fmt.Errorf("%s: rule pack %q: %w", src.Name, id, err)
		}
		b.Rules[id] = data
	}
	return b, nil
}

// check reports what is wrong with a bundle a host sent.
func (b *Bundle) check() error {
	switch {
	case b.ID == "" || len(b.ID) > 200 || !utf8.ValidString(b.ID):
		return fmt.Errorf("the scenario has no valid id")
	case len(b.Name) == 0 || len(b.Name) > maxBundleName || !utf8.ValidString(b.Name):
		return fmt.Errorf("the scenario has no valid name")
	case len(b.RulesDir) > maxBundleName || !utf8.ValidString(b.RulesDir) || len(b.Ref) > maxBundleName:
		return fmt.Errorf("the scenario's folders are not valid")
	case len(b.Src) > catalog.MaxScenario:
		return fmt.Errorf("the scenario is larger than %d bytes", catalog.MaxScenario)
	case len(b.Rules) > maxBundleRules:
		return fmt.Errorf("the scenario loads more than %d rule packs", maxBundleRules)
	case !validSum(b.Hash) && len(b.Hash) != 64:
		return fmt.Errorf("the scenario hash %q is not valid", clip(b.Hash, 80))
	}
	for _, id := range slices.Sorted(maps.Keys(b.Rules)) {
		if !validRuleID(id) || len(b.Rules[id]) > catalog.MaxRules {
			return fmt.Errorf("rule pack %q is not valid", clip(id, 40))
		}
	}
	return nil
}

// validRuleID reports whether a rule pack id is a plain file name.
func validRuleID(id string) bool {
	if id == "" || len(id) > 40 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// Compiler turns the scenario a host sent into a program the app can run.
// Join checks that the program's scenario and hash are the host's.
type Compiler func(b *Bundle) (*engine.Program, error)

// LocalCompiler compiles the room's scenario from the app's own catalogue:
// an embedded scenario of the same release has the same hash. A scenario
// the app does not carry is refused (CodeUnavailable) until the catalogue
// can make a source from the bundle's bytes.
func LocalCompiler(cat *catalog.Catalog) Compiler {
	return func(b *Bundle) (*engine.Program, error) {
		if !b.Embedded || !catalog.IsEmbeddedName(b.Ref) {
			return nil, unavailable(b)
		}
		prog, err := engine.Open(cat, b.Ref)
		if err != nil {
			return nil, unavailable(b)
		}
		return prog, nil
	}
}

// BundleCompiler compiles the scenario exactly as the host sent it: its
// source and rule packs, byte for byte, in the app's sandbox (which lets a
// script touch no file, process or network). An embedded scenario of the
// same release still comes from the app itself. It is what Join uses.
func BundleCompiler(cat *catalog.Catalog) Compiler {
	return func(b *Bundle) (*engine.Program, error) {
		if b.Embedded && catalog.IsEmbeddedName(b.Ref) {
			if p, err := compileBundle(LocalCompiler(cat), b); err == nil {
				return p, nil
			}
		}
		src := catalog.FromBytes(b.Name, b.Ref, b.Src, b.Rules, b.RulesDir)
		prog, errs := engine.Compile(src, sandbox.Limits{})
		if errs != nil {
			return nil, unavailable(b)
		}
		return prog, nil
	}
}

// PathCompiler is LocalCompiler that also reads a scenario from the path it
// was found at on the host: for replaying an archive on the instructor's
// machine. An app joining a room must not use it (a host could make it read
// a file of the trainee's).
func PathCompiler(cat *catalog.Catalog) Compiler {
	return func(b *Bundle) (*engine.Program, error) {
		if b.Embedded && catalog.IsEmbeddedName(b.Ref) {
			return LocalCompiler(cat)(b)
		}
		prog, err := engine.Open(cat, b.Ref)
		if err != nil {
			return nil, unavailable(b)
		}
		return prog, nil
	}
}

func unavailable(b *Bundle) *RefusedError {
	return fatal(CodeUnavailable, "room.refused.unavailable", game.Str("scenario", b.ID), game.Str("hash", shortHash(b.Hash)))
}

// compileBundle compiles a bundle and checks that it is the host's
// scenario, byte for byte: the same id and the same hash.
func compileBundle(compile Compiler, b *Bundle) (*engine.Program, error) {
	prog, err := compile(b)
	if err != nil {
		return nil, err
	}
	sc, script, errs := prog.Load()
	if errs != nil {
		return nil, errs
	}
	script.Close()
	if sc.ID != b.ID {
		return nil, fatal(CodeScenario, "room.refused.scenario", game.Str("host", b.ID), game.Str("app", sc.ID))
	}
	if sc.Hash != b.Hash {
		return nil, fatal(CodeHash, "room.refused.other_hash", game.Str("scenario", b.ID), game.Str("host", shortHash(b.Hash)), game.Str("app", shortHash(sc.Hash)))
	}
	return prog, nil
}

// shortHash shows the first 12 hex digits of a hash: enough to tell two
// apart on a screen.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
