package records

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Limits of an outbox.
const (
	// MaxStatementSize is the largest statement Add accepts, in bytes.
	MaxStatementSize = 1 << 20
	// MaxPending is how many statements may wait in an outbox.
	MaxPending = 100_000
	// MaxPendingBytes is how many bytes of statements may wait in an outbox.
	MaxPendingBytes = 64 << 20
	// MaxRemembered is how many delivered statements an outbox remembers by
	// id and digest, so that adding one again does nothing.
	MaxRemembered = 50_000
	// MaxDeadLetters is how many dead letters an outbox keeps; when there are
	// this many, Sync stops before setting another statement aside.
	MaxDeadLetters = 10_000
)

const (
	journalName = "outbox.log"
	deadName    = "deadletters.log"
	lockName    = "outbox.lock"
	tempPrefix  = ".tmp-"
	journalHead = "TAKEDOWN-OUTBOX"
	deadHead    = "TAKEDOWN-DEADLETTERS"
	maxAnswer   = 4096 // bytes of an LRS answer kept in a dead letter
	// compactMin is how many bytes of delivered statements the journal
	// collects before it is compacted.
	compactMin = 1 << 20
)

// Item is a statement frozen to bytes, with its id.
type Item struct {
	ID        string
	Statement []byte
}

// DeadLetter is a statement the LRS refused as invalid, set aside with the
// LRS's answer so that the others could go on.
type DeadLetter struct {
	ID        string
	Time      time.Time // when it was set aside
	Status    int       // the HTTP status of the refusal, usually 400
	Answer    string    // the start of the LRS's answer (at most 4 KiB)
	Statement []byte    // the statement's exact bytes
}

// Recovery says what opening an outbox had to repair.
type Recovery struct {
	// CutBytes is how many bytes of torn records, writes interrupted by a
	// crash, were cut off the journals' ends. Such a record was never
	// reported as written, so nothing reported stored is lost.
	CutBytes int
	// Damaged names the copies kept of journals damaged inside (not at the
	// end); LostBytes is how many bytes in them did not verify.
	Damaged   []string
	LostBytes int
	// Problems lists inconsistencies found and how they were settled.
	Problems []string
}

// String says what was repaired, or "nothing repaired".
func (r Recovery) String() string {
	var parts []string
	if r.CutBytes > 0 {
		parts = append(parts, fmt.Sprintf("cut %d bytes of an interrupted write", r.CutBytes))
	}
	if len(r.Damaged) > 0 {
		parts = append(parts, fmt.Sprintf("%d damaged bytes skipped; copies kept as %s", r.LostBytes, strings.Join(r.Damaged, ", ")))
	}
	parts = append(parts, r.Problems...)
	if len(parts) == 0 {
		return "nothing repaired"
	}
	return strings.Join(parts, "; ")
}

// Status is what the app shows about an outbox.
type Status struct {
	Pending      int   // statements waiting to be delivered
	PendingBytes int64 // their size
	Sent         int   // delivered statements the outbox remembers (at most MaxRemembered)
	Dead         int   // dead letters
	Syncing      bool  // a Sync is running
	// LastAttempt and LastSuccess are when the last Sync ended and the last
	// one that delivered everything ended, by the Sync's clock.
	LastAttempt time.Time
	LastSuccess time.Time
	// LastError is the error the last Sync ended with, nil after a complete
	// one: an *AuthError, *RetryError, *StatusError, a disk error, or the
	// context's error.
	LastError error
}

// entry is a pending statement.
type entry struct {
	id   string
	body []byte
	sum  [sha256.Size]byte
}

// Outbox keeps statements on disk until an LRS has them. Create it with
// OpenOutbox. It is safe for concurrent use; Add may run during a Sync.
type Outbox struct {
	dir  string
	lock io.Closer

	mu     sync.Mutex
	closed bool
	j, dj  *journal
	// pending holds the pending statements in the order added, and some
	// already settled ones (not in index) that are dropped lazily.
	pending  []*entry
	index    map[string]*entry // pending statements by id
	bytes    int64             // bytes of pending statements
	liveAdds int64             // bytes of their add records
	sent     map[string][sha256.Size]byte
	sentIDs  []string // ids in sent, oldest first
	dead     map[string][sha256.Size]byte
	letters  []DeadLetter
	recovery Recovery
	limits   limits
	status   Status // only the Sync fields are kept up to date

	syncMu sync.Mutex // one Sync at a time
}

