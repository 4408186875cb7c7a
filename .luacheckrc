-- luacheck settings for Takedown scenarios: exactly the globals the sandbox
-- provides. Scenarios run with Lua 5.1 semantics and only the base, table,
-- string and math libraries; io, os, debug, require, load and dofile do not
-- exist. Kept in sync with the API registry by a test.
std = "min"
max_line_length = false
read_globals = {
  "scenario",
  "use_rules",
  "add_jurisdiction",
  "add_entity",
  "add_record",
  "add_title",
  "add_objective",
  "add_ending",
  "add_message",
  "add_decision",
  "set_adversary",
  "set_case",
  "reveal",
  "send_message",
  "set_flag",
  "get_flag",
  "add_timer",
  "end_case",
  "set_fled",
  "tip_off",
  "is_known",
  "is_proven",
  "is_obtained",
  "is_expired",
  "is_arrested",
  "is_case_open",
  "get_time",
  "get_damages",
  "get_returns",
}
files["scenarios/rules/*.lua"] = { read_globals = { "add_jurisdiction" } }
