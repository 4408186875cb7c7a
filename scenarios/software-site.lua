-- Operation Key Shop: the "low-hanging fruit".
-- A site sells cracked copies and licence keys of expensive business
-- software. Each copy is worth tens of thousands of roubles, so the serious
-- tier of the damages is easy; the hard part is that the server is in
-- Finland, the payments run through a US processor and the money ends up on
-- a Ukrainian card. Customs and a software publishers' association help.
-- The grave charge needs every leg: the Finnish logs tie the operator to
-- the server, the US processor's records show the sales, the Ukrainian
-- bank's show the partner who holds the accounts for him, and only a search
-- while the key generator runs shows that he makes the keys himself.
-- Every company, site and person here is fictional.

scenario {
  id = "software-site",
  api = 1,
  title = { en = "Operation Key Shop", ru = "Операция «Ключник»" },
  summary = {
    en = "A shop of cracked business software: easy damages, but the server is in Finland, the money in the US and the card in Ukraine.",
    ru = "Магазин взломанных деловых программ: ущерб доказать легко, но сервер в Финляндии, деньги в США, а карта — в украинском банке.",
  },
  briefing = {
    en = [[Complaint from the SoftGuard association of software publishers, 6 September 2010.

The site soft-sklad.ru sells cracked copies of expensive business software with generated licence keys: design suites, accounting systems, graphics tools, at a tenth of the shop price. SoftGuard's members count every sale as a lost licence worth tens of thousands of roubles.

You are an officer of Department K. Your superiors call this case "low-hanging fruit": each copy is expensive, so the 250,000 roubles that make copyright infringement a grave crime are within easy reach. The difficulty is elsewhere: the site's trail leaves the country. The Federal Customs Service is working on the physical side of the same trade and may have something for you.

Only the Investigative Department can open a criminal case. Gather evidence a court will accept, through the proper channel for each country.]],
    ru = [[Заявление ассоциации разработчиков программ «СофтЗащита», 6 сентября 2010 года.

Сайт soft-sklad.ru продаёт взломанные копии дорогих деловых программ со сгенерированными лицензионными ключами: системы проектирования, бухгалтерские программы, графические пакеты — за десятую часть цены. Участники «СофтЗащиты» считают каждую продажу потерянной лицензией стоимостью в десятки тысяч рублей.

Вы — сотрудник управления «К». Руководство называет это дело «лёгкой добычей»: каждая копия дорогая, и особо крупный размер — 250 000 рублей, с которых нарушение авторских прав становится тяжким преступлением, — достижим без труда. Трудность в другом: след сайта уходит за границу. Федеральная таможенная служба занимается «физической» стороной той же торговли и может кое-что вам сообщить.

Возбудить уголовное дело может только следственный отдел. Собирайте доказательства, которые примет суд, через правильный канал для каждой страны.]],
  },
  duration = "40m",
  langs = { "en", "ru" },
  start = "2010-09-06 09:00",
  deadline = "300d",
  home = "ru",
  unit = "dept-k",
  officer = { en = "Capt. M. Sorokina", ru = "капитан М. Сорокина" },
}

use_rules("ru", "fi", "ee", "us", "ua")

-- Units of the trainee's side.
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }
add_entity { id = "procuracy", kind = "unit", role = "prosecutor", jurisdiction = "ru", known = true,
  name = { en = "Prosecutor's Office", ru = "Прокуратура" } }
add_entity { id = "customs", kind = "unit", role = "customs", jurisdiction = "ru", known = true,
  name = { en = "Federal Customs Service, IPR unit", ru = "ФТС России, отдел защиты интеллектуальной собственности" } }

-- Complainants and rights holders.
add_entity { id = "softguard", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "SoftGuard association", ru = "Ассоциация «СофтЗащита»" } }
add_entity { id = "ohjelmavahti", kind = "org", role = "association", jurisdiction = "fi", known = true,
  name = { en = "Ohjelmavahti ry (Finnish software association)", ru = "Ohjelmavahti ry (финская ассоциация разработчиков)" } }
add_entity { id = "vektor", kind = "org", role = "rights_holder", jurisdiction = "ru", known = true,
  name = { en = "Vektor Systems", ru = "«Вектор Системс»" } }
