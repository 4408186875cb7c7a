// Package assets holds the fonts the window draws with. Only package ui
// imports it.
//
// The Go fonts cover Latin and Cyrillic; DejaVu supplies what they lack, such
// as the rouble sign and check marks, through a multi-face fallback.
package assets

import (
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// Font names a family of faces used by the window.
type Font int

// The font families: a primary TrueType font and its fallback.
const (
	Regular Font = iota
	Bold
	Mono
)

// TTF returns the primary font and the fallback font of a family.
func TTF(f Font) (primary, fallback []byte) {
	switch f {
	case Bold:
		return gobold.TTF, dejavusansbold.TTF
	case Mono:
		return gomono.TTF, dejavusansmono.TTF
	}
	return goregular.TTF, dejavusans.TTF
}
