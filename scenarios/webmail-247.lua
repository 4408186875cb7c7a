-- Operation Postbox: the 24/7 Network.
-- A pirate games site runs on a Russian host. The wallet that takes its
-- payments and a search of the family computer, where the site's repacks are
-- built, are at home; but the one thing that shows who ran it, the grave
-- charge, is a free webmail mailbox in the United States that the operator
-- has just abandoned. The provider deletes closed mailboxes 40 days after
-- they are closed. Only a 24/7 Network preservation request, sent at once,
-- keeps it; a US freeze lasts 90 days and may be renewed once, and the MLAT
-- request, possible only once a criminal case is open, does not extend it.
-- The case file closes at the indictment: going to court before the answer
-- leaves the mailbox out.
-- Every company, site and person here is fictional.

scenario {
  id = "webmail-247",
  api = 1,
  title = { en = "Operation Postbox", ru = "Операция «Почтовый ящик»" },
  summary = {
    en = "The operator's abandoned webmail mailbox in the US is the only link to the site: freeze it through the 24/7 Network before it is deleted.",
    ru = "Брошенный оператором почтовый ящик в США — единственная связь с сайтом: заморозьте его через Сеть 24/7, пока его не удалили.",
  },
  briefing = {
    en = [[Complaint from the IgroSoyuz association of game publishers, 14 March 2011.

The site igrobaza.ru sells downloads of cracked computer games for a fraction of their price. It is hosted in Russia and paid through a Russian e-wallet, so most of the trail stays at home.

One thing does not. The site's administrator, known as 'Baza', has always dealt with uploaders, the host and buyers through a free webmail address. Free webmail providers abroad keep a closed mailbox for a few weeks at most.

You are an officer of Department K. Only the Investigative Department can open a criminal case, and requests for legal assistance abroad can leave only after it does, through the Prosecutor-General's Office; from Russia to the United States they take months. Your country keeps a contact point in the G8 24/7 Network, the Interior Ministry's round-the-clock desk, for urgent preservation of data abroad: it only freezes the data, it does not obtain it.]],
    ru = [[Заявление ассоциации издателей игр «ИгроСоюз», 14 марта 2011 года.

Сайт igrobaza.ru продаёт скачивание взломанных компьютерных игр за малую долю их цены. Он размещён в России и принимает оплату через российский электронный кошелёк, так что почти весь след остаётся внутри страны.

Кроме одного. Администратор сайта по прозвищу «База» всегда переписывался с релизерами, хостером и покупателями через бесплатный почтовый ящик. Бесплатные почтовые сервисы за рубежом хранят закрытый ящик самое большее несколько недель.

Вы — сотрудник управления «К». Возбудить уголовное дело может только следственный отдел, и запросы о правовой помощи за рубеж возможны лишь после этого — через Генеральную прокуратуру; из России в США они идут месяцами. Ваша страна держит контактный пункт Сети 24/7 «Группы восьми» — круглосуточное дежурное подразделение МВД, которое принимает срочные запросы о сохранении данных за рубежом: оно лишь замораживает данные, но не получает их.]],
  },
  duration = "30m",
  langs = { "en", "ru" },
  start = "2011-03-14 09:00",
  deadline = "300d",
  home = "ru",
  unit = "dept-k",
  officer = { en = "Lt. D. Kirillov", ru = "лейтенант Д. Кириллов" },
}

use_rules("ru", "us")

-- Units.
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }
-- The country's 24/7 contact point: the briefing names it, so it is known.
add_entity { id = "ncp-247", kind = "unit", role = "contact_point", jurisdiction = "ru", known = true,
  name = { en = "National 24/7 contact point", ru = "Национальный контактный пункт Сети 24/7" } }

-- Complainants.
add_entity { id = "igrosoyuz", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "IgroSoyuz association", ru = "Ассоциация «ИгроСоюз»" } }
add_entity { id = "polar", kind = "org", role = "rights_holder", jurisdiction = "ru", known = true,
  name = { en = "Polar Games", ru = "«Полар Геймс»" } }

