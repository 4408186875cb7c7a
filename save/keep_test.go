package save

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fault makes reading one file of a store fail, for a few attempts or for
// good. Each attempt to read a file starts with an open; kind says which
// step of the attempt fails.
type fault struct {
	file  string // the file's name in the folder, such as "s.sav"
	kind  string // "open", "stat", "read" (each fails with err) or "short" (the data ends early)
	err   error
	times int // how many attempts fail; negative: every attempt

	attempts int              // attempts to read the file so far
	failing  map[*os.File]int // files opened by a failing attempt: bytes delivered
	slept    []time.Duration  // the waits between attempts
}

// install makes o fail as f says. Nothing sleeps: the waits are recorded.
func (f *fault) install(o *ops) {
	f.failing = map[*os.File]int{}
	open, stat, read := o.open, o.stat, o.read
	o.open = func(path string) (*os.File, error) {
		if filepath.Base(path) != f.file {
			return open(path)
		}
		f.attempts++
		fail := f.times < 0 || f.attempts <= f.times
		if fail && f.kind == "open" {
			return nil, &fs.PathError{Op: "open", Path: path, Err: f.err}
		}
		file, err := open(path)
		if err == nil && fail {
			f.failing[file] = 0
		}
		return file, err
	}
	o.stat = func(file *os.File) (fs.FileInfo, error) {
		if _, bad := f.failing[file]; bad && f.kind == "stat" {
			return nil, &fs.PathError{Op: "stat", Path: file.Name(), Err: f.err}
		}
		return stat(file)
	}
	o.read = func(file *os.File, p []byte) (int, error) {
		done, bad := f.failing[file]
		switch {
		case !bad:
			return read(file, p)
		case f.kind == "read":
			return 0, &fs.PathError{Op: "read", Path: file.Name(), Err: f.err}
		case f.kind == "short":
			// The first 20 bytes, then the end of the file, early.
			if done >= 20 {
				return 0, io.EOF
			}
			n, err := read(file, p[:min(len(p), 20-done)])
			f.failing[file] = done + n
			return n, err
		}
		return read(file, p)
	}
	o.sleep = func(d time.Duration) { f.slept = append(f.slept, d) }
}

// readFault is a way reading a file fails without the file being damaged.
type readFault struct {
	name string
	kind string // as in fault
	err  error
	says string // what a message about it says
}

// readFaults returns the ways reading a file fails without the file being
// damaged.
func readFaults() []readFault {
	return []readFault{
		{"permission denied", "open", syscall.EACCES, "cannot be read: " + syscall.EACCES.Error()},
		{"stat fails", "stat", syscall.EIO, "cannot be read: " + syscall.EIO.Error()},
		{"read fails", "read", syscall.EIO, "cannot be read: " + syscall.EIO.Error()},
		{"locked by another program", "read", syscall.EBUSY, "cannot be read: " + syscall.EBUSY.Error()},
		{"short read", "short", nil, "cannot be read: short read: 20 of"},
	}
}

// TestReadFault checks that Read tells a file that cannot be read from a
// damaged one: a brief failure is retried and the newest save returned, a
// lasting one falls back to the older save, says the file cannot be read
// (not that it is damaged) and changes nothing on disk.
func TestReadFault(t *testing.T) {
	for _, rf := range readFaults() {
		for _, lasting := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, lasting %v", rf.name, lasting), func(t *testing.T) {
				s := openTemp(t)
				mustWrite(t, s, "s", []byte("one"))
				mustWrite(t, s, "s", []byte("two"))
				f := &fault{file: "s.sav", kind: rf.kind, err: rf.err, times: 2}
				if lasting {
					f.times = -1
				}
				f.install(&s.ops)
				got, warn, err := s.Read("s")
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				if !lasting {
					if string(got) != "two" || warn != nil {
						t.Errorf("Read = %q, warn %v; want \"two\" after a brief failure", got, warn)
					}
					if len(f.slept) == 0 {
						t.Error("Read did not wait before trying again")
					}
				} else {
					var r *Recovered
					if string(got) != "one" || !errors.As(warn, &r) || len(r.Problems) != 1 {
						t.Fatalf("Read = %q, warn %v; want \"one\", recovered", got, warn)
					}
					if p := r.Problems[0]; p.Damaged() || p.File != "s.sav" || !strings.Contains(warn.Error(), rf.says) {
						t.Errorf("problem %v (damaged %v); want one saying %q, not damaged", p, p.Damaged(), rf.says)
					}
					if f.attempts != readAttempts {
						t.Errorf("%d attempts to read, want %d", f.attempts, readAttempts)
					}
				}
				s.ops = osOps()
				if got, want := files(t, s, "s"), []string{"two", "one", "", ""}; !slices.Equal(got, want) {
					t.Errorf("files after Read = %q, want %q", got, want)
				}
			})
		}
	}
}

