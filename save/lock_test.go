package save

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLockInProcess checks that a second Open of a folder in the same
// process is refused with a clear error, even in the middle of a Write,
// without touching that Write's temporary file; and that Close releases the
// folder and retires the Store.
func TestLockInProcess(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var second error
	var tmp string
	sync := s.ops.sync
	s.ops.sync = func(f *os.File) error {
		if tmp == "" {
			tmp = f.Name()
			var s2 *Store
			s2, second = Open(dir)
			if second == nil {
				s2.Close()
			}
			if _, err := os.Stat(tmp); err != nil {
				t.Errorf("the second Open removed the first one's temporary file: %v", err)
			}
		}
		return sync(f)
	}
	mustWrite(t, s, "x", []byte("mine"))
	var le *LockedError
	if !errors.As(second, &le) || le.Dir != s.Dir() || le.PID != os.Getpid() {
		t.Fatalf("second Open = %v, want a *LockedError for %s and this process", second, s.Dir())
	}
	if want := "the save folder " + s.Dir() + " is already open in this program; close it first"; second.Error() != want {
		t.Errorf("error %q\nwant  %q", second, want)
	}
	if got, _, err := s.Read("x"); err != nil || string(got) != "mine" {
		t.Errorf("Read = %q, %v", got, err)
	}

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	for op, err := range map[string]error{
		"Write":  func() error { _, err := s.Write("x", nil); return err }(),
		"Read":   func() error { _, _, err := s.Read("x"); return err }(),
		"List":   func() error { _, err := s.List(); return err }(),
		"Delete": s.Delete("x"),
	} {
		if !errors.Is(err, fs.ErrClosed) || !strings.Contains(err.Error(), s.Dir()+" was closed") {
			t.Errorf("%s after Close = %v, want fs.ErrClosed", op, err)
		}
	}
	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	defer s2.Close()
	if got, _, err := s2.Read("x"); err != nil || string(got) != "mine" {
		t.Errorf("Read = %q, %v", got, err)
	}
}

// TestLockUnsupported checks that where the folder cannot be locked, Open
// still opens it but leaves temporary files alone.
func TestLockUnsupported(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, tempPrefix+"x-1")
	if err := os.WriteFile(stale, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	o := osOps()
	o.lock = func(path string) (*os.File, error) { return nil, unsupported(errors.New("no locks here")) }
	s, err := open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, s, "x", []byte("saved"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err != nil {
		t.Errorf("an unlocked Open removed a temporary file: %v", err)
	}
}

// The two-process test: this test binary runs again as a child process that
// runs only TestLockChild, which opens the folder and says what happened on
// its standard output. In "hold" mode it then keeps the folder open until
// its standard input is closed.

const (
	lockEnv     = "TAKEDOWN_SAVE_LOCK_DIR"
	lockModeEnv = "TAKEDOWN_SAVE_LOCK_MODE"
)

func TestLockChild(t *testing.T) {
	dir := os.Getenv(lockEnv)
	if dir == "" {
		t.Skip("runs only as the child process of TestLockAcrossProcesses")
	}
	s, err := Open(dir)
	var le *LockedError
	if errors.As(err, &le) {
		fmt.Printf("locked %d %s\n", le.PID, err)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("opened")
	if os.Getenv(lockModeEnv) == "hold" {
		io.Copy(io.Discard, os.Stdin)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// lockChild returns the command that runs TestLockChild on dir in mode.
func lockChild(dir, mode string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockChild$", "-test.count=1", "-test.timeout=60s")
	cmd.Env = append(os.Environ(), lockEnv+"="+dir, lockModeEnv+"="+mode)
	return cmd
}

// childSays returns the line of out that starts with "locked" or "opened".
func childSays(out []byte) string {
	for line := range strings.Lines(string(out)) {
		if strings.HasPrefix(line, "locked ") || line == "opened\n" {
			return strings.TrimSuffix(line, "\n")
		}
	}
	return ""
}

func TestLockAcrossProcesses(t *testing.T) {
	if os.Getenv(lockEnv) != "" {
		t.Skip("this is the child process")
	}
	dir := t.TempDir()

	t.Run("second process refused", func(t *testing.T) {
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		// In the middle of a Write, while its temporary file exists,
		// another process starts on the same folder.
		var said, tmp string
		sync := s.ops.sync
		s.ops.sync = func(f *os.File) error {
			if tmp == "" {
				tmp = f.Name()
				out, err := lockChild(dir, "try").Output()
				if said = childSays(out); said == "" {
					t.Errorf("the child said %q, %v", out, err)
				}
				if _, err := os.Stat(tmp); err != nil {
					t.Errorf("the other process removed this one's temporary file: %v", err)
				}
			}
			return sync(f)
		}
		mustWrite(t, s, "x", []byte("mine"))
		want := fmt.Sprintf("locked %d the save folder %s is in use by another running Takedown (process %d); close that one and try again",
			os.Getpid(), s.Dir(), os.Getpid())
		if said != want {
			t.Errorf("the child said %q\nwant           %q", said, want)
		}
		if got, warn, err := s.Read("x"); err != nil || warn != nil || string(got) != "mine" {
			t.Errorf("Read = %q, %v, %v", got, warn, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		out, err := lockChild(dir, "try").Output()
		if said := childSays(out); said != "opened" {
			t.Errorf("after Close the child said %q, %v; want it to open the folder", out, err)
		}
	})

	t.Run("held by another process", func(t *testing.T) {
		cmd := lockChild(dir, "hold")
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Wait()
		defer stdin.Close()
		lines := bufio.NewScanner(stdout)
		if !lines.Scan() || lines.Text() != "opened" {
			t.Fatalf("the child did not open the folder: %q %s", lines.Text(), stderr.String())
		}
		// The child is writing, say: its temporary file must survive.
		theirs := filepath.Join(dir, tempPrefix+"x-12345")
		if err := os.WriteFile(theirs, []byte("half a sa"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err = Open(dir)
		var le *LockedError
		if !errors.As(err, &le) || le.PID != cmd.Process.Pid {
			t.Fatalf("Open while another process holds the folder = %v, want a *LockedError naming process %d", err, cmd.Process.Pid)
		}
		abs, _ := filepath.Abs(dir)
		if !strings.Contains(err.Error(), abs) || !strings.Contains(err.Error(), "(process "+strconv.Itoa(cmd.Process.Pid)+")") {
			t.Errorf("error %q does not name the folder and the process", err)
		}
		if _, err := os.Stat(theirs); err != nil {
			t.Errorf("a refused Open removed the other process's temporary file: %v", err)
		}
		stdin.Close()
		io.Copy(io.Discard, stdout)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("the child failed: %v %s", err, stderr.String())
		}
		s, err := Open(dir)
		if err != nil {
			t.Fatalf("Open after the other process ended: %v", err)
		}
		s.Close()
	})
}
