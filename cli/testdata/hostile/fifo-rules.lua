-- A rule pack that is a named pipe inside the folder: refused as not a
-- regular file, instead of waiting for a writer for ever.
-- args: check {dir}/fifo-rules.lua
-- exit: 1
-- want: rules/ru.lua: is a named pipe, not a regular file
-- fifo: rules/ru.lua
scenario { id = "hostile", api = 1, title = "Hostile", briefing = "b", start = "2009-01-01", deadline = "500w", home = "ru", unit = "k", langs = { "en" } }
use_rules("ru")
add_entity { id = "k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true }
add_ending { id = "a", outcome = "convicted", result = "win", title = "a", text = "a" }
add_ending { id = "b", outcome = "acquitted", result = "loss", title = "b", text = "b" }
add_ending { id = "c", outcome = "refused", result = "loss", title = "c", text = "c" }
add_ending { id = "d", outcome = "deadline", result = "loss", title = "d", text = "d" }
