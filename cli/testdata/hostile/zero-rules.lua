-- A rule pack that is a link to /dev/zero: it leaves the scenario's folder,
-- so it is refused without being opened.
-- args: check {dir}/zero-rules.lua
-- exit: 1
-- want: rules/ru.lua
-- link: rules/ru.lua -> /dev/zero
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
