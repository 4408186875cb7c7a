-- Operation Premiere, the other side of the hand-off: the trainee is the
-- investigator of the Investigative Department who receives Department K's
-- package on the film tracker of scenarios/film-site.lua. The package
-- shows a crime (distribution, a suspect, damages of the large scale at
-- retail price); what it lacks is what the investigation itself must
-- gather: the foreign data, which nobody has frozen, and the rights
-- holders' valuation of the pre-release films. Every name of a company,
-- site and person here is fictional.

scenario {
  id = "investigator-desk",
  api = 1,
  title = { en = "Premiere: the investigator's desk", ru = "«Премьера»: материал у следователя" },
  summary = {
    en = "You are the investigator who receives Department K's package on the film tracker: three days to decide, then the case is yours to lead.",
    ru = "Вы — следователь, к которому пришёл материал управления «К» о трекере фильмов: три дня на решение, дальше дело ведёте вы.",
  },
  briefing = {
    en = [[Monday, 20 April 2009, nine in the morning. Department K's package on the film tracker kadr-hd.ru reaches your desk at ten.

You are an investigator of the Investigative Department. Department K has checked KinoShield's complaint of 2 March for seven weeks; the decision is now yours. The law gives you three days: open a criminal case, or send the material back to Department K with what it still has to establish. A case is opened on the signs of a crime: for copyright, distribution and damages of at least 50,000 roubles (the large scale); 250,000 roubles make it the grave charge the rights holders want.

Your head will not extend the three days: the material has already spent seven weeks with the police. Whatever you open, only the court will judge it, on the file as it stands when the case goes there.

Once the case is open you lead it. You send requests, ask the rights holders for statements of losses, send MLAT requests (they go through the Prosecutor-General's Office) and decide when the case goes to court. Department K carries out the operational work on your instruction: its tools, preservation of foreign data through the 24/7 Network, searches and arrests.

Read the package before you decide (evidence, damages). The supervising prosecutor and KinoShield have both written to you.]],
    ru = [[Понедельник, 20 апреля 2009 года, девять утра. В десять на ваш стол ляжет материал управления «К» о торрент-трекере kadr-hd.ru.

Вы — следователь следственного отдела. Управление «К» семь недель проверяло заявление «КиноЩита» от 2 марта; теперь решение за вами. Закон даёт три дня: возбудить уголовное дело или вернуть материал в управление «К» с тем, что ещё нужно установить. Дело возбуждают при наличии признаков преступления: для авторских прав — распространение и ущерб от 50 000 рублей (крупный размер); от 250 000 рублей — тяжкое обвинение, которого добиваются правообладатели.

Руководитель отдела срок не продлит: материал и так семь недель пролежал в полиции. Что бы вы ни возбудили, оценит это только суд — по делу в том виде, в каком оно к нему поступит.

Возбудив дело, вы его ведёте. Вы направляете запросы, истребуете у правообладателей справки об ущербе, направляете запросы о правовой помощи (они идут через Генеральную прокуратуру) и решаете, когда дело уходит в суд. Оперативную работу по вашему поручению выполняет управление «К»: его инструменты, сохранение данных за рубежом через Сеть 24/7, обыски и задержания.

Прежде чем решать, изучите материал (evidence, damages). Вам написали надзирающий прокурор и «КиноЩит».]],
  },
  duration = "40m",
  langs = { "en", "ru" },
  start = "2009-04-20 09:00",
  deadline = "300d",
  home = "ru",
  unit = "inv-dept",
  officer = { en = "Sr. Lt. of Justice E. Markova", ru = "старший лейтенант юстиции Е. Маркова" },
}

use_rules("ru", "nl", "us")

-- The units. The trainee plays the Investigative Department; Department K
-- sent the package and works on what a return asks for (its `does`).
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" },
  does = {
    -- What Department K does when the package comes back asking for an
    -- element: it can ask the rights holders, freeze data abroad through
    -- its 24/7 desk, capture the site again, or search open sources for
    -- the second administrator.
    damages = { "statement severfilm", "statement meridian" },
    link = { "preserve nordhost 198.51.100.23" },
    income = { "preserve paybridge pb-7734" },
    distribution = { "capture kadr-hd.ru" },
    identity = { "osint alias-ryzhaya" },
  } }
