package room

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"takedown/catalog"
	"takedown/engine"
	"takedown/game"
)

// The archive's format name and version. A reader refuses a newer version.
const (
	ArchiveFormat  = "takedown-room"
	ArchiveVersion = 1
)

// Limits on an archive a reader opens.
const (
	maxArchiveFiles    = 4*MaxTrainees + maxBundleRules + 16
	maxManifest        = 4 << 20
	maxArchiveLog      = 16 << 20
	maxArchiveUnpacked = 512 << 20
)

// Manifest describes a room's export: the scenario, the seed, and each
// trainee with its log.
type Manifest struct {
	Format   string            `json:"format"`
	Version  int               `json:"version"`
	Proto    int               `json:"proto"`
	App      string            `json:"app"`
	Created  int64             `json:"created"` // Unix seconds on the host's clock
	Code     string            `json:"code"`
	Seed     uint64            `json:"seed"`
	Scenario ArchivedScenario  `json:"scenario"`
	Trainees []ArchivedTrainee `json:"trainees"`
	Orders   []OrderRecord     `json:"orders"`
}

// ArchivedScenario is the scenario of an export and where its files are.
type ArchivedScenario struct {
	ID       string            `json:"id"`
	Title    game.Text         `json:"title"`
	Hash     string            `json:"hash"`
	Name     string            `json:"name"`
	Ref      string            `json:"ref"`
	Embedded bool              `json:"embedded"`
	RulesDir string            `json:"rules_dir"`
	Src      string            `json:"src"`   // the file in the archive
	Rules    map[string]string `json:"rules"` // rule pack id to the file in the archive
}

// ArchivedTrainee is one trainee of an export.
type ArchivedTrainee struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Team     string   `json:"team,omitempty"`
	Log      string   `json:"log"` // the file in the archive: the log the host accepted
	Entries  int      `json:"entries"`
	Checksum string   `json:"checksum"`
	Ending   string   `json:"ending,omitempty"`
	Result   string   `json:"result,omitempty"`
	Score    int      `json:"score,omitempty"`
	Problem  *Problem `json:"problem,omitempty"`
	Orders   []string `json:"orders,omitempty"` // the instructor's orders sent to it
}

// ArchiveName is the file name an export gets: takedown-room-CODE-DATE-TIME.zip.
func ArchiveName(code string, at time.Time) string {
	return fmt.Sprintf("takedown-room-%s-%s.zip", code, at.Format("20060102-1504"))
}

