//go:build !(darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd || windows)

package save

import (
	"errors"
	"os"
)

// lockFile cannot lock files on this system; it returns an error matching
// errors.ErrUnsupported, and Open opens the folder unlocked.
func lockFile(path string) (*os.File, error) {
	return nil, unsupported(&os.PathError{Op: "lock", Path: path, Err: errors.ErrUnsupported})
}
