-- Operation Penny Song: a 2007-style music store.
-- A Russian site sells whole albums for kopecks a track, claiming a licence
-- from a collecting society that has no right to grant it. A song's legal
-- price is small: the page counters do not even reach the 50,000 roubles
-- that make it a crime, and the grave charge (250,000) needs many thousands
-- of proven downloads, which only the server's logs show. The company's
-- office is at work by day: that is when a search finds its books open.
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

You are an officer of Department K. Only the Investigative Department can open a criminal case. Copyright infringement is a crime only when the damages reach 50,000 roubles, and a grave one, which the labels want, from 250,000. A track's legal price is 15 roubles: the damages must be proven download by download, at that price. The page shows a few hundred downloads per track; the store's server knows the real numbers.

Music stores like this one have been closed before, only to reopen under new domains within days.]],
    ru = [[Заявление ассоциации звукозаписывающих компаний «ФоноСоюз», 5 марта 2007 года.

Сайт mp3-lavka.ru продаёт музыку по несколько копеек за трек, целые альбомы — по цене чашки кофе. Он ссылается на лицензию организации по коллективному управлению, у которой нет полномочий от лейблов. Сайт открыто ведёт московская компания ООО «Лавка Медиа».

Вы — сотрудник управления «К». Возбудить уголовное дело может только следственный отдел. Нарушение авторских прав — преступление лишь при ущербе от 50 000 рублей, а тяжкое, которого добиваются лейблы, — от 250 000. Легальная цена трека — 15 рублей: ущерб нужно доказывать скачивание за скачиванием по этой цене. Страница показывает по несколько сотен скачиваний на трек; настоящие цифры знает сервер магазина.

Такие магазины уже закрывали, и через несколько дней они открывались снова под новыми доменами.]],
  },
  duration = "25m",
  langs = { "en", "ru" },
  start = "2007-03-05 09:00",
  deadline = "250d",
  home = "ru",
  unit = "dept-k",
  officer = { en = "Maj. I. Gromov", ru = "майор И. Громов" },
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
  name = { en = "Vadim Orekhov", ru = "Вадим Орехов" }, attrs = { address = "Moscow, Leninsky Ave. (the company's office)" } }

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
    en = "paid downloads in six months: 'Northern Wind' 7,400; 'Night Flight' 6,100; 'White Nights' 5,300\neach line: time, buyer account, track",
    ru = "оплаченные скачивания за полгода: «Северный ветер» — 7400; «Ночной полёт» — 6100; «Белые ночи» — 5300\nв каждой строке: время, аккаунт покупателя, трек" },
  proves = { "distribution" }, copies = { t_veter = 7400, t_polet = 6100, t_noch = 5300 },
  lead = { en = "The download logs, kept 120 days, were the only proof of enough copies to reach the threshold.",
           ru = "Журналы скачиваний, хранившиеся 120 дней, были единственным доказательством достаточного числа копий для порога." } }
-- The company's office: what a search finds depends on the hour.
add_record { id = "rec-live", holder = "p-orekhov", about = "p-orekhov", kind = "live",
  title = { en = "The store's books, open on the office computers", ru = "Учёт магазина, открытый на компьютерах офиса" },
  content = {
    en = "billing console open on the director's computer: turnover since 2004, 14.2 million roubles\ntransfers to the collecting society: 0.5% of turnover; no payment to any label\nthe director's approval of the price list, dated last week",
    ru = "на компьютере директора открыта биллинговая система: оборот с 2004 года — 14,2 млн рублей\nперечисления организации по коллективному управлению — 0,5% оборота; ни одного платежа лейблам\nутверждённый директором прайс-лист, датированный прошлой неделей" },
  proves = { "income" } }
add_record { id = "rec-seized", holder = "p-orekhov", about = "p-orekhov", kind = "seized",
  title = { en = "Seized: office computers and the contract with the collecting society", ru = "Изъяты компьютеры офиса и договор с организацией по коллективному управлению" },
  content = { en = "the contract covers public performance only, not sales of downloads; the computers are locked",
              ru = "договор распространяется только на публичное исполнение, но не на продажу скачиваний; компьютеры заблокированы" } }