// limits are the outbox's bounds; tests lower them.
type limits struct {
	pending      int
	pendingBytes int64
	remembered   int
	dead         int
	compactMin   int64
}

func defaultLimits() limits {
	return limits{
		pending:      MaxPending,
		pendingBytes: MaxPendingBytes,
		remembered:   MaxRemembered,
		dead:         MaxDeadLetters,
		compactMin:   compactMin,
	}
}

// OpenOutbox opens the outbox in the folder dir, creating the folder (mode
// 0700) and its files as needed. It takes the folder's lock (ErrLocked if
// another process has it), removes temporary files an interrupted compaction
// left, and reads and verifies the journals, repairing what a crash left as
// Recovery reports. A journal from a newer version of Takedown is refused
// with a *VersionError and left alone.
func OpenOutbox(dir string) (*Outbox, error) {
	return openOutbox(dir, defaultLimits())
}

func openOutbox(dir string, lim limits) (_ *Outbox, err error) {
	if dir == "" {
		return nil, errors.New("open outbox: no folder given")
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, fmt.Errorf("open outbox: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open outbox: %w", err)
	}
	lock, err := lockFile(filepath.Join(dir, lockName))
	unlocked := errors.Is(err, errors.ErrUnsupported)
	switch {
	case unlocked:
		lock = nopCloser{}
	case errors.Is(err, ErrLocked):
		return nil, fmt.Errorf("open outbox %s: %w", dir, err)
	case err != nil:
		return nil, fmt.Errorf("open outbox: locking: %w", err)
	}
	o := &Outbox{
		dir:    dir,
		lock:   lock,
		index:  map[string]*entry{},
		sent:   map[string][sha256.Size]byte{},
		dead:   map[string][sha256.Size]byte{},
		limits: lim,
	}
	defer func() {
		if err != nil {
			o.j.close()
			o.dj.close()
			lock.Close()
		}
	}()
	if unlocked {
		o.problem("this folder's file system cannot lock files: make sure only one Takedown uses the outbox")
	}
	removeTemps(dir)
	if err := o.loadDead(); err != nil {
		return nil, fmt.Errorf("open outbox: %w", err)
	}
	if err := o.loadJournal(); err != nil {
		return nil, fmt.Errorf("open outbox: %w", err)
	}
	if o.garbage() >= o.limits.compactMin {
		_ = o.compact() // only tidying; tried again after the next Sync
	}
	return o, nil
}

type nopCloser struct{}

func (nopCloser) Close() error { return nil }

// removeTemps removes temporary files an interrupted rewrite left.
func removeTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	removed := false
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) && e.Type().IsRegular() {
			removed = os.Remove(filepath.Join(dir, e.Name())) == nil || removed
		}
	}
	if removed {
		_ = syncDir(dir)
	}
}

func (o *Outbox) note(res scanResult) {
	o.recovery.CutBytes += res.cut
	o.recovery.LostBytes += res.lost
	if res.damaged != "" {
		o.recovery.Damaged = append(o.recovery.Damaged, res.damaged)
	}
}

func (o *Outbox) problem(format string, args ...any) {
	o.recovery.Problems = append(o.recovery.Problems, fmt.Sprintf(format, args...))
}

// deadPayload is a dead letter as stored in deadletters.log.
type deadPayload struct {
	ID        string          `json:"id"`
	Time      string          `json:"time"`
	Status    int             `json:"status"`
	Answer    string          `json:"answer"`
	Statement json.RawMessage `json:"statement"`
}

// deadLetterPayload returns a dead letter's payload with the statement's
// exact bytes: json.Marshal would compact them.
func deadLetterPayload(id, at string, status int, answer string, statement []byte) ([]byte, error) {
	head, err := json.Marshal(struct {
		ID     string `json:"id"`
		Time   string `json:"time"`
		Status int    `json:"status"`
		Answer string `json:"answer"`
	}{id, at, status, answer})
	if err != nil {
		return nil, err
	}
	b := append(head[:len(head)-1], `,"statement":`...)
	b = append(b, statement...)
	return append(b, '}'), nil
}

