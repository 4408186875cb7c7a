package records

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Config says where and how to deliver statements: the LRS the academy
// configured in the settings or on the command line, or, for a cmi5 launch,
// the endpoint and token the LMS gave (see AU.LRS).
type Config struct {
	// Endpoint is the LRS's xAPI base URL, such as
	// https://lrs.academy.example/xapi/; statements go to Endpoint +
	// "statements".
	Endpoint string
	// Username and Password are HTTP Basic credentials (an LRS's key and
	// secret). Give them or Token, not both.
	Username string
	Password string
	// Token is a ready credential: a cmi5 auth-token, or an OAuth bearer
	// token. TokenScheme says how it is sent: "Basic" (the default, as
	// cmi5 requires) or "Bearer".
	Token       string
	TokenScheme string
	// AllowHTTP permits an http:// endpoint that is not on this computer,
	// for a closed training network; the credentials then cross it
	// unencrypted.
	AllowHTTP bool
	// Timeout bounds each request; zero means 30 seconds.
	Timeout time.Duration
}

// ConfigError names a setting and what is wrong with it.
type ConfigError struct {
	Field   string // the key ParseConfig takes, such as "endpoint"
	Problem string
}

// Error names the setting and the problem.
func (e *ConfigError) Error() string { return "LRS setting " + e.Field + ": " + e.Problem }

// Validate checks the configuration and returns every problem found, each a
// *ConfigError, joined.
func (c Config) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, &ConfigError{Field: field, Problem: fmt.Sprintf(format, args...)})
	}
	if err := checkEndpoint(c.Endpoint, c.AllowHTTP); err != nil {
		bad("endpoint", "%s", err)
	}
	basic := c.Username != "" || c.Password != ""
	switch {
	case basic && c.Token != "":
		bad("token", "give a user name and password or a token, not both")
	case !basic && c.Token == "":
		bad("username", "no credentials: give a user name and password (the LRS's key and secret) or a token")
	case basic && c.Username == "":
		bad("username", "a password is given without a user name")
	case basic && c.Password == "":
		bad("password", "a user name is given without a password")
	}
	if strings.Contains(c.Username, ":") {
		bad("username", "a user name for Basic authentication cannot contain ':'")
	}
	if hasControl(c.Username + c.Password + c.Token) {
		bad("token", "the credentials contain control characters")
	}
	if c.Token != "" && strings.ContainsAny(c.Token, " \t") {
		bad("token", "the token contains spaces; give the token alone, without \"Basic\" or \"Bearer\"")
	}
	switch c.TokenScheme {
	case "", "Basic", "Bearer":
	default:
		bad("token-scheme", "%q is not Basic or Bearer", c.TokenScheme)
	}
	if c.TokenScheme != "" && c.Token == "" {
		bad("token-scheme", "a token scheme is given without a token")
	}
	if c.Timeout < 0 {
		bad("timeout", "it cannot be negative")
	}
	return errors.Join(errs...)
}

// checkEndpoint checks an xAPI base URL.
func checkEndpoint(s string, allowHTTP bool) error {
	if s == "" {
		return errors.New("no endpoint given")
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("%q is not a URL", s)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%q must start with https:// (or http://)", s)
	case u.Host == "" || u.Hostname() == "":
		return fmt.Errorf("%q has no host", s)
	case u.User != nil:
		return fmt.Errorf("%q contains credentials: give them as the user name and password instead", s)
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		return fmt.Errorf("%q must not have a query or fragment", s)
	case u.Scheme == "http" && !allowHTTP && !loopback(u.Hostname()):
		return fmt.Errorf("%q uses http://, which would send the credentials unencrypted: use https://, or allow http for a closed training network", s)
	}
	return nil
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// StatementsURL returns the URL statements are posted to: the endpoint with
// a trailing slash, then "statements".
func (c Config) StatementsURL() string { return resourceURL(c.Endpoint, "statements") }

func resourceURL(endpoint, resource string) string {
	if !strings.HasSuffix(endpoint, "/") {
		endpoint += "/"
	}
	return endpoint + resource
}

// authorization returns the Authorization header's value.
func (c Config) authorization() string {
	if c.Token != "" {
		scheme := c.TokenScheme
		if scheme == "" {
			scheme = "Basic"
		}
		return scheme + " " + c.Token
	}
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(c.Username+":"+c.Password))
}

// String describes the configuration without its secrets, for logs.
func (c Config) String() string {
	auth := "no credentials"
	switch {
	case c.Token != "":
		auth = "a token"
	case c.Username != "":
		auth = "user " + strconv.Quote(c.Username)
	}
	return fmt.Sprintf("LRS %s with %s", c.Endpoint, auth)
}

// ConfigKeys returns the keys ParseConfig takes, as a settings file or the
// command line names them (flags with an "lrs-" prefix, say).
func ConfigKeys() []string {
	return []string{"endpoint", "username", "password", "token", "token-scheme", "allow-http", "timeout"}
}

// ParseConfig builds a Config from settings given as text, such as a
// settings file's LRS table merged with command-line flags: endpoint,
// username, password, token, token-scheme (Basic or Bearer), allow-http
// (true or false) and timeout (a Go duration such as "30s"). Empty values
// are ignored. It returns the Config and, if any, the problems found, each
// a *ConfigError, joined; an unknown key is one of them.
func ParseConfig(values map[string]string) (Config, error) {
	var c Config
	var errs []error
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := strings.TrimSpace(values[k])
		if v == "" {
			continue
		}
		switch k {
		case "endpoint":
			c.Endpoint = v
		case "username":
			c.Username = v
		case "password":
			c.Password = values[k] // spaces may belong to a password
		case "token":
			c.Token = v
		case "token-scheme":
			c.TokenScheme = v
		case "allow-http":
			b, err := strconv.ParseBool(v)
			if err != nil {
				errs = append(errs, &ConfigError{Field: k, Problem: fmt.Sprintf("%q is not true or false", v)})
			}
			c.AllowHTTP = b
		case "timeout":
			d, err := time.ParseDuration(v)
			if err != nil {
				errs = append(errs, &ConfigError{Field: k, Problem: fmt.Sprintf("%q is not a duration such as 30s", v)})
			}
			c.Timeout = d
		default:
			errs = append(errs, &ConfigError{Field: k, Problem: "unknown setting; known are " + strings.Join(ConfigKeys(), ", ")})
		}
	}
	if len(errs) == 0 {
		if err := c.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return c, errors.Join(errs...)
}
