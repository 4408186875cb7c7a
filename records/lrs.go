package records

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// XAPIVersion is the xAPI version sent in every request's
// X-Experience-API-Version header.
const XAPIVersion = "1.0.3"

// Answer is an LRS's answer to a request.
type Answer struct {
	Status int
	Body   []byte // the start of the body (at most 4 KiB for posts)
	// RetryAfter is the delay a Retry-After header asked for, in seconds
	// form; zero when there was none.
	RetryAfter time.Duration
}

// Poster posts a body of statements to an LRS's statements resource. An
// error means no answer came (a network error, or the context ended); every
// answer, whatever its status, comes back as an Answer. *LRS is the Poster
// for HTTP.
type Poster interface {
	PostStatements(ctx context.Context, body []byte) (Answer, error)
}

// LRS talks xAPI 1.0.3 over HTTP to one endpoint with one credential. It
// does not follow redirects: a redirect is reported as a *StatusError by
// Sync, so that credentials never go where the settings did not say.
type LRS struct {
	cfg    Config
	client *http.Client
}

// NewLRS returns an LRS for a valid configuration. client may be nil for a
// default client with cfg.Timeout; a given client is copied and set not to
// follow redirects.
func NewLRS(cfg Config, client *http.Client) (*LRS, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var c http.Client
	if client != nil {
		c = *client
	}
	if cfg.Timeout > 0 {
		c.Timeout = cfg.Timeout
	} else if c.Timeout == 0 {
		c.Timeout = 30 * time.Second
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &LRS{cfg: cfg, client: &c}, nil
}

// Endpoint returns the LRS's endpoint.
func (l *LRS) Endpoint() string { return l.cfg.Endpoint }

// PostStatements posts body, a statement or a JSON array of statements, to
// the statements resource with the xAPI headers and the credentials.
func (l *LRS) PostStatements(ctx context.Context, body []byte) (Answer, error) {
	return l.do(ctx, http.MethodPost, l.cfg.StatementsURL(), body, maxAnswer)
}

// get reads a resource of the endpoint with the query q, keeping up to limit
// bytes of the answer. It fails if the body cannot be read.
func (l *LRS) get(ctx context.Context, resource string, q url.Values, limit int64) (Answer, error) {
	u := resourceURL(l.cfg.Endpoint, resource)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return l.do(ctx, http.MethodGet, u, nil, limit)
}

func (l *LRS) do(ctx context.Context, method, u string, body []byte, limit int64) (Answer, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return Answer{}, err
	}
	req.Header.Set("X-Experience-API-Version", XAPIVersion)
	req.Header.Set("Authorization", l.cfg.authorization())
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := l.client.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer resp.Body.Close()
	a := Answer{Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"))}
	a.Body, err = io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil && method == http.MethodGet {
		return Answer{}, err
	}
	// Read a little more so the connection can be reused.
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return a, nil
}

// retryAfter reads a Retry-After header in its seconds form, at most an
// hour.
func retryAfter(h string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(h))
	if err != nil || n <= 0 {
		return 0
	}
	return time.Duration(min(n, 3600)) * time.Second
}
