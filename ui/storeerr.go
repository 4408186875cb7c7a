package ui

import (
	"errors"
	"path/filepath"
	"strconv"

	"takedown/game"
	"takedown/save"
)

// storeProblem says in the window's language why the save folder could not
// be opened: another Takedown has it open, or it cannot be used at all.
func (a *App) storeProblem(err error) string {
	var l *save.LockedError
	if errors.As(err, &l) {
		if l.PID > 0 {
			return a.t("save_locked_pid", game.Str("dir", l.Dir), game.Str("pid", strconv.Itoa(l.PID)))
		}
		return a.t("save_locked", game.Str("dir", l.Dir))
	}
	return a.t("save_unusable", game.Str("err", err.Error()))
}

// keepWhole keeps the whole save data of name aside before the app goes on
// from the part of it that replayed. It returns the copy's path, or why it
// could not be kept.
func keepWhole(store Store, name string, data []byte) (string, error) {
	w, err := store.KeepCopy(name, data)
	if err != nil {
		return "", err
	}
	if d, ok := store.(interface{ Dir() string }); ok {
		return filepath.Join(d.Dir(), w.Files[0]), nil
	}
	return w.Files[0], nil
}

// copyNote says where the whole of a partly replayed save was kept.
func (a *App) copyNote(o opened) string {
	if o.copyErr != nil {
		return a.t("save_copy_failed", game.Str("err", o.copyErr.Error()))
	}
	return a.t("save_copy_kept", game.Str("file", o.copied))
}
