package save

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// mustWrite writes data and fails the test on an error or a warning.
func mustWrite(t testing.TB, s *Store, name string, data []byte) {
	t.Helper()
	warn, err := s.Write(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if warn != nil {
		t.Fatalf("Write(%q) warned: %v", name, warn)
	}
}

// load reads and verifies one file with the real file operations.
func load(path string) (raw, payload []byte, mod time.Time, err error) {
	return osOps().load(path)
}

// files returns the payload of each generation of name, newest first, with
// "" for a missing file and "!" and the error for a file that fails.
func files(t *testing.T, s *Store, name string) []string {
	t.Helper()
	var out []string
	for g := range generations + 1 {
		_, payload, _, err := load(s.path(name, g))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, "")
		case err != nil:
			out = append(out, "!"+err.Error())
		default:
			out = append(out, string(payload))
		}
	}
	return out
}

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestRoundTrip(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	big := bytes.Repeat([]byte("Журнал сессии: ход 1, улика B.\n"), 40000)
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", []byte{}},
		{"text", []byte("session log\nline 2\n")},
		{"every-byte", all},
		{"looks.like.a.header", []byte(magic + "format 1\nlength 0\n")},
		{"big_1MB", big},
	}
	s := openTemp(t)
	for _, tt := range tests {
		mustWrite(t, s, tt.name, tt.data)
	}
	// A second Store on the same folder reads what the first wrote.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(s.Dir())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		got, warn, err := s2.Read(tt.name)
		if err != nil || warn != nil {
			t.Errorf("Read(%q): warn %v, err %v", tt.name, warn, err)
			continue
		}
		if !bytes.Equal(got, tt.data) {
			t.Errorf("Read(%q) = %d bytes, want %d bytes", tt.name, len(got), len(tt.data))
		}
	}
}

func TestFileFormat(t *testing.T) {
	s := openTemp(t)
	data := []byte("hello\n")
	mustWrite(t, s, "fmt", data)
	raw, err := os.ReadFile(s.path("fmt", 0))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("TAKEDOWN-SAVE\nformat 1\nlength 6\nsha256 %x\n\nhello\n", sha256.Sum256(data))
	if string(raw) != want {
		t.Errorf("file =\n%q\nwant\n%q", raw, want)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(s.path("fmt", 0))
		if err != nil {
			t.Fatal(err)
		}
		if perm := info.Mode().Perm(); perm != 0o600 {
			t.Errorf("save file mode %v, want 0600", perm)
		}
	}
}

func TestOpenCreatesPrivateFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "saves")
	if _, err := Open(dir); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", info.Mode().Perm())
	}
	if _, err := Open(""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
}

func TestGenerations(t *testing.T) {
	s := openTemp(t)
	for i := 1; i <= 5; i++ {
		mustWrite(t, s, "g", fmt.Appendf(nil, "save %d", i))
	}
	want := []string{"save 5", "save 4", "save 3", ""}
	if got := files(t, s, "g"); !slices.Equal(got, want) {
		t.Fatalf("generations = %q, want %q", got, want)
	}
	// Damage the newest files one by one: Read steps back a generation each time.
	for i, want := range []string{"save 5", "save 4", "save 3"} {
		got, warn, err := s.Read("g")
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("after damaging %d files Read = %q, want %q", i, got, want)
		}
		var r *Recovered
		if (i > 0) != errors.As(warn, &r) {
			t.Fatalf("after damaging %d files warn = %v", i, warn)
		}
		if i > 0 && (len(r.Problems) != i || r.File != fileName("g", i)) {
			t.Errorf("after damaging %d files: %+v", i, r)
		}
		if err := os.Truncate(s.path("g", i), 30); err != nil {
			t.Fatal(err)
		}
	}
	var re *ReadError
	if _, _, err := s.Read("g"); !errors.As(err, &re) || len(re.Files) != 3 {
		t.Errorf("Read with every file damaged: err %v", err)
	}
}

