package report

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	"takedown/game"
)

// The kinds of file a session can be read from.
const (
	KindSave    = "save"    // a save file: the save package's header, then the app's payload
	KindPayload = "payload" // the app's payload alone: "takedown-save 1" lines, a blank line, the log
	KindLog     = "log"     // a session log, as game.SessionLog.WriteTo writes it
	KindReport  = "report"  // an after-action report with the session embedded
)

// Source is a session read from a file: the log's text and, when the file
// says so, the scenario to play it on and the language it was played in.
type Source struct {
	Kind string
	// Log is the session log's text; game.ParseLog reads it.
	Log []byte
	// Scenario is the scenario's name or path as the file gives it; empty
	// when the file gives none (a bare log), and then the log's scenario
	// id names an embedded scenario.
	Scenario string
	// Lang is the language the session was played or reported in, if
	// known.
	Lang game.Lang
}

// Limits of what ReadSource reads.
const (
	// MaxSource is the largest file ReadSource takes: 64 MiB, as a save.
	MaxSource = 64 << 20
	saveMagic = "TAKEDOWN-SAVE\n"
	appMagic  = "takedown-save 1"
	logMagic  = "takedown-log "
	// logElementID is the id of the element a report keeps its session in.
	logElementID = "takedown-log"
)

// ReadSource reads a session from a file's bytes, whatever kind the file
// is: a save file (its length and SHA-256 are checked), the app's save
// payload, a bare session log, or an HTML report written by Write. An
// error says what the file is not.
func ReadSource(b []byte) (Source, error) {
	if len(b) > MaxSource {
		return Source{}, fmt.Errorf("the file is larger than %d MiB", MaxSource>>20)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	switch {
	case bytes.HasPrefix(b, []byte(saveMagic)):
		payload, err := decodeSave(b)
		if err != nil {
			return Source{}, err
		}
		s, err := readPayload(payload)
		s.Kind = KindSave
		return s, err
	case bytes.HasPrefix(b, []byte(appMagic+"\n")) || bytes.HasPrefix(b, []byte(appMagic+"\r\n")):
		return readPayload(b)
	case bytes.HasPrefix(b, []byte(logMagic)):
		return Source{Kind: KindLog, Log: b}, nil
	}
	if s, ok, err := readReport(b); ok {
		return s, err
	}
	return Source{}, errors.New("not a Takedown save, session log or report")
}

// decodeSave checks a save file's header (the save package's format 1:
// magic, format, length and SHA-256 lines, a blank line) and returns the
// payload.
func decodeSave(b []byte) ([]byte, error) {
	rest := b[len(saveMagic):]
	fields := map[string]string{}
	for _, key := range []string{"format", "length", "sha256"} {
		line, after, ok := bytes.Cut(rest, []byte("\n"))
		k, v, _ := strings.Cut(string(line), " ")
		if !ok || k != key {
			return nil, fmt.Errorf("a damaged save file: no %s line", key)
		}
		fields[key], rest = v, after
	}
	if fields["format"] != "1" {
		return nil, fmt.Errorf("a save file of format %s, which this version cannot read", fields["format"])
	}
	payload, ok := bytes.CutPrefix(rest, []byte("\n"))
	if !ok {
		return nil, errors.New("a damaged save file: no blank line after the header")
	}
	n, err := strconv.Atoi(fields["length"])
	if err != nil || n != len(payload) {
		return nil, errors.New("a damaged save file: its length does not match")
	}
	if sum := sha256.Sum256(payload); fmt.Sprintf("%x", sum) != fields["sha256"] {
		return nil, errors.New("a damaged save file: its checksum does not match")
	}
	return payload, nil
}

// readPayload reads the app's payload: header lines, a blank line, the log.
func readPayload(b []byte) (Source, error) {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	head, log, ok := bytes.Cut(b, []byte("\n\n"))
	if !ok {
		return Source{}, errors.New("the save has no session log")
	}
	s := Source{Kind: KindPayload, Log: log}
	sc := bufio.NewScanner(bytes.NewReader(head))
	for first := true; sc.Scan(); first = false {
		if first {
			if sc.Text() != appMagic {
				return Source{}, errors.New("not a Takedown save (or one written by a newer version)")
			}
			continue
		}
		k, v, _ := strings.Cut(sc.Text(), " ")
		switch k {
		case "source":
			s.Scenario = v
		case "lang":
			s.Lang = game.Lang(v)
		}
	}
	if !bytes.HasPrefix(log, []byte(logMagic)) {
		return Source{}, errors.New("the save's session log is missing")
	}
	return s, nil
}

// readReport finds the session a report embeds: the text of the element
// with id takedown-log, and its data-scenario and data-lang attributes.
// ok is false when b is not a Takedown report.
func readReport(b []byte) (s Source, ok bool, err error) {
	doc := string(b)
	i := strings.Index(doc, `id="`+logElementID+`"`)
	if i < 0 || !strings.Contains(strings.ToLower(doc[:min(len(doc), 512)]), "<!doctype html") {
		return Source{}, false, nil
	}
	start := strings.LastIndexByte(doc[:i], '<')
	end := strings.IndexByte(doc[i:], '>')
	if start < 0 || end < 0 {
		return Source{}, true, errors.New("a damaged report: the session's element is cut")
	}
	tag := doc[start : i+end]
	name := strings.Fields(tag[1:])[0]
	body := doc[i+end+1:]
	stop := strings.Index(body, "</"+name+">")
	if stop < 0 {
		return Source{}, true, errors.New("a damaged report: the session's element is not closed")
	}
	s = Source{Kind: KindReport, Log: []byte(html.UnescapeString(body[:stop]))}
	s.Scenario = html.UnescapeString(attr(tag, "data-scenario"))
	s.Lang = game.Lang(attr(tag, "data-lang"))
	if !bytes.HasPrefix(s.Log, []byte(logMagic)) {
		return Source{}, true, errors.New("a damaged report: the embedded session is not a session log")
	}
	return s, true, nil
}

// attr returns the value of a double-quoted attribute in a start tag.
func attr(tag, name string) string {
	_, v, ok := strings.Cut(tag, " "+name+`="`)
	if !ok {
		return ""
	}
	v, _, _ = strings.Cut(v, `"`)
	return v
}

// ParseLog parses the source's log.
func (s Source) ParseLog() (game.SessionLog, error) {
	return game.ParseLog(bytes.NewReader(s.Log))
}

// ScenarioRef is what finds the scenario again: the file's reference, or
// the log's scenario id as an embedded name.
func (s Source) ScenarioRef(l game.SessionLog) string {
	if s.Scenario != "" {
		return s.Scenario
	}
	return l.Scenario
}
