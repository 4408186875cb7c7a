package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"takedown/engine"
	"takedown/game"
	"takedown/records"
	"takedown/report"
	"takedown/room"
	"takedown/room/lan"
	"takedown/scenarios"
	"takedown/terminal"
)

// host runs a workshop room on the local network until interrupted, or
// replays a room's archive with --replay.
func (env Env) host(args []string) (int, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return env.hostWith(ctx, args, os.Stdin)
}

// hostWith is host with its input (the instructor's commands) and its end
// (an interrupt) given.
func (env Env) hostWith(ctx context.Context, args []string, in io.Reader) (int, error) {
	fl := newFlags("host", env)
	name := fl.String("scenario", scenarios.Default, "scenario name or path")
	addr := fl.String("addr", ":0", "address to serve on, e.g. :7345 (default: a free port on every network)")
	seed := fl.Uint64("seed", 1, "seed of every trainee's session")
	minutes := fl.Float64("minutes", 0, "wall-clock budget of the session, for the countdown (0: none)")
	out := fl.String("out", "", "where to write the room's archive on exit (default: takedown-room-CODE-DATE-TIME.zip in the current folder)")
	max := fl.Int("max", room.MaxTrainees, "most trainees the room admits")
	every := fl.Duration("every", 5*time.Second, "how often to print the dashboard")
	replay := fl.String("replay", "", "replay a room's archive and print each trainee's outcome, instead of hosting")
	asJSON := fl.Bool("json", false, "with --replay: print the outcomes as JSON")
	announce := fl.Bool("announce", true, "announce the room on the local network (multicast DNS), besides its address")
	recFlags := addRoomRecordFlags(fl)
	rest, err := parse(fl, args)
	if err != nil {
		return 0, err
	}
	if len(rest) > 0 {
		return 0, fmt.Errorf("unexpected arguments: %s", strings.Join(rest, " "))
	}
	if *replay != "" {
		code, err := env.replayRoom(*replay, *asJSON)
		return code, plain(err)
	}
	if *minutes < 0 || *minutes > 24*60 || *max < 1 || *every <= 0 {
		return 0, fmt.Errorf("--minutes takes 0 to 1440, --max at least 1, --every a positive duration")
	}
	prog, err := engine.Open(env.Cat, *name)
	if err != nil {
		return 0, err
	}
	h, err := room.NewHost(prog, room.Options{Addr: *addr, Seed: *seed, MaxTrainees: *max,
		Budget: time.Duration(*minutes * float64(time.Minute))})
	if err != nil {
		return 0, err
	}
	hr := &hostRun{env: env, h: h}
	rec, err := recFlags.open(env, h, hr.printf)
	if err != nil {
		h.Close()
		h.Release()
		return 0, err
	}
	hr.banner()
	if *announce {
		if unannounce, err := h.Announce(lan.Zeroconf{}); err != nil {
			hr.printf("(the room is not announced on the network: %s; trainees type the address)\n", terminal.Escape(err.Error()))
		} else {
			defer unannounce()
		}
	}
	cmds := make(chan string)
	go readLines(in, cmds)
	tick := time.NewTicker(*every)
	defer tick.Stop()
	recTick := time.NewTicker(room.RecordsEvery)
	defer recTick.Stop()
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-recTick.C:
			if rec != nil {
				rec.collect()
				rec.send(ctx)
			}
		case <-tick.C:
			hr.dashboard()
		case line, ok := <-cmds:
			if !ok {
				cmds = nil // no more input: serve until interrupted
				continue
			}
			hr.command(line)
		}
	}
	h.Close()
	defer h.Release()
	if rec != nil {
		rec.finish(20 * time.Second)
	}
	file := *out
	if file == "" {
		file = room.ArchiveName(h.Code(), time.Now())
	}
	if err := h.ExportFile(file); err != nil {
		return 0, fmt.Errorf("write the room's archive: %w", err)
	}
	abs, _ := filepath.Abs(file)
	fmt.Fprintf(env.Stdout, "\nThe room is closed. Its archive (%d trainees) is %s\nReplay it with: takedown host --replay %s\n",
		len(h.Dashboard().Trainees), terminal.Escape(abs), terminal.Escape(file))
	return ExitOK, nil
}

