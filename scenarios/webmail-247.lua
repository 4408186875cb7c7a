-- Operation Postbox: the 24/7 Network.
-- A pirate games site runs on a Russian host, but the one thing that ties its
-- operator to it is a free webmail mailbox in the United States that he has
-- just abandoned. The provider deletes closed mailboxes after 40 days. Only a
-- 24/7 Network preservation request, sent at once, keeps it until an MLAT
-- request, possible only once a criminal case is open, can obtain it.
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

You are an officer of Department K. Only the Investigative Department can open a criminal case, and requests for legal assistance abroad can leave only after it does. Your country keeps a contact point in the G8 24/7 Network, open day and night, for urgent preservation of data abroad.]],
    ru = [[Заявление ассоциации издателей игр «ИгроСоюз», 14 марта 2011 года.

Сайт igrobaza.ru продаёт скачивание взломанных компьютерных игр за малую долю их цены. Он размещён в России и принимает оплату через российский электронный кошелёк, так что почти весь след остаётся внутри страны.

Кроме одного. Администратор сайта по прозвищу «База» всегда переписывался с релизерами, хостером и покупателями через бесплатный почтовый ящик. Бесплатные почтовые сервисы за рубежом хранят закрытый ящик самое большее несколько недель.

Вы — сотрудник управления «К». Возбудить уголовное дело может только следственный отдел, и запросы о правовой помощи за рубеж возможны лишь после этого. Ваша страна держит контактный пункт Сети 24/7 «Группы восьми», который круглосуточно принимает срочные запросы о сохранении данных за рубежом.]],
  },
  duration = "30 min",
  langs = { "en", "ru" },
  start = "2011-03-14 09:00",
  deadline = "300d",
  home = "ru",
  unit = "dept-k",
  officer = "Lt. D. Kirillov",
}

use_rules("ru", "us")

