package safefile

import (
	"os"
	"path/filepath"
)

// WriteWhole writes data to path whole or not at all: to a temporary file
// beside it, synced, then renamed over it, so that a crash or a full disk
// leaves either the old file or the new one, never a part. The file is
// readable by everyone (0644), as a report handed out should be.
func WriteWhole(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".takedown-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
