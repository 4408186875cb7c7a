package room

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// CodeAlphabet is the letters and digits of room codes: none that can be
// mistaken for another when read aloud or from a projector (no 0/O, 1/I/L,
// 2/Z, 5/S, 6/G, 8/B).
const CodeAlphabet = "ACDEFHJKMNPRTUVWXY3479"

// CodeLength is the length of a room code.
const CodeLength = 6

// NewCode draws a room code from the system's secure random source.
func NewCode() string {
	b := make([]byte, CodeLength)
	out := make([]byte, CodeLength)
	// Rejection sampling keeps every letter equally likely.
	limit := byte(256 - 256%len(CodeAlphabet))
	for i := 0; i < CodeLength; {
		rand.Read(b) // never fails (crypto/rand)
		for _, c := range b {
			if c < limit && i < CodeLength {
				out[i] = CodeAlphabet[int(c)%len(CodeAlphabet)]
				i++
			}
		}
	}
	return string(out)
}

// NormalizeCode reads a room code as a person typed it: case, spaces and
// dashes do not matter.
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r == ' ' || r == '-' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// validCode reports whether s (normalised) is a well-formed room code.
func validCode(s string) bool {
	if len(s) != CodeLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(CodeAlphabet, rune(s[i])) {
			return false
		}
	}
	return true
}

// sameSecret compares two secrets in constant time.
func sameSecret(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// newToken draws a secret token: 32 random bytes in hex.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// JoinURL is the address a trainee's app (or a phone reading the QR code)
// opens to join: http://ADDR/join?code=CODE.
func JoinURL(addr, code string) string {
	return (&url.URL{Scheme: "http", Host: addr, Path: "/join", RawQuery: url.Values{"code": {code}}.Encode()}).String()
}

// ParseJoin reads what a trainee typed or scanned to join: a join URL
// (http://ADDR/join?code=CODE), or a bare address "HOST:PORT" (then the code
// is typed apart and returned empty).
func ParseJoin(s string) (addr, code string, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", "", fmt.Errorf("no address: type the address the instructor shows, e.g. 192.168.1.20:7345")
	}
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" {
			return "", "", fmt.Errorf("%q is not a join address", s)
		}
		if u.Scheme != "http" && u.Scheme != "takedown" {
			return "", "", fmt.Errorf("%q: a join address starts with http://", s)
		}
		return u.Host, NormalizeCode(u.Query().Get("code")), nil
	}
	if _, _, err := net.SplitHostPort(s); err != nil {
		return "", "", fmt.Errorf("%q: give the address with its port, e.g. 192.168.1.20:7345", s)
	}
	return s, "", nil
}