-- The site, at home.
add_entity { id = "igrobaza.ru", kind = "domain", known = true,
  links = { registrar = "domreg", ip = "203.0.113.120", payment = "kp-4410" },
  attrs = { redacted = "yes", created = "2009-01-15", paid_till = "2012-01-15",
            nameservers = "ns1.telehost.example ns2.telehost.example",
            page_title = "IGROBAZA: every game, one click", price = "199 RUB (one game)" },
  reveals = { osint = { "alias-baza", "gb.admin@postbox.example" } },
  notes = { osint = {
    en = "  gamers' forum, 11 March: 'Baza' posts that his old address gb.admin@postbox.example is closed and asks uploaders to write to a new one\n  older posts: 'Baza' pays uploaders per release and settles with them 'by mail'",
    ru = "  форум игроков, 11 марта: «База» пишет, что старый адрес gb.admin@postbox.example закрыт, и просит релизеров писать на новый\n  в старых сообщениях: «База» платит релизерам за каждый релиз и рассчитывается с ними «по почте»" } },
  copies = { t_frontier = 120, t_tanks = 85, t_rally = 60 } }
add_entity { id = "igrobaza.net", kind = "domain",
  links = { registrar = "domreg", ip = "198.51.100.121" },
  attrs = { redacted = "yes", created = "2011-03-30" } }
add_entity { id = "203.0.113.120", kind = "ip", links = { asn = "AS64540", host = "telehost" } }
add_entity { id = "198.51.100.121", kind = "ip", links = { asn = "AS64540", host = "telehost" } }
add_entity { id = "AS64540", kind = "asn", jurisdiction = "ru", name = "TELEHOST-AS TeleHost LLC" }
add_entity { id = "domreg", kind = "org", role = "registrar", jurisdiction = "ru",
  name = { en = "DomReg LLC", ru = "ООО «ДомРег»" } }
add_entity { id = "telehost", kind = "org", role = "host", jurisdiction = "ru",
  name = { en = "TeleHost LLC", ru = "ООО «ТелеХост»" } }

-- The money, at home.
add_entity { id = "kp-4410", kind = "account", links = { processor = "koshelek" },
  name = { en = "KoshelekPay wallet 4410", ru = "Кошелёк KoshelekPay 4410" } }
add_entity { id = "koshelek", kind = "org", role = "payment", jurisdiction = "ru",
  name = { en = "KoshelekPay LLC", ru = "ООО «КошелёкПэй»" } }

-- The mailbox, abroad.
add_entity { id = "gb.admin@postbox.example", kind = "mailbox",
  reveals = { osint = { "postbox" } },
  notes = { osint = {
    en = "  postbox.example is the free webmail service of PostBox Mail Inc., United States\n  its published policy: a mailbox closed by its owner is deleted with its content after 40 days",
    ru = "  postbox.example — бесплатный почтовый сервис PostBox Mail Inc., США\n  по его опубликованным правилам ящик, закрытый владельцем, удаляется вместе с содержимым через 40 дней" } },
  lead = { en = "The operator announced on a forum that his old mailbox was closed: that was the signal to preserve it at once.",
           ru = "Оператор сообщил на форуме, что закрыл старый ящик: это был сигнал немедленно его сохранить." } }
-- PostBox's legal team executes an MLAT request within about three months
-- of receiving it; the central authority's transit comes on top. An informal
-- e-mail from foreign police carries no order to keep quiet: PostBox
-- declines it and, as its user-notice policy says, tells the account holder
-- at his recovery address.
add_entity { id = "postbox", kind = "org", role = "webmail", jurisdiction = "us", name = "PostBox Mail Inc.",
  attrs = { informal = "refuses", tips_off = true },
  delays = { mlat = { "80d", "100d" } } }

-- People.
add_entity { id = "alias-baza", kind = "alias", name = { en = "'Baza'", ru = "«База»" } }
add_entity { id = "p-frolov", kind = "person", jurisdiction = "ru",
  name = { en = "Denis Frolov", ru = "Денис Фролов" }, attrs = { address = "Tver, Sadovaya St." } }

