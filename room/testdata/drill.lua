-- drill: a small scenario with injects, for the room tests.
-- Every company, site and person is fictional.

scenario {
  id = "drill",
  api = 1,                                   -- the API version this file is written for
  title = { en = "A new case", ru = "Новое дело" },
  summary = { en = "A domestic e-book site.", ru = "Отечественный сайт электронных книг." },
  briefing = {
    en = "A publisher complains that the site bookshelf-free.ru gives away its new e-book. Find who runs it and build a case.",
    ru = "Издательство жалуется, что сайт bookshelf-free.ru бесплатно раздаёт его новую книгу. Установите владельца и соберите дело.",
  },
  duration = "15 min",
  start = "2012-09-03 09:00",                -- the simulated clock starts here
  deadline = "200d",                         -- no verdict by then: the "deadline" ending
  home = "ru",                               -- the trainee's jurisdiction (a rule pack)
  unit = "cyber",                            -- the unit the trainee plays
  officer = "Lt. N. Orlova",                 -- named as the collecting officer in evidence
}

-- Law comes from shared rule packs: delays, thresholds, who may do what.
use_rules("ru")

-- Units: the trainee investigates; the investigative department opens the case.
add_entity { id = "cyber", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Cybercrime unit", ru = "Отдел «К»" } }
add_entity { id = "inv", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }

-- The complainant, who also values the title.
add_entity { id = "publisher", kind = "org", role = "rights_holder", jurisdiction = "ru", known = true,
  name = { en = "Bukva Publishing", ru = "Издательство «Буква»" } }

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
add_record { id = "rec-seized", holder = "p-owner", about = "p-owner", kind = "seized",
  title = { en = "Seized laptop", ru = "Изъятый ноутбук" },
  content = { en = "the site's upload folder with the e-book", ru = "папка загрузок сайта с книгой" } }

-- Titles set the damages: retail price per proven copy, or an estimate.
add_title { id = "book", name = { en = "The Quiet Harbour (e-book)", ru = "Тихая гавань (электронная книга)" },
  kind = "book", prerelease = true, estimate = 600000, rights_holder = "publisher" }

set_adversary { site = "bookshelf-free.ru", online = { 20, 2 }, operators = { "p-owner" } }
set_case { handoff = { "distribution", "identity", "damages" }, court = { "distribution", "identity", "damages" } }

add_objective { id = "valued", points = 20,
  text = { en = "Get the rights holder's statement of losses", ru = "Получить справку правообладателя об ущербе" },
  check = function() return get_flag("statement") ~= nil end }

-- Every rules outcome needs an ending.
add_ending { id = "win", outcome = "convicted", result = "win", score = 80,
  title = { en = "Convicted", ru = "Приговор" }, text = { en = "The court convicted the owner.", ru = "Суд осудил владельца." } }
add_ending { id = "acquitted", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдан" }, text = { en = "The evidence did not hold.", ru = "Доказательства не устояли." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No case", ru = "Дела нет" },
  text = { en = "Without the publisher's estimate the damages stayed below the threshold.", ru = "Без оценки издательства ущерб не достиг порога." } }
add_ending { id = "late", outcome = "deadline", result = "loss",
  title = { en = "Out of time", ru = "Время вышло" }, text = { en = "No verdict in time.", ru = "Приговора нет." } }

-- Injects the instructor can fire during a workshop.
add_inject { id = "press", label = { en = "A journalist calls", ru = "Звонит журналист" },
  run = function()
    send_message { from = "publisher",
      subject = { en = "Press", ru = "Пресса" },
      body = { en = "A reporter asks about the case.", ru = "Журналист спрашивает о деле." } }
  end }
add_inject { id = "leak", label = { en = "The operator hears of it", ru = "Владелец узнаёт о проверке" },
  run = function() tip_off { en = "a leak from the instructor", ru = "утечка от преподавателя" } end }

-- Handlers react to events during play.
return {
  on_case_opened = function(ev)
    send_message { from = "publisher",
      subject = { en = "Thank you", ru = "Спасибо" },
      body = { en = "We are glad the case is open.", ru = "Рады, что дело возбуждено." } }
  end,
}