// TestDamagedNewestIsNotKept checks that a damaged newest file does not
// become a generation, where it would push a good one out; it is kept aside
// instead (see TestKeptAside).
func TestDamagedNewestIsNotKept(t *testing.T) {
	s := openTemp(t)
	mustWrite(t, s, "d", []byte("one"))
	mustWrite(t, s, "d", []byte("two"))
	if err := os.WriteFile(s.path("d", 0), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	warn, err := s.Write("d", []byte("three"))
	var k *KeptAside
	if err != nil || !errors.As(warn, &k) {
		t.Fatalf("Write = %v, %v; want a *KeptAside warning", warn, err)
	}
	want := []string{"three", "one", "", ""}
	if got := files(t, s, "d"); !slices.Equal(got, want) {
		t.Errorf("generations = %q, want %q", got, want)
	}
}

// TestDamage damages the newest of two saves in each way the format can
// detect and checks that Read restores the older one and says why.
func TestDamage(t *testing.T) {
	oldData := []byte("the old session log\n")
	newData := []byte("the new session log, a little longer\n")
	header := string(encodeHeader(newData))
	withHeaderLine := func(key, value string) func([]byte) []byte {
		return func(b []byte) []byte {
			re := regexp.MustCompile(`(?m)^` + key + ` .*$`)
			return re.ReplaceAll(b, []byte(key+" "+value))
		}
	}
	tests := []struct {
		name    string
		damage  func([]byte) []byte
		reason  string // in the warning
		damaged bool   // FileError.Damaged
	}{
		{"truncated data", func(b []byte) []byte { return b[:len(b)-10] },
			"truncated: the header says 37 bytes of data, the file has 27", true},
		{"truncated header", func(b []byte) []byte { return b[:20] }, "truncated inside the header", true},
		{"truncated magic", func(b []byte) []byte { return b[:5] }, "truncated inside the header", true},
		{"truncated after header", func(b []byte) []byte { return b[:len(header)] },
			"truncated: the header says 37 bytes of data, the file has 0", true},
		{"empty", func(b []byte) []byte { return nil }, "truncated: the file is empty", true},
		{"extra bytes", func(b []byte) []byte { return append(b, "xx"...) },
			"length mismatch: the header says 37 bytes of data, the file has 39", true},
		{"flipped byte", func(b []byte) []byte { b[len(b)-5] ^= 0x01; return b }, "checksum mismatch", true},
		{"other checksum", func(b []byte) []byte {
			b[len(header)-3] = map[bool]byte{true: '1', false: '0'}[b[len(header)-3] == '0']
			return b
		}, "checksum mismatch", true},
		{"wrong magic", func(b []byte) []byte { return append([]byte("PK\x03\x04"), b...) }, "not a Takedown save: wrong magic", true},
		{"other program's file", func([]byte) []byte { return []byte("{\"level\": 3}\n") }, "not a Takedown save: wrong magic", true},
		{"version 0", withHeaderLine("format", "0"), "unknown format version 0", true},
		{"version garbage", withHeaderLine("format", "1x"), `damaged header: format "1x" is not a number`, true},
		{"length garbage", withHeaderLine("length", "-3"), `damaged header: length "-3" is not a number`, true},
		{"length over limit", withHeaderLine("length", "99999999999"), "damaged header: length 99999999999 is over the 64 MiB limit", true},
		{"checksum garbage", withHeaderLine("sha256", "abc"), `damaged header: sha256 "abc" is not 64 hex digits`, true},
		{"missing line", func(b []byte) []byte { return bytes.Replace(b, []byte("length 37\n"), nil, 1) },
			`damaged header: expected the length line, found "sha256`, true},
		{"no blank line", func(b []byte) []byte { return bytes.Replace(b, []byte("\n\n"), []byte("\n"), 1) },
			"damaged header: no blank line after the sha256 line", true},
		{"newer version", func([]byte) []byte { return []byte(magic + "format 2\nwhatever comes next\n") },
			"was written by a newer version of Takedown (format 2); this version reads format 1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			mustWrite(t, s, "s", oldData)
			mustWrite(t, s, "s", newData)
			raw, err := os.ReadFile(s.path("s", 0))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(s.path("s", 0), tt.damage(raw), 0o600); err != nil {
				t.Fatal(err)
			}
			got, warn, err := s.Read("s")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if !bytes.Equal(got, oldData) {
				t.Errorf("Read = %q, want the old save %q", got, oldData)
			}
			var r *Recovered
			if !errors.As(warn, &r) {
				t.Fatalf("warn = %v, want a *Recovered", warn)
			}
			if !strings.Contains(warn.Error(), tt.reason) {
				t.Errorf("warning %q does not say %q", warn, tt.reason)
			}
			if len(r.Problems) != 1 || r.Problems[0].Damaged() != tt.damaged || r.File != "s.sav.1" {
				t.Errorf("Recovered = %+v, want one problem with Damaged() %v", r, tt.damaged)
			}
			var v *VersionError
			if errors.As(warn, &v) == tt.damaged {
				t.Errorf("errors.As(warn, *VersionError) = %v for %q", !tt.damaged, warn)
			}
		})
	}
}

