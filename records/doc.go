// Package records delivers a trainee's xAPI statements to the academy's
// Learning Record Store (LRS) without losing one and without changing one.
//
// Statements makes a session's statements from its log, its events and its
// View: a pure function, so that the same session always gives the same
// statements, ids and bytes (see statements.go for the verbs, the
// activities and how ids are derived). Freeze turns them into bytes once,
// and Push adds them to an outbox, which skips what it already has.
//
// It takes statements that are already frozen to bytes, each with its id, and
// keeps them in an Outbox on disk until an LRS has accepted them. Sync posts
// them in batches to the LRS's statements resource, built by concatenating the
// stored bytes, and applies the rules LRSs expect: a 409 on a batch resends its
// statements singly, a 409 on one means the LRS already has it, a 400 on one
// sets it aside as a dead letter with the LRS's answer, a 401 or 403 stops
// with an *AuthError, and network errors and 5xx answers are retried with
// exponential backoff and then left pending. The clock, the sleeps and the
// jitter are injected.
//
// A cmi5 launch (an LMS starting the app as an assignable unit) is parsed by
// ParseLaunch; an AU fetches the session's token once, reads LMS.LaunchData,
// and turns each statement the app records into bytes with the cmi5 context,
// refusing those the cmi5 ordering rules forbid. The xAPI types the statements
// are built from are in xapi.go. A Collector lets the host of a workshop room
// receive the participants' statements into its own outbox and forward them.
//
// # The outbox folder
//
// An outbox is a folder holding up to four files:
//
//	outbox.log       the journal: statements waiting, and those delivered
//	deadletters.log  statements the LRS refused as invalid, with its answer
//	outbox.lock      held (flock on Unix, an unshared open on Windows) while
//	                 a process has the outbox open
//	.tmp-*           a compaction in progress; removed when the outbox opens
//
// One process at a time may open an outbox folder: OpenOutbox fails with
// ErrLocked while another holds it. Where the lock cannot be taken (a file
// system without locks, a system other than Unix and Windows) OpenOutbox goes
// on without it and Recovery says so; the caller must then ensure this itself.
//
// Both .log files are append-only journals: a first line naming the file and
// its format, then records. A record is one header line and a payload:
//
//	<kind> <id> <length> <crc>\n
//	<payload: length bytes>\n
//
// where kind is "add" or "sent" in outbox.log and "dead" in deadletters.log,
// id is the statement id as a lowercase UUID, length is the payload's length
// in decimal, and crc is the CRC-32C (Castagnoli) of the header up to the
// length and its newline ("<kind> <id> <length>\n") followed by the payload,
// as 8 lowercase hex digits. The payload is:
//
//	add   the statement's exact bytes, as given to Add
//	sent  the SHA-256 of the statement's bytes, 64 lowercase hex digits
//	dead  a JSON object {"id", "time", "status", "answer", "statement"},
//	      where statement holds the statement's exact bytes
//
// A statement is pending from its add record until a sent record or a dead
// letter with its id. Each change is one record written with one write and
// made durable with fsync before the call that made it returns; a statement
// is set aside by writing its dead letter, so a crash between the two files
// is completed when the outbox opens.
//
// Opening an outbox reads the journals and cuts off a torn last record (a
// write interrupted by a crash or a full disk). Because a statement is a JSON
// object, which never contains a line starting with a record header, a record
// header found after a damaged record means damage inside the file rather
// than a torn end: then the file is copied aside as outbox.log.damaged-N (or
// deadletters.log.damaged-N), every record that verifies is kept, and
// Recovery says what happened.
//
// When delivered statements make up most of the journal, it is compacted: a
// new journal with the remembered sent records and the pending statements, in
// order, is written to a temporary file, synced, renamed over outbox.log and
// the folder is synced, as the save package does for saves. The outbox
// remembers the ids and digests of the last MaxRemembered delivered
// statements, so adding one of them again does nothing; an older id added
// again is stored and sent again, and the LRS, which keeps statements by id,
// ignores the copy.
//
// The outbox holds at most MaxPending statements and MaxPendingBytes of them;
// Add fails with ErrFull beyond that. A statement is at most MaxStatementSize
// bytes.
package records
