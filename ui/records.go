package ui

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"takedown/game"
	"takedown/i18n"
	"takedown/records"
)

// RecordsOptions say where the app keeps and sends training records.
type RecordsOptions struct {
	// Dir is the outbox's folder; "" keeps no training records.
	Dir string
	// Endpoint, Username, Password, Home and Account, when given (on the
	// command line), take the place of the saved settings for this run:
	// the LRS's xAPI address, its key and secret, the academy's home page
	// and the trainee's account name on it.
	Endpoint, Username, Password, Home, Account string
	// Launch is a cmi5 launch by an LMS: the session's statements then go
	// to the LMS's endpoint with the cmi5 rules, in an outbox of their own.
	Launch *records.Launch
	// Client makes the HTTP requests; nil uses one with a 30 s timeout.
	Client *http.Client
	// hold keeps the statements in the outbox, never sent (screenshots).
	hold bool
}

// defaultHome is the academy's home page when none is set: a reserved
// name that never resolves, as the xapi command uses.
const defaultHome = "https://academy.invalid/"

// pushJob is a session's state to turn into statements: its log as text,
// its events and its View, all taken on the loop after a command.
type pushJob struct {
	log     []byte
	events  []game.Event
	view    *game.View
	suspend bool // the trainee left the session: end it with suspended
	// room, when set, is a hosted room's statements, already built: the
	// job stores them as they are (room_records.go).
	room []records.Statement
}

// recordsStatus is what the window shows of the records.
type recordsStatus struct {
	pending, dead int
	syncing       bool
	noLRS         bool  // no LRS is set: statements wait
	noAccount     bool  // no account is set: nothing is recorded
	stopped       error // the LRS refused the credentials: sending stopped
	lastErr       error // the last send failed for another reason (it is retried)
	cmi5          bool
	failed        error // the outbox could not be opened, or the cmi5 launch failed
}

// recordsKeeper turns each session's log into xAPI statements in the outbox
// and sends them to the LRS in the background, off the window's loop: one
// goroutine adds statements (the outbox is on disk), another sends them,
// retrying with a growing pause after a failure and stopping when the LRS
// refuses the credentials until the settings change. The loop talks to it
// through push, configure and poll, none of which waits for the disk or
// the network.
type recordsKeeper struct {
	opt    RecordsOptions
	text   *i18n.Catalog
	client *http.Client
	ctx    context.Context
	cancel context.CancelFunc
	wake   chan struct{} // asks the sender to send now
	news   chan struct{} // tells the loop that something changed
	quit   chan struct{}
	pushWG sync.WaitGroup
	syncWG sync.WaitGroup

	mu       sync.Mutex
	cond     *sync.Cond // signals the queue and the pusher's idleness
	queue    []pushJob
	pushing  bool
	closing  bool
	opened   bool // the pusher has tried to open the outbox
	out      *records.Outbox
	failed   error
	cfg      *records.Config // nil when no LRS is set or the setting is wrong
	account  records.Account // empty name: nothing is recorded
	stopped  error
	told     bool // stopped was put on screen
	lastErr  error
	syncing  bool
	problems []string // what to tell the user once
	cmi      *cmi5Session
	// counts are the outbox's counts as last read by the keeper's own
	// goroutines: reading them from the outbox on the loop could wait for
	// a write to reach the disk.
	counts records.Status
}

// newRecordsKeeper starts the keeper; nil when the app keeps no records.
func newRecordsKeeper(opt RecordsOptions, set recordSettings, text *i18n.Catalog) *recordsKeeper {
	if opt.Dir == "" && opt.Launch == nil {
		return nil
	}
	k := &recordsKeeper{opt: opt, text: text, client: opt.Client, wake: make(chan struct{}, 1),
		news: make(chan struct{}, 1), quit: make(chan struct{})}
	if k.client == nil {
		k.client = &http.Client{Timeout: 30 * time.Second}
	}
	k.cond = sync.NewCond(&k.mu)
	k.ctx, k.cancel = context.WithCancel(context.Background())
	if opt.Launch != nil {
		k.cmi = newCMI5Session(*opt.Launch, k.client)
	}
	k.configure(set)
	k.pushWG.Add(1)
	go k.pushLoop()
	k.syncWG.Add(1)
	go k.syncLoop()
	return k
}

// effective merges the command line's settings over the saved ones.
func (k *recordsKeeper) effective(set recordSettings) recordSettings {
	o := k.opt
	for _, p := range []struct {
		dst *string
		v   string
	}{
		{&set.endpoint, o.Endpoint}, {&set.username, o.Username}, {&set.password, o.Password},
		{&set.home, o.Home}, {&set.account, o.Account},
	} {
		if p.v != "" {
			*p.dst = p.v
		}
	}
	return set
}

