package save

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// VersionError reports a save file written in a newer file format than this
// version of Takedown reads. Such a file is not damaged; Read skips it and
// says so.
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
}

// Error lists what is wrong with each file of the save.
func (e *ReadError) Error() string {
	return fmt.Sprintf("save %q cannot be read: %s", e.Name, joinFiles(e.Files))
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

// notFoundError reports a save with no files at all.
type notFoundError struct{ name string }

func (e *notFoundError) Error() string { return fmt.Sprintf("no save named %q", e.name) }

func (e *notFoundError) Is(target error) bool { return target == fs.ErrNotExist }
