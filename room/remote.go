package room

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Remote drives a room from another machine with the instructor's token:
// a presenter's laptop beside the host, or the app watching a room that
// `takedown host` serves. Its methods may be called from any goroutine.
type Remote struct {
	addr  string
	token string
	http  *http.Client
}

// NewRemote returns a remote control of the room at addr (host:port).
func NewRemote(addr, token string) *Remote {
	return &Remote{addr: addr, token: token, http: &http.Client{Timeout: 30 * time.Second}}
}

// Dashboard fetches the room's dashboard.
func (r *Remote) Dashboard(ctx context.Context) (Dashboard, error) {
	var d Dashboard
	return d, r.do(ctx, http.MethodGet, "/v1/dashboard", nil, nil, &d)
}

// Plenary fetches the plenary debrief.
func (r *Remote) Plenary(ctx context.Context) (Plenary, error) {
	var p Plenary
	return p, r.do(ctx, http.MethodGet, "/v1/plenary", nil, nil, &p)
}

// Watch fetches a trainee's desk as the host replayed it.
func (r *Remote) Watch(ctx context.Context, id string) (Watched, error) {
	var w Watched
	return w, r.do(ctx, http.MethodGet, "/v1/watch", url.Values{"id": {id}}, nil, &w)
}

// Command sends an instructor's command (see Host.Command) and returns how
// many trainees it reached.
func (r *Remote) Command(ctx context.Context, to Target, line string) (int, error) {
	var res CommandResult
	return res.Reached, r.do(ctx, http.MethodPost, "/v1/command", nil, CommandRequest{Target: to, Line: line}, &res)
}

// SetBudget restarts the countdown (see Host.SetBudget).
func (r *Remote) SetBudget(ctx context.Context, d time.Duration) (Clock, error) {
	var c Clock
	return c, r.do(ctx, http.MethodPost, "/v1/budget", nil, BudgetRequest{Minutes: d.Minutes()}, &c)
}

// Export writes the room's archive to w.
func (r *Remote) Export(ctx context.Context, w io.Writer) error {
	return r.do(ctx, http.MethodGet, "/v1/export", nil, nil, w)
}

// do makes one request; out is a value to decode the JSON answer into, or
// an io.Writer for the raw body. A refusal comes back as *RefusedError.
func (r *Remote) do(ctx context.Context, method, path string, q url.Values, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	u := (&url.URL{Scheme: "http", Host: r.addr, Path: path, RawQuery: q.Encode()}).String()
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+r.token)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := r.http.Do(req)
	if err != nil {
		return fmt.Errorf("cannot reach the room at %s: %w", r.addr, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var rf RefusalFrame
		b, _ := io.ReadAll(io.LimitReader(resp.Body, MaxFrame))
		if json.Unmarshal(b, &rf) == nil && rf.Code != "" {
			return &RefusedError{Code: rf.Code, Msg: rf.Msg, Fatal: rf.Fatal}
		}
		return fmt.Errorf("the room at %s answered %s", r.addr, resp.Status)
	}
	if w, ok := out.(io.Writer); ok {
		_, err = io.Copy(w, io.LimitReader(resp.Body, maxArchiveUnpacked))
		return err
	}
	return json.NewDecoder(io.LimitReader(resp.Body, maxLogBytes)).Decode(out)
}
