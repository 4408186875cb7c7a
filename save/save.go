// Package save keeps a trainee's progress on disk so that a crash, a kill, a
// full disk, a file that cannot be read for a moment or a second copy of the
// program never costs more than the save being written.
//
// A Store keeps named saves in one folder. Each save is a file NAME.sav and
// up to two older generations, NAME.sav.1 and NAME.sav.2. Write replaces a
// save atomically (temporary file, fsync, rename, folder fsync) and keeps the
// previous good save as a generation first; Read returns the newest file that
// verifies and warns when it had to fall back to an older one.
//
// Write destroys nothing a person might want back:
//
//   - A newest file that is damaged, or that still cannot be read after a
//     few attempts over about a seventh of a second (a permission error, an
//     I/O error, a file locked by another program, a short read: none of
//     these is taken for damage), is not replaced but kept aside as
//     NAME.sav.damaged-N or NAME.sav.unreadable-N. So is an oldest
//     generation that cannot be read, rather than dropped. At most
//     MaxKeptAside such files are kept per save; see KeptAside.
//   - Files written by a newer version of Takedown are never replaced,
//     renamed or removed. This version keeps its own generations of such a
//     save beside them, as NAME.sav.v1, NAME.sav.v1.1 and NAME.sav.v1.2 (for
//     format 1), and reads those first from then on; see Newer.
//
// Read and Write return such news as a warning, warn, beside the error: a
// *Recovered, a *Newer or a *KeptAside, or several joined with errors.Join;
// errors.As finds each. List reports them in each Entry.
//
// Open locks the folder for the Store's lifetime, until Close: a second Open
// of the same folder, in another process or in this one, fails with a
// *LockedError that names the folder and the process that has it open. The
// lock is flock(2) on a file named .lock in the folder on Unix systems and an
// exclusive open of that file on Windows; the system releases it when the
// process ends, however it ends. Open removes the temporary files that an
// interrupted Write left, and only while it holds the lock, so it never
// removes the temporary file of a Write in progress. Where the folder cannot
// be locked (a file system without locks, a read-only folder), Open opens it
// unlocked and leaves temporary files alone.
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
// A Store is safe for concurrent use by goroutines.
package save

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
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

// Store keeps named saves in one folder. Create it with Open and release
// the folder with Close.
type Store struct {
	dir  string
	ops  ops
	lock *os.File // the locked lock file; nil when the folder could not be locked

	mu     sync.Mutex // serialises changes to the folder and guards closed
	closed bool
}

// Open creates the folder dir if needed (mode 0700), locks it and removes
// temporary files that an interrupted Write left in it. When another Store
// has the folder open, in another process or in this one, Open returns a
// *LockedError. Close the Store to release the folder.
func Open(dir string) (*Store, error) {
	return open(dir, osOps())
}

// open is Open with the given file operations.
func open(dir string, o ops) (*Store, error) {
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
	lockPath := filepath.Join(dir, lockName)
	lock, err := o.lock(lockPath)
	var inUse inUseError
	switch {
	case errors.As(err, &inUse):
		return nil, &LockedError{Dir: dir, PID: readPID(lockPath)}
	case errors.Is(err, errors.ErrUnsupported):
		// Saving unlocked beats not saving. Temporary files stay: they
		// may belong to a Write in progress in another process.
		return &Store{dir: dir, ops: o}, nil
	case err != nil:
		return nil, fmt.Errorf("open saves in %s: cannot lock the folder: %w", dir, err)
	}
	writePID(lock)
	if err := removeTemps(dir); err != nil {
		lock.Close()
		return nil, fmt.Errorf("open saves: %w", err)
	}
	return &Store{dir: dir, ops: o, lock: lock}, nil
}

// removeTemps removes the temporary files in dir. Only a Store that holds
// the folder's lock may call it.
func removeTemps(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
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
	return nil
}

// Close releases the folder, so that another Store may open it. After
// Close, the Store's methods return an error matching fs.ErrClosed. Closing
// a closed Store does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.lock == nil {
		return nil
	}
	if err := s.lock.Close(); err != nil {
		return fmt.Errorf("close saves in %s: %w", s.dir, err)
	}
	return nil
}

// Dir returns the absolute path of the store's folder.
func (s *Store) Dir() string { return s.dir }