// TestWriteKeepsUnreadableNewest checks that a newest save that cannot be
// read is never replaced: after a brief failure Write keeps it as a
// generation as usual; after a lasting one it keeps it aside, byte for
// byte, and says so.
func TestWriteKeepsUnreadableNewest(t *testing.T) {
	for _, rf := range readFaults() {
		for _, lasting := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, lasting %v", rf.name, lasting), func(t *testing.T) {
				s := openTemp(t)
				mustWrite(t, s, "s", []byte("one"))
				mustWrite(t, s, "s", []byte("two"))
				two, err := os.ReadFile(s.path("s", 0))
				if err != nil {
					t.Fatal(err)
				}
				f := &fault{file: "s.sav", kind: rf.kind, err: rf.err, times: 2}
				if lasting {
					f.times = -1
				}
				f.install(&s.ops)
				warn, err := s.Write("s", []byte("three"))
				if err != nil {
					t.Fatalf("Write: %v", err)
				}
				s.ops = osOps()
				if !lasting {
					if warn != nil {
						t.Errorf("Write warned after a brief failure: %v", warn)
					}
					if got, want := files(t, s, "s"), []string{"three", "two", "one", ""}; !slices.Equal(got, want) {
						t.Errorf("files = %q, want %q", got, want)
					}
					return
				}
				var k *KeptAside
				if !errors.As(warn, &k) {
					t.Fatalf("Write warned %v, want a *KeptAside", warn)
				}
				want := `save "s": s.sav ` + rf.says
				if !strings.HasPrefix(warn.Error(), want) || !strings.HasSuffix(warn.Error(), "; kept it aside as s.sav.unreadable-1") {
					t.Errorf("warning %q\nwant %s...; kept it aside as s.sav.unreadable-1", warn, want)
				}
				if k.Kept.Damaged() || !slices.Equal(k.Files, []string{"s.sav.unreadable-1"}) {
					t.Errorf("KeptAside = %+v", k)
				}
				kept, err := os.ReadFile(filepath.Join(s.Dir(), "s.sav.unreadable-1"))
				if err != nil || !bytes.Equal(kept, two) {
					t.Errorf("the kept-aside file holds %q, %v; want the old newest save", kept, err)
				}
				if got, want := files(t, s, "s"), []string{"three", "one", "", ""}; !slices.Equal(got, want) {
					t.Errorf("files = %q, want %q", got, want)
				}
				// Read and List name the kept-aside file.
				got, warn, err := s.Read("s")
				if err != nil || string(got) != "three" || !errors.As(warn, &k) ||
					warn.Error() != `save "s": 1 file kept aside for recovery: s.sav.unreadable-1` {
					t.Errorf("Read = %q, warn %v, err %v", got, warn, err)
				}
				list, err := s.List()
				if err != nil || len(list) != 1 || !slices.Equal(list[0].KeptAside, []string{"s.sav.unreadable-1"}) || list[0].Generations != 2 {
					t.Errorf("List = %+v, %v", list, err)
				}
			})
		}
	}
}

