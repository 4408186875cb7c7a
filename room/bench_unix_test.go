//go:build unix

package room

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"takedown/game"
)

// trace records when each of a trainee's entries was made, acknowledged
// and first shown on the dashboard.
type trace struct {
	mu    sync.Mutex
	made  []time.Time // by entry number - 1
	acked int
	shown int
	ack   []time.Duration
	dash  []time.Duration
}

func (tr *trace) madeEntry(n int, at time.Time) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for len(tr.made) < n {
		tr.made = append(tr.made, at)
	}
}

// upTo records the latency of entries up to n, once, in *seen.
func (tr *trace) upTo(n int, at time.Time, seen *int, out *[]time.Duration) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	for ; *seen < n && *seen < len(tr.made); *seen++ {
		*out = append(*out, at.Sub(tr.made[*seen]))
	}
}

// roomLoad is one run of the load benchmark.
type roomLoad struct {
	trainees int
	think    time.Duration // between a trainee's commands
	chaos    bool          // drop connections at random
}

// BenchmarkRoom40 has 40 trainees play the winning walkthrough against a
// host in another process, a command every 100 ms each (about ten times a
// person's pace): acknowledgement latency, time to the dashboard, and the
// host's CPU.
func BenchmarkRoom40(b *testing.B) {
	benchRoom(b, roomLoad{trainees: 40, think: 100 * time.Millisecond})
}

// BenchmarkRoom40Burst is BenchmarkRoom40 with every trainee playing as fast
// as its app can.
func BenchmarkRoom40Burst(b *testing.B) {
	benchRoom(b, roomLoad{trainees: 40})
}

// BenchmarkRoom40Drops is BenchmarkRoom40 with connections dropped at
// random throughout; it fails if an entry is lost or counted twice.
func BenchmarkRoom40Drops(b *testing.B) {
	benchRoom(b, roomLoad{trainees: 40, think: 100 * time.Millisecond, chaos: true})
}

func benchRoom(b *testing.B, load roomLoad) {
	win := moves(b, "win")
	var ack, dash []time.Duration
	var cpu, wall time.Duration
	var drops int
	for range b.N {
		r := runRoom(b, load, win)
		ack, dash = append(ack, r.ack...), append(dash, r.dash...)
		cpu, wall, drops = cpu+r.cpu, wall+r.wall, drops+r.drops
	}
	b.ReportMetric(pct(ack, 50), "ack-p50-ms")
	b.ReportMetric(pct(ack, 99), "ack-p99-ms")
	b.ReportMetric(pct(dash, 50), "dash-p50-ms")
	b.ReportMetric(pct(dash, 99), "dash-p99-ms")
	b.ReportMetric(cpu.Seconds()/wall.Seconds(), "host-cores")
	b.ReportMetric(float64(len(ack))/float64(b.N), "entries/op")
	if load.chaos {
		b.ReportMetric(float64(drops)/float64(b.N), "drops/op")
	}
}

// pct is the p-th percentile in milliseconds.
func pct(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[min(len(s)-1, len(s)*p/100)].Microseconds()) / 1000
}

type runResult struct {
	ack, dash []time.Duration
	cpu, wall time.Duration
	drops     int
}

