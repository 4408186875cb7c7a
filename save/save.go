// Package save keeps a trainee's progress on disk so that a crash, a kill or
// a full disk never costs more than the save being written.
//
// A Store keeps named saves in one folder. Each save is a file NAME.sav and
// up to two older generations, NAME.sav.1 and NAME.sav.2. Write replaces a
// save atomically (temporary file, fsync, rename, folder fsync) and keeps the
// previous good save as a generation first; Read returns the newest file that
// verifies and warns when it had to fall back to an older one.
//
// A save's name is 1 to 64 ASCII letters, digits, '-', '_' and '.', not
// starting with a dot. Names that differ only in case may share a file on
// Windows and macOS.
//
// A save file is a short text header followed by the payload, which the
// package treats as opaque bytes:
//
//	TAKEDOWN-SAVE\n
//	format 1\n
//	length <payload length in bytes, decimal>\n
//	sha256 <SHA-256 of the payload, 64 lowercase hex digits>\n
//	\n
//	<payload>
//
// The magic line and the "format N" line come first in every format version,
// so a file from a newer Takedown is told apart from a damaged one.
//
// A Store is safe for concurrent use by goroutines. Two processes must not
// write saves in the same folder at the same time.
package save

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

const (
	ext        = ".sav"
	tempPrefix = ".tmp-"
	// generations is how many files of one save are kept: the newest and
	// generations-1 older ones.
	generations = 3
	maxName     = 64
)

// DefaultDir returns the folder for saves: takedown/saves inside
// $XDG_CONFIG_HOME when that is set to an absolute path, otherwise inside
// os.UserConfigDir().
func DefaultDir() (string, error) {
	base := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(base) {
		var err error
		if base, err = os.UserConfigDir(); err != nil {
			return "", fmt.Errorf("cannot find the folder for saves: %w", err)
		}
	}
	return filepath.Join(base, "takedown", "saves"), nil
}

// Store keeps named saves in one folder. Create it with Open.
type Store struct {
	dir string
	ops ops
	mu  sync.Mutex // serialises changes to the folder
}

// ops are the file operations that can fail; tests replace them to inject
// failures such as a full disk.
type ops struct {
	write  func(f *os.File, p []byte) (int, error)
	sync   func(f *os.File) error
	rename func(oldpath, newpath string) error
	link   func(oldpath, newpath string) error
}

func osOps() ops {
	return ops{
		write:  (*os.File).Write,
		sync:   (*os.File).Sync,
		rename: os.Rename,
		link:   os.Link,
	}
}

// Open creates the folder dir if needed (mode 0700) and removes temporary
// files that an interrupted Write left in it.
func Open(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open saves: no folder given")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open saves: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open saves: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open saves: %w", err)
	}
	removed := false
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) && e.Type().IsRegular() {
			// A file that cannot be removed now is harmless and is tried
			// again by the next Open.
			if os.Remove(filepath.Join(dir, e.Name())) == nil {
				removed = true
			}
		}
	}
	if removed {
		_ = syncDir(dir) // only tidying: nothing is lost if this fails
	}
	return &Store{dir: dir, ops: osOps()}, nil
}

// Dir returns the absolute path of the store's folder.
func (s *Store) Dir() string { return s.dir }

// Write stores data under name atomically. It writes a temporary file in the
// same folder, syncs it, keeps the current save as the first older generation
// if it verifies (or was written by a newer version), renames the temporary
// file over the save and syncs the folder. On any error, a full disk
// included, the previous save stays intact and the temporary file is removed.
// A current save that is damaged is replaced rather than kept, so it never
// pushes a good generation out.
func (s *Store) Write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if len(data) > MaxSize {
		return fmt.Errorf("save %q: %d bytes of data is over the 64 MiB limit", name, len(data))
	}
	s.mu.Lock()
	defer s.mu.Unlock()

	tmp, err := s.writeTemp(name, encodeHeader(data), data)
	if err != nil {
		return fmt.Errorf("save %q: %w", name, err)
	}
	done := false
	defer func() {
		if !done {
			os.Remove(tmp)
		}
	}()
	if err := s.rotate(name); err != nil {
		return fmt.Errorf("save %q: keeping the previous save: %w", name, err)
	}
	if err := s.ops.rename(tmp, s.path(name, 0)); err != nil {
		return fmt.Errorf("save %q: %w", name, err)
	}
	done = true
	if err := syncDir(s.dir); err != nil {
		return fmt.Errorf("save %q: written, but syncing the folder failed: %w", name, err)
	}
	return nil
}

