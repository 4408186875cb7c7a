-- A timer that re-arms itself every minute, and a wait of eight years: the
-- command's event budget stops it, the command is undone.
-- args: test {dir}/rearm.lua
-- exit: 1
-- want: more than 20,000 events for one command
-- moves: wait 400w
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
return {
  on_start = function() add_timer("1m", "t") end,
  on_timer = function(id) add_timer("1m", "t") end,
}