add_entity { id = "procuracy", kind = "unit", role = "prosecutor", jurisdiction = "ru", known = true,
  name = { en = "Prosecutor's Office", ru = "Прокуратура" } }
add_entity { id = "genproc-intl", kind = "unit", role = "central_authority", jurisdiction = "ru", known = true,
  name = { en = "Prosecutor-General's Office, International Cooperation", ru = "Генпрокуратура, управление международного сотрудничества" },
  notes = { contact = {
    en = "  MLAT requests of an opened criminal case go through this Office: it checks and translates them, which takes one to three weeks\n  before the requested country's own time starts. A preservation through the 24/7 Network needs no case: the Interior Ministry's desk sends it.",
    ru = "  Запросы о правовой помощи по возбуждённому делу идут через наше управление: проверка и перевод занимают от одной до трёх недель,\n  и только потом начинается срок запрашиваемой страны. Для сохранения данных через Сеть 24/7 дело не нужно: запрос направляет дежурная часть МВД." } } }

-- The complainants.
add_entity { id = "kinoshield", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "KinoShield association", ru = "Ассоциация «КиноЩит»" } }
add_entity { id = "auteurswacht", kind = "org", role = "association", jurisdiction = "nl", known = true,
  name = { en = "Stichting AuteursWacht", ru = "Фонд AuteursWacht" } }
add_entity { id = "severfilm", kind = "org", role = "rights_holder", jurisdiction = "ru", known = true,
  name = { en = "Sever Film Distribution", ru = "«Север Фильм Дистрибуция»" } }
add_entity { id = "meridian", kind = "org", role = "rights_holder", jurisdiction = "us", known = true,
  name = { en = "Meridian Pictures", ru = "Meridian Pictures" } }

-- The site and its infrastructure (as Department K traced it).
add_entity { id = "kadr-hd.ru", kind = "domain", known = true,
  links = { registrar = "regcentr", ip = "198.51.100.23", payment = "pb-7734" },
  attrs = { redacted = "yes", created = "2007-04-18", paid_till = "2010-04-18",
            nameservers = "ns1.nordhost.example ns2.nordhost.example",
            page_title = "KADR HD: new films every day", price = "300 RUB (VIP month)" },
  reveals = { osint = { "alias-kuzya", "alias-ryzhaya" } },
  notes = { osint = {
    en = "  forum thread 'KADR HD team': admins 'Kuzya' and 'Ryzhaya' announce releases\n  'Ryzhaya' writes that 'we two' run the tracker from home",
    ru = "  ветка форума «Команда KADR HD»: релизы объявляют админы «Кузя» и «Рыжая»\n  «Рыжая» пишет, что трекер «мы вдвоём» ведём из дома" } },
  copies = { t_okno = 212, t_zima = 148, t_reka = 95, t_moscow = 77, t_harbor = 64, t_signal = 58, t_last = 41,
             t_krylya = 1830, t_orbit = 2210, t_tundra = 960 } }
add_entity { id = "kadr-hd.net", kind = "domain",
  links = { registrar = "regcentr", ip = "192.0.2.77" },
  attrs = { redacted = "yes", created = "2009-04-22" } }
add_entity { id = "198.51.100.23", kind = "ip", links = { asn = "AS64512", host = "nordhost" } }
add_entity { id = "192.0.2.77", kind = "ip", links = { asn = "AS64513", host = "duinhost" } }
add_entity { id = "AS64512", kind = "asn", jurisdiction = "nl", name = "NORDHOST-AS Nordhost B.V." }
add_entity { id = "AS64513", kind = "asn", jurisdiction = "nl", name = "DUINHOST-AS" }
add_entity { id = "regcentr", kind = "org", role = "registrar", jurisdiction = "ru",
  name = { en = "RegCentr LLC", ru = "ООО «РегЦентр»" } }
add_entity { id = "nordhost", kind = "org", role = "host", jurisdiction = "nl", name = "Nordhost B.V.",
  attrs = { informal = "answers", tips_off = "yes" },
  lead = { en = "The Dutch host held the server's access logs, about two months of them: frozen through Department K's 24/7 desk and obtained by MLAT, they tie the operators' home connection to the server.",
           ru = "Голландский хостер хранил журналы доступа к серверу — примерно за два месяца: замороженные через дежурную часть 24/7 управления «К» и полученные по запросу о правовой помощи, они связывают домашнее подключение операторов с сервером." } }