add_entity { id = "brightline", kind = "org", role = "rights_holder", jurisdiction = "us", known = true,
  name = "Brightline Software Inc." }

-- The site and its infrastructure.
add_entity { id = "soft-sklad.ru", kind = "domain", known = true,
  links = { registrar = "netreg", registrant = "p-garin", ip = "203.0.113.80", payment = "pv-5521" },
  attrs = { redacted = "yes", created = "2008-11-02", paid_till = "2011-11-02",
            nameservers = "ns1.kallio-hosting.example ns2.kallio-hosting.example",
            page_title = "SOFT-SKLAD: licensed software at 90% off", price = "1,490 RUB (VektorCAD Pro key)" },
  reveals = { osint = { "alias-keymaster" } },
  notes = { osint = {
    en = "  warez forum: user 'KeyMaster' advertises soft-sklad.ru and answers buyers' complaints\n  'KeyMaster' posts that keys are 'generated fresh every night from eight' and that the server 'is in Finland, out of reach'",
    ru = "  варез-форум: пользователь «KeyMaster» рекламирует soft-sklad.ru и отвечает на жалобы покупателей\n  «KeyMaster» пишет, что ключи «генерируются каждый вечер с восьми», а сервер «в Финляндии, не достанете»" } },
  copies = { t_vcad = 14, t_ledger = 23, t_pixel = 11 } }
add_entity { id = "soft-sklad.net", kind = "domain",
  links = { registrar = "netreg", ip = "192.0.2.140" },
  attrs = { redacted = "yes", created = "2010-09-20" } }
add_entity { id = "203.0.113.80", kind = "ip", links = { asn = "AS64520", host = "kallio" } }
add_entity { id = "192.0.2.140", kind = "ip", links = { asn = "AS64521", host = "louna" } }
add_entity { id = "AS64520", kind = "asn", jurisdiction = "fi", name = "KALLIO-AS Kallio Hosting Oy" }
add_entity { id = "AS64521", kind = "asn", jurisdiction = "ee", name = "LOUNA-AS Louna Hosting OU" }
add_entity { id = "netreg", kind = "org", role = "registrar", jurisdiction = "ru",
  name = { en = "NetReg LLC", ru = "ООО «НетРег»" } }
-- Kallio answers an informal e-mail, and tells its customer that the police
-- asked about his server.
add_entity { id = "kallio", kind = "org", role = "host", jurisdiction = "fi", name = "Kallio Hosting Oy",
  attrs = { informal = "answers", tips_off = true },
  lead = { en = "The Finnish host kept the server's access logs for only 75 days: a 24/7 preservation request, then an MLAT request, would have tied the operator to the server.",
           ru = "Финский хостер хранил журналы доступа к серверу всего 75 дней: запрос о сохранении через Сеть 24/7, а затем запрос о правовой помощи связали бы оператора с сервером." } }
add_entity { id = "louna", kind = "org", role = "host", jurisdiction = "ee", name = "Louna Hosting OU" }

-- The money.
add_entity { id = "pv-5521", kind = "account", links = { processor = "payvault" },
  name = "PayVault merchant 5521-SKLAD" }
-- PayVault's compliance team and Slobozhansky Bank's legal department
-- execute an MLAT request within three to four months of receiving it: sent
-- the day the case opens, both answers are in well before the deadline.
add_entity { id = "payvault", kind = "org", role = "payment", jurisdiction = "us", name = "PayVault Inc.",
  attrs = { informal = "refuses" }, delays = { mlat = { "80d", "110d" } } }
add_entity { id = "slobbank", kind = "org", role = "bank", jurisdiction = "ua",
  name = { en = "Slobozhansky Bank", ru = "Банк «Слобожанский»" }, attrs = { informal = "refuses" },
  delays = { mlat = { "70d", "110d" } } }

-- The physical side: customs found parcels of pressed discs.
add_entity { id = "expresspost", kind = "org", jurisdiction = "ru",
  name = { en = "Express-Pochta LLC (courier)", ru = "ООО «Экспресс-Почта» (курьерская служба)" } }
add_entity { id = "box-1187", kind = "account",
  name = { en = "Express-Pochta parcel box 1187", ru = "Абонентский ящик 1187 «Экспресс-Почты»" } }