// plain gives a room's refusal as English text: the message catalogues
// may not have the room's messages yet.
func plain(err error) error {
	var r *room.RefusedError
	if errors.As(err, &r) {
		return errors.New(r.Error())
	}
	return err
}

// readLines sends each line of the instructor's input, then closes.
func readLines(in io.Reader, out chan<- string) {
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		out <- sc.Text()
	}
	close(out)
}

// hostRun prints a room's state for the instructor at the terminal.
type hostRun struct {
	env Env
	h   *room.Host
	mu  sync.Mutex // one printer at a time
}

// printf prints under the lock.
func (hr *hostRun) printf(format string, args ...any) {
	hr.mu.Lock()
	defer hr.mu.Unlock()
	fmt.Fprintf(hr.env.Stdout, format, args...)
}

// banner prints the room code, the join addresses and the instructor's
// token, large enough for the projector.
func (hr *hostRun) banner() {
	in := hr.h.Info()
	var b strings.Builder
	fmt.Fprintf(&b, "\nTakedown workshop room: %s (%s)\n\n", terminal.Escape(in.Title.In(game.EN)), terminal.Escape(in.Scenario))
	fmt.Fprintf(&b, "  ROOM CODE   %s\n\n", spaced(in.Code))
	for _, line := range bigText(in.Code) {
		fmt.Fprintf(&b, "    %s\n", line)
	}
	b.WriteString("\n  JOIN ADDRESS\n")
	for _, a := range in.Addrs {
		fmt.Fprintf(&b, "    %s\n", a)
	}
	if len(in.URLs) > 0 {
		fmt.Fprintf(&b, "\n  or scan: %s\n", in.URLs[0])
		if qr, err := room.QRText(in.URLs[0]); err == nil {
			b.WriteString(indentAll(qr, "    "))
		}
	}
	fmt.Fprintf(&b, "\n  INSTRUCTOR TOKEN (keep it to yourself): %s\n", in.Token)
	b.WriteString("\n  Type: pause | resume | stop | minutes M | notice [@TARGET] TEXT | inject [@TARGET] ID | reports | dash | help\n")
	b.WriteString("  TARGET is a trainee id (t3) or team:NAME; without it the whole room. Ctrl-C closes the room.\n\n")
	hr.printf("%s", b.String())
}

func indentAll(s, pre string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString(pre + l + "\n")
	}
	return b.String()
}

// spaced writes a code with a space between its letters.
func spaced(code string) string { return strings.Join(strings.Split(code, ""), " ") }

// command carries out one line the instructor typed.
func (hr *hostRun) command(line string) {
	verb, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
	arg = strings.TrimSpace(arg)
	var to room.Target
	if rest, ok := strings.CutPrefix(arg, "@"); ok {
		target, after, _ := strings.Cut(rest, " ")
		if team, ok := strings.CutPrefix(target, "team:"); ok {
			to.Team = team
		} else {
			to.Trainee = target
		}
		arg = strings.TrimSpace(after)
	}
	var err error
	n := 0
	switch verb {
	case "":
		return
	case "help":
		hr.printf("pause | resume | stop | minutes M | notice [@TARGET] TEXT | inject [@TARGET] ID (%s) | dash | info | reports [FOLDER]\n", hr.injects())
		return
	case "reports":
		hr.reports(arg)
		return
	case "dash":
		hr.dashboard()
		return
	case "info":
		hr.banner()
		return
	case "minutes":
		m, perr := strconv.ParseFloat(arg, 64)
		if perr != nil || m < 0 || m > 24*60 {
			hr.printf("minutes takes a number from 0 to 1440\n")
			return
		}
		hr.h.SetBudget(time.Duration(m * float64(time.Minute)))
		hr.printf("countdown: %s\n", clock(time.Duration(m*float64(time.Minute))))
		return
	case "notice":
		n, err = hr.h.Notice(to, arg)
	default:
		// pause, resume, stop and inject are console commands as they are.
		n, err = hr.h.Command(to, strings.TrimSpace(verb+" "+arg))
	}
	if err != nil {
		hr.printf("%s\n", terminal.Escape(hr.errText(err)))
		return
	}
	hr.printf("sent %s to %d trainee(s)\n", terminal.Escape(strings.TrimSpace(verb+" "+arg)), n)
}