// TestWriteKeepsUnreadableOldest checks that the oldest generation drops
// out only when it could be read: one that cannot be read is kept aside.
func TestWriteKeepsUnreadableOldest(t *testing.T) {
	s := openTemp(t)
	for _, d := range []string{"one", "two", "three"} {
		mustWrite(t, s, "s", []byte(d))
	}
	f := &fault{file: "s.sav.2", kind: "open", err: syscall.EACCES, times: -1}
	f.install(&s.ops)
	warn, err := s.Write("s", []byte("four"))
	s.ops = osOps()
	var k *KeptAside
	if err != nil || !errors.As(warn, &k) || !slices.Equal(k.Files, []string{"s.sav.unreadable-1"}) || k.Kept.File != "s.sav.2" {
		t.Fatalf("Write = %v, %v; want s.sav.2 kept aside", warn, err)
	}
	if got, want := files(t, s, "s"), []string{"four", "three", "two", ""}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	if _, payload, _, err := load(filepath.Join(s.Dir(), "s.sav.unreadable-1")); err != nil || string(payload) != "one" {
		t.Errorf("the kept-aside file holds %q, %v; want \"one\"", payload, err)
	}
}

// TestKeptAside checks that damaged newest files are kept aside byte for
// byte, at most MaxKeptAside of them, and that Write, Read, List and Delete
// say or do what they should about them.
func TestKeptAside(t *testing.T) {
	s := openTemp(t)
	mustWrite(t, s, "k", []byte("one"))
	mustWrite(t, s, "k", []byte("two"))
	const writes = MaxKeptAside + 2
	for i := 1; i <= writes; i++ {
		if err := os.WriteFile(s.path("k", 0), fmt.Appendf(nil, "garbage %d", i), 0o600); err != nil {
			t.Fatal(err)
		}
		warn, err := s.Write("k", fmt.Appendf(nil, "save %d", i))
		var k *KeptAside
		if err != nil || !errors.As(warn, &k) {
			t.Fatalf("write %d = %v, %v; want a *KeptAside warning", i, warn, err)
		}
		wantMsg := fmt.Sprintf(`save "k": k.sav is damaged (not a Takedown save: wrong magic); kept it aside as k.sav.damaged-%d`, i)
		var wantRemoved []string
		if i > MaxKeptAside {
			wantRemoved = []string{fmt.Sprintf("k.sav.damaged-%d", i-MaxKeptAside)}
			wantMsg += fmt.Sprintf(" and removed the oldest kept-aside file, %s, to keep at most %d", wantRemoved[0], MaxKeptAside)
		}
		if warn.Error() != wantMsg || !k.Kept.Damaged() || len(k.Files) != min(i, MaxKeptAside) || !slices.Equal(k.Removed, wantRemoved) {
			t.Errorf("write %d: %+v\n%s\nwant %s", i, k, warn, wantMsg)
		}
	}
	var want []string
	for i := writes; i > writes-MaxKeptAside; i-- {
		file := fmt.Sprintf("k.sav.damaged-%d", i)
		want = append(want, file)
		if b, err := os.ReadFile(filepath.Join(s.Dir(), file)); err != nil || string(b) != fmt.Sprintf("garbage %d", i) {
			t.Errorf("%s holds %q, %v", file, b, err)
		}
	}
	if got := files(t, s, "k"); !slices.Equal(got, []string{fmt.Sprintf("save %d", writes), "one", "", ""}) {
		t.Errorf("generations = %q", got)
	}

	got, warn, err := s.Read("k")
	var k *KeptAside
	if err != nil || string(got) != fmt.Sprintf("save %d", writes) || !errors.As(warn, &k) || !slices.Equal(k.Files, want) || k.Kept != nil {
		t.Errorf("Read = %q, %v, %v; want kept-aside files %q", got, warn, err, want)
	}
	if list, err := s.List(); err != nil || len(list) != 1 || !slices.Equal(list[0].KeptAside, want) {
		t.Errorf("List = %+v, %v", list, err)
	}

	// With every file damaged, the error names the kept-aside files too.
	os.WriteFile(s.path("k", 0), []byte("junk"), 0o600)
	os.WriteFile(s.path("k", 1), []byte("junk"), 0o600)
	_, _, err = s.Read("k")
	var re *ReadError
	if !errors.As(err, &re) || !slices.Equal(re.Kept, want) || !strings.HasSuffix(err.Error(), "; 3 files kept aside for recovery: "+joinNames(want)) {
		t.Errorf("Read of a save with every file damaged: %v", err)
	}

	if err := s.Delete("k"); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(s.Dir()); len(entries) != 1 || entries[0].Name() != lockName {
		t.Errorf("Delete left %v", entries)
	}
}

