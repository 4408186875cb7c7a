// Command takedown is a training simulator for cross-border internet-piracy
// investigations. With no command it opens the window; check, run, test,
// docs, graph and new work headless.
package main

import (
	"os"

	lua "github.com/yuin/gopher-lua"

	"takedown/cli"
)

func main() {
	// gopher-lua fills a table's array part up to any index below this in one
	// uninterruptible step; lowering it keeps `t[1e7] = 1` in a scenario from
	// stalling the program (see scripting/sandbox).
	lua.MaxArrayIndex = 1 << 20
	args := os.Args[1:]
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}
	if len(args) > 0 && cli.Headless(args[0]) {
		os.Exit(cli.Main(args, env))
	}
	os.Exit(play(args, env))
}
