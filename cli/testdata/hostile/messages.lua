-- A flood of messages from one handler.
-- args: test {dir}/messages.lua
-- exit: 1
-- want: more than 1000 effects from one handler call
-- moves: wait 1h
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
return {
  on_start = function()
    for i = 1, 100000 do send_message { from = "k", subject = "spam", body = "spam" } end
  end,
}
