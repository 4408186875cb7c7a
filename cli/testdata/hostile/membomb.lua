-- A string that doubles until memory runs out, inside one call: the call's
-- time limit or the memory watchdog stops it, whichever comes first on the
-- machine, and the session halts outside its log.
-- args: test {dir}/membomb.lua
-- exit: 1
-- want: membomb.lua:18: script exceeded its
-- moves: wait 1h
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
return {
  on_event = function(ev)
    local s = "x"
    for i = 1, 40 do s = s .. s end
  end,
}
