//go:build linux

package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostileEnv names the environment variable that makes the test binary act
// as the takedown command for one hostile case (see TestMain).
const hostileEnv = "TAKEDOWN_HOSTILE_ARGS"

// The child's limits: its address space is capped, so a bound that fails
// kills the child instead of the machine, and its peak resident memory must
// stay under maxResident. hangAfter only stops a hung child; no figure of
// speed is asserted.
const (
	addressSpace = 6 << 30
	maxResident  = 1536 << 20
	hangAfter    = 3 * time.Minute
)

// TestMain runs the takedown command itself when the hostile-corpus test
// starts the test binary as a child; otherwise it runs the tests.
func TestMain(m *testing.M) {
	if a := os.Getenv(hostileEnv); a != "" {
		var args []string
		if err := json.Unmarshal([]byte(a), &args); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(99)
		}
		lim := &syscall.Rlimit{Cur: addressSpace, Max: addressSpace}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, lim); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(99)
		}
		os.Exit(Main(args, Env{Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	os.Exit(m.Run())
}

// hostileCase is one file of testdata/hostile: a scenario whose header
// comments say how to run it and what must come out.
type hostileCase struct {
	args   string   // the command line, {dir} standing for the case's folder
	exit   int      // the exit code wanted
	want   []string // text the output must contain
	not    []string // text it must not contain
	moves  []string // lines of NAME.win.moves, written beside it
	links  [][2]string
	fifos  []string
	sparse map[string]int64
	extra  string // generated source appended to the scenario
}

func readHostile(t *testing.T, path string) hostileCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := hostileCase{sparse: map[string]int64{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimLeft(strings.TrimRight(sc.Text(), "\r"), "\ufeff")
		key, val, ok := strings.Cut(strings.TrimPrefix(line, "-- "), ": ")
		if !ok || !strings.HasPrefix(line, "-- ") {
			continue
		}
		unq := func() string {
			s, err := strconv.Unquote(`"` + strings.ReplaceAll(val, `"`, `\"`) + `"`)
			if err != nil {
				t.Fatalf("%s: %q: %v", path, val, err)
			}
			return s
		}
		switch key {
		case "args":
			c.args = val
		case "exit":
			c.exit, _ = strconv.Atoi(val)
		case "want":
			c.want = append(c.want, unq())
		case "not":
			c.not = append(c.not, unq())
		case "moves":
			c.moves = append(c.moves, val)
		case "link":
			from, to, _ := strings.Cut(val, " -> ")
			c.links = append(c.links, [2]string{from, to})
		case "fifo":
			c.fifos = append(c.fifos, val)
		case "sparse":
			name, size, _ := strings.Cut(val, " ")
			n, _ := strconv.ParseInt(size, 10, 64)
			c.sparse[name] = n
		case "generate":
			if val == "constants" {
				var b strings.Builder
				b.WriteString("\nlocal function big()\n  local t = {}\n")
				for i := range 30000 {
					fmt.Fprintf(&b, "  t[%d] = %d.5\n", i+1, i)
				}
				b.WriteString("  return t\nend\n")
				c.extra = b.String()
			}
		}
	}
	if c.args == "" {
		t.Fatalf("%s has no args line", path)
	}
	return c
}

// TestHostileCorpus runs each case of testdata/hostile as the takedown
// command in a child process with a capped address space, and checks its
// exit code, its message and its peak memory. The special files a case
// needs (links, named pipes, sparse files) are made at test time.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile corpus runs in the full test suite (make test)")
	}
	files, err := filepath.Glob("testdata/hostile/*.lua")
	if err != nil || len(files) == 0 {
		t.Fatalf("no hostile cases: %v", err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".lua")
		t.Run(name, func(t *testing.T) {
			c := readHostile(t, file)
			dir := t.TempDir()
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+".lua"), append(src, c.extra...), 0o644); err != nil {
				t.Fatal(err)
			}
			if len(c.moves) > 0 {
				mv := "seed 1\n" + strings.Join(c.moves, "\n") + "\n"
				if err := os.WriteFile(filepath.Join(dir, name+".win.moves"), []byte(mv), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, l := range c.links {
				p := filepath.Join(dir, l[0])
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.Symlink(l[1], p); err != nil {
					t.Fatal(err)
				}
			}
			for _, f := range c.fifos {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := syscall.Mkfifo(filepath.Join(dir, f), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for f, n := range c.sparse {
				if err := os.Truncate(createFile(t, filepath.Join(dir, f)), n); err != nil {
					t.Fatal(err)
				}
			}
			args := strings.Fields(strings.ReplaceAll(c.args, "{dir}", dir))
			a, _ := json.Marshal(args)
			ctx, cancel := context.WithTimeout(context.Background(), hangAfter)
			defer cancel()
			cmd := exec.CommandContext(ctx, self, "-test.run=^$")
			cmd.Env = append(os.Environ(), hostileEnv+"="+string(a))
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err = cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("takedown %s hung: killed after %v", c.args, hangAfter)
			}
			code := cmd.ProcessState.ExitCode()
			text := out.String()
			if code != c.exit {
				t.Errorf("takedown %s exited %d (%v), want %d:\n%s", c.args, code, err, c.exit, text)
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("the output lacks %q:\n%s", w, text)
				}
			}
			for _, n := range c.not {
				if strings.Contains(text, n) {
					t.Errorf("the output holds %q:\n%s", n, text)
				}
			}
			if strings.Contains(text, "goroutine ") || strings.Contains(text, "panic:") {
				t.Errorf("the output holds a Go stack trace:\n%s", text)
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				peak := ru.Maxrss << 10 // kilobytes on Linux
				t.Logf("exit %d, peak memory %d MiB, cpu %v:\n%s", code, peak>>20, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime(), text)
				if peak > maxResident {
					t.Errorf("peak memory %d MiB, over %d MiB", peak>>20, maxResident>>20)
				}
			}
		})
	}
}

// createFile makes an empty file and returns its path.
func createFile(t *testing.T, p string) string {
	t.Helper()
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}