// configure takes the LRS settings: the next send uses them, and a send
// stopped by refused credentials is tried again.
func (k *recordsKeeper) configure(set recordSettings) {
	set = k.effective(set)
	cfg, err := set.config()
	k.mu.Lock()
	k.cfg = nil
	if err == nil {
		k.cfg = &cfg
	}
	k.account = set.accountOf()
	k.stopped, k.told, k.lastErr = nil, false, nil
	k.mu.Unlock()
	k.kick()
	k.notify()
}

// kick wakes the sender.
func (k *recordsKeeper) kick() {
	select {
	case k.wake <- struct{}{}:
	default:
	}
}

// notify tells the loop that the status changed.
func (k *recordsKeeper) notify() {
	select {
	case k.news <- struct{}{}:
	default:
	}
}

// push queues a session's state; the statements are made and stored off
// the loop.
func (k *recordsKeeper) push(j pushJob) {
	k.mu.Lock()
	if !k.closing {
		k.queue = append(k.queue, j)
		k.cond.Broadcast()
	}
	k.mu.Unlock()
}

// retry sends again now, after refused credentials or a failure.
func (k *recordsKeeper) retry() {
	k.mu.Lock()
	k.stopped, k.told, k.lastErr = nil, false, nil
	k.mu.Unlock()
	k.kick()
	k.notify()
}

