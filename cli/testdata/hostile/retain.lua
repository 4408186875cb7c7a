-- A handler that keeps a little more each time it runs: the bound on what
-- the Lua state retains stops it before the process runs out of memory.
-- args: test {dir}/retain.lua
-- exit: 1
-- want: keep too much
-- moves: wait 52w
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
kept = {}
return {
  on_start = function() add_timer("1h", "t") end,
  on_timer = function(id)
    local t = {}
    for i = 1, 1000 do t[i] = i end
    kept[#kept + 1] = t
    add_timer("1h", "t")
  end,
}
