//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openFlags opens for reading without blocking: opening a named pipe that
// has no writer, or a serial line, returns at once instead of waiting. It
// changes nothing for regular files.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