-- People.
add_entity { id = "alias-keymaster", kind = "alias", name = { en = "'KeyMaster'", ru = "«KeyMaster»" } }
add_entity { id = "p-garin", kind = "person", jurisdiction = "ru",
  name = { en = "Pavel Garin", ru = "Павел Гарин" }, attrs = { address = "Moscow, Profsoyuznaya St." } }
add_entity { id = "p-kovalenko", kind = "person", jurisdiction = "ua",
  name = { en = "Oksana Kovalenko", ru = "Оксана Коваленко" }, attrs = { address = "Kharkiv, Ukraine" },
  lead = { en = "The US processor's records named the holder of the merchant account in Ukraine, Oksana Kovalenko, in whose name the money was kept.",
           ru = "Данные американской платёжной системы назвали владелицу счёта на Украине — Оксану Коваленко, на имя которой хранились деньги." } }

-- The titles: expensive software, valued per copy at the shop price.
add_title { id = "t_vcad", name = { en = "VektorCAD Pro 2010", ru = "VektorCAD Pro 2010" }, kind = "software",
  price = 42000, rights_holder = "vektor" }
add_title { id = "t_ledger", name = { en = "Brightline Ledger Enterprise", ru = "Brightline Ledger Enterprise" }, kind = "software",
  price = 18500, rights_holder = "brightline" }
add_title { id = "t_pixel", name = { en = "PixelForge Studio 5", ru = "PixelForge Studio 5" }, kind = "software",
  price = 27300, rights_holder = "brightline" }

-- What holders keep.
add_record { id = "rec-registrar", holder = "netreg", about = "soft-sklad.ru", kind = "registrant", keep = true,
  title = { en = "Registrant file and control-panel logins for soft-sklad.ru", ru = "Анкета администратора и входы в панель soft-sklad.ru" },
  content = {
    en = "registrant: 'A. Petrov' (passport number invalid)\ncontact e-mail: keymaster@mail.example\ncontrol-panel logins: 88, all from 203.0.113.80, the site's own server in Finland, used as a proxy",
    ru = "администратор: «А. Петров» (номер паспорта недействителен)\nпочта: keymaster@mail.example\nвходы в панель управления: 88, все с 203.0.113.80 — собственного сервера сайта в Финляндии, используемого как прокси" },
  reveals = { "alias-keymaster" } }
add_record { id = "rec-courier", holder = "expresspost", about = "box-1187", kind = "subscriber", keep = true,
  title = { en = "Rental file of parcel box 1187", ru = "Договор аренды абонентского ящика 1187" },
  content = {
    en = "box rented since 2009-06 by Pavel Garin, born 1984, passport checked at signing\nhome address: Moscow, Profsoyuznaya St.\n37 parcels received from Finland and Ukraine, all collected in person\nfees for the Ukrainian parcels paid with a card of Slobozhansky Bank (Ukraine)",
    ru = "ящик арендует с июня 2009 г. Павел Гарин, 1984 г. р., паспорт проверен при заключении договора\nадрес: Москва, ул. Профсоюзная\nполучено 37 посылок из Финляндии и с Украины, все забраны лично\nсборы за украинские посылки оплачены картой банка «Слобожанский» (Украина)" },
  reveals = { "p-garin", "slobbank" }, proves = { "identity" },
  lead = { en = "Customs' tip about the parcel box led, through a production order to the courier, to the operator's name.",
           ru = "Сообщение таможни об абонентском ящике через судебное решение к курьерской службе вело к имени оператора." } }
add_record { id = "rec-host-logs", holder = "kallio", about = "203.0.113.80", kind = "logs", retention = "75d",
  title = { en = "Access logs of the server 203.0.113.80", ru = "Журналы доступа к серверу 203.0.113.80" },
  content = {
    en = "SSH sessions as root: 1,244 since 2008-11, from a Moscow address of Pavel Garin's home connection\nnightly key-generator runs started from the same sessions\norder database exported weekly to the same address",
    ru = "сеансы SSH под root: 1244 с ноября 2008 г., с московского адреса домашнего подключения Павла Гарина\nночные запуски генератора ключей из тех же сеансов\nеженедельная выгрузка базы заказов на тот же адрес" },
  proves = { "link", "distribution" },
  lead = { en = "Kallio's access logs, kept 75 days, were the admissible link between the operator and the server: frozen through the 24/7 Network, then obtained by MLAT.",
           ru = "Журналы Kallio, хранившиеся 75 дней, были допустимым доказательством связи оператора с сервером: их нужно было заморозить через Сеть 24/7 и получить по запросу о правовой помощи." } }