// checkWrite checks that data can be written as the save name: a valid
// name, data within MaxSize, the store open. The caller holds s.mu.
func (s *Store) checkWrite(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if len(data) > MaxSize {
		return fmt.Errorf("save %q: %d bytes of data is over the 64 MiB limit", name, len(data))
	}
	if s.closed {
		return fmt.Errorf("save %q: %w", name, &closedError{s.dir})
	}
	return nil
}

// Write stores data under name atomically. It writes a temporary file in the
// same folder, syncs it, keeps the current save as the first older
// generation, renames the temporary file over the save and syncs the folder.
// On any error, a full disk included, the previous save stays intact and the
// temporary file is removed.
//
// When the current save is damaged or cannot be read, Write keeps it aside
// rather than replace it or keep it as a generation, where it would push a
// good generation out. When files of the save were written by a newer
// version of Takedown, Write leaves them untouched and saves beside them.
// warn then says so: it is a *KeptAside, a *Newer, or both joined with
// errors.Join, and the app should show it. The data is saved whenever err is
// nil, whatever warn says; when both are set, warn says what Write did
// before it failed.
func (s *Store) Write(name string, data []byte) (warn, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkWrite(name, data); err != nil {
		return nil, err
	}

	tmp, err := s.writeTemp(name, encodeHeader(data), data)
	if err != nil {
		return nil, fmt.Errorf("save %q: %w", name, err)
	}
	done := false
	defer func() {
		if !done {
			os.Remove(tmp)
		}
	}()
	target, warns, err := s.prepare(name)
	warn = joinWarnings(warns)
	if err != nil {
		return warn, fmt.Errorf("save %q: %w", name, err)
	}
	if err := s.ops.rename(tmp, target); err != nil {
		return warn, fmt.Errorf("save %q: %w", name, err)
	}
	done = true
	if err := syncDir(s.dir); err != nil {
		return warn, fmt.Errorf("save %q: written, but syncing the folder failed: %w", name, err)
	}
	return warn, nil
}

// prepare decides where Write puts the new file of the save name and makes
// room there: it keeps aside a newest file that is damaged or cannot be
// read, or else keeps the newest file as the first older generation. It
// returns the path to rename the new file to and any warnings.
func (s *Store) prepare(name string) (string, []error, error) {
	var warns []error
	side := 0
	newer, version := s.newer(name, 0)
	if len(newer) > 0 || s.hasSide(name, FormatVersion) {
		side = FormatVersion
		if own, v := s.newer(name, side); len(own) > 0 {
			return "", nil, fmt.Errorf("%s, among the files this version keeps beside a newer version's, %s from a newer version of Takedown (format %d); left untouched",
				joinNames(own), plural(len(own), "is", "are"), v)
		}
	}
	newest := saveFile{name: name, side: side}
	if len(newer) > 0 {
		warns = append(warns, &Newer{Name: name, Files: newer, Version: version, File: newest.String()})
	}
	raw, _, mod, err := s.ops.loadRetry(s.file(newest))
	var v *VersionError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s.file(newest), warns, nil
	case errors.As(err, &v):
		// s.newer saw a file of this version; it has changed since.
		return "", warns, fmt.Errorf("%s; left it untouched", &FileError{File: newest.String(), Err: err})
	case err != nil:
		kept, err := s.keepAside(name, newest, err)
		if kept != nil {
			warns = append(warns, kept)
		}
		return s.file(newest), warns, err
	}
	kept, err := s.rotate(name, side, raw, mod)
	if kept != nil {
		warns = append(warns, kept)
	}
	if err != nil {
		return "", warns, fmt.Errorf("keeping the previous save: %w", err)
	}
	return s.file(newest), warns, nil
}

// newer returns the generations of the save name on the given side that a
// newer version of Takedown wrote, newest first, and the newest format
// version among them. It reads only the start of each file.
func (s *Store) newer(name string, side int) (files []string, version int) {
	for g := range generations {
		f := saveFile{name: name, side: side, gen: g}
		if v, err := s.ops.peekRetry(s.file(f)); err == nil && v > FormatVersion {
			files = append(files, f.String())
			version = max(version, v)
		}
	}
	return files, version
}

