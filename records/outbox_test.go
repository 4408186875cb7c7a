package records

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddChecks(t *testing.T) {
	good := testStatement(1)
	id := good.ID
	tests := []struct {
		name string
		id   string
		body string
		ok   bool
	}{
		{"good", id, string(good.Statement), true},
		{"id in upper case", strings.ToUpper(id), `{"id":"` + id + `"}`, true},
		{"statement id in upper case", id, `{"id":"` + strings.ToUpper(id) + `"}`, true},
		{"not a UUID", "statement-1", `{"id":"statement-1"}`, false},
		{"UUID in braces", "{" + id + "}", `{"id":"` + id + `"}`, false},
		{"empty", id, ``, false},
		{"space before", id, ` {"id":"` + id + `"}`, false},
		{"newline after", id, `{"id":"` + id + `"}` + "\n", false},
		{"an array", id, `[{"id":"` + id + `"}]`, false},
		{"invalid JSON", id, `{"id":"` + id + `",}`, false},
		{"invalid UTF-8", id, `{"id":"` + id + "\",\"x\":\"\xff\"}", false},
		{"no id", id, `{"actor":{}}`, false},
		{"id not a string", id, `{"id":5}`, false},
		{"id only nested", id, `{"object":{"id":"` + id + `"}}`, false},
		{"another id", id, `{"id":"` + testStatement(2).ID + `"}`, false},
		{"ID in another case", id, `{"ID":"` + id + `"}`, false},
		{"id twice", id, `{"id":"` + id + `","id":"` + id + `"}`, false},
		{"too large", id, `{"id":"` + id + `","x":"` + strings.Repeat("a", MaxStatementSize) + `"}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := openTest(t, t.TempDir())
			err := o.Add(tc.id, []byte(tc.body))
			if tc.ok != (err == nil) {
				t.Fatalf("Add = %v, want ok %v", err, tc.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalidStatement) {
				t.Errorf("the error %v does not wrap ErrInvalidStatement", err)
			}
			if want := map[bool]int{true: 1, false: 0}[tc.ok]; o.Pending() != want {
				t.Errorf("%d pending, want %d", o.Pending(), want)
			}
		})
	}
}

func TestAddIdempotent(t *testing.T) {
	dir := t.TempDir()
	r := newRecorder(t)
	o := openTest(t, dir)
	a, b := testStatement(1), testStatement(2)
	other := bytes.Replace(a.Statement, []byte("PT120S"), []byte("PT2M"), 1)
	steps := []struct {
		name string
		do   func() error
		want int // pending after
		err  bool
	}{
		{"add", func() error { return o.Add(a.ID, a.Statement) }, 1, false},
		{"same again", func() error { return o.Add(a.ID, a.Statement) }, 1, false},
		{"same in upper case", func() error { return o.Add(strings.ToUpper(a.ID), a.Statement) }, 1, false},
		{"different bytes", func() error { return o.Add(a.ID, other) }, 1, true},
		{"batch with a twin", func() error { return o.AddBatch([]Item{b, b, a}) }, 2, false},
		{"sync", func() error { _, err := o.Sync(context.Background(), r.lrs(t), SyncOptions{}); return err }, 0, false},
		{"sent, same again", func() error { return o.Add(a.ID, a.Statement) }, 0, false},
		{"sent, different", func() error { return o.Add(a.ID, other) }, 0, true},
		{"reopen", func() error { o.Close(); o = openTest(t, dir); return nil }, 0, false},
		{"reopened, same", func() error { return o.Add(b.ID, b.Statement) }, 0, false},
		{"reopened, different", func() error { return o.Add(a.ID, other) }, 0, true},
	}
	for _, s := range steps {
		err := s.do()
		var ce *ConflictError
		if s.err != errors.As(err, &ce) || (!s.err && err != nil) {
			t.Fatalf("%s: err = %v, want a conflict: %v", s.name, err, s.err)
		}
		if o.Pending() != s.want {
			t.Fatalf("%s: %d pending, want %d", s.name, o.Pending(), s.want)
		}
	}
	checkDelivered(t, r, []Item{a, b})
}

func TestOrderKeptAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	o := openTest(t, dir)
	items := addN(t, o, 0, 30)
	o.Close()
	o = openTest(t, dir)
	got := o.PendingItems()
	if len(got) != len(items) {
		t.Fatalf("%d pending, want %d", len(got), len(items))
	}
	for i := range items {
		if got[i].ID != items[i].ID || !bytes.Equal(got[i].Statement, items[i].Statement) {
			t.Fatalf("item %d = %s, want %s", i, got[i].ID, items[i].ID)
		}
	}
	if r := o.Recovery(); r.String() != "nothing repaired" {
		t.Errorf("Recovery = %s", r)
	}
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	o, err := OpenOutbox(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenOutbox(dir); !errors.Is(err, ErrLocked) {
		t.Fatalf("second OpenOutbox = %v, want ErrLocked", err)
	}
	o.Close()
	if err := o.Add(testStatement(1).ID, testStatement(1).Statement); !errors.Is(err, ErrClosed) {
		t.Errorf("Add after Close = %v", err)
	}
	o2, err := OpenOutbox(dir)
	if err != nil {
		t.Fatalf("OpenOutbox after Close: %v", err)
	}
	o2.Close()
}

func TestFull(t *testing.T) {
	lim := defaultLimits()
	lim.pending = 3
	o, err := openOutbox(t.TempDir(), lim)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	addN(t, o, 0, 3)
	it := testStatement(3)
	if err := o.Add(it.ID, it.Statement); !errors.Is(err, ErrFull) {
		t.Fatalf("Add = %v, want ErrFull", err)
	}
	if err := o.AddBatch([]Item{testStatement(0), testStatement(1)}); err != nil {
		t.Errorf("adding stored statements again to a full outbox: %v", err)
	}
	lim.pending, lim.pendingBytes = 100, 2000
	o2, err := openOutbox(t.TempDir(), lim)
	if err != nil {
		t.Fatal(err)
	}
	defer o2.Close()
	var n int
	for n = 0; n < 100; n++ {
		it := testStatement(n)
		if err := o2.Add(it.ID, it.Statement); errors.Is(err, ErrFull) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	if st := o2.Status(); n == 100 || st.PendingBytes > 2000 || st.Pending != n {
		t.Errorf("the byte limit let %d statements in: %+v", n, st)
	}
}

// checkInvariants recomputes what the outbox keeps counts of.
func checkInvariants(t *testing.T, o *Outbox) {
	t.Helper()
	o.mu.Lock()
	defer o.mu.Unlock()
	var bytes, adds int64
	n := 0
	for _, e := range o.pending {
		if o.live(e) {
			n++
			bytes += int64(len(e.body))
			adds += int64(len(encodeRecord(kindAdd, e.id, e.body)))
		}
	}
	if n != len(o.index) || bytes != o.bytes || adds != o.liveAdds || o.garbage() < 0 {
		t.Errorf("counts: %d/%d pending, %d/%d bytes, %d/%d add bytes, garbage %d",
			n, len(o.index), bytes, o.bytes, adds, o.liveAdds, o.garbage())
	}
	if st, err := o.j.f.Stat(); err != nil || st.Size() != o.j.size {
		t.Errorf("the journal is %d bytes, the outbox thinks %d (%v)", st.Size(), o.j.size, err)
	}
}

// journalBytes returns the journal's contents.
func journalBytes(t *testing.T, dir string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, journalName))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTornTail(t *testing.T) {
	for _, cut := range []int{1, 10, 60, 200, -1} {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			dir := t.TempDir()
			o := openTest(t, dir)
			items := addN(t, o, 0, 5)
			o.Close()
			// A sixth record whose write was interrupted.
			rec := encodeRecord(kindAdd, testStatement(5).ID, testStatement(5).Statement)
			if cut < 0 {
				cut = len(rec) - 1
			}
			f, _ := os.OpenFile(filepath.Join(dir, journalName), os.O_WRONLY|os.O_APPEND, 0)
			f.Write(rec[:cut])
			f.Close()
			o = openTest(t, dir)
			if r := o.Recovery(); r.CutBytes != cut || len(r.Damaged) != 0 || len(r.Problems) != 0 {
				t.Errorf("Recovery = %+v", r)
			}
			if o.Pending() != 5 {
				t.Errorf("%d pending, want 5", o.Pending())
			}
			more := addN(t, o, 5, 7)
			o.Close()
			o = openTest(t, dir)
			if r := o.Recovery(); r.String() != "nothing repaired" {
				t.Errorf("second Recovery = %s", r)
			}
			got := o.PendingItems()
			want := append(items, more...)
			if len(got) != len(want) {
				t.Fatalf("%d pending, want %d", len(got), len(want))
			}
			for i := range want {
				if !bytes.Equal(got[i].Statement, want[i].Statement) {
					t.Errorf("statement %d changed", i)
				}
			}
		})
	}
}

func TestDamageInside(t *testing.T) {
	dir := t.TempDir()
	o := openTest(t, dir)
	items := addN(t, o, 0, 5)
	o.Close()
	b := journalBytes(t, dir)
	// Damage a byte inside the third statement.
	i := bytes.Index(b, items[2].Statement) + 20
	b[i] ^= 0x20
	os.WriteFile(filepath.Join(dir, journalName), b, 0o600)
	o = openTest(t, dir)
	r := o.Recovery()
	if len(r.Damaged) != 1 || r.LostBytes == 0 || r.CutBytes != 0 {
		t.Fatalf("Recovery = %+v", r)
	}
	kept, err := os.ReadFile(filepath.Join(dir, r.Damaged[0]))
	if err != nil || !bytes.Equal(kept, b) {
		t.Errorf("the damaged copy %s differs from the damaged file (%v)", r.Damaged[0], err)
	}
	got := o.PendingItems()
	if len(got) != 4 {
		t.Fatalf("%d pending, want 4", len(got))
	}
	for k, j := range []int{0, 1, 3, 4} {
		if got[k].ID != items[j].ID {
			t.Errorf("pending %d = %s, want statement %d", k, got[k].ID, j)
		}
	}
	if !strings.Contains(r.String(), "copies kept") {
		t.Errorf("Recovery.String() = %s", r)
	}
	o.Close()
	o = openTest(t, dir)
	if r := o.Recovery(); r.String() != "nothing repaired" {
		t.Errorf("after the repair: %s", r)
	}
}

func TestNewerFormatRefused(t *testing.T) {
	dir := t.TempDir()
	data := []byte(journalHead + " format 2\nsomething new\n")
	os.WriteFile(filepath.Join(dir, journalName), data, 0o600)
	_, err := OpenOutbox(dir)
	var ve *VersionError
	if !errors.As(err, &ve) || ve.Version != 2 {
		t.Fatalf("OpenOutbox = %v, want a VersionError", err)
	}
	if b := journalBytes(t, dir); !bytes.Equal(b, data) {
		t.Error("the newer journal was changed")
	}
	os.WriteFile(filepath.Join(dir, journalName), []byte("hello\n"), 0o600)
	if _, err := OpenOutbox(dir); err == nil || !strings.Contains(err.Error(), "not a Takedown outbox") {
		t.Errorf("OpenOutbox of a foreign file = %v", err)
	}
}

func TestStaleTempRemoved(t *testing.T) {
	dir := t.TempDir()
	o := openTest(t, dir)
	o.Close()
	stale := filepath.Join(dir, tempPrefix+journalName+"-123")
	os.WriteFile(stale, []byte("half a compaction"), 0o600)
	openTest(t, dir)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file is still there (%v)", err)
	}
}

// TestDeadLetterBeforeJournal checks that a dead letter written just before
// a crash still sets its statement aside.
func TestDeadLetterBeforeJournal(t *testing.T) {
	dir := t.TempDir()
	o := openTest(t, dir)
	items := addN(t, o, 0, 3)
	p, err := deadLetterPayload(items[1].ID, "2026-03-01T10:00:00Z", 400, `{"error":"bad"}`, items[1].Statement)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.dj.append(encodeRecord(kindDead, items[1].ID, p)); err != nil {
		t.Fatal(err)
	}
	o.Close()
	o = openTest(t, dir)
	if o.Pending() != 2 {
		t.Errorf("%d pending, want 2", o.Pending())
	}
	dl := o.DeadLetters()
	if len(dl) != 1 || dl[0].ID != items[1].ID || !bytes.Equal(dl[0].Statement, items[1].Statement) ||
		dl[0].Status != 400 || dl[0].Answer != `{"error":"bad"}` {
		t.Errorf("DeadLetters = %+v", dl)
	}
	if err := o.Add(items[1].ID, items[1].Statement); err != nil || o.Pending() != 2 {
		t.Errorf("adding a dead letter again: %v, %d pending", err, o.Pending())
	}
}

func TestCompaction(t *testing.T) {
	dir := t.TempDir()
	lim := defaultLimits()
	lim.compactMin = 4096
	lim.remembered = 20
	o, err := openOutbox(dir, lim)
	if err != nil {
		t.Fatal(err)
	}
	r := newRecorder(t)
	var all []Item
	for round := range 10 {
		all = append(all, addN(t, o, round*10, round*10+10)...)
		if _, err := o.Sync(context.Background(), r.lrs(t), SyncOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	pending := addN(t, o, 100, 105)
	checkInvariants(t, o)
	size := len(journalBytes(t, dir))
	if size > 8*4096 {
		t.Errorf("the journal is %d bytes after delivering 100 statements", size)
	}
	if len(o.sent) > 2*lim.remembered+10 {
		t.Errorf("%d delivered statements remembered", len(o.sent))
	}
	o.Close()
	o, err = openOutbox(dir, lim)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	got := o.PendingItems()
	if len(got) != 5 || got[0].ID != pending[0].ID || got[4].ID != pending[4].ID {
		t.Errorf("pending after compaction: %d", len(got))
	}
	// The most recent deliveries are remembered.
	last := all[len(all)-1]
	if err := o.Add(last.ID, last.Statement); err != nil || o.Pending() != 5 {
		t.Errorf("re-adding a remembered statement: %v, %d pending", err, o.Pending())
	}
	checkDelivered(t, r, all)
}
