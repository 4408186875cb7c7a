package safefile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// secret is in every file the tests make; no error may quote it.
const secret = "token=HUNTER2"

// content is what the tests' regular files hold.
const content = "return {} -- " + secret + "\n"

// write makes the file name (slash-separated) under dir with data.
func write(t *testing.T, dir, name, data string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// want is the expected outcome of a read: the content, or an error of a
// kind whose text ends with problem.
type want struct {
	data     string
	kind     Kind
	problem  string // "" means success
	notExist bool   // errors.Is(err, fs.ErrNotExist)
}

// checkRead compares a read's outcome with w.
func checkRead(t *testing.T, path string, got []byte, err error, w want) {
	t.Helper()
	if w.problem == "" {
		if err != nil {
			t.Fatalf("err = %v, want none", err)
		}
		if string(got) != w.data {
			t.Fatalf("data = %q, want %q", got, w.data)
		}
		return
	}
	if err == nil {
		t.Fatalf("read %d bytes, want an error %q", len(got), w.problem)
	}
	if got != nil {
		t.Errorf("data = %q alongside the error, want nil", got)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %#v, want an *Error", err)
	}
	if e.Kind != w.kind {
		t.Errorf("kind = %v, want %v (%v)", e.Kind, w.kind, err)
	}
	if want := path + ": " + w.problem; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
	if errors.Is(err, fs.ErrNotExist) != w.notExist {
		t.Errorf("errors.Is(err, fs.ErrNotExist) = %v, want %v", !w.notExist, w.notExist)
	}
	if strings.Contains(err.Error(), "HUNTER2") {
		t.Errorf("err = %q quotes the file's content", err)
	}
}

func TestReadIn(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "rules/ru.lua", content)
	write(t, dir, "rules/sub/nl.lua", content)
	write(t, dir, "rules/empty.lua", "")
	write(t, dir, "rules/big.lua", strings.Repeat("x", 17)+secret)
	write(t, dir, "rules/exact.lua", strings.Repeat("x", 64))
	write(t, dir, "outside.lua", content)
	rules := filepath.Join(dir, "rules")
	sep := string(filepath.Separator)

	tests := []struct {
		name string
		max  int64
		want want
	}{
		{"ru.lua", 64, want{data: content}},
		{"sub/nl.lua", 64, want{data: content}},
		{"sub/../ru.lua", 64, want{data: content}},
		{"./ru.lua", 64, want{data: content}},
		{"empty.lua", 0, want{data: ""}},
		{"empty.lua", -1, want{data: ""}},
		{"exact.lua", 64, want{data: strings.Repeat("x", 64)}},
		{"big.lua", 16, want{kind: TooLarge, problem: "is 30 bytes, over the 16-byte limit"}},
		{"ru.lua", 0, want{kind: TooLarge, problem: "is 27 bytes, over the 0-byte limit"}},
		{"../outside.lua", 64, want{kind: OutsideFolder, problem: "leaves the folder " + rules + sep}},
		{"sub/../../outside.lua", 64, want{kind: OutsideFolder, problem: "leaves the folder " + rules + sep}},
		{"..", 64, want{kind: OutsideFolder, problem: "leaves the folder " + rules + sep}},
		{filepath.Join(dir, "outside.lua"), 64, want{kind: OutsideFolder, problem: "leaves the folder " + rules + sep}},
		{"", 64, want{kind: Unreadable, problem: "names no file"}},
		{"none.lua", 64, want{kind: NotExist, problem: "does not exist", notExist: true}},
		{"none/ru.lua", 64, want{kind: NotExist, problem: "does not exist", notExist: true}},
		{"sub", 64, want{kind: NotRegular, problem: "is a folder, not a regular file"}},
		{".", 64, want{kind: NotRegular, problem: "is a folder, not a regular file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadIn(rules, tt.name, tt.max)
			checkRead(t, rules+sep+tt.name, got, err, tt.want)
		})
	}

	t.Run("missing folder", func(t *testing.T) {
		missing := filepath.Join(dir, "nope")
		got, err := ReadIn(missing, "ru.lua", 64)
		checkRead(t, missing+sep+"ru.lua", got, err, want{kind: NotExist, problem: "does not exist", notExist: true})
	})
	t.Run("current folder", func(t *testing.T) {
		t.Chdir(rules)
		got, err := ReadIn("", "ru.lua", 64)
		checkRead(t, "ru.lua", got, err, want{data: content})
		got, err = ReadIn("", "../outside.lua", 64)
		checkRead(t, "../outside.lua", got, err, want{kind: OutsideFolder, problem: "leaves the folder ." + sep})
	})
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.moves", content)
	write(t, dir, "big.moves", strings.Repeat("x", 2000))
	tests := []struct {
		name string
		max  int64
		want want
	}{
		{"a.moves", 1 << 20, want{data: content}},
		{"big.moves", 1024, want{kind: TooLarge, problem: "is 2 KiB, over the 1 KiB limit"}},
		{"none.moves", 1 << 20, want{kind: NotExist, problem: "does not exist", notExist: true}},
		{".", 1 << 20, want{kind: NotRegular, problem: "is a folder, not a regular file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			got, err := Read(path, tt.max)
			checkRead(t, path, got, err, tt.want)
		})
	}
}

