//go:build windows

package save

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// errorSharingViolation is ERROR_SHARING_VIOLATION: another handle has the
// file open in a way that excludes this one.
const errorSharingViolation syscall.Errno = 32

// lockFile opens the file at path, creating it if needed, for reading and
// writing while letting other handles only read it (so another process can
// still read the process id in it). While the handle is open, a second
// lockFile of the same path fails, in this process as in any other; Windows
// closes the handle when the process ends, however it ends. It returns an
// inUseError when another handle has the file open, and an error matching
// errors.ErrUnsupported when the lock file cannot be created (a read-only
// folder).
func lockFile(path string) (*os.File, error) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE, syscall.FILE_SHARE_READ,
		nil, syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	switch {
	case err == errorSharingViolation:
		return nil, inUseError{}
	case errors.Is(err, fs.ErrPermission):
		// A read-only folder: nobody writes there.
		return nil, unsupported(&os.PathError{Op: "open", Path: path, Err: err})
	case err != nil:
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(h), path), nil
}
