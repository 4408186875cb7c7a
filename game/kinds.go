package game

import "strings"

// EventKind names what happened in an event. Every kind the rules or a
// script can produce is catalogued in EventKinds; a kind that is not there
// is a bug (a test plays every walkthrough and checks).
type EventKind string

// The event kinds.
const (
	EvStart           EventKind = "start"
	EvCommand         EventKind = "command"
	EvOutput          EventKind = "output"
	EvRevealed        EventKind = "revealed"
	EvEvidence        EventKind = "evidence"
	EvRequestSent     EventKind = "request_sent"
	EvAnswer          EventKind = "answer"
	EvRejected        EventKind = "rejected"
	EvPreserved       EventKind = "preserved"
	EvRecordsExpired  EventKind = "records_expired"
	EvSiteDown        EventKind = "site_down"
	EvSiteReappeared  EventKind = "site_reappeared"
	EvBlocked         EventKind = "blocked"
	EvPackage         EventKind = "package_received"
	EvInstructed      EventKind = "instructed"
	EvTippedOff       EventKind = "tipped_off"
	EvWiped           EventKind = "wiped"
	EvFled            EventKind = "fled"
	EvWarrant         EventKind = "warrant"
	EvRaid            EventKind = "raid"
	EvArrest          EventKind = "arrest"
	EvHandoffSent     EventKind = "handoff_sent"
	EvHandoffReturned EventKind = "handoff_returned"
	EvCaseOpened      EventKind = "case_opened"
	EvCaseRefused     EventKind = "case_refused"
	EvIndicted        EventKind = "indicted"
	EvVerdict         EventKind = "verdict"
	EvDeadline        EventKind = "deadline"
	EvMessage         EventKind = "message"
	EvTimer           EventKind = "timer"
	EvEnding          EventKind = "ending"
	EvScriptError     EventKind = "script_error"
	EvCourtReturned   EventKind = "court_returned"
	EvInstruction     EventKind = "instruction"
	EvInject          EventKind = "inject"
	EvNotice          EventKind = "notice"
	EvPaused          EventKind = "paused"
	EvResumed         EventKind = "resumed"
)

// Category groups event kinds for the inbox and the timeline.
type Category string

// The event categories.
const (
	CatSession   Category = "session"   // start, ending
	CatConsole   Category = "console"   // commands and tool output
	CatLead      Category = "lead"      // something new became known
	CatEvidence  Category = "evidence"  // the case file grew
	CatRequest   Category = "request"   // a legal request left
	CatAnswer    Category = "answer"    // an answer arrived, data was frozen
	CatRefusal   Category = "refusal"   // something was refused
	CatDataLoss  Category = "data_loss" // data was deleted or wiped
	CatSite      Category = "site"      // the site went down or came back
	CatAdversary Category = "adversary" // the operators reacted
	CatOperation Category = "operation" // warrant, raid, arrest
	CatCase      Category = "case"      // hand-off, case opened or refused, indictment
	CatCourt     Category = "court"     // verdict, deadline
	CatMessage   Category = "message"   // a message arrived in the inbox
	CatScript    Category = "script"    // timers and script errors
	CatRoom      Category = "room"      // the instructor's injects, notices, pauses
)

// EventKindInfo documents one event kind.
type EventKindInfo struct {
	Kind     EventKind
	Category Category
	Doc      string   // what it means, for scenario authors
	Subject  string   // what the subject holds
	Data     []string // the keys of its data
	Inbox    bool     // shown in the trainee's inbox
	Timeline bool     // labelled on the debrief's timeline
}

