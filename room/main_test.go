package room

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"testing"

	"takedown/catalog"
	"takedown/engine"
)

// benchHostEnv, when set, makes the test binary a room host for a
// benchmark that runs in another process (so that the host's CPU time can
// be measured on its own).
const benchHostEnv = "TAKEDOWN_ROOM_BENCH_HOST"

func TestMain(m *testing.M) {
	if os.Getenv(benchHostEnv) != "" {
		os.Exit(benchHost())
	}
	os.Exit(m.Run())
}

// hostAddr is what a benchmark host prints: where to reach it.
type hostAddr struct {
	Addr  string `json:"addr"`
	Code  string `json:"code"`
	Token string `json:"token"`
}

// benchHost serves a room of film-site on loopback until its standard
// input closes.
func benchHost() int {
	prog, err := engine.Open(catalog.New(), "film-site")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	h, err := NewHost(prog, Options{Addr: "127.0.0.1:0", Seed: 1, MaxTrainees: 200})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := json.NewEncoder(os.Stdout).Encode(hostAddr{Addr: h.Addr().String(), Code: h.Code(), Token: h.Token()}); err != nil {
		return 1
	}
	_, _ = io.Copy(io.Discard, os.Stdin)
	h.Close()
	h.Release()
	return 0
}
