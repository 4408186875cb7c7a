-- Fixture: a loop that never ends
scenario { id = "fx", api = 1, title = { en = "Fx", ru = "Фх" }, briefing = { en = "b", ru = "б" },
  start = "2009-01-01", deadline = "100d", home = "ru", unit = "k" }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", name = { en = "K", ru = "К" } }
add_ending { id = "a", outcome = "convicted", result = "win", title = { en = "a", ru = "а" }, text = { en = "a", ru = "а" } }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = { en = "b", ru = "б" }, text = { en = "b", ru = "б" } }
add_ending { id = "c", outcome = "refused", result = "loss", title = { en = "c", ru = "в" }, text = { en = "c", ru = "в" } }
while true do end -- want: "script exceeded its work limit"
add_ending { id = "d", outcome = "deadline", result = "loss", title = { en = "d", ru = "г" }, text = { en = "d", ru = "г" } }
