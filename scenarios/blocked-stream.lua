-- Operation Mirror: a site that cannot be taken down.
-- A streaming site of Russian films and series sits behind a US content
-- delivery network; its server is with an offshore host in the Seychelles,
-- with which Russia had no treaty on legal assistance (one was ratified only
-- in 2025) and no working 24/7 route. No association abroad has standing to
-- have it removed. What Russian law offers since August 2013 is blocking:
-- the Moscow City Court's interim measures, then the communications
-- regulator has the country's providers block access. Blocking is not a
-- takedown: the site runs on abroad, and a script at the CDN switches it to
-- the next of the mirror domains the operators bought in advance, which
-- nobody announces. Only monitoring finds each mirror.
--
-- The year is 2016, chosen on purpose: since May 2015 the procedure covers
-- series as well as films, but until October 2017 a mirror of a blocked
-- site could not be blocked without a new court case. Each mirror needs its
-- own hashed capture, its own interim measures and its own block; the
-- out-of-court blocking of mirrors (rule pack instrument "mirror-block") is
-- not yet law and the console does not offer it.
--
-- The server is out of reach, so the operators are found through their
-- money, at home: the site's premium subscription is paid into a Russian
-- e-money merchant account, and its advertising is paid by a Russian ad
-- network into a second wallet. Production orders to both name the two
-- operators and show that they share the takings (the group qualifier).
-- The CDN's records, by MLAT months later, show only the offshore host; an
-- informal complaint to the CDN or to the offshore host is passed on to
-- their customer and warns the operators.
--
-- Damages: the thresholds of December 2011 (100,000 and 1,000,000 roubles).
-- The catalogue titles alone come to 666,900 roubles: above the 250,000 of
-- the old law, but only the middle tier now. The film not yet released,
-- valued at its distributor's estimate, takes it to the top tier; the group
-- qualifier (the two sharing the takings) makes the charge grave in any case.
-- Every company, site and person here is fictional.

scenario {
  id = "blocked-stream",
  api = 1,
  title = { en = "Operation Mirror", ru = "Операция «Зеркало»" },
  summary = {
    en = "A pirate streaming site behind a US CDN, its server in the Seychelles: block it and every mirror through the court and the regulator, and follow the money at home to the operators.",
    ru = "Пиратский онлайн-кинотеатр за американской CDN, сервер — на Сейшельских Островах: заблокируйте его и каждое зеркало через суд и регулятора и пройдите по деньгам внутри страны до операторов.",
  },
  briefing = {
    en = [[Complaint from the Ekran-Pravo rights association, 5 September 2016.

The site kinoreka-hd.net streams Russian films and TV series: new episodes appear the night after they are broadcast, and a film that opens in cinemas only next month is already online. The site sells a premium subscription and shows advertising.

Its address leads to VeilEdge, a US content delivery network, not to its server. The association believes the server is with an offshore host in the Seychelles. Russia has no treaty on legal assistance with the Seychelles, and no association abroad will send a notice there for a Russian rights holder.

Since August 2013 a rights holder can obtain interim measures against a site from the Moscow City Court; the communications regulator, Roskomnadzor, then has access blocked by Russia's internet providers. Since May 2015 this covers series as well as films. Every address needs its own application, with a hashed capture of its pages. Blocking is not removal: the site still runs abroad.

Since December 2011 copyright infringement is a crime from 100,000 roubles of damages and a grave one from 1,000,000, or from 100,000 when committed by a group acting by prior agreement. A film counts at the price of a legal copy, 270 roubles, a season of a series at the price of its DVD edition, a film not yet released at its distributor's estimate.

You are an officer of Department K. Only the Investigative Department can open a criminal case. Have the site blocked in Russia, and find the people who take its money.]],
    ru = [[Заявление правообладательской ассоциации «Экран-Право», 5 сентября 2016 года.

Сайт kinoreka-hd.net показывает российские фильмы и сериалы онлайн: новые серии появляются в ночь после эфира, а фильм, который выйдет в прокат только в следующем месяце, уже выложен. Сайт продаёт премиум-подписку и показывает рекламу.

Его адрес ведёт в VeilEdge — американскую сеть доставки контента (CDN), а не к серверу. Ассоциация полагает, что сервер находится у офшорного хостера на Сейшельских Островах. Договора о правовой помощи между Россией и Сейшельскими Островами нет, и ни одна зарубежная ассоциация не направит туда уведомление по просьбе российского правообладателя.

С августа 2013 года правообладатель может получить в Московском городском суде обеспечительные меры против сайта; после этого Роскомнадзор добивается блокировки доступа российскими провайдерами. С мая 2015 года это распространяется не только на фильмы, но и на сериалы. Для каждого адреса нужно отдельное заявление с зафиксированной копией страниц и её хешем. Блокировка — не удаление: сайт продолжает работать за рубежом.

С декабря 2011 года нарушение авторских прав — преступление при ущербе от 100 000 рублей, а тяжкое — от 1 000 000 или от 100 000, если его совершила группа лиц по предварительному сговору. Фильм считается по цене легальной копии — 270 рублей, сезон сериала — по цене его издания на DVD, фильм, ещё не вышедший в прокат, — по оценке прокатчика.

Вы — сотрудник управления «К». Возбудить уголовное дело может только следственный отдел. Добейтесь блокировки сайта в России и установите тех, кто получает его деньги.]],
  },
  duration = "45m",
  langs = { "en", "ru" },
  start = "2016-09-05 09:00",
  deadline = "240d",
  home = "ru",
  unit = "dept-k",
  officer = { en = "Capt. I. Sorokina", ru = "капитан И. Сорокина" },
}

