-- A walkthrough of 200 MB given with --moves: refused by its size, unread.
-- args: run --scenario {dir}/huge-moves.lua --moves {dir}/huge.moves
-- exit: 2
-- want: huge.moves
-- sparse: huge.moves 209715200
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
