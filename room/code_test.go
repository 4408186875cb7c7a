package room

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"strings"
	"testing"
	"time"

	"takedown/game"
	"takedown/room/lan"
)

func TestRoomCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		c := NewCode()
		if !validCode(c) {
			t.Fatalf("bad code %q", c)
		}
		seen[c] = true
	}
	if len(seen) < 195 {
		t.Errorf("only %d different codes in 200", len(seen))
	}
	for _, ambiguous := range "0O1IL2Z5S6G8B" {
		if strings.ContainsRune(CodeAlphabet, ambiguous) {
			t.Errorf("the alphabet has %q", ambiguous)
		}
	}
	if got := NormalizeCode(" kd7-3hx "); got != "KD73HX" {
		t.Errorf("NormalizeCode: %q", got)
	}
}

func TestParseJoin(t *testing.T) {
	for _, tc := range []struct{ in, addr, code, err string }{
		{"192.168.1.20:7345", "192.168.1.20:7345", "", ""},
		{JoinURL("10.0.0.5:80", "KD73HX"), "10.0.0.5:80", "KD73HX", ""},
		{"http://10.0.0.5:80/join?code=kd7-3hx", "10.0.0.5:80", "KD73HX", ""},
		{"192.168.1.20", "", "", "with its port"},
		{"ftp://x:1/", "", "", "starts with http"},
		{"", "", "", "no address"},
	} {
		addr, code, err := ParseJoin(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || addr != tc.addr || code != tc.code {
			t.Errorf("%q: %q %q %v", tc.in, addr, code, err)
		}
	}
}

func TestQRCode(t *testing.T) {
	b, err := QRCode(JoinURL("192.168.1.20:7345", "KD73HX"), 256)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != 256 {
		t.Fatalf("PNG: %v %v", err, img)
	}
	s, err := QRText(JoinURL("192.168.1.20:7345", "KD73HX"))
	if err != nil || !strings.Contains(s, "█") {
		t.Errorf("terminal QR code: %v", err)
	}
}

func TestNamesAreChecked(t *testing.T) {
	for name, ok := range map[string]bool{
		"Anna": true, "Иван Петров": true, "  Chen  ": true, "": false, "a\x1b[2Jb": false,
		"evil\u202etxt": false, strings.Repeat("я", MaxName): true, strings.Repeat("я", MaxName+1): false,
	} {
		h := Hello{Name: name}
		if err := checkHello(&h); (err == nil) != ok {
			t.Errorf("%q: %v", name, err)
		}
	}
}

func TestEnglishRendersRoomMessages(t *testing.T) {
	r := refuse(CodeRejected, "room.rejected.refused", game.Num("entry", 3), game.Str("line", "pause"), game.Sub("err", game.M("cmd.paused")))
	if got := r.Error(); got != "The host's replay refused entry 3 (pause): The instructor has paused the room: commands wait until it resumes." {
		t.Errorf("got %q", got)
	}
	var u *game.UsageError
	if !asUsage(r, &u) || u.Msg.ID != "room.rejected.refused" {
		t.Error("a refusal should unwrap to its message")
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(1, 3, func() time.Time { return now })
	for i := range 3 {
		if !l.allow("a") {
			t.Fatalf("request %d refused", i)
		}
	}
	if l.allow("a") || !l.allow("b") {
		t.Error("each address has its own bucket")
	}
	now = now.Add(2 * time.Second)
	if !l.allow("a") || !l.allow("a") || l.allow("a") {
		t.Error("the bucket refills at its rate")
	}
}

func asUsage(err error, u **game.UsageError) bool { return errors.As(err, u) }

func TestAnnounce(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	var m lan.Memory
	stop, err := h.Announce(&m)
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := m.Browse(context.Background())
	if len(rs) != 1 || rs[0].Addrs[0] != h.Addr().String() || rs[0].Scenario != "film-site" || rs[0].Proto != Protocol {
		t.Errorf("announced %+v", rs)
	}
	stop()
}
