// Package room runs a workshop: the instructor's machine hosts a room on the
// local network, and every trainee's app joins it, runs its own engine and
// sends its log entries up as it plays.
//
// The host replays each trainee's log with its own compiled scenario and
// the room's seed, checking the checksum of every entry, so what the
// dashboard, the plenary debrief and the export show is the state the rules
// reached, not what an app claims. Injects, notices, pauses, resumes and the
// end of the session are instructor commands: the host sends them to each
// targeted app, which carries them out as the instructor, in order, and
// sends the resulting entries up like any other. Nothing depends on the
// host's clock for correctness; the wall-clock budget is a countdown for
// display.
//
// # Transport
//
// HTTP and one WebSocket per trainee (github.com/coder/websocket). Every
// frame is a JSON text message whose "t" field names its type:
//
//	client -> host   hello     opens a connection: protocol, app, room code,
//	                           scenario id and hash, and either a name and
//	                           team (a new trainee) or a session token (a
//	                           rejoin), and how many instructor orders the
//	                           app has carried out
//	client -> host   log       entries numbered from "from" (1 is the
//	                           first entry of the log), at most MaxEntries
//	host -> client   welcome   the session token, trainee id, seed and the
//	                           number of entries the host already holds
//	host -> client   ack       the highest contiguous entry accepted;
//	                           "resend" asks for everything after it again
//	host -> client   order     instructor order number n: a console line
//	                           the app carries out as the instructor
//	host -> client   clock     the wall-clock budget (display only)
//	host -> client   refusal   why a frame, a join or an entry was refused,
//	                           as a message id with arguments and in English
//
// Plain HTTP serves the rest: GET /v1/info (public), GET /v1/scenario (the
// scenario sources, with the room code), GET /v1/log (a trainee's own log,
// with its session token, for an app restarted from an older save), and for
// the instructor's token GET /v1/dashboard, /v1/plenary, /v1/watch and
// /v1/export and POST /v1/command and /v1/budget.
package room
