package ui

import (
	"image"
	"testing"

	"takedown/game"
)

// TestGoldenLargeText compares presenter mode and scale 1.5 with their
// golden images at the projector's 1280x720: the desk's console and link
// chart two days into the case, and the debrief's key decisions.
func TestGoldenLargeText(t *testing.T) {
	if !isolated(t) {
		return
	}
	for _, c := range []struct {
		state     int
		scene     string
		scale     float64
		presenter bool
		name      string
	}{
		{2, TabChart, 1, true, "presenter-chart"},
		{2, TabConsole, 1, true, "presenter-console"},
		{2, TabMap, 1, true, "presenter-map"},
		{3, SceneDebrief + "-" + pageDecisions, 1, true, "presenter-decisions"},
		{2, TabConsole, 1.5, false, "scale15-console"},
		{2, TabChart, 1.5, false, "scale15-chart"},
		{2, "menu", 1.5, false, "scale15-menu"},
		{2, "confirm", 1.5, false, "scale15-confirm"},
	} {
		d := stateDriver(t, caseStates()[c.state])
		d.renderAt(c.scene, image.Pt(1280, 720), c.scale, game.EN, c.presenter)
		d.golden(c.name)
	}
}
