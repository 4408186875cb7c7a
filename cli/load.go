package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"takedown/scenarios"
	"takedown/scripting"
)

// Source is a scenario found by name or path, with its walkthroughs.
type Source struct {
	Name  string // the path shown in messages
	Src   []byte
	Moves []string // paths of NAME.*.moves beside it
	fsys  fs.FS
	rules fs.FS
	dir   string // folder in fsys
}

// Options returns the loading options for this source: the embedded rule
// packs, overlaid by a rules/ folder beside a scenario on disk.
func (s *Source) Options() scripting.Options {
	return scripting.Options{Rules: s.rules, RulesDir: s.rulesDir()}
}

func (s *Source) rulesDir() string {
	if s.fsys == nil {
		return filepath.Join(filepath.Dir(s.Name), "rules")
	}
	return "scenarios/rules"
}

// ReadMoves reads one of the source's walkthroughs.
func (s *Source) ReadMoves(path string) ([]byte, error) {
	if s.fsys != nil {
		return fs.ReadFile(s.fsys, strings.TrimPrefix(path, "scenarios/"))
	}
	return os.ReadFile(path)
}

// overlay is a file system that tries each layer in turn.
type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	var first error
	for _, f := range o {
		if f == nil {
			continue
		}
		file, err := f.Open(name)
		if err == nil {
			return file, nil
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

// Find resolves a scenario given as an embedded name ("film-site") or a path
// to a .lua file.
func Find(nameOrPath string) (*Source, error) {
	if !strings.ContainsAny(nameOrPath, `/\`) && !strings.HasSuffix(nameOrPath, ".lua") {
		emb := scenarios.FS()
		src, err := fs.ReadFile(emb, nameOrPath+".lua")
		if err != nil {
			return nil, fmt.Errorf("no scenario %q: the embedded ones are %s; or give a path to a .lua file", nameOrPath, strings.Join(Embedded(), ", "))
		}
		s := &Source{Name: "scenarios/" + nameOrPath + ".lua", Src: src, fsys: emb, rules: scenarios.Rules()}
		matches, _ := fs.Glob(emb, nameOrPath+".*.moves")
		for _, m := range matches {
			s.Moves = append(s.Moves, "scenarios/"+m)
		}
		return s, nil
	}
	return FindFile(nameOrPath)
}

// FindFile reads a scenario from disk.
func FindFile(path string) (*Source, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s: is a folder; name a .lua file", path)
	}
	if info.Size() > scripting.MaxSource {
		return nil, fmt.Errorf("%s: %d bytes is larger than the %d-byte limit for a scenario", path, info.Size(), scripting.MaxSource)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, unwrapPath(err))
	}
	dir := filepath.Dir(path)
	s := &Source{Name: filepath.ToSlash(path), Src: src, rules: overlay{os.DirFS(filepath.Join(dir, "rules")), scenarios.Rules()}}
	base := strings.TrimSuffix(filepath.Base(path), ".lua")
	matches, _ := filepath.Glob(filepath.Join(dir, base+".*.moves"))
	sort.Strings(matches)
	for _, m := range matches {
		s.Moves = append(s.Moves, filepath.ToSlash(m))
	}
	return s, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Embedded lists the embedded scenarios by name.
func Embedded() []string {
	matches, _ := fs.Glob(scenarios.FS(), "*.lua")
	var out []string
	for _, m := range matches {
		out = append(out, strings.TrimSuffix(m, ".lua"))
	}
	return out
}

// expand turns files and folders into scenario files and rule packs. A .lua
// file inside a folder named rules is a rule pack.
func expand(paths []string) (scen, rules []string, err error) {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", p, unwrapPath(err))
		}
		if !info.IsDir() {
			if filepath.Base(filepath.Dir(p)) == "rules" {
				rules = append(rules, p)
			} else {
				scen = append(scen, p)
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".lua") {
				return nil
			}
			if filepath.Base(filepath.Dir(path)) == "rules" {
				rules = append(rules, path)
			} else {
				scen = append(scen, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return scen, rules, nil
}
