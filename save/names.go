package save

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

const (
	ext        = ".sav"
	tempPrefix = ".tmp-"
	// lockName is the file in the folder that Open locks; it is never
	// removed, so that two processes always lock the same file.
	lockName = ".lock"
	// generations is how many files of one save are kept: the newest and
	// generations-1 older ones.
	generations = 3
	maxName     = 64
)

// Kinds of kept-aside file, as they appear in the file name.
const (
	keptDamaged    = "damaged"
	keptUnreadable = "unreadable"
	// keptCopy is a good save the app copied aside before going on from
	// a part of it (see KeepCopy).
	keptCopy = "copy"
)

// saveFile is the name of one file of a save, taken apart. Every name it
// stands for ends in ".sav" or has ".sav." before a suffix that no save
// name's own files end in, so no save's files are mistaken for another's.
type saveFile struct {
	name string // the save's name
	// side is 0 for the save's own generations, NAME.sav and NAME.sav.N.
	// A Takedown that reads format V keeps its generations beside files
	// written by a newer version as NAME.sav.vV and NAME.sav.vV.N.
	side int
	gen  int    // the generation: 0 is the newest
	kept string // keptDamaged, keptUnreadable or keptCopy for a file kept aside, else ""
	n    int    // a kept-aside file's number: NAME.sav.KIND-N; later files have higher numbers
}

// String returns the file name.
func (f saveFile) String() string {
	b := f.name + ext
	if f.kept != "" {
		return b + "." + f.kept + "-" + strconv.Itoa(f.n)
	}
	if f.side > 0 {
		b += ".v" + strconv.Itoa(f.side)
	}
	if f.gen > 0 {
		b += "." + strconv.Itoa(f.gen)
	}
	return b
}

// isGen reports whether f is a generation (of any side), not a kept-aside
// file.
func (f saveFile) isGen() bool { return f.kept == "" }

// parseFile is the inverse of saveFile.String. It reads the name from the
// right: an optional kept-aside suffix or generation number, an optional
// side, then ".sav" after a valid save name.
func parseFile(file string) (saveFile, bool) {
	var f saveFile
	rest, last, found := cutLast(file)
	if kind, num, isKept := strings.Cut(last, "-"); found && isKept {
		n, ok := positive(num)
		if !ok || kind != keptDamaged && kind != keptUnreadable && kind != keptCopy {
			return saveFile{}, false
		}
		f.kept, f.n = kind, n
		rest, last, found = cutLast(rest)
	} else {
		if n, ok := positive(last); found && ok {
			f.gen = n
			rest, last, found = cutLast(rest)
		}
		if v, isSide := strings.CutPrefix(last, "v"); found && isSide {
			n, ok := positive(v)
			if !ok {
				return saveFile{}, false
			}
			f.side = n
			rest, last, found = cutLast(rest)
		}
	}
	if !found || last != ext[1:] || checkName(rest) != nil {
		return saveFile{}, false
	}
	f.name = rest
	return f, true
}

// cutLast splits s at its last dot.
func cutLast(s string) (before, after string, found bool) {
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return "", s, false
	}
	return s[:i], s[i+1:], true
}

// positive parses a number from 1 to 999999999 written without a sign or
// leading zeros.
func positive(s string) (int, bool) {
	n, ok := parseCount(s, 9)
	if !ok || n == 0 || s[0] == '0' {
		return 0, false
	}
	return int(n), true
}

// fileName returns the file name of generation gen of the save name: 0 is
// the newest.
func fileName(name string, gen int) string {
	return saveFile{name: name, gen: gen}.String()
}

// path returns the path of generation gen of the save name.
func (s *Store) path(name string, gen int) string {
	return filepath.Join(s.dir, fileName(name, gen))
}

// file returns the path of f.
func (s *Store) file(f saveFile) string {
	return filepath.Join(s.dir, f.String())
}

// checkName accepts names of 1 to 64 ASCII letters, digits, '-', '_' and
// '.', not starting with a dot and not a device name reserved by Windows.
// Letters are ASCII only so that a name is the same file on every file
// system (no Unicode normalisation).
func checkName(name string) error {
	switch {
	case name == "":
		return errors.New("invalid save name: the name is empty")
	case len(name) > maxName:
		return fmt.Errorf("invalid save name %q: longer than %d characters", name, maxName)
	case name[0] == '.':
		return fmt.Errorf("invalid save name %q: it must not start with a dot", name)
	}
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		case r == '/' || r == '\\':
			return fmt.Errorf("invalid save name %q: it must not contain a path separator", name)
		default:
			return fmt.Errorf("invalid save name %q: only English letters, digits, '-', '_' and '.' are allowed, not %q", name, r)
		}
	}
	stem, _, _ := strings.Cut(name, ".")
	switch strings.ToUpper(stem) {
	case "CON", "PRN", "AUX", "NUL",
		"COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return fmt.Errorf("invalid save name %q: %s is a device name on Windows", name, stem)
	}
	return nil
}
