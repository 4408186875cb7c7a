//go:build !(darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd || windows)

package records

import (
	"errors"
	"io"
)

// lockFile cannot lock on this system: OpenOutbox goes on without the lock
// and says so in Recovery.
func lockFile(string) (io.Closer, error) { return nil, errors.ErrUnsupported }
