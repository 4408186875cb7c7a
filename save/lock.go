package save

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// inUseError is what lockFile returns when another open file holds the
// lock.
type inUseError struct{}

func (inUseError) Error() string { return "the lock is held by another open file" }

// writePID records this process in the lock file, for the message another
// process shows when it finds the folder in use. It is best effort: the
// lock works without it.
func writePID(f *os.File) {
	if f.Truncate(0) == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
}

// readPID returns the process recorded in the lock file at path, or 0.
func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// unsupported wraps err, a lock the file system refused to take, as
// errors.ErrUnsupported.
func unsupported(err error) error {
	return fmt.Errorf("%w: %w", errors.ErrUnsupported, err)
}