add_record { id = "rec-host-customer", holder = "kallio", about = "203.0.113.80", kind = "subscriber", keep = true,
  title = { en = "Kallio customer record for 203.0.113.80", ru = "Данные клиента Kallio для 203.0.113.80" },
  content = {
    en = "customer: 'A. Petrov', e-mail keymaster@mail.example\nbilling: PayVault merchant 5521-SKLAD; invoices paid by a card of Slobozhansky Bank (Ukraine)",
    ru = "клиент: «А. Петров», почта keymaster@mail.example\nоплата: PayVault, счёт 5521-SKLAD; счета оплачены картой банка «Слобожанский» (Украина)" },
  reveals = { "pv-5521", "slobbank" } }
add_record { id = "rec-payvault", holder = "payvault", about = "pv-5521", kind = "transactions", retention = "400d",
  title = { en = "PayVault merchant account 5521-SKLAD: owner and transactions", ru = "Счёт PayVault 5521-SKLAD: владелец и операции" },
  content = {
    en = "account holder: Oksana Kovalenko, Kharkiv, Ukraine\nsales 2008-12..2010-08: 2,870 licence keys, total USD 61,300\npayouts to a card of Slobozhansky Bank; the Kallio hosting invoices are paid from it",
    ru = "владелец счёта: Оксана Коваленко, Харьков, Украина\nпродажи 12.2008–08.2010: 2870 ключей, всего 61 300 долларов США\nвыводы на карту банка «Слобожанский»; с неё оплачиваются счета Kallio" },
  reveals = { "p-kovalenko", "slobbank" }, proves = { "income" },
  lead = { en = "PayVault's records (MLAT to the United States) showed the money: USD 61,300 from 2,870 keys.",
           ru = "Данные PayVault (запрос о правовой помощи в США) показали деньги: 61 300 долларов за 2870 ключей." } }
add_record { id = "rec-slobbank", holder = "slobbank", about = "pv-5521", kind = "transactions", keep = true,
  title = { en = "Slobozhansky Bank: the card that receives the PayVault payouts", ru = "Банк «Слобожанский»: карта, на которую выводятся деньги PayVault" },
  content = {
    en = "card account of Oksana Kovalenko that receives the PayVault 5521 payouts\nsupplementary card on the same account issued 2009-02 to Pavel Garin (Russian passport)\n81% of cash withdrawals made with the supplementary card at Moscow ATMs\nmonthly transfer of 10% to the account holder",
    ru = "карточный счёт Оксаны Коваленко, на который выводятся деньги со счёта PayVault 5521\nдополнительная карта к тому же счёту выпущена в феврале 2009 г. на имя Павла Гарина (паспорт РФ)\n81% снятий наличных — дополнительной картой в банкоматах Москвы\nежемесячный перевод 10% владелице счёта" },
  reveals = { "p-kovalenko", "p-garin" }, proves = { "group" },
  lead = { en = "Slobozhansky Bank's records (MLAT to Ukraine) showed who spent the money: a supplementary card in Pavel Garin's name, and a monthly tenth for Oksana Kovalenko, who held the accounts for him. That agreement made them a group.",
           ru = "Данные банка «Слобожанский» (запрос о правовой помощи в Украину) показали, кто тратил деньги: дополнительная карта на имя Павла Гарина и ежемесячная десятая часть Оксане Коваленко, на которую он оформил счета. Этот сговор делал их группой." } }
-- Only a search while the key generator runs shows that he makes the keys
-- himself: by day the laptop is off and its disk encrypted.
add_record { id = "rec-live", holder = "p-garin", about = "p-garin", kind = "live",
  title = { en = "Live images of the running computers", ru = "Образы работающих компьютеров" },
  content = {
    en = "key generator running: 140 keys for VektorCAD Pro and Brightline Ledger generated tonight, not yet sent\nsoft-sklad.ru order panel logged in as 'KeyMaster'\nopen SSH session to 203.0.113.80 as root",
    ru = "работает генератор ключей: 140 ключей к VektorCAD Pro и Brightline Ledger, созданных этим вечером и ещё не отправленных\nпанель заказов soft-sklad.ru, вход как «KeyMaster»\nоткрытый сеанс SSH к 203.0.113.80 под root" },
  proves = { "release", "distribution" } }
