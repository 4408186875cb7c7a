// Package safefile reads files that the program opens on a user's behalf:
// rule packs in a rules/ folder beside a scenario, walkthroughs beside it and
// files named on the command line. Such files come from whoever shared the
// scenario, so every read here is bounded and takes regular files only:
//
//   - a named pipe, device, socket or folder is refused before it is opened,
//     and one swapped in between that check and the open is opened without
//     blocking (O_NONBLOCK on Unix) and refused by the open file's Stat;
//   - a file over the caller's size limit is refused, and one that grows
//     while it is read is cut off one byte past the limit and refused;
//   - ReadIn and FS stay inside their folder (they use os.Root): a name with
//     ".." or a symbolic link that leads out of the folder is refused.
//
// Errors are *Error values that name the file and the problem. They never
// quote the file's content: a refused file is never read, so nothing of it
// can reach a parser or a message.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Kind classifies why a file was refused.
type Kind int

// The kinds of Error.
const (
	// Unreadable is any other failure to open or read the file, such as
	// a permission problem or an I/O error; Error.Err holds the cause.
	Unreadable Kind = iota
	// NotExist is a file or folder that does not exist.
	NotExist
	// NotRegular is a named pipe, device, socket, folder or other file
	// that is not a regular file.
	NotRegular
	// TooLarge is a file over the size limit, or one that grew past it
	// while it was read.
	TooLarge
	// OutsideFolder is a name that leads out of the folder given to
	// ReadIn or FS, by ".." or by a symbolic link.
	OutsideFolder
)

// String returns the kind's name, e.g. "too large".
func (k Kind) String() string {
	switch k {
	case Unreadable:
		return "unreadable"
	case NotExist:
		return "does not exist"
	case NotRegular:
		return "not a regular file"
	case TooLarge:
		return "too large"
	case OutsideFolder:
		return "outside the folder"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Error is a file that was refused or could not be read. Its text is the
// path and the problem, e.g. "rules/ru.lua: is a named pipe, not a regular
// file"; it never holds any of the file's content.
type Error struct {
	Path    string // the file as the caller named it
	Kind    Kind   // why it was refused
	Problem string // what is wrong, e.g. "is 3 GiB, over the 1 MiB limit"
	Err     error  // the operating system's cause, if any, for errors.Is
}

// Error returns the path and the problem.
func (e *Error) Error() string { return e.Path + ": " + e.Problem }

// Unwrap returns the operating system's cause, so that
// errors.Is(err, fs.ErrNotExist) and errors.Is(err, fs.ErrPermission) work.
func (e *Error) Unwrap() error { return e.Err }

// Read reads the file at path, which the user named explicitly (for example
// with --moves): it may be anywhere and may be a symbolic link, but what it
// leads to must be a regular file of at most max bytes. A named pipe is
// refused without waiting for a writer. A max below zero counts as zero.
func Read(path string, max int64) ([]byte, error) {
	max = clamp(max)
	info, err := os.Stat(path)
	if err != nil {
		return nil, fail(path, "", err)
	}
	if err := check(path, info, max); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, fail(path, "", err)
	}
	defer f.Close()
	return readOpen(path, "", f, max)
}

// ReadIn reads the file name inside the folder dir. The name is relative and
// may contain subfolders; it must not leave dir, neither by ".." nor by a
// symbolic link (links that stay inside dir are followed, absolute links are
// refused). What it names must be a regular file of at most max bytes. A max
// below zero counts as zero. Errors name the file as dir and name joined,
// e.g. "rules/ru.lua".
func ReadIn(dir, name string, max int64) ([]byte, error) {
	max, dir = clamp(max), rootDir(dir)
	path := join(dir, name)
	if name == "" {
		return nil, &Error{Path: path, Kind: Unreadable, Problem: "names no file", Err: fs.ErrInvalid}
	}
	if !filepath.IsLocal(name) {
		return nil, outside(path, dir, nil)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fail(path, dir, err)
	}
	defer root.Close()
	return readRoot(root, path, dir, name, max)
}

// readRoot reads name inside root, given as path in messages.
func readRoot(root *os.Root, path, dir, name string, max int64) ([]byte, error) {
	info, err := root.Stat(name)
	if err != nil {
		return nil, fail(path, dir, err)
	}
	if err := check(path, info, max); err != nil {
		return nil, err
	}
	f, err := root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, fail(path, dir, err)
	}
	defer f.Close()
	return readOpen(path, dir, f, max)
}

// readOpen checks the open file f again, in case it was swapped after the
// first check, and reads it.
func readOpen(path, dir string, f *os.File, max int64) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, fail(path, dir, err)
	}
	if err := check(path, info, max); err != nil {
		return nil, err
	}
	return readAll(path, f, max)
}

