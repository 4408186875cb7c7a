// Package lan announces workshop rooms on the local network and finds them,
// with multicast DNS (github.com/libp2p/zeroconf/v2) behind two small
// interfaces. It is a convenience: conference and hotel networks often
// block multicast, so typing the room's address and code always works, and
// nothing else depends on finding a room this way.
package lan

import (
	"context"
	"fmt"
	"maps"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/libp2p/zeroconf/v2"
)

// Service is the DNS-SD service type of a Takedown room.
const Service = "_takedown._tcp"

// Room is a room as announced on the network. Everything in it comes from
// the network: show it escaped, and join only with the code the instructor
// shows (it is never announced).
type Room struct {
	Instance string   `json:"instance"` // the announced name
	Addrs    []string `json:"addrs"`    // host:port to join
	Port     int      `json:"port"`
	Scenario string   `json:"scenario"`
	Title    string   `json:"title"`
	Proto    int      `json:"proto"`
}

// Announcer announces a room until the returned stop is called.
type Announcer interface {
	Announce(r Room) (stop func(), err error)
}

// Browser lists the rooms announced on the network, looking until ctx
// ends.
type Browser interface {
	Browse(ctx context.Context) ([]Room, error)
}

// maxField bounds an announced text field.
const maxField = 100

// txt encodes a room's details as TXT records.
func txt(r Room) []string {
	return []string{"proto=" + strconv.Itoa(r.Proto), "scenario=" + clean(r.Scenario), "title=" + clean(r.Title)}
}

// fromTXT reads a room's details from TXT records, keeping only what is
// well formed.
func fromTXT(rs []string, r *Room) {
	for _, kv := range rs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		switch k {
		case "proto":
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 1000 {
				r.Proto = n
			}
		case "scenario":
			r.Scenario = clean(v)
		case "title":
			r.Title = clean(v)
		}
	}
}

// clean keeps a text short, valid and printable.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	if len(s) > maxField {
		n := maxField
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	return s
}

// Zeroconf announces and finds rooms with multicast DNS.
type Zeroconf struct{}

// Announce registers the room on every multicast interface.
func (Zeroconf) Announce(r Room) (func(), error) {
	if r.Port <= 0 || r.Port > 65535 {
		return nil, fmt.Errorf("announce room %q: bad port %d", r.Instance, r.Port)
	}
	srv, err := zeroconf.Register(clean(r.Instance), Service, "local.", r.Port, txt(r), nil)
	if err != nil {
		return nil, fmt.Errorf("announce room %q on the network: %w", r.Instance, err)
	}
	return srv.Shutdown, nil
}

// Browse collects the rooms that answer until ctx ends.
func (Zeroconf) Browse(ctx context.Context) ([]Room, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	entries := make(chan *zeroconf.ServiceEntry)
	var out []Room
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case e, ok := <-entries:
				if !ok {
					return
				}
				if r, ok := fromEntry(e); ok && len(out) < 256 {
					out = append(out, r)
				}
			}
		}
	}()
	err := zeroconf.Browse(ctx, Service, "local.", entries)
	cancel()
	<-done
	if err != nil {
		return nil, fmt.Errorf("look for rooms on the network: %w", err)
	}
	return dedupe(out), nil
}

// fromEntry reads a room from an answer.
func fromEntry(e *zeroconf.ServiceEntry) (Room, bool) {
	r := Room{Instance: clean(unescape(e.Instance)), Port: e.Port}
	fromTXT(e.Text, &r)
	for _, ip := range e.AddrIPv4 {
		r.Addrs = append(r.Addrs, net.JoinHostPort(ip.String(), strconv.Itoa(e.Port)))
	}
	return r, len(r.Addrs) > 0 && e.Port > 0 && e.Port <= 65535
}

// unescape removes the escapes of DNS-SD from an instance name: `a\ b` is "a b".
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// dedupe keeps the last answer of each instance.
func dedupe(rs []Room) []Room {
	seen := map[string]int{}
	var out []Room
	for _, r := range rs {
		if i, ok := seen[r.Instance]; ok {
			out[i] = r
			continue
		}
		seen[r.Instance] = len(out)
		out = append(out, r)
	}
	return out
}

// Memory announces and finds rooms inside one process: for tests, and for
// a room and its apps on one machine. The zero value is ready to use.
type Memory struct {
	mu    sync.Mutex
	next  int
	rooms map[int]Room
}

// Announce lists the room until stop is called.
func (m *Memory) Announce(r Room) (func(), error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.rooms == nil {
		m.rooms = map[int]Room{}
	}
	m.next++
	id := m.next
	var rec Room
	fromTXT(txt(r), &rec)
	rec.Instance, rec.Port, rec.Addrs = clean(r.Instance), r.Port, slices.Clone(r.Addrs)
	m.rooms[id] = rec
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		delete(m.rooms, id)
	}, nil
}

// Browse returns the rooms listed now.
func (m *Memory) Browse(ctx context.Context) ([]Room, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Room
	for _, id := range slices.Sorted(maps.Keys(m.rooms)) {
		out = append(out, m.rooms[id])
	}
	return out, nil
}