// hasSide reports whether any generation of the save name exists on side.
func (s *Store) hasSide(name string, side int) bool {
	for g := range generations {
		if stat(s.file(saveFile{name: name, side: side, gen: g})) != nil {
			return true
		}
	}
	return false
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

// rotate keeps the newest file of the save name on side, which verified as
// raw, as the first older generation, shifting the older ones down. The
// oldest generation drops out, unless it cannot be read: it might be intact,
// so it is kept aside instead. The newest file stays in place throughout:
// it is hard-linked (or, where links are not supported, copied) to the first
// generation, never moved.
func (s *Store) rotate(name string, side int, raw []byte, mod time.Time) (*KeptAside, error) {
	gen := func(g int) string { return s.file(saveFile{name: name, side: side, gen: g}) }
	cur, first := gen(0), gen(1)
	if a, b := stat(cur), stat(first); a != nil && b != nil && os.SameFile(a, b) {
		return nil, nil // an earlier Write stopped after rotating; it is done
	}
	var kept *KeptAside
	oldest := saveFile{name: name, side: side, gen: generations - 1}
	if _, err := s.ops.peekRetry(s.file(oldest)); ioError(err) {
		k, err := s.keepAside(name, oldest, err)
		if err != nil {
			return k, err
		}
		kept = k
	}
	for g := generations - 1; g > 1; g-- {
		err := s.ops.rename(gen(g-1), gen(g))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return kept, err
		}
	}
	if err := s.ops.link(cur, first); err == nil {
		return kept, nil
	}
	// No hard links here (FAT, some network drives): copy instead, keeping
	// the time the save was written.
	tmp, err := s.writeTemp(name, raw)
	if err != nil {
		return kept, err
	}
	_ = os.Chtimes(tmp, mod, mod) // only the time shown in a warning
	if err := s.ops.rename(tmp, first); err != nil {
		os.Remove(tmp)
		return kept, err
	}
	return kept, nil
}

// keepAside renames f, a file of the save name that failed to load with
// why, to the next kept-aside name, then removes the oldest kept-aside files
// beyond MaxKeptAside. The warning lists the save's kept-aside files.
func (s *Store) keepAside(name string, f saveFile, why error) (*KeptAside, error) {
	problem := &FileError{File: f.String(), Err: why}
	kind := keptUnreadable
	if problem.Damaged() {
		kind = keptDamaged
	}
	w, err := s.moveAside(name, s.file(f), kind)
	if err != nil {
		return nil, fmt.Errorf("%s; cannot keep it aside: %w", problem, err)
	}
	w.Kept = problem
	return w, nil
}

// moveAside renames the file at path to the save name's next kept-aside
// name of kind, then removes the oldest kept-aside files beyond
// MaxKeptAside. The result lists the save's kept-aside files, the new one
// first.
func (s *Store) moveAside(name, path, kind string) (*KeptAside, error) {
	files, err := s.scan(name)
	if err != nil {
		return nil, err
	}
	kept := keptFiles(files)
	to := saveFile{name: name, kept: kind, n: 1}
	if len(kept) > 0 {
		to.n = kept[0].n + 1
	}
	// On a file system that ignores case, a kept-aside file of the same
	// save under another spelling may hold the name.
	for stat(s.file(to)) != nil {
		to.n++
	}
	if err := s.ops.rename(path, s.file(to)); err != nil {
		return nil, err
	}
	kept = append([]saveFile{to}, kept...)
	w := &KeptAside{Name: name}
	for len(kept) > MaxKeptAside {
		oldest := kept[len(kept)-1]
		if err := os.Remove(s.file(oldest)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			break // keeping one too many harms nobody
		}
		w.Removed = append(w.Removed, oldest.String())
		kept = kept[:len(kept)-1]
	}
	w.Files = fileNames(kept)
	return w, nil
}

// KeepCopy writes data, the whole of a save, as a new kept-aside file of
// the save name (NAME.sav.copy-N), leaving the save's generations as they
// are. The app calls it before it goes on from a part of a save, such as a
// session that replays only up to a changed scenario, so that the next
// Writes cannot push the whole of it out. The returned *KeptAside names the
// copy first; kept-aside files beyond MaxKeptAside are removed, oldest first.
func (s *Store) KeepCopy(name string, data []byte) (*KeptAside, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkWrite(name, data); err != nil {
		return nil, err
	}
	tmp, err := s.writeTemp(name, encodeHeader(data), data)
	if err != nil {
		return nil, fmt.Errorf("save %q: cannot keep a copy: %w", name, err)
	}
	w, err := s.moveAside(name, tmp, keptCopy)
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("save %q: cannot keep a copy: %w", name, err)
	}
	if err := syncDir(s.dir); err != nil {
		return w, fmt.Errorf("save %q: copy written, but syncing the folder failed: %w", name, err)
	}
	return w, nil
}

