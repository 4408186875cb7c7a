package ui

import (
	"bytes"
	"fmt"
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"takedown/assets"
)

// colors is the palette, chosen for a projector: bright text on a dark
// ground, every text pair well above a 7:1 contrast ratio.
type colors struct {
	bg, panel, panel2, line, text, dim, accent, good, bad, info, warn, term, termText, termCmd, focus, btn, btnHover, btnText color.NRGBA
}

func defaultColors() colors {
	return colors{
		bg:       color.NRGBA{0x0e, 0x13, 0x19, 0xff},
		panel:    color.NRGBA{0x19, 0x22, 0x2d, 0xff},
		panel2:   color.NRGBA{0x22, 0x2e, 0x3c, 0xff},
		line:     color.NRGBA{0x4a, 0x5a, 0x6e, 0xff},
		text:     color.NRGBA{0xf4, 0xf7, 0xfa, 0xff},
		dim:      color.NRGBA{0xbc, 0xc8, 0xd4, 0xff},
		accent:   color.NRGBA{0xff, 0xd2, 0x3f, 0xff},
		good:     color.NRGBA{0x6b, 0xe0, 0x95, 0xff},
		bad:      color.NRGBA{0xff, 0x7a, 0x7a, 0xff},
		info:     color.NRGBA{0x7c, 0xc4, 0xff, 0xff},
		warn:     color.NRGBA{0xff, 0xa9, 0x4d, 0xff},
		term:     color.NRGBA{0x07, 0x0a, 0x0d, 0xff},
		termText: color.NRGBA{0xdc, 0xf2, 0xd8, 0xff},
		termCmd:  color.NRGBA{0xff, 0xd2, 0x3f, 0xff},
		focus:    color.NRGBA{0xff, 0xd2, 0x3f, 0xff},
		btn:      color.NRGBA{0x2c, 0x4a, 0x6e, 0xff},
		btnHover: color.NRGBA{0x3d, 0x67, 0x99, 0xff},
		btnText:  color.NRGBA{0xff, 0xff, 0xff, 0xff},
	}
}

// fontSources holds the parsed font files, shared by every size.
type fontSources struct {
	regular, bold, mono [2]*text.GoTextFaceSource
}

func loadFontSources() (*fontSources, error) {
	parse := func(data []byte) (*text.GoTextFaceSource, error) {
		s, err := text.NewGoTextFaceSource(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("font: %v", err)
		}
		return s, nil
	}
	fallback, err := parse(assets.Fallback())
	if err != nil {
		return nil, err
	}
	var fs fontSources
	for _, f := range []struct {
		dst  *[2]*text.GoTextFaceSource
		font assets.Font
	}{{&fs.regular, assets.Regular}, {&fs.bold, assets.Bold}, {&fs.mono, assets.Mono}} {
		s, err := parse(assets.TTF(f.font))
		if err != nil {
			return nil, err
		}
		*f.dst = [2]*text.GoTextFaceSource{s, fallback}
	}
	return &fs, nil
}

// face makes a face of a size with its fallback.
func (fs *fontSources) face(src [2]*text.GoTextFaceSource, size float64) text.Face {
	m, err := text.NewMultiFace(&text.GoTextFace{Source: src[0], Size: size}, &text.GoTextFace{Source: src[1], Size: size})
	if err != nil {
		return &text.GoTextFace{Source: src[0], Size: size}
	}
	return m
}

// fonts is every face the window uses at one scale.
type fonts struct {
	body, bold, small, head, title, mono, button, large                       text.Face
	lineBody, lineMono, lineSmall, lineHead, lineLarge, lineTitle, lineButton float64
	// px is the body text's size in pixels; least the smallest face's.
	px, least float64
}

// at makes the faces for a scale. No face is smaller than least pixels:
// presenter mode sets it so that the back of a room reads every line.
func (fs *fontSources) at(scale, least float64) *fonts {
	px := func(v float64) float64 { return max(least, float64(int(v*scale+0.5))) }
	line := func(size float64) float64 { return float64(int(size*4/3 + 0.5)) }
	f := &fonts{
		body:   fs.face(fs.regular, px(24)),
		bold:   fs.face(fs.bold, px(24)),
		small:  fs.face(fs.regular, px(20)),
		head:   fs.face(fs.bold, px(30)),
		title:  fs.face(fs.bold, px(50)),
		mono:   fs.face(fs.mono, px(21)),
		button: fs.face(fs.bold, px(22)),
		large:  fs.face(fs.regular, px(28)),
		px:     px(24),
	}
	f.least = min(px(24), px(20), px(21), px(22), px(28), px(30))
	f.lineBody, f.lineMono, f.lineSmall = line(px(24)), line(px(21))-1, line(px(20))
	f.lineHead, f.lineLarge, f.lineTitle, f.lineButton = line(px(30)), line(px(28)), line(px(50)), line(px(22))
	return f
}
