package main

import (
	"flag"
	"io"
	"net/url"
	"strings"
	"testing"
)

// launchQuery is a cmi5 launch as an LMS passes it.
func launchQuery() url.Values {
	q := url.Values{}
	q.Set("endpoint", "https://lms.academy.example/xapi/")
	q.Set("fetch", "https://lms.academy.example/fetch/1")
	q.Set("actor", `{"objectType":"Agent","account":{"homePage":"https://lms.academy.example/","name":"1625378"}}`)
	q.Set("registration", "6f1d3c58-1a0e-4c59-9a57-6a3e0b1f2c4d")
	q.Set("activityId", "https://lms.academy.example/au/film-site")
	return q
}

// parseRecordFlags parses play's records flags as the window's command
// line would, with a takedown:// link when one is given.
func parseRecordFlags(t *testing.T, link string, args ...string) (*playRecordFlags, *flag.FlagSet) {
	t.Helper()
	fl := flag.NewFlagSet("play", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	r := recordFlags(fl)
	if err := fl.Parse(args); err != nil {
		t.Fatal(err)
	}
	r.link = link
	return r, fl
}

// TestRecordFlags checks the window's training-records options from the
// command line: the LRS and the account flags, a cmi5 launch given as
// flags or as a takedown:// link (which may name the scenario), and the
// refusals: an e-mail address as the account, a link and flags at once.
func TestRecordFlags(t *testing.T) {
	t.Setenv("TAKEDOWN_LRS_PASSWORD", "from-env")
	r, fl := parseRecordFlags(t, "", "--lrs-endpoint", "https://lrs.academy.example/xapi/", "--lrs-username", "key",
		"--home", "https://lms.academy.example/", "--account", "1625378")
	o, scenario, err := r.options(fl)
	switch {
	case err != nil:
		t.Fatal(err)
	case o.Endpoint != "https://lrs.academy.example/xapi/" || o.Username != "key" || o.Password != "from-env":
		t.Errorf("the LRS flags gave %q %q %q", o.Endpoint, o.Username, o.Password)
	case o.Home != "https://lms.academy.example/" || o.Account != "1625378" || o.Launch != nil || scenario != "":
		t.Errorf("the account flags gave %q %q, launch %v, scenario %q", o.Home, o.Account, o.Launch, scenario)
	}

	var args []string
	for k, v := range launchQuery() {
		args = append(args, "--"+k, v[0])
	}
	r, fl = parseRecordFlags(t, "", args...)
	o, _, err = r.options(fl)
	if err != nil || o.Launch == nil || o.Launch.Registration != launchQuery().Get("registration") {
		t.Errorf("the cmi5 flags gave %v, %v", o.Launch, err)
	}

	q := launchQuery()
	q.Set("scenario", "isp-hub")
	link := "takedown://launch?" + q.Encode()
	if !isLaunchLink(link) || isLaunchLink("film-site.sav") {
		t.Error("isLaunchLink does not tell a link from a file")
	}
	r, fl = parseRecordFlags(t, link)
	o, scenario, err = r.options(fl)
	if err != nil || o.Launch == nil || o.Launch.ActivityID != q.Get("activityId") || scenario != "isp-hub" {
		t.Errorf("the link gave %v, scenario %q, %v", o.Launch, scenario, err)
	}

	r, fl = parseRecordFlags(t, link, "--registration", q.Get("registration"))
	if _, _, err := r.options(fl); err == nil {
		t.Error("a link and launch flags at once were taken")
	}
	r, fl = parseRecordFlags(t, "", "--account", "officer@academy.example")
	if _, _, err := r.options(fl); err == nil || !strings.Contains(err.Error(), "e-mail") {
		t.Errorf("an e-mail address as the account gave %v", err)
	}
	bad := launchQuery()
	bad.Del("fetch")
	r, fl = parseRecordFlags(t, "takedown://launch?"+bad.Encode())
	if _, _, err := r.options(fl); err == nil {
		t.Error("a link without its fetch URL was taken")
	}
}