// reports writes every trainee's after-action report and an index into
// dir (default: takedown-room-CODE-reports in the current folder).
func (hr *hostRun) reports(dir string) {
	if dir == "" {
		dir = "takedown-room-" + hr.h.Code() + "-reports"
	}
	var logs []report.RoomLog
	for _, l := range hr.h.Logs() {
		logs = append(logs, report.RoomLog{ID: l.ID, Name: l.Name, Team: l.Team, Log: l.Log})
	}
	index, err := report.WriteRoom(dir, hr.h.Program(), hr.h.Code(), logs, report.Options{Lang: game.EN, Text: hr.env.Text,
		Scenario: hr.h.Info().Scenario, Account: records.Account{HomePage: defaultHome}})
	if err != nil {
		hr.printf("reports: %s\n", terminal.Escape(err.Error()))
		return
	}
	hr.printf("reports of %d trainee(s): %s\n", len(logs), terminal.Escape(index))
}

// errText renders an error: the room's refusals in English (the message
// catalogues may lack them), the rules' messages from the catalogue.
func (hr *hostRun) errText(err error) string {
	var r *room.RefusedError
	if errors.As(err, &r) {
		return r.Error()
	}
	return hr.env.render(err)
}

// injects lists the scenario's injects.
func (hr *hostRun) injects() string {
	var ids []string
	for _, in := range hr.h.Scenario().Injects {
		ids = append(ids, in.ID)
	}
	if len(ids) == 0 {
		return "the scenario declares none"
	}
	return strings.Join(ids, ", ")
}

// dashboard prints the room's state compactly.
func (hr *hostRun) dashboard() {
	d := hr.h.Dashboard()
	var b strings.Builder
	online := 0
	for _, r := range d.Trainees {
		if r.State == room.StateOnline {
			online++
		}
	}
	state := "running"
	switch {
	case d.Stopped:
		state = "ended"
	case d.Paused:
		state = "PAUSED"
	}
	fmt.Fprintf(&b, "\n%s  room %s  %s", time.Now().Format("15:04:05"), d.Code, state)
	if d.Clock.Budget > 0 {
		fmt.Fprintf(&b, "  time left %s", clock(time.Duration(d.Clock.Remaining)*time.Millisecond))
	}
	fmt.Fprintf(&b, "  trainees %d (%d online)  attention %d\n", len(d.Trainees), online, d.Attention)
	if len(d.Trainees) > 0 {
		fmt.Fprintf(&b, "  %-4s %-16s %-10s %-7s %-8s %4s %4s %7s %5s  %s\n", "id", "name", "team", "conn", "phase", "day", "cmds", "lessons", "ev+/-", "mistakes; attention")
	}
	for _, r := range d.Trainees {
		lessons := "-"
		if r.Lessons != nil {
			lessons = fmt.Sprintf("%d/%d", r.Lessons.Met, r.Lessons.Of)
		}
		phase := string(r.Phase)
		if r.Ended {
			phase = r.Result
		}
		var notes []string
		for _, m := range r.Mistakes {
			notes = append(notes, m.ID)
		}
		notes = append(notes, ";")
		for _, a := range r.Attention {
			notes = append(notes, string(a))
		}
		if r.Problem != nil {
			notes = append(notes, r.Problem.Text)
		}
		fmt.Fprintf(&b, "  %-4s %s %s %-7s %-8s %4d %4d %7s %5s  %s\n", r.ID, fit(r.Name, 16), fit(r.Team, 10), r.State, phase, r.Day,
			r.Entries, lessons, fmt.Sprintf("%d/%d", r.Admitted, r.Rejected), terminal.Escape(strings.Join(notes, " ")))
	}
	hr.printf("%s", b.String())
}

// fit escapes an untrusted name and pads or cuts it to n characters.
func fit(s string, n int) string {
	s = terminal.Escape(s)
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		return string(r[:n-1]) + "…"
	}
	return s + strings.Repeat(" ", n-utf8.RuneCountInString(s))
}

// clock writes a countdown as [-]M:SS.
func clock(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// replayOutcome is one trainee of a replayed archive.
type replayOutcome struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Team     string `json:"team,omitempty"`
	Entries  int    `json:"entries"`
	Day      int    `json:"day"`
	Ended    bool   `json:"ended"`
	Ending   string `json:"ending,omitempty"`
	Result   string `json:"result,omitempty"`
	Score    int    `json:"score"`
	Checksum string `json:"checksum"`
	Error    string `json:"error,omitempty"` // why the log stopped replaying
}

