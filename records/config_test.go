package records

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name   string
		values map[string]string
		field  string // the field of the first problem; "" for none
		msg    string // part of the message
	}{
		{"basic", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "username": "key", "password": "secret"}, "", ""},
		{"token", map[string]string{"endpoint": "https://lrs.academy.test/xapi", "token": "abc", "token-scheme": "Bearer"}, "", ""},
		{"loopback http", map[string]string{"endpoint": "http://127.0.0.1:8080/xapi/", "token": "abc"}, "", ""},
		{"localhost http", map[string]string{"endpoint": "http://localhost/xapi/", "token": "abc"}, "", ""},
		{"LAN http allowed", map[string]string{"endpoint": "http://10.0.0.5/xapi/", "token": "abc", "allow-http": "true"}, "", ""},
		{"all settings", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "abc", "timeout": "10s", "allow-http": "false"}, "", ""},
		{"empty values ignored", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "abc", "username": " "}, "", ""},
		{"no endpoint", map[string]string{"token": "abc"}, "endpoint", "no endpoint"},
		{"LAN http", map[string]string{"endpoint": "http://10.0.0.5/xapi/", "token": "abc"}, "endpoint", "unencrypted"},
		{"ftp", map[string]string{"endpoint": "ftp://lrs.academy.test/", "token": "abc"}, "endpoint", "https://"},
		{"no host", map[string]string{"endpoint": "https:///xapi", "token": "abc"}, "endpoint", "no host"},
		{"credentials in the URL", map[string]string{"endpoint": "https://key:secret@lrs.academy.test/xapi/", "token": "abc"}, "endpoint", "credentials"},
		{"query", map[string]string{"endpoint": "https://lrs.academy.test/xapi/?x=1", "token": "abc"}, "endpoint", "query"},
		{"no credentials", map[string]string{"endpoint": "https://lrs.academy.test/xapi/"}, "username", "no credentials"},
		{"both", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "username": "k", "password": "s", "token": "t"}, "token", "not both"},
		{"no password", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "username": "k"}, "password", "without a password"},
		{"no user", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "password": "s"}, "username", "without a user name"},
		{"colon in user", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "username": "a:b", "password": "s"}, "username", "':'"},
		{"token with scheme", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "Basic abc"}, "token", "without \"Basic\""},
		{"bad scheme", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "abc", "token-scheme": "Digest"}, "token-scheme", "Digest"},
		{"bad bool", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "abc", "allow-http": "ja"}, "allow-http", "true or false"},
		{"bad timeout", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "abc", "timeout": "10"}, "timeout", "duration"},
		{"negative timeout", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "abc", "timeout": "-1s"}, "timeout", "negative"},
		{"typo", map[string]string{"endpoint": "https://lrs.academy.test/xapi/", "token": "abc", "pasword": "x"}, "pasword", "unknown setting"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ParseConfig(tc.values)
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				if _, err := NewLRS(c, nil); err != nil {
					t.Errorf("NewLRS: %v", err)
				}
				return
			}
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Field != tc.field || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("ParseConfig = %v, want a problem with %s about %q", err, tc.field, tc.msg)
			}
		})
	}
}

func TestConfigAuthorization(t *testing.T) {
	tests := []struct {
		c    Config
		want string
	}{
		{Config{Username: "test", Password: "secret"}, "Basic dGVzdDpzZWNyZXQ="},
		{Config{Token: "dG9rMTIz"}, "Basic dG9rMTIz"},
		{Config{Token: "abc", TokenScheme: "Bearer"}, "Bearer abc"},
	}
	for _, tc := range tests {
		if got := tc.c.authorization(); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.c, got, tc.want)
		}
	}
	c := Config{Endpoint: "https://lrs.academy.test/xapi", Username: "test", Password: "hunter2"}
	if s := fmt.Sprintf("%v %+v %s", c, c, c); strings.Contains(s, "hunter2") {
		t.Errorf("the password is printed: %s", s)
	}
	if c.StatementsURL() != "https://lrs.academy.test/xapi/statements" {
		t.Errorf("StatementsURL = %s", c.StatementsURL())
	}
	l, _ := NewLRS(Config{Endpoint: "https://x.test/", Token: "a", Timeout: 5 * time.Second}, nil)
	if l.client.Timeout != 5*time.Second || l.client.CheckRedirect == nil {
		t.Errorf("client = %+v", l.client)
	}
}