// readAll reads r to its end, but never more than max+1 bytes, so that a file
// that grows while it is read is still bounded.
func readAll(path string, r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fail(path, "", err)
	}
	if int64(len(b)) > max {
		return nil, grew(path, max)
	}
	return b, nil
}

// check refuses anything but a regular file of at most max bytes.
func check(path string, info fs.FileInfo, max int64) *Error {
	if !info.Mode().IsRegular() {
		return &Error{Path: path, Kind: NotRegular, Problem: "is " + what(info.Mode())}
	}
	if info.Size() > max {
		return &Error{Path: path, Kind: TooLarge, Problem: "is " + sizeOver(info.Size(), max) + ", over the " + limit(max) + " limit"}
	}
	return nil
}

func grew(path string, max int64) *Error {
	return &Error{Path: path, Kind: TooLarge, Problem: "grew past the " + limit(max) + " limit while it was read"}
}

func outside(path, dir string, err error) *Error {
	return &Error{Path: path, Kind: OutsideFolder, Problem: "leaves the folder " + folder(dir), Err: err}
}

// escapeText is the text of the error os.Root gives for a name or link that
// leaves the root; the os package does not export the error itself. The
// tests check that such names still come out as OutsideFolder.
const escapeText = "path escapes from parent"

// fail turns an error from the os package into an *Error for path, keeping
// only the cause (an errno and the like, never file content). A non-empty
// dir means the error came from an os.Root for that folder ("." for the
// current one).
func fail(path, dir string, err error) *Error {
	cause := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err
	}
	switch {
	case errors.Is(cause, fs.ErrNotExist):
		return &Error{Path: path, Kind: NotExist, Problem: "does not exist", Err: cause}
	case dir != "" && cause.Error() == escapeText:
		return outside(path, dir, cause)
	}
	return &Error{Path: path, Kind: Unreadable, Problem: "cannot be read: " + cause.Error(), Err: cause}
}

// what describes a file that is not regular, e.g. "a named pipe, not a
// regular file".
func what(m fs.FileMode) string {
	var s string
	switch {
	case m.IsDir():
		s = "a folder"
	case m&fs.ModeNamedPipe != 0:
		s = "a named pipe"
	case m&fs.ModeSocket != 0:
		s = "a socket"
	case m&fs.ModeDevice != 0:
		s = "a device"
	case m&fs.ModeSymlink != 0:
		s = "a symbolic link"
	default:
		return "not a regular file"
	}
	return s + ", not a regular file"
}

// clamp keeps max within 0 and math.MaxInt64-1, so that max+1 cannot
// overflow.
func clamp(max int64) int64 {
	switch {
	case max < 0:
		return 0
	case max == math.MaxInt64:
		return math.MaxInt64 - 1
	}
	return max
}

// join joins dir and name for messages, keeping name as given (filepath.Join
// would clean away its "..").
func join(dir, name string) string {
	switch {
	case dir == "" || dir == ".":
		return name
	case os.IsPathSeparator(dir[len(dir)-1]):
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// folder shows dir with a trailing separator, e.g. "rules/".
func folder(dir string) string {
	if os.IsPathSeparator(dir[len(dir)-1]) {
		return dir
	}
	return dir + string(filepath.Separator)
}

// rootDir is the folder to open for dir: "" is the current folder.
func rootDir(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// units are the binary size units, each 1024 times the one before.
const units = "KMGTPE"

// size shows n bytes in the largest binary unit with one decimal, e.g.
// "3.1 GiB", "12 KiB" or "100 bytes".
func size(n int64) string {
	if n < 1024 {
		if n == 1 {
			return "1 byte"
		}
		return strconv.FormatInt(n, 10) + " bytes"
	}
	v, i := float64(n)/1024, 0
	for i < len(units)-1 && math.Round(v*10)/10 >= 1024 {
		v /= 1024
		i++
	}
	s := strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	return s + " " + units[i:i+1] + "iB"
}

// sizeOver shows n, a size over max, so that it does not read as equal to
// max: "1048577 bytes" rather than "1 MiB" over a limit of 1 MiB.
func sizeOver(n, max int64) string {
	if s := size(n); s != size(max) {
		return s
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// limit shows a size limit exactly, in a binary unit when it is a whole
// number of one: "1 MiB", "1536 KiB", "100-byte".
func limit(max int64) string {
	unit, i := int64(1), -1
	for i < len(units)-1 && max >= unit*1024 && max%(unit*1024) == 0 {
		unit *= 1024
		i++
	}
	if i < 0 {
		return fmt.Sprintf("%d-byte", max)
	}
	return fmt.Sprintf("%d %ciB", max/unit, units[i])
}
