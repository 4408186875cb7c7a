-- Operation Local Hub: the provider's network (ISP liability).
-- A regional home-network provider's subscribers swap pirated films through
-- a DC++ hub inside its network, with a release board that announces new
-- films "from the admin" every week. The film distributors demand that the
-- provider, and its director by name, be prosecuted. But a provider that
-- only carries its subscribers' traffic is not the infringer, and a person
-- who works for it is liable only if it is proven that this person took
-- part in the distribution. Here the provider's own network administrator
-- runs the hub under an owner account, uploads the releases from home in
-- the evenings and sells "VIP" access to a wallet of his own.
--
-- The court convicts only who took part: charging the director, the
-- technical director named in the equipment register, or a subscriber who
-- merely downloaded ends in acquittal. Searching any of them while the
-- administrator is free warns him: he wipes the hub's database and his
-- computer and leaves within days; detaining a colleague of his makes him
-- walk out the same hour. The provider's own data (the hub's
-- database on its server, the access server's logs) comes by domestic
-- production order, and rolls over within weeks. It is November 2010: the
-- damages tiers are those of 2003-2011 (50,000 and 250,000 roubles), and
-- only the hub's own transfer statistics reach the grave one.
-- Every company, hub, site and person here is fictional.

scenario {
  id = "isp-hub",
  api = 1,
  title = { en = "Operation Local Hub", ru = "Операция «Локальный хаб»" },
  summary = {
    en = "Pirated films swapped through a file-sharing hub inside a home-network provider: the rights holders want the provider charged, but only who took part can be.",
    ru = "Пиратские фильмы в файлообменном хабе внутри сети домашнего провайдера: правообладатели требуют наказать провайдера, но отвечает только тот, кто участвовал.",
  },
  briefing = {
    en = [[Complaint from the Videoguard film distributors' association, 8 November 2010.

Subscribers of Kvartal-Telecom LLC, a home-network provider in Yaroslavl with some 40,000 subscribers, swap new Russian films through the DC++ hub dc.kvartal-net.ru inside the provider's network, where traffic is free. The hub's release board announces "new releases from the admin" every week. The association's test subscription logged the subscriber at 10.20.31.8 downloading 47 of its members' films.

The distributors' lawyer demands criminal proceedings against Kvartal-Telecom and its general director, Oleg Kravtsov, "who profits from the traffic".

The law: a company cannot be charged with a crime, and a provider that only carries its subscribers' traffic is not the infringer. A person who works for it is liable only if it is proven that this person took part in the distribution. Until December 2011 copyright infringement is a crime from 50,000 roubles of damages and a grave one from 250,000; a film counts at the price of a legal DVD, 270 roubles.

You are an officer of Department K. Only the Investigative Department can open a criminal case. Find out who runs the hub, prove it with admissible evidence, and charge no one who took no part.]],
    ru = [[Заявление ассоциации кинопрокатчиков «Видеозащита», 8 ноября 2010 года.

Абоненты ООО «Квартал-Телеком» — провайдера домашней сети в Ярославле, около 40 000 абонентов, — обмениваются новыми российскими фильмами через DC++-хаб dc.kvartal-net.ru внутри сети провайдера, где трафик бесплатный. Доска релизов хаба каждую неделю объявляет «новинки от админа». Тестовое подключение ассоциации зафиксировало, что абонент с адресом 10.20.31.8 скачал 47 фильмов её участников.

Юрист прокатчиков требует возбудить уголовное дело против «Квартал-Телекома» и его генерального директора Олега Кравцова, «который зарабатывает на этом трафике».

Закон: юридическое лицо к уголовной ответственности не привлекается, а провайдер, который лишь передаёт трафик абонентов, нарушителем не является. Его сотрудник отвечает, только если доказано, что он сам участвовал в распространении. До декабря 2011 года нарушение авторских прав — преступление при ущербе от 50 000 рублей, а тяжкое — от 250 000; фильм считается по цене легального DVD — 270 рублей.

Вы — сотрудник управления «К». Возбудить уголовное дело может только следственный отдел. Установите, кто ведёт хаб, докажите это допустимыми доказательствами и не привлекайте того, кто в распространении не участвовал.]],
  },
  duration = "40m",
  langs = { "en", "ru" },
  start = "2010-11-08 09:00",
  deadline = "200d",
  home = "ru",
  unit = "dept-k",
  officer = { en = "Capt. S. Melnikova", ru = "капитан С. Мельникова" },
}