-- Titles.
add_title { id = "t_frontier", name = { en = "Frontier Tactics 2", ru = "Тактика фронтира 2" }, kind = "game", price = 1200, rights_holder = "polar" }
add_title { id = "t_tanks", name = { en = "Steel Column", ru = "Стальная колонна" }, kind = "game", price = 1200, rights_holder = "polar" }
add_title { id = "t_rally", name = { en = "Taiga Rally", ru = "Таёжное ралли" }, kind = "game", price = 1200, rights_holder = "polar" }

-- Records.
add_record { id = "rec-host", holder = "telehost", about = "203.0.113.120", kind = "subscriber", keep = true,
  title = { en = "TeleHost customer record for 203.0.113.120", ru = "Данные клиента ТелеХост для 203.0.113.120" },
  content = {
    en = "customer: 'B. Azarov' (no document on file)\ncontact e-mail: gb.admin@postbox.example\nhosting paid from KoshelekPay wallet 4410\npanel logins through anonymising proxies only",
    ru = "клиент: «Б. Азаров» (документы не представлены)\nпочта: gb.admin@postbox.example\nоплата хостинга с кошелька KoshelekPay 4410\nвходы в панель только через анонимные прокси" },
  reveals = { "gb.admin@postbox.example", "kp-4410" } }
add_record { id = "rec-wallet", holder = "koshelek", about = "kp-4410", kind = "transactions", keep = true,
  title = { en = "KoshelekPay wallet 4410: owner and payments", ru = "Кошелёк KoshelekPay 4410: владелец и платежи" },
  content = {
    en = "owner: Denis Frolov, born 1988, Tver (identity verified at a partner office)\nincoming: 6,140 payments of 199 RUB, 2009-02..2011-03\noutgoing: TeleHost invoices; transfers to uploaders",
    ru = "владелец: Денис Фролов, 1988 г. р., Тверь (личность подтверждена в пункте партнёра)\nвходящие: 6140 платежей по 199 руб., 02.2009–03.2011\nисходящие: счета ТелеХост; переводы релизерам" },
  reveals = { "p-frolov" }, proves = { "identity", "income" } }
-- Closed on 10 March, deleted 40 days later: 36 days after the complaint.
add_record { id = "rec-mailbox", holder = "postbox", about = "gb.admin@postbox.example", kind = "logs", retention = "36d",
  title = { en = "Contents and login records of gb.admin@postbox.example", ru = "Содержимое и журнал входов ящика gb.admin@postbox.example" },
  content = {
    en = "2,300 messages 2009-01..2011-03: release deals with uploaders, TeleHost invoices, buyers' complaints answered as 'Baza'\nlogins: from the home connection of Denis Frolov in Tver, and from the igrobaza.ru admin panel's password-reset link\nclosed by its owner on 2011-03-10",
    ru = "2300 писем 01.2009–03.2011: договорённости с релизерами, счета ТелеХост, ответы покупателям за подписью «База»\nвходы: с домашнего подключения Дениса Фролова в Твери и по ссылке восстановления пароля админ-панели igrobaza.ru\nзакрыт владельцем 10.03.2011" },
  proves = { "link" },
  lead = { en = "PostBox deletes a closed mailbox after 40 days. Preserved through the 24/7 Network, the freeze renewed once, and obtained by MLAT, it was the only proof that Frolov ran the site.",
           ru = "PostBox удаляет закрытый ящик через 40 дней. Сохранённый через Сеть 24/7 с одним продлением заморозки и полученный по запросу о правовой помощи, он был единственным доказательством того, что сайт вёл Фролов." } }
