package room

import (
	"net"
	"os"

	"takedown/game"
	"takedown/room/lan"
)

// Announce announces the room on the local network with a (lan.Zeroconf in
// the app, lan.Memory in tests) until the returned stop is called. The room
// code is never announced: trainees still type it.
func (h *Host) Announce(a lan.Announcer) (stop func(), err error) {
	in := h.Info()
	port := 0
	if tcp, ok := h.Addr().(*net.TCPAddr); ok {
		port = tcp.Port
	}
	name, err := os.Hostname()
	if err != nil || name == "" {
		name = "instructor"
	}
	return a.Announce(lan.Room{Instance: "Takedown on " + name, Addrs: in.Addrs, Port: port,
		Scenario: in.Scenario, Title: in.Title.In(game.EN), Proto: Protocol})
}
