package records

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Record kinds, as they appear in the journals.
const (
	kindAdd  = "add"
	kindSent = "sent"
	kindDead = "dead"
)

const (
	journalFormat = 1
	maxHeaderLine = 80 // "sent " + 36 + " " + 10 digits + " " + 8, with room
	// maxPayload bounds a record's payload: a statement, or a dead letter
	// holding a statement and an answer of up to maxAnswer bytes escaped.
	maxPayload = MaxStatementSize + 8*maxAnswer + 1024
)

// record is one decoded journal record.
type record struct {
	kind    string
	id      string
	payload []byte
}

// encodeRecord returns the bytes of one record.
func encodeRecord(kind, id string, payload []byte) []byte {
	head := kind + " " + id + " " + strconv.Itoa(len(payload))
	crc := recordCRC(head, payload)
	b := make([]byte, 0, len(head)+10+len(payload)+1)
	b = append(b, head...)
	b = append(b, ' ')
	b = fmt.Appendf(b, "%08x", crc)
	b = append(b, '\n')
	b = append(b, payload...)
	return append(b, '\n')
}

func recordCRC(head string, payload []byte) uint32 {
	table := crc32.MakeTable(crc32.Castagnoli) // cached by hash/crc32
	crc := crc32.Update(0, table, []byte(head))
	crc = crc32.Update(crc, table, []byte{'\n'})
	return crc32.Update(crc, table, payload)
}

// parseRecord decodes the record at the start of b and returns it with its
// length in bytes. It fails on anything that is not a complete record whose
// checksum verifies.
func parseRecord(b []byte, kinds ...string) (record, int, error) {
	nl := bytes.IndexByte(b[:min(len(b), maxHeaderLine+1)], '\n')
	if nl < 0 {
		return record{}, 0, errors.New("no complete header line")
	}
	fields := strings.Split(string(b[:nl]), " ")
	if len(fields) != 4 {
		return record{}, 0, errors.New("a header line needs four fields")
	}
	kind, id, length, sum := fields[0], fields[1], fields[2], fields[3]
	known := false
	for _, k := range kinds {
		known = known || k == kind
	}
	if !known {
		return record{}, 0, fmt.Errorf("unknown record kind %q", kind)
	}
	if !canonicalID(id) {
		return record{}, 0, fmt.Errorf("bad statement id %q", id)
	}
	n, ok := parseCount(length, maxPayload)
	if !ok {
		return record{}, 0, fmt.Errorf("bad length %q", length)
	}
	if len(sum) != 8 || strings.ToLower(sum) != sum {
		return record{}, 0, fmt.Errorf("bad checksum field %q", sum)
	}
	want, err := strconv.ParseUint(sum, 16, 32)
	if err != nil {
		return record{}, 0, fmt.Errorf("bad checksum field %q", sum)
	}
	end := nl + 1 + n
	if end >= len(b) {
		return record{}, 0, errors.New("the payload is cut short")
	}
	if b[end] != '\n' {
		return record{}, 0, errors.New("the payload does not end with a newline")
	}
	payload := b[nl+1 : end]
	if recordCRC(kind+" "+id+" "+length, payload) != uint32(want) {
		return record{}, 0, errors.New("checksum mismatch")
	}
	return record{kind: kind, id: id, payload: payload}, end + 1, nil
}

// parseCount parses a decimal count without sign or leading zeros, at most
// limit.
func parseCount(s string, limit int) (int, bool) {
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= limit
}

// canonicalID reports whether id is a UUID in the lowercase 36-character
// form the journals use.
func canonicalID(id string) bool {
	if len(id) != 36 {
		return false
	}
	u, err := uuid.Parse(id)
	return err == nil && u.String() == id
}

// journal is one append-only journal file opened for appending.
type journal struct {
	path  string
	magic string // the first line, without the format number
	f     *os.File
	size  int64 // the length of the verified prefix, where the next record goes
	// broken is set when a failed write could not be undone; every later
	// write fails with it until the outbox is opened again.
	broken error
}

// scanResult is what reading a journal found.
type scanResult struct {
	records []record
	// cut is how many bytes at the end were discarded as a torn record.
	cut int
	// damaged names the copy kept of a file damaged inside; lost counts the
	// bytes that did not verify.
	damaged string
	lost    int
}

// openJournal opens or creates the journal at path, verifies it and returns
// its records. A torn last record is cut off; damage inside the file is
// copied aside and the records that verify are kept, the file being
// rewritten with them. A file that does not start with magic, or is in a
// newer format, is left alone and reported as an error.
func openJournal(path, magic string, kinds ...string) (*journal, scanResult, error) {
	j := &journal{path: path, magic: magic}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		if err := j.rewrite(nil); err != nil {
			return nil, scanResult{}, err
		}
		return j, scanResult{}, nil
	}
	if err != nil {
		return nil, scanResult{}, err
	}
	body, err := checkMagic(data, magic)
	if err != nil {
		return nil, scanResult{}, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	head := len(data) - len(body)
	var res scanResult
	off := 0
	firstBad := -1
	for off < len(body) {
		rec, n, err := parseRecord(body[off:], kinds...)
		if err == nil {
			res.records = append(res.records, rec)
			off += n
			continue
		}
		if firstBad < 0 {
			firstBad = off
		}
		next := nextRecord(body, off, kinds)
		if next < 0 {
			break
		}
		res.lost += next - off
		off = next
	}
	switch {
	case firstBad < 0:
		j.size = int64(len(data))
		if j.f, err = os.OpenFile(path, os.O_RDWR, 0); err != nil {
			return nil, scanResult{}, err
		}
	case res.lost == 0:
		// Only the end is bad: a record whose write was interrupted.
		res.cut = len(body) - firstBad
		j.size = int64(head + firstBad)
		if j.f, err = os.OpenFile(path, os.O_RDWR, 0); err != nil {
			return nil, scanResult{}, err
		}
		if err := j.f.Truncate(j.size); err != nil {
			j.f.Close()
			return nil, scanResult{}, err
		}
		if err := j.f.Sync(); err != nil {
			j.f.Close()
			return nil, scanResult{}, err
		}
	default:
		// Damage inside the file: keep a copy, then keep what verifies.
		if off < len(body) {
			res.lost += len(body) - off
		}
		res.damaged, err = keepDamaged(path, data)
		if err != nil {
			return nil, scanResult{}, fmt.Errorf("keeping a copy of the damaged %s: %w", filepath.Base(path), err)
		}
		var recs []byte
		for _, r := range res.records {
			recs = append(recs, encodeRecord(r.kind, r.id, r.payload)...)
		}
		if err := j.rewrite(recs); err != nil {
			return nil, scanResult{}, err
		}
	}
	return j, res, nil
}

