package save

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"time"
)

// ops are the file operations that can fail; tests replace them to inject
// failures such as a full disk, a permission error or a short read.
type ops struct {
	write  func(f *os.File, p []byte) (int, error)
	sync   func(f *os.File) error
	rename func(oldpath, newpath string) error
	link   func(oldpath, newpath string) error
	open   func(path string) (*os.File, error)
	read   func(f *os.File, p []byte) (int, error)
	stat   func(f *os.File) (fs.FileInfo, error)
	// sleep waits between attempts to read a file that failed to read.
	sleep func(d time.Duration)
	// lock opens and locks the lock file at path; see lockFile.
	lock func(path string) (*os.File, error)
}

func osOps() ops {
	return ops{
		write:  (*os.File).Write,
		sync:   (*os.File).Sync,
		rename: os.Rename,
		link:   os.Link,
		open:   os.Open,
		read:   (*os.File).Read,
		stat:   (*os.File).Stat,
		sleep:  time.Sleep,
		lock:   lockFile,
	}
}

const (
	// readAttempts is how many times a file that fails to read (not a
	// missing or damaged file) is tried before it counts as unreadable.
	readAttempts = 4
	// retryDelay is the wait before the second attempt; it doubles for
	// each attempt after that, 20+40+80 ms in all.
	retryDelay = 20 * time.Millisecond
	// peekSize is enough of a file to hold the magic and the format line.
	peekSize = len(magic) + maxLine + 1
)

// ioError reports whether err is a failure to read a file (permission
// denied, an I/O error, a file locked by another program, a short read),
// rather than no error, a missing file, damage found in the contents or a
// file from a newer version. Such a failure may pass: the file may well be
// intact.
func ioError(err error) bool {
	var d damage
	var v *VersionError
	return err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.As(err, &d) && !errors.As(err, &v)
}

// retry calls try until it returns something other than an I/O error, at
// most readAttempts times, sleeping longer between attempts each time.
func (o ops) retry(try func() error) {
	delay := retryDelay
	for i := 1; ioError(try()) && i < readAttempts; i++ {
		o.sleep(delay)
		delay *= 2
	}
}

// loadRetry is load, tried again after an I/O error.
func (o ops) loadRetry(path string) (raw, payload []byte, mod time.Time, err error) {
	o.retry(func() error {
		raw, payload, mod, err = o.load(path)
		return err
	})
	return raw, payload, mod, err
}

// load reads and verifies one save file. It returns the raw file, the
// payload and the modification time; the error is an I/O error, a damage or
// a *VersionError. Reading fewer bytes than the file has is an I/O error, not
// truncation.
func (o ops) load(path string) (raw, payload []byte, mod time.Time, err error) {
	f, err := o.open(path)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	defer f.Close()
	info, err := o.stat(f)
	if err != nil {
		return nil, nil, time.Time{}, err
	}
	mod = info.ModTime()
	if !info.Mode().IsRegular() {
		return nil, nil, mod, damage("not a regular file")
	}
	const limit = int64(maxHeader + MaxSize)
	size := info.Size()
	if size > limit {
		return nil, nil, mod, damage(fmt.Sprintf("the file is %d bytes, over the 64 MiB limit", size))
	}
	raw, err = o.readUpTo(f, int(size)+1)
	switch {
	case err != nil:
		return nil, nil, mod, err
	case int64(len(raw)) < size:
		return nil, nil, mod, fmt.Errorf("short read: %d of %d bytes: %w", len(raw), size, io.ErrUnexpectedEOF)
	case int64(len(raw)) > size:
		return nil, nil, mod, fmt.Errorf("the file grew from %d bytes while it was read", size)
	}
	payload, err = decode(raw)
	return raw, payload, mod, err
}

// peekRetry is peek, tried again after an I/O error.
func (o ops) peekRetry(path string) (version int, err error) {
	o.retry(func() error {
		version, err = o.peek(path)
		return err
	})
	return version, err
}

// peek returns the format version a file says it has, from its first bytes
// only: 0 when they do not start like a save file. The error is an I/O
// error or a missing file.
func (o ops) peek(path string) (int, error) {
	f, err := o.open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := o.stat(f)
	if err != nil {
		return 0, err
	}
	if !info.Mode().IsRegular() {
		return 0, nil
	}
	want := int(min(info.Size(), int64(peekSize)))
	b, err := o.readUpTo(f, want)
	if err != nil {
		return 0, err
	}
	if len(b) < want {
		return 0, fmt.Errorf("short read: %d of %d bytes: %w", len(b), want, io.ErrUnexpectedEOF)
	}
	return headerVersion(b), nil
}

// readUpTo reads from f until it has n bytes or reaches the end of the file.
func (o ops) readUpTo(f *os.File, n int) ([]byte, error) {
	b := make([]byte, n)
	got, stalled := 0, 0
	for got < n {
		m, err := o.read(f, b[got:])
		got += m
		switch {
		case err == io.EOF:
			return b[:got], nil
		case err != nil:
			return nil, err
		case m == 0:
			if stalled++; stalled >= 10 {
				return nil, io.ErrNoProgress
			}
		}
	}
	return b, nil
}

// stat returns the file information of path without following a symbolic
// link, or nil.
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