// TestReadAllGrows reads a file whose Stat was within the limit but which
// grew since: the read stops one byte past the limit.
func TestReadAllGrows(t *testing.T) {
	tests := []struct {
		data string
		max  int64
		err  string
	}{
		{"12345678", 8, ""},
		{"123456789", 8, "f: grew past the 8-byte limit while it was read"},
		{strings.Repeat("x", 3<<20), 1 << 20, "f: grew past the 1 MiB limit while it was read"},
	}
	for _, tt := range tests {
		r := &countReader{r: strings.NewReader(tt.data)}
		got, err := readAll("f", r, tt.max)
		if tt.err == "" {
			if err != nil || string(got) != tt.data {
				t.Errorf("readAll(%d bytes, %d) = %d bytes, %v; want all, nil", len(tt.data), tt.max, len(got), err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Kind != TooLarge || err.Error() != tt.err || got != nil {
			t.Errorf("readAll(%d bytes, %d) = %d bytes, %v; want nil, %q", len(tt.data), tt.max, len(got), err, tt.err)
		}
		if r.n > tt.max+1 {
			t.Errorf("readAll(%d bytes, %d) read %d bytes, want at most %d", len(tt.data), tt.max, r.n, tt.max+1)
		}
	}
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestSizes(t *testing.T) {
	tests := []struct {
		n, max int64
		want   string
	}{
		{17, 16, "is 17 bytes, over the 16-byte limit"},
		{1, 0, "is 1 byte, over the 0-byte limit"},
		{2000, 1024, "is 2 KiB, over the 1 KiB limit"},
		{1<<20 + 1, 1 << 20, "is 1048577 bytes, over the 1 MiB limit"},
		{3_330_000_000, 1 << 20, "is 3.1 GiB, over the 1 MiB limit"},
		{3 << 30, 1536 << 10, "is 3 GiB, over the 1536 KiB limit"},
		{1_048_575 * 1024, 1000, "is 1 GiB, over the 1000-byte limit"},
		{1 << 62, 1 << 60, "is 4 EiB, over the 1 EiB limit"},
	}
	for _, tt := range tests {
		got := check("f", fakeInfo{size: tt.n}, tt.max)
		if got == nil || got.Problem != tt.want {
			t.Errorf("check(%d bytes, %d) = %v, want %q", tt.n, tt.max, got, tt.want)
		}
	}
}

// fakeInfo is a regular file of a given size.
type fakeInfo struct {
	fs.FileInfo
	size int64
}

func (f fakeInfo) Mode() fs.FileMode { return 0 }
func (f fakeInfo) Size() int64       { return f.size }

func TestFS(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "rules/ru.lua", content)
	write(t, dir, "rules/sub/nl.lua", content)
	write(t, dir, "rules/big.lua", strings.Repeat("x", 100)+secret)
	write(t, dir, "outside.lua", content)
	rules := filepath.Join(dir, "rules")
	sep := string(filepath.Separator)

	t.Run("fstest", func(t *testing.T) {
		if err := fstest.TestFS(FS(rules, 1<<20), "ru.lua", "sub/nl.lua", "big.lua"); err != nil {
			t.Fatal(err)
		}
	})

	fsys := FS(rules, 64)
	tests := []struct {
		name string
		want want
	}{
		{"ru.lua", want{data: content}},
		{"sub/nl.lua", want{data: content}},
		{"big.lua", want{kind: TooLarge, problem: "is 113 bytes, over the 64-byte limit"}},
		{"none.lua", want{kind: NotExist, problem: "does not exist", notExist: true}},
		{"sub", want{kind: NotRegular, problem: "is a folder, not a regular file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := fs.ReadFile(fsys, tt.name)
			checkRead(t, rules+sep+filepath.FromSlash(tt.name), got, err, tt.want)
			f, err := fsys.Open(tt.name)
			if err == nil {
				defer f.Close()
				if info, _ := f.Stat(); info.IsDir() {
					return // Open gives folders, for fs.ReadDir
				}
				got, err = io.ReadAll(f)
			} else {
				got = nil
			}
			checkRead(t, rules+sep+filepath.FromSlash(tt.name), got, err, tt.want)
		})
	}

	for _, name := range []string{"../outside.lua", "/outside.lua", "sub/../ru.lua", "", "./ru.lua"} {
		t.Run("invalid "+name, func(t *testing.T) {
			_, err := fs.ReadFile(fsys, name)
			var pe *fs.PathError
			if !errors.As(err, &pe) || !errors.Is(err, fs.ErrInvalid) {
				t.Errorf("fs.ReadFile(%q) err = %v, want an *fs.PathError for fs.ErrInvalid", name, err)
			}
			_, err = fsys.Open(name)
			if !errors.As(err, &pe) || !errors.Is(err, fs.ErrInvalid) {
				t.Errorf("Open(%q) err = %v, want an *fs.PathError for fs.ErrInvalid", name, err)
			}
		})
	}

	t.Run("glob", func(t *testing.T) {
		got, err := fs.Glob(fsys, "*.lua")
		if err != nil || strings.Join(got, " ") != "big.lua ru.lua" {
			t.Errorf("fs.Glob = %q, %v; want [big.lua ru.lua]", got, err)
		}
	})

	t.Run("grows after open", func(t *testing.T) {
		write(t, dir, "rules/grow.lua", strings.Repeat("x", 60))
		f, err := fsys.Open("grow.lua")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		write(t, dir, "rules/grow.lua", strings.Repeat("y", 1000))
		got, err := io.ReadAll(f)
		var e *Error
		if !errors.As(err, &e) || e.Kind != TooLarge {
			t.Fatalf("read %d bytes, err %v; want a TooLarge error", len(got), err)
		}
		if len(got) != 64 {
			t.Errorf("read %d bytes before the error, want the 64 of the limit", len(got))
		}
		if n, err := f.Read(make([]byte, 10)); n != 0 || err == nil {
			t.Errorf("Read after the limit = %d, %v; want 0 and an error", n, err)
		}
	})

	t.Run("no WriterTo", func(t *testing.T) {
		f, err := fsys.Open("ru.lua")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, ok := f.(io.WriterTo); ok {
			t.Error("the open file is an io.WriterTo, which io.Copy would use past the limit")
		}
	})
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "a\nb\n", "a\nb\n"},
		{"empty", "", ""},
		{"BOM", "\uFEFFuse_rules(\"ru\")\n", "use_rules(\"ru\")\n"},
		{"BOM only", "\uFEFF", ""},
		{"BOM not first", "a\uFEFFb", "a\uFEFFb"},
		{"two BOMs", "\uFEFF\uFEFFa", "\uFEFFa"},
		{"CRLF", "a\r\nb\r\n", "a\nb\n"},
		{"BOM and CRLF", "\uFEFFa\r\nb", "a\nb"},
		{"lone CR", "a\rb\r", "a\nb\n"},
		{"CR CR LF", "a\r\r\nb", "a\n\nb"},
		{"LF CR", "a\n\rb", "a\n\nb"},
		{"mixed", "a\r\nb\rc\nd", "a\nb\nc\nd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			got := Text(in)
			if string(got) != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if string(in) != tt.in {
				t.Errorf("Text changed its argument to %q", in)
			}
		})
	}
	if in := []byte("no change\n"); !bytes.Equal(Text(in), in) || &Text(in)[0] != &in[0] {
		t.Error("Text copied text that needed no change")
	}
}