use_rules("ru", "us")

-- The Seychelles: no treaty on legal assistance with Russia in 2016 (one was
-- ratified only in 2025) and not a party to the Budapest Convention (invited
-- only in 2025). Modelled as no MLAT and no 24/7 route from Russia: a
-- request through diplomatic channels on the basis of reciprocity would not
-- come back within any case's time, and the host would answer nothing.
add_jurisdiction {
  id = "sc",
  name = { en = "the Seychelles", ru = "Сейшельские Острова" },
  currency = "SCR",
  budapest = false,
  network_247 = false,
  mlat_with = {},
  retention = "90d",
}

-- Units.
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }
add_entity { id = "rkn", kind = "org", role = "regulator", jurisdiction = "ru", known = true,
  name = { en = "Roskomnadzor (communications regulator)", ru = "Роскомнадзор" } }

-- Complainants.
add_entity { id = "ekranpravo", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "Ekran-Pravo association", ru = "Ассоциация «Экран-Право»" } }
add_entity { id = "volgafilm", kind = "org", role = "rights_holder", jurisdiction = "ru", known = true,
  name = { en = "Volga Film Distribution", ru = "«Волга Фильм Дистрибуция»" } }

-- The site, behind the CDN.
add_entity { id = "kinoreka-hd.net", kind = "domain", known = true,
  links = { registrar = "namecove", ip = "198.51.100.40", payment = "pb-5580" },
  attrs = { redacted = "yes", created = "2014-11-02", paid_till = "2017-11-02",
            nameservers = "ns1.veiledge.example ns2.veiledge.example",
            page_title = "KinoReka HD | kinoreka-hd.net", price = "199 RUB" },
  reveals = { osint = { "alias-reka", "192.0.2.15", "advolna", "adv-4471" } },
  notes = { osint = {
    en = "  page source: advertising code of the AdVolna network, publisher ID 4471\n  historical DNS: until March 2016 the site pointed straight to 192.0.2.15, then moved behind VeilEdge\n  the site's VK group: the admin 'Reka' tells viewers to 'follow the group: if the address changes, we post the new one here'",
    ru = "  исходный код страниц: рекламный код сети AdVolna, ID площадки 4471\n  история DNS: до марта 2016 года сайт указывал прямо на 192.0.2.15, затем ушёл за VeilEdge\n  группа сайта во «ВКонтакте»: админ «Река» просит зрителей «следить за группой: если адрес сменится, новый выложим здесь»" } },
  copies = { t_pereval = 980, t_most = 640, t_steklo = 410, t_smena = 120, t_mayak = 2310 } }
