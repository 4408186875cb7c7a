package save

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"
)

// VersionError reports a save file written in a newer file format than this
// version of Takedown reads. Such a file is not damaged; Read skips it and
// says so, and Write and Delete leave it untouched (see Newer).
type VersionError struct {
	Version int // the format version found in the file
}

// Error says which format the file has and which this version reads.
func (e *VersionError) Error() string {
	return fmt.Sprintf("written by a newer version of Takedown (format %d); this version reads format %d",
		e.Version, FormatVersion)
}

// FileError says why one file of a save could not be used.
type FileError struct {
	File string // the file's name inside the folder, such as "autosave.sav.1"
	Err  error  // a *VersionError, fs.ErrNotExist, an I/O error or the damage found
}

// Error names the file and says what is wrong with it.
func (e *FileError) Error() string {
	var d damage
	var v *VersionError
	var p *fs.PathError
	switch {
	case errors.As(e.Err, &d):
		return e.File + " is damaged (" + string(d) + ")"
	case errors.As(e.Err, &v):
		return e.File + " was " + v.Error()
	case errors.Is(e.Err, fs.ErrNotExist):
		return e.File + " is missing"
	case errors.As(e.Err, &p):
		return e.File + " cannot be read: " + p.Err.Error()
	default:
		return e.File + " cannot be read: " + e.Err.Error()
	}
}

// Unwrap returns Err.
func (e *FileError) Unwrap() error { return e.Err }

// Damaged reports whether the file failed verification: wrong magic, an
// unknown format version, a damaged header, truncation, a length mismatch or
// a checksum mismatch. A file from a newer version, a missing file and an
// I/O error are not damage.
func (e *FileError) Damaged() bool {
	var d damage
	return errors.As(e.Err, &d)
}

// ReadError says why Read found no usable file of a save: one FileError for
// each file that exists (and for the newest file when only older
// generations exist), newest first.
type ReadError struct {
	Name  string       // the save's name
	Files []*FileError // what is wrong with each file, newest first
	Kept  []string     // the save's files kept aside for recovery (see KeptAside), newest first
}

// Error lists what is wrong with each file of the save and names the files
// kept aside.
func (e *ReadError) Error() string {
	msg := fmt.Sprintf("save %q cannot be read: %s", e.Name, joinFiles(e.Files))
	if len(e.Kept) > 0 {
		msg += "; " + keptList(e.Kept)
	}
	return msg
}

// Unwrap returns the FileErrors, so errors.As finds a *VersionError.
func (e *ReadError) Unwrap() []error {
	errs := make([]error, len(e.Files))
	for i, f := range e.Files {
		errs[i] = f
	}
	return errs
}

// Recovered is the warning Read returns when the newest file of a save could
// not be used and an older generation could: the data Read returned is that
// older save.
type Recovered struct {
	Name     string       // the save's name
	File     string       // the file whose data Read returned, such as "autosave.sav.1"
	Time     time.Time    // when that file was written (its modification time)
	Problems []*FileError // what was wrong with each newer file, newest first
}

// Error says what was wrong and when the restored save was written, such as
// `save "autosave" was damaged (checksum mismatch); restored the save from
// 2026-03-01 14:05:09`.
func (r *Recovered) Error() string {
	when := r.Time.Local().Format("2006-01-02 15:04:05")
	if len(r.Problems) == 1 {
		p := r.Problems[0]
		var d damage
		var v *VersionError
		switch {
		case errors.As(p.Err, &d):
			return fmt.Sprintf("save %q was damaged (%s); restored the save from %s", r.Name, d, when)
		case errors.As(p.Err, &v):
			return fmt.Sprintf("save %q was %s; restored the older save from %s", r.Name, v, when)
		}
	}
	return fmt.Sprintf("save %q: %s; restored the save from %s", r.Name, joinFiles(r.Problems), when)
}

// Unwrap returns the Problems, so errors.As finds a *VersionError.
func (r *Recovered) Unwrap() []error {
	return (&ReadError{Files: r.Problems}).Unwrap()
}

func joinFiles(files []*FileError) string {
	parts := make([]string, len(files))
	for i, f := range files {
		parts[i] = f.Error()
	}
	return strings.Join(parts, "; ")
}

// joinNames lists names as "a", "a and b" or "a, b and c".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// keptList says which files are kept aside for recovery.
func keptList(files []string) string {
	if len(files) == 1 {
		return "1 file kept aside for recovery: " + files[0]
	}
	return fmt.Sprintf("%d files kept aside for recovery: %s", len(files), joinNames(files))
}

