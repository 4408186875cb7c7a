-- Operation Premiere: the reference case.
-- A release group runs a film tracker on a .ru domain. The server is in the
-- Netherlands, the hosting is paid from Ukraine through a US payment
-- processor. Every name of a company, site or person here is fictional.

scenario {
  id = "film-site",
  api = 1,
  title = { en = "Operation Premiere", ru = "Операция «Премьера»" },
  summary = {
    en = "A film tracker on a .ru domain, a server in the Netherlands, hosting paid from Ukraine through a US processor.",
    ru = "Торрент-трекер фильмов в зоне .ru, сервер в Нидерландах, хостинг оплачен с Украины через американскую платёжную систему.",
  },
  briefing = {
    en = [[Complaint from the KinoShield film association, 2 March 2009.

The site kadr-hd.ru offers thousands of Russian and American films for download, three of them not yet released in cinemas. It serves viewers in Russia, the Baltic states and other former Soviet markets and swaps new titles with other release groups.

You are an officer of Department K. Your unit may investigate, but only the Investigative Department can open a criminal case. Trace the site, its operators and its money; gather evidence a court will accept; hand the case over; and act at the right moment.

Last month, at the regional IPR enforcement conference, you met Inspector M. de Vries, the Dutch police liaison for intellectual property crime. How your own country reaches foreign police around the clock, nobody in your unit has written down.]],
    ru = [[Заявление киноассоциации «КиноЩит», 2 марта 2009 года.

Сайт kadr-hd.ru раздаёт тысячи российских и американских фильмов, три из них ещё не вышли в прокат. Его аудитория — Россия, страны Балтии и другие рынки бывшего СССР; релизы он обменивает с другими релиз-группами.

Вы — сотрудник управления «К». Ваше подразделение вправе проводить проверку, но возбудить уголовное дело может только следственный отдел. Установите сайт, его владельцев и их деньги; соберите доказательства, которые примет суд; передайте материалы и действуйте вовремя.

В прошлом месяце на региональной конференции по защите интеллектуальной собственности вы познакомились с инспектором М. де Врис — нидерландским полицейским атташе по преступлениям в сфере ИС. Как ваша страна круглосуточно связывается с иностранной полицией, в вашем подразделении никто не записал.]],
  },
  duration = "60m",
  langs = { "en", "ru" },
  start = "2009-03-02 09:00",
  deadline = "300d",
  home = "ru",
  unit = "dept-k",
  officer = { en = "Lt. A. Volkov", ru = "лейтенант А. Волков" },
}

use_rules("ru", "nl", "ua", "us")

-- Units of the trainee's agency.
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }
add_entity { id = "procuracy", kind = "unit", role = "prosecutor", jurisdiction = "ru", known = true,
  name = { en = "Prosecutor's Office", ru = "Прокуратура" } }

-- The channels abroad: your own country's 24/7 contact point is not handed
-- to you; the Prosecutor-General's international cooperation department
-- knows it. The Dutch liaison you met at the conference can speed things up
-- and pass what Dutch colleagues know, off the record.
add_entity { id = "genproc-intl", kind = "unit", role = "central_authority", jurisdiction = "ru", known = true,
  name = { en = "Prosecutor-General's Office, International Cooperation", ru = "Генпрокуратура, управление международного сотрудничества" },
  reveals = { contact = { "ncp-247" } },
  notes = { contact = {
    en = "  Russia takes part in the 24/7 Network. Its contact point is the Interior Ministry's round-the-clock desk for computer crime:\n  preservation requests abroad go through it. MLAT requests of an opened criminal case go through this Office.",
    ru = "  Россия участвует в Сети 24/7. Контактный пункт — круглосуточное дежурное подразделение МВД по компьютерным преступлениям:\n  запросы о сохранении данных за рубежом идут через него. Запросы о правовой помощи по возбуждённому делу — через наше управление." } } }
add_entity { id = "ncp-247", kind = "unit", role = "contact_point", jurisdiction = "ru",
  name = { en = "24/7 contact point (Russia)", ru = "Контактный пункт 24/7 (Россия)" } }
