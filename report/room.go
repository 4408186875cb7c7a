package report

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"time"

	"takedown/engine"
	"takedown/game"
	"takedown/records"
	"takedown/safefile"
)

// RoomLog is one trainee's log in a workshop room.
type RoomLog struct {
	ID, Name, Team string
	Log            game.SessionLog
}

// roomEntry is one trainee's line on a room's index page.
type roomEntry struct {
	Name, Team, File, Outcome, Result, Problem string
	Score, Day                                 int
	Ended                                      bool
}

// WriteRoom writes the after-action report of every trainee of a workshop
// room into dir, one self-contained page each (NN-NAME.html), and an index
// page (index.html) that lists them with their outcomes and links to each.
// Each trainee is named on the reports by the name it joined with, on the
// academy's home page of opt.Account. A log that does not replay is listed
// on the index with its problem, and the others are written all the same.
// It returns the index's path.
func WriteRoom(dir string, prog *engine.Program, code string, logs []RoomLog, opt Options) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p := opt.Text.Printer(opt.Text.Supported(opt.Lang), nil, time.Time{})
	var entries []roomEntry
	title := opt.Scenario
	for i, l := range logs {
		e := roomEntry{Name: l.Name, Team: l.Team, File: fmt.Sprintf("%02d-%s.html", i+1, fileWord(l.Name, l.ID))}
		o := opt
		o.Account = records.Account{HomePage: opt.Account.HomePage, Name: l.Name}
		r, err := Build(prog, l.Log, o)
		if err == nil {
			var b bytes.Buffer
			if err = r.Write(&b); err == nil {
				err = safefile.WriteWhole(filepath.Join(dir, e.File), b.Bytes())
			}
		}
		if err != nil {
			e.File, e.Problem = "", p.Err(err)
			entries = append(entries, e)
			continue
		}
		e.Day = r.view.Day
		title = p.Text(r.view.Scenario.Title)
		if d := r.view.Debrief; d != nil && d.Ending != nil {
			e.Ended, e.Outcome, e.Result, e.Score = true, p.Text(d.Ending.Title), d.Ending.Result, d.Score
		}
		entries = append(entries, e)
	}
	t, err := template.New("room").Funcs(template.FuncMap{"t": func(id string) string { return p.T(id) }}).Parse(roomPage)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	data := struct {
		Lang, Title, Scenario string
		Entries               []roomEntry
	}{string(p.Lang()), p.T("report.room_title", game.Str("code", code)), title, entries}
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	index := filepath.Join(dir, "index.html")
	return index, safefile.WriteWhole(index, b.Bytes())
}

// fileWord makes a trainee's name safe in a file name on any system and in
// a link: ASCII letters, digits and dashes, else the trainee's id.
func fileWord(name, id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '_' || r == '.':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	w := strings.Trim(b.String(), "-")
	if w == "" || len(w) > 40 {
		return id
	}
	return w
}

// roomPage is a room's index. Every word comes from the catalogue (t) or
// from the room.
const roomPage = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Takedown">
<title>{{.Title}}</title>
<style>
body { font: 16px/1.45 system-ui, sans-serif; color: #1f2328; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; color: #1f4e79; margin-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d0d7de; }
th { background: #f3f5f8; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.win { color: #1a7f37; } .partial { color: #9a6700; } .loss { color: #cf222e; } .muted { color: #57606a; }
@media print { a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="muted">{{.Scenario}} · {{t "report.room_intro"}}</p>
<table>
<thead><tr><th>{{t "report.room_name"}}</th><th>{{t "report.room_team"}}</th><th>{{t "report.room_outcome"}}</th><th>{{t "report.room_score"}}</th><th>{{t "report.room_day"}}</th><th></th></tr></thead>
<tbody>
{{range .Entries}}<tr><td>{{.Name}}</td><td>{{.Team}}</td>
<td{{if .Ended}} class="{{.Result}}"{{end}}>{{if .Problem}}<span class="loss">{{.Problem}}</span>{{else if .Ended}}{{.Outcome}}{{else}}<span class="muted">{{t "report.room_running"}}</span>{{end}}</td>
<td class="n">{{if .Ended}}{{.Score}}{{end}}</td><td class="n">{{if .Day}}{{.Day}}{{end}}</td>
<td>{{if .File}}<a href="{{.File}}">{{t "report.room_open"}}</a>{{end}}</td></tr>
{{end}}</tbody>
</table>
</body>
</html>
`
