package records

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Collector receives the statements of a workshop room's participants on
// the host, into the host's outbox, whose Sync then forwards them to the
// academy's LRS. It is an http.Handler answering POST requests to any path
// ending in /statements, like an LRS's statements resource, so that each
// participant delivers its own outbox to the host with Sync and an LRS
// whose Config has the host's address as Endpoint and the room's token as
// Token (AllowHTTP, as rooms are on a local network).
//
// Each statement is stored with its exact bytes (a JSON array is split
// without re-encoding its elements). A request is stored all or nothing. The
// answers follow the LRS rules Sync applies, with one exception: a statement
// whose id the host has with different content is answered 400, not 409, so
// that the participant keeps it as a dead letter instead of counting it as
// delivered.
type Collector struct {
	Outbox *Outbox
	// Token is the room's secret, sent by participants as a Basic or Bearer
	// credential. Empty accepts any request: only for tests.
	Token string
	// MaxBody bounds a request's body; zero means 8 MiB.
	MaxBody int64
}

// ServeHTTP stores the statements of one request.
func (c *Collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	fail := func(status int, format string, args ...any) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, format, args...)
	}
	switch {
	case !strings.HasSuffix(r.URL.Path, "/statements"):
		fail(http.StatusNotFound, "only statements are collected here")
		return
	case r.Method != http.MethodPost:
		w.Header().Set("Allow", http.MethodPost)
		fail(http.StatusMethodNotAllowed, "statements are posted here")
		return
	case c.Token != "" && !c.authorized(r.Header.Get("Authorization")):
		fail(http.StatusUnauthorized, "the room's token is missing or wrong")
		return
	case !strings.HasPrefix(r.Header.Get("X-Experience-API-Version"), "1.0"):
		fail(http.StatusBadRequest, "X-Experience-API-Version 1.0.x is required")
		return
	}
	limit := c.MaxBody
	if limit <= 0 {
		limit = 8 << 20
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		fail(http.StatusBadRequest, "the request cannot be read: %v", err)
		return
	}
	if int64(len(b)) > limit {
		fail(http.StatusRequestEntityTooLarge, "the request is over %d bytes", limit)
		return
	}
	items, err := splitStatements(b)
	if err != nil {
		fail(http.StatusBadRequest, "%v", err)
		return
	}
	err = c.Outbox.AddBatch(items)
	var conflict *ConflictError
	switch {
	case errors.As(err, &conflict):
		fail(http.StatusBadRequest, "%v", err)
		return
	case errors.Is(err, ErrInvalidStatement):
		fail(http.StatusBadRequest, "%v", err)
		return
	case errors.Is(err, ErrFull):
		w.Header().Set("Retry-After", "60")
		fail(http.StatusServiceUnavailable, "%v", err)
		return
	case err != nil:
		fail(http.StatusInternalServerError, "%v", err)
		return
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Experience-API-Version", XAPIVersion)
	json.NewEncoder(w).Encode(ids)
}

func (c *Collector) authorized(h string) bool {
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || (scheme != "Basic" && scheme != "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(token), []byte(c.Token)) == 1
}

// splitStatements splits a statement or a JSON array of statements into
// items with their exact bytes and ids.
func splitStatements(b []byte) ([]Item, error) {
	b = bytes.TrimSpace(b)
	var raws []json.RawMessage
	switch {
	case len(b) > 0 && b[0] == '[':
		if err := json.Unmarshal(b, &raws); err != nil {
			return nil, fmt.Errorf("the body is not a JSON array of statements: %v", err)
		}
	case len(b) > 0 && b[0] == '{':
		raws = []json.RawMessage{b}
	default:
		return nil, errors.New("the body is not a statement or an array of statements")
	}
	if len(raws) == 0 {
		return nil, errors.New("the array of statements is empty")
	}
	items := make([]Item, len(raws))
	for i, raw := range raws {
		id, err := topLevel(raw, "id")
		var s string
		if err != nil || id == nil || json.Unmarshal(id, &s) != nil {
			return nil, fmt.Errorf("statement %d has no id: the room's statements must have ids", i+1)
		}
		items[i] = Item{ID: s, Statement: raw}
	}
	return items, nil
}