-- The mirrors the operators bought in advance; the CDN switches the site to
-- the next one when the regulator blocks the last. The same database serves
-- them all: the counters are the same.
local mirror_copies = { t_pereval = 980, t_most = 640, t_steklo = 410, t_smena = 120, t_mayak = 2310 }
add_entity { id = "kinoreka-hd.org", kind = "domain",
  links = { registrar = "namecove", ip = "198.51.100.40", payment = "pb-5580" },
  attrs = { redacted = "yes", created = "2016-02-10", page_title = "KinoReka HD | kinoreka-hd.org" },
  copies = mirror_copies }
add_entity { id = "kinoreka2.net", kind = "domain",
  links = { registrar = "namecove", ip = "198.51.100.40", payment = "pb-5580" },
  attrs = { redacted = "yes", created = "2016-02-10", page_title = "KinoReka HD | kinoreka2.net" },
  copies = mirror_copies }
add_entity { id = "kinoreka.cc", kind = "domain",
  links = { registrar = "namecove", ip = "198.51.100.40", payment = "pb-5580" },
  attrs = { redacted = "yes", created = "2016-02-10", page_title = "KinoReka HD | kinoreka.cc" },
  copies = mirror_copies }

add_entity { id = "198.51.100.40", kind = "ip", links = { asn = "AS64560", host = "veiledge" } }
add_entity { id = "AS64560", kind = "asn", jurisdiction = "us", name = "VEILEDGE-AS VeilEdge Inc." }
add_entity { id = "namecove", kind = "org", role = "registrar", jurisdiction = "us", name = "NameCove LLC" }
-- The CDN answers an abuse complaint by telling the complainant the origin
-- host, and forwards the complaint to its customer.
add_entity { id = "veiledge", kind = "org", role = "cdn", jurisdiction = "us", name = "VeilEdge Inc.",
  attrs = { informal = "answers", tips_off = "yes" } }
add_entity { id = "192.0.2.15", kind = "ip", links = { asn = "AS64570", host = "coralbay" } }
add_entity { id = "AS64570", kind = "asn", jurisdiction = "sc", name = "CORALBAY-AS Coralbay Hosting Ltd" }
add_entity { id = "coralbay", kind = "org", role = "host", jurisdiction = "sc", name = "Coralbay Hosting Ltd",
  attrs = { informal = "refuses", tips_off = "yes" } }

-- The money, at home.
add_entity { id = "platibox", kind = "org", role = "payment", jurisdiction = "ru",
  name = { en = "PlatiBox e-money service", ru = "Платёжный сервис PlatiBox" },
  delays = { order = { "5d", "8d" } } }
add_entity { id = "pb-5580", kind = "account", links = { processor = "platibox" },
  name = { en = "PlatiBox merchant account 5580 ('KinoReka Premium')", ru = "Счёт продавца PlatiBox 5580 (KinoReka Premium)" },
  lead = { en = "A test purchase of the premium subscription showed where the viewers' money went: a Russian e-money merchant account, open to a production order.",
           ru = "Контрольная покупка премиум-подписки показала, куда уходят деньги зрителей: на счёт продавца в российском платёжном сервисе, доступный по судебному решению." } }
add_entity { id = "advolna", kind = "org", role = "advertising", jurisdiction = "ru",
  name = { en = "AdVolna advertising network", ru = "Рекламная сеть AdVolna" },
  delays = { order = { "4d", "7d" } },
  lead = { en = "The site's advertising code named a Russian ad network, which pays its publishers and knows where the money goes.",
           ru = "Рекламный код на сайте указывал на российскую рекламную сеть, которая платит площадкам и знает, куда уходят деньги." } }
add_entity { id = "adv-4471", kind = "account", links = { processor = "advolna" },
  name = { en = "AdVolna publisher account 4471", ru = "Площадка AdVolna 4471" } }
add_entity { id = "pb-2291", kind = "account", links = { processor = "platibox" },
  name = { en = "PlatiBox wallet 2291", ru = "Кошелёк PlatiBox 2291" } }