// writeTemp writes parts to a new temporary file in the folder, syncs and
// closes it, and returns its path. On error it leaves no file behind.
func (s *Store) writeTemp(name string, parts ...[]byte) (_ string, err error) {
	f, err := os.CreateTemp(s.dir, tempPrefix+name+"-*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	for _, p := range parts {
		for len(p) > 0 {
			n, err := s.ops.write(f, p)
			if err != nil {
				return "", err
			}
			if n <= 0 {
				return "", io.ErrShortWrite
			}
			p = p[n:]
		}
	}
	if err := s.ops.sync(f); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// rotate keeps the current save of name as the first older generation,
// shifting the older ones down and dropping the oldest. The current file
// stays in place throughout: it is hard-linked (or, where links are not
// supported, copied) to the first generation, never moved.
func (s *Store) rotate(name string) error {
	cur := s.path(name, 0)
	raw, _, mod, err := load(cur)
	var v *VersionError
	if err != nil && !errors.As(err, &v) {
		return nil // missing or damaged: nothing worth keeping
	}
	first := s.path(name, 1)
	if a, b := stat(cur), stat(first); a != nil && b != nil && os.SameFile(a, b) {
		return nil // an earlier Write stopped after rotating; it is done
	}
	for g := generations - 1; g > 1; g-- {
		err := s.ops.rename(s.path(name, g-1), s.path(name, g))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := s.ops.link(cur, first); err == nil {
		return nil
	}
	// No hard links here (FAT, some network drives): copy instead, keeping
	// the time the save was written.
	tmp, err := s.writeTemp(name, raw)
	if err != nil {
		return err
	}
	_ = os.Chtimes(tmp, mod, mod) // only the time shown in a warning
	if err := s.ops.rename(tmp, first); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// Read returns the data of the newest file of the save name that verifies.
// When that is not the newest file, warn is a *Recovered saying what was
// wrong with the newer ones and when the restored save was written; a file
// written by a newer version of Takedown is skipped the same way. When no
// file verifies, err is a *ReadError that says what is wrong with each; when
// the save does not exist, err matches fs.ErrNotExist.
func (s *Store) Read(name string) (data []byte, warn error, err error) {
	if err := checkName(name); err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()

	var problems []*FileError
	found := false
	for g := range generations {
		file := fileName(name, g)
		_, payload, mod, err := load(s.path(name, g))
		if errors.Is(err, fs.ErrNotExist) {
			if g == 0 {
				problems = append(problems, &FileError{File: file, Err: fs.ErrNotExist})
			}
			continue
		}
		found = true
		if err != nil {
			problems = append(problems, &FileError{File: file, Err: err})
			continue
		}
		if len(problems) == 0 {
			return payload, nil, nil
		}
		return payload, &Recovered{Name: name, File: file, Time: mod, Problems: problems}, nil
	}
	if !found {
		return nil, nil, &notFoundError{name}
	}
	return nil, nil, &ReadError{Name: name, Files: problems}
}

// load reads and verifies one save file. It returns the raw file, the
// payload and the modification time; the error is an I/O error, a damage or
// a *VersionError.
func load(path string) (raw, payload []byte, mod time.Time, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	mod = info.ModTime()
	if !info.Mode().IsRegular() {
		return nil, nil, mod, damage("not a regular file")
	}
	const limit = int64(maxHeader + MaxSize)
	if info.Size() > limit {
		return nil, nil, mod, damage(fmt.Sprintf("the file is %d bytes, over the 64 MiB limit", info.Size()))
	}
	raw, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, mod, err
	}
	if int64(len(raw)) > limit {
		return nil, nil, mod, damage("the file is over the 64 MiB limit")
	}
	payload, err = decode(raw)
	return raw, payload, mod, err
}

// Entry describes one save in a List.
type Entry struct {
	Name        string    // the save's name, as given to Write
	ModTime     time.Time // when its newest file was written
	Size        int64     // the size of its newest file in bytes, header included
	Generations int       // how many files the save has, the newest included
}

// List returns the saves in the folder, newest first (ties by name). It
// looks at file names and sizes only; Read verifies the contents. Files whose
// names Read would refuse are left out.
func (s *Store) List() ([]Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	dirents, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("list saves: %w", err)
	}
	type found struct {
		gen   int
		info  fs.FileInfo
		count int
	}
	saves := map[string]*found{}
	for _, d := range dirents {
		name, gen, ok := parseFileName(d.Name())
		if !ok || !d.Type().IsRegular() {
			continue
		}
		info, err := d.Info()
		if err != nil {
			continue // removed meanwhile
		}
		f := saves[name]
		if f == nil {
			f = &found{gen: gen, info: info}
			saves[name] = f
		} else if gen < f.gen {
			f.gen, f.info = gen, info
		}
		f.count++
	}
	list := make([]Entry, 0, len(saves))
	for name, f := range saves {
		list = append(list, Entry{Name: name, ModTime: f.info.ModTime(), Size: f.info.Size(), Generations: f.count})
	}
	slices.SortFunc(list, func(a, b Entry) int {
		if c := b.ModTime.Compare(a.ModTime); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return list, nil
}

// Delete removes the save name with all its generations, oldest first, so
// that an interrupted Delete never brings back an older save. Deleting a
// save that does not exist returns an error matching fs.ErrNotExist.
func (s *Store) Delete(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	dirents, err := os.ReadDir(s.dir)
	if err != nil {
		return fmt.Errorf("delete save %q: %w", name, err)
	}
	type file struct {
		gen  int
		path string
	}
	var files []file
	for _, d := range dirents {
		if n, gen, ok := parseFileName(d.Name()); ok && n == name {
			files = append(files, file{gen, filepath.Join(s.dir, d.Name())})
		}
	}
	if len(files) == 0 {
		return &notFoundError{name}
	}
	slices.SortFunc(files, func(a, b file) int { return b.gen - a.gen })
	for _, f := range files {
		if err := os.Remove(f.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("delete save %q: %w", name, err)
		}
	}
	if err := syncDir(s.dir); err != nil {
		return fmt.Errorf("delete save %q: %w", name, err)
	}
	return nil
}

// fileName returns the file name of generation gen of the save name: 0 is
// the newest.
func fileName(name string, gen int) string {
	if gen == 0 {
		return name + ext
	}
	return fmt.Sprintf("%s%s.%d", name, ext, gen)
}

func (s *Store) path(name string, gen int) string {
	return filepath.Join(s.dir, fileName(name, gen))
}

// parseFileName is the inverse of fileName. Newest files end in ".sav" and
// generations in ".sav.N", so no name's files can be mistaken for another's.
func parseFileName(file string) (name string, gen int, ok bool) {
	if name, ok := strings.CutSuffix(file, ext); ok {
		return name, 0, checkName(name) == nil
	}
	i := strings.LastIndex(file, ext+".")
	if i < 0 {
		return "", 0, false
	}
	n, ok := parseCount(file[i+len(ext)+1:], 9)
	if !ok || n == 0 || file[i+len(ext)+1] == '0' {
		return "", 0, false
	}
	name = file[:i]
	return name, int(n), checkName(name) == nil
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

func stat(path string) fs.FileInfo {
	info, err := os.Lstat(path)
	if err != nil {
		return nil
	}
	return info
}

// syncDir makes renames and removals in dir durable. Windows cannot sync a
// folder (and does not need to).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