add_entity { id = "duinhost", kind = "org", role = "host", jurisdiction = "nl", name = "Duinhost B.V." }
add_entity { id = "stolitsa", kind = "org", role = "isp", jurisdiction = "ru",
  name = { en = "Stolitsa-Net LLC", ru = "ООО «Столица-Нет»" } }
add_entity { id = "203.0.113.45", kind = "ip", links = { host = "stolitsa" } }

-- The money.
add_entity { id = "pb-7734", kind = "account", links = { processor = "paybridge" },
  name = "PayBridge merchant 7734-KADR" }
-- PayBridge's compliance team executes an MLAT request about three months
-- after it arrives: a freeze made in the first days and renewed once holds
-- until then, if the request leaves soon after the case is opened.
add_entity { id = "paybridge", kind = "org", role = "payment", jurisdiction = "us", name = "PayBridge Inc.",
  attrs = { informal = "refuses" }, delays = { mlat = { "85d", "110d" } } }

-- The people.
add_entity { id = "alias-kuzya", kind = "alias", name = { en = "'Kuzya'", ru = "«Кузя»" } }
add_entity { id = "alias-ryzhaya", kind = "alias", name = { en = "'Ryzhaya'", ru = "«Рыжая»" } }
add_entity { id = "p-lebedev", kind = "person", jurisdiction = "ru",
  name = { en = "Sergei Lebedev", ru = "Сергей Лебедев" }, attrs = { address = "Moscow, Yasnaya St." } }
add_entity { id = "p-lebedeva", kind = "person", jurisdiction = "ru",
  name = { en = "Irina Lebedeva", ru = "Ирина Лебедева" }, attrs = { address = "Moscow, Yasnaya St." },
  lead = { en = "The US processor's records named the second operator, 'Ryzhaya': Irina Lebedeva.",
           ru = "Данные американской платёжной системы называли второго оператора, «Рыжую»: Ирину Лебедеву." } }

-- The titles.
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

-- Department K's package: what it gathered, in the file when it arrives.
add_record { id = "rec-k-capture", holder = "dept-k", about = "kadr-hd.ru", kind = "capture", filed = true, keep = true,
  title = { en = "Department K: hashed capture of kadr-hd.ru with its download counters (14 April)",
            ru = "Управление «К»: снимок kadr-hd.ru с хешем и счётчиками скачиваний (14 апреля)" },
  content = {
    en = "seven released films: 695 downloads in all\nthree pre-release films (Wings, Orbit, Tundra): 5,000 downloads in all\nSHA-256 of the capture recorded in the report",
    ru = "семь вышедших фильмов: всего 695 скачиваний\nтри премьеры («Крылья», «Орбита», «Тундра»): всего 5000 скачиваний\nSHA-256 снимка указан в справке" },
  proves = { "distribution" },
  copies = { t_okno = 212, t_zima = 148, t_reka = 95, t_moscow = 77, t_harbor = 64, t_signal = 58, t_last = 41,
             t_krylya = 1830, t_orbit = 2210, t_tundra = 960 } }
add_record { id = "rec-k-trace", holder = "dept-k", about = "kadr-hd.ru", kind = "report", filed = true, keep = true,
  title = { en = "Department K: where kadr-hd.ru is registered and hosted", ru = "Управление «К»: где зарегистрирован и размещён kadr-hd.ru" },
  content = {
    en = "registrar: RegCentr LLC (registrant hidden)\naddress: 198.51.100.23, network AS64512 of Nordhost B.V., the Netherlands",
    ru = "регистратор: ООО «РегЦентр» (администратор скрыт)\nадрес: 198.51.100.23, сеть AS64512 компании Nordhost B.V., Нидерланды" },
  reveals = { "regcentr", "198.51.100.23", "AS64512", "nordhost" } }