-- The people.
add_entity { id = "alias-reka", kind = "alias", name = { en = "'Reka'", ru = "«Река»" } }
add_entity { id = "p-gromov", kind = "person", jurisdiction = "ru",
  name = { en = "Artem Gromov", ru = "Артём Громов" }, attrs = { address = "St Petersburg, Lesnoy Ave." } }
add_entity { id = "p-lapina", kind = "person", jurisdiction = "ru",
  name = { en = "Kira Lapina", ru = "Кира Лапина" }, attrs = { address = "St Petersburg, Kamskaya St." },
  lead = { en = "The ad network's payouts led to a second wallet, and the wallet to the second operator, Kira Lapina, who shared the takings.",
           ru = "Выплаты рекламной сети вели ко второму кошельку, а кошелёк — ко второму оператору, Кире Лапиной, которая делила доходы." } }

-- The titles.
add_title { id = "t_pereval", name = { en = "The Pass", ru = "Перевал" }, kind = "film", price = 270 }
add_title { id = "t_most", name = { en = "The Bridge at Dawn", ru = "Мост на рассвете" }, kind = "film", price = 270 }
add_title { id = "t_steklo", name = { en = "Behind the Glass", ru = "За стеклом" }, kind = "film", price = 270 }
add_title { id = "t_smena", name = { en = "Northern Shift, season 2", ru = "Северная смена, 2-й сезон" }, kind = "series", price = 990 }
add_title { id = "t_mayak", name = { en = "The Lighthouse (pre-release)", ru = "Маяк (премьера)" }, kind = "film",
  prerelease = true, estimate = 1250000, rights_holder = "volgafilm" }

-- What holders keep.
add_record { id = "rec-merchant", holder = "platibox", about = "pb-5580", kind = "transactions", keep = true,
  title = { en = "PlatiBox: owner and payments of merchant account 5580", ru = "PlatiBox: владелец и платежи по счёту продавца 5580" },
  content = {
    en = "merchant: 'KinoReka Premium', checkout of the site kinoreka-hd.net\nowner: Artem Gromov, born 1988, passport checked at identification, St Petersburg\npremium payments of 199 RUB since 2015-03: 11,640, total 2,316,360 RUB\nwithdrawals: to a bank card in the owner's name",
    ru = "продавец: «KinoReka Premium», касса сайта kinoreka-hd.net\nвладелец: Артём Громов, 1988 г. р., паспорт проверен при идентификации, Санкт-Петербург\nоплат премиум-подписки по 199 руб. с марта 2015 г.: 11 640, всего 2 316 360 руб.\nвывод средств: на банковскую карту владельца" },
  reveals = { "p-gromov" }, proves = { "identity", "link", "income" },
  lead = { en = "PlatiBox's file of merchant account 5580 named the owner of the site's checkout, Artem Gromov, and what the subscriptions earned him.",
           ru = "Данные PlatiBox по счёту 5580 называли владельца кассы сайта — Артёма Громова — и показывали, сколько принесла ему подписка." } }
add_record { id = "rec-adnet", holder = "advolna", about = "adv-4471", kind = "transactions", keep = true,
  title = { en = "AdVolna: publisher account 4471 and its payouts", ru = "AdVolna: площадка 4471 и выплаты по ней" },
  content = {
    en = "publisher 4471 'reka-media': ad code on kinoreka-hd.net since 2014-12\ncontact: 'Kira', +7 921 555-04-71\npayouts 2015-01..2016-08: 1,380,000 RUB, every month to PlatiBox wallet 2291",
    ru = "площадка 4471 «reka-media»: рекламный код на kinoreka-hd.net с декабря 2014 г.\nконтакт: «Кира», +7 921 555-04-71\nвыплаты 01.2015–08.2016: 1 380 000 руб., ежемесячно на кошелёк PlatiBox 2291" },
  reveals = { "pb-2291" }, proves = { "income" },
  lead = { en = "AdVolna's records of the site's advertising showed where the ad money went: a second PlatiBox wallet.",
           ru = "Данные AdVolna о рекламе на сайте показывали, куда уходили рекламные деньги, — на второй кошелёк PlatiBox." } }
