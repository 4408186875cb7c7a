//go:build unix

package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// specials makes the special files of the tests beside ordinary ones and
// returns the rules folder. Every file that leads out of the folder leads
// to secret.txt, whose content no error may quote.
func specials(t *testing.T) (dir, rules string) {
	t.Helper()
	dir = t.TempDir()
	rules = filepath.Join(dir, "rules")
	write(t, dir, "rules/ru.lua", content)
	write(t, dir, "rules/sub/nl.lua", content)
	write(t, dir, "secret.txt", content)
	links := []struct{ name, target string }{
		{"zero", "/dev/zero"},
		{"zero-rel", strings.Repeat("../", 40) + "dev/zero"},
		{"leak", "../secret.txt"},
		{"leak-abs", filepath.Join(dir, "secret.txt")},
		{"sub/leak", "../../secret.txt"},
		{"alias.lua", "ru.lua"},
		{"sub/alias.lua", "../ru.lua"},
		{"chain.lua", "alias.lua"},
		{"dir-link", "sub"},
		{"dangling.lua", "none.lua"},
		{"loop.lua", "loop.lua"},
		{"pipe-link", "pipe"},
	}
	for _, l := range links {
		if err := os.Symlink(l.target, filepath.Join(rules, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(rules, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A sparse file: 3 GiB long, a few blocks on disk.
	f, err := os.Create(filepath.Join(rules, "huge.lua"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(3 << 30); err != nil {
		t.Skipf("cannot make a sparse 3 GiB file here: %v", err)
	}
	return dir, rules
}

// guardFIFO watches the named pipe at path while a read runs and returns a
// function to call once the read has returned; it stops the watch and
// reports whether the pipe was opened for reading meanwhile.
//
// It keeps trying to open the pipe's writing end without blocking, which
// fails (ENXIO) until some reader has the pipe open. The reads under test
// refuse a pipe on its Stat and never open it, so the watch never succeeds.
// Should a regression make a read open the pipe and block waiting for a
// writer, the watch's open succeeds and closes again at once: the blocked
// reader gets end-of-file and returns, and the test fails because the pipe
// was opened (and the read gave no error), instead of hanging until go
// test's -timeout.
func guardFIFO(t *testing.T, path string) (opened func() bool) {
	t.Helper()
	stop := make(chan struct{})
	done := make(chan struct{})
	var n atomic.Int32
	go func() {
		defer close(done)
		for {
			if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				n.Add(1)
				f.Close()
			}
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond): // a polling pause, not a deadline
			}
		}
	}()
	return func() bool {
		close(stop)
		<-done
		return n.Load() > 0
	}
}

func TestReadInSpecial(t *testing.T) {
	_, rules := specials(t)
	leaves := "leaves the folder " + rules + "/"
	tests := []struct {
		name string
		want want
	}{
		{"zero", want{kind: OutsideFolder, problem: leaves}},
		{"zero-rel", want{kind: OutsideFolder, problem: leaves}},
		{"leak", want{kind: OutsideFolder, problem: leaves}},
		{"leak-abs", want{kind: OutsideFolder, problem: leaves}},
		{"sub/leak", want{kind: OutsideFolder, problem: leaves}},
		{"alias.lua", want{data: content}},
		{"sub/alias.lua", want{data: content}},
		{"chain.lua", want{data: content}},
		{"dir-link", want{kind: NotRegular, problem: "is a folder, not a regular file"}},
		{"dir-link/nl.lua", want{data: content}},
		{"dangling.lua", want{kind: NotExist, problem: "does not exist", notExist: true}},
		{"loop.lua", want{kind: Unreadable, problem: "cannot be read: " + syscall.ELOOP.Error()}},
		{"pipe", want{kind: NotRegular, problem: "is a named pipe, not a regular file"}},
		{"pipe-link", want{kind: NotRegular, problem: "is a named pipe, not a regular file"}},
		{"huge.lua", want{kind: TooLarge, problem: "is 3 GiB, over the 1 MiB limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opened := guardFIFO(t, filepath.Join(rules, "pipe"))
			got, err := ReadIn(rules, tt.name, 1<<20)
			if opened() {
				t.Error("the named pipe was opened for reading; it must be refused on its Stat")
			}
			checkRead(t, rules+"/"+tt.name, got, err, tt.want)
		})
	}
}

func TestReadSpecial(t *testing.T) {
	dir, rules := specials(t)
	tests := []struct {
		path string
		want want
	}{
		{"/dev/null", want{kind: NotRegular, problem: "is a device, not a regular file"}},
		{filepath.Join(rules, "zero"), want{kind: NotRegular, problem: "is a device, not a regular file"}},
		{filepath.Join(rules, "pipe"), want{kind: NotRegular, problem: "is a named pipe, not a regular file"}},
		{filepath.Join(rules, "pipe-link"), want{kind: NotRegular, problem: "is a named pipe, not a regular file"}},
		{filepath.Join(rules, "huge.lua"), want{kind: TooLarge, problem: "is 3 GiB, over the 1 MiB limit"}},
		{filepath.Join(rules, "dangling.lua"), want{kind: NotExist, problem: "does not exist", notExist: true}},
		// A path the user named may lead anywhere, and through ".." too.
		{filepath.Join(rules, "leak"), want{data: content}},
		{filepath.Join(rules, "..", "secret.txt"), want{data: content}},
		{filepath.Join(dir, "rules"), want{kind: NotRegular, problem: "is a folder, not a regular file"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			opened := guardFIFO(t, filepath.Join(rules, "pipe"))
			got, err := Read(tt.path, 1<<20)
			if opened() {
				t.Error("the named pipe was opened for reading; it must be refused on its Stat")
			}
			checkRead(t, tt.path, got, err, tt.want)
		})
	}
}

func TestFSSpecial(t *testing.T) {
	_, rules := specials(t)
	fsys := FS(rules, 1<<20)
	leaves := "leaves the folder " + rules + "/"
	tests := []struct {
		name string
		want want
	}{
		{"zero", want{kind: OutsideFolder, problem: leaves}},
		{"leak", want{kind: OutsideFolder, problem: leaves}},
		{"alias.lua", want{data: content}},
		{"pipe", want{kind: NotRegular, problem: "is a named pipe, not a regular file"}},
		{"pipe-link", want{kind: NotRegular, problem: "is a named pipe, not a regular file"}},
		{"huge.lua", want{kind: TooLarge, problem: "is 3 GiB, over the 1 MiB limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opened := guardFIFO(t, filepath.Join(rules, "pipe"))
			got, err := fs.ReadFile(fsys, tt.name)
			checkRead(t, rules+"/"+tt.name, got, err, tt.want)
			f, err := fsys.Open(tt.name)
			if err == nil {
				got, err = io.ReadAll(f)
				f.Close()
			} else {
				got = nil
			}
			if opened() {
				t.Error("the named pipe was opened for reading; it must be refused on its Stat")
			}
			checkRead(t, rules+"/"+tt.name, got, err, tt.want)
		})
	}
}

// TestSwappedForFIFO covers a file swapped for a named pipe between the
// Stat and the open: the open must not block and the open file's Stat must
// refuse it. The test opens the pipe the way the reads do; guardFIFO keeps
// a blocking open from hanging, and the check of openFlags makes it fail.
func TestSwappedForFIFO(t *testing.T) {
	if openFlags&syscall.O_NONBLOCK == 0 {
		t.Fatal("openFlags lacks O_NONBLOCK: opening a named pipe would wait for a writer")
	}
	_, rules := specials(t)
	pipe := filepath.Join(rules, "pipe")
	root, err := os.OpenRoot(rules)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	opens := []struct {
		name string
		open func() (*os.File, error)
	}{
		{"os.OpenFile", func() (*os.File, error) { return os.OpenFile(pipe, openFlags, 0) }},
		{"Root.OpenFile", func() (*os.File, error) { return root.OpenFile("pipe", openFlags, 0) }},
	}
	for _, o := range opens {
		t.Run(o.name, func(t *testing.T) {
			opened := guardFIFO(t, pipe)
			f, err := o.open()
			if err != nil {
				opened()
				t.Fatal(err)
			}
			got, err := readOpen("rules/pipe", rules, f, 1<<20)
			f.Close()
			opened()
			var e *Error
			if !errors.As(err, &e) || e.Kind != NotRegular || got != nil {
				t.Errorf("readOpen = %q, %v; want a NotRegular error", got, err)
			}
		})
	}
}

func TestPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	dir := t.TempDir()
	write(t, dir, "locked.lua", content)
	path := filepath.Join(dir, "locked.lua")
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	for _, read := range []func() ([]byte, error){
		func() ([]byte, error) { return Read(path, 1<<20) },
		func() ([]byte, error) { return ReadIn(dir, "locked.lua", 1<<20) },
	} {
		got, err := read()
		checkRead(t, path, got, err, want{kind: Unreadable, problem: "cannot be read: " + syscall.EACCES.Error()})
		if !errors.Is(err, fs.ErrPermission) {
			t.Errorf("errors.Is(%v, fs.ErrPermission) = false", err)
		}
	}
}
