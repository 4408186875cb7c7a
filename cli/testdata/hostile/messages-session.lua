-- A timer that sends a few hundred messages every hour: each call stays
-- under the per-call bound, and the session's bound on messages stops it.
-- args: test {dir}/messages-session.lua
-- exit: 1
-- want: sent more than 2000 messages
-- want: it was stopped
-- moves: wait 2d
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
    for i = 1, 500 do send_message { from = "k", subject = "spam", body = "spam" } end
    add_timer("1h", "t")
  end,
}
