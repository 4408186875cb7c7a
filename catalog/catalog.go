// Package catalog finds scenarios, their walkthroughs and the rule packs
// they load: the ones embedded in the program and files on disk. Every file
// it reads on a user's behalf is read safely (package safefile): regular
// files only, size-capped, and files beside a scenario never from outside
// its folder.
package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"takedown/safefile"
	"takedown/scenarios"
)

// Size limits of the files the catalogue reads.
const (
	MaxScenario = 1 << 20 // a scenario's Lua source
	MaxRules    = 1 << 20 // a rule pack
	MaxMoves    = 1 << 20 // a walkthrough
)

// Catalog finds scenarios. The zero value is not usable: call New.
type Catalog struct {
	emb   fs.FS
	rules fs.FS
}

// New returns a catalogue of the embedded scenarios and rule packs, which
// also finds scenario files on disk.
func New() *Catalog { return &Catalog{emb: scenarios.FS(), rules: scenarios.Rules()} }

// Source is a scenario found by name or path, with its walkthroughs.
type Source struct {
	Name     string   // the path shown in messages, e.g. "scenarios/film-site.lua"
	Ref      string   // what finds it again: an embedded name or the path given
	Src      []byte   // the Lua source, with a byte-order mark and CRLF normalised
	Moves    []string // paths of NAME.*.moves beside it, sorted
	Embedded bool

	moves    fs.FS // where Moves are read: the embedded files or the scenario's folder
	rules    fs.FS
	rulesDir string
}

// Rules returns the rule packs the scenario may load as ID.lua files: a
// rules/ folder beside a scenario on disk first, then the embedded packs.
func (s *Source) Rules() fs.FS { return s.rules }

// RulesDir is the folder shown in errors about rule packs.
func (s *Source) RulesDir() string { return s.rulesDir }

// ReadMoves reads one of the source's walkthroughs (a path from Moves).
func (s *Source) ReadMoves(p string) ([]byte, error) {
	b, err := fs.ReadFile(s.moves, path.Base(filepath.ToSlash(p)))
	if err != nil {
		return nil, err
	}
	return safefile.Text(b), nil
}

// Embedded lists the embedded scenarios by name.
func (c *Catalog) Embedded() []string {
	matches, _ := fs.Glob(c.emb, "*.lua")
	var out []string
	for _, m := range matches {
		out = append(out, strings.TrimSuffix(m, ".lua"))
	}
	return out
}

// IsEmbeddedName reports whether ref names an embedded scenario rather than
// a path.
func IsEmbeddedName(ref string) bool {
	return !strings.ContainsAny(ref, `/\`) && !strings.HasSuffix(ref, ".lua")
}

// Find resolves a scenario given as an embedded name ("film-site") or a
// path to a .lua file.
func (c *Catalog) Find(ref string) (*Source, error) {
	if !IsEmbeddedName(ref) {
		return c.File(ref)
	}
	src, err := fs.ReadFile(c.emb, ref+".lua")
	if err != nil {
		return nil, &NotFoundError{Ref: ref, Embedded: c.Embedded()}
	}
	s := &Source{Name: "scenarios/" + ref + ".lua", Ref: ref, Src: safefile.Text(src), Embedded: true,
		moves: c.emb, rules: c.rules, rulesDir: "scenarios/rules"}
	matches, _ := fs.Glob(c.emb, ref+".*.moves")
	for _, m := range matches {
		s.Moves = append(s.Moves, "scenarios/"+m)
	}
	return s, nil
}

// NotFoundError is a scenario name that is not embedded.
type NotFoundError struct {
	Ref      string
	Embedded []string
}

// Error names the scenarios there are.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("no scenario %q: the embedded ones are %s; or give a path to a .lua file", e.Ref, strings.Join(e.Embedded, ", "))
}

// File reads a scenario from disk, with the walkthroughs beside it and the
// rules/ folder beside it.
func (c *Catalog) File(p string) (*Source, error) {
	src, err := safefile.Read(p, MaxScenario)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(p)
	s := &Source{Name: filepath.ToSlash(p), Ref: p, Src: safefile.Text(src),
		moves: safefile.FS(dir, MaxMoves), rulesDir: filepath.ToSlash(filepath.Join(dir, "rules")),
		rules: overlay{safefile.FS(filepath.Join(dir, "rules"), MaxRules), c.rules}}
	base := strings.TrimSuffix(filepath.Base(p), ".lua")
	entries, err := os.ReadDir(dir)
	if err == nil {
		for _, e := range entries {
			if n := e.Name(); strings.HasPrefix(n, base+".") && strings.HasSuffix(n, ".moves") && !e.IsDir() {
				s.Moves = append(s.Moves, filepath.ToSlash(filepath.Join(dir, n)))
			}
		}
	}
	slices.Sort(s.Moves)
	return s, nil
}

// FromBytes makes a source of a scenario's text and the rule packs it
// loads (id to source), as a workshop host sent them, under the names the
// sender compiled them with, so that the scenario's hash is the sender's.
// Nothing is read from disk; a rule pack the sender did not send is not
// found (the embedded ones are not consulted, so that the hash cannot
// change under it). It has no walkthroughs.
func FromBytes(name, ref string, src []byte, rules map[string][]byte, rulesDir string) *Source {
	packs := fstest.MapFS{}
	for id, b := range rules {
		packs[id+".lua"] = &fstest.MapFile{Data: b, Mode: 0o444}
	}
	return &Source{Name: name, Ref: ref, Src: safefile.Text(src), moves: fstest.MapFS{}, rules: packs, rulesDir: rulesDir}
}

// Reload reads a source again: from disk when it came from a file, else
// from the embedded scenarios.
func (c *Catalog) Reload(s *Source) (*Source, error) { return c.Find(s.Ref) }

// overlay is a file system that tries each layer in turn; a layer is passed
// over only when it lacks the file, never when it refuses it.
type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	var first error
	for _, f := range o {
		file, err := f.Open(name)
		if err == nil {
			return file, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if first == nil {
			first = err
		}
	}
	if first == nil {
		first = fs.ErrNotExist
	}
	return nil, first
}

// ReadFile reads a file from the first layer that has it.
func (o overlay) ReadFile(name string) ([]byte, error) {
	var first error
	for _, f := range o {
		b, err := fs.ReadFile(f, name)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// Expand turns files and folders into scenario files and rule packs. A
// .lua file inside a folder named rules is a rule pack; folders named
// testdata or starting with a dot are skipped.
func Expand(paths []string) (scen, rules []string, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, unwrapPath(err))
		}
		if !info.IsDir() {
			if filepath.Base(filepath.Dir(p)) == "rules" {
				rules = append(rules, p)
			} else {
				scen = append(scen, p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && fp != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(fp, ".lua") {
				return nil
			}
			if filepath.Base(filepath.Dir(fp)) == "rules" {
				rules = append(rules, fp)
			} else {
				scen = append(scen, fp)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return scen, rules, nil
}

// ReadRulePack reads a rule pack file named on the command line.
func ReadRulePack(p string) ([]byte, error) {
	b, err := safefile.Read(p, MaxRules)
	if err != nil {
		return nil, err
	}
	return safefile.Text(b), nil
}

// ReadMovesFile reads a walkthrough named on the command line.
func ReadMovesFile(p string) ([]byte, error) {
	b, err := safefile.Read(p, MaxMoves)
	if err != nil {
		return nil, err
	}
	return safefile.Text(b), nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