// EventKinds is the catalogue of event kinds, in a stable order. The
// scripting reference and docs/rules.md are generated from it.
func EventKinds() []EventKindInfo {
	return []EventKindInfo{
		{EvStart, CatSession, "the session started", "the scenario id", nil, false, false},
		{EvCommand, CatConsole, "a command was given", "the verb", nil, false, false},
		{EvOutput, CatConsole, "a tool's or an answer's output", "the tool, or the request id", []string{"target"}, false, false},
		{EvRevealed, CatLead, "a new entity became known", "its id", append([]string{"kind"}, requestKeys()...), false, false},
		{EvEvidence, CatEvidence, "an item was added to the case file", "E1, E2, ...", append([]string{"id", "sha256", "admissible", "source"}, requestKeys()...), false, false},
		{EvRequestSent, CatRequest, "a legal request left", "the request id", []string{"instrument", "holder", "target"}, false, false},
		{EvAnswer, CatAnswer, "a legal request was answered", "the request id", requestKeys(), true, false},
		{EvRejected, CatRefusal, "a request or action was refused", "the verb or the request id", []string{"reason"}, true, false},
		{EvPreserved, CatAnswer, "data was frozen through the 24/7 Network", "the request id", append([]string{"until"}, requestKeys()...), true, true},
		{EvRecordsExpired, CatDataLoss, "a holder deleted data at the end of its retention", "the record id", []string{"holder"}, false, true},
		{EvSiteDown, CatSite, "a site was taken down", "the domain", append([]string{"early"}, requestKeys()...), true, true},
		{EvSiteReappeared, CatSite, "the site came back under a new domain, or opened a mirror (hidden until found)", "the new domain", []string{"mirror"}, true, true},
		{EvPackage, CatCase, "a package reached the trainee's unit, which decides on it", "the sending unit", nil, true, true},
		{EvInstructed, CatCase, "an instruction to another unit was given, carried out, or could not be", "the unit", []string{"line", "state"}, true, false},
		{EvBlocked, CatSite, "a domain was blocked in the home country (a rule pack's instrument)", "the domain", append([]string{}, requestKeys()...), true, true},
		{EvTippedOff, CatAdversary, "the operators learned of the investigation", "", append([]string{"cause"}, requestKeys()...), false, true},
		{EvWiped, CatAdversary, "the operators wiped their computers", "", nil, false, true},
		{EvFled, CatAdversary, "a person left the country", "the person", nil, false, true},
		{EvWarrant, CatOperation, "a search warrant was granted", "the person", append([]string{"until"}, requestKeys()...), true, false},
		{EvRaid, CatOperation, "a search took place", "the person", []string{"live", "found", "night", "unlawful"}, true, true},
		{EvArrest, CatOperation, "a person was detained", "the person", nil, true, true},
		{EvHandoffSent, CatCase, "the package went to the unit that may open a case", "the unit", []string{"items", "suspects"}, true, true},
		{EvHandoffReturned, CatCase, "the package came back with missing items", "the unit", []string{"missing"}, true, true},
		{EvCaseOpened, CatCase, "a criminal case was opened", "the unit", nil, true, true},
		{EvCaseRefused, CatCase, "no criminal case will be opened", "the unit", nil, true, true},
		{EvIndicted, CatCase, "the case went to court", "", nil, true, true},
		{EvVerdict, CatCourt, "the court decided", "", []string{"convicted", "missing", "lesser"}, true, true},
		{EvDeadline, CatCourt, "the case deadline passed", "", nil, true, true},
		{EvMessage, CatMessage, "a message arrived in the inbox", "the sender", nil, true, false},
		{EvTimer, CatScript, "a timer ran out (handled by on_timer)", "the timer id", nil, false, false},
		{EvEnding, CatSession, "the case ended", "the ending id", []string{"result", "score"}, true, true},
		{EvScriptError, CatScript, "a scenario handler failed", "", []string{"pos"}, true, false},
		{EvCourtReturned, CatCourt, "the court sent the case back for additional investigation", "", []string{"missing"}, true, true},
		{EvInstruction, CatCase, "the investigator who leads the case sent an instruction", "the unit", []string{"missing"}, true, false},
		{EvInject, CatRoom, "the instructor fired an inject (handled by on_inject)", "the inject id", nil, true, true},
		{EvNotice, CatRoom, "the instructor sent a message", "", nil, true, false},
		{EvPaused, CatRoom, "the instructor paused the room", "", nil, true, false},
		{EvResumed, CatRoom, "the instructor resumed the room", "", nil, true, false},
	}
}

// requestKeys are the data keys of an event delivered as a request's
// answer, and of the events the answer causes (a lead it reveals, the
// evidence it brings, a warning it gives the operators).
func requestKeys() []string { return []string{"request", "instrument", "holder", "target", "sent_at"} }

// KindInfo returns the catalogue entry of a kind, and whether there is one.
//
// KindInfo builds the catalogue on each call: code that looks up many
// events takes a KindIndex once.
func KindInfo(k EventKind) (EventKindInfo, bool) {
	for _, info := range EventKinds() {
		if info.Kind == k {
			return info, true
		}
	}
	return EventKindInfo{}, false
}

// KindIndex returns the catalogue of event kinds as a map.
func KindIndex() map[EventKind]EventKindInfo {
	kinds := EventKinds()
	m := make(map[EventKind]EventKindInfo, len(kinds))
	for _, k := range kinds {
		m[k.Kind] = k
	}
	return m
}

// Flag is the name of a session flag. The rules set the flags below; a
// scenario's handlers may set flags of their own with any other name.
type Flag string