// TestKeepAsideFails checks that a Write that cannot keep the damaged newest
// file aside fails and leaves it as it was.
func TestKeepAsideFails(t *testing.T) {
	s := openTemp(t)
	mustWrite(t, s, "k", []byte("one"))
	if err := os.WriteFile(s.path("k", 0), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ops.rename = func(oldpath, newpath string) error {
		if strings.Contains(newpath, ".damaged-") {
			return syscall.EACCES
		}
		return os.Rename(oldpath, newpath)
	}
	_, err := s.Write("k", []byte("two"))
	want := `save "k": k.sav is damaged (not a Takedown save: wrong magic); cannot keep it aside: permission denied`
	if err == nil || err.Error() != want {
		t.Errorf("Write = %v\nwant %s", err, want)
	}
	if b, _ := os.ReadFile(s.path("k", 0)); string(b) != "garbage" {
		t.Errorf("k.sav holds %q, want the damaged file untouched", b)
	}
	if left := tempFiles(t, s.Dir()); len(left) != 0 {
		t.Errorf("temporary files left: %q", left)
	}
}

// newerFile returns the contents of a file from a newer Takedown.
func newerFile(version, n int) []byte {
	return fmt.Appendf(nil, "%sformat %d\nsomething this version cannot read, %d\n", magic, version, n)
}

// TestNewerVersionUntouched puts files from a newer version among a save's
// generations and checks that any number of Writes leave them, and every
// other file of the save, untouched byte for byte; that Write and Read say
// so; and that Read returns this version's newest save.
func TestNewerVersionUntouched(t *testing.T) {
	tests := []struct {
		name  string
		newer []int // the generations from the newer version
	}{
		{"newest", []int{0}},
		{"first generation", []int{1}},
		{"oldest generation", []int{2}},
		{"every generation", []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t)
			for _, d := range []string{"one", "two", "three"} {
				mustWrite(t, s, "s", []byte(d))
			}
			var newerNames []string
			for _, g := range tt.newer {
				if err := os.WriteFile(s.path("s", g), newerFile(3-g%2, g), 0o600); err != nil {
					t.Fatal(err)
				}
				newerNames = append(newerNames, fileName("s", g))
			}
			wantVersion := 2
			if slices.Contains(tt.newer, 0) || slices.Contains(tt.newer, 2) {
				wantVersion = 3
			}
			before := map[string][]byte{}
			infos := map[string]fs.FileInfo{}
			for g := range generations {
				file := s.path("s", g)
				before[file], _ = os.ReadFile(file)
				infos[file] = stat(file)
			}

			const writes = 7
			for i := 1; i <= writes; i++ {
				warn, err := s.Write("s", fmt.Appendf(nil, "save %d", i))
				var n *Newer
				var v *VersionError
				switch {
				case err != nil:
					t.Fatalf("write %d: %v", i, err)
				case !errors.As(warn, &n) || !errors.As(warn, &v):
					t.Errorf("write %d warned %v, want a *Newer", i, warn)
				case !slices.Equal(n.Files, newerNames) || n.Version != wantVersion || n.File != "s.sav.v1" || v.Version != wantVersion:
					t.Errorf("write %d: %+v", i, n)
				}
			}
			for file, b := range before {
				if got, err := os.ReadFile(file); err != nil || !bytes.Equal(got, b) || !os.SameFile(stat(file), infos[file]) {
					t.Errorf("%s changed: %q, %v; was %q", filepath.Base(file), got, err, b)
				}
			}
			for g := range generations {
				file := saveFile{name: "s", side: FormatVersion, gen: g}
				_, payload, _, err := load(s.file(file))
				if want := fmt.Sprintf("save %d", writes-g); err != nil || string(payload) != want {
					t.Errorf("%s = %q, %v; want %q", file, payload, err, want)
				}
			}

			got, warn, err := s.Read("s")
			var n *Newer
			var r *Recovered
			if err != nil || string(got) != fmt.Sprintf("save %d", writes) || !errors.As(warn, &n) || errors.As(warn, &r) {
				t.Fatalf("Read = %q, %v, %v; want this version's newest save and a *Newer warning", got, warn, err)
			}
			wantMsg := fmt.Sprintf(`save "s": %s %s from a newer version of Takedown (format %d) and %s left untouched; this version's save is s.sav.v1`,
				joinNames(newerNames), plural(len(newerNames), "is", "are"), wantVersion, plural(len(newerNames), "is", "are"))
			if warn.Error() != wantMsg {
				t.Errorf("warning %s\nwant    %s", warn, wantMsg)
			}
			list, err := s.List()
			if err != nil || len(list) != 1 || list[0].Newer != wantVersion || list[0].Generations != 2*generations {
				t.Errorf("List = %+v, %v", list, err)
			}

			// Delete removes everything but the newer version's files.
			err = s.Delete("s")
			var v *VersionError
			if !errors.As(err, &v) || !strings.Contains(err.Error(), "left untouched") {
				t.Errorf("Delete = %v, want an error saying what it left", err)
			}
			entries, _ := os.ReadDir(s.Dir())
			var left []string
			for _, e := range entries {
				if e.Name() != lockName {
					left = append(left, e.Name())
				}
			}
			if !slices.Equal(left, newerNames) {
				t.Errorf("after Delete the folder holds %q, want %q", left, newerNames)
			}
			for _, name := range newerNames {
				file := filepath.Join(s.Dir(), name)
				if got, _ := os.ReadFile(file); !bytes.Equal(got, before[file]) {
					t.Errorf("Delete changed %s", name)
				}
			}
		})
	}
}