// Read returns the data of the newest file of the save name that verifies.
// A file that fails to read (not a missing or damaged one) is tried a few
// times before it counts as unreadable. When the save has files beside a
// newer version's (see Newer), those are this version's newest and are
// tried first.
//
// warn is nil when there is nothing to tell. Otherwise it is one of these,
// or several joined with errors.Join:
//   - a *Recovered when the newest file could not be used and an older one
//     was: it says what was wrong with the newer ones and when the restored
//     save was written; a file written by a newer version of Takedown is
//     skipped the same way until this version saves beside it;
//   - a *Newer when this version's save is kept beside files a newer
//     version wrote;
//   - a *KeptAside naming the save's kept-aside files.
//
// When no file verifies, err is a *ReadError that says what is wrong with
// each; when the save does not exist, err matches fs.ErrNotExist.
func (s *Store) Read(name string) (data []byte, warn error, err error) {
	if err := checkName(name); err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, nil, fmt.Errorf("read save %q: %w", name, &closedError{s.dir})
	}
	files, err := s.scan(name)
	if err != nil {
		return nil, nil, fmt.Errorf("read save %q: %w", name, err)
	}
	kept := fileNames(keptFiles(files))

	var order []saveFile
	var newer []string
	version := 0
	beside := s.hasSide(name, FormatVersion)
	if beside {
		for g := range generations {
			order = append(order, saveFile{name: name, side: FormatVersion, gen: g})
		}
		newer, version = s.newer(name, 0)
	}
	for g := range generations {
		order = append(order, saveFile{name: name, gen: g})
	}

	// problems are what is wrong with each file tried; recovered leaves
	// out the newer version's files when this version saves beside them.
	var problems, recovered []*FileError
	found := false
	for i, f := range order {
		_, payload, mod, err := s.ops.loadRetry(s.file(f))
		if errors.Is(err, fs.ErrNotExist) {
			if i == 0 {
				p := &FileError{File: f.String(), Err: fs.ErrNotExist}
				problems, recovered = append(problems, p), append(recovered, p)
			}
			continue
		}
		found = true
		if err != nil {
			p := &FileError{File: f.String(), Err: err}
			problems = append(problems, p)
			var v *VersionError
			if !beside || f.side != 0 || !errors.As(err, &v) {
				recovered = append(recovered, p)
			}
			continue
		}
		var warns []error
		if len(recovered) > 0 {
			warns = append(warns, &Recovered{Name: name, File: f.String(), Time: mod, Problems: recovered})
		}
		if len(newer) > 0 {
			warns = append(warns, &Newer{Name: name, Files: newer, Version: version, File: f.String()})
		}
		if len(kept) > 0 {
			warns = append(warns, &KeptAside{Name: name, Files: kept})
		}
		return payload, joinWarnings(warns), nil
	}
	if !found && len(kept) == 0 {
		return nil, nil, &notFoundError{name}
	}
	return nil, nil, &ReadError{Name: name, Files: problems, Kept: kept}
}

// joinWarnings returns nil, the one warning, or the warnings joined.
func joinWarnings(warns []error) error {
	switch len(warns) {
	case 0:
		return nil
	case 1:
		return warns[0]
	}
	return errors.Join(warns...)
}

// Entry describes one save in a List.
type Entry struct {
	Name        string    // the save's name, as given to Write
	ModTime     time.Time // when its newest file was written
	Size        int64     // the size of its newest file in bytes, header included
	Generations int       // how many generations the save has, the newest included and kept-aside files not
	// Newer is the newest format version among the save's files when a
	// newer version of Takedown wrote some of them, else 0. Write leaves
	// those files untouched (see Newer).
	Newer     int
	KeptAside []string // the save's files kept aside for recovery (see KeptAside), newest first
}