add_record { id = "rec-k-purchase", holder = "dept-k", about = "kadr-hd.ru", kind = "report", filed = true, keep = true,
  title = { en = "Department K: test purchase of a VIP month (9 April)", ru = "Управление «К»: проверочная закупка VIP-месяца (9 апреля)" },
  content = {
    en = "300 roubles paid on kadr-hd.ru; the receipt names PayBridge merchant 7734-KADR (PayBridge Inc., United States)",
    ru = "на kadr-hd.ru оплачено 300 рублей; в квитанции — продавец PayBridge 7734-KADR (PayBridge Inc., США)" },
  reveals = { "pb-7734", "paybridge" } }
add_record { id = "rec-registrar", holder = "regcentr", about = "kadr-hd.ru", kind = "registrant", filed = true, keep = true,
  title = { en = "RegCentr: registrant file and control-panel logins for kadr-hd.ru", ru = "«РегЦентр»: анкета администратора и входы в панель kadr-hd.ru" },
  content = {
    en = "registrant: 'I. Sokolova' (identity document never checked)\ncontrol-panel logins: 214, all from 203.0.113.45 (Stolitsa-Net)",
    ru = "администратор: «И. Соколова» (документы не проверялись)\nвходы в панель управления: 214, все с 203.0.113.45 (Столица-Нет)" },
  reveals = { "203.0.113.45", "stolitsa" } }
add_record { id = "rec-subscriber", holder = "stolitsa", about = "203.0.113.45", kind = "subscriber", filed = true, keep = true,
  title = { en = "Stolitsa-Net: subscriber of 203.0.113.45", ru = "«Столица-Нет»: абонент адреса 203.0.113.45" },
  content = {
    en = "subscriber: Sergei Lebedev, born 1979\ninstallation address: Moscow, Yasnaya St.; static address since 2006",
    ru = "абонент: Сергей Лебедев, 1979 г. р.\nадрес подключения: Москва, ул. Ясная; статический адрес с 2006 года" },
  reveals = { "p-lebedev" }, proves = { "identity" } }
add_record { id = "rec-k-osint", holder = "dept-k", about = "kadr-hd.ru", kind = "report", filed = true, keep = true,
  title = { en = "Department K: open sources on the site's team", ru = "Управление «К»: открытые источники о команде сайта" },
  content = {
    en = "admins 'Kuzya' and 'Ryzhaya' announce the releases; 'Ryzhaya' writes that 'we two' run the tracker from home.\n'Ryzhaya' is not identified.",
    ru = "релизы объявляют админы «Кузя» и «Рыжая»; «Рыжая» пишет, что трекер «мы вдвоём» ведём из дома.\n«Рыжая» не установлена." },
  reveals = { "alias-kuzya", "alias-ryzhaya" } }

-- What the investigation must still obtain. Nobody has frozen anything
-- abroad: the Dutch logs of March go on 1 May.
add_record { id = "rec-host-logs", holder = "nordhost", about = "198.51.100.23", kind = "logs", retention = "11d",
  title = { en = "Nordhost: administrative access logs of the server 198.51.100.23", ru = "Nordhost: журналы административного доступа к серверу 198.51.100.23" },
  content = {
    en = "ssh sessions as root since 2009-03-01: 212, all from 203.0.113.45\ntracker admin panel uploads in the same period: 388 torrents",
    ru = "сеансы ssh под root с 01.03.2009: 212, все с адреса 203.0.113.45\nзагрузки через админ-панель трекера за тот же период: 388 торрентов" },
  proves = { "link", "distribution" },
  lead = { en = "Nordhost's access logs tied Sergei Lebedev's home connection to the server: they had to be frozen through the 24/7 Network within days, then obtained by MLAT.",
           ru = "Журналы доступа Nordhost связывали домашнее подключение Сергея Лебедева с сервером: их нужно было за считаные дни заморозить через Сеть 24/7, а затем получить по запросу о правовой помощи." } }
