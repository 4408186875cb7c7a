// Package ui is the Takedown window: the only package that imports Ebiten.
//
// The App draws the View of a session and turns every click and key into
// the same console commands that the headless runner and the .moves files
// use; it decides no rule of its own. Scenes (title, briefing, desk,
// hand-off, debrief, and the case as it stood at a point of the debrief's
// timeline) are types behind a small interface (scene.go): build lays out
// and adds buttons when the View, the size, the language or the scene
// changes; update turns input into effects; paint draws into a canvas that
// Draw only copies. Commands, session loading and replays run off the loop;
// saves are written off it.
//
// Layout is measured, not guessed: text wraps, panels that may overflow
// scroll with a bar of their own, and when the text is large (presenter
// mode, or a text size that leaves less than 1400 design pixels across)
// the desk shows one panel at a time. A test renders every scene at every
// supported size and scale, records each string drawn with its panel
// (recorder), and fails on text that is cut, leaves its panel or overlaps;
// another renders them in the pseudo-locale to catch text that bypassed the
// message catalogue.
//
// Shapes are drawn without antialiasing, and the map's outlines are
// rasterized on the CPU into a cached image: on Mesa's software renderer,
// Ebiten's antialiased paths cost seconds a frame.
//
// Input comes from a Source, so tests can click and type without a person.
package ui