// List returns the saves in the folder, newest first (ties by name). It
// looks at file names and sizes and at the format line of each file only;
// Read verifies the contents. A save's newest file is the one Read tries
// first. Files whose names Read would refuse are left out.
func (s *Store) List() ([]Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, fmt.Errorf("list saves: %w", &closedError{s.dir})
	}
	dirents, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("list saves: %w", err)
	}
	saves := map[string][]saveFile{}
	infos := map[saveFile]fs.FileInfo{}
	for _, d := range dirents {
		f, ok := parseFile(d.Name())
		if !ok || !d.Type().IsRegular() {
			continue
		}
		info, err := d.Info()
		if err != nil {
			continue // removed meanwhile
		}
		saves[f.name] = append(saves[f.name], f)
		infos[f] = info
	}
	list := make([]Entry, 0, len(saves))
	for name, files := range saves {
		slices.SortFunc(files, readOrder)
		e := Entry{Name: name, ModTime: infos[files[0]].ModTime(), Size: infos[files[0]].Size()}
		for _, f := range files {
			if !f.isGen() {
				continue
			}
			e.Generations++
			if f.side == FormatVersion {
				continue
			}
			if v, err := s.ops.peek(s.file(f)); err == nil && v > FormatVersion {
				e.Newer = max(e.Newer, v)
			}
		}
		e.KeptAside = fileNames(keptFiles(files))
		list = append(list, e)
	}
	slices.SortFunc(list, func(a, b Entry) int {
		if c := b.ModTime.Compare(a.ModTime); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return list, nil
}

// Delete removes the save name: its generations, the files this version
// keeps beside a newer version's and its kept-aside files, in the reverse of
// the order Read tries them, so that an interrupted Delete never brings back
// an older save. Files written by a newer version of Takedown are left
// untouched; then Delete returns an error that says so and matches
// *VersionError (errors.As). Deleting a save that does not exist returns an
// error matching fs.ErrNotExist.
func (s *Store) Delete(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fmt.Errorf("delete save %q: %w", name, &closedError{s.dir})
	}
	files, err := s.scan(name)
	if err != nil {
		return fmt.Errorf("delete save %q: %w", name, err)
	}
	if len(files) == 0 {
		return &notFoundError{name}
	}
	slices.SortFunc(files, func(a, b saveFile) int { return readOrder(b, a) })
	left := &newerLeftError{name: name}
	for _, f := range files {
		if f.isGen() && f.side != FormatVersion {
			if v, err := s.ops.peekRetry(s.file(f)); err == nil && v > FormatVersion {
				left.files = append(left.files, f.String())
				left.version = max(left.version, v)
				continue
			}
		}
		if err := os.Remove(s.file(f)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("delete save %q: %w", name, err)
		}
	}
	if err := syncDir(s.dir); err != nil {
		return fmt.Errorf("delete save %q: %w", name, err)
	}
	if len(left.files) > 0 {
		slices.Reverse(left.files)
		return left
	}
	return nil
}

// readOrder orders the files of a save the way Read tries them: this
// version's files beside a newer version's, then the save's own
// generations, newest first; then files other versions keep beside, which
// Read does not try; then kept-aside files, newest first.
func readOrder(a, b saveFile) int {
	class := func(f saveFile) int {
		switch {
		case !f.isGen():
			return 3
		case f.side == FormatVersion:
			return 0
		case f.side == 0:
			return 1
		}
		return 2
	}
	return cmp.Or(
		cmp.Compare(class(a), class(b)),
		cmp.Compare(b.n, a.n),
		cmp.Compare(a.gen, b.gen),
		cmp.Compare(a.side, b.side),
	)
}

// scan returns the files of the save name in the folder, in no particular
// order.
func (s *Store) scan(name string) ([]saveFile, error) {
	dirents, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	var files []saveFile
	for _, d := range dirents {
		if f, ok := parseFile(d.Name()); ok && f.name == name {
			files = append(files, f)
		}
	}
	return files, nil
}

// keptFiles returns the kept-aside files among files, newest first.
func keptFiles(files []saveFile) []saveFile {
	var kept []saveFile
	for _, f := range files {
		if !f.isGen() {
			kept = append(kept, f)
		}
	}
	slices.SortFunc(kept, func(a, b saveFile) int { return b.n - a.n })
	return kept
}

// fileNames returns the names of files.
func fileNames(files []saveFile) []string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.String()
	}
	return names
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