func (o *Outbox) loadDead() error {
	j, res, err := openJournal(filepath.Join(o.dir, deadName), deadHead, kindDead)
	if err != nil {
		return err
	}
	o.dj = j
	o.note(res)
	for _, r := range res.records {
		var p deadPayload
		if err := json.Unmarshal(r.payload, &p); err != nil || p.ID != r.id {
			o.problem("dead letter %s cannot be read and was skipped", r.id)
			continue
		}
		if _, ok := o.dead[r.id]; ok {
			continue // set aside twice: a crash before the journal knew
		}
		t, _ := time.Parse(time.RFC3339Nano, p.Time)
		o.dead[r.id] = digest(p.Statement)
		o.letters = append(o.letters, DeadLetter{
			ID: r.id, Time: t, Status: p.Status, Answer: p.Answer, Statement: slices.Clone([]byte(p.Statement)),
		})
	}
	return nil
}

func (o *Outbox) loadJournal() error {
	j, res, err := openJournal(filepath.Join(o.dir, journalName), journalHead, kindAdd, kindSent)
	if err != nil {
		return err
	}
	o.j = j
	o.note(res)
	for _, r := range res.records {
		switch r.kind {
		case kindAdd:
			sum := digest(r.payload)
			if old, ok := o.known(r.id); ok {
				if old != sum {
					o.problem("statement %s was stored twice with different content; the first is kept", r.id)
				}
				continue
			}
			e := &entry{id: r.id, body: slices.Clone(r.payload), sum: sum}
			o.pending = append(o.pending, e)
			o.index[r.id] = e
		case kindSent:
			sum, ok := parseDigest(r.payload)
			if !ok {
				o.problem("the delivery record of %s cannot be read; the statement stays pending", r.id)
				continue
			}
			if e := o.index[r.id]; e != nil {
				if e.sum != sum {
					o.problem("the delivery record of %s does not match its content; the statement stays pending", r.id)
					continue
				}
				delete(o.index, r.id)
			}
			if _, ok := o.sent[r.id]; !ok {
				o.sentIDs = append(o.sentIDs, r.id)
			}
			o.sent[r.id] = sum
		}
	}
	// Statements with a dead letter were set aside, even when a crash came
	// before the journal was told.
	for id := range o.dead {
		delete(o.index, id)
	}
	o.pending = slices.DeleteFunc(o.pending, func(e *entry) bool { return !o.live(e) })
	for _, e := range o.pending {
		o.bytes += int64(len(e.body))
		o.liveAdds += recordLen(kindAdd, len(e.body))
	}
	return nil
}

// live reports whether e is pending.
func (o *Outbox) live(e *entry) bool { return o.index[e.id] == e }

// known returns the digest of a statement the outbox has, pending,
// delivered or set aside.
func (o *Outbox) known(id string) ([sha256.Size]byte, bool) {
	if e := o.index[id]; e != nil {
		return e.sum, true
	}
	if sum, ok := o.sent[id]; ok {
		return sum, true
	}
	sum, ok := o.dead[id]
	return sum, ok
}

// Dir returns the absolute path of the outbox's folder.
func (o *Outbox) Dir() string { return o.dir }

// Recovery says what opening the outbox repaired.
func (o *Outbox) Recovery() Recovery {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := o.recovery
	r.Damaged = slices.Clone(r.Damaged)
	r.Problems = slices.Clone(r.Problems)
	return r
}

// Add stores a statement's exact bytes under its id, durably, before it
// returns. The statement must be a JSON object, in UTF-8, with nothing before
// its '{' or after its '}', whose "id" is the UUID id (in any case; the
// outbox keeps ids in lowercase). Adding an id the outbox already has,
// pending, delivered or set aside, does nothing when the bytes are the same
// and fails with a *ConflictError when they differ: stored bytes never
// change. Add fails with ErrFull when the outbox is full, and with an error
// wrapping ErrInvalidStatement for a statement it cannot store.
func (o *Outbox) Add(id string, statement []byte) error {
	return o.AddBatch([]Item{{ID: id, Statement: statement}})
}