-- A lawful search finds the family computer: the site's repacks were built
-- on it, but four people use it, and nothing on it shows who ran the site.
-- Nothing but the mailbox can do that. A search at night is unlawful, and a
-- warned operator is gone before anyone can search.
add_record { id = "rec-seized", holder = "p-frolov", about = "p-frolov", kind = "seized",
  title = { en = "Seized: the family computer", ru = "Изъят домашний компьютер" },
  content = { en = "installers of 40 of the site's games, repacked with the IGROBAZA banner, the newest built on 12 March\na torrent client seeding them\nshared by four family members; nothing on it names the site's administrator",
              ru = "установщики 40 игр с сайта, перепакованные с баннером IGROBAZA, последний собран 12 марта\nторрент-клиент раздаёт их\nим пользуются четверо членов семьи; ничто на нём не указывает на администратора сайта" },
  proves = { "distribution", "release" },
  lead = { en = "A lawful search of Frolov's home would have seized the family computer on which the site's repacks were built.",
           ru = "Законный обыск у Фролова позволил бы изъять домашний компьютер, на котором собирались сборки сайта." } }

set_adversary {
  site = "igrobaza.ru",
  hop_to = "igrobaza.net",
  hop_delay = { "2d", "4d" },
  online = { 23, 8 },
  wipe_delay = { "1d", "2d" },
  operators = { "p-frolov" },
  -- Warned, he leaves the country before anyone can detain him.
  flee = { "p-frolov" },
  flee_delay = { "6d", "12d" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  -- The wallet and the site's own pages convict someone who was paid for its
  -- games; the grave charge needs Frolov shown as 'Baza', the administrator
  -- (only the mailbox does that), and the site's repacks built at his home
  -- (a lawful search).
  court = { "distribution", "identity", "damages" },
  serious = { "link", "release" },
}

add_objective { id = "preserve", points = 15,
  text = { en = "Preserve the mailbox abroad through the 24/7 Network before it is deleted", ru = "Сохранить ящик за рубежом через Сеть 24/7 до его удаления" },
  check = function() return get_flag("preserved") ~= nil end }
add_objective { id = "renew", points = 5,
  text = { en = "Renew the US freeze before it runs out", ru = "Продлить заморозку в США до её окончания" },
  check = function() return get_flag("freeze_renewed") ~= nil end }
add_objective { id = "mlat", points = 10,
  text = { en = "Obtain the mailbox by an MLAT request once the case is open", ru = "Получить ящик по запросу о правовой помощи после возбуждения дела" },
  check = function() return is_obtained("rec-mailbox") end }
add_objective { id = "channels", points = 5,
  text = { en = "Use only legal channels", ru = "Действовать только по правовым каналам" },
  check = function() return get_flag("informal_request") == nil end }
add_objective { id = "timing", points = 5,
  text = { en = "Take the site down only after the arrest", ru = "Закрыть сайт только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

-- The lessons the case exists to teach: a win needs all of them.
add_lesson { id = "preserve",
  text = { en = "1. Freeze the closed mailbox through the 24/7 Network as soon as you find it: the provider deletes it 40 days after closing",
           ru = "1. Заморозить закрытый ящик через Сеть 24/7, как только он найден: сервис удаляет его через 40 дней после закрытия" },
  needs = { "flag preserved" } }
add_lesson { id = "keep",
  text = { en = "2. Keep it frozen until the MLAT answer: send the request the day the case opens, and renew the US freeze before its 90 days run out",
           ru = "2. Держать ящик замороженным до ответа на запрос: направить запрос о правовой помощи в день возбуждения дела и продлить заморозку в США до истечения 90 дней" },
  needs = { "obtained rec-mailbox" } }
add_lesson { id = "handoff",
  text = { en = "3. Hand a complete package to the unit that opens the case, and go to court only with a complete file",
           ru = "3. Передать полные материалы подразделению, которое возбуждает дело, и направлять дело в суд только полным" },
  needs = { "complete-handoff" } }
add_lesson { id = "lawful",
  text = { en = "4. Use lawful means only: search his home, but not at night; no informal requests abroad, no warning to the operator",
           ru = "4. Только законные средства: обыск у него дома, но не ночью; без неформальных запросов за рубеж и без утечки к оператору" },
  needs = { "not flag informal_request", "lawful-searches", "obtained rec-seized", "no-tipoff" } }
add_lesson { id = "timing",
  text = { en = "5. Take the site down only after the arrest, and leave none of it online",
           ru = "5. Закрыть сайт только после задержания и не оставить его копий в сети" },
  needs = { "not flag takedown_early", "site-down" } }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 60,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "The mailbox, frozen through the 24/7 Network within hours, kept frozen for months and obtained by MLAT, showed the court who 'Baza' was; the family computer seized at dawn showed where the site's repacks were built. The operator was convicted of the grave charge.",
           ru = "Почтовый ящик, замороженный через Сеть 24/7 за несколько часов, сохранённый месяцами и полученный по запросу о правовой помощи, показал суду, кто такой «База»; домашний компьютер, изъятый на рассвете, показал, где собирались сборки сайта. Оператор осуждён по тяжкой статье." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but not by the book", ru = "Приговор, но не по правилам" },
  text = { en = "The court convicted Frolov of what the wallet and the site's own pages showed, but the case was not built as it should have been: the debrief shows which step was skipped and what it cost.",
           ru = "Суд осудил Фролова за то, что показали кошелёк и страницы самого сайта, но дело было построено не так, как следовало: разбор показывает, какой шаг был пропущен и чего это стоило." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 15,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "Nothing admissible in the file showed that Frolov was paid for the site's games, let alone that he ran it.",
           ru = "Ничто допустимое в деле не показало, что Фролов получал деньги за игры сайта, не говоря уже о том, что сайт вёл он." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "The damages proven did not reach 50,000 roubles, the lowest tier of the law: no crime, a civil claim at most.",
           ru = "Доказанный ущерб не достиг 50 000 рублей — нижнего порога закона: это не преступление, в лучшем случае гражданский иск." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }
add_ending { id = "fled", result = "loss", score = 5,
  title = { en = "The operator is gone", ru = "Оператор скрылся" },
  text = { en = "Warned, the operator wiped his computer, moved the site to a new domain and left the country before anyone could detain him.",
           ru = "Предупреждённый оператор очистил компьютер, перенёс сайт на новый домен и уехал из страны, прежде чем его успели задержать." } }

add_decision { flag = "preserved",
  label = { en = "24/7 preservation of the mailbox", ru = "Сохранение ящика через Сеть 24/7" },
  taken = { en = "The provider froze the closed mailbox within hours, for 90 days.",
            ru = "Провайдер заморозил закрытый ящик за несколько часов на 90 дней." },
  not_taken = { en = "The provider deleted the closed mailbox 40 days after it was closed, before a criminal case could even be opened.",
                ru = "Провайдер удалил закрытый ящик через 40 дней после закрытия — ещё до того, как можно было возбудить дело." } }
add_decision { flag = "freeze_renewed",
  label = { en = "Renewal of the US freeze", ru = "Продление заморозки в США" },
  taken = { en = "The freeze was renewed once, for another 90 days: long enough for the MLAT request to be executed.",
            ru = "Заморозку продлили один раз ещё на 90 дней — достаточно, чтобы запрос о правовой помощи был исполнен." },
  not_taken = { en = "A US freeze lasts 90 days and the MLAT request does not extend it: it ran out while the request was still on its way.",
                ru = "Заморозка в США действует 90 дней, и запрос о правовой помощи её не продлевает: она истекла, пока запрос ещё шёл." } }
add_decision { flag = "mlat_sent",
  label = { en = "MLAT request to the United States", ru = "Запрос о правовой помощи в США" },
  taken = { en = "Sent through the central authority once the case was open, it obtained the mailbox months later.",
            ru = "Направленный через центральный орган после возбуждения дела, он через несколько месяцев позволил получить ящик." },
  not_taken = { en = "Preservation alone obtains nothing: without the MLAT request the frozen mailbox was never handed over.",
                ru = "Само по себе сохранение ничего не даёт: без запроса о правовой помощи замороженный ящик так и не был передан." } }
add_decision { flag = "informal_request",
  label = { en = "Informal e-mail to the webmail provider", ru = "Неформальное письмо почтовому сервису" },
  taken = { en = "The provider declined, for it gives content only on a formal request, and, with no order to keep quiet, it told the account holder that the police had asked.",
            ru = "Сервис отказал — содержимое он выдаёт только по официальному запросу — и, не получив требования о неразглашении, сообщил владельцу ящика, что им интересовалась полиция." },
  not_taken = { en = "No time was lost on a channel that could not work, and the operator never knew.",
                ru = "Время не было потрачено на канал, который не мог сработать, а оператор ничего не узнал." } }

return {
  on_fled = function(ev)
    if ev.subject == "p-frolov" then
      end_case("fled")
    end
  end,
  on_records_expired = function(ev)
    if ev.subject ~= "rec-mailbox" then
      return
    end
    if get_flag("preserved") then
      send_message {
        from = "ncp-247",
        subject = { en = "24/7 contact point: the freeze has run out", ru = "Контактный пункт 24/7: заморозка истекла" },
        body = {
          en = "PostBox Mail confirms that the freeze on gb.admin@postbox.example ran out before any MLAT request was executed, and the mailbox was deleted with all its content. A US freeze lasts 90 days and can be renewed once; the MLAT request does not extend it.",
          ru = "PostBox Mail подтверждает: заморозка ящика gb.admin@postbox.example истекла раньше, чем был исполнен запрос о правовой помощи, и ящик удалён со всем содержимым. Заморозка в США действует 90 дней и продлевается один раз; запрос о правовой помощи её не продлевает." },
      }
    else
      send_message {
        from = "ncp-247",
        subject = { en = "24/7 contact point: the mailbox is gone", ru = "Контактный пункт 24/7: ящика больше нет" },
        body = {
          en = "PostBox Mail confirms that gb.admin@postbox.example was deleted with all its content when the grace period for closed mailboxes ran out. No preservation request was ever registered with us. We forward such requests to the US contact point around the clock; they are usually executed within hours.",
          ru = "PostBox Mail подтверждает: ящик gb.admin@postbox.example удалён со всем содержимым по истечении срока хранения закрытых ящиков. Запроса о сохранении через нас не поступало. Мы круглосуточно передаём такие запросы контактному пункту США; обычно их исполняют за несколько часов." },
      }
    end
  end,
  on_preserved = function(ev)
    if ev.data.holder ~= "postbox" then
      return
    end
    -- A renewal pushes the end of the freeze some 90 days further; a second
    -- request sent before the first was answered does not.
    local ends = tonumber(ev.data["until"])
    local before = tonumber(get_flag("freeze_until") or "")
    set_flag("freeze_until", ev.data["until"])
    if before then
      if ends <= before + 30 * 24 * 60 then
        return
      end
      set_flag("freeze_renewed", "yes")
      send_message {
        from = "ncp-247",
        subject = { en = "24/7 contact point: freeze renewed", ru = "Контактный пункт 24/7: заморозка продлена" },
        body = {
          en = "The US contact point confirms: PostBox has renewed the freeze for another 90 days. This was the only renewal US law allows; the MLAT answer must come before it ends.",
          ru = "Контактный пункт США подтверждает: PostBox продлил заморозку ещё на 90 дней. Это единственное продление, которое допускает закон США; ответ на запрос о правовой помощи должен прийти до её окончания." },
      }
      return
    end
    send_message {
      from = "ncp-247",
      subject = { en = "24/7 contact point: mailbox frozen", ru = "Контактный пункт 24/7: ящик заморожен" },
      body = {
        en = "The US contact point confirms: PostBox has frozen the closed mailbox for 90 days. This obtains nothing yet. Once a criminal case is open, the MLAT request must go at once: it does not extend the freeze, which can be renewed only once, for another 90 days.",
        ru = "Контактный пункт США подтверждает: PostBox заморозил закрытый ящик на 90 дней. Пока это ничего не даёт. После возбуждения дела запрос о правовой помощи нужно направить сразу: он не продлевает заморозку, а её можно продлить лишь один раз, ещё на 90 дней." },
    }
  end,
}