add_entity { id = "nl-liaison", kind = "unit", role = "liaison", jurisdiction = "nl", known = true,
  name = { en = "Insp. M. de Vries, Dutch police liaison", ru = "Инспектор М. де Врис, атташе полиции Нидерландов" },
  delays = { preserve = { "1h", "3h" } } }

-- The complainants.
add_entity { id = "kinoshield", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "KinoShield association", ru = "Ассоциация «КиноЩит»" } }
add_entity { id = "auteurswacht", kind = "org", role = "association", jurisdiction = "nl", known = true,
  name = { en = "Stichting AuteursWacht", ru = "Фонд AuteursWacht" } }
add_entity { id = "severfilm", kind = "org", role = "rights_holder", jurisdiction = "ru", known = true,
  name = { en = "Sever Film Distribution", ru = "«Север Фильм Дистрибуция»" } }
add_entity { id = "meridian", kind = "org", role = "rights_holder", jurisdiction = "us", known = true,
  name = { en = "Meridian Pictures", ru = "Meridian Pictures" } }

-- The site and its infrastructure.
add_entity { id = "kadr-hd.ru", kind = "domain", known = true,
  links = { registrar = "regcentr", registrant = "p-lebedev", ip = "198.51.100.23", payment = "pb-7734" },
  attrs = { redacted = "yes", created = "2007-04-18", paid_till = "2010-04-18",
            nameservers = "ns1.nordhost.example ns2.nordhost.example",
            page_title = "KADR HD: new films every day", price = "300 RUB (VIP month)" },
  reveals = { osint = { "alias-kuzya", "alias-ryzhaya", "grp-noirrip", "grp-svteam", "grp-hdgang" } },
  notes = { osint = {
    en = "  forum thread 'KADR HD team': admins 'Kuzya' and 'Ryzhaya' announce releases\n  partner groups credited on releases: NoirRip, SVTeam, HDGang\n  'Ryzhaya' writes that 'we two' run the tracker from home",
    ru = "  ветка форума «Команда KADR HD»: релизы объявляют админы «Кузя» и «Рыжая»\n  в релизах указаны группы-партнёры: NoirRip, SVTeam, HDGang\n  «Рыжая» пишет, что трекер «мы вдвоём» ведём из дома" } },
  copies = { t_okno = 212, t_zima = 148, t_reka = 95, t_moscow = 77, t_harbor = 64, t_signal = 58, t_last = 41,
             t_krylya = 1830, t_orbit = 2210, t_tundra = 960 } }
add_entity { id = "kadr-hd.net", kind = "domain",
  links = { registrar = "regcentr", ip = "192.0.2.77" },
  attrs = { redacted = "yes", created = "2009-03-20" } }
add_entity { id = "198.51.100.23", kind = "ip", links = { asn = "AS64512", host = "nordhost" } }
add_entity { id = "192.0.2.77", kind = "ip", links = { asn = "AS64513", host = "duinhost" } }
add_entity { id = "AS64512", kind = "asn", jurisdiction = "nl", name = "NORDHOST-AS Nordhost B.V." }
add_entity { id = "AS64513", kind = "asn", jurisdiction = "nl", name = "DUINHOST-AS" }
add_entity { id = "regcentr", kind = "org", role = "registrar", jurisdiction = "ru",
  name = { en = "RegCentr LLC", ru = "ООО «РегЦентр»" } }
add_entity { id = "nordhost", kind = "org", role = "host", jurisdiction = "nl", name = "Nordhost B.V.",
  attrs = { informal = "answers", tips_off = true },
  lead = { en = "The Dutch host held the server's access logs: preserved through the 24/7 Network and obtained by MLAT, they tie the operators to the site.",
           ru = "Голландский хостер хранил журналы доступа к серверу: сохранённые через Сеть 24/7 и полученные по запросу о правовой помощи, они связывают операторов с сайтом." } }
add_entity { id = "duinhost", kind = "org", role = "host", jurisdiction = "nl", name = "Duinhost B.V." }
add_entity { id = "stolitsa", kind = "org", role = "isp", jurisdiction = "ru",
  name = { en = "Stolitsa-Net LLC", ru = "ООО «Столица-Нет»" } }
add_entity { id = "203.0.113.45", kind = "ip", links = { host = "stolitsa" } }

