-- Operation Penny Song: a 2007-style music store.
-- A Russian site sells whole albums for kopecks a track, claiming a licence
-- from a collecting society that has no right to grant it. A song's legal
-- price is small, so the 250,000-rouble threshold needs many thousands of
-- proven downloads: the page counters are not enough, the server's logs are.
-- A takedown before the arrest only sends the store to new domains.
-- Every company, site and person here is fictional.

scenario {
  id = "music-store",
  api = 1,
  title = { en = "Operation Penny Song", ru = "Операция «Копеечная песня»" },
  summary = {
    en = "A music store selling tracks for kopecks: each song is worth little, so the threshold needs thousands of proven downloads.",
    ru = "Музыкальный магазин продаёт треки за копейки: каждая песня стоит мало, и для порога нужны тысячи доказанных скачиваний.",
  },
  briefing = {
    en = [[Complaint from the FonoSoyuz association of record labels, 5 March 2007.

The site mp3-lavka.ru sells music downloads at a few kopecks a track, whole albums for the price of a coffee. It claims a licence from a collecting society that has no mandate from the labels. It is run openly by a Moscow company, Lavka Media LLC.

You are an officer of Department K. Only the Investigative Department can open a criminal case, and only when the damages reach 250,000 roubles. A track's legal price is 15 roubles: the damages must be proven download by download, at that price. The page shows a few hundred downloads per track; the store's server knows the real numbers.

Music stores like this one have been closed before, only to reopen under new domains within days.]],
    ru = [[Заявление ассоциации звукозаписывающих компаний «ФоноСоюз», 5 марта 2007 года.

Сайт mp3-lavka.ru продаёт музыку по несколько копеек за трек, целые альбомы — по цене чашки кофе. Он ссылается на лицензию организации по коллективному управлению, у которой нет полномочий от лейблов. Сайт открыто ведёт московская компания ООО «Лавка Медиа».

Вы — сотрудник управления «К». Возбудить уголовное дело может только следственный отдел и только при ущербе от 250 000 рублей. Легальная цена трека — 15 рублей: ущерб нужно доказывать скачивание за скачиванием по этой цене. Страница показывает по несколько сотен скачиваний на трек; настоящие цифры знает сервер магазина.

Такие магазины уже закрывали, и через несколько дней они открывались снова под новыми доменами.]],
  },
  duration = "25 min",
  langs = { "en", "ru" },
  start = "2007-03-05 09:00",
  deadline = "250d",
  home = "ru",
  unit = "dept-k",
  officer = "Maj. I. Gromov",
}

use_rules("ru")

add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }

add_entity { id = "fonosoyuz", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "FonoSoyuz association", ru = "Ассоциация «ФоноСоюз»" } }

add_entity { id = "mp3-lavka.ru", kind = "domain", known = true,
  links = { registrar = "rosdomen", registrant = "lavka-media", ip = "192.0.2.30" },
  attrs = { created = "2004-08-12", paid_till = "2008-08-12",
            nameservers = "ns1.m9data.example ns2.m9data.example",
            page_title = "MP3-LAVKA: any album for 30 roubles", price = "0.60 RUB a track" },
  copies = { t_veter = 310, t_polet = 260, t_noch = 190 } }
add_entity { id = "mp3-lavka.net", kind = "domain",
  links = { registrar = "rosdomen", ip = "198.51.100.30" },
  attrs = { redacted = "yes", created = "2007-03-09" } }
add_entity { id = "mp3-lavka.org", kind = "domain",
  attrs = { redacted = "yes", created = "2007-03-10" } }
add_entity { id = "192.0.2.30", kind = "ip", links = { asn = "AS64560", host = "m9data" } }
add_entity { id = "198.51.100.30", kind = "ip", links = { asn = "AS64561", host = "m9data" } }
add_entity { id = "AS64560", kind = "asn", jurisdiction = "ru", name = "M9DATA-AS" }
add_entity { id = "AS64561", kind = "asn", jurisdiction = "ru", name = "M9DATA-2-AS" }
add_entity { id = "rosdomen", kind = "org", role = "registrar", jurisdiction = "ru",
  name = { en = "RosDomen LLC", ru = "ООО «РосДомен»" } }
