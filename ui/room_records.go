package ui

import (
	"sync"
	"time"

	"takedown/i18n"
	"takedown/room"
)

// roomRecorder builds a hosted room's statements, every trainee's, from the
// host's own replays, and hands them to the records keeper, which keeps them
// in the app's outbox and sends them to the LRS of the settings with the
// instructor's own. Each trainee is the account named as it joined, on the
// academy's home page of the settings.
type roomRecorder struct {
	keeper *recordsKeeper
	home   string
	text   *i18n.Catalog

	mu   sync.Mutex // the poller and the loop both record
	last time.Time  // when the room was last recorded
}

// newRoomRecorder returns the recorder of a room the window hosts, or nil
// when the app keeps no records (or keeps a cmi5 launch's, which are the
// launched trainee's alone).
func (a *App) newRoomRecorder() *roomRecorder {
	if a.keeper == nil || a.keeper.cmi != nil {
		return nil
	}
	return &roomRecorder{keeper: a.keeper, home: a.keeper.effective(a.recSet).accountOf().HomePage, text: a.text}
}

// record builds the room's statements now and queues them; unless final,
// at most every room.RecordsEvery.
func (hr *hostedRoom) record(final bool) {
	r := hr.rec
	if r == nil || hr.sim != nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	if !final && now.Sub(r.last) < room.RecordsEvery {
		return
	}
	r.last = now
	sts, err := hr.h.Statements(r.home, r.text)
	if err != nil {
		r.keeper.problem(err.Error())
	}
	if len(sts) > 0 {
		r.keeper.push(pushJob{room: sts})
	}
}
