// Package scenarios embeds the scenarios that ship with Takedown, their
// walkthroughs and the shared jurisdiction rule packs.
package scenarios

import (
	"embed"
	"io/fs"
)

//go:embed *.lua *.moves rules/*.lua
var files embed.FS

// FS returns the embedded scenarios: NAME.lua files with their NAME.*.moves
// walkthroughs at the top level.
func FS() fs.FS { return files }

// Rules returns the embedded rule packs as ID.lua files.
func Rules() fs.FS {
	sub, err := fs.Sub(files, "rules")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return sub
}

// Default is the scenario the app opens when none is named.
const Default = "film-site"
