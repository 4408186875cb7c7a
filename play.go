package main

import (
	"fmt"

	"takedown/cli"
)

// play opens the window. The window lives in package ui.
func play(args []string, env cli.Env) int {
	fmt.Fprintln(env.Stderr, "takedown: the window is not available in this build; use check, run, test or docs")
	return cli.ExitUsage
}
