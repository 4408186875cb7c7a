// Command takedown is a training simulator for cross-border internet-piracy
// investigations. With no command it opens the window; check, run, test and
// docs work headless.
package main

import (
	"os"

	"takedown/cli"
)

func main() {
	args := os.Args[1:]
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}
	if len(args) > 0 && cli.Headless(args[0]) {
		os.Exit(cli.Main(args, env))
	}
	os.Exit(play(args, env))
}