// Newer is the warning Read and Write return when files of a save were
// written by a newer version of Takedown. Such files are never replaced,
// renamed or removed: this version keeps its own generations of the save
// beside them (NAME.sav.v1, NAME.sav.v1.1 and NAME.sav.v1.2 for format 1),
// and the newer version still finds its save as it left it. Once a save has
// such files beside it, this version writes and reads them first.
type Newer struct {
	Name    string   // the save's name
	Files   []string // the newer version's files, newest first
	Version int      // the newest format version among them
	File    string   // this version's file that Read returned or Write wrote, such as "autosave.sav.v1"
}

// Error names the newer version's files and this version's, such as
// `save "autosave": autosave.sav is from a newer version of Takedown
// (format 2) and is left untouched; this version's save is autosave.sav.v1`.
func (n *Newer) Error() string {
	verb := plural(len(n.Files), "is", "are")
	return fmt.Sprintf("save %q: %s %s from a newer version of Takedown (format %d) and %s left untouched; this version's save is %s",
		n.Name, joinNames(n.Files), verb, n.Version, verb, n.File)
}

// Unwrap returns a *VersionError, so errors.As finds one.
func (n *Newer) Unwrap() error { return &VersionError{Version: n.Version} }

// MaxKeptAside is how many kept-aside files of one save Write keeps: when
// it keeps one more aside, it removes the oldest beyond this number.
const MaxKeptAside = 3

// KeptAside is the warning Read and Write return when files of a save are
// kept aside for a person to recover. Write never replaces a newest file
// that is damaged or that cannot be read even after a few attempts (a
// permission error, an I/O error, a file locked by another program): it
// renames it NAME.sav.damaged-N or NAME.sav.unreadable-N, N counting up,
// and then saves. It does the same with the oldest generation when that
// cannot be read, rather than let it drop out. Read never returns the data
// of a kept-aside file; Read, List and ReadError name them until they are
// removed. At most MaxKeptAside are kept per save.
type KeptAside struct {
	Name  string   // the save's name
	Files []string // the save's kept-aside files, newest first
	// Kept is set by the Write that kept a file aside: it names the file
	// as it was (such as "autosave.sav") and says why it was kept aside.
	// Its new name is Files[0].
	Kept *FileError
	// Removed lists the kept-aside files that Write removed to keep at
	// most MaxKeptAside, oldest first.
	Removed []string
}

// Error says which file Write kept aside and why, such as `save "autosave":
// autosave.sav is damaged (checksum mismatch); kept it aside as
// autosave.sav.damaged-1`, or from Read, which files are kept aside.
func (k *KeptAside) Error() string {
	if k.Kept == nil || len(k.Files) == 0 {
		return fmt.Sprintf("save %q: %s", k.Name, keptList(k.Files))
	}
	msg := fmt.Sprintf("save %q: %s; kept it aside as %s", k.Name, k.Kept, k.Files[0])
	if n := len(k.Removed); n > 0 {
		msg += fmt.Sprintf(" and removed the oldest kept-aside %s, %s, to keep at most %d", plural(n, "file", "files"), joinNames(k.Removed), MaxKeptAside)
	}
	return msg
}

// Unwrap returns Kept, or nil.
func (k *KeptAside) Unwrap() error {
	if k.Kept == nil {
		return nil
	}
	return k.Kept
}

// LockedError is the error Open returns when another Store has the folder
// open: another Takedown running on the same folder, or a second Open of it
// in this process.
type LockedError struct {
	Dir string // the folder, an absolute path
	PID int    // the process that has the folder open, or 0 when not known
}

// Error names the folder and, when known, the process that has it open.
func (e *LockedError) Error() string {
	switch {
	case e.PID == os.Getpid():
		return fmt.Sprintf("the save folder %s is already open in this program; close it first", e.Dir)
	case e.PID > 0:
		return fmt.Sprintf("the save folder %s is in use by another running Takedown (process %d); close that one and try again", e.Dir, e.PID)
	}
	return fmt.Sprintf("the save folder %s is in use by another running Takedown; close that one and try again", e.Dir)
}

// closedError is the error of a Store used after Close.
type closedError struct{ dir string }

func (e *closedError) Error() string { return "the save folder " + e.dir + " was closed" }

func (e *closedError) Is(target error) bool { return target == fs.ErrClosed }

// newerLeftError is the error Delete returns when it left files written by
// a newer version.
type newerLeftError struct {
	name    string
	files   []string
	version int
}

func (e *newerLeftError) Error() string {
	verb := plural(len(e.files), "is", "are")
	return fmt.Sprintf("delete save %q: %s %s from a newer version of Takedown (format %d) and %s left untouched; the rest of the save is deleted",
		e.name, joinNames(e.files), verb, e.version, verb)
}

func (e *newerLeftError) Unwrap() error { return &VersionError{Version: e.version} }

// notFoundError reports a save with no files at all.
type notFoundError struct{ name string }

func (e *notFoundError) Error() string { return fmt.Sprintf("no save named %q", e.name) }

func (e *notFoundError) Is(target error) bool { return target == fs.ErrNotExist }