add_record { id = "rec-seized", holder = "p-garin", about = "p-garin", kind = "seized",
  title = { en = "Seized: a laptop, a disc duplicator and 300 pressed discs", ru = "Изъяты: ноутбук, дубликатор дисков и 300 прессованных дисков" },
  content = { en = "laptop disk encrypted; discs match those customs detained", ru = "диск ноутбука зашифрован; диски совпадают с задержанными таможней" } }

set_adversary {
  site = "soft-sklad.ru",
  hop_to = "soft-sklad.net",
  hop_delay = { "2d", "5d" },
  -- The key generator runs from eight in the evening until six: a search
  -- between eight and ten is lawful and finds the laptop on.
  online = { 20, 6 },
  wipe_delay = { "1d", "2d" },
  operators = { "p-garin" },
  flee = { "p-garin" },
  flee_delay = { "8d", "12d" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  court = { "distribution", "identity", "damages" },
  -- The grave charge the publishers want needs every leg of the case: the
  -- operator tied to the Finnish server (Kallio's logs), the sales (the US
  -- processor), the partner who holds the accounts for a tenth of the money
  -- (the Ukrainian bank: a group by prior agreement), and the keys made by
  -- his own hand (a search while the generator runs).
  serious = { "link", "income", "group", "release" },
}

add_message { at = "1d", from = "softguard",
  subject = { en = "SoftGuard: the figures", ru = "«СофтЗащита»: цифры" },
  body = { en = "VektorCAD Pro sells for 42,000 roubles a licence. Half a dozen proven downloads already reach the grave tier. The site's own counters show far more.",
           ru = "Лицензия VektorCAD Pro стоит 42 000 рублей. Уже полдюжины доказанных скачиваний дают особо крупный размер. Счётчики самого сайта показывают гораздо больше." } }

add_objective { id = "preserve", points = 10,
  text = { en = "Freeze the Finnish logs through the 24/7 Network before they are deleted", ru = "Заморозить финские журналы через Сеть 24/7 до их удаления" },
  check = function() return get_flag("preserved") ~= nil and not is_expired("rec-host-logs") end }
add_objective { id = "channels", points = 5,
  text = { en = "Obtain everything through a legal channel", ru = "Получать всё только по правовым каналам" },
  check = function() return get_flag("informal_request") == nil end }
add_objective { id = "customs", points = 5,
  text = { en = "Use the customs lead to identify the operator", ru = "Установить оператора по сведениям таможни" },
  check = function() return is_obtained("rec-courier") end }
add_objective { id = "link", points = 10,
  text = { en = "Tie the operator to the server with admissible evidence", ru = "Связать оператора с сервером допустимыми доказательствами" },
  check = function() return is_proven("link") end }
add_objective { id = "money", points = 10,
  text = { en = "Follow the money through the US processor to the Ukrainian card", ru = "Пройти по следу денег через американскую платёжную систему до украинской карты" },
  check = function() return is_obtained("rec-payvault") and is_obtained("rec-slobbank") end }
add_objective { id = "timing", points = 10,
  text = { en = "Take the site down only after the arrest", ru = "Закрыть сайт только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

-- The lessons the case exists to teach: a win needs all of them.
add_lesson { id = "preserve",
  text = { en = "1. Freeze the Finnish host's logs through the 24/7 Network before its 75 days run out, then obtain them by MLAT",
           ru = "1. Заморозить журналы финского хостера через Сеть 24/7, пока не истекли 75 дней их хранения, затем получить их по запросу о правовой помощи" },
  needs = { "obtained rec-host-logs" } }
add_lesson { id = "money",
  text = { en = "2. Follow the money abroad: the US processor's records and the Ukrainian bank's, by MLAT",
           ru = "2. Проследить деньги за рубежом: данные американской платёжной системы и украинского банка — по запросам о правовой помощи" },
  needs = { "obtained rec-payvault", "obtained rec-slobbank" } }
add_lesson { id = "customs",
  text = { en = "3. Work with customs: they may seize goods at the border but not open a case; their lead, followed by a production order to the courier, names the operator",
           ru = "3. Работать с таможней: она задерживает товар на границе, но не возбуждает дел; её след через судебное решение к курьерской службе ведёт к оператору" },
  needs = { "obtained rec-courier" } }
add_lesson { id = "handoff",
  text = { en = "4. Hand a complete package to the unit that opens the case, and go to court only with a complete file",
           ru = "4. Передать полные материалы подразделению, которое возбуждает дело, и направлять дело в суд только полным" },
  needs = { "complete-handoff" } }
add_lesson { id = "raid",
  text = { en = "5. Search lawfully while the key generator runs: in the evening, before the night begins at ten",
           ru = "5. Провести обыск законно, пока работает генератор ключей: вечером, до наступления ночного времени в 22:00" },
  needs = { "flag raid_live", "lawful-searches" } }
add_lesson { id = "timing",
  text = { en = "6. Take the shop down only after the arrest, and leave none of it online",
           ru = "6. Закрыть магазин только после задержания и не оставить его копий в сети" },
  needs = { "not flag takedown_early", "site-down" } }
add_lesson { id = "channels",
  text = { en = "7. Use legal channels only: a foreign host's friendly e-mail is intelligence, not evidence, and the host may warn the operator",
           ru = "7. Только правовые каналы: любезное письмо зарубежного хостера — ориентировка, а не доказательство, а сам хостер может предупредить оператора" },
  needs = { "not flag informal_request", "no-tipoff" } }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 50,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "The court admitted the Finnish logs, the US and Ukrainian records obtained by MLAT and the images of the running key generator, and convicted the operator of the grave charge. The damages, counted at the price of a licence, were many times the threshold.",
           ru = "Суд принял финские журналы, американские и украинские данные, полученные по запросам о правовой помощи, а также образы работающего генератора ключей, и осудил оператора по тяжкой статье. Ущерб по цене лицензии многократно превысил порог." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted, but the case fell short of what the publishers and the law required: the debrief shows what was missing and when it was lost.",
           ru = "Суд вынес приговор, но дело не дотянуло до того, чего требовали правообладатели и закон: разбор показывает, чего не хватило и когда это было упущено." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The damages were never in doubt, but nothing admissible showed who ran the shop. What was not obtained through a legal channel did not count.",
           ru = "Размер ущерба не вызывал сомнений, но ничто допустимое не показало, кто вёл магазин. Полученное вне правового канала не засчитывается." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "The package never showed damages of even 50,000 roubles, the lowest tier of the law: even expensive software has to be shown to have been distributed.",
           ru = "Материалы так и не показали ущерба хотя бы в 50 000 рублей — нижнего порога закона: даже распространение дорогих программ нужно доказать." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }
add_ending { id = "fled", result = "loss", score = 5,
  title = { en = "The operator is gone", ru = "Оператор скрылся" },
  text = { en = "Warned, the operator wiped his laptop, moved the shop to an Estonian host under a new name and left for Ukraine, out of reach.",
           ru = "Предупреждённый оператор очистил ноутбук, перенёс магазин к эстонскому хостеру под новым именем и уехал на Украину, где его не достать." } }

add_decision { flag = "preserved",
  label = { en = "Preservation through the 24/7 Network", ru = "Сохранение данных через Сеть 24/7" },
  taken = { en = "The Finnish logs were frozen within hours and waited for the MLAT request.",
            ru = "Финские журналы были заморожены за несколько часов и дождались запроса о правовой помощи." },
  not_taken = { en = "Kallio deletes logs after 75 days; an MLAT request can only leave once a case is open and takes months.",
                ru = "Kallio удаляет журналы через 75 дней; запрос о правовой помощи возможен лишь после возбуждения дела и идёт месяцами." } }
add_decision { flag = "informal_request",
  label = { en = "Informal e-mail to a foreign holder", ru = "Неформальное письмо зарубежному держателю данных" },
  taken = { en = "A reply outside any legal channel is intelligence only; and a host that answers such e-mails, as Kallio does, also tells its customer that the police asked about his server.",
            ru = "Ответ вне правового канала — лишь ориентирующая информация; а хостер, который отвечает на такие письма, как Kallio, ещё и сообщает клиенту, что его сервером интересовалась полиция." },
  not_taken = { en = "Every foreign item came through preservation and MLAT and was admitted, and the operator never knew.",
                ru = "Все зарубежные данные пришли через сохранение и запрос о правовой помощи и были приняты судом, а оператор ничего не узнал." } }
add_decision { flag = "takedown_early",
  label = { en = "Takedown before the arrest", ru = "Закрытие сайта до задержания" },
  taken = { en = "The shop reappeared on an Estonian host within days, the operator wiped his laptop and prepared to leave.",
            ru = "Магазин через несколько дней появился у эстонского хостера, оператор очистил ноутбук и собрался уезжать." },
  not_taken = { en = "The operator kept working unaware until the search.",
                ru = "Оператор работал, ничего не подозревая, до самого обыска." } }
add_decision { flag = "raid_live",
  label = { en = "Search while the key generator ran", ru = "Обыск во время работы генератора ключей" },
  taken = { en = "The key generator was imaged as it ran: the keys of that evening were made by his own hand.",
            ru = "Генератор ключей зафиксировали в работе: ключи этого вечера созданы им самим." },
  not_taken = { en = "The operator generates keys from eight in the evening: a search before ten is lawful and finds the laptop on; by day it is off and encrypted, and a search at night is unlawful. Without it nothing showed that he made the keys himself.",
                ru = "Оператор генерирует ключи с восьми вечера: обыск до 22:00 законен и застаёт ноутбук включённым; днём он выключен и зашифрован, а ночной обыск незаконен. Без такого обыска ничто не показало, что ключи он делал сам." } }

return {
  on_start = function()
    add_timer("4d", "customs_tip")
  end,
  on_timer = function(id)
    if id == "customs_tip" then
      reveal("expresspost")
      reveal("box-1187")
      send_message {
        from = "customs",
        subject = { en = "Customs: parcels of pressed software discs", ru = "Таможня: посылки с прессованными дисками" },
        body = {
          en = "At the airport we detained a parcel from Finland with 120 pressed discs of VektorCAD Pro, each with a printed key and the address soft-sklad.ru. It was addressed to parcel box 1187 of the Express-Pochta courier service. We can seize goods at the border but cannot open a criminal case: the box rental file is yours to obtain by a production order.",
          ru = "В аэропорту задержана посылка из Финляндии: 120 прессованных дисков VektorCAD Pro, на каждом напечатан ключ и адрес soft-sklad.ru. Получатель — абонентский ящик 1187 курьерской службы «Экспресс-Почта». Мы можем задерживать товар на границе, но не возбуждать уголовное дело: договор аренды ящика вы можете получить по судебному решению." },
      }
    end
  end,
  on_fled = function(ev)
    if ev.subject == "p-garin" then
      end_case("fled")
    end
  end,
  on_site_reappeared = function(ev)
    send_message {
      from = "softguard",
      subject = { en = "SoftGuard: the shop is back", ru = "«СофтЗащита»: магазин вернулся" },
      body = { en = "The same shop sells again at " .. ev.subject .. ", now from an Estonian host. The takedown only moved it.",
               ru = "Тот же магазин снова торгует по адресу " .. ev.subject .. ", теперь у эстонского хостера. Закрытие лишь переместило его." },
    }
  end,
  on_evidence = function(ev)
    local src = ev.data.source
    if ev.data.admissible == "false" and (src == "rec-host-logs" or src == "rec-host-customer") and not get_flag("ask_warned") then
      set_flag("ask_warned", "yes")
      send_message {
        from = "softguard",
        subject = { en = "SoftGuard: about the Finnish reply", ru = "«СофтЗащита»: об ответе из Финляндии" },
        body = { en = "Our lawyer warns: a host's friendly e-mail is not evidence. The defence will ask how it was obtained. Only an MLAT request makes such data usable in court.",
                 ru = "Наш юрист предупреждает: любезное письмо хостера — не доказательство. Защита спросит, как оно получено. Использовать такие данные в суде можно только после запроса о правовой помощи." },
      }
    end
  end,
}