// Export writes the whole room as one zip archive: a manifest, the
// scenario's sources, and every trainee's log as the host accepted it.
// ReadArchive reads it back and replays it.
func (h *Host) Export(w io.Writer) error {
	b := h.bundle
	m := Manifest{Format: ArchiveFormat, Version: ArchiveVersion, Proto: Protocol, App: h.opt.App, Created: h.opt.Now().Unix(),
		Code: h.opt.Code, Seed: h.opt.Seed, Orders: h.Orders(),
		Scenario: ArchivedScenario{ID: b.ID, Title: b.Title, Hash: b.Hash, Name: b.Name, Ref: b.Ref, Embedded: b.Embedded,
			RulesDir: b.RulesDir, Src: "scenario/scenario.lua", Rules: map[string]string{}}}
	files := map[string][]byte{m.Scenario.Src: b.Src}
	for id, src := range b.Rules {
		p := "scenario/rules/" + id + ".lua"
		m.Scenario.Rules[id] = p
		files[p] = src
	}
	for _, t := range h.list() {
		t.mu.Lock()
		at := ArchivedTrainee{ID: t.id, Name: t.name, Team: t.team, Log: "logs/" + t.id + ".log"}
		for _, o := range t.orders {
			at.Orders = append(at.Orders, o.line)
		}
		if p := t.problem; p != nil {
			at.Problem = &Problem{Code: p.Code, Msg: p.Msg, Text: p.Error(), Entry: p.Entry, Retrying: t.retry}
		}
		if t.sess != nil {
			g := t.sess.Game()
			at.Entries, at.Checksum = len(g.Log()), g.Checksum()
			if e := g.Ending(); e != nil {
				at.Ending, at.Result = e.ID, e.Result
				if d := g.Debrief(); d != nil {
					at.Score = d.Score
				}
			}
			files[at.Log] = t.sess.LogText()
		}
		t.mu.Unlock()
		m.Trainees = append(m.Trainees, at)
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	if err := writeZipFile(zw, "manifest.json", manifest); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := writeZipFile(zw, name, files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeZipFile(zw *zip.Writer, name string, data []byte) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return err
}

// ExportFile writes the room's archive to a file, safely: a temporary file
// in the same folder, synced, then renamed.
func (h *Host) ExportFile(name string) error {
	var buf bytes.Buffer
	if err := h.Export(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".takedown-room-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// Archive is a room's export read back.
type Archive struct {
	Manifest Manifest
	Bundle   *Bundle
	Logs     []game.SessionLog // in the order of Manifest.Trainees
}

// ReadArchive reads a room's export from a file.
func ReadArchive(name string) (*Archive, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	a, err := ReadArchiveFrom(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// ReadArchiveFrom reads a room's export. It trusts nothing in it: sizes are
// checked as the files are read, and every log is parsed.
func ReadArchiveFrom(r io.ReaderAt, size int64) (*Archive, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("not a room archive: %w", err)
	}
	if len(zr.File) > maxArchiveFiles {
		return nil, fmt.Errorf("the archive holds %d files; a room archive holds at most %d", len(zr.File), maxArchiveFiles)
	}
	rd := &zipReader{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		rd.files[f.Name] = f
	}
	raw, err := rd.read("manifest.json", maxManifest)
	if err != nil {
		return nil, err
	}
	a := &Archive{}
	if err := json.Unmarshal(raw, &a.Manifest); err != nil {
		return nil, fmt.Errorf("manifest.json: %w", err)
	}
	m := &a.Manifest
	switch {
	case m.Format != ArchiveFormat:
		return nil, fmt.Errorf("manifest.json: format %q, want %q", clip(m.Format, 40), ArchiveFormat)
	case m.Version > ArchiveVersion:
		return nil, fmt.Errorf("manifest.json: the archive is of version %d, made by a newer release; this one reads version %d", m.Version, ArchiveVersion)
	case len(m.Trainees) > 4*MaxTrainees:
		return nil, fmt.Errorf("manifest.json: %d trainees", len(m.Trainees))
	}
	s := m.Scenario
	b := &Bundle{ID: s.ID, Title: s.Title, Hash: s.Hash, Seed: m.Seed, Name: s.Name, Ref: s.Ref, Embedded: s.Embedded,
		RulesDir: s.RulesDir, Rules: map[string][]byte{}, Proto: m.Proto, App: m.App}
	if b.Src, err = rd.read(s.Src, catalog.MaxScenario); err != nil {
		return nil, err
	}
	for _, id := range slices.Sorted(maps.Keys(s.Rules)) {
		if b.Rules[id], err = rd.read(s.Rules[id], catalog.MaxRules); err != nil {
			return nil, err
		}
	}
	if err := b.check(); err != nil {
		return nil, fmt.Errorf("manifest.json: %w", err)
	}
	a.Bundle = b
	for _, t := range m.Trainees {
		raw, err := rd.read(t.Log, maxArchiveLog)
		if err != nil {
			return nil, err
		}
		l, err := game.ParseLog(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", clip(t.Log, 80), err)
		}
		if l.Scenario != b.ID || l.Seed != m.Seed {
			return nil, fmt.Errorf("%s: the log is of scenario %q, seed %d; the room played %q, seed %d", clip(t.Log, 80), l.Scenario, l.Seed, b.ID, m.Seed)
		}
		a.Logs = append(a.Logs, l)
	}
	return a, nil
}

// zipReader reads an archive's files with a budget for all of them.
type zipReader struct {
	files map[string]*zip.File
	total int64
}

// read reads one file of at most max bytes.
func (z *zipReader) read(name string, max int64) ([]byte, error) {
	f := z.files[name]
	if f == nil {
		return nil, fmt.Errorf("the archive lacks %s", clip(name, 80))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", clip(name, 80), err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", clip(name, 80), err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s is larger than %d bytes", clip(name, 80), max)
	}
	if z.total += int64(len(b)); z.total > maxArchiveUnpacked {
		return nil, fmt.Errorf("the archive unpacks to more than %d bytes", maxArchiveUnpacked)
	}
	return b, nil
}

// Compile compiles the archive's scenario and checks that it is the one the
// room played (the same id and hash).
func (a *Archive) Compile(compile Compiler) (*engine.Program, error) {
	return compileBundle(compile, a.Bundle)
}

// Replay replays trainee i's log into a session of its own, checking every
// entry's checksum. A log that stops replaying returns the session as far
// as it went with a *game.ReplayError. The caller closes the session.
func (a *Archive) Replay(prog *engine.Program, i int) (*engine.Session, error) {
	if i < 0 || i >= len(a.Logs) {
		return nil, fmt.Errorf("no trainee %d in the archive (it has %d)", i, len(a.Logs))
	}
	return prog.Resume(a.Logs[i], engine.Options{})
}