add_record { id = "rec-wallet", holder = "platibox", about = "pb-2291", kind = "transactions", keep = true,
  title = { en = "PlatiBox: owner and movements of wallet 2291", ru = "PlatiBox: владелец и движение средств по кошельку 2291" },
  content = {
    en = "owner: Kira Lapina, born 1990, passport checked at identification, St Petersburg; phone +7 921 555-04-71\nincoming: AdVolna payouts for publisher 4471; on the 1st of every month, half of the month's takings from merchant account 5580 ('KinoReka Premium')\noutgoing: monthly payments to a cryptocurrency exchange, the amount of the server's rent",
    ru = "владелец: Кира Лапина, 1990 г. р., паспорт проверен при идентификации, Санкт-Петербург; телефон +7 921 555-04-71\nпоступления: выплаты AdVolna за площадку 4471; 1-го числа каждого месяца — половина выручки за месяц со счёта продавца 5580 («KinoReka Premium»)\nсписания: ежемесячные платежи на криптовалютную биржу в размере аренды сервера" },
  reveals = { "p-lapina" }, proves = { "identity", "group" },
  lead = { en = "PlatiBox's file of wallet 2291 named Kira Lapina and showed the two operators splitting the site's takings every month: a group by prior agreement.",
           ru = "Данные PlatiBox по кошельку 2291 называли Киру Лапину и показывали, что два оператора ежемесячно делили выручку сайта: группа по предварительному сговору." } }
-- The CDN knows only its customer's throwaway address and the origin
-- server: the offshore host, out of reach.
add_record { id = "rec-cdn", holder = "veiledge", about = "kinoreka-hd.net", kind = "subscriber", keep = true,
  title = { en = "VeilEdge customer record for kinoreka-hd.net", ru = "Данные клиента VeilEdge для kinoreka-hd.net" },
  content = {
    en = "account: free plan, opened 2016-03-02 with an e-mail address at an anonymous mail service abroad; no payment details\norigin server: 192.0.2.15 (Coralbay Hosting Ltd, Seychelles)",
    ru = "аккаунт: бесплатный тариф, открыт 02.03.2016 на адрес анонимной зарубежной почтовой службы; платёжных данных нет\nисходный сервер: 192.0.2.15 (Coralbay Hosting Ltd, Сейшельские Острова)" },
  reveals = { "192.0.2.15", "coralbay" } }
-- A search while the night's episodes are encoded and uploaded.
add_record { id = "rec-live", holder = "p-gromov", about = "p-gromov", kind = "live",
  title = { en = "Live images of the running computers", ru = "Образы работающих компьютеров" },
  content = {
    en = "encoding queue: last night's episode of 'Northern Shift' with the KinoReka logo, uploading to 192.0.2.15\nadmin session of kinoreka-hd.net open in the browser as 'Reka'\nVeilEdge dashboard: the site and three reserve domains, with a rule switching to the next when one is blocked in Russia",
    ru = "очередь кодирования: вчерашняя серия «Северной смены» с логотипом KinoReka, идёт загрузка на 192.0.2.15\nв браузере открыт сеанс администратора kinoreka-hd.net под именем «Река»\nпанель VeilEdge: сайт и три резервных домена с правилом переключения на следующий при блокировке в России" },
  proves = { "release", "link" } }
add_record { id = "rec-live-lapina", holder = "p-lapina", about = "p-lapina", kind = "live",
  title = { en = "Live image of the running laptop", ru = "Образ работающего ноутбука" },
  content = {
    en = "subtitles being timed for last night's episode of 'Northern Shift', for upload to the site\nthe site's VK group open as administrator, with a post drafted: 'if the address stops opening, here is the new one'\nAdVolna publisher dashboard for 4471 logged in",
    ru = "идёт синхронизация субтитров к вчерашней серии «Северной смены» для загрузки на сайт\nгруппа сайта во «ВКонтакте» открыта с правами администратора, подготовлен пост: «если адрес перестанет открываться, вот новый»\nвыполнен вход в кабинет площадки AdVolna 4471" },
  proves = { "release" } }
add_record { id = "rec-seized", holder = "p-gromov", about = "p-gromov", kind = "seized",
  title = { en = "Seized: two computers and a phone", ru = "Изъяты два компьютера и телефон" },
  content = { en = "disks encrypted; forensic examination ordered", ru = "диски зашифрованы; назначена экспертиза" } }

