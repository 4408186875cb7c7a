// Package scripting is the boundary between Takedown and the Lua scenarios
// that instructors write. It runs a scenario in a sandbox, builds the
// game.Scenario it declares, and calls its handlers during play through the
// game.Hooks interface. Every function a scenario may call is registered in
// one table (API) together with its documentation; the reference and the
// editor stubs are generated from that table.
package scripting