-- The money.
add_entity { id = "pb-7734", kind = "account", links = { processor = "paybridge" },
  name = "PayBridge merchant 7734-KADR" }
-- PayBridge's compliance team executes an MLAT request about three months
-- after receiving it: a freeze renewed once holds until then, if the
-- request goes out soon after the case is opened.
add_entity { id = "paybridge", kind = "org", role = "payment", jurisdiction = "us", name = "PayBridge Inc.",
  attrs = { informal = "refuses" }, delays = { mlat = { "85d", "110d" } } }
add_entity { id = "zolotobank", kind = "org", role = "bank", jurisdiction = "ua",
  name = { en = "Zoloto Bank", ru = "Банк «Золото»" }, attrs = { informal = "refuses" } }
add_entity { id = "card-5211", kind = "account", links = { bank = "zolotobank" },
  name = { en = "Zoloto Bank card ending 5211", ru = "Карта банка «Золото» *5211" } }

-- The people behind the aliases.
add_entity { id = "alias-kuzya", kind = "alias", name = { en = "'Kuzya'", ru = "«Кузя»" } }
add_entity { id = "alias-ryzhaya", kind = "alias", name = { en = "'Ryzhaya'", ru = "«Рыжая»" } }
add_entity { id = "grp-noirrip", kind = "group", name = "NoirRip" }
add_entity { id = "grp-svteam", kind = "group", name = "SVTeam" }
add_entity { id = "grp-hdgang", kind = "group", name = "HDGang" }
add_entity { id = "p-lebedev", kind = "person", jurisdiction = "ru",
  name = { en = "Sergei Lebedev", ru = "Сергей Лебедев" }, attrs = { address = "Moscow, Yasnaya St." } }
add_entity { id = "p-lebedeva", kind = "person", jurisdiction = "ru",
  name = { en = "Irina Lebedeva", ru = "Ирина Лебедева" }, attrs = { address = "Moscow, Yasnaya St." },
  lead = { en = "The payment processor's records would have named the second operator, Irina Lebedeva.",
           ru = "Данные платёжной системы указали бы на второго оператора — Ирину Лебедеву." } }

-- The titles and what the page shows.
add_title { id = "t_okno", name = { en = "The Window", ru = "Окно" }, kind = "film", price = 270 }
add_title { id = "t_zima", name = { en = "Winter Road", ru = "Зимник" }, kind = "film", price = 270 }
add_title { id = "t_reka", name = { en = "River", ru = "Река" }, kind = "film", price = 270 }
add_title { id = "t_moscow", name = { en = "Moscow Nights", ru = "Московские ночи" }, kind = "film", price = 270 }
add_title { id = "t_harbor", name = { en = "Harbor Lights", ru = "Огни гавани" }, kind = "film", price = 270 }
add_title { id = "t_signal", name = { en = "Signal", ru = "Сигнал" }, kind = "film", price = 270 }
add_title { id = "t_last", name = { en = "The Last Ferry", ru = "Последний паром" }, kind = "film", price = 270 }
add_title { id = "t_krylya", name = { en = "Wings (pre-release)", ru = "Крылья (премьера)" }, kind = "film",
  prerelease = true, estimate = 1400000, rights_holder = "severfilm" }
add_title { id = "t_tundra", name = { en = "Tundra (pre-release)", ru = "Тундра (премьера)" }, kind = "film",
  prerelease = true, estimate = 650000, rights_holder = "severfilm" }
add_title { id = "t_orbit", name = { en = "Orbit (pre-release)", ru = "Орбита (премьера)" }, kind = "film",
  prerelease = true, estimate = 2300000, rights_holder = "meridian" }

-- What holders keep, and what legal channels obtain.
add_record { id = "rec-registrar", holder = "regcentr", about = "kadr-hd.ru", kind = "registrant", keep = true,
  title = { en = "Registrant file and control-panel logins for kadr-hd.ru", ru = "Анкета администратора и входы в панель kadr-hd.ru" },
  content = {
    en = "registrant: 'I. Sokolova' (identity document never checked)\ncontrol-panel logins: 214, all from 203.0.113.45 (Stolitsa-Net)\nlast login: 2009-02-27 23:41",
    ru = "администратор: «И. Соколова» (документы не проверялись)\nвходы в панель управления: 214, все с 203.0.113.45 (Столица-Нет)\nпоследний вход: 2009-02-27 23:41" },
  reveals = { "203.0.113.45", "stolitsa" } }