set_adversary {
  site = "kinoreka-hd.net",
  mirrors = { "kinoreka-hd.org", "kinoreka2.net", "kinoreka.cc" },
  mirror_delay = { "3d", "7d" },
  -- New episodes are ripped after the evening broadcast and uploaded
  -- through the night: the computers run until eight in the morning.
  online = { 21, 8 },
  wipe_delay = { "1d", "3d" },
  operators = { "p-gromov", "p-lapina" },
  flee = { "p-lapina", "p-gromov" },
  flee_delay = { "6d", "12d" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  court = { "distribution", "identity", "damages" },
  -- The grave charge: the operators tied to the site (its checkout is his
  -- account), what it earned them, the two of them sharing it (a group by
  -- prior agreement), and the uploads prepared by their own hands.
  serious = { "link", "income", "group", "release" },
  returns = 2,
}

add_message { at = "30d", from = "ekranpravo",
  subject = { en = "Ekran-Pravo: viewers still watch", ru = "«Экран-Право»: зрители всё ещё смотрят" },
  body = { en = "Our members see the new episodes of 'Northern Shift' discussed on forums the morning after the broadcast, with links. The site's VK group is as busy as ever.",
           ru = "Наши участники видят, что новые серии «Северной смены» наутро после эфира обсуждают на форумах со ссылками. Группа сайта во «ВКонтакте» живёт как прежде." } }

-- Injects the instructor can fire: the temptations the lessons are about.
add_inject { id = "pressure",
  label = { en = "The distributor wants the host written to today", ru = "Прокатчик требует написать хостеру сегодня же" },
  run = function()
    send_message { from = "volgafilm",
      subject = { en = "Write to the host", ru = "Напишите хостеру" },
      body = { en = "'The Lighthouse' is on kinoreka-hd.net a month before its premiere. Our lawyers say the CDN and the host in the Seychelles both have abuse addresses. Why not simply write to them today?",
               ru = "«Маяк» выложен на kinoreka-hd.net за месяц до премьеры. Наши юристы говорят, что у CDN и у хостера на Сейшелах есть адреса для жалоб. Почему бы просто не написать им сегодня?" } }
  end }
add_inject { id = "blocked",
  label = { en = "A colleague calls the case closed", ru = "Коллега считает дело закрытым" },
  run = function()
    send_message { from = "inv-dept",
      subject = { en = "Done, then?", ru = "Значит, всё?" },
      body = { en = "I hear the site is blocked. Good: one thing off your desk. Can I have your analyst back for another case next week?",
               ru = "Слышал, сайт заблокирован. Отлично — одной заботой меньше. Можно я заберу вашего аналитика на другое дело со следующей недели?" } }
  end }

-- For a room that has stopped watching: a viewer's message with the
-- address the site moved to last. (The ids are written out so that `check`
-- sees that the mirrors can be found; play finds them by monitoring.)
add_inject { id = "viewer-tip",
  label = { en = "A viewer forwards the site's new address", ru = "Зритель пересылает новый адрес сайта" },
  run = function()
    local m = get_flag("last_mirror")
    if m == "kinoreka-hd.org" then reveal("kinoreka-hd.org")
    elseif m == "kinoreka2.net" then reveal("kinoreka2.net")
    elseif m == "kinoreka.cc" then reveal("kinoreka.cc")
    end
    local body = {
      en = "A viewer asks us whether the series site is gone for good: the address he knew no longer opens, and nobody has told him a new one.",
      ru = "Зритель спрашивает нас, закрыт ли сайт с сериалами насовсем: известный ему адрес больше не открывается, а нового ему никто не сообщил." }
    if not get_flag("site_blocked") then
      body = {
        en = "A viewer asks us why nothing is done: the series site opens as usual, new episodes the morning after the broadcast.",
        ru = "Зритель спрашивает нас, почему ничего не делается: сайт с сериалами открывается как обычно, новые серии — наутро после эфира." }
    elseif m then
      body = {
        en = "A viewer complained to us that the blocked series site is back for everyone who follows its VK group. The address he was given: " .. m .. ".",
        ru = "Зритель пожаловался нам, что заблокированный сайт с сериалами снова работает для всех, кто следит за его группой во «ВКонтакте». Адрес, который ему дали: " .. m .. "." }
    end
    send_message { from = "ekranpravo", subject = { en = "A viewer's message", ru = "Сообщение зрителя" }, body = body }
  end }

-- Objectives.
add_objective { id = "blocked", points = 10,
  text = { en = "Have the site blocked through the court's interim measures and the regulator", ru = "Добиться блокировки сайта через обеспечительные меры суда и регулятора" },
  check = function() return get_flag("site_blocked") ~= nil end }
add_objective { id = "mirrors", points = 10,
  text = { en = "Find and block every mirror the operators open", ru = "Находить и блокировать каждое зеркало, которое открывают операторы" },
  check = function()
    local opened = tonumber(get_flag("mirrors_opened") or "0")
    local blocked = tonumber(get_flag("mirrors_blocked") or "0")
    return get_flag("site_blocked") ~= nil and blocked >= opened and opened > 0
  end }
add_objective { id = "money", points = 15,
  text = { en = "Follow the subscription and advertising money to both operators", ru = "Пройти по деньгам подписки и рекламы до обоих операторов" },
  -- In the file before the indictment (is_obtained would count a record
  -- that came too late for the court): see on_evidence below.
  check = function() return get_flag("in_file_rec-merchant") and get_flag("in_file_rec-adnet") and get_flag("in_file_rec-wallet") and true or false end }
add_objective { id = "damages", points = 10,
  text = { en = "Prove damages of the grave tier, the pre-release film included", ru = "Доказать ущерб в особо крупном размере, включая ещё не вышедший фильм" },
  check = function() local d = get_damages(); return d >= 1000000 end }

-- The lessons the case exists to teach: a win needs all of them.
add_lesson { id = "blocking",
  text = { en = "1. Blocking is not a takedown: block the site through the court and the regulator, keep watching, and block every mirror, each with its own capture and court measures",
           ru = "1. Блокировка — не удаление: заблокировать сайт через суд и регулятора, продолжать наблюдение и блокировать каждое зеркало — каждое со своей фиксацией и своими мерами суда" },
  needs = { "site-down" } }
add_lesson { id = "money",
  text = { en = "2. Where the server is out of reach, follow the money at home: the payment service's and the ad network's records name the operators, in the file before it goes to court",
           ru = "2. Если сервер недосягаем, идти по деньгам внутри страны: данные платёжного сервиса и рекламной сети называют операторов — и должны быть в деле до направления в суд" },
  needs = { "obtained rec-merchant", "obtained rec-adnet", "obtained rec-wallet" } }
add_lesson { id = "quiet",
  text = { en = "3. No route abroad works in time here: an informal complaint to the CDN or the offshore host goes straight to their customer",
           ru = "3. Путь за рубеж здесь вовремя не сработает: неформальная жалоба в CDN или офшорному хостеру уходит прямо их клиенту" },
  needs = { "no-tipoff" } }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 55,
  title = { en = "Convicted, and blocked", ru = "Приговор, и сайт заблокирован" },
  text = { en = "The operators were convicted of the grave charge, and the site and every mirror stayed blocked in Russia. The server still runs in the Seychelles: in Russia, nobody can reach it.",
           ru = "Операторы осуждены по тяжкой статье, а сайт и все его зеркала заблокированы в России. Сервер по-прежнему работает на Сейшелах, но из России до него не добраться." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted, but the case fell short of what the rights holders and the law required, or the site was still watched in Russia at a new address: the debrief shows what was missing and when.",
           ru = "Суд вынес приговор, но дело не дотянуло до того, чего требовали правообладатели и закон, или сайт по-прежнему смотрели в России по новому адресу: разбор показывает, чего не хватило и когда." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 15,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The court could not tie the defendants to the site with admissible evidence.",
           ru = "Суд не смог связать подсудимых с сайтом допустимыми доказательствами." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 5,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "The Investigative Department closed the material: the package never named the operators with admissible evidence, or the damages stayed below 100,000 roubles.",
           ru = "Следственный отдел списал материал: операторы так и не были установлены допустимыми доказательствами, или ущерб не достиг 100 000 рублей." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court: the operators were never identified.",
           ru = "Дело так и не дошло до суда: операторы так и не были установлены." } }