add_record { id = "rec-paybridge", holder = "paybridge", about = "pb-7734", kind = "transactions", retention = "70d",
  title = { en = "PayBridge: merchant account 7734-KADR, owner and transactions", ru = "PayBridge: счёт 7734-KADR, владелец и операции" },
  content = {
    en = "account holder: Irina Lebedeva, Moscow; second user: Sergei Lebedev\nincoming payments 2007-03..2009-03: 4,122, total USD 32,400\nhosting invoices of Nordhost B.V. paid from the account every month",
    ru = "владелец счёта: Ирина Лебедева, Москва; второй пользователь: Сергей Лебедев\nвходящие платежи 03.2007–03.2009: 4122, всего 32 400 долларов США\nс этого счёта ежемесячно оплачиваются счета Nordhost B.V." },
  reveals = { "p-lebedeva" }, proves = { "income", "identity" },
  lead = { en = "PayBridge's records showed who took the money, USD 32,400 in two years: frozen at once, renewed once, and obtained by an MLAT sent as soon as the case was open.",
           ru = "Данные PayBridge показывали, кто получал деньги — 32 400 долларов за два года: их нужно было сразу заморозить, один раз продлить заморозку и получить по запросу, отправленному сразу после возбуждения дела." } }

set_adversary {
  site = "kadr-hd.ru",
  hop_to = "kadr-hd.net",
  hop_delay = { "3d", "6d" },
  online = { 22, 7 },
  wipe_delay = { "1d", "3d" },
  operators = { "p-lebedev", "p-lebedeva" },
  -- Warned, the couple leave the country within a day: no instruction to
  -- Department K is carried out that fast.
  flee = { "p-lebedeva", "p-lebedev" },
  flee_delay = { "12h", "20h" },
}