// poll reports, on the loop, whether the status changed since the last
// poll, the refusal of the credentials if it is new, and problems to show.
func (k *recordsKeeper) poll() (changed bool, stopped error, problems []string) {
	select {
	case <-k.news:
		changed = true
	default:
		return false, nil, nil
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.stopped != nil && !k.told {
		k.told = true
		stopped = k.stopped
	}
	problems, k.problems = k.problems, nil
	return changed, stopped, problems
}

// status is what the window shows; it never waits for the disk.
func (k *recordsKeeper) status() recordsStatus {
	k.mu.Lock()
	st := recordsStatus{noLRS: k.cfg == nil, noAccount: k.account.Name == "", stopped: k.stopped,
		lastErr: k.lastErr, syncing: k.syncing, failed: k.failed, cmi5: k.cmi != nil,
		pending: k.counts.Pending, dead: k.counts.Dead}
	k.mu.Unlock()
	if st.cmi5 {
		st.noLRS, st.noAccount = false, false
	}
	return st
}

// count reads the outbox's counts for status, off the loop.
func (k *recordsKeeper) count() {
	k.mu.Lock()
	out := k.out
	k.mu.Unlock()
	if out == nil {
		return
	}
	s := out.Status()
	k.mu.Lock()
	k.counts = s
	k.mu.Unlock()
}

// problem keeps something to tell the user.
func (k *recordsKeeper) problem(s string) {
	k.mu.Lock()
	k.problems = append(k.problems, s)
	k.mu.Unlock()
	k.notify()
}

// pushLoop opens the outbox, then turns queued sessions into statements.
func (k *recordsKeeper) pushLoop() {
	defer k.pushWG.Done()
	k.open()
	for {
		k.mu.Lock()
		for len(k.queue) == 0 && !k.closing {
			k.pushing = false
			k.cond.Broadcast()
			k.cond.Wait()
		}
		if len(k.queue) == 0 {
			k.pushing = false
			k.cond.Broadcast()
			k.mu.Unlock()
			return
		}
		jobs := k.queue
		k.queue = nil
		k.pushing = true
		k.mu.Unlock()
		for _, j := range jobs {
			k.store(j)
		}
		k.count()
		k.kick()
		k.notify()
	}
}

// open opens the outbox (and starts a cmi5 session), off the loop.
func (k *recordsKeeper) open() {
	var out *records.Outbox
	var err error
	if k.cmi != nil {
		out, err = k.cmi.start(k.ctx, k.opt.Dir)
	} else {
		out, err = records.OpenOutbox(k.opt.Dir)
	}
	k.mu.Lock()
	k.opened = true
	k.out, k.failed = out, err
	if err != nil {
		k.problems = append(k.problems, err.Error())
	}
	if err == nil && out != nil {
		if r := out.Recovery(); len(r.Problems) > 0 || r.CutBytes > 0 || r.LostBytes > 0 {
			k.problems = append(k.problems, r.String())
		}
	}
	k.mu.Unlock()
	k.count()
	k.kick()
	k.notify()
}

// store makes a session's statements and adds the new ones to the outbox.
func (k *recordsKeeper) store(j pushJob) {
	k.mu.Lock()
	out, account, failed := k.out, k.account, k.failed
	k.mu.Unlock()
	if out != nil && failed == nil && k.cmi == nil && len(j.room) > 0 {
		if err := addStatements(out, j.room); err != nil {
			k.problem(err.Error())
		}
		return
	}
	if out == nil || failed != nil || j.view == nil {
		return
	}
	l, err := game.ParseLog(bytes.NewReader(j.log))
	if err != nil {
		k.problem(err.Error())
		return
	}
	opt := records.StatementOptions{Account: account, Text: k.text, Suspend: j.suspend}
	if k.cmi != nil {
		opt = k.cmi.options(k.text, j.suspend)
	} else if account.Name == "" {
		return // records are off until the trainee's account is set
	}
	sts, err := records.Statements(records.Session{Log: l, Events: j.events, View: j.view}, opt)
	if err != nil {
		k.problem(err.Error())
		return
	}
	if k.cmi != nil {
		for _, p := range k.cmi.record(sts) {
			k.problem(p)
		}
		return
	}
	if err := addStatements(out, sts); err != nil {
		k.problem(err.Error())
	}
}

// addStatements adds statements the outbox does not have yet. Stored bytes
// never change: should a statement come out differently from the copy
// already stored (it should not), the stored one is kept and the others
// are still added.
func addStatements(out *records.Outbox, sts []records.Statement) error {
	items, err := records.Freeze(sts)
	if err != nil {
		return err
	}
	err = out.AddBatch(items)
	var conflict *records.ConflictError
	if !errors.As(err, &conflict) {
		return err
	}
	var errs []error
	for _, it := range items {
		if err := out.Add(it.ID, it.Statement); err != nil && !errors.As(err, &conflict) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// flush waits until every queued session is in the outbox, for tests and
// closing.
func (k *recordsKeeper) flush() {
	k.mu.Lock()
	for !k.opened || len(k.queue) > 0 || k.pushing {
		k.cond.Wait()
	}
	k.mu.Unlock()
}

// poster is what the next send goes to; nil when there is nothing to
// send to or sending stopped.
func (k *recordsKeeper) poster() (*records.Outbox, records.Poster) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.out == nil || k.stopped != nil || k.opt.hold {
		return nil, nil
	}
	if k.cmi != nil {
		if lrs := k.cmi.lrs(); lrs != nil {
			return k.out, lrs
		}
		return nil, nil
	}
	if k.cfg == nil {
		return nil, nil
	}
	lrs, err := records.NewLRS(*k.cfg, k.client)
	if err != nil {
		return nil, nil
	}
	return k.out, lrs
}

// syncOptions are how a send retries within itself.
func syncOptions(jitter records.Jitter) records.SyncOptions {
	return records.SyncOptions{Attempts: 3, MinBackoff: time.Second, MaxBackoff: 20 * time.Second, Jitter: jitter}
}

// syncLoop sends pending statements whenever something is added or the
// settings change, and after a failure again after a pause that doubles
// from 30 seconds to 10 minutes.
func (k *recordsKeeper) syncLoop() {
	defer k.syncWG.Done()
	jitter := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0x7a4e))
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	pause := time.Duration(0)
	for {
		select {
		case <-k.quit:
			return
		case <-k.wake:
		case <-timer.C:
		}
		out, p := k.poster()
		if out == nil || out.Pending() == 0 {
			continue
		}
		k.setSyncing(true)
		_, err := out.Sync(k.ctx, p, syncOptions(jitter))
		k.count()
		k.setSyncing(false)
		var auth *records.AuthError
		switch {
		case err == nil:
			pause = 0
			k.setErr(nil)
		case k.ctx.Err() != nil:
			return
		case errors.As(err, &auth):
			k.mu.Lock()
			k.stopped, k.told = err, false
			k.mu.Unlock()
		default:
			k.setErr(err)
			pause = min(max(2*pause, 30*time.Second), 10*time.Minute)
			timer.Reset(pause)
		}
		k.notify()
	}
}

func (k *recordsKeeper) setSyncing(on bool) {
	k.mu.Lock()
	k.syncing = on
	k.mu.Unlock()
	k.notify()
}

func (k *recordsKeeper) setErr(err error) {
	k.mu.Lock()
	k.lastErr = err
	k.mu.Unlock()
}

