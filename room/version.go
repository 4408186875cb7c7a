package room

import (
	"runtime/debug"
	"strconv"

	"takedown/game"
)

// AppVersion names this build of the program for the room: its module
// version, its source revision when the build recorded one, and the
// versions of the log format and the scenario API. A host refuses an app
// whose name differs, since another build may play the rules differently.
func AppVersion() string {
	v := "takedown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		v += " " + bi.Main.Version
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && len(s.Value) >= 12:
				v += " " + s.Value[:12]
			case s.Key == "vcs.modified" && s.Value == "true":
				v += "+changes"
			}
		}
	}
	return v + " log " + strconv.Itoa(game.LogVersion) + " api " + strconv.Itoa(game.APIVersion)
}