-- Units.
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }
add_entity { id = "ncp-247", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
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
add_entity { id = "postbox", kind = "org", role = "webmail", jurisdiction = "us", name = "PostBox Mail Inc.",
  attrs = { informal = "refuses" } }

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
add_record { id = "rec-mailbox", holder = "postbox", about = "gb.admin@postbox.example", kind = "logs", retention = "40d",
  title = { en = "Contents and login records of gb.admin@postbox.example", ru = "Содержимое и журнал входов ящика gb.admin@postbox.example" },
  content = {
    en = "2,300 messages 2009-01..2011-03: release deals with uploaders, TeleHost invoices, buyers' complaints answered as 'Baza'\nlogins: from the home connection of Denis Frolov in Tver, and from the igrobaza.ru admin panel's password-reset link\nclosed by its owner on 2011-03-10",
    ru = "2300 писем 01.2009–03.2011: договорённости с релизерами, счета ТелеХост, ответы покупателям за подписью «База»\nвходы: с домашнего подключения Дениса Фролова в Твери и по ссылке восстановления пароля админ-панели igrobaza.ru\nзакрыт владельцем 10.03.2011" },
  proves = { "link" },
  lead = { en = "PostBox deletes a closed mailbox after 40 days. Preserved through the 24/7 Network and obtained by MLAT, it was the only proof that Frolov ran the site.",
           ru = "PostBox удаляет закрытый ящик через 40 дней. Сохранённый через Сеть 24/7 и полученный по запросу о правовой помощи, он был единственным доказательством того, что сайт вёл Фролов." } }
add_record { id = "rec-live", holder = "p-frolov", about = "p-frolov", kind = "live",
  title = { en = "Live images of the running computer", ru = "Образ работающего компьютера" },
  content = {
    en = "a torrent client seeding 40 of the site's games\nno admin session open: the family computer is shared by four people",
    ru = "торрент-клиент раздаёт 40 игр с сайта\nадмин-сессии нет: домашним компьютером пользуются четыре человека" },
  proves = { "distribution" } }
add_record { id = "rec-seized", holder = "p-frolov", about = "p-frolov", kind = "seized",
  title = { en = "Seized: the family computer", ru = "Изъят домашний компьютер" },
  content = { en = "shared by four family members; nothing on it names the site's administrator", ru = "им пользуются четверо членов семьи; ничто на нём не указывает на администратора сайта" } }

set_adversary {
  site = "igrobaza.ru",
  hop_to = "igrobaza.net",
  hop_delay = { "2d", "4d" },
  online = { 23, 8 },
  wipe_delay = { "1d", "2d" },
  operators = { "p-frolov" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  court = { "distribution", "identity", "link", "damages" },
}

add_objective { id = "preserve", points = 15,
  text = { en = "Preserve the mailbox abroad through the 24/7 Network before it is deleted", ru = "Сохранить ящик за рубежом через Сеть 24/7 до его удаления" },
  check = function() return get_flag("preserved") ~= nil end }
add_objective { id = "mlat", points = 10,
  text = { en = "Obtain the mailbox by an MLAT request once the case is open", ru = "Получить ящик по запросу о правовой помощи после возбуждения дела" },
  check = function() return is_obtained("rec-mailbox") end }
add_objective { id = "channels", points = 5,
  text = { en = "Use only legal channels", ru = "Действовать только по правовым каналам" },
  check = function() return get_flag("informal_request") == nil end }
add_objective { id = "timing", points = 5,
  text = { en = "Take the site down only after the arrest", ru = "Закрыть сайт только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 55,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "The mailbox, frozen through the 24/7 Network within hours and obtained months later by MLAT, showed the court who 'Baza' was. The operator was convicted.",
           ru = "Почтовый ящик, замороженный через Сеть 24/7 за несколько часов и полученный спустя месяцы по запросу о правовой помощи, показал суду, кто такой «База». Оператор осуждён." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 15,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The wallet was Frolov's and the computer was his family's, but nothing admissible showed that he ran the site. The mailbox that would have shown it no longer exists.",
           ru = "Кошелёк принадлежал Фролову, а компьютер — его семье, но ничто допустимое не доказало, что сайт вёл он. Ящика, который это показал бы, больше нет." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "The damages proven did not reach 250,000 roubles.", ru = "Доказанный ущерб не достиг 250 000 рублей." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }

add_decision { flag = "preserved",
  label = { en = "24/7 preservation of the mailbox", ru = "Сохранение ящика через Сеть 24/7" },
  taken = { en = "The provider froze the closed mailbox within hours; it waited for the MLAT request.",
            ru = "Провайдер заморозил закрытый ящик за несколько часов; он дождался запроса о правовой помощи." },
  not_taken = { en = "The provider deleted the closed mailbox after 40 days, long before a criminal case could even be opened.",
                ru = "Провайдер удалил закрытый ящик через 40 дней — задолго до того, как вообще можно было возбудить дело." } }
add_decision { flag = "mlat_sent",
  label = { en = "MLAT request to the United States", ru = "Запрос о правовой помощи в США" },
  taken = { en = "Sent once the case was open, it extended the freeze until it was executed.",
            ru = "Направленный после возбуждения дела, он продлил заморозку до своего исполнения." },
  not_taken = { en = "Preservation alone obtains nothing; the freeze runs out after 90 days.",
                ru = "Само по себе сохранение ничего не даёт; заморозка истекает через 90 дней." } }
add_decision { flag = "informal_request",
  label = { en = "Informal e-mail to the webmail provider", ru = "Неформальное письмо почтовому сервису" },
  taken = { en = "The provider declined: it gives content only on a formal request.",
            ru = "Сервис отказал: содержимое он выдаёт только по официальному запросу." },
  not_taken = { en = "No time was lost on a channel that could not work.", ru = "Время не было потрачено на канал, который не мог сработать." } }

return {
  on_records_expired = function(ev)
    if ev.subject == "rec-mailbox" then
      send_message {
        from = "ncp-247",
        subject = { en = "24/7 contact point: the mailbox is gone", ru = "Контактный пункт 24/7: ящика больше нет" },
        body = {
          en = "PostBox Mail confirms that gb.admin@postbox.example was deleted with all its content when the grace period for closed mailboxes ran out. No preservation request was ever registered with us. We forward such requests to the US contact point around the clock; they are usually executed within hours.",
          ru = "PostBox Mail подтверждает, что ящик gb.admin@postbox.example удалён со всем содержимым по истечении срока хранения закрытых ящиков. Запроса о сохранении через нас не поступало. Мы круглосуточно передаём такие запросы контактному пункту США; обычно их исполняют за несколько часов." },
      }
    end
  end,
  on_preserved = function(ev)
    if ev.data.holder == "postbox" then
      send_message {
        from = "ncp-247",
        subject = { en = "24/7 contact point: mailbox frozen", ru = "Контактный пункт 24/7: ящик заморожен" },
        body = {
          en = "The US contact point confirms: PostBox has frozen the closed mailbox for 90 days. This obtains nothing yet. Once a criminal case is open, send the MLAT request before the freeze runs out; its arrival extends the freeze until it is executed.",
          ru = "Контактный пункт США подтверждает: PostBox заморозил закрытый ящик на 90 дней. Пока это ничего не даёт. После возбуждения дела направьте запрос о правовой помощи до окончания заморозки; с его поступлением заморозка продлевается до исполнения." },
      }
    end
  end,
}
