//go:build !unix

package safefile

import "os"

// openFlags opens for reading. Outside Unix there is no O_NONBLOCK; the
// Stat before the open and the check of the open file's Stat still refuse
// anything but a regular file.
const openFlags = os.O_RDONLY