// runRoom starts a host process, has the trainees play, checks the export
// against every app's log, and measures.
func runRoom(b *testing.B, load roomLoad, win []string) runResult {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), benchHostEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var ha hostAddr
	if err := json.NewDecoder(bufio.NewReader(stdout)).Decode(&ha); err != nil {
		b.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()

	start := time.Now()
	cs := make([]*Client, load.trainees)
	traces := map[string]*trace{}
	var nets []*proxy
	for i := range cs {
		addr := ha.Addr
		if load.chaos {
			p := newProxy(b, ha.Addr)
			nets = append(nets, p)
			addr = p.addr()
		}
		cs[i] = joinAt(b, addr, ha.Code, "T"+string(rune('A'+i%26))+string(rune('a'+i/26)), "", nil)
		tr := &trace{}
		traces[cs[i].Status().ID] = tr
		cs[i].mu.Lock()
		cs[i].trace = &clientTrace{
			logged: func(n int) { tr.madeEntry(n, time.Now()) },
			acked:  func(n int) { tr.upTo(n, time.Now(), &tr.acked, &tr.ack) },
		}
		cs[i].mu.Unlock()
	}

	stop := make(chan struct{})
	var bg sync.WaitGroup
	bg.Add(1)
	go func() { // the dashboard, as a projector would poll it
		defer bg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			d, err := getDashboard(ha)
			if err != nil {
				continue
			}
			now := time.Now()
			for _, r := range d.Trainees {
				if tr := traces[r.ID]; tr != nil {
					tr.upTo(r.Entries, now, &tr.shown, &tr.dash)
				}
			}
		}
	}()
	drops := 0
	if load.chaos {
		bg.Add(1)
		go func() {
			defer bg.Done()
			rnd := rand.New(rand.NewPCG(7, 8))
			for {
				select {
				case <-stop:
					return
				case <-time.After(time.Duration(10+rnd.IntN(40)) * time.Millisecond):
				}
				nets[rnd.IntN(len(nets))].cut()
				drops++
			}
		}()
	}

	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, l := range win {
				if load.think > 0 {
					time.Sleep(load.think/2 + rand.N(load.think))
				}
				ch, err := c.Exec(game.LogEntry{Line: l})
				if err != nil || ch.Entry == nil {
					b.Errorf("%s: %v", l, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for _, c := range cs {
		if err := c.Sync(ctx); err != nil {
			b.Fatalf("sync: %v", err)
		}
	}
	// Wait until the dashboard has shown every entry.
	for deadline := time.Now().Add(time.Minute); ; {
		all := true
		for _, tr := range traces {
			tr.mu.Lock()
			all = all && tr.shown == len(tr.made)
			tr.mu.Unlock()
		}
		if all || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	wall := time.Since(start)
	close(stop)
	bg.Wait()

	// Nothing lost, nothing counted twice: the host's logs are the apps'.
	ar := getExport(b, ha)
	if len(ar.Logs) != len(cs) {
		b.Fatalf("the host has %d trainees, want %d", len(ar.Logs), len(cs))
	}
	for i, c := range cs {
		var buf bytes.Buffer
		ar.Logs[i].WriteTo(&buf)
		if !bytes.Equal(buf.Bytes(), c.LogText()) || ar.Manifest.Trainees[i].Problem != nil {
			b.Fatalf("%s: the host's log differs from the app's (%d and %d entries)", ar.Manifest.Trainees[i].Name, len(ar.Logs[i].Entries), c.Status().Entries)
		}
	}
	for _, c := range cs {
		c.Close()
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		b.Fatal(err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	var res runResult
	for _, tr := range traces {
		res.ack = append(res.ack, tr.ack...)
		res.dash = append(res.dash, tr.dash...)
	}
	res.cpu, res.wall, res.drops = cpu, wall, drops
	return res
}

func getDashboard(ha hostAddr) (*Dashboard, error) {
	req, _ := http.NewRequest(http.MethodGet, "http://"+ha.Addr+"/v1/dashboard", nil)
	req.Header.Set("Authorization", "Bearer "+ha.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var d Dashboard
	return &d, json.NewDecoder(resp.Body).Decode(&d)
}

func getExport(b *testing.B, ha hostAddr) *Archive {
	req, _ := http.NewRequest(http.MethodGet, "http://"+ha.Addr+"/v1/export", nil)
	req.Header.Set("Authorization", "Bearer "+ha.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	ar, err := ReadArchiveFrom(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	return ar
}

// BenchmarkDashboard computes the dashboard of 40 trainees who have all
// just played a command (every row must be computed again).
func BenchmarkDashboard(b *testing.B) {
	h := startHost(b, filmSite(b), Options{})
	win := moves(b, "win")
	var cs []*Client
	for i := range 40 {
		c := join(b, h, "T"+string(rune('A'+i%26))+string(rune('a'+i/26)), "")
		play(b, c, win[:30])
		cs = append(cs, c)
	}
	syncAll(b, cs...)
	b.ResetTimer()
	for range b.N {
		for _, t := range h.list() {
			t.mu.Lock()
			t.version++
			t.mu.Unlock()
		}
		if d := h.Dashboard(); len(d.Trainees) != 40 {
			b.Fatal(len(d.Trainees))
		}
	}
}