func TestRecoveredMessage(t *testing.T) {
	when := time.Date(2026, 3, 1, 14, 5, 9, 0, time.Local)
	tests := []struct {
		problems []*FileError
		want     string
	}{
		{[]*FileError{{File: "a.sav", Err: damage("checksum mismatch")}},
			`save "a" was damaged (checksum mismatch); restored the save from 2026-03-01 14:05:09`},
		{[]*FileError{{File: "a.sav", Err: &VersionError{Version: 2}}},
			`save "a" was written by a newer version of Takedown (format 2); this version reads format 1; restored the older save from 2026-03-01 14:05:09`},
		{[]*FileError{{File: "a.sav", Err: fs.ErrNotExist}, {File: "a.sav.1", Err: damage("checksum mismatch")}},
			`save "a": a.sav is missing; a.sav.1 is damaged (checksum mismatch); restored the save from 2026-03-01 14:05:09`},
	}
	for _, tt := range tests {
		r := &Recovered{Name: "a", File: "a.sav.2", Time: when, Problems: tt.problems}
		if got := r.Error(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	t.Run("not found", func(t *testing.T) {
		s := openTemp(t)
		_, warn, err := s.Read("nothing")
		if !errors.Is(err, fs.ErrNotExist) || warn != nil || err.Error() != `no save named "nothing"` {
			t.Errorf("Read of a missing save: warn %v, err %v", warn, err)
		}
	})
	t.Run("newer version only", func(t *testing.T) {
		s := openTemp(t)
		if err := os.WriteFile(s.path("n", 0), []byte(magic+"format 2\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, _, err := s.Read("n")
		want := `save "n" cannot be read: n.sav was written by a newer version of Takedown (format 2); this version reads format 1`
		var v *VersionError
		if err == nil || err.Error() != want || !errors.As(err, &v) || v.Version != 2 {
			t.Errorf("err = %v\nwant %s", err, want)
		}
	})
	t.Run("every file bad", func(t *testing.T) {
		s := openTemp(t)
		for _, d := range []string{"a", "b", "c"} {
			mustWrite(t, s, "x", []byte(d))
		}
		os.WriteFile(s.path("x", 0), []byte("junk"), 0o600)
		os.Truncate(s.path("x", 1), 40)
		raw, _ := os.ReadFile(s.path("x", 2))
		raw[len(raw)-1] ^= 0xff
		os.WriteFile(s.path("x", 2), raw, 0o600)
		_, _, err := s.Read("x")
		want := `save "x" cannot be read: x.sav is damaged (not a Takedown save: wrong magic); ` +
			`x.sav.1 is damaged (truncated inside the header); x.sav.2 is damaged (checksum mismatch)`
		if err == nil || err.Error() != want {
			t.Errorf("err = %v\nwant %s", err, want)
		}
	})
	t.Run("newest missing", func(t *testing.T) {
		s := openTemp(t)
		mustWrite(t, s, "m", []byte("a"))
		mustWrite(t, s, "m", []byte("b"))
		os.Remove(s.path("m", 0))
		got, warn, err := s.Read("m")
		if err != nil || string(got) != "a" || warn == nil || !strings.Contains(warn.Error(), "m.sav is missing") {
			t.Errorf("Read = %q, warn %v, err %v", got, warn, err)
		}
	})
}

func TestOpenRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, s, "keep", []byte("kept"))
	stale := []string{".tmp-keep-123456", ".tmp-other-9", ".tmp-"}
	for _, f := range stale {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("half a sa"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	others := []string{"notes.txt", "tmp-not-ours", ".hidden"}
	for _, f := range others {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if left := tempFiles(t, dir); len(left) != 0 {
		t.Errorf("stale temporary files left: %q", left)
	}
	for _, f := range append(others, "keep.sav") {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("Open removed %s: %v", f, err)
		}
	}
}

func TestNames(t *testing.T) {
	valid := []string{"a", "autosave", "Session-2026_03.01", "x.sav", "a..b", "a.", strings.Repeat("n", 64), "console", "COM10"}
	invalid := map[string]string{
		"":                      "the name is empty",
		strings.Repeat("n", 65): "longer than 64 characters",
		".hidden":               "must not start with a dot",
		"..":                    "must not start with a dot",
		"a/b":                   "path separator",
		`a\b`:                   "path separator",
		"../etc":                "must not start with a dot",
		"my save":               "not ' '",
		"Иванов":                "only English letters",
		"nul\x00":               "not '\\x00'",
		"tab\t":                 "not '\\t'",
		"con":                   "device name on Windows",
		"Aux.log":               "device name on Windows",
		"lpt1":                  "device name on Windows",
	}
	s := openTemp(t)
	for _, name := range valid {
		if _, err := s.Write(name, []byte(name)); err != nil {
			t.Errorf("Write(%q): %v", name, err)
			continue
		}
		if got, _, err := s.Read(name); err != nil || string(got) != name {
			t.Errorf("Read(%q) = %q, %v", name, got, err)
		}
	}
	for name, reason := range invalid {
		for op, err := range map[string]error{
			"Write":  func() error { _, err := s.Write(name, nil); return err }(),
			"Delete": s.Delete(name),
			"Read":   func() error { _, _, err := s.Read(name); return err }(),
		} {
			if err == nil || !strings.Contains(err.Error(), reason) || !strings.HasPrefix(err.Error(), "invalid save name") {
				t.Errorf("%s(%q) = %v, want an error saying %q", op, name, err, reason)
			}
		}
	}
	entries, err := os.ReadDir(s.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(valid)+1 {
		t.Errorf("folder has %d files, want %d (one per valid name and the lock file)", len(entries), len(valid)+1)
	}
}

func TestParseFileName(t *testing.T) {
	tests := []struct {
		file string
		want saveFile
		ok   bool
	}{
		{"a.sav", saveFile{name: "a"}, true},
		{"a.sav.1", saveFile{name: "a", gen: 1}, true},
		{"a.sav.2", saveFile{name: "a", gen: 2}, true},
		{"a.sav.sav", saveFile{name: "a.sav"}, true},
		{"a.sav.1.sav", saveFile{name: "a.sav.1"}, true},
		{"a.sav.1.sav.2", saveFile{name: "a.sav.1", gen: 2}, true},
		{"a.sav.v1", saveFile{name: "a", side: 1}, true},
		{"a.sav.v1.2", saveFile{name: "a", side: 1, gen: 2}, true},
		{"a.sav.v12.1", saveFile{name: "a", side: 12, gen: 1}, true},
		{"a.sav.v1.sav", saveFile{name: "a.sav.v1"}, true},
		{"a.v1.sav", saveFile{name: "a.v1"}, true},
		{"a.sav.damaged-1", saveFile{name: "a", kept: keptDamaged, n: 1}, true},
		{"a.sav.unreadable-20", saveFile{name: "a", kept: keptUnreadable, n: 20}, true},
		{"a-b.sav.damaged-3.sav", saveFile{name: "a-b.sav.damaged-3"}, true},
		{"a.sav.0", saveFile{}, false},
		{"a.sav.01", saveFile{}, false},
		{"a.sav.x", saveFile{}, false},
		{"a.sav.v0", saveFile{}, false},
		{"a.sav.v01", saveFile{}, false},
		{"a.sav.v", saveFile{}, false},
		{"a.sav.vx.1", saveFile{}, false},
		{"a.sav.v1.v1", saveFile{}, false},
		{"a.sav.2.1", saveFile{}, false},
		{"a.sav.damaged-0", saveFile{}, false},
		{"a.sav.damaged-", saveFile{}, false},
		{"a.sav.broken-1", saveFile{}, false},
		{"a.sav.v1.damaged-1", saveFile{}, false},
		{"a.sav.damaged-1.1", saveFile{}, false},
		{"a.sav.", saveFile{}, false},
		{".tmp-a-1", saveFile{}, false},
		{".lock", saveFile{}, false},
		{".sav", saveFile{}, false},
		{"sav", saveFile{}, false},
		{"my save.sav", saveFile{}, false},
		{"notes.txt", saveFile{}, false},
	}
	for _, tt := range tests {
		got, ok := parseFile(tt.file)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseFile(%q) = %+v, %v; want %+v, %v", tt.file, got, ok, tt.want, tt.ok)
		}
		if ok && got.String() != tt.file {
			t.Errorf("parseFile(%q).String() = %q", tt.file, got.String())
		}
	}
}

func TestTooLarge(t *testing.T) {
	s := openTemp(t)
	_, err := s.Write("big", make([]byte, MaxSize+1))
	if err == nil || !strings.Contains(err.Error(), "over the 64 MiB limit") {
		t.Errorf("Write of MaxSize+1 bytes: %v", err)
	}
	if _, err := os.Stat(s.path("big", 0)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a refused Write left a file: %v", err)
	}
	// A file larger than any valid save is refused before it is read.
	f, err := os.Create(s.path("huge", 0))
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxSize + 4096)
	f.Close()
	_, _, err = s.Read("huge")
	if err == nil || !strings.Contains(err.Error(), "over the 64 MiB limit") {
		t.Errorf("Read of a huge file: %v", err)
	}
}

// TestWriteFailure injects a failure into each step of Write and checks that
// the previous save stays intact, no temporary file is left, and the next
// Write rotates the generations as if nothing had happened.
func TestWriteFailure(t *testing.T) {
	diskFull := func(f *os.File, p []byte) (int, error) {
		if len(p) > 3 { // a partial write, then the disk is full
			n, _ := f.Write(p[:3])
			return n, syscall.ENOSPC
		}
		return f.Write(p)
	}
	failWhen := func(match func(oldpath, newpath string) bool, do func(string, string) error) func(string, string) error {
		return func(oldpath, newpath string) error {
			if match(oldpath, newpath) {
				return syscall.EIO
			}
			return do(oldpath, newpath)
		}
	}
	toNewest := func(_, newpath string) bool { return strings.HasSuffix(newpath, ".sav") }
	toGen := func(n string) func(string, string) bool {
		return func(_, newpath string) bool { return strings.HasSuffix(newpath, ".sav."+n) }
	}
	always := func(string, string) bool { return true }
	tests := []struct {
		name    string
		set     func(*ops)
		wantErr error // nil: the Write succeeds anyway
		want    []string
	}{
		{"disk full", func(o *ops) { o.write = diskFull }, syscall.ENOSPC,
			[]string{"three", "two", "one", ""}},
		{"short write", func(o *ops) { o.write = func(*os.File, []byte) (int, error) { return 0, nil } }, io.ErrShortWrite,
			[]string{"three", "two", "one", ""}},
		{"fsync fails", func(o *ops) { o.sync = func(*os.File) error { return syscall.EIO } }, syscall.EIO,
			[]string{"three", "two", "one", ""}},
		{"final rename fails", func(o *ops) { o.rename = failWhen(toNewest, os.Rename) }, syscall.EIO,
			[]string{"three", "three", "two", ""}},
		{"shifting generations fails", func(o *ops) { o.rename = failWhen(toGen("2"), os.Rename) }, syscall.EIO,
			[]string{"three", "two", "one", ""}},
		{"no hard links", func(o *ops) { o.link = failWhen(always, nil) }, nil,
			[]string{"four", "three", "two", ""}},
		{"no hard links, copy fails", func(o *ops) {
			o.link = failWhen(always, nil)
			o.rename = failWhen(toGen("1"), os.Rename)
		}, syscall.EIO, []string{"three", "", "two", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			for _, d := range []string{"one", "two", "three"} {
				mustWrite(t, s, "w", []byte(d))
			}
			tt.set(&s.ops)
			warn, err := s.Write("w", []byte("four"))
			if tt.wantErr == nil && err != nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) || warn != nil {
				t.Fatalf("Write = %v, %v; want %v", warn, err, tt.wantErr)
			}
			if got := files(t, s, "w"); !slices.Equal(got, tt.want) {
				t.Errorf("files after the failed Write = %q, want %q", got, tt.want)
			}
			if left := tempFiles(t, s.Dir()); len(left) != 0 {
				t.Errorf("temporary files left: %q", left)
			}
			got, warn, err := s.Read("w")
			wantRead := "three"
			if tt.wantErr == nil {
				wantRead = "four"
			}
			if err != nil || warn != nil || string(got) != wantRead {
				t.Errorf("Read = %q, warn %v, err %v; want %q", got, warn, err, wantRead)
			}
			if tt.wantErr == nil {
				return
			}
			// The failure is gone: the next Write keeps the save it replaces.
			s.ops = osOps()
			mustWrite(t, s, "w", []byte("five"))
			if got, want := files(t, s, "w")[:2], []string{"five", "three"}; !slices.Equal(got, want) {
				t.Errorf("files after the next Write = %q, want %q first", got, want)
			}
		})
	}
}

func TestListAndDelete(t *testing.T) {
	s := openTemp(t)
	base := time.Now().Add(-time.Hour).Truncate(time.Second)
	for i, name := range []string{"b", "a", "c"} {
		for range i + 1 {
			mustWrite(t, s, name, []byte(name))
		}
		mod := base.Add(time.Duration(i) * time.Minute)
		if err := os.Chtimes(s.path(name, 0), mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(s.Dir(), ".tmp-z-1"), nil, 0o600)
	os.WriteFile(filepath.Join(s.Dir(), "readme.txt"), nil, 0o600)
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range list {
		got = append(got, fmt.Sprintf("%s %d %d", e.Name, e.Generations, e.ModTime.Sub(base)/time.Minute))
		if wantSize := int64(len(encodeHeader([]byte(e.Name))) + 1); e.Size != wantSize {
			t.Errorf("%s: size %d, want %d", e.Name, e.Size, wantSize)
		}
	}
	if want := []string{"c 3 2", "a 2 1", "b 1 0"}; !slices.Equal(got, want) {
		t.Errorf("List = %q, want %q", got, want)
	}

	if err := s.Delete("c"); err != nil {
		t.Fatal(err)
	}
	if got := files(t, s, "c"); !slices.Equal(got, []string{"", "", "", ""}) {
		t.Errorf("files after Delete = %q", got)
	}
	if err := s.Delete("c"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("second Delete = %v, want fs.ErrNotExist", err)
	}
	if _, _, err := s.Read("c"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read after Delete = %v", err)
	}
	if list, _ := s.List(); len(list) != 2 {
		t.Errorf("List after Delete = %v", list)
	}
}

func TestDefaultDir(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "config")
	t.Setenv("XDG_CONFIG_HOME", abs)
	got, err := DefaultDir()
	if err != nil || got != filepath.Join(abs, "takedown", "saves") {
		t.Errorf("DefaultDir = %q, %v", got, err)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	got, err = DefaultDir()
	if base, uerr := os.UserConfigDir(); uerr == nil && (err != nil || got != filepath.Join(base, "takedown", "saves")) {
		t.Errorf("DefaultDir without XDG_CONFIG_HOME = %q, %v", got, err)
	}
}

func TestConcurrentWrites(t *testing.T) {
	s := openTemp(t)
	done := make(chan error)
	for i := range 4 {
		go func() {
			var err error
			for j := range 20 {
				if _, e := s.Write("c", fmt.Appendf(nil, "%d-%d", i, j)); e != nil {
					err = e
				}
			}
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	for _, f := range files(t, s, "c")[:3] {
		if f == "" || f[0] == '!' {
			t.Errorf("generation %q after concurrent writes", f)
		}
	}
}

// The crash test: a child process (this test binary, running only
// TestCrashChild) writes saves in a loop and is killed at a random moment;
// after each kill the save must read back, unwarned, as a complete payload
// at least as new as the one read after the previous kill.

const (
	crashEnv   = "TAKEDOWN_SAVE_CRASH_DIR"
	crashReady = "crash-child-ready"
)

// crashPayload returns the n-th payload: a first line with n and the size,
// then bytes that depend on both, 1 KB to 300 KB in all.
func crashPayload(n int) []byte {
	size := 1000 + n*7919%(300<<10)
	b := fmt.Appendf(make([]byte, 0, size+40), "crash payload %d %d\n", n, size)
	for i := len(b); i < size; i++ {
		b = append(b, byte('a'+(i*31+n)%26))
	}
	return b
}

// crashNumber returns n if data is exactly crashPayload(n).
func crashNumber(data []byte) (int, bool) {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	fields := strings.Fields(string(line))
	if len(fields) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(fields[2])
	return n, err == nil && n > 0 && bytes.Equal(data, crashPayload(n))
}

func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashEnv)
	if dir == "" {
		t.Skip("runs only as the child process of TestCrashKill")
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if data, _, err := s.Read("crash"); err == nil {
		n, _ = crashNumber(data)
	}
	fmt.Println(crashReady)
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); {
		n++
		if _, err := s.Write("crash", crashPayload(n)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCrashKill(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("this is the child process")
	}
	kills := 200
	if testing.Short() {
		kills = 25
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	dir := t.TempDir()
	last, duringWrite, linked, bad := 0, 0, 0, 0
	for i := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1", "-test.timeout=60s")
		cmd.Env = append(os.Environ(), crashEnv+"="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ready := false
		for lines := bufio.NewScanner(out); !ready && lines.Scan(); {
			ready = lines.Text() == crashReady
		}
		if !ready {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: the child did not start: %s", i, stderr.String())
		}
		time.Sleep(time.Duration(rng.Int64N(int64(25 * time.Millisecond))))
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, out)
		if err := cmd.Wait(); err == nil {
			t.Fatalf("kill %d: the child finished before it was killed", i)
		}

		if len(tempFiles(t, dir)) > 0 {
			duringWrite++
		}
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if left := tempFiles(t, dir); len(left) > 0 {
			t.Errorf("kill %d: Open left temporary files %q", i, left)
		}
		data, warn, err := s.Read("crash")
		if err := s.Close(); err != nil { // the next child opens the folder
			t.Fatal(err)
		}
		if errors.Is(err, fs.ErrNotExist) && last == 0 {
			continue // killed before the first save was complete
		}
		n, ok := crashNumber(data)
		if err != nil || warn != nil || !ok || n < last {
			bad++
			t.Errorf("kill %d: Read = payload %d (valid %v, previous %d), warn %v, err %v", i, n, ok, last, warn, err)
			continue
		}
		last = n
		// Every older generation verifies too and is older, except that a
		// kill between linking the newest file as generation 1 and renaming
		// the new file over it leaves both names on one file.
		for g := 1; g < generations; g++ {
			_, payload, _, err := load(s.path("crash", g))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			m, ok := crashNumber(payload)
			if m == n && g == 1 && os.SameFile(stat(s.path("crash", 0)), stat(s.path("crash", 1))) {
				linked++
				continue
			}
			if err != nil || !ok || m >= n {
				bad++
				t.Errorf("kill %d: generation %d: payload %d after %d, err %v", i, g, m, n, err)
			}
		}
	}
	t.Logf("%d kills: %d while a temporary file existed, %d between link and rename; %d saves written; %d bad reads",
		kills, duringWrite, linked, last, bad)
}

func BenchmarkWrite(b *testing.B) {
	s := openTemp(b)
	data := bytes.Repeat([]byte("12:04 trainee asked the witness about the receipt\n"), 2000)[:100_000]
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := s.Write("bench", data); err != nil {
			b.Fatal(err)
		}
	}
}
