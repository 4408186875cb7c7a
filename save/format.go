package save

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
)

// The file format is described in the package documentation. Everything
// after the "format N" line belongs to that format version.

// FormatVersion is the version of the file format that Write produces and
// Read accepts.
const FormatVersion = 1

// MaxSize is the largest payload, in bytes, that Write stores and Read
// accepts: 64 MiB.
const MaxSize = 64 << 20

const (
	magic = "TAKEDOWN-SAVE\n"
	// maxLine bounds one header line; the longest real one is the sha256 line.
	maxLine = 100
	// maxHeader bounds the whole version 1 header.
	maxHeader = len(magic) + 4*maxLine
)

// damage is the reason a file failed verification, in words for a person.
type damage string

func (d damage) Error() string { return string(d) }

// encodeHeader returns the version 1 header for data.
func encodeHeader(data []byte) []byte {
	sum := sha256.Sum256(data)
	return fmt.Appendf(nil, "%sformat %d\nlength %d\nsha256 %x\n\n", magic, FormatVersion, len(data), sum)
}

// decode verifies a whole save file and returns its payload. The error is a
// damage or a *VersionError.
func decode(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, damage("truncated: the file is empty")
	}
	if !bytes.HasPrefix(b, []byte(magic)) {
		if len(b) < len(magic) && bytes.HasPrefix([]byte(magic), b) {
			return nil, damage("truncated inside the header")
		}
		return nil, damage("not a Takedown save: wrong magic")
	}
	rest := b[len(magic):]

	field, rest, err := headerLine(rest, "format")
	if err != nil {
		return nil, err
	}
	version, ok := parseCount(field, 9)
	switch {
	case !ok:
		return nil, damage(fmt.Sprintf("damaged header: format %q is not a number", field))
	case version > FormatVersion:
		return nil, &VersionError{Version: int(version)}
	case version != FormatVersion:
		return nil, damage(fmt.Sprintf("unknown format version %d", version))
	}

	field, rest, err = headerLine(rest, "length")
	if err != nil {
		return nil, err
	}
	length, ok := parseCount(field, 18)
	switch {
	case !ok:
		return nil, damage(fmt.Sprintf("damaged header: length %q is not a number", field))
	case length > MaxSize:
		return nil, damage(fmt.Sprintf("damaged header: length %s is over the 64 MiB limit", field))
	}

	field, rest, err = headerLine(rest, "sha256")
	if err != nil {
		return nil, err
	}
	want, err := hex.DecodeString(field)
	if err != nil || len(want) != sha256.Size {
		return nil, damage(fmt.Sprintf("damaged header: sha256 %q is not 64 hex digits", field))
	}

	switch {
	case len(rest) == 0:
		return nil, damage("truncated inside the header")
	case rest[0] != '\n':
		return nil, damage("damaged header: no blank line after the sha256 line")
	}
	payload := rest[1:]
	switch {
	case int64(len(payload)) < length:
		return nil, damage(fmt.Sprintf("truncated: the header says %d bytes of data, the file has %d", length, len(payload)))
	case int64(len(payload)) > length:
		return nil, damage(fmt.Sprintf("length mismatch: the header says %d bytes of data, the file has %d", length, len(payload)))
	}
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], want) {
		return nil, damage("checksum mismatch")
	}
	return payload, nil
}

// headerVersion returns the format version that the start of a save file
// declares, or 0 when b does not start with the magic line and a well-formed
// format line. It agrees with decode: a file decode accepts declares
// FormatVersion, and one it refuses with a *VersionError declares that
// version.
func headerVersion(b []byte) int {
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	if !ok {
		return 0
	}
	field, _, err := headerLine(rest, "format")
	if err != nil {
		return 0
	}
	version, ok := parseCount(field, 9)
	if !ok {
		return 0
	}
	return int(version)
}

// headerLine reads the line "key value\n" from the start of b and returns
// the value and what follows the line.
func headerLine(b []byte, key string) (string, []byte, error) {
	end := bytes.IndexByte(b, '\n')
	if end < 0 {
		if len(b) < maxLine {
			return "", nil, damage("truncated inside the header")
		}
		return "", nil, damage(fmt.Sprintf("damaged header: no %s line", key))
	}
	if end > maxLine {
		return "", nil, damage(fmt.Sprintf("damaged header: the %s line is too long", key))
	}
	k, v, ok := bytes.Cut(b[:end], []byte(" "))
	if !ok || string(k) != key {
		return "", nil, damage(fmt.Sprintf("damaged header: expected the %s line, found %q", key, b[:end]))
	}
	return string(v), b[end+1:], nil
}

// parseCount parses a plain decimal number: digits only, no sign, at most
// maxDigits digits (at most 18, so the result fits an int64).
func parseCount(s string, maxDigits int) (int64, bool) {
	if s == "" || len(s) > maxDigits {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}