add_ending { id = "fled", result = "loss", score = 5,
  title = { en = "The operators are gone", ru = "Операторы скрылись" },
  text = { en = "Warned by a complaint passed on to them, the operators wiped their computers and left the country. The site runs on from the Seychelles.",
           ru = "Получив переданную им жалобу, операторы очистили компьютеры и уехали из страны. Сайт продолжает работать с Сейшел." } }

add_decision { flag = "site_blocked",
  label = { en = "Blocking the site in Russia", ru = "Блокировка сайта в России" },
  taken = { en = "Access was blocked by Russian providers; the site kept running abroad, and within days the CDN switched it to a mirror that nobody announced.",
            ru = "Российские провайдеры заблокировали доступ; сайт продолжил работать за рубежом, и через несколько дней CDN переключила его на зеркало, о котором никто не объявлял." },
  not_taken = { en = "Without interim measures and the regulator's block the site stayed open to viewers in Russia.",
                ru = "Без обеспечительных мер и блокировки Роскомнадзором сайт оставался доступен зрителям в России." } }
add_decision { flag = "informal_request",
  label = { en = "An informal complaint abroad", ru = "Неформальная жалоба за рубеж" },
  taken = { en = "The complaint went on to the customer: the operators learned that someone was after them.",
            ru = "Жалоба ушла клиенту: операторы узнали, что ими занимаются." },
  not_taken = { en = "The operators saw only blocks by Russian providers, a rights holders' matter, and kept working until the search.",
                ru = "Операторы видели лишь блокировки российскими провайдерами — дело правообладателей — и продолжали работать до обыска." } }
