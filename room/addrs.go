package room

import (
	"net"
	"strconv"
)

// JoinAddrs lists the addresses trainees can type to reach a listener:
// "IP:PORT" for every IPv4 address of the machine's interfaces that are up
// (loopback last, for a room on one machine), or the listener's own
// address when it is bound to one.
func JoinAddrs(a net.Addr) []string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return []string{a.String()}
	}
	port := strconv.Itoa(tcp.Port)
	if !tcp.IP.IsUnspecified() {
		return []string{net.JoinHostPort(tcp.IP.String(), port)}
	}
	var out, loop []string
	ifaces, err := net.Interfaces()
	if err != nil {
		return []string{net.JoinHostPort("127.0.0.1", port)}
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, ad := range addrs {
			ipn, ok := ad.(*net.IPNet)
			if !ok || ipn.IP.To4() == nil || ipn.IP.IsLinkLocalUnicast() {
				continue
			}
			hp := net.JoinHostPort(ipn.IP.String(), port)
			if ipn.IP.IsLoopback() {
				loop = append(loop, hp)
			} else {
				out = append(out, hp)
			}
		}
	}
	return append(out, loop...)
}
