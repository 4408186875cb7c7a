package records

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The kill test: a child process (this test binary, running
// TestSyncCrashChild) adds statements to an outbox and syncs them to a
// recorder LRS in the parent, and is killed with SIGKILL at random moments,
// some of them while the LRS holds a request it has stored but not yet
// answered. Each run adds crashStep statements more than the one before,
// and again all the earlier ones. A last child runs to the end. Every
// statement must then be at
// the LRS with the exact bytes added, and none with other bytes.

const (
	crashDirEnv   = "TAKEDOWN_RECORDS_CRASH_DIR"
	crashURLEnv   = "TAKEDOWN_RECORDS_CRASH_URL"
	crashReady    = "records-crash-child-ready"
	crashDone     = "records-crash-child-done"
	crashCountEnv = "TAKEDOWN_RECORDS_CRASH_COUNT"
	crashStep     = 40 // new statements in each run
	crashBatch    = 10 // statements per request
	crashAddStep  = 15 // statements added between syncs
)

func TestSyncCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("runs only as the child process of TestSyncCrashKill")
	}
	// Compact often, so that kills land in compactions too.
	lim := defaultLimits()
	lim.compactMin = 8 << 10
	o, err := openOutbox(dir, lim)
	if err != nil {
		t.Fatal(err)
	}
	lrs, err := NewLRS(Config{Endpoint: os.Getenv(crashURLEnv), Username: "test", Password: "secret"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	count, err := strconv.Atoi(os.Getenv(crashCountEnv))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(crashReady)
	opts := SyncOptions{BatchSize: crashBatch, MinBackoff: time.Millisecond, MaxBackoff: 4 * time.Millisecond, Attempts: 10}
	ctx := context.Background()
	// All statements from the first, again: those an earlier run added are
	// already stored, and adding them again must change nothing.
	for i := 0; i < count; i++ {
		it := testStatement(i)
		if err := o.Add(it.ID, it.Statement); err != nil {
			t.Fatal(err) // adding again after a kill must be a no-op
		}
		if i%crashAddStep == crashAddStep-1 {
			if _, err := o.Sync(ctx, lrs, opts); err != nil && !IsTemporary(err) {
				t.Fatal(err)
			}
		}
	}
	for o.Pending() > 0 {
		if _, err := o.Sync(ctx, lrs, opts); err != nil && !IsTemporary(err) {
			t.Fatal(err)
		}
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	fmt.Println(crashDone)
}

func TestSyncCrashKill(t *testing.T) {
	if os.Getenv(crashDirEnv) != "" {
		t.Skip("this is the child process")
	}
	kills := 50
	if testing.Short() {
		kills = 15
	}
	if s := os.Getenv("TAKEDOWN_RECORDS_CRASH_KILLS"); s != "" {
		kills, _ = strconv.Atoi(s)
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("TAKEDOWN_RECORDS_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("seed %d (set TAKEDOWN_RECORDS_CRASH_SEED to repeat)", seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	r := newRecorder(t)
	r.strict = true // a batch with a statement the LRS has gets 409
	r.delay = time.Millisecond
	dir := t.TempDir()
	// killAt holds, while a child runs that is to be killed mid-request, the
	// number of the request at which to kill it.
	killAt := make(chan int, 1)
	stored := make(chan struct{}, 1)
	r.mu.Lock()
	r.onStored = func(n int) {
		select {
		case k := <-killAt:
			if n >= k {
				// Hold the answer until the child is dead: the LRS has the
				// statements, the outbox does not know.
				stored <- struct{}{}
				time.Sleep(20 * time.Millisecond)
				return
			}
			killAt <- k
		default:
		}
	}
	r.mu.Unlock()

	var midRequest, timed, finished, cut, compacting int
	for i := 0; i <= kills; i++ {
		last := i == kills
		cmd := exec.Command(os.Args[0], "-test.run=^TestSyncCrashChild$", "-test.count=1", "-test.timeout=120s")
		cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, crashURLEnv+"="+r.url()+"/xapi/",
			crashCountEnv+"="+strconv.Itoa((i+1)*crashStep))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		atRequest := !last && rng.IntN(2) == 0
		if atRequest {
			r.mu.Lock()
			killAt <- len(r.requests) + 1 + rng.IntN(8)
			r.mu.Unlock()
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		ready := false
		for !ready && lines.Scan() {
			ready = lines.Text() == crashReady
		}
		if !ready {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("run %d: the child did not start: %s", i, stderr.String())
		}
		// The rest of the output, and the moment the child ends.
		rest := make(chan string, 1)
		go func() {
			var b strings.Builder
			for lines.Scan() {
				b.WriteString(lines.Text() + "\n")
			}
			io.Copy(io.Discard, out)
			rest <- b.String()
		}()
		if last {
			output := <-rest
			if err := cmd.Wait(); err != nil || !strings.Contains(output, crashDone) {
				t.Fatalf("the last child failed: %v\n%s", err, stderr.String())
			}
			break
		}
		wait := time.Duration(rng.Int64N(int64(40 * time.Millisecond)))
		if atRequest {
			wait = 10 * time.Second // the recorder says when
		}
		var output string
		ended := false
		select {
		case <-stored:
			midRequest++
		case <-time.After(wait):
			timed++
		case output = <-rest:
			ended = true
		}
		cmd.Process.Kill()
		if !ended {
			output = <-rest
		}
		err = cmd.Wait()
		select {
		case <-killAt: // the child never got that far
		default:
		}
		select {
		case <-stored: // signalled as the child ended
		default:
		}
		switch {
		case strings.Contains(stderr.String(), "--- FAIL"):
			t.Fatalf("run %d: the child failed:\n%s", i, stderr.String())
		case strings.Contains(output, crashDone):
			finished++
		case err == nil:
			t.Fatalf("run %d: the child ended without finishing: %s", i, stderr.String())
		}
		// What a crash leaves must open cleanly, with nothing worse than a
		// torn last record.
		{
			if temps, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(temps) > 0 {
				compacting++
			}
			o, err := OpenOutbox(dir)
			if err != nil {
				t.Fatalf("run %d: %v", i, err)
			}
			rec := o.Recovery()
			cut += rec.CutBytes
			if len(rec.Damaged) > 0 || len(rec.Problems) > 0 {
				t.Errorf("run %d: Recovery = %s", i, rec)
			}
			o.Close()
			if temps, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(temps) > 0 {
				t.Errorf("run %d: OpenOutbox left %v", i, temps)
			}
		}
	}

	var want []Item
	for i := range (kills + 1) * crashStep {
		want = append(want, testStatement(i))
	}
	checkDelivered(t, r, want)
	o := openTest(t, dir)
	if o.Pending() != 0 || len(o.DeadLetters()) != 0 {
		t.Errorf("after the last run: %d pending, %d dead letters", o.Pending(), len(o.DeadLetters()))
	}
	t.Logf("%d kills (%d while the LRS held a stored request, %d at random times, %d after the child finished); "+
		"%d statements delivered, %d re-posted after the LRS had them (same bytes), %d requests; "+
		"%d bytes of torn records cut when reopening; %d kills left a compaction's temporary file",
		kills, midRequest, timed, finished, len(want), r.reposts(), len(r.statementRequests()), cut, compacting)
}
