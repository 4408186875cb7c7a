package room

import (
	"strings"
	"time"

	"takedown/game"
	"takedown/i18n"
	"takedown/records"
)

// RecordsEvery is how often a host that keeps the room's training records
// builds them anew from its replays and forwards them.
const RecordsEvery = 15 * time.Second

// Statements returns the training records of every trainee in the room, as
// xAPI statements built from the host's own replay of each trainee's log:
// what the rules say happened, not what an app reports. Each trainee is an
// account named by the name it joined with on the academy's home page (by
// its id in the room when that name looks like an e-mail address, which
// records never carry). A case not yet ended gives no closing statements;
// the same log always gives the same statements, so pushing them to an
// outbox again adds only what is new.
func (h *Host) Statements(home string, text *i18n.Catalog) ([]records.Statement, error) {
	var out []records.Statement
	for _, t := range h.list() {
		sts, err := t.statements(home, h.Code(), text)
		if err != nil {
			return out, err
		}
		out = append(out, sts...)
	}
	return out, nil
}

// statements builds one trainee's records under its lock.
func (t *trainee) statements(home, code string, text *i18n.Catalog) ([]records.Statement, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sess == nil || t.entries() == 0 {
		return nil, nil
	}
	name := t.name
	if name == "" || strings.Contains(name, "@") {
		name = "room-" + code + "-" + t.id
	}
	s := records.Session{Log: t.sess.Log(), Events: t.sess.Events(), View: t.sess.View()}
	return records.Statements(s, records.StatementOptions{Account: records.Account{HomePage: home, Name: name}, Text: text})
}

// TraineeLog is one trainee's log as the host holds it.
type TraineeLog struct {
	ID, Name, Team string
	Log            game.SessionLog
}

// Logs returns the log of every trainee who has given a command, in the
// order they joined: the host's own replay, for the room's reports.
func (h *Host) Logs() []TraineeLog {
	var out []TraineeLog
	for _, t := range h.list() {
		t.mu.Lock()
		if t.sess != nil && t.entries() > 0 {
			out = append(out, TraineeLog{ID: t.id, Name: t.name, Team: t.team, Log: t.sess.Log()})
		}
		t.mu.Unlock()
	}
	return out
}