add_record { id = "rec-subscriber", holder = "stolitsa", about = "203.0.113.45", kind = "subscriber",
  title = { en = "Subscriber of 203.0.113.45", ru = "Абонент адреса 203.0.113.45" },
  content = {
    en = "subscriber: Sergei Lebedev, born 1979\ninstallation address: Moscow, Yasnaya St.\ncontract since 2006; static address",
    ru = "абонент: Сергей Лебедев, 1979 г. р.\nадрес подключения: Москва, ул. Ясная\nдоговор с 2006 года; статический адрес" },
  reveals = { "p-lebedev" }, proves = { "identity" } }
add_record { id = "rec-host-logs", holder = "nordhost", about = "198.51.100.23", kind = "logs", retention = "60d",
  title = { en = "Administrative access logs of the server 198.51.100.23", ru = "Журналы административного доступа к серверу 198.51.100.23" },
  content = {
    en = "ssh sessions as root: 1,906 since 2007-05, from 203.0.113.45\ntracker admin panel uploads: 3,412 torrents\nbackups pulled nightly to 203.0.113.45",
    ru = "сеансы ssh под root: 1906 с мая 2007 г., с адреса 203.0.113.45\nзагрузки через админ-панель трекера: 3412 торрентов\nежедневные резервные копии на 203.0.113.45" },
  proves = { "link", "distribution" },
  lead = { en = "Nordhost's access logs tied the operators' home connection to the server: frozen through the 24/7 Network and obtained by MLAT.",
           ru = "Журналы доступа Nordhost связывали домашнее подключение операторов с сервером: их нужно было заморозить через Сеть 24/7 и получить по запросу о правовой помощи." } }
add_record { id = "rec-host-customer", holder = "nordhost", about = "198.51.100.23", kind = "subscriber", keep = true,
  title = { en = "Nordhost customer record for 198.51.100.23", ru = "Данные клиента Nordhost для 198.51.100.23" },
  content = {
    en = "customer: 'K. Ivanov', e-mail kadr.admin@mail.example\nbilling: card ending 5211 issued by Zoloto Bank (Ukraine), through PayBridge",
    ru = "клиент: «К. Иванов», почта kadr.admin@mail.example\nоплата: карта *5211 банка «Золото» (Украина), через PayBridge" },
  reveals = { "pb-7734", "zolotobank", "card-5211" } }
add_record { id = "rec-liaison-tip", holder = "nl-liaison", about = "kadr-hd.ru", kind = "spontaneous",
  title = { en = "What the Dutch liaison passed on about kadr-hd.ru", ru = "Что сообщил нидерландский атташе о kadr-hd.ru" },
  content = {
    en = "Nordhost's abuse desk says the server 198.51.100.23 is paid monthly by a card ending 5211 of Zoloto Bank, Ukraine.\nThey keep access logs for about two months. Ask for everything formally: this is only between colleagues.",
    ru = "Служба Nordhost по жалобам сообщает: сервер 198.51.100.23 ежемесячно оплачивается картой *5211 банка «Золото», Украина.\nЖурналы доступа хранят около двух месяцев. Всё запрашивайте официально: это только между коллегами." },
  reveals = { "zolotobank", "card-5211" } }
add_record { id = "rec-zoloto", holder = "zolotobank", about = "card-5211", kind = "transactions", keep = true,
  title = { en = "Zoloto Bank: holder and statement of card 5211", ru = "Банк «Золото»: держатель и выписка по карте *5211" },
  content = {
    en = "cardholder: Irina Lebedeva; supplementary card: Sergei Lebedev\nmonthly payments to Nordhost B.V. since 2007-05\nincoming: PayBridge payouts from merchant 7734-KADR\nstatements sent to Moscow, Yasnaya St.",
    ru = "держатель: Ирина Лебедева; дополнительная карта: Сергей Лебедев\nежемесячные платежи Nordhost B.V. с мая 2007 г.\nпоступления: выплаты PayBridge со счёта 7734-KADR\nвыписки направляются: Москва, ул. Ясная" },
  reveals = { "p-lebedeva" }, proves = { "group", "identity" },
  lead = { en = "Zoloto Bank's records (MLAT to Ukraine) showed that both operators paid for the server together.",
           ru = "Данные банка «Золото» (запрос о правовой помощи в Украину) показали, что сервер оплачивали оба оператора вместе." } }