set_adversary {
  site = "mp3-lavka.ru",
  hop_to = "mp3-lavka.net",
  hop_delay = { "2d", "4d" },
  -- An office: its computers run in working hours.
  online = { 9, 19 },
  wipe_delay = { "1d", "3d" },
  operators = { "p-orekhov" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  court = { "distribution", "identity", "link", "damages" },
  -- The grave charge needs what the store earned, from its own books.
  serious = { "income" },
}

add_objective { id = "logs", points = 15,
  text = { en = "Prove the downloads from the server's own logs, through a legal channel", ru = "Доказать скачивания журналами самого сервера, полученными законным путём" },
  check = function() return is_obtained("rec-download-logs") end }
add_objective { id = "damages", points = 10,
  text = { en = "Reach the grave tier at 15 roubles a track", ru = "Достичь особо крупного размера по 15 рублей за трек" },
  check = function()
    local total, serious = get_damages()
    return total >= serious
  end }
add_objective { id = "office", points = 5,
  text = { en = "Search the office while the store is at work", ru = "Провести обыск в офисе, пока магазин работает" },
  check = function() return get_flag("raid_live") ~= nil end }
add_objective { id = "timing", points = 10,
  text = { en = "Take the store down only after the arrest", ru = "Закрыть магазин только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

-- The lessons the case exists to teach: a win needs all of them.
add_lesson { id = "logs",
  text = { en = "1. Prove the downloads from the server's own logs, by a production order to the data centre before it deletes them",
           ru = "1. Доказать скачивания журналами самого сервера — по судебному решению к дата-центру, пока он их не удалил" },
  needs = { "obtained rec-download-logs" } }
add_lesson { id = "damages",
  text = { en = "2. Count every track at its legal price: at 15 roubles the grave tier needs some 17,000 proven downloads, and the page shows 760",
           ru = "2. Считать каждый трек по легальной цене: по 15 рублей для особо крупного размера нужно около 17 000 доказанных скачиваний, а страница показывает 760" },
  needs = { "serious-damages" } }
add_lesson { id = "handoff",
  text = { en = "3. Hand off only a package that meets the law's threshold and is complete: a refusal or a return costs weeks",
           ru = "3. Передавать только полные материалы, в которых ущерб достигает порога закона: отказ или возврат стоят недель" },
  needs = { "complete-handoff" } }
add_lesson { id = "office",
  text = { en = "4. Search the company's office lawfully while it is at work: by day its books are open",
           ru = "4. Провести обыск в офисе компании законно, пока она работает: днём её учёт открыт" },
  needs = { "flag raid_live", "lawful-searches" } }
add_lesson { id = "timing",
  text = { en = "5. Take the store down only after the arrest, and leave none of it online",
           ru = "5. Закрыть магазин только после задержания и не оставить его копий в сети" },
  needs = { "not flag takedown_early", "site-down" } }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 60,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "Counted download by download from the server's logs, the damages passed the grave tier; the store's own books showed what it earned. The director was convicted, and the store stayed closed.",
           ru = "Посчитанный по журналам сервера ущерб превысил особо крупный размер, а учёт самого магазина показал его доходы. Директор осуждён, магазин остался закрытым." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted, but the case fell short of what the labels and the law required: the debrief shows what was missing and when it was lost.",
           ru = "Суд вынес приговор, но дело не дотянуло до того, чего требовали лейблы и закон: разбор показывает, чего не хватило и когда это было упущено." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The court was not satisfied that the director ran the store. Acquitted, he reopened it under new domains.",
           ru = "Суд не счёл доказанным, что магазином руководил директор. Оправданный, он открыл магазин снова под новыми доменами." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "At 15 roubles a track, the few hundred downloads the page shows come to about 11,000 roubles, far below the 50,000 that make it a crime. Only the server's logs could have shown the real volume.",
           ru = "По 15 рублей за трек несколько сотен скачиваний со страницы дают около 11 000 рублей — намного меньше 50 000, с которых начинается преступление. Настоящий объём могли показать только журналы сервера." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }
add_ending { id = "regrouped", result = "loss", score = 5,
  title = { en = "The store regrouped", ru = "Магазин перегруппировался" },
  text = { en = "Closed before anyone was charged, the store reopened under new domains within days; the company was wound up and its director went abroad.",
           ru = "Закрытый до предъявления обвинения, магазин через несколько дней открылся под новыми доменами; компанию ликвидировали, а директор уехал за границу." } }

add_decision { flag = "takedown_early",
  label = { en = "Takedown before the arrest", ru = "Закрытие до задержания" },
  taken = { en = "The store came back under new domains and the company that held its records was wound up.",
            ru = "Магазин вернулся под новыми доменами, а компанию, у которой были записи, ликвидировали." },
  not_taken = { en = "The store ran until the director was detained; then the takedown was final.",
                ru = "Магазин работал до задержания директора; после этого закрытие стало окончательным." } }
add_decision { flag = "logs_ordered",
  label = { en = "Production order for the server's logs", ru = "Судебное решение о журналах сервера" },
  taken = { en = "Thousands of logged downloads carried the damages over the grave tier.",
            ru = "Тысячи записанных скачиваний подняли ущерб выше особо крупного размера." },
  not_taken = { en = "The page counters alone show a few hundred downloads: about 11,000 roubles, not even a crime.",
                ru = "Одни счётчики страницы показывают несколько сотен скачиваний — около 11 000 рублей, это даже не преступление." } }
add_decision { flag = "raid_live",
  label = { en = "Search of the office in working hours", ru = "Обыск в офисе в рабочее время" },
  taken = { en = "The billing console was open: the store's turnover went into the file.",
            ru = "Биллинговая система была открыта: оборот магазина попал в материалы дела." },
  not_taken = { en = "The office works from nine to seven: a search at dawn or at night finds the computers locked, and nothing shows what the store earned.",
                ru = "Офис работает с девяти до семи: обыск на рассвете или ночью застаёт компьютеры заблокированными, и ничто не показывает доходов магазина." } }

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
