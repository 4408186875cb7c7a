package save

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FuzzDecode checks that decode never panics, that it refuses a file only
// with a damage or a *VersionError, that headerVersion agrees with it, and
// that a file it accepts ends with the payload and re-encodes to a file that
// decodes to the same payload. The seed corpus is in
// testdata/fuzz/FuzzDecode; TestDecodeSeeds says what each seed is.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		payload, err := decode(b)
		version := headerVersion(b)
		var d damage
		var v *VersionError
		switch {
		case err == nil:
			if version != FormatVersion {
				t.Errorf("decode accepted a file whose header says format %d", version)
			}
			if len(payload) > MaxSize || !bytes.HasSuffix(b, payload) {
				t.Errorf("decode returned %d bytes that do not end the %d-byte file", len(payload), len(b))
			}
			again, err := decode(append(encodeHeader(payload), payload...))
			if err != nil || !bytes.Equal(again, payload) {
				t.Errorf("re-encoding the payload: decode = %d bytes, %v; want the %d bytes", len(again), err, len(payload))
			}
		case errors.As(err, &v):
			if v.Version <= FormatVersion || version != v.Version {
				t.Errorf("decode says format %d is newer; headerVersion says %d", v.Version, version)
			}
		case errors.As(err, &d):
			if version > FormatVersion {
				t.Errorf("decode says %q, but the header says format %d, which is newer", d, version)
			}
		default:
			t.Errorf("decode error %v (%T) is neither damage nor a *VersionError", err, err)
		}
	})
}

// TestDecodeSeeds checks that each file of the seed corpus of FuzzDecode
// is what its name says, so the corpus covers what it should.
func TestDecodeSeeds(t *testing.T) {
	want := map[string]string{ // the seed's name: "ok", "newer N" or the damage
		"valid":            "ok",
		"valid-empty":      "ok",
		"uppercase-sha256": "ok",
		"truncated":        "truncated: the header says 44 bytes of data, the file has 37",
		"truncated-header": "truncated inside the header",
		"newer-version":    "newer 2",
		"bad-checksum":     "checksum mismatch",
		"huge-length":      "damaged header: length 99999999999 is over the 64 MiB limit",
		"length-at-limit":  "truncated: the header says 67108864 bytes of data, the file has 44",
		"wrong-magic":      "not a Takedown save: wrong magic",
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzDecode")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		t.Errorf("%d seeds in %s, want %d", len(entries), dir, len(want))
	}
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lit, ok := strings.CutPrefix(string(raw), "go test fuzz v1\n[]byte(")
		lit, ok2 := strings.CutSuffix(lit, ")\n")
		s, err := strconv.Unquote(lit)
		if !ok || !ok2 || err != nil {
			t.Errorf("%s is not one []byte in the corpus format: %v", e.Name(), err)
			continue
		}
		payload, err := decode([]byte(s))
		var got string
		var v *VersionError
		switch {
		case err == nil:
			got = "ok"
			if !strings.HasSuffix(s, string(payload)) {
				t.Errorf("%s: payload %q", e.Name(), payload)
			}
		case errors.As(err, &v):
			got = "newer " + strconv.Itoa(v.Version)
		default:
			got = err.Error()
		}
		if w, known := want[e.Name()]; !known || got != w {
			t.Errorf("seed %s decodes as %q, want %q", e.Name(), got, w)
		}
	}
}