add_record { id = "rec-paybridge", holder = "paybridge", about = "pb-7734", kind = "transactions",
  title = { en = "PayBridge merchant account 7734-KADR: owner and transactions", ru = "Счёт PayBridge 7734-KADR: владелец и операции" },
  content = {
    en = "account holder: Irina Lebedeva, Moscow\nincoming payments 2007-03..2009-02: 4,122, total USD 32,400\npayouts to a card of Zoloto Bank (Ukraine); hosting invoices of Nordhost paid from it",
    ru = "владелец счёта: Ирина Лебедева, Москва\nвходящие платежи 03.2007–02.2009: 4122, всего 32 400 долларов США\nвыводы на карту банка «Золото» (Украина); с неё оплачены счета Nordhost" },
  reveals = { "p-lebedeva", "zolotobank" }, proves = { "income", "identity" }, retention = "120d",
  lead = { en = "PayBridge's records (freeze and renew, then MLAT to the United States) showed who took the money: USD 32,400 in two years.",
           ru = "Данные PayBridge (сохранение, затем запрос в США) показали, кто получал деньги: 32 400 долларов за два года." } }
add_record { id = "rec-live", holder = "p-lebedev", about = "p-lebedev", kind = "live",
  title = { en = "Live images of the running computers", ru = "Образы работающих компьютеров" },
  content = {
    en = "encoding queue: unpublished release of 'Orbit' with the KADR HD tag\nupload client logged in to three partner trackers as 'Kuzya'\nchat with NoirRip arranging a title swap",
    ru = "очередь кодирования: неопубликованный релиз «Орбиты» с меткой KADR HD\nклиент загрузки подключён к трём трекерам-партнёрам под именем «Кузя»\nпереписка с NoirRip об обмене релизами" },
  proves = { "release", "distribution" } }
add_record { id = "rec-seized", holder = "p-lebedev", about = "p-lebedev", kind = "seized",
  title = { en = "Seized equipment: two computers, four external disks", ru = "Изъятая техника: два компьютера, четыре внешних диска" },
  content = { en = "disks encrypted; forensic examination ordered", ru = "диски зашифрованы; назначена экспертиза" } }

