-- A handler that never returns: the per-call work limit stops it at the
-- same instruction on every machine, as a script error.
-- args: test {dir}/loop.lua
-- exit: 1
-- want: loop.lua:15: script exceeded its work limit
-- moves: wait 1h
-- moves: expect not script-errors > 0
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
return { on_event = function(ev) while true do end end }
