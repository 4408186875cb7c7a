//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd

package records

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// lockFile takes an exclusive flock on the file at path, creating it. The
// system releases the lock when the process ends, however it ends. A file
// system that cannot lock (some network drives) gives an error matching
// errors.ErrUnsupported.
func lockFile(path string) (io.Closer, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		switch {
		case errors.Is(err, syscall.EWOULDBLOCK):
			return nil, ErrLocked
		case errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.EOPNOTSUPP), errors.Is(err, syscall.ENOTSUP):
			return nil, fmt.Errorf("%w: %v", errors.ErrUnsupported, err)
		}
		return nil, err
	}
	return f, nil
}
