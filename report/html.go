package report

import (
	"bytes"
	"html/template"
	"io"
)

// Write writes the report as one self-contained HTML document: inline
// style, inline SVG charts, no script and nothing loaded from elsewhere,
// with the session's log in the element with id "takedown-log".
func (r *Report) Write(w io.Writer) error {
	c, err := r.content()
	if err != nil {
		return err
	}
	t, err := template.New("report").Funcs(template.FuncMap{
		"t": func(id string) string { return r.t(id) },
	}).Parse(page)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, c); err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// page is the report's template. Every word on it comes from the message
// catalogue (t) or from the content, rendered in the report's language.
const page = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Takedown">
<title>{{.Title}}: {{.Scenario}}</title>
<style>
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --band: #f3f5f8; --accent: #1f4e79;
  --p: #1a7f37; --s: #9a6700; --m: #bc4c00; --u: #cf222e; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 1040px; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 8px; }
header .kind { text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-size: 12px; margin: 0; }
h1 { margin: 4px 0 6px; font-size: 28px; color: var(--accent); }
h2 { font-size: 19px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; margin: 30px 0 12px; }
h3 { font-size: 16px; margin: 0 0 6px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: bold; color: #fff; background: var(--muted); }
.badge.win { background: var(--p); } .badge.loss { background: var(--u); } .badge.partial { background: var(--s); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
table.kv th { width: 28%; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 11px; color: var(--muted); word-break: break-all; margin-top: 3px; }
.rating { display: inline-block; min-width: 2em; text-align: center; font-weight: bold; color: #fff; border-radius: 4px; padding: 2px 6px; }
.r-P { background: var(--p); } .r-S { background: var(--s); } .r-M { background: var(--m); } .r-U { background: var(--u); }
.legend { color: var(--muted); font-size: 13px; }
.kind-tag { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
ul { margin: 4px 0 8px; padding-left: 22px; }
td ul { margin: 0; padding-left: 18px; }
.decision { border: 1px solid var(--line); border-left: 5px solid var(--p); border-radius: 4px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.decision.change { border-left-color: var(--m); }
.decision .when { color: var(--muted); font-size: 13px; }
.decision code, .mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; }
.q { display: grid; grid-template-columns: 30% 1fr; gap: 4px 14px; margin-top: 8px; }
.q dt { font-weight: 600; color: var(--muted); }
.q dd { margin: 0; }
.q dd p { margin: 0 0 4px; }
figure { margin: 8px 0 16px; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 13px; }
figcaption.title { color: var(--ink); font-weight: 600; font-size: 14px; margin-bottom: 4px; }
tr.cmd td { background: #f6f8fa; }
tr.hidden td { color: var(--muted); font-style: italic; }
.ok { color: var(--p); font-weight: 600; } .bad { color: var(--u); font-weight: 600; }
.write-in { min-width: 7em; }
details { margin-top: 8px; }
details pre { white-space: pre-wrap; font-size: 12px; background: var(--band); padding: 10px; border: 1px solid var(--line); max-height: 28em; overflow: auto; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure, .decision { break-inside: avoid; }
  tr { break-inside: avoid; }
  details { display: none; }
  a { color: inherit; text-decoration: none; }
  .badge, .rating, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</head>
<body>
<header>
<p class="kind">{{t "report.kind"}}</p>
<h1>{{.Scenario}}</h1>
<p><span class="badge {{.ResultClass}}">{{.Result}}</span>{{if .Score}} &nbsp;{{.Score}}{{end}}</p>
</header>

<section id="overview">
<h2>{{t "report.h_overview"}}</h2>
<table class="kv">
{{range .Overview}}<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>
{{end}}</table>
</section>

<section id="summary">
<h2>{{t "report.h_summary"}}</h2>
{{range .Summary}}<p>{{.}}</p>
{{end}}</section>

<section id="objectives">
<h2>{{t "report.h_objectives"}}</h2>
{{if .Rated}}<table>
<thead><tr><th>{{t "report.col_objective"}}</th><th>{{t "report.col_rating"}}</th><th>{{t "report.col_evidence"}}</th></tr></thead>
<tbody>
{{range .Rated}}<tr><td><span class="kind-tag">{{if eq .Kind "lesson"}}{{t "report.tag_lesson"}}{{else}}{{t "report.tag_objective"}}{{end}}</span><br>{{.Text}}</td>
<td><span class="rating r-{{.Rating}}" title="{{.Name}}">{{.Rating}}</span><br><small>{{.Name}}</small></td>
<td><ul>{{range .Evidence}}<li>{{.}}</li>{{end}}</ul></td></tr>
{{end}}</tbody></table>
<p class="legend">{{t "report.rating_legend"}}</p>
{{else}}<p>{{t "report.not_rated"}}</p>{{end}}
</section>

<section id="strengths">
<h2>{{t "report.h_strengths"}}</h2>
<ul>{{range .Strengths}}<li>{{.}}</li>{{end}}</ul>
</section>

<section id="improvements">
<h2>{{t "report.h_improvements"}}</h2>
<ul>{{range .Improvements}}<li>{{.}}</li>{{end}}</ul>
</section>

<section id="decisions">
<h2>{{t "report.h_decisions"}}</h2>
<p class="legend">{{t "report.decisions_intro"}}</p>
{{range .Decisions}}<div class="decision{{if not .Keep}} change{{end}}">
<h3>{{.Title}}</h3>
<div class="when">{{.When}}{{if .Line}} · <code>{{.Line}}</code>{{end}}</div>
<dl class="q">
<dt>{{t "report.q1"}}</dt><dd>{{range .Planned}}<p>{{.}}</p>{{end}}</dd>
<dt>{{t "report.q2"}}</dt><dd>{{range .Happened}}<p>{{.}}</p>{{end}}</dd>
<dt>{{t "report.q3"}}</dt><dd>{{range .Why}}<p>{{.}}</p>{{end}}</dd>
<dt>{{t "report.q4"}}</dt><dd>{{range .Lesson}}<p>{{.}}</p>{{end}}</dd>
</dl>
</div>
{{else}}<p>{{t "report.no_decisions"}}</p>
{{end}}</section>

<section id="timeline">
<h2>{{t "report.h_timeline"}}</h2>
<figure><figcaption class="title">{{t "report.chart_timeline"}}</figcaption>{{.TimelineSVG}}<figcaption>{{t "report.timeline_caption"}}</figcaption></figure>
<table>
<thead><tr><th>{{t "report.col_when"}}</th><th>{{t "report.col_what"}}</th></tr></thead>
<tbody>
{{range .Timeline}}<tr class="{{if .Command}}cmd{{end}}{{if .Hidden}} hidden{{end}}"><td>{{.When}}</td><td>{{.Text}}{{if .Hidden}} ({{t "report.unseen"}}){{end}}</td></tr>
{{end}}</tbody></table>
</section>

<section id="strength">
<h2>{{t "report.h_strength"}}</h2>
<figure><figcaption class="title">{{t "report.chart_strength"}}</figcaption>{{.StrengthSVG}}<figcaption>{{t "report.strength_caption"}}</figcaption></figure>
</section>

<section id="evidence">
<h2>{{t "report.h_evidence"}}</h2>
{{if .Evidence}}<table>
<thead><tr><th>{{t "report.col_num"}}</th><th>{{t "report.col_item"}} · {{t "report.col_sha"}}</th><th>{{t "report.col_collected"}}</th><th>{{t "report.col_basis"}}</th><th>{{t "report.col_admissibility"}}</th></tr></thead>
<tbody>
{{range .Evidence}}<tr><td>{{.Num}}</td><td>{{.Title}}<div class="hash">{{.SHA256}}</div></td><td>{{.Collected}}</td><td>{{.Basis}}</td>
<td>{{if .Admissible}}<span class="ok">{{.Status}}</span>{{else}}<span class="bad">{{.Status}}</span>{{if .Reason}}<br><small>{{.Reason}}</small>{{end}}{{end}}</td></tr>
{{end}}</tbody></table>
{{else}}<p>{{t "report.no_evidence"}}</p>{{end}}
</section>

<section id="rationale">
<h2>{{t "report.h_rationale"}}</h2>
{{if .Reasons}}<table>
<thead><tr><th>{{t "report.col_when"}}</th><th>{{t "report.col_command"}}</th><th>{{t "report.col_reason"}}</th></tr></thead>
<tbody>
{{range .Reasons}}<tr><td>{{.When}}</td><td class="mono">{{.Line}}</td><td>{{.Why}}</td></tr>
{{end}}</tbody></table>
{{else}}<p>{{t "report.no_reasons"}}</p>{{end}}
</section>

<section id="plan">
<h2>{{t "report.h_plan"}}</h2>
{{if .Plan}}<table>
<thead><tr><th>{{t "report.col_area"}}</th><th>{{t "report.col_action"}}</th><th>{{t "report.col_capability"}}</th><th>{{t "report.col_who"}}</th><th>{{t "report.col_by"}}</th></tr></thead>
<tbody>
{{range .Plan}}<tr><td>{{.Area}}</td><td>{{.Action}}</td><td>{{.Objective}}</td><td>{{t "report.who_trainee"}}</td><td class="write-in"></td></tr>
{{end}}</tbody></table>
{{else}}<p>{{t "report.no_plan"}}</p>{{end}}
</section>

<section id="session">
<h2>{{t "report.h_session"}}</h2>
<p>{{.ReplayHint}}</p>
<details><summary>{{t "report.show_log"}}</summary>
<pre id="takedown-log" data-scenario="{{.LogScenario}}" data-lang="{{.LogLang}}">{{.Log}}</pre>
</details>
</section>

<footer>{{t "report.footer"}}</footer>
</body>
</html>
`
