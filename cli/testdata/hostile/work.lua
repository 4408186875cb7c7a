-- Each timer call works just under the per-call limit, and re-arms hourly:
-- the command's work budget stops it.
-- args: test {dir}/work.lua
-- exit: 1
-- want: work budget for one command
-- moves: wait 2w
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
return {
  on_start = function() add_timer("1h", "t") end,
  on_timer = function(id)
    local n = 0
    for i = 1, 1500000 do n = n + i end
    add_timer("1h", "t")
  end,
}
