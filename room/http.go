package room

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"takedown/game"
)

// maxBody bounds a request body the host reads.
const maxBody = 8 << 10

// Handler returns the room's HTTP handler: the join page, the public info,
// the scenario download, the trainees' WebSocket and the instructor's API.
func (h *Host) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.serveJoinPage)
	mux.HandleFunc("GET /join", h.serveJoinPage)
	mux.HandleFunc("GET /v1/info", h.serveInfo)
	mux.HandleFunc("GET /v1/scenario", h.serveScenario)
	mux.HandleFunc("GET /v1/ws", h.serveTrainee)
	mux.HandleFunc("GET /v1/log", h.serveLog)
	mux.HandleFunc("GET /v1/dashboard", h.instructor(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, h.Dashboard())
	}))
	mux.HandleFunc("GET /v1/plenary", h.instructor(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, h.Plenary())
	}))
	mux.HandleFunc("GET /v1/watch", h.instructor(h.serveWatch))
	mux.HandleFunc("GET /v1/export", h.instructor(h.serveExport))
	mux.HandleFunc("POST /v1/command", h.instructor(h.serveCommand))
	mux.HandleFunc("POST /v1/budget", h.instructor(h.serveBudget))
	return mux
}

// serveJoinPage tells a person who opened the join address (a phone that
// read the QR code) what to do.
func (h *Host) serveJoinPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "Takedown workshop room\n\nOpen Takedown on your computer, choose Join a room, and type this address (%s) and the room code the instructor shows.\n", r.Host)
}

// PublicInfo is what anyone on the network may learn of a room: enough to
// tell rooms apart, never the code.
type PublicInfo struct {
	Proto    int       `json:"proto"`
	App      string    `json:"app"`
	Scenario string    `json:"scenario"`
	Title    game.Text `json:"title"`
	Hash     string    `json:"hash"`
}

func (h *Host) serveInfo(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, PublicInfo{Proto: Protocol, App: h.opt.App, Scenario: h.bundle.ID, Title: h.bundle.Title, Hash: h.bundle.Hash})
}

// serveScenario sends the scenario's sources to an app that knows the room
// code and speaks the same protocol.
func (h *Host) serveScenario(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if p := q.Get("proto"); p != strconv.Itoa(Protocol) {
		writeRefusal(w, fatal(CodeProtocol, "room.refused.protocol", game.Str("host", strconv.Itoa(Protocol)), game.Str("app", clip(p, 20))))
		return
	}
	if app := q.Get("app"); app != "" && app != h.opt.App {
		writeRefusal(w, fatal(CodeApp, "room.refused.app", game.Str("host", h.opt.App), game.Str("app", clip(app, 80))))
		return
	}
	if !sameSecret(NormalizeCode(q.Get("code")), h.opt.Code) {
		if !h.joins.allow(clientIP(r)) {
			writeRefusal(w, refuse(CodeRate, "room.refused.rate"))
			return
		}
		writeRefusal(w, fatal(CodeRoomCode, "room.refused.code"))
		return
	}
	writeJSON(w, http.StatusOK, h.bundle)
}

// serveLog gives a trainee its own log as the host accepted it, so that an
// app restarted from an older save catches up. It needs the trainee's
// session token.
func (h *Host) serveLog(w http.ResponseWriter, r *http.Request) {
	tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	h.mu.Lock()
	t := h.byToken[tok]
	h.mu.Unlock()
	if t == nil || tok == "" {
		if !h.joins.allow(clientIP(r)) {
			writeRefusal(w, refuse(CodeRate, "room.refused.rate"))
			return
		}
		writeRefusal(w, fatal(CodeSession, "room.refused.session"))
		return
	}
	t.mu.Lock()
	var log []byte
	if t.sess != nil {
		log = t.sess.LogText()
	}
	t.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write(log)
}

// instructor wraps a handler that needs the instructor's token.
func (h *Host) instructor(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || !sameSecret(tok, h.opt.Token) {
			if !h.joins.allow(clientIP(r)) {
				writeRefusal(w, refuse(CodeRate, "room.refused.rate"))
				return
			}
			writeRefusal(w, fatal(CodeToken, "room.refused.token"))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next(w, r)
	}
}

// Watched is a trainee's desk as the host replayed it, for the
// instructor's read-only view.
type Watched struct {
	ID     string       `json:"id"`
	Name   string       `json:"name"`
	Team   string       `json:"team,omitempty"`
	View   *game.View   `json:"view"`
	Events []game.Event `json:"events"`
}

func (h *Host) serveWatch(w http.ResponseWriter, r *http.Request) {
	s, err := h.Watch(r.URL.Query().Get("id"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, Watched{ID: s.ID(), Name: s.Name(), Team: s.Team(), View: s.View(), Events: s.Events()})
}

func (h *Host) serveExport(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", ArchiveName(h.opt.Code, h.opt.Now())))
	_ = h.Export(w) // a failed write has already broken the response
}

// CommandRequest is the body of POST /v1/command.
type CommandRequest struct {
	Target Target `json:"target"`
	Line   string `json:"line"`
}

// CommandResult answers it.
type CommandResult struct {
	Reached int `json:"reached"`
}

func (h *Host) serveCommand(w http.ResponseWriter, r *http.Request) {
	var req CommandRequest
	if err := decodeStrictReader(r, &req); err != nil {
		writeRefusal(w, refuse(CodeMalformed, "room.refused.malformed", game.Str("err", shortErr(err))))
		return
	}
	n, err := h.Command(req.Target, req.Line)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, CommandResult{Reached: n})
}

// BudgetRequest is the body of POST /v1/budget.
type BudgetRequest struct {
	Minutes float64 `json:"minutes"`
}

func (h *Host) serveBudget(w http.ResponseWriter, r *http.Request) {
	var req BudgetRequest
	if err := decodeStrictReader(r, &req); err != nil || req.Minutes < 0 || req.Minutes > 24*60 {
		writeRefusal(w, refuse(CodeMalformed, "room.refused.field", game.Str("field", "minutes")))
		return
	}
	h.SetBudget(time.Duration(req.Minutes * float64(time.Minute)))
	writeJSON(w, http.StatusOK, h.clockNow())
}

func decodeStrictReader(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // a failed write has already broken the response
}

// writeError answers with a refusal, or a plain refusal of the message a
// usage error carries.
func writeError(w http.ResponseWriter, err error) {
	var r *RefusedError
	var u *game.UsageError
	switch {
	case errors.As(err, &r):
		writeRefusal(w, r)
	case errors.As(err, &u):
		writeRefusal(w, &RefusedError{Code: CodeInstructor, Msg: u.Msg})
	default:
		writeRefusal(w, refuse(CodeMalformed, "room.refused.malformed", game.Str("err", shortErr(err))))
	}
}

// writeRefusal answers with a refusal and the HTTP status that fits it.
func writeRefusal(w http.ResponseWriter, r *RefusedError) {
	status := http.StatusBadRequest
	switch r.Code {
	case CodeRoomCode, CodeToken:
		status = http.StatusForbidden
	case CodeProtocol, CodeApp, CodeScenario, CodeHash, CodeState:
		status = http.StatusConflict
	case CodeRate:
		status = http.StatusTooManyRequests
	case CodeTarget:
		status = http.StatusNotFound
	case CodeClosed:
		status = http.StatusGone
	}
	writeJSON(w, status, refusalFrame(r))
}
