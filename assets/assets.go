// Package assets holds the fonts the window draws with. Only package ui
// imports it.
//
// The Go fonts cover Latin and Cyrillic; DejaVu Sans supplies what they lack,
// such as the rouble sign, check marks and arrows, through a multi-face
// fallback. One fallback serves all three families: the symbols it supplies
// read the same in any weight, and each parsed font costs the window memory.
package assets

import (
	"github.com/go-fonts/dejavu/dejavusans"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// Font names a family of faces used by the window.
type Font int

// The font families.
const (
	Regular Font = iota
	Bold
	Mono
)

// TTF returns the primary font of a family.
func TTF(f Font) []byte {
	switch f {
	case Bold:
		return gobold.TTF
	case Mono:
		return gomono.TTF
	}
	return goregular.TTF
}

// Fallback returns the font that supplies the glyphs the families lack.
func Fallback() []byte { return dejavusans.TTF }