// replayRoom replays every log of a room's archive and prints each
// trainee's outcome; a log that does not replay is a finding.
func (env Env) replayRoom(file string, asJSON bool) (int, error) {
	ar, err := room.ReadArchive(file)
	if err != nil {
		return 0, err
	}
	prog, err := ar.Compile(room.PathCompiler(env.Cat))
	if err != nil {
		return 0, err
	}
	var outs []replayOutcome
	code := ExitOK
	for i, t := range ar.Manifest.Trainees {
		o := replayOutcome{ID: t.ID, Name: t.Name, Team: t.Team}
		s, rerr := ar.Replay(prog, i)
		if rerr != nil {
			o.Error = env.render(rerr)
			code = ExitFinding
		}
		if s != nil {
			g := s.Game()
			o.Entries, o.Day, o.Ended, o.Checksum = len(g.Log()), s.View().Day, g.Ended(), g.Checksum()
			if e := g.Ending(); e != nil {
				o.Ending, o.Result = e.ID, e.Result
				if d := g.Debrief(); d != nil {
					o.Score = d.Score
				}
			}
			s.Close()
		}
		outs = append(outs, o)
	}
	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return code, enc.Encode(outs)
	}
	m := ar.Manifest
	fmt.Fprintf(env.Stdout, "room %s: scenario %s (hash %.12s), seed %d, %d trainees\n", terminal.Escape(m.Code), terminal.Escape(m.Scenario.ID),
		m.Scenario.Hash, m.Seed, len(m.Trainees))
	for _, o := range outs {
		who := o.Name
		if o.Team != "" {
			who += " (" + o.Team + ")"
		}
		outcome := fmt.Sprintf("not ended, day %d", o.Day)
		if o.Ended {
			outcome = fmt.Sprintf("ending %s (%s), score %d", o.Ending, o.Result, o.Score)
		}
		fmt.Fprintf(env.Stdout, "  %-4s %s %4d commands  %s\n", terminal.Escape(o.ID), fit(who, 28), o.Entries, terminal.Escape(outcome))
		if o.Error != "" {
			fmt.Fprintf(env.Stdout, "       the log stopped replaying: %s\n", terminal.Escape(o.Error))
		}
	}
	return code, nil
}

// bigText draws a room code in block letters five lines high.
func bigText(code string) []string {
	lines := make([]string, 5)
	for _, r := range code {
		g := glyph(r)
		for i := range lines {
			row := strings.NewReplacer("#", "██", ".", "  ").Replace(g[i*5 : i*5+5])
			lines[i] += row + "  "
		}
	}
	return lines
}

// glyph is a letter of the room-code alphabet, 5 by 5, row by row.
func glyph(r rune) string {
	switch r {
	case 'A':
		return ".###.#...#######...##...#"
	case 'C':
		return ".#####....#....#.....####"
	case 'D':
		return "####.#...##...##...#####."
	case 'E':
		return "######....####.#....#####"
	case 'F':
		return "######....####.#....#...."
	case 'H':
		return "#...##...#######...##...#"
	case 'J':
		return "..###...#....#.#..#..##.."
	case 'K':
		return "#...##..#.###..#..#.#...#"
	case 'M':
		return "#...###.###.#.##...##...#"
	case 'N':
		return "#...###..##.#.##..###...#"
	case 'P':
		return "####.#...#####.#....#...."
	case 'R':
		return "####.#...#####.#..#.#...#"
	case 'T':
		return "#####..#....#....#....#.."
	case 'U':
		return "#...##...##...##...#.###."
	case 'V':
		return "#...##...##...#.#.#...#.."
	case 'W':
		return "#...##...##.#.###.###...#"
	case 'X':
		return "#...#.#.#...#...#.#.#...#"
	case 'Y':
		return "#...#.#.#...#....#....#.."
	case '3':
		return "####.....#.###.....#####."
	case '4':
		return "#...##...######....#....#"
	case '7':
		return "#####....#...#...#....#.."
	case '9':
		return ".###.#...#.####....#.###."
	}
	return "........................."
}
