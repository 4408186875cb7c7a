package safefile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// FS returns the folder dir as a file system whose files are read with the
// checks of ReadIn: fs.ReadFile(FS(dir, max), name) is ReadIn(dir, name, max)
// for a slash-separated name. Open gives regular files within the size
// limit, whose reads stop with an error past it, and folders, so that
// fs.ReadDir and fs.Glob work; anything else is refused. It replaces
// os.DirFS for a rules/ folder beside a scenario.
//
// A name that is not valid for fs.ValidPath is refused with an
// *fs.PathError for fs.ErrInvalid, as io/fs asks; every other error is an
// *Error whose Path is dir and the name joined.
func FS(dir string, max int64) fs.FS {
	return folderFS{dir: rootDir(dir), max: clamp(max)}
}

// folderFS is the file system made by FS. It opens the folder afresh for
// each call, so it holds nothing open and needs no Close.
type folderFS struct {
	dir string
	max int64
}

// valid reports whether name may be opened, as os.DirFS decides it.
func valid(name string) bool {
	if !fs.ValidPath(name) {
		return false
	}
	return runtime.GOOS != "windows" || !strings.ContainsAny(name, `\:`)
}

// Open opens a regular file within the size limit, or a folder.
func (f folderFS) Open(name string) (fs.File, error) {
	if !valid(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	path, local := join(f.dir, filepath.FromSlash(name)), filepath.FromSlash(name)
	root, err := os.OpenRoot(f.dir)
	if err != nil {
		return nil, fail(path, f.dir, err)
	}
	defer root.Close()
	info, err := root.Stat(local)
	if err != nil {
		return nil, fail(path, f.dir, err)
	}
	if !info.IsDir() {
		if err := check(path, info, f.max); err != nil {
			return nil, err
		}
	}
	file, err := root.OpenFile(local, openFlags, 0)
	if err != nil {
		return nil, fail(path, f.dir, err)
	}
	info, err = file.Stat()
	if err != nil {
		file.Close()
		return nil, fail(path, f.dir, err)
	}
	if info.IsDir() {
		return file, nil
	}
	if err := check(path, info, f.max); err != nil {
		file.Close()
		return nil, err
	}
	return &limitedFile{f: file, path: path, max: f.max}, nil
}

// ReadFile reads a regular file within the size limit, as ReadIn does.
func (f folderFS) ReadFile(name string) ([]byte, error) {
	if !valid(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	local := filepath.FromSlash(name)
	path := join(f.dir, local)
	root, err := os.OpenRoot(f.dir)
	if err != nil {
		return nil, fail(path, f.dir, err)
	}
	defer root.Close()
	return readRoot(root, path, f.dir, local, f.max)
}

// limitedFile is a regular file opened by folderFS.Open. It offers only
// Read, Stat and Close, so that no io.WriterTo or io.ReaderAt can get past
// the limit.
type limitedFile struct {
	f    *os.File
	path string
	max  int64
	n    int64 // bytes read so far
}

// Read reads at most the limit in all; a file that grew past it gives an
// *Error of kind TooLarge.
func (l *limitedFile) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, grew(l.path, l.max)
	}
	if room := l.max - l.n + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.f.Read(p)
	l.n += int64(n)
	if l.n > l.max {
		// Only the one byte past the limit is dropped.
		return n - 1, grew(l.path, l.max)
	}
	if err != nil && err != io.EOF {
		return n, fail(l.path, "", err)
	}
	return n, err
}

// Stat describes the open file.
func (l *limitedFile) Stat() (fs.FileInfo, error) { return l.f.Stat() }

// Close closes the file.
func (l *limitedFile) Close() error { return l.f.Close() }
