// Command takedown is a training simulator for cross-border internet-piracy
// investigations. With no command it opens the window; check, run, test,
// docs, graph and new work headless.
package main

import (
	"os"

	"takedown/cli"
)

func main() {
	args := os.Args[1:]
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}
	if len(args) > 0 && cli.Headless(args[0]) {
		// The window library locks the main goroutine to the main OS thread
		// when the program starts. Headless commands run on another
		// goroutine, so that the scheduler moves them and the sandbox's
		// watchdog freely between threads (about 5x faster on scripts with
		// many handler calls; see the README).
		done := make(chan int)
		go func() { done <- cli.Main(args, env) }()
		os.Exit(<-done)
	}
	os.Exit(play(args, env))
}