add_decision { flag = "raid_live",
  label = { en = "Search while the night's uploads ran", ru = "Обыск во время ночной выкладки" },
  taken = { en = "The forensic team imaged the running computers: the episode being uploaded and the admin session showed the work was theirs.",
            ru = "Специалисты сняли образы работающих компьютеров: загружаемая серия и сеанс администратора показали, что работу вели они сами." },
  not_taken = { en = "The computers run until eight in the morning: a lawful search soon after six finds them on; by day they are off and encrypted.",
                ru = "Компьютеры работают до восьми утра: законный обыск вскоре после шести застаёт их включёнными; днём они выключены и зашифрованы." } }

local function bump(flag)
  set_flag(flag, tostring(tonumber(get_flag(flag) or "0") + 1))
end

return {
  on_blocked = function(ev)
    if ev.subject == "kinoreka-hd.net" then
      set_flag("site_blocked", "yes")
    else
      bump("mirrors_blocked")
    end
    send_message { from = "rkn",
      subject = { en = "Roskomnadzor: access restricted to " .. ev.subject, ru = "Роскомнадзор: ограничен доступ к " .. ev.subject },
      body = { en = "The host was notified and did not remove the pages. Russian internet providers now block access to " .. ev.subject .. ". The site itself is outside our reach.",
               ru = "Хостинг-провайдер уведомлён и страницы не удалил. Российские провайдеры блокируют доступ к " .. ev.subject .. ". Сам сайт находится вне нашей досягаемости." } }
  end,
  on_site_reappeared = function(ev)
    if ev.data.mirror == "true" then
      bump("mirrors_opened")
      set_flag("last_mirror", ev.subject)
    end
  end,
  on_evidence = function(ev)
    local src = ev.data.source
    if ev.data.admissible == "true" and not get_flag("indicted")
      and (src == "rec-merchant" or src == "rec-adnet" or src == "rec-wallet") then
      set_flag("in_file_" .. src, "yes")
    end
  end,
  on_indicted = function(ev)
    set_flag("indicted", "yes")
  end,
  on_fled = function(ev)
    if is_fled("p-gromov") and is_fled("p-lapina") then
      end_case("fled")
    end
  end,
}