add_entity { id = "m9data", kind = "org", role = "host", jurisdiction = "ru",
  name = { en = "M9 Data Centre LLC", ru = "ООО «Дата-центр М9»" },
  lead = { en = "The data centre's download logs held the real numbers: tens of thousands of sales, enough for the threshold.",
           ru = "Журналы скачиваний дата-центра содержали настоящие цифры: десятки тысяч продаж — достаточно для порога." } }
add_entity { id = "lavka-media", kind = "org", jurisdiction = "ru",
  name = { en = "Lavka Media LLC", ru = "ООО «Лавка Медиа»" } }
add_entity { id = "p-orekhov", kind = "person", jurisdiction = "ru",
  name = { en = "Vadim Orekhov", ru = "Вадим Орехов" }, attrs = { address = "Moscow, Leninsky Ave." } }

add_title { id = "t_veter", name = { en = "Northern Wind (album tracks)", ru = "Северный ветер (треки альбома)" }, kind = "music", price = 15 }
add_title { id = "t_polet", name = { en = "Night Flight (album tracks)", ru = "Ночной полёт (треки альбома)" }, kind = "music", price = 15 }
add_title { id = "t_noch", name = { en = "White Nights (album tracks)", ru = "Белые ночи (треки альбома)" }, kind = "music", price = 15 }

add_record { id = "rec-registrant", holder = "rosdomen", about = "mp3-lavka.ru", kind = "registrant", keep = true,
  title = { en = "Registrant file of mp3-lavka.ru", ru = "Анкета администратора mp3-lavka.ru" },
  content = {
    en = "registrant: Lavka Media LLC, Moscow\nsigned for the company by its director, Vadim Orekhov (passport copy on file)",
    ru = "администратор: ООО «Лавка Медиа», Москва\nзаявку подписал директор Вадим Орехов (копия паспорта в деле)" },
  reveals = { "p-orekhov" }, proves = { "identity" } }
add_record { id = "rec-contract", holder = "m9data", about = "192.0.2.30", kind = "subscriber", keep = true,
  title = { en = "M9 lease contract for the server 192.0.2.30", ru = "Договор аренды сервера 192.0.2.30 в М9" },
  content = {
    en = "server leased by Lavka Media LLC since 2004, contract signed by Vadim Orekhov\nadministrative access from the company's office network",
    ru = "сервер арендует ООО «Лавка Медиа» с 2004 г., договор подписал Вадим Орехов\nадминистративный доступ из офисной сети компании" },
  proves = { "link" } }
add_record { id = "rec-download-logs", holder = "m9data", about = "192.0.2.30", kind = "logs", retention = "120d",
  title = { en = "Download logs of the store's server, Sept 2006 - Feb 2007", ru = "Журналы скачиваний сервера магазина, сентябрь 2006 — февраль 2007" },
  content = {
    en = "paid downloads in six months: 'Northern Wind' 7,400; 'Night Flight' 6,100; 'White Nights' 5,300\neach line: time, buyer account, track, amount charged",
    ru = "оплаченные скачивания за полгода: «Северный ветер» — 7400; «Ночной полёт» — 6100; «Белые ночи» — 5300\nв каждой строке: время, аккаунт покупателя, трек, списанная сумма" },
  proves = { "distribution" }, copies = { t_veter = 7400, t_polet = 6100, t_noch = 5300 },
  lead = { en = "The download logs, kept 120 days, were the only proof of enough copies to reach the threshold.",
           ru = "Журналы скачиваний, хранившиеся 120 дней, были единственным доказательством достаточного числа копий для порога." } }

