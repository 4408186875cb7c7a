//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd

package save

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// lockFile opens the file at path, creating it if needed, and takes an
// exclusive flock(2) on it without waiting. The lock belongs to the open
// file, so a second lockFile of the same path fails in this process as in
// any other, and the system releases it when the file is closed or the
// process ends, however it ends. It returns an inUseError when another open
// file holds the lock, and an error matching errors.ErrUnsupported when the
// file system cannot lock files or the lock file cannot be created (a
// read-only folder).
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return nil, unsupported(err) // a read-only folder: nobody writes there
	}
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err != syscall.EINTR {
			break
		}
	}
	if err == nil {
		return f, nil
	}
	f.Close()
	switch {
	case errors.Is(err, syscall.EWOULDBLOCK):
		return nil, inUseError{}
	case errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.ENOTSUP),
		errors.Is(err, syscall.EOPNOTSUPP), errors.Is(err, syscall.ENOSYS):
		return nil, unsupported(&os.PathError{Op: "flock", Path: path, Err: err})
	}
	return nil, &os.PathError{Op: "flock", Path: path, Err: err}
}