set_case {
  -- The signs of a crime an opening needs (a suspect is not required).
  handoff = { "distribution", "damages" },
  court = { "distribution", "identity", "damages" },
  -- The grave charge needs damages of the especially large scale (only the
  -- rights holders' estimates of the pre-release films reach it) and the
  -- operators tied to the server (the Dutch logs) and to the money (the US
  -- processor).
  serious = { "link", "income" },
  receive = { from = "dept-k", at = "1h", limit = "3d" },
}

add_message { at = "1h", from = "dept-k",
  subject = { en = "Department K: material of the check on KinoShield's complaint", ru = "Управление «К»: материал проверки по заявлению «КиноЩита»" },
  body = {
    en = "Established: the site kadr-hd.ru distributes films; its server is at Nordhost in the Netherlands; payments go to PayBridge merchant 7734-KADR (United States); the control panel is used from the home connection of Sergei Lebedev, Moscow. The second administrator, 'Ryzhaya', is not identified.\nDamages at the average retail price of a DVD: 187,650 roubles for seven released films. The three pre-release films have not been valued: their rights holders were not asked.\nForeign data: not requested. As we understand it, it can only be asked for by MLAT once a criminal case is open.\nWe ask you to decide on opening a criminal case.",
    ru = "Установлено: сайт kadr-hd.ru распространяет фильмы; его сервер — у Nordhost в Нидерландах; платежи идут на счёт PayBridge 7734-KADR (США); панелью управления пользуются с домашнего подключения Сергея Лебедева, Москва. Второй администратор, «Рыжая», не установлен.\nУщерб по средней розничной цене DVD: 187 650 рублей за семь вышедших фильмов. Три премьеры не оценены: правообладателей не запрашивали.\nДанные за рубежом не запрашивались: насколько мы понимаем, их можно истребовать только запросом о правовой помощи после возбуждения дела.\nПросим решить вопрос о возбуждении уголовного дела." } }
add_message { at = "1h", from = "procuracy",
  subject = { en = "Prosecutor's Office: the kadr-hd.ru material", ru = "Прокуратура: материал по kadr-hd.ru" },
  body = {
    en = "KinoShield has complained to us that its report has been checked for seven weeks. The material is now with you: we expect your decision within the three days of article 144, by Thursday morning.",
    ru = "«КиноЩит» пожаловался нам, что его заявление проверяют семь недель. Материал теперь у вас: ждём вашего решения в течение трёх суток по статье 144, к утру четверга." } }
add_message { at = "1h", from = "kinoshield",
  subject = { en = "KinoShield: seven weeks", ru = "«КиноЩит»: семь недель" },
  body = {
    en = "Our pre-release of 'Orbit' has been downloaded thousands of times while the police checked. If no criminal case is open by Thursday, our members will take the story to the press.",
    ru = "Пока шла проверка, нашу премьеру «Орбиты» скачали тысячи раз. Если к четвергу уголовное дело не будет возбуждено, наши участники пойдут к журналистам." } }

add_objective { id = "opened", points = 10,
  text = { en = "Open the case within the three days the law gives", ru = "Возбудить дело в течение трёх дней, которые даёт закон" },
  check = function() return get_flag("kinoshield_public") == nil and is_case_open() end }
add_objective { id = "preserve", points = 10,
  text = { en = "Have the foreign data frozen through the 24/7 Network before it is deleted", ru = "Добиться заморозки данных за рубежом через Сеть 24/7 до их удаления" },
  check = function() return get_flag("preserved") ~= nil end }
add_objective { id = "damages", points = 10,
  text = { en = "Have the rights holders value the pre-release films", ru = "Получить от правообладателей оценку премьер" },
  check = function() return get_flag("statement") ~= nil end }
add_objective { id = "money", points = 10,
  text = { en = "Follow the money abroad by MLAT", ru = "Проследить деньги за рубежом запросами о правовой помощи" },
  check = function() return is_obtained("rec-paybridge") end }
add_objective { id = "timing", points = 10,
  text = { en = "Have the site taken down only after the arrests", ru = "Закрыть сайт только после задержаний" },
  check = function() return get_flag("takedown_after_arrest") ~= nil and get_flag("takedown_early") == nil end }

-- The lessons: a win needs all of them.
add_lesson { id = "decide",
  text = { en = "1. Open the case within the three days: the package shows a crime, and what the court will need is the investigation's work, not a reason to send it back",
           ru = "1. Возбудить дело в течение трёх дней: материал содержит признаки преступления, а то, что понадобится суду, — работа следствия, а не повод вернуть материал" },
  needs = { "not flag kinoshield_public", "not flag decision_late" },
  missed = { en = "No criminal case was open when the three days ran out: KinoShield published its open letter, and the operators read it.",
             ru = "Когда три дня истекли, уголовное дело не было возбуждено: «КиноЩит» опубликовал открытое письмо, и операторы его прочитали." } }
add_lesson { id = "preserve",
  text = { en = "2. Have Department K freeze the Dutch logs through the 24/7 Network at once: a preservation needs no criminal case",
           ru = "2. Сразу поручить управлению «К» заморозить голландские журналы через Сеть 24/7: для сохранения данных уголовное дело не нужно" },
  needs = { "obtained rec-host-logs" } }
add_lesson { id = "money",
  text = { en = "3. Send the MLAT requests as soon as the case is open, and keep the US freeze alive until PayBridge answers",
           ru = "3. Направить запросы о правовой помощи сразу после возбуждения дела и не дать заморозке в США истечь до ответа PayBridge" },
  needs = { "obtained rec-paybridge" } }
add_lesson { id = "damages",
  text = { en = "4. Have the rights holders value the pre-release films: only their estimates make the charge grave",
           ru = "4. Получить от правообладателей оценку премьер: только она делает обвинение тяжким" },
  needs = { "serious-damages" } }
add_lesson { id = "timing",
  text = { en = "5. Have the site taken down only after the arrests, and leave none of it online",
           ru = "5. Закрыть сайт только после задержаний и не оставить его копий в сети" },
  needs = { "not flag takedown_early", "site-down" } }
add_lesson { id = "channels",
  text = { en = "6. Legal channels only: no informal requests, no warning to the operators",
           ru = "6. Только правовые каналы: без неформальных запросов и без утечки к операторам" },
  needs = { "not flag informal_request", "no-tipoff" } }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 50,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "The court convicted on the grave charge, on the file you built: Department K's package, the rights holders' valuation, and the Dutch and US records.",
           ru = "Суд вынес приговор по тяжкому обвинению на основании собранного вами дела: материала управления «К», оценки правообладателей, голландских и американских данных." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted, but the case fell short of what the law and the rights holders required: the debrief shows what was missing and when it was lost.",
           ru = "Суд вынес приговор, но дело не дотянуло до того, чего требовали закон и правообладатели: разбор показывает, чего не хватило и когда это было упущено." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The court could not convict on the file as it stood at the indictment.",
           ru = "Суд не смог вынести приговор по делу в том виде, в каком оно было на момент направления в суд." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 10,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "No criminal case was opened.", ru = "Уголовное дело не было возбуждено." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }
