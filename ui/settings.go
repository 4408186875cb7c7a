package ui

import (
	"fmt"
	"strconv"
	"strings"

	"takedown/game"
)

// settingsName is the save that keeps the window's settings.
const settingsName = "settings"

// settings are what the window remembers between runs.
type settings struct {
	scale          float64
	lang           game.Lang
	presenter      bool
	reasonRequired bool
	records        recordSettings // the LRS, the account, the reports' folder
}

// loadSettings reads the settings chosen last time.
func loadSettings(st Store) settings {
	s := settings{scale: 1, lang: game.EN}
	if st == nil {
		return s
	}
	data, _, err := st.Read(settingsName)
	if err != nil {
		return s
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, _ := strings.Cut(line, " ")
		switch k {
		case "scale":
			if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0.5 && f <= 3 {
				s.scale = f
			}
		case "lang":
			if game.ValidLang(game.Lang(v)) {
				s.lang = game.Lang(v)
			}
		case "presenter":
			s.presenter = v == "on"
		case "reason":
			s.reasonRequired = v == "required"
		default:
			s.records.parse(k, v)
		}
	}
	return s
}

// saveSettings keeps the settings for the next start.
func (a *App) saveSettings() {
	if a.saver == nil {
		return
	}
	onOff := map[bool]string{true: "on", false: "off"}
	reason := map[bool]string{true: "required", false: "optional"}
	a.saver.put(settingsName, []byte(fmt.Sprintf("scale %.2f\nlang %s\npresenter %s\nreason %s\n",
		a.opt.Scale, a.lang, onOff[a.presenter], reason[a.reasonRequired])+a.recSet.text()))
}