// AddBatch adds several statements, in order, with one write and one sync;
// a host forwarding a room's statements uses it. Each statement is checked
// as by Add, and nothing is written when one is refused. The same id twice
// in items is stored once.
func (o *Outbox) AddBatch(items []Item) error {
	type checked struct {
		id  string
		sum [sha256.Size]byte
		raw []byte
	}
	list := make([]checked, 0, len(items))
	for _, it := range items {
		id, err := checkStatement(it.ID, it.Statement)
		if err != nil {
			return err
		}
		list = append(list, checked{id, digest(it.Statement), it.Statement})
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return ErrClosed
	}
	var recs []byte
	var add []*entry
	batch := map[string][sha256.Size]byte{}
	var size int64
	for _, c := range list {
		old, ok := o.known(c.id)
		if !ok {
			old, ok = batch[c.id]
		}
		if ok {
			if old != c.sum {
				return &ConflictError{ID: c.id}
			}
			continue
		}
		batch[c.id] = c.sum
		body := slices.Clone(c.raw)
		add = append(add, &entry{id: c.id, body: body, sum: c.sum})
		recs = append(recs, encodeRecord(kindAdd, c.id, body)...)
		size += int64(len(body))
	}
	if len(add) == 0 {
		return nil
	}
	if len(o.index)+len(add) > o.limits.pending || o.bytes+size > o.limits.pendingBytes {
		return ErrFull
	}
	if err := o.j.append(recs); err != nil {
		return fmt.Errorf("storing statements in the outbox: %w", err)
	}
	for _, e := range add {
		o.pending = append(o.pending, e)
		o.index[e.id] = e
		o.liveAdds += recordLen(kindAdd, len(e.body))
	}
	o.bytes += size
	return nil
}

// checkStatement checks a statement for Add and returns its id in the
// journal's form.
func checkStatement(id string, b []byte) (string, error) {
	bad := func(format string, args ...any) (string, error) {
		return "", fmt.Errorf("%w %s: %s", ErrInvalidStatement, id, fmt.Sprintf(format, args...))
	}
	u, err := uuid.Parse(id)
	if err != nil || len(id) != 36 {
		return "", fmt.Errorf("%w: the id %q is not a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", ErrInvalidStatement, id)
	}
	switch {
	case len(b) == 0:
		return bad("it is empty")
	case len(b) > MaxStatementSize:
		return bad("%d bytes is over the %d-byte limit", len(b), MaxStatementSize)
	case !utf8.Valid(b):
		return bad("it is not valid UTF-8")
	case b[0] != '{' || b[len(b)-1] != '}':
		return bad("it must be a JSON object with nothing before '{' or after '}'")
	case !json.Valid(b):
		return bad("it is not valid JSON")
	}
	raw, err := topLevel(b, "id")
	if err != nil {
		return bad("%v", err)
	}
	var sid string
	if raw == nil || json.Unmarshal(raw, &sid) != nil {
		return bad(`it has no "id" string`)
	}
	su, err := uuid.Parse(sid)
	if err != nil || su != u {
		return bad(`its "id" is %q`, sid)
	}
	return u.String(), nil
}

// topLevel returns the raw value of key in the JSON object b, nil if it has
// none. Keys are matched exactly, and a key given twice is an error.
func topLevel(b []byte, key string) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	var found json.RawMessage
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if t == key {
			if found != nil {
				return nil, fmt.Errorf("%q is given twice", key)
			}
			found = v
		}
	}
	return found, nil
}

// Pending returns how many statements wait to be delivered.
func (o *Outbox) Pending() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.index)
}

// PendingItems returns the waiting statements in the order they were added,
// each with its exact bytes.
func (o *Outbox) PendingItems() []Item {
	o.mu.Lock()
	defer o.mu.Unlock()
	items := make([]Item, 0, len(o.index))
	for _, e := range o.pending {
		if o.live(e) {
			items = append(items, Item{ID: e.id, Statement: slices.Clone(e.body)})
		}
	}
	return items
}

// DeadLetters returns the statements set aside, oldest first.
func (o *Outbox) DeadLetters() []DeadLetter {
	o.mu.Lock()
	defer o.mu.Unlock()
	letters := slices.Clone(o.letters)
	for i := range letters {
		letters[i].Statement = slices.Clone(letters[i].Statement)
	}
	return letters
}

// Status returns the counts and the outcome of the last Sync.
func (o *Outbox) Status() Status {
	o.mu.Lock()
	defer o.mu.Unlock()
	s := o.status
	s.Pending = len(o.index)
	s.PendingBytes = o.bytes
	s.Sent = len(o.sent)
	s.Dead = len(o.letters)
	return s
}

// Close releases the outbox's files and its lock. Everything stored is
// already on disk.
func (o *Outbox) Close() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return nil
	}
	o.closed = true
	err := errors.Join(o.j.close(), o.dj.close())
	return errors.Join(err, o.lock.Close())
}