// The flags the rules set.
const (
	FlagPreserveSent        Flag = "preserve_sent"         // a preservation request left
	FlagPreserved           Flag = "preserved"             // foreign data was frozen
	FlagMLATSent            Flag = "mlat_sent"             // an MLAT request left
	FlagInformal            Flag = "informal_request"      // an informal request was sent
	FlagTippedOff           Flag = "tipped_off"            // the operators learned of the investigation
	FlagRaidLive            Flag = "raid_live"             // a raid found the computers on
	FlagRaidCold            Flag = "raid_cold"             // a raid found the computers off or wiped
	FlagArrested            Flag = "arrested"              // someone was detained
	FlagTakedownEarly       Flag = "takedown_early"        // the site went down before any operator was detained
	FlagTakedownAfterArrest Flag = "takedown_after_arrest" // the site went down after an arrest
	FlagHandoffSent         Flag = "handoff_sent"          // a hand-off package left
	FlagHandoffReturned     Flag = "handoff_returned"      // a package came back
	FlagCaseOpen            Flag = "case_open"             // a criminal case was opened
	FlagStatement           Flag = "statement"             // a rights holder's statement of losses is in the file
	FlagUnlawfulSearch      Flag = "unlawful_search"       // a search was unlawful (at night without a real urgency)
	FlagCourtReturned       Flag = "court_returned"        // the court sent the case back
	FlagHandoffRefused      Flag = "handoff_refused"       // the unit refused to open a case (even if later reviewed)
	FlagDecisionLate        Flag = "decision_late"         // no decision on a package within the time the law gives
	FlagReturnWasted        Flag = "return_wasted"         // a package was returned asking for what it already proved
)

// FlagInfo documents a flag the rules set.
type FlagInfo struct {
	Flag Flag
	Doc  string
}

// RuleFlags is the catalogue of flags the rules set. The tools also set
// "used_TOOL" (used_whois, used_capture, ...) when a tool is used.
func RuleFlags() []FlagInfo {
	return []FlagInfo{
		{FlagPreserveSent, "a preservation request left"},
		{FlagPreserved, "foreign data was frozen through the 24/7 Network"},
		{FlagMLATSent, "an MLAT request left"},
		{FlagInformal, "an informal request was sent"},
		{FlagTippedOff, "the operators learned of the investigation"},
		{FlagRaidLive, "a raid found the computers on"},
		{FlagRaidCold, "a raid found the computers off or wiped"},
		{FlagArrested, "someone was detained"},
		{FlagTakedownEarly, "the site went down before any operator was detained"},
		{FlagTakedownAfterArrest, "the site went down after an arrest"},
		{FlagHandoffSent, "a hand-off package left"},
		{FlagHandoffReturned, "a hand-off package came back"},
		{FlagCaseOpen, "a criminal case was opened"},
		{FlagStatement, "a rights holder's statement of losses is in the case file"},
		{FlagPaused, "the instructor has paused the room"},
		{FlagUnlawfulSearch, "a search was unlawful (at night without a real urgency)"},
		{FlagCourtReturned, "the court sent the case back for additional investigation"},
		{FlagHandoffRefused, "the unit refused to open a case (even when the refusal was later reviewed)"},
		{FlagDecisionLate, "no decision on a received package within the time the law gives"},
		{FlagReturnWasted, "a package was returned asking for what it already proved"},
	}
}

// IsRuleFlag reports whether a flag is one the rules set (see RuleFlags),
// as opposed to one a scenario's script sets.
func IsRuleFlag(name string) bool {
	for _, f := range RuleFlags() {
		if string(f.Flag) == name {
			return true
		}
	}
	return strings.HasPrefix(name, "used_") || strings.HasPrefix(name, "contacted_")
}

// FlagMsg names a flag for people: a rules flag by its catalogued
// description, a script's flag by its name.
func FlagMsg(name string) Msg {
	if IsRuleFlag(name) && !strings.HasPrefix(name, "used_") && !strings.HasPrefix(name, "contacted_") {
		return M("flag." + name)
	}
	return Verbatim(name)
}

// UsedFlag is the flag a tool sets when it is used.
func UsedFlag(tool string) Flag { return Flag("used_" + tool) }

// RequestStatus is where a legal request stands.
type RequestStatus string

// The request statuses.
const (
	StatusPending  RequestStatus = "pending"
	StatusAnswered RequestStatus = "answered"
	StatusRejected RequestStatus = "rejected"
)

// Paused is the flag set while the instructor has paused the room.
const FlagPaused Flag = "paused"

// Actor is who gave a command: the trainee, the instructor (injects, room
// control) or a script. A name may follow after a slash, e.g.
// "trainee/alice".
type Actor string

// The kinds of actor.
const (
	ActorTrainee    Actor = "trainee"
	ActorInstructor Actor = "instructor"
	ActorScript     Actor = "script"
)

// Kind returns the actor's kind without its name.
func (a Actor) Kind() Actor {
	for i := 0; i < len(a); i++ {
		if a[i] == '/' {
			return a[:i]
		}
	}
	return a
}

// ValidActor reports whether a is a known kind, optionally followed by a
// slash and a name of 1 to 32 letters, digits, '.', '_' or '-'.
func ValidActor(a Actor) bool {
	switch a.Kind() {
	case ActorTrainee, ActorInstructor, ActorScript:
	default:
		return false
	}
	name := string(a[len(a.Kind()):])
	if name == "" {
		return true
	}
	name = name[1:]
	if len(name) < 1 || len(name) > 32 {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}
