-- NAME: a new Takedown scenario.
-- Check it with:   go run . check NAME.lua
-- Test it with:    go run . test NAME.lua
-- Reference:       go run . docs   (or docs/api.md)
-- Every company, site and person must be fictional; real countries, laws
-- and public bodies may appear. Give every text in English and Russian.

scenario {
  id = "NAME",
  api = 1,                                   -- the API version this file is written for
  title = { en = "A new case", ru = "Новое дело" },
  summary = { en = "A domestic e-book site.", ru = "Отечественный сайт электронных книг." },
  briefing = {
    en = "A publisher complains that the site bookshelf-free.ru gives away its new e-book before it is on sale. Find who runs it and build a case.",
    ru = "Издательство жалуется, что сайт bookshelf-free.ru бесплатно раздаёт его новую книгу ещё до начала продаж. Установите владельца и соберите дело.",
  },
  duration = "15m",
  start = "2012-09-03 09:00",                -- the simulated clock starts here; the law in force then applies
  deadline = "200d",                         -- no verdict by then: the "deadline" ending
  home = "ru",                               -- the trainee's jurisdiction (a rule pack)
  unit = "cyber",                            -- the unit the trainee plays
  officer = { en = "Lt. N. Orlova", ru = "лейтенант Н. Орлова" }, -- named as the collecting officer in evidence
}

-- Law comes from shared rule packs: delays, damages tiers by date, night
-- hours, who may do what. In 2012 the Russian pack says: below 100,000
-- roubles no crime; from 100,000 a lesser offence; from 1,000,000 the grave
-- one. Searches from 22:00 to 06:00 are unlawful without a real urgency.
use_rules("ru")

-- Units: the trainee investigates; the investigative department opens the case.
add_entity { id = "cyber", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Cybercrime unit", ru = "Отдел «К»" } }
add_entity { id = "inv", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }

-- The complainant, who also values the title, and the association that
-- sends takedown notices to hosts in its own country.
add_entity { id = "publisher", kind = "org", role = "rights_holder", jurisdiction = "ru", known = true,
  name = { en = "Bukva Publishing", ru = "Издательство «Буква»" } }
add_entity { id = "assoc", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "Stranitsa publishers' association", ru = "Ассоциация издателей «Страница»" } }

-- The site is known from the complaint; tools reveal the rest through links.
add_entity { id = "bookshelf-free.ru", kind = "domain", known = true,
  links = { registrar = "reg", ip = "203.0.113.9" },
  attrs = { redacted = "yes", created = "2011-11-02" },
  copies = { book = 4200 } }                 -- downloads the page shows, per title
add_entity { id = "203.0.113.9", kind = "ip", links = { asn = "AS64530", host = "host" } }
add_entity { id = "AS64530", kind = "asn", jurisdiction = "ru", name = "TEPLO-AS" }
add_entity { id = "host", kind = "org", role = "host", jurisdiction = "ru", name = { en = "Teplo Hosting", ru = "«Тепло Хостинг»" } }
add_entity { id = "reg", kind = "org", role = "registrar", jurisdiction = "ru", name = { en = "DomenPlus", ru = "«ДоменПлюс»" } }
add_entity { id = "p-owner", kind = "person", jurisdiction = "ru", name = { en = "Oleg Vetrov", ru = "Олег Ветров" } }

-- What a legal request to a holder about an entity obtains.
add_record { id = "rec-customer", holder = "host", about = "203.0.113.9", kind = "subscriber",
  title = { en = "Hosting customer of 203.0.113.9", ru = "Клиент хостинга для 203.0.113.9" },
  content = { en = "customer: Oleg Vetrov, passport checked at sign-up", ru = "клиент: Олег Ветров, паспорт проверен при регистрации" },
  reveals = { "p-owner" }, proves = { "identity" }, keep = true }
-- What a search finds: "live" only while the owner's computer is on (see
-- set_adversary's online hours), "seized" at any hour.
add_record { id = "rec-live", holder = "p-owner", about = "p-owner", kind = "live",
  title = { en = "Live image of the running laptop", ru = "Образ работающего ноутбука" },
  content = { en = "the site's admin panel open; the e-book in the upload queue", ru = "открыта админ-панель сайта; книга в очереди загрузки" },
  proves = { "link" } }
add_record { id = "rec-seized", holder = "p-owner", about = "p-owner", kind = "seized",
  title = { en = "Seized laptop", ru = "Изъятый ноутбук" },
  content = { en = "the site's upload folder with the e-book", ru = "папка загрузок сайта с книгой" } }

-- Titles set the damages: retail price per proven copy, or an estimate.
add_title { id = "book", name = { en = "The Quiet Harbour (e-book)", ru = "Тихая гавань (электронная книга)" },
  kind = "book", prerelease = true, estimate = 1200000, rights_holder = "publisher" }

-- The owner works in the evening: a search between 20:00 and 22:00 is
-- lawful and finds the laptop on.
set_adversary { site = "bookshelf-free.ru", online = { 20, 2 }, operators = { "p-owner" } }
set_case {
  handoff = { "distribution", "identity", "damages" },  -- what opens a case
  court = { "distribution", "identity", "damages" },    -- what any conviction needs
  serious = { "link" },                                 -- what the grave charge also needs
}

add_objective { id = "valued", points = 20,
  text = { en = "Get the rights holder's statement of losses", ru = "Получить справку правообладателя об ущербе" },
  check = function() return get_flag("statement") ~= nil end }

-- Lessons: what the scenario exists to teach, as conditions the rules check
-- at the end. A win needs every one; each one skipped costs points.
add_lesson { id = "value",
  text = { en = "1. Have the pre-release title valued by its rights holder: it carries the damages to the grave tier",
           ru = "1. Получить оценку ущерба от правообладателя: она поднимает ущерб до особо крупного размера" },
  needs = { "serious-damages" } }
add_lesson { id = "raid",
  text = { en = "2. Search lawfully while the laptop is on", ru = "2. Провести обыск законно, пока ноутбук включён" },
  needs = { "flag raid_live", "lawful-searches" } }
add_lesson { id = "timing",
  text = { en = "3. Take the site down only after the arrest", ru = "3. Закрыть сайт только после задержания" },
  needs = { "not flag takedown_early", "site-down" } }

-- Every rules outcome needs an ending.
add_ending { id = "win", outcome = "convicted", result = "win", score = 80,
  title = { en = "Convicted", ru = "Приговор" }, text = { en = "The court convicted the owner.", ru = "Суд осудил владельца." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 40,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted of a lesser charge, or the case skipped a lesson.", ru = "Суд осудил по менее тяжкой статье, или в деле пропущен урок." } }
add_ending { id = "acquitted", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдан" }, text = { en = "The evidence did not hold.", ru = "Доказательства не устояли." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No case", ru = "Дела нет" },
  text = { en = "Without the publisher's estimate the damages stayed below the lowest tier of the law.", ru = "Без оценки издательства ущерб не достиг нижнего порога закона." } }
add_ending { id = "late", outcome = "deadline", result = "loss",
  title = { en = "Out of time", ru = "Время вышло" }, text = { en = "No verdict in time.", ru = "Приговора нет." } }

-- Handlers react to events during play.
return {
  on_case_opened = function(ev)
    send_message { from = "publisher",
      subject = { en = "Thank you", ru = "Спасибо" },
      body = { en = "We are glad the case is open.", ru = "Рады, что дело возбуждено." } }
  end,
}
