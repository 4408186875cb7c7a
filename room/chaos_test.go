package room

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"takedown/game"
)

// Connections dropped at random while trainees play and the instructor
// sends orders: once the network holds, the host has every entry and every
// order exactly once.
func TestRandomDropsLoseNothing(t *testing.T) {
	h := startHost(t, filmSite(t), Options{})
	win := moves(t, "win")
	const trainees = 4
	var cs []*Client
	var nets []*proxy
	for i := range trainees {
		p := newProxy(t, h.Addr().String())
		nets = append(nets, p)
		cs = append(cs, joinAt(t, p.addr(), h.Code(), string(rune('A'+i))+"nna", "", nil))
	}
	stop := make(chan struct{})
	var cuts atomic.Int64
	var chaos sync.WaitGroup
	chaos.Add(1)
	go func() {
		defer chaos.Done()
		r := rand.New(rand.NewPCG(1, 2))
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Duration(1+r.IntN(5)) * time.Millisecond):
			}
			p := nets[r.IntN(len(nets))]
			if r.IntN(4) == 0 {
				p.setDown(true)
				time.Sleep(time.Duration(r.IntN(10)) * time.Millisecond)
				p.setDown(false)
			} else {
				p.cut()
			}
			cuts.Add(1)
		}
	}()
	// Play the case up to the MLAT requests while notices come, then on to
	// the end.
	const notices = 5
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, l := range win[:30] {
				if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
					t.Errorf("%s: %v", l, err)
					return
				}
				if i%5 == 0 {
					time.Sleep(time.Millisecond)
				}
			}
		}()
	}
	for i := range notices {
		if _, err := h.Notice(Target{}, "notice "+string(rune('1'+i))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(3 * time.Millisecond)
	}
	wg.Wait()
	for _, c := range cs {
		waitFor(t, "the notices", func() bool { return instructorEntries(c) == notices })
	}
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, l := range win[30:] {
				if _, err := c.Exec(game.LogEntry{Line: l}); err != nil {
					t.Errorf("%s: %v", l, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	chaos.Wait()
	for _, p := range nets {
		p.setDown(false)
	}
	syncAll(t, cs...)
	for _, c := range cs {
		sameState(t, h, c)
		r := row(t, h, c.Status().ID)
		if r.Entries != len(win)+notices || r.Problem != nil || r.Result != "win" {
			t.Errorf("%s: %+v", r.Name, r)
		}
	}
	t.Logf("%d drops", cuts.Load())
}