use_rules("ru")

-- Units.
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }

-- The complainant, and the public register.
add_entity { id = "videoguard", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "Videoguard association", ru = "Ассоциация «Видеозащита»" } }
-- A register extract is issued within days.
add_entity { id = "fns", kind = "org", jurisdiction = "ru", known = true,
  delays = { order = { "1d", "3d" } },
  name = { en = "Federal Tax Service (register of legal entities)", ru = "ФНС России (реестр юридических лиц)" } }

-- The provider. Its privacy policy says how long it keeps its logs: the
-- rule pack's retention (180 days) is not what this holder does.
add_entity { id = "kvartal", kind = "org", role = "isp", jurisdiction = "ru", known = true,
  name = { en = "Kvartal-Telecom LLC", ru = "ООО «Квартал-Телеком»" },
  -- An informal call is turned down by the duty engineer ("send a formal
  -- request") and passed on to the network department: the administrator
  -- who runs the hub hears of it the same day.
  attrs = { informal = "refuses", tips_off = "yes", address = "Yaroslavl" },
  reveals = { osint = { "p-kravtsov" } },
  notes = { osint = {
    en = "  Home-network provider in Yaroslavl, about 40,000 subscribers; general director O. Kravtsov.\n  Its privacy policy: connection and access logs are kept for 30 days.\n  Network department: four engineers; abuse and technical questions go to noc@kvartal-net.ru.",
    ru = "  Провайдер домашней сети в Ярославле, около 40 000 абонентов; генеральный директор — О. Кравцов.\n  Политика конфиденциальности: журналы подключений и доступа хранятся 30 дней.\n  Сетевой отдел — четыре инженера; жалобы и технические вопросы — на noc@kvartal-net.ru." } } }
add_entity { id = "regdomain", kind = "org", role = "registrar", jurisdiction = "ru",
  name = { en = "RegDomain LLC", ru = "ООО «РегДомен»" } }

-- The hub and its release board, reachable only from inside the network.
add_entity { id = "dc.kvartal-net.ru", kind = "domain", known = true,
  name = { en = "dc.kvartal-net.ru (KvartalDC hub and release board)", ru = "dc.kvartal-net.ru (хаб KvartalDC и доска релизов)" },
  links = { registrar = "regdomain", registrant = "kvartal", ip = "10.20.0.5", payment = "kopilka-4100" },
  attrs = { created = "2008-02-11", paid_till = "2011-02-11",
            nameservers = "ns1.kvartal-net.ru ns2.kvartal-net.ru",
            page_title = "KvartalDC: new films every week, free traffic inside the network",
            offer = "VIP status: download without sharing", price = "150 RUB a month (VIP status)" },
  reveals = { osint = { "alias-shaman" } },
  notes = {
    dns = {
      en = "  10.20.0.5 is a private address: the hub answers only inside the Kvartal-Telecom network (the association's test subscription reaches it).",
      ru = "  10.20.0.5 — частный адрес: хаб доступен только внутри сети «Квартал-Телеком» (тестовое подключение ассоциации до него достаёт)." },
    osint = {
      en = "  The hub's rules and every post on the release board are signed by [ADM]Shaman, the hub's owner account.\n  'New releases from the admin every Friday.' VIP status (download without sharing): 150 roubles a month to a Kopilka wallet.\n  Banner: 'Traffic inside Kvartal is free: why pay for the internet?'",
      ru = "  Правила хаба и все записи на доске релизов подписаны [ADM]Shaman — учётной записью владельца хаба.\n  «Новинки от админа каждую пятницу». VIP-статус (скачивание без раздачи) — 150 рублей в месяц на кошелёк «Копилки».\n  Баннер: «Трафик внутри „Квартала“ бесплатный — зачем платить за интернет?»" } },
  copies = { t_veter = 160, t_zaliv = 130, t_strelochnik = 110, t_pereprava = 90, t_sad = 60, t_led = 40 } }
add_entity { id = "10.20.0.5", kind = "ip", links = { host = "kvartal" },
  lead = { en = "The hub runs on a server inside the provider's network: the provider's own data about it comes by a domestic production order.",
           ru = "Хаб работает на сервере внутри сети провайдера: данные самого провайдера о нём получают по судебному решению внутри страны." } }
add_entity { id = "10.20.14.77", kind = "ip", links = { host = "kvartal" } }
add_entity { id = "10.20.31.8", kind = "ip", links = { host = "kvartal" }, known = true,
  name = { en = "10.20.31.8 (downloaded 47 films, per the association)", ru = "10.20.31.8 (скачал 47 фильмов, по данным ассоциации)" } }

-- The money.
add_entity { id = "kopilka-4100", kind = "account", links = { processor = "kopilka" },
  name = { en = "Kopilka wallet 4100-77 (VIP payments)", ru = "Кошелёк «Копилки» 4100-77 (оплата VIP)" } }
add_entity { id = "kopilka", kind = "org", role = "payment", jurisdiction = "ru",
  name = { en = "Kopilka e-money LLC", ru = "ООО «Копилка» (электронные деньги)" },
  lead = { en = "A test purchase of the VIP status would have shown where the hub's money went: a Kopilka wallet.",
           ru = "Тестовая покупка VIP-статуса показала бы, куда уходили деньги хаба: на кошелёк «Копилки»." } }

-- People.
add_entity { id = "alias-shaman", kind = "alias", name = { en = "'[ADM]Shaman'", ru = "«[ADM]Shaman»" },
  notes = { osint = {
    en = "  On the Kvartal-Telecom subscribers' forum, [ADM]Shaman answers outage complaints within minutes, at night too,\n  and once signed a post 'Denis, network department'.",
    ru = "  На форуме абонентов «Квартал-Телекома» [ADM]Shaman отвечает на жалобы об авариях за считанные минуты, в том числе ночью,\n  и однажды подписался: «Денис, сетевой отдел»." } } }
add_entity { id = "p-kravtsov", kind = "person", jurisdiction = "ru", known = true,
  name = { en = "Oleg Kravtsov (general director of Kvartal-Telecom)", ru = "Олег Кравцов (генеральный директор «Квартал-Телекома»)" },
  attrs = { address = "Yaroslavl, the company's office" },
  notes = { osint = {
    en = "  Quoted in the local paper last year: 'We carry traffic. What subscribers share among themselves is not our business.'",
    ru = "  В прошлом году в местной газете: «Мы передаём трафик. Чем абоненты обмениваются между собой — не наше дело»." } } }
add_entity { id = "p-sinitsyn", kind = "person", jurisdiction = "ru",
  name = { en = "Pavel Sinitsyn (technical director)", ru = "Павел Синицын (технический директор)" },
  attrs = { address = "Yaroslavl" } }
add_entity { id = "p-orekhov", kind = "person", jurisdiction = "ru",
  name = { en = "Vladimir Orekhov (subscriber)", ru = "Владимир Орехов (абонент)" },
  attrs = { address = "Yaroslavl" } }
add_entity { id = "p-zharov", kind = "person", jurisdiction = "ru",
  name = { en = "Denis Zharov (network administrator)", ru = "Денис Жаров (сетевой администратор)" },
  attrs = { address = "Yaroslavl, Sovetskaya St." },
  lead = { en = "The network administrator Denis Zharov ran the hub as [ADM]Shaman: the hub's database, the access server's logs and the wallet all named him.",
           ru = "Сетевой администратор Денис Жаров вёл хаб под именем [ADM]Shaman: база хаба, журналы сервера доступа и кошелёк указывали на него." } }

-- The films: Russian releases at the price of a legal DVD.
add_title { id = "t_veter", name = { en = "North Wind", ru = "Северный ветер" }, kind = "film", price = 270 }
add_title { id = "t_zaliv", name = { en = "The House by the Bay", ru = "Дом у залива" }, kind = "film", price = 270 }
add_title { id = "t_strelochnik", name = { en = "The Pointsman", ru = "Стрелочник" }, kind = "film", price = 270 }
add_title { id = "t_pereprava", name = { en = "The Crossing", ru = "Переправа" }, kind = "film", price = 270 }
add_title { id = "t_sad", name = { en = "Winter Garden", ru = "Зимний сад" }, kind = "film", price = 270 }
add_title { id = "t_led", name = { en = "Thin Ice", ru = "Тонкий лёд" }, kind = "film", price = 270 }

-- What the register, the provider and the wallet service hold.
add_record { id = "rec-egrul", holder = "fns", about = "kvartal", kind = "registrant", keep = true,
  title = { en = "Register extract: Kvartal-Telecom LLC", ru = "Выписка из ЕГРЮЛ: ООО «Квартал-Телеком»" },
  content = {
    en = "Kvartal-Telecom LLC, Yaroslavl, registered 2003; activity: telecommunications\ngeneral director: Oleg Kravtsov, since 2004; founders: O. Kravtsov, A. Kravtsova",
    ru = "ООО «Квартал-Телеком», Ярославль, зарегистрировано в 2003 г.; деятельность: услуги связи\nгенеральный директор: Олег Кравцов, с 2004 г.; учредители: О. Кравцов, А. Кравцова" },
  reveals = { "p-kravtsov" }, proves = { "identity" } }
add_record { id = "rec-register", holder = "kvartal", about = "10.20.0.5", kind = "subscriber", keep = true,
  title = { en = "Kvartal-Telecom: who holds the address 10.20.0.5", ru = "«Квартал-Телеком»: кому принадлежит адрес 10.20.0.5" },
  content = {
    en = "10.20.0.5 is not a subscriber's address: it is the company's own server, rack 2 of the server room\nequipment register: server bought in 2008 'for the network department'; responsible person: technical director Pavel Sinitsyn",
    ru = "10.20.0.5 — не абонентский адрес: это собственный сервер компании, стойка 2 серверной\nреестр оборудования: сервер куплен в 2008 г. «для нужд сетевого отдела»; ответственный — технический директор Павел Синицын" },
  reveals = { "p-sinitsyn" }, proves = { "identity" } }
-- The hub's own database, on the provider's server. The administrator has
-- root on that server: once warned, he wipes it (kind "live": the engine
-- wipes every live record the operators can reach). The hub also rotates
-- its statistics within about five weeks.
add_record { id = "rec-hub-db", holder = "kvartal", about = "10.20.0.5", kind = "live", retention = "35d",
  title = { en = "The hub's database, imaged from the server 10.20.0.5", ru = "База данных хаба, снятая с сервера 10.20.0.5" },
  content = {
    en = "owner account [ADM]Shaman: 1,306 logins since 2009-03, from 10.20.14.77 (evenings) and 10.20.0.12 (the network department's office)\nthe 'New releases' folder: 58 films, each first shared on the hub by [ADM]Shaman\ntransfers of his releases to subscribers: 'North Wind' 420, 'The House by the Bay' 350, 'The Pointsman' 300, 'The Crossing' 210, 'Winter Garden' 160, 'Thin Ice' 95\nVIP list: 412 accounts, 'paid to the admin's wallet'",
    ru = "учётная запись владельца [ADM]Shaman: 1306 входов с марта 2009 г., с 10.20.14.77 (по вечерам) и 10.20.0.12 (офис сетевого отдела)\nпапка «Новинки»: 58 фильмов, каждый впервые выложен на хаб пользователем [ADM]Shaman\nскачивания его релизов абонентами: «Северный ветер» — 420, «Дом у залива» — 350, «Стрелочник» — 300, «Переправа» — 210, «Зимний сад» — 160, «Тонкий лёд» — 95\nсписок VIP: 412 учётных записей, «оплата на кошелёк админа»" },
  reveals = { "10.20.14.77", "alias-shaman" }, proves = { "distribution", "link" },
  copies = { t_veter = 420, t_zaliv = 350, t_strelochnik = 300, t_pereprava = 210, t_sad = 160, t_led = 95 },
  lead = { en = "The hub's own database, ordered from the provider before it was rotated or wiped, tied the owner account to the administrator's home connection and counted the real downloads: the grave tier.",
           ru = "База данных самого хаба, истребованная у провайдера до ротации или уничтожения, связывала учётную запись владельца с домашним подключением администратора и содержала настоящее число скачиваний — особо крупный размер." } }
add_record { id = "rec-access-logs", holder = "kvartal", about = "10.20.0.5", kind = "logs", retention = "30d",
  title = { en = "Access server logs for the server 10.20.0.5", ru = "Журналы сервера доступа для сервера 10.20.0.5" },
  content = {
    en = "root sessions on 10.20.0.5 in the last 30 days: staff login 'd.zharov' 64 (48 of them between 19:00 and 03:00, from 10.20.14.77)\nstaff login 'p.sinitsyn': none; 'admin': none\nevery restart of the hub service in the period: by 'd.zharov'",
    ru = "сеансы root на 10.20.0.5 за последние 30 дней: служебный логин «d.zharov» — 64 (из них 48 — с 19:00 до 03:00, с адреса 10.20.14.77)\nслужебный логин «p.sinitsyn» — ни одного; «admin» — ни одного\nвсе перезапуски службы хаба за период — под «d.zharov»" },
  reveals = { "10.20.14.77" }, proves = { "link" },
  lead = { en = "The access server's logs, kept 30 days, showed who had root on the hub's server: not the technical director named in the register.",
           ru = "Журналы сервера доступа, хранившиеся 30 дней, показывали, у кого был root на сервере хаба: не у технического директора из реестра оборудования." } }
add_record { id = "rec-home", holder = "kvartal", about = "10.20.14.77", kind = "subscriber", keep = true,
  title = { en = "Subscriber of 10.20.14.77", ru = "Абонент адреса 10.20.14.77" },
  content = {
    en = "subscriber: Denis Zharov, born 1984; staff tariff (employee: network administrator since 2007)\ninstallation address: Yaroslavl, Sovetskaya St.; static address",
    ru = "абонент: Денис Жаров, 1984 г. р.; служебный тариф (сотрудник: сетевой администратор с 2007 г.)\nадрес подключения: Ярославль, ул. Советская; статический адрес" },
  reveals = { "p-zharov" }, proves = { "identity" } }
add_record { id = "rec-orekhov", holder = "kvartal", about = "10.20.31.8", kind = "subscriber", keep = true,
  title = { en = "Subscriber of 10.20.31.8", ru = "Абонент адреса 10.20.31.8" },
  content = {
    en = "subscriber: Vladimir Orekhov, born 1961; tariff 'Home 20'; installation address: Yaroslavl, Chaikovskogo St.\ncontract since 2006; static address",
    ru = "абонент: Владимир Орехов, 1961 г. р.; тариф «Домашний 20»; адрес подключения: Ярославль, ул. Чайковского\nдоговор с 2006 г.; статический адрес" },
  reveals = { "p-orekhov" }, proves = { "identity" } }
add_record { id = "rec-wallet", holder = "kopilka", about = "kopilka-4100", kind = "transactions", keep = true,
  title = { en = "Kopilka wallet 4100-77: owner and payments", ru = "Кошелёк «Копилки» 4100-77: владелец и платежи" },
  content = {
    en = "owner (identity verified by passport): Denis Zharov, born 1984, Yaroslavl\nincoming payments of 150 RUB marked 'VIP KvartalDC': 1,214 since 2009-03, total 182,100 RUB\nwithdrawn monthly to a bank card in the owner's name",
    ru = "владелец (личность подтверждена паспортом): Денис Жаров, 1984 г. р., Ярославль\nвходящие платежи по 150 руб. с пометкой «VIP KvartalDC»: 1214 с марта 2009 г., всего 182 100 руб.\nежемесячно выводятся на банковскую карту владельца" },
  reveals = { "p-zharov" }, proves = { "income", "identity" },
  lead = { en = "The wallet service's records showed who took the VIP money: the administrator, 182,100 roubles.",
           ru = "Данные платёжного сервиса показывали, кто получал деньги за VIP: администратор, 182 100 рублей." } }

-- What a search finds. The administrator works on the releases at home
-- in the evenings after his shift; a search by day finds the machine off.
add_record { id = "rec-zharov-live", holder = "p-zharov", about = "p-zharov", kind = "live",
  title = { en = "Live image of the administrator's home computer", ru = "Образ работающего домашнего компьютера администратора" },
  content = {
    en = "DC++ client connected to dc.kvartal-net.ru as [ADM]Shaman, with owner rights\nencoder finishing a new film stamped 'KvartalDC'; the 'New releases' share: 58 films\nan open root session to 10.20.0.5",
    ru = "DC++-клиент подключён к dc.kvartal-net.ru как [ADM]Shaman, с правами владельца\nкодировщик заканчивает новый фильм с меткой «KvartalDC»; раздача «Новинки» — 58 фильмов\nоткрыт сеанс root на 10.20.0.5" },
  proves = { "release", "distribution" } }
add_record { id = "rec-zharov-seized", holder = "p-zharov", about = "p-zharov", kind = "seized",
  title = { en = "Seized from the administrator: his work laptop", ru = "Изъято у администратора: рабочий ноутбук" },
  content = {
    en = "the hub's owner password saved in the DC++ client; the root key of the server 10.20.0.5\nthe Kopilka wallet's login saved in the browser",
    ru = "пароль владельца хаба сохранён в DC++-клиенте; ключ root сервера 10.20.0.5\nвход в кошелёк «Копилки» сохранён в браузере" },
  proves = { "link" } }
-- The wrong people: a search finds nothing that ties them to the hub.
add_record { id = "rec-kravtsov-seized", holder = "p-kravtsov", about = "p-kravtsov", kind = "seized",
  title = { en = "Seized at the director's office: contracts and accounts", ru = "Изъято в кабинете директора: договоры и бухгалтерия" },
  content = {
    en = "subscriber contracts, tariff plans, the company's accounts: no payment from or to the hub\nno account on the hub, no access to its server",
    ru = "договоры с абонентами, тарифы, бухгалтерия компании: ни одного платежа от хаба или хабу\nни учётной записи на хабе, ни доступа к его серверу" } }
add_record { id = "rec-sinitsyn-seized", holder = "p-sinitsyn", about = "p-sinitsyn", kind = "seized",
  title = { en = "Seized from the technical director: a workstation", ru = "Изъято у технического директора: рабочий компьютер" },
  content = {
    en = "network diagrams and the 2008 invoice for the server in rack 2\nno hub account, no root key for 10.20.0.5",
    ru = "схемы сети и счёт 2008 года за сервер в стойке 2\nни учётной записи на хабе, ни ключа root для 10.20.0.5" } }
add_record { id = "rec-orekhov-seized", holder = "p-orekhov", about = "p-orekhov", kind = "seized",
  title = { en = "Seized from the subscriber: a home computer", ru = "Изъято у абонента: домашний компьютер" },
  content = {
    en = "47 films downloaded from the hub for the family; the DC++ client shares nothing\nhe paid for VIP status to avoid sharing",
    ru = "47 фильмов, скачанных с хаба для семьи; DC++-клиент ничего не раздаёт\nVIP-статус оплачен, чтобы не раздавать" } }

set_adversary {
  site = "dc.kvartal-net.ru",
  -- He encodes and uploads at home after his shift, from seven in the
  -- evening until three: a search before ten is lawful and finds him at it.
  online = { 19, 3 },
  wipe_delay = { "3h", "12h" },
  operators = { "p-zharov" },
  flee = { "p-zharov" },
  flee_delay = { "3d", "6d" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  -- Any conviction needs the accused tied to the hub: its database, the
  -- access server's logs, or his own equipment.
  court = { "distribution", "identity", "link", "damages" },
  -- The grave charge needs what the hub earned him and the release work of
  -- his own hand (a search while he works).
  serious = { "income", "release" },
}

add_message { at = "3h", from = "videoguard",
  subject = { en = "Videoguard: the director must answer", ru = "«Видеозащита»: директор должен ответить" },
  body = { en = "Our lawyer insists: Kvartal-Telecom earns on the traffic and its director, Oleg Kravtsov, signs for everything. We expect him charged. A register extract will tell you everything you need.",
           ru = "Наш юрист настаивает: «Квартал-Телеком» зарабатывает на трафике, а его директор Олег Кравцов за всё расписывается. Мы ждём обвинения против него. Выписка из реестра скажет вам всё, что нужно." } }
add_message { at = "18d", from = "videoguard",
  subject = { en = "Videoguard: why is the director still free?", ru = "«Видеозащита»: почему директор на свободе?" },
  body = { en = "The release board announced three more of our films this Friday. The studios ask why nobody at Kvartal-Telecom has been detained.",
           ru = "В эту пятницу доска релизов объявила ещё три наших фильма. Студии спрашивают, почему в «Квартал-Телекоме» до сих пор никто не задержан." } }

add_inject { id = "lawyer",
  label = { en = "The studios' lawyer demands the director's arrest", ru = "Юрист студий требует задержать директора" },
  run = function()
    send_message { from = "videoguard",
      subject = { en = "Arrest the director this week", ru = "Задержите директора на этой неделе" },
      body = { en = "We have written to the prosecutor: the provider's director runs a business on stolen films and your unit does nothing. Detain Oleg Kravtsov this week, or we will complain about the investigation.",
               ru = "Мы написали прокурору: директор провайдера строит бизнес на украденных фильмах, а ваше подразделение бездействует. Задержите Олега Кравцова на этой неделе, иначе мы обжалуем бездействие." } }
  end }
add_inject { id = "director",
  label = { en = "The director offers to switch the hub off and names a culprit", ru = "Директор предлагает выключить хаб и называет виновного" },
  run = function()
    send_message { from = "kvartal",
      subject = { en = "Kvartal-Telecom: we will cooperate", ru = "«Квартал-Телеком»: мы готовы сотрудничать" },
      body = { en = "Oleg Kravtsov called. He can have the hub's server switched off today, and says the server is the technical director's responsibility: 'ask Sinitsyn'. He asks you not to involve the network department, which 'keeps the city online'.",
               ru = "Звонил Олег Кравцов. Он может сегодня же выключить сервер хаба и говорит, что за сервер отвечает технический директор: «спросите Синицына». Просит не трогать сетевой отдел, который «держит на себе весь город»." } }
  end }

-- The lessons the case exists to teach: a win needs all of them.
add_lesson { id = "participation",
  text = { en = "1. The provider is not the infringer: charge the person who took part, the administrator who runs the hub, and prove his part",
           ru = "1. Провайдер — не нарушитель: привлекать того, кто участвовал, — администратора, который ведёт хаб, — и доказать его участие" },
  needs = { "arrested p-zharov", "proven link" } }
add_lesson { id = "provider-data",
  text = { en = "2. Order the provider's own data at once: the hub's database rolls over within weeks, and only its statistics reach the grave tier",
           ru = "2. Сразу истребовать данные самого провайдера: база хаба обновляется за несколько недель, и только её статистика даёт особо крупный размер" },
  needs = { "obtained rec-hub-db", "serious-damages" } }
add_lesson { id = "money",
  text = { en = "3. Follow the money: the VIP payments went to the administrator's own wallet",
           ru = "3. Проследить деньги: оплата VIP шла на собственный кошелёк администратора" },
  needs = { "obtained rec-wallet" } }
add_lesson { id = "search",
  text = { en = "4. Search the administrator first, lawfully, while he works on the releases: a search of anyone else warns him",
           ru = "4. Обыскать администратора первым, законно и пока он работает над релизами: обыск у кого-то другого его предупредит" },
  needs = { "proven release" } }

add_objective { id = "participants", points = 10,
  text = { en = "Charge no one who took no part: not the director, not a colleague, not a subscriber", ru = "Не привлекать непричастных: ни директора, ни коллегу, ни абонента" },
  check = function()
    return not (is_arrested("p-kravtsov") or is_arrested("p-sinitsyn") or is_arrested("p-orekhov"))
  end }
add_objective { id = "unaware", points = 5,
  text = { en = "Keep the administrator unaware until the search", ru = "Сохранить проверку в тайне от администратора до обыска" },
  check = function() return get_flag("tipped_off") == nil end }
add_objective { id = "link", points = 10,
  text = { en = "Tie the administrator to the hub's owner account", ru = "Связать администратора с учётной записью владельца хаба" },
  check = function() return is_proven("link") end }
add_objective { id = "timing", points = 5,
  text = { en = "Have the hub switched off only after the arrest", ru = "Добиться отключения хаба только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 70,
  title = { en = "The administrator convicted", ru = "Администратор осуждён" },
  text = { en = "The court convicted the network administrator who ran the hub, uploaded its releases and sold its VIP status, of the grave charge. The provider was never the infringer.",
           ru = "Суд осудил по тяжкой статье сетевого администратора, который вёл хаб, выкладывал релизы и продавал VIP-статус. Провайдер нарушителем не был." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted, but the case fell short of what the law and the distributors required: the debrief shows what was missing and when it was lost.",
           ru = "Суд вынес приговор, но дело не дотянуло до того, чего требовали закон и прокатчики: разбор показывает, чего не хватило и когда это было упущено." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 15,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The court acquitted: nothing admissible showed that the accused took part in the distribution. A provider's director, engineer or subscriber is not liable for what others share on its network.",
           ru = "Суд вынес оправдательный приговор: ничто допустимое не показало, что подсудимый участвовал в распространении. Директор, инженер или абонент провайдера не отвечает за то, чем обмениваются другие в его сети." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 5,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "The damages proven stayed below 50,000 roubles: a civil claim at most.",
           ru = "Доказанный ущерб не достиг 50 000 рублей: в лучшем случае гражданский иск." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }
add_ending { id = "fled", result = "loss", score = 5,
  title = { en = "The administrator is gone", ru = "Администратор скрылся" },
  text = { en = "Warned, the administrator wiped the hub's server and his computer, quit his job and left the country before anyone who took part was detained.",
           ru = "Предупреждённый администратор уничтожил данные на сервере хаба и своём компьютере, уволился и уехал из страны раньше, чем был задержан хоть один участник." } }

add_decision { flag = "tipped_off",
  label = { en = "The administrator warned", ru = "Администратор предупреждён" },
  taken = { en = "He learned of the investigation from inside the company: he wiped the hub's database and his computer and prepared to leave.",
            ru = "Он узнал о проверке изнутри компании: уничтожил базу хаба и данные на своём компьютере и собрался уезжать." },
  not_taken = { en = "Nobody in the company knew until the search: the hub's database and his computer were found intact.",
                ru = "До обыска в компании никто ничего не знал: база хаба и его компьютер остались нетронутыми." } }
add_decision { flag = "wrong_accused",
  label = { en = "Someone who took no part detained", ru = "Задержан непричастный" },
  taken = { en = "The court acquitted whoever only signed for the company, kept its equipment register or downloaded films: none of them distributed anything.",
            ru = "Суд оправдал того, кто лишь подписывал за компанию, вёл реестр оборудования или скачивал фильмы: никто из них ничего не распространял." },
  not_taken = { en = "Only the administrator, whose part the evidence proved, stood trial.",
                ru = "Перед судом предстал только администратор, чьё участие доказали материалы дела." } }
add_decision { flag = "admin_live",
  label = { en = "Search while he worked on the releases", ru = "Обыск во время работы над релизами" },
  taken = { en = "His computer was running, logged in to the hub as its owner, encoding the next release: his own release work.",
            ru = "Компьютер работал, был подключён к хабу под учётной записью владельца и кодировал следующий релиз — его собственная работа над релизами." },
  not_taken = { en = "He works on the releases at home from seven in the evening: a search before ten is lawful and finds him at it; by day the machine is off, and after a warning it is wiped.",
                ru = "Он работает над релизами дома с семи вечера: обыск до 22:00 законен и застаёт его за этим; днём компьютер выключен, а после предупреждения данные уничтожены." } }

local ADMIN = "p-zharov"
local WRONG = { ["p-kravtsov"] = true, ["p-sinitsyn"] = true, ["p-orekhov"] = true }
local STAFF = { ["p-kravtsov"] = true, ["p-sinitsyn"] = true }

return {
  on_raid = function(ev)
    if ev.subject == ADMIN and ev.data.live == "true" and ev.data.unlawful ~= "true" then
      set_flag("admin_live", "yes")
    end
  end,
  on_arrest = function(ev)
    if not WRONG[ev.subject] then
      return
    end
    set_flag("wrong_accused", ev.subject)
    if is_arrested(ADMIN) or is_fled(ADMIN) then
      return
    end
    if STAFF[ev.subject] then
      -- He works in the same building: when a colleague is taken away he
      -- does not wait for his turn.
      tip_off({ en = "The administrator saw a colleague detained at the office and walked out the same hour.",
                ru = "Администратор увидел, как в офисе задержали коллегу, и в тот же час ушёл." })
      set_fled(ADMIN)
    else
      -- A subscriber's detention is on the hub's forum within a day.
      tip_off({ en = "The subscriber's detention was on the hub's forum the next day, and its administrator read it.",
                ru = "О задержании абонента на следующий день написали на форуме хаба, и администратор это прочитал." })
    end
  end,
  on_fled = function(ev)
    -- With nobody in custody there is no one left to try.
    if ev.subject == ADMIN and not (is_arrested("p-kravtsov") or is_arrested("p-sinitsyn") or is_arrested("p-orekhov")) then
      end_case("fled")
    end
  end,
}