add_ending { id = "fled", result = "loss", score = 5,
  title = { en = "The operators are gone", ru = "Операторы скрылись" },
  text = { en = "Warned, the operators wiped their computers, left the country and reopened the site under a new name with a new host.",
           ru = "Предупреждённые операторы очистили компьютеры, уехали из страны и открыли сайт под новым именем у нового хостера." } }

add_decision { flag = "kinoshield_public",
  label = { en = "No case by Thursday", ru = "Нет дела к четвергу" },
  taken = { en = "KinoShield went to the press; the operators read that the police knew their names, and left.",
            ru = "«КиноЩит» обратился к журналистам; операторы прочитали, что полиция знает их имена, и уехали." },
  not_taken = { en = "The case was open within the three days: KinoShield waited, and the operators knew nothing.",
                ru = "Дело было возбуждено в течение трёх дней: «КиноЩит» ждал, а операторы ничего не знали." } }
add_decision { flag = "preserved",
  label = { en = "Freeze through the 24/7 Network", ru = "Заморозка через Сеть 24/7" },
  taken = { en = "Department K's 24/7 desk froze the foreign data; the MLAT requests found it still there.",
            ru = "Дежурная часть 24/7 управления «К» заморозила данные за рубежом; запросы о правовой помощи застали их на месте." },
  not_taken = { en = "Without a freeze, the Dutch host deleted its logs within days, long before any MLAT request could arrive.",
                ru = "Без заморозки голландский хостер удалил журналы через считаные дни — задолго до прихода любого запроса о правовой помощи." } }
add_decision { flag = "statement",
  label = { en = "The rights holders' valuation", ru = "Оценка ущерба правообладателями" },
  taken = { en = "The pre-release films counted at their rights holders' estimates: the damages reached the grave tier.",
            ru = "Премьеры были учтены по оценке правообладателей: ущерб достиг особо крупного размера." },
  not_taken = { en = "Only the retail price of seven films counted: a lesser offence.",
                ru = "Учитывалась только розничная цена семи фильмов: менее тяжкое преступление." } }
add_decision { flag = "takedown_early",
  label = { en = "Takedown before the arrests", ru = "Закрытие сайта до задержаний" },
  taken = { en = "The site went dark, the operators were warned and left; it came back under a new domain.",
            ru = "Сайт исчез, операторы были предупреждены и уехали; сайт вернулся под новым доменом." },
  not_taken = { en = "The operators were detained unaware; the takedown after the arrests kept the site down.",
                ru = "Операторов задержали, когда они ничего не подозревали; закрытие после задержаний было окончательным." } }

-- Thursday morning: KinoShield goes to the press unless a case is open.
local function thursday()
  if is_case_open() then
    return
  end
  set_flag("kinoshield_public", true)
  send_message { from = "kinoshield",
    subject = { en = "KinoShield: open letter to the press", ru = "«КиноЩит»: открытое письмо в прессу" },
    body = { en = "Our open letter is in today's papers: 'The police have known for weeks who runs kadr-hd.ru, and no case has been opened.'",
             ru = "Наше открытое письмо сегодня в газетах: «Полиция неделями знает, кто управляет kadr-hd.ru, а дело так и не возбуждено»." } }
  tip_off { en = "KinoShield's open letter in the press: the operators read that the police knew who ran the site",
            ru = "открытое письмо «КиноЩита» в прессе: операторы прочитали, что полиция знает, кто управляет сайтом" }
end

return {
  on_package_received = function(ev)
    -- The three days run from the first package; a return does not stop
    -- KinoShield's clock.
    if get_flag("kinoshield_waits") == nil then
      set_flag("kinoshield_waits", true)
      add_timer("3d", "thursday")
    end
  end,
  on_timer = function(id)
    if id == "thursday" then
      thursday()
    end
  end,
  on_site_reappeared = function(ev)
    send_message { from = "kinoshield",
      subject = { en = "KinoShield: the site is back", ru = "«КиноЩит»: сайт вернулся" },
      body = { en = "The same tracker runs again at " .. ev.subject .. ", now with another Dutch host.",
               ru = "Тот же трекер снова работает по адресу " .. ev.subject .. ", теперь у другого голландского хостера." } }
  end,
  on_fled = function(ev)
    if is_fled("p-lebedev") and is_fled("p-lebedeva") then
      end_case("fled")
    end
  end,
}
