package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"takedown/catalog"
	"takedown/game"
	"takedown/i18n"
	"takedown/room"
)

// syncBuffer is a buffer that a command and a test read and write at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitOutput polls a buffer until it matches.
func waitOutput(t *testing.T, buf *syncBuffer, re *regexp.Regexp) []string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if m := re.FindStringSubmatch(buf.String()); m != nil {
			return m
		}
	}
	t.Fatalf("no %s in the output:\n%s", re, buf.String())
	return nil
}

// The host command prints the code and address, takes the instructor's
// commands, prints the dashboard, and writes an archive on exit that
// --replay plays back.
func TestHostCommand(t *testing.T) {
	var out, errs syncBuffer
	text, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	env := Env{Stdout: &out, Stderr: &errs, Cat: catalog.New(), Text: text}
	archive := filepath.Join(t.TempDir(), "room.zip")
	ctx, cancel := context.WithCancel(context.Background())
	in, typed := io.Pipe()
	done := make(chan int)
	go func() {
		code, err := env.hostWith(ctx, []string{"--announce=false", "--addr", "127.0.0.1:0", "--seed", "3", "--minutes", "30", "--every", "20ms", "--out", archive}, in)
		if err != nil {
			t.Errorf("host: %v", err)
		}
		done <- code
	}()
	code := waitOutput(t, &out, regexp.MustCompile(`ROOM CODE\s+((?:[A-Z0-9] ){5}[A-Z0-9])`))[1]
	addr := waitOutput(t, &out, regexp.MustCompile(`JOIN ADDRESS\n\s+(127\.0\.0\.1:\d+)`))[1]
	_, err = room.Join(context.Background(), room.JoinOptions{Addr: addr, Code: strings.ReplaceAll(code, " ", ""), Name: "Anna\x1b[2J", Team: "Red"})
	if err == nil {
		t.Fatal("a name with an escape should be refused")
	}
	c, err := room.Join(context.Background(), room.JoinOptions{Addr: addr, Code: strings.ReplaceAll(code, " ", ""), Name: "Anna", Team: "Red"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, l := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru"} {
		if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
			t.Fatal(err)
		}
	}
	typed.Write([]byte("notice @team:Red Write down your reasons\ninject press\ninject pressure\npause\n"))
	waitOutput(t, &out, regexp.MustCompile(`sent notice @?.*to 1 trainee`))
	waitOutput(t, &out, regexp.MustCompile(`The scenario declares no inject press; it declares: pressure, shortcut\.`))
	waitOutput(t, &out, regexp.MustCompile(`sent inject pressure to 1 trainee`))
	waitOutput(t, &out, regexp.MustCompile(`PAUSED  time left (30:00|29:[0-5][0-9])`))
	waitOutput(t, &out, regexp.MustCompile(`t1\s+Anna\s+Red\s+online\s+check\s+1\s+5 `))
	reports := filepath.Join(t.TempDir(), "reports")
	typed.Write([]byte("reports " + reports + "\n"))
	waitOutput(t, &out, regexp.MustCompile(`reports of 1 trainee\(s\): .*index\.html`))
	if _, err := os.Stat(filepath.Join(reports, "01-anna.html")); err != nil {
		t.Errorf("Anna's report: %v", err)
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	waitOutput(t, &out, regexp.MustCompile(`archive \(1 trainees\)`))

	var rep bytes.Buffer
	env.Stdout = &rep
	if code, err := env.hostWith(context.Background(), []string{"--replay", archive, "--json"}, nil); code != ExitOK || err != nil {
		t.Fatalf("replay: %d %v", code, err)
	}
	var outs []replayOutcome
	if err := json.Unmarshal(rep.Bytes(), &outs); err != nil || len(outs) != 1 || outs[0].Entries != 5 || outs[0].Error != "" || outs[0].Name != "Anna" {
		t.Errorf("replay: %s %v", rep.String(), err)
	}
}

func TestHostUsage(t *testing.T) {
	for _, args := range [][]string{
		{"host", "--bogus"},
		{"host", "extra"},
		{"host", "--minutes", "-1"},
		{"host", "--replay", filepath.Join(t.TempDir(), "missing.zip")},
		{"host", "--scenario", "no-such-scenario"},
	} {
		var out, errs bytes.Buffer
		if code := Main(args, Env{Stdout: &out, Stderr: &errs}); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestRoomCodeInBlockLetters(t *testing.T) {
	for _, r := range room.CodeAlphabet {
		if g := glyph(r); len(g) != 25 || g == strings.Repeat(".", 25) {
			t.Errorf("glyph %q: %q", r, g)
		}
	}
	if lines := bigText("KD73HX"); len(lines) != 5 || !strings.Contains(lines[0], "██") {
		t.Errorf("%q", lines)
	}
}

// TestHostForwardsTheRoomsRecords checks that a room with an LRS builds
// each trainee's statements from the host's replay, keeps them in the
// outbox and forwards them: the recording LRS receives the trainee's
// statements under the name it joined with, initialized first.
func TestHostForwardsTheRoomsRecords(t *testing.T) {
	var mu sync.Mutex
	var got []map[string]any
	lrs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var batch []map[string]any
		if err := json.Unmarshal(body, &batch); err != nil {
			var one map[string]any
			if json.Unmarshal(body, &one) != nil {
				http.Error(w, "not a statement", http.StatusBadRequest)
				return
			}
			batch = []map[string]any{one}
		}
		mu.Lock()
		got = append(got, batch...)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, "[]")
	}))
	defer lrs.Close()
	var out, errs syncBuffer
	text, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	env := Env{Stdout: &out, Stderr: &errs, Cat: catalog.New(), Text: text}
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		code, err := env.hostWith(ctx, []string{"--announce=false", "--addr", "127.0.0.1:0", "--out", filepath.Join(dir, "room.zip"),
			"--outbox", filepath.Join(dir, "outbox"), "--lrs-endpoint", lrs.URL + "/xapi/", "--lrs-username", "k", "--lrs-password", "s",
			"--home", "https://academy.example/"}, strings.NewReader(""))
		if err != nil {
			t.Errorf("host: %v", err)
		}
		done <- code
	}()
	code := waitOutput(t, &out, regexp.MustCompile(`ROOM CODE\s+((?:[A-Z0-9] ){5}[A-Z0-9])`))[1]
	addr := waitOutput(t, &out, regexp.MustCompile(`JOIN ADDRESS\n\s+(127\.0\.0\.1:\d+)`))[1]
	c, err := room.Join(context.Background(), room.JoinOptions{Addr: addr, Code: strings.ReplaceAll(code, " ", ""), Name: "anna.k", Team: "Red"})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"whois kadr-hd.ru", "dns kadr-hd.ru"} {
		if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
			t.Fatal(err)
		}
	}
	sctx, scancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer scancel()
	if err := c.Sync(sctx); err != nil {
		t.Fatal(err)
	}
	c.Close()
	cancel()
	if code := <-done; code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	waitOutput(t, &out, regexp.MustCompile(`training records were sent to`))
	mu.Lock()
	defer mu.Unlock()
	if len(got) < 3 {
		t.Fatalf("the LRS received %d statements, want initialized, experienced and the tools", len(got))
	}
	first := got[0]
	verb := first["verb"].(map[string]any)["id"].(string)
	account := first["actor"].(map[string]any)["account"].(map[string]any)
	if !strings.HasSuffix(verb, "/initialized") || account["name"] != "anna.k" || account["homePage"] != "https://academy.example/" {
		t.Errorf("first statement: verb %s, account %v", verb, account)
	}
}
