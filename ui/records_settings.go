package ui

import (
	"strings"

	"takedown/records"
)

// recordSettings are the settings of the training records and reports,
// kept with the window's settings: the LRS (its xAPI address, key and
// secret), the trainee's account (the academy's home page and the account
// name on it) and the folder reports are written to ("" is the save
// folder). The secret is kept in the settings file, in the save folder,
// which only its owner may read; it is never drawn.
type recordSettings struct {
	endpoint, username, password string
	home, account                string
	reports                      string
}

// recordSettingKeys are the settings file's keys, in the order written.
func recordSettingKeys() []string {
	return []string{"lrs-endpoint", "lrs-username", "lrs-password", "lrs-home", "lrs-account", "reports"}
}

// field returns the setting of a key.
func (r *recordSettings) field(key string) *string {
	switch key {
	case "lrs-endpoint":
		return &r.endpoint
	case "lrs-username":
		return &r.username
	case "lrs-password":
		return &r.password
	case "lrs-home":
		return &r.home
	case "lrs-account":
		return &r.account
	case "reports":
		return &r.reports
	}
	return nil
}

// parse takes one line of the settings file; it reports whether the key
// was one of these.
func (r *recordSettings) parse(key, value string) bool {
	f := r.field(key)
	if f == nil {
		return false
	}
	if key != "lrs-password" {
		value = strings.TrimSpace(value)
	}
	*f = value
	return true
}

// text is the settings' lines for the settings file. Control characters
// are dropped: a value is one line.
func (r recordSettings) text() string {
	var b strings.Builder
	for _, k := range recordSettingKeys() {
		v := strings.Map(func(c rune) rune {
			if c < 0x20 || c == 0x7f {
				return -1
			}
			return c
		}, *r.field(k))
		if v != "" {
			b.WriteString(k + " " + v + "\n")
		}
	}
	return b.String()
}

// config is the LRS's configuration; an error when no LRS is set or the
// setting is wrong.
func (r recordSettings) config() (records.Config, error) {
	return records.ParseConfig(map[string]string{"endpoint": r.endpoint, "username": r.username, "password": r.password})
}

// accountOf is the trainee's account; an empty name when none is set.
func (r recordSettings) accountOf() records.Account {
	home := r.home
	if home == "" {
		home = defaultHome
	}
	return records.Account{HomePage: home, Name: strings.TrimSpace(r.account)}
}
