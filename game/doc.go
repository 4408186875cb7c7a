// Package game holds the rules of a Takedown investigation: a deterministic
// simulation that takes commands and returns events.
//
// A Session is fully described by its Scenario, its seed and its command log.
// Nothing in this package reads the wall clock, the global random source, a
// file, Ebiten or Lua: scripts reach the session only through the Hooks
// interface, which the scripting package implements.
package game