// batch returns up to n pending statements from the front, and fewer when
// they would pass maxBytes (but at least one).
func (o *Outbox) batch(n, maxBytes int) ([]*entry, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return nil, ErrClosed
	}
	var b []*entry
	size := 0
	for _, e := range o.pending {
		if !o.live(e) {
			continue
		}
		if len(b) == n || (len(b) > 0 && size+len(e.body)+1 > maxBytes) {
			break
		}
		b = append(b, e)
		size += len(e.body) + 1
	}
	return b, nil
}

// markSent records durably that the LRS has the statements.
func (o *Outbox) markSent(batch []*entry) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return ErrClosed
	}
	var recs []byte
	for _, e := range batch {
		recs = append(recs, encodeRecord(kindSent, e.id, digestHex(e.sum))...)
	}
	if err := o.j.append(recs); err != nil {
		return fmt.Errorf("recording delivered statements in the outbox: %w", err)
	}
	for _, e := range batch {
		o.removePending(e)
		if _, ok := o.sent[e.id]; !ok {
			o.sentIDs = append(o.sentIDs, e.id)
		}
		o.sent[e.id] = e.sum
	}
	if o.garbage() >= o.limits.compactMin && 2*o.garbage() >= o.j.size {
		_ = o.compact() // only tidying; tried again next time
	}
	return nil
}

// setAside writes a statement's dead letter durably, which removes it from
// the pending statements.
func (o *Outbox) setAside(e *entry, status int, answer string, now time.Time) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed {
		return ErrClosed
	}
	if len(o.letters) >= o.limits.dead {
		return fmt.Errorf("statement %s was refused by the LRS (HTTP %d) and the outbox already holds %d dead letters; it stays pending", e.id, status, len(o.letters))
	}
	answer = truncateUTF8(answer, maxAnswer)
	t := now.UTC().Format(time.RFC3339Nano)
	payload, err := deadLetterPayload(e.id, t, status, answer, e.body)
	if err != nil {
		return err
	}
	if err := o.dj.append(encodeRecord(kindDead, e.id, payload)); err != nil {
		return fmt.Errorf("setting statement %s aside: %w", e.id, err)
	}
	o.removePending(e)
	o.dead[e.id] = e.sum
	o.letters = append(o.letters, DeadLetter{
		ID: e.id, Time: now.UTC(), Status: status, Answer: answer, Statement: e.body,
	})
	return nil
}

func (o *Outbox) removePending(e *entry) {
	if !o.live(e) {
		return
	}
	delete(o.index, e.id)
	o.bytes -= int64(len(e.body))
	o.liveAdds -= recordLen(kindAdd, len(e.body))
	// Statements are mostly settled from the front; drop settled ones there,
	// and elsewhere when they are many.
	for len(o.pending) > 0 && !o.live(o.pending[0]) {
		o.pending[0] = nil
		o.pending = o.pending[1:]
	}
	if len(o.pending) > 2*len(o.index)+64 {
		o.pending = slices.DeleteFunc(o.pending, func(e *entry) bool { return !o.live(e) })
	}
}

// recordLen is the length of a record with a payload of n bytes.
func recordLen(kind string, n int) int64 {
	return int64(len(kind) + 1 + 36 + 1 + len(fmt.Sprint(n)) + 1 + 8 + 1 + n + 1)
}

// garbage returns how many bytes of the journal a compaction would drop.
func (o *Outbox) garbage() int64 {
	live := int64(len(fmt.Sprintf("%s format %d\n", journalHead, journalFormat))) + o.liveAdds
	live += int64(min(len(o.sentIDs), o.limits.remembered)) * recordLen(kindSent, 2*sha256.Size)
	return o.j.size - live
}

// compact rewrites the journal with the last remembered delivery records
// and the pending statements, in order, and forgets older deliveries.
func (o *Outbox) compact() error {
	keep := o.sentIDs[max(0, len(o.sentIDs)-o.limits.remembered):]
	var recs []byte
	for _, id := range keep {
		recs = append(recs, encodeRecord(kindSent, id, digestHex(o.sent[id]))...)
	}
	o.pending = slices.DeleteFunc(o.pending, func(e *entry) bool { return !o.live(e) })
	for _, e := range o.pending {
		recs = append(recs, encodeRecord(kindAdd, e.id, e.body)...)
	}
	if err := o.j.rewrite(recs); err != nil {
		return err
	}
	for _, id := range o.sentIDs[:len(o.sentIDs)-len(keep)] {
		delete(o.sent, id)
	}
	o.sentIDs = slices.Clone(keep)
	return nil
}

// truncateUTF8 cuts s to at most n bytes without splitting a character.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