// TestNewerVersionBeforeWrite checks Read before and after this version
// first writes beside a newer version's newest file: before, it restores
// the older save and says why; after, it returns the save written beside.
func TestNewerVersionBeforeWrite(t *testing.T) {
	s := openTemp(t)
	mustWrite(t, s, "s", []byte("one"))
	mustWrite(t, s, "s", []byte("two"))
	if err := os.WriteFile(s.path("s", 0), newerFile(2, 0), 0o600); err != nil {
		t.Fatal(err)
	}
	got, warn, err := s.Read("s")
	var r *Recovered
	var n *Newer
	if err != nil || string(got) != "one" || !errors.As(warn, &r) || errors.As(warn, &n) {
		t.Fatalf("Read before Write = %q, %v, %v; want the older save, recovered", got, warn, err)
	}
	for _, d := range []string{"three", "four"} {
		if warn, err := s.Write("s", []byte(d)); err != nil || !errors.As(warn, &n) {
			t.Fatalf("Write = %v, %v; want a *Newer warning", warn, err)
		}
	}
	if got, warn, err = s.Read("s"); err != nil || string(got) != "four" || errors.As(warn, &r) || !errors.As(warn, &n) {
		t.Errorf("Read after Write = %q, %v, %v; want the save written beside, not recovered", got, warn, err)
	}
	// This version's newest file beside the newer one is damaged: Read
	// falls back to the generation before it and gives both warnings.
	if err := os.Truncate(s.file(saveFile{name: "s", side: FormatVersion}), 20); err != nil {
		t.Fatal(err)
	}
	got, warn, err = s.Read("s")
	if err != nil || string(got) != "three" || !errors.As(warn, &r) || !errors.As(warn, &n) ||
		r.File != "s.sav.v1.1" || len(r.Problems) != 1 || n.File != "s.sav.v1.1" {
		t.Errorf("Read = %q, %v, %v", got, warn, err)
	}
	want := `save "s" was damaged (truncated inside the header); restored the save from `
	if !strings.HasPrefix(warn.Error(), want) || !strings.Contains(warn.Error(), "\n"+`save "s": s.sav is from a newer version`) {
		t.Errorf("warning %q", warn)
	}
}
