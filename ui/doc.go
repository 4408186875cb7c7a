// Package ui is the Takedown window: the only package that imports Ebiten.
//
// The App draws a snapshot of a game.Session and turns every click and key
// into the same console commands that the headless runner and the .moves
// files use. Scenes (title, briefing, desk, hand-off, debrief) are rebuilt
// from the session whenever it changes; between changes nothing is redrawn.
// Input comes from a Source, so tests can click and type without a person.
package ui