// nextRecord returns the offset of the first record that verifies and
// starts a line after offset from, or -1.
func nextRecord(b []byte, from int, kinds []string) int {
	for {
		i := bytes.IndexByte(b[from:], '\n')
		if i < 0 {
			return -1
		}
		from += i + 1
		if _, _, err := parseRecord(b[from:], kinds...); err == nil {
			return from
		}
	}
}

// checkMagic checks the first line of a journal and returns what follows.
func checkMagic(data []byte, magic string) ([]byte, error) {
	nl := bytes.IndexByte(data[:min(len(data), 64)], '\n')
	if nl < 0 {
		return nil, errors.New("not a Takedown outbox file (no first line)")
	}
	name, format, ok := strings.Cut(string(data[:nl]), " format ")
	if !ok || name != magic {
		return nil, errors.New("not a Takedown outbox file")
	}
	n, ok := parseCount(format, 1<<20)
	if !ok {
		return nil, fmt.Errorf("bad format line %q", data[:nl])
	}
	if n > journalFormat {
		return nil, &VersionError{Version: n}
	}
	if n != journalFormat {
		return nil, fmt.Errorf("unknown format %d", n)
	}
	return data[nl+1:], nil
}

// keepDamaged writes a copy of a damaged file beside it, durably, and
// returns the copy's name.
func keepDamaged(path string, data []byte) (string, error) {
	for i := 1; i < 1000; i++ {
		name := fmt.Sprintf("%s.damaged-%d", path, i)
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(name)
			return "", err
		}
		return filepath.Base(name), syncDir(filepath.Dir(path))
	}
	return "", errors.New("too many damaged copies already")
}

// append writes b at the end of the journal and syncs it. If that fails, the
// journal is cut back to its previous end so that no partial record stays
// in the middle of later ones.
func (j *journal) append(b []byte) error {
	if j.broken != nil {
		return j.broken
	}
	_, err := j.f.WriteAt(b, j.size)
	if err == nil {
		err = j.f.Sync()
	}
	if err != nil {
		if terr := j.f.Truncate(j.size); terr != nil {
			j.broken = fmt.Errorf("%s could not be repaired after a failed write (%v); open the outbox again", filepath.Base(j.path), terr)
		}
		return err
	}
	j.size += int64(len(b))
	return nil
}

// rewrite replaces the journal with its first line and recs: a temporary
// file is written and synced, renamed over the journal, and the folder is
// synced. The journal is then opened for appending.
func (j *journal) rewrite(recs []byte) error {
	dir := filepath.Dir(j.path)
	tmp, err := os.CreateTemp(dir, tempPrefix+filepath.Base(j.path)+"-*")
	if err != nil {
		return err
	}
	head := fmt.Sprintf("%s format %d\n", j.magic, journalFormat)
	_, err = io.WriteString(tmp, head)
	if err == nil {
		_, err = tmp.Write(recs)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	// Windows cannot rename over an open file: close it first and reopen
	// whichever file is in place afterwards.
	if j.f != nil {
		j.f.Close()
		j.f = nil
	}
	renameErr := os.Rename(tmp.Name(), j.path)
	if renameErr != nil {
		os.Remove(tmp.Name())
	} else {
		j.size = int64(len(head) + len(recs))
		renameErr = syncDir(dir)
	}
	f, err := os.OpenFile(j.path, os.O_RDWR, 0)
	if err != nil {
		j.broken = fmt.Errorf("%s cannot be opened again: %w", filepath.Base(j.path), err)
		return j.broken
	}
	j.f = f
	if renameErr == nil {
		j.broken = nil
	}
	return renameErr
}

func (j *journal) close() error {
	if j == nil || j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	return err
}

// digest returns the SHA-256 of a statement.
func digest(b []byte) [sha256.Size]byte { return sha256.Sum256(b) }

func digestHex(d [sha256.Size]byte) []byte {
	return []byte(hex.EncodeToString(d[:]))
}

func parseDigest(b []byte) ([sha256.Size]byte, bool) {
	var d [sha256.Size]byte
	if len(b) != 2*sha256.Size || strings.ToLower(string(b)) != string(b) {
		return d, false
	}
	_, err := hex.Decode(d[:], b)
	return d, err == nil
}

// syncDir makes renames and removals in dir durable. Windows cannot sync a
// folder (and does not need to).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