set_adversary {
  site = "mp3-lavka.ru",
  hop_to = "mp3-lavka.net",
  hop_delay = { "2d", "4d" },
  online = { 9, 19 },
  wipe_delay = { "1d", "3d" },
  operators = { "p-orekhov" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  court = { "distribution", "identity", "link", "damages" },
}

add_objective { id = "logs", points = 15,
  text = { en = "Prove the downloads from the server's own logs, through a legal channel", ru = "Доказать скачивания журналами самого сервера, полученными законным путём" },
  check = function() return is_obtained("rec-download-logs") end }
add_objective { id = "damages", points = 10,
  text = { en = "Reach the threshold at 15 roubles a track", ru = "Достичь порога по 15 рублей за трек" },
  check = function() return is_proven("damages") end }
add_objective { id = "timing", points = 10,
  text = { en = "Take the store down only after the arrest", ru = "Закрыть магазин только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 60,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "Counted download by download from the server's logs, the damages passed the threshold, and the director was convicted. The store stayed closed.",
           ru = "Посчитанный по журналам сервера ущерб превысил порог, и директор был осуждён. Магазин остался закрытым." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The court was not satisfied that the director ran the store. Acquitted, he reopened it under new domains.",
           ru = "Суд не счёл доказанным, что магазином руководил директор. Оправданный, он открыл магазин снова под новыми доменами." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "At 15 roubles a track, the few hundred downloads the page shows come nowhere near 250,000 roubles. Only the server's logs could have shown the real volume.",
           ru = "По 15 рублей за трек несколько сотен скачиваний со страницы далеки от 250 000 рублей. Настоящий объём могли показать только журналы сервера." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }
add_ending { id = "regrouped", result = "loss", score = 5,
  title = { en = "The store regrouped", ru = "Магазин перегруппировался" },
  text = { en = "Closed before anyone was charged, the store reopened under new domains within days; the company was wound up and its logs went with it.",
           ru = "Закрытый до предъявления обвинения, магазин через несколько дней открылся под новыми доменами; компанию ликвидировали, а с ней исчезли и журналы." } }

add_decision { flag = "takedown_early",
  label = { en = "Takedown before the arrest", ru = "Закрытие до задержания" },
  taken = { en = "The store came back under new domains and the company that held its records was wound up.",
            ru = "Магазин вернулся под новыми доменами, а компанию, у которой были записи, ликвидировали." },
  not_taken = { en = "The store ran until the director was detained; then the takedown was final.",
                ru = "Магазин работал до задержания директора; после этого закрытие стало окончательным." } }
add_decision { flag = "logs_ordered",
  label = { en = "Production order for the server's logs", ru = "Судебное решение о журналах сервера" },
  taken = { en = "Thousands of logged downloads carried the damages over the threshold.",
            ru = "Тысячи записанных скачиваний подняли ущерб выше порога." },
  not_taken = { en = "The page counters alone show a few hundred downloads: about 11,000 roubles.",
                ru = "Одни счётчики страницы показывают несколько сотен скачиваний — около 11 000 рублей." } }

return {
  on_request_sent = function(ev)
    if ev.data.instrument == "order" and ev.data.holder == "m9data" then
      set_flag("logs_ordered", "yes")
    end
  end,
  on_site_down = function(ev)
    if ev.subject == "mp3-lavka.ru" and get_flag("takedown_early") then
      add_timer("12d", "regroup")
    end
  end,
  on_site_reappeared = function(ev)
    reveal("mp3-lavka.org")
    send_message {
      from = "fonosoyuz",
      subject = { en = "FonoSoyuz: the store is back twice over", ru = "«ФоноСоюз»: магазин вернулся, причём дважды" },
      body = { en = "The same catalogue sells again at " .. ev.subject .. " and at mp3-lavka.org, with the same prices.",
               ru = "Тот же каталог снова продаётся на " .. ev.subject .. " и на mp3-lavka.org по тем же ценам." },
    }
  end,
  on_timer = function(id)
    if id == "regroup" and not is_arrested("p-orekhov") then
      set_fled("p-orekhov")
      end_case("regrouped")
    end
  end,
}