set_adversary {
  site = "kadr-hd.ru",
  hop_to = "kadr-hd.net",
  hop_delay = { "3d", "6d" },
  -- Release groups work through the night: the machines run until seven,
  -- so a lawful search soon after six can still find them on.
  online = { 22, 7 },
  wipe_delay = { "1d", "3d" },
  operators = { "p-lebedev", "p-lebedeva" },
  flee = { "p-lebedeva", "p-lebedev" },
  flee_delay = { "8d", "14d" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  court = { "distribution", "identity", "damages" },
  -- The serious charge (what the rights holders want) needs the operators
  -- tied to the server (the Dutch logs), to the money (the US processor),
  -- to each other as a group (the Ukrainian bank's records of who paid for
  -- the server) and to the release work (a search while the computers run).
  serious = { "link", "income", "group", "release" },
}

add_message { at = "21d", from = "kinoshield",
  subject = { en = "KinoShield: any progress?", ru = "«КиноЩит»: есть ли движение?" },
  body = { en = "The pre-release of 'Orbit' has been downloaded thousands of times. Our members ask when the site will be closed.",
           ru = "Премьеру «Орбиты» скачали тысячи раз. Наши участники спрашивают, когда сайт закроют." } }

add_objective { id = "preserve", points = 10,
  text = { en = "Freeze foreign data through the 24/7 Network before it is deleted", ru = "Заморозить данные за рубежом через Сеть 24/7 до их удаления" },
  check = function() return get_flag("preserved") ~= nil end }
add_objective { id = "channels", points = 5,
  text = { en = "Obtain everything through a legal channel", ru = "Получать всё только по правовым каналам" },
  check = function() return get_flag("informal_request") == nil end }
add_objective { id = "damages", points = 10,
  text = { en = "Prove damages above the serious-crime threshold", ru = "Доказать ущерб в крупном размере" },
  check = function() return is_proven("damages") end }
add_objective { id = "link", points = 10,
  text = { en = "Tie the operators to the server", ru = "Связать операторов с сервером" },
  check = function() return is_proven("link") end }

-- Injects the instructor can fire in a workshop: pressures that tempt the
-- room into the mistakes the lessons are about.
add_inject { id = "pressure",
  label = { en = "The studio demands the site down today", ru = "Студия требует закрыть сайт сегодня" },
  run = function()
    send_message { from = "severfilm",
      subject = { en = "Take it down now", ru = "Закройте сайт немедленно" },
      body = { en = "Our premiere is on kadr-hd.ru again this morning. Every day online costs us. We expect the site to be taken down today, whatever else you are doing.",
               ru = "Наша премьера с утра снова на kadr-hd.ru. Каждый день работы сайта стоит нам денег. Мы ждём, что сайт закроют сегодня, чем бы вы ни были заняты." } }
  end }
add_inject { id = "shortcut",
  label = { en = "A colleague offers a quick call to the host", ru = "Коллега предлагает позвонить хостеру" },
  run = function()
    send_message { from = "genproc-intl",
      subject = { en = "A quicker way?", ru = "Может, быстрее?" },
      body = { en = "A colleague in another unit says he knows someone at the Dutch host and could simply ask for the logs by phone. It would save weeks. Your call.",
               ru = "Коллега из другого подразделения говорит, что знает человека у нидерландского хостера и может просто попросить журналы по телефону. Это сэкономит недели. Решать вам." } }
  end }

-- The lessons the case exists to teach: a win needs all of them.
add_lesson { id = "preserve",
  text = { en = "1. Freeze the Dutch host's logs through the 24/7 Network before they are deleted, then obtain them",
           ru = "1. Заморозить журналы нидерландского хостера через Сеть 24/7 до удаления, затем получить их" },
  needs = { "obtained rec-host-logs" } }
add_lesson { id = "money",
  text = { en = "2. Follow the money abroad: the US processor's and the Ukrainian bank's records, by MLAT",
           ru = "2. Проследить деньги за рубежом: данные американской платёжной системы и украинского банка — по запросам о правовой помощи" },
  needs = { "obtained rec-paybridge", "obtained rec-zoloto" } }
add_lesson { id = "damages",
  text = { en = "3. Value the damages as the law counts them, pre-release titles included",
           ru = "3. Оценить ущерб так, как его считает закон, включая премьеры" },
  needs = { "serious-damages" } }
add_lesson { id = "handoff",
  text = { en = "4. Hand a complete package to the unit that opens the case",
           ru = "4. Передать полные материалы подразделению, которое возбуждает дело" },
  needs = { "complete-handoff" } }
add_lesson { id = "raid",
  text = { en = "5. Search lawfully while the computers still run", ru = "5. Провести обыск законно, пока компьютеры ещё работают" },
  needs = { "flag raid_live", "lawful-searches" } }
add_lesson { id = "timing",
  text = { en = "6. Take the site down only after the arrest, and leave none of it online",
           ru = "6. Закрыть сайт только после задержания и не оставить его копий в сети" },
  needs = { "not flag takedown_early", "site-down" } }
add_lesson { id = "channels",
  text = { en = "7. Use legal channels only: no informal requests, no warning to the operators",
           ru = "7. Только правовые каналы: без неформальных запросов и без утечки к операторам" },
  needs = { "not flag informal_request", "no-tipoff" } }
add_lesson { id = "contact",
  text = { en = "8. Know the channel: find your own country's 24/7 contact point",
           ru = "8. Знать канал: найти контактный пункт 24/7 своей страны" },
  needs = { "known ncp-247" } }
add_objective { id = "money", points = 5,
  text = { en = "Follow the money to the payment processor", ru = "Отследить деньги до платёжной системы" },
  check = function() return is_obtained("rec-paybridge") end }
add_objective { id = "timing", points = 10,
  text = { en = "Take the site down only after the arrest", ru = "Закрыть сайт только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 50,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "The court accepted the evidence and convicted the operators. The prosecutor asked for the maximum sentence.",
           ru = "Суд принял доказательства и вынес обвинительный приговор. Прокурор требовал максимального наказания." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted, but the case fell short of what the rights holders and the law required: the debrief shows what was missing and when it was lost.",
           ru = "Суд вынес приговор, но дело не дотянуло до того, чего требовали правообладатели и закон: разбор показывает, чего не хватило и когда это было упущено." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The court could not tie the defendants to the site with admissible evidence.",
           ru = "Суд не смог связать подсудимых с сайтом допустимыми доказательствами." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "The damages proven stayed below the lowest tier of the law: a civil claim at most.",
           ru = "Доказанный ущерб не достиг нижнего порога закона: в лучшем случае гражданский иск." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }
add_ending { id = "fled", result = "loss", score = 5,
  title = { en = "The operators are gone", ru = "Операторы скрылись" },
  text = { en = "Warned, the operators wiped their computers, left the country and reopened the site under a new name with a new host.",
           ru = "Предупреждённые операторы очистили компьютеры, уехали из страны и открыли сайт под новым именем у нового хостера." } }

add_decision { flag = "takedown_early",
  label = { en = "Takedown before the arrest", ru = "Закрытие сайта до задержания" },
  taken = { en = "The site went dark, the operators were warned, and it came back under a new domain within days.",
            ru = "Сайт исчез, операторы были предупреждены, и через несколько дней он вернулся под новым доменом." },
  not_taken = { en = "The operators kept working unaware until the raid; the takedown after the arrest kept the site down.",
                ru = "Операторы работали, ничего не подозревая, до обыска; закрытие после задержания было окончательным." } }
add_decision { flag = "preserved",
  label = { en = "Preservation through the 24/7 Network", ru = "Сохранение данных через Сеть 24/7" },
  taken = { en = "The foreign data was frozen and waited for the MLAT request.",
            ru = "Данные за рубежом были заморожены до исполнения запроса о правовой помощи." },
  not_taken = { en = "Without preservation, the host's own retention would run out long before an MLAT request could arrive.",
                ru = "Без сохранения собственный срок хранения у хостера истёк бы задолго до прихода запроса о правовой помощи." } }
add_decision { flag = "raid_live",
  label = { en = "Raid while the computers were on", ru = "Обыск при включённых компьютерах" },
  taken = { en = "The forensic team imaged running systems: the admin session tied the suspect to the site.",
            ru = "Специалисты сняли образы работающих систем: открытый сеанс связал подозреваемого с сайтом." },
  not_taken = { en = "The computers run until seven: a lawful search soon after six finds them on; by day the disks are off and encrypted.",
                ru = "Компьютеры работают до семи: законный обыск вскоре после шести застаёт их включёнными; днём диски выключены и зашифрованы." } }
add_decision { flag = "informal_request",
  label = { en = "Informal request to the Dutch host", ru = "Неформальный запрос голландскому хостеру" },
  taken = { en = "The host answered, but the answer was intelligence only, and it warned its customer.",
            ru = "Хостер ответил, но ответ годился лишь как ориентировка, и клиент был предупреждён." },
  not_taken = { en = "Formal channels kept the operators unaware and the evidence admissible.",
                ru = "Официальные каналы сохранили тайну проверки и допустимость доказательств." } }

return {
  on_site_reappeared = function(ev)
    send_message {
        from = "kinoshield",
        subject = { en = "KinoShield: the site is back", ru = "«КиноЩит»: сайт вернулся" },
        body = { en = "The same tracker runs again at " .. ev.subject .. ", now with another Dutch host.",
                 ru = "Тот же трекер снова работает по адресу " .. ev.subject .. ", теперь у другого голландского хостера." },
    }
  end,
  on_fled = function(ev)
    if is_fled("p-lebedev") and is_fled("p-lebedeva") then
      end_case("fled")
    end
  end,
}