// close stores the last jobs, ends a cmi5 session with terminated, tries
// a last send for a little while, and closes the outbox.
func (k *recordsKeeper) close(final []pushJob) {
	for _, j := range final {
		k.push(j)
	}
	k.mu.Lock()
	k.closing = true
	k.cond.Broadcast()
	k.mu.Unlock()
	k.pushWG.Wait()
	wait := 3 * time.Second
	if k.cmi != nil {
		wait = 10 * time.Second // the token lasts only this session
	}
	// A send under way may finish (what it sent is then marked sent, not
	// sent again); past the wait it is cancelled.
	close(k.quit)
	stopped := make(chan struct{})
	go func() {
		k.syncWG.Wait()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-time.After(wait):
		k.cancel()
		<-stopped
	}
	k.cancel()
	if k.cmi != nil {
		for _, p := range k.cmi.terminate() {
			k.problem(p)
		}
	}
	if out, p := k.poster(); out != nil && out.Pending() > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		_, _ = out.Sync(ctx, p, records.SyncOptions{Attempts: 1})
		cancel()
	}
	k.mu.Lock()
	out := k.out
	k.mu.Unlock()
	if out != nil {
		_ = out.Close()
	}
}

// recordJob is the running session's state for the records, or false when
// it is not recorded (a replay of someone's report, a room's session).
func (a *App) recordJob(suspend bool) (pushJob, bool) {
	m := a.m
	if a.keeper == nil || m == nil || m.replay != "" || m.src == nil || len(m.log) == 0 {
		return pushJob{}, false
	}
	if suspend && m.view.Ending != nil {
		suspend = false
	}
	return pushJob{log: m.log, events: m.eng.Events(), view: m.view, suspend: suspend}, true
}

// recordCommand queues the session after a command that was logged.
func (a *App) recordCommand(events []game.Event) {
	if j, ok := a.recordJob(false); ok {
		j.events = events
		a.keeper.push(j)
	}
}

// recordLeave queues the session as left: the app closes, or another
// session takes its place.
func (a *App) recordLeave() {
	if j, ok := a.recordJob(true); ok {
		a.keeper.push(j)
	}
}

// pollRecords takes the records' news on the loop: a refusal of the
// credentials is put on screen once.
func (a *App) pollRecords() bool {
	if a.keeper == nil {
		return false
	}
	changed, stopped, problems := a.keeper.poll()
	if !changed {
		return false
	}
	if stopped != nil {
		a.overlay = a.authOverlay(stopped)
	} else if len(problems) > 0 && a.overlay == nil {
		a.overlay = &overlay{title: a.t("records.problem"), lines: problems, bad: true}
	}
	a.rebuild = true
	return true
}

// authOverlay says that the LRS refused the credentials and that sending
// stopped.
func (a *App) authOverlay(err error) *overlay {
	var auth *records.AuthError
	status := 401
	if errors.As(err, &auth) {
		status = auth.Status
	}
	o := &overlay{title: a.t("records.auth_title"), bad: true,
		lines: []string{a.t("records.auth_text", game.Num("status", int64(status))), a.t("records.auth_kept")}}
	o.choices = []choice{
		{"open_settings", a.t("settings.open"), bPrimary, then(effect{kind: effDismiss}, goTo(SceneSettings))},
		{"dismiss", a.t("dismiss"), bNormal, effect{kind: effDismiss}},
	}
	return o
}

// recordsLine says how many statements wait, and why, for the title scene
// and the settings; "" when the app keeps no records.
func (a *App) recordsLine() (string, bool) {
	if a.keeper == nil {
		return "", false
	}
	st := a.keeper.status()
	var parts []string
	warn := false
	switch {
	case st.failed != nil:
		return a.t("records.failed"), true
	case st.noAccount:
		return a.t("records.off"), false
	}
	parts = append(parts, a.t("records.waiting", game.Count("n", int64(st.pending))))
	switch {
	case st.stopped != nil:
		parts = append(parts, a.t("records.stopped"))
		warn = true
	case st.noLRS && st.pending > 0:
		parts = append(parts, a.t("records.no_lrs"))
	case st.syncing:
		parts = append(parts, a.t("records.sending"))
	case st.lastErr != nil:
		parts = append(parts, a.t("records.retrying"))
		warn = true
	}
	if st.dead > 0 {
		parts = append(parts, a.t("records.dead", game.Count("n", int64(st.dead))))
		warn = true
	}
	return strings.Join(parts, " · "), warn
}

// closeRecords ends the records of this run: the session is left
// (suspended), a cmi5 session terminated, and what waits is sent for a
// moment before the outbox closes.
func (a *App) closeRecords() {
	if a.keeper == nil {
		return
	}
	var final []pushJob
	if j, ok := a.recordJob(true); ok {
		final = append(final, j)
	}
	a.keeper.close(final)
	a.keeper = nil
}

// saveSlot is the save a session is kept in: one per scenario, or the
// launch's own for a cmi5 launch.
func (a *App) saveSlot(scenarioID string) string {
	if a.keeper != nil && a.keeper.opt.Launch != nil {
		return cmi5SaveName(*a.keeper.opt.Launch)
	}
	return saveName(scenarioID)
}
