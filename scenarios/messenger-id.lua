-- Operation Twenty Minutes: subscriber identification through a mobile
-- operator (the 2019 rule). A messenger channel sells pirated films. Its
-- owner's account is tied to a phone number; under the rule the operator must
-- confirm the subscriber within 20 minutes, or the identification fails. The
-- operator answers in 5 to 40 minutes, so the check may fail through no fault
-- of the trainee, who needs a second route to the owner. The owner also
-- changes his number within days: the check must run at once, for only the
-- operator's reply, late or not, confirms that the number behind the
-- channel's account is a real subscriber's, and the bank card names that
-- subscriber. The card's transfers are the income, and only a search while
-- he uploads shows the films prepared by his own hand. And it is 2020: the
-- damages tiers are those raised in December 2011, which the mirror's
-- counters alone do not reach.
-- Every company, channel and person here is fictional.

scenario {
  id = "messenger-id",
  api = 1,
  title = { en = "Operation Twenty Minutes", ru = "Операция «Двадцать минут»" },
  summary = {
    en = "A pirate film channel in a messenger: identify its owner through the mobile operator's 20-minute answer window, and have a second route ready.",
    ru = "Пиратский киноканал в мессенджере: установите владельца через оператора связи с его 20-минутным сроком ответа и держите наготове второй путь.",
  },
  briefing = {
    en = [[Complaint from the Kinoalliance film distributors' association, 3 February 2020.

The channel 'Kino Tropa' in the Tropa messenger posts new Russian and foreign films days after their release, and a web mirror, tropa-kino.ru, counts the downloads. Access to the full archive is sold through a bot for a card transfer.

Since 2019 a messenger must identify its users by phone number: it asks the mobile operator, which must confirm the subscriber within 20 minutes. No answer in time, or no subscriber record, means the identification has failed. Tropa is a Russian service and answers production orders quickly.

Since December 2011 copyright infringement is a crime from 100,000 roubles of damages and a grave one from 1,000,000. A film counts at the price of a legal copy, 270 roubles.

You are an officer of Department K. Only the Investigative Department can open a criminal case. Identify the channel's owner with admissible evidence, and do not rely on a single route.]],
    ru = [[Заявление ассоциации кинопрокатчиков «Киноальянс», 3 февраля 2020 года.

Канал «Кино Тропа» в мессенджере «Тропа» выкладывает новые российские и зарубежные фильмы через несколько дней после премьеры, а веб-зеркало tropa-kino.ru считает скачивания. Доступ ко всему архиву продаёт бот за перевод на карту.

С 2019 года мессенджер обязан идентифицировать пользователей по номеру телефона: он запрашивает оператора связи, который должен подтвердить абонента в течение 20 минут. Нет ответа вовремя или нет сведений об абоненте — идентификация не состоялась. «Тропа» — российский сервис и быстро исполняет судебные решения.

С декабря 2011 года нарушение авторских прав — преступление при ущербе от 100 000 рублей, а тяжкое — от 1 000 000. Фильм считается по цене легальной копии — 270 рублей.

Вы — сотрудник управления «К». Возбудить уголовное дело может только следственный отдел. Установите владельца канала допустимыми доказательствами и не полагайтесь на один путь.]],
  },
  duration = "30m",
  langs = { "en", "ru" },
  start = "2020-02-03 09:00",
  deadline = "200d",
  home = "ru",
  unit = "dept-k",
  officer = { en = "Sr. Lt. E. Belova", ru = "старший лейтенант Е. Белова" },
}

use_rules("ru")

-- Units.
add_entity { id = "dept-k", kind = "unit", role = "cybercrime", jurisdiction = "ru", known = true,
  name = { en = "Department K", ru = "Управление «К»" } }
add_entity { id = "inv-dept", kind = "unit", role = "investigative", jurisdiction = "ru", known = true,
  name = { en = "Investigative Department", ru = "Следственный отдел" } }

-- Complainant.
add_entity { id = "kinoalliance", kind = "org", role = "association", jurisdiction = "ru", known = true,
  name = { en = "Kinoalliance association", ru = "Ассоциация «Киноальянс»" } }

-- The messenger and the channel.
add_entity { id = "tropa", kind = "org", role = "webmail", jurisdiction = "ru", known = true,
  name = { en = "Tropa messenger LLC", ru = "ООО «Мессенджер Тропа»" },
  delays = { order = { "1d", "2d" } } }
add_entity { id = "chan-kinotropa", kind = "account", known = true,
  name = { en = "the 'Kino Tropa' channel", ru = "канал «Кино Тропа»" },
  lead = { en = "The messenger's own statistics of the channel counted the real downloads: enough for the grave tier, which the mirror's counters never reach.",
           ru = "Собственная статистика мессенджера по каналу показывала настоящее число скачиваний — достаточно для особо крупного размера, которого счётчики зеркала не достигают." } }
add_entity { id = "acct-kinoadmin", kind = "account", known = true,
  name = { en = "@kino_admin (owner of the 'Kino Tropa' channel)", ru = "@kino_admin (владелец канала «Кино Тропа»)" } }
add_entity { id = "+79005550177", kind = "phone",
  name = { en = "+7 900 555-01-77", ru = "+7 900 555-01-77" } }
add_entity { id = "idc-7741", kind = "account",
  name = { en = "identification code IDC-7741", ru = "идентификационный код IDC-7741" },
  lead = { en = "An identification check answered within 20 minutes gives the messenger a code that binds the account to the subscriber.",
           ru = "Проверка, на которую оператор ответил в течение 20 минут, даёт мессенджеру код, связывающий аккаунт с абонентом." } }
add_entity { id = "volna", kind = "org", role = "mobile", jurisdiction = "ru",
  name = { en = "Volna Mobile", ru = "«Волна Мобайл»" },
  delays = { request = { "5m", "40m" } } }

-- The web mirror and the money.
add_entity { id = "tropa-kino.ru", kind = "domain", known = true,
  links = { registrar = "rureg", ip = "198.51.100.70", payment = "card-5520" },
  attrs = { redacted = "yes", created = "2019-06-01", paid_till = "2020-06-01",
            page_title = "Kino Tropa: the channel's archive", price = "350 RUB (archive month, card transfer)" },
  reveals = { osint = { "alias-kinoadmin" } },
  notes = { osint = {
    en = "  'kino_admin' tells subscribers the channel 'moves to a new number next week'\n  payments for the archive go by card transfer; buyers post the card's last digits, 5520",
    ru = "  «kino_admin» пишет подписчикам, что канал «на следующей неделе переезжает на новый номер»\n  архив оплачивают переводом на карту; покупатели называют последние цифры карты — 5520" } },
  copies = { t_ledokol = 640, t_sputnik = 410, t_gorod = 300 } }
add_entity { id = "tropa-kino.site", kind = "domain",
  links = { registrar = "rureg", ip = "198.51.100.71" },
  attrs = { redacted = "yes", created = "2020-03-01" } }
add_entity { id = "198.51.100.70", kind = "ip", links = { asn = "AS64550", host = "mirhost" } }
add_entity { id = "198.51.100.71", kind = "ip", links = { asn = "AS64550", host = "mirhost" } }
add_entity { id = "AS64550", kind = "asn", jurisdiction = "ru", name = "MIRHOST-AS" }
add_entity { id = "rureg", kind = "org", role = "registrar", jurisdiction = "ru",
  name = { en = "RuReg LLC", ru = "ООО «РуРег»" } }
add_entity { id = "mirhost", kind = "org", role = "host", jurisdiction = "ru",
  name = { en = "MirHost LLC", ru = "ООО «МирХост»" } }
add_entity { id = "card-5520", kind = "account", links = { processor = "severbank" },
  name = { en = "bank card ending 5520", ru = "банковская карта *5520" } }
add_entity { id = "severbank", kind = "org", role = "bank", jurisdiction = "ru",
  name = { en = "Sever Bank", ru = "Банк «Север»" },
  lead = { en = "The card that received the archive payments was a second route to the owner, independent of the identification check.",
           ru = "Карта, на которую приходила оплата архива, была вторым путём к владельцу, не зависящим от проверки идентификации." } }

-- People.
add_entity { id = "alias-kinoadmin", kind = "alias", name = { en = "'kino_admin'", ru = "«kino_admin»" } }
add_entity { id = "p-zaitsev", kind = "person", jurisdiction = "ru",
  name = { en = "Ruslan Zaitsev", ru = "Руслан Зайцев" }, attrs = { address = "Kazan, Pushkina St." } }

-- Titles.
add_title { id = "t_ledokol", name = { en = "The Icebreaker Returns", ru = "Возвращение ледокола" }, kind = "film", price = 270 }
add_title { id = "t_sputnik", name = { en = "Fellow Traveller", ru = "Попутчик" }, kind = "film", price = 270 }
add_title { id = "t_gorod", name = { en = "City Without Lights", ru = "Город без огней" }, kind = "film", price = 270 }

-- Records.
add_record { id = "rec-account", holder = "tropa", about = "acct-kinoadmin", kind = "subscriber", keep = true,
  title = { en = "Tropa account file of @kino_admin", ru = "Учётные данные @kino_admin в «Тропе»" },
  content = {
    en = "account registered 2019-05-28 with the number +7 900 555-01-77 (Volna Mobile)\nowner of the channel 'Kino Tropa' and of its sales bot\nidentification under the 2019 rule: not yet done",
    ru = "аккаунт зарегистрирован 28.05.2019 на номер +7 900 555-01-77 («Волна Мобайл»)\nвладелец канала «Кино Тропа» и его бота продаж\nидентификация по правилам 2019 года: ещё не проводилась" },
  reveals = { "+79005550177", "volna" } }
add_record { id = "rec-channel-stats", holder = "tropa", about = "chan-kinotropa", kind = "logs", keep = true,
  title = { en = "Tropa statistics of the 'Kino Tropa' channel", ru = "Статистика «Тропы» по каналу «Кино Тропа»" },
  content = {
    en = "subscribers: 48,300\nfiles downloaded from the channel since 2019-06: 'The Icebreaker Returns' 2,210; 'Fellow Traveller' 1,640; 'City Without Lights' 1,250\nevery file posted by the owner account @kino_admin",
    ru = "подписчиков: 48 300\nскачиваний файлов из канала с июня 2019 г.: «Возвращение ледокола» — 2210; «Попутчик» — 1640; «Город без огней» — 1250\nвсе файлы опубликованы с аккаунта владельца @kino_admin" },
  proves = { "distribution" }, copies = { t_ledokol = 2210, t_sputnik = 1640, t_gorod = 1250 },
  lead = { en = "A production order to the messenger for the channel's statistics would have proven the downloads at the grave tier.",
           ru = "Судебное решение к мессенджеру о статистике канала доказало бы скачивания в особо крупном размере." } }
-- The operator confirms a subscriber only while the contract runs: once the
-- owner has moved to his new number (day 8), there is nothing left to
-- confirm. Late or not, the reply is the operator's own record that the
-- channel owner's number belongs to a subscriber it has identified; with the
-- bank card, which carries the same number, it ties the owner to the channel.
add_record { id = "rec-idcheck", holder = "volna", about = "+79005550177", kind = "subscriber", retention = "8d",
  title = { en = "Subscriber confirmation for +7 900 555-01-77 (identification check)", ru = "Подтверждение абонента номера +7 900 555-01-77 (проверка идентификации)" },
  content = {
    en = "number +7 900 555-01-77: contract active since 2018-11, the subscriber's passport checked at signing\nmessengers registered to the number: Tropa, account @kino_admin\nthe identification code is issued to the messenger only for a reply within the statutory 20 minutes",
    ru = "номер +7 900 555-01-77: договор действует с ноября 2018 г., паспорт абонента проверен при заключении\nмессенджеры, зарегистрированные на номер: «Тропа», аккаунт @kino_admin\nидентификационный код выдаётся мессенджеру только при ответе в установленные 20 минут" },
  proves = { "link" },
  lead = { en = "Volna Mobile's reply to the check, asked for while the contract still ran, tied the channel owner's number to an identified subscriber: the bank card named him.",
           ru = "Ответ «Волна Мобайл» на проверку, запрошенный, пока договор ещё действовал, связывал номер владельца канала с установленным абонентом, а банковская карта называла его имя." } }
add_record { id = "rec-binding", holder = "tropa", about = "idc-7741", kind = "subscriber", keep = true,
  title = { en = "Tropa identification file for code IDC-7741", ru = "Файл идентификации «Тропы» по коду IDC-7741" },
  content = {
    en = "code IDC-7741 binds @kino_admin to the subscriber of +7 900 555-01-77: Ruslan Zaitsev, born 1993, Kazan\nthe account has posted every film of the channel since 2019-06",
    ru = "код IDC-7741 связывает @kino_admin с абонентом +7 900 555-01-77: Руслан Зайцев, 1993 г. р., Казань\nс июня 2019 г. все фильмы канала опубликованы с этого аккаунта" },
  reveals = { "p-zaitsev" }, proves = { "identity", "link" } }
add_record { id = "rec-card", holder = "severbank", about = "card-5520", kind = "transactions", keep = true,
  title = { en = "Sever Bank: holder and transfers of the card ending 5520", ru = "Банк «Север»: владелец и переводы по карте *5520" },
  content = {
    en = "holder: Ruslan Zaitsev, born 1993, Kazan; phone number of the account: +7 900 555-01-77\nincoming transfers of 350 RUB: 3,910 since 2019-06, from buyers of the archive\nsame device used for the bank's app and, per the bank's fraud log, the Tropa desktop app",
    ru = "владелец: Руслан Зайцев, 1993 г. р., Казань; телефон, привязанный к счёту: +7 900 555-01-77\nвходящие переводы по 350 руб.: 3910 с июня 2019 г., от покупателей архива\nс того же устройства — приложение банка и, по журналу антифрод-системы банка, настольная «Тропа»" },
  reveals = { "p-zaitsev" }, proves = { "identity", "income" },
  lead = { en = "Sever Bank's file of the card ending 5520 named the owner and showed what the archive earned him: 3,910 transfers.",
           ru = "Данные банка «Север» по карте *5520 называли владельца и показывали, что принёс ему архив: 3910 переводов." } }
-- Only a search while he uploads shows that he prepares the films himself:
-- by day the computer is off and encrypted.
add_record { id = "rec-live", holder = "p-zaitsev", about = "p-zaitsev", kind = "live",
  title = { en = "Live image of the running computer", ru = "Образ работающего компьютера" },
  content = {
    en = "upload queue: three new films, re-encoded tonight and stamped with the 'Kino Tropa' logo\nTropa desktop app logged in as @kino_admin, channel owner",
    ru = "очередь загрузки: три новых фильма, перекодированных этим вечером и помеченных логотипом «Кино Тропа»\nнастольная «Тропа», вход как @kino_admin, владелец канала" },
  proves = { "release", "distribution" } }
add_record { id = "rec-seized", holder = "p-zaitsev", about = "p-zaitsev", kind = "seized",
  title = { en = "Seized: a computer and two phones", ru = "Изъяты компьютер и два телефона" },
  content = { en = "one phone holds a new SIM card registered to a stranger", ru = "в одном телефоне новая SIM-карта, оформленная на постороннего" } }

set_adversary {
  site = "tropa-kino.ru",
  hop_to = "tropa-kino.site",
  hop_delay = { "1d", "3d" },
  -- He uploads from eight in the evening until two: a search between eight
  -- and ten is lawful and finds him logged in.
  online = { 20, 2 },
  wipe_delay = { "1d", "2d" },
  operators = { "p-zaitsev" },
}

set_case {
  handoff = { "distribution", "identity", "damages" },
  court = { "distribution", "identity", "link", "damages" },
  -- The grave charge needs what the channel earned him (the bank card) and
  -- the films prepared by his own hand (a search while he uploads).
  serious = { "income", "release" },
  returns = 2,
}

add_objective { id = "check", points = 10,
  text = { en = "Run the identification check while the number is still active", ru = "Провести проверку идентификации, пока номер ещё действует" },
  check = function() return get_flag("id_check_done") ~= nil end }
add_objective { id = "second_route", points = 15,
  text = { en = "Open a second route to the owner: the card that receives the payments", ru = "Открыть второй путь к владельцу — карту, на которую приходят платежи" },
  check = function() return is_obtained("rec-card") end }
add_objective { id = "link", points = 10,
  text = { en = "Tie the owner to the channel with admissible evidence", ru = "Связать владельца с каналом допустимыми доказательствами" },
  check = function() return is_proven("link") end }
add_objective { id = "timing", points = 5,
  text = { en = "Take the mirror down only after the arrest", ru = "Закрыть зеркало только после задержания" },
  check = function() return get_flag("takedown_after_arrest") ~= nil end }

-- The lessons the case exists to teach: a win needs all of them.
add_lesson { id = "check",
  text = { en = "1. Run the identification check through the operator at once, before the owner changes his number",
           ru = "1. Сразу провести проверку идентификации через оператора, пока владелец не сменил номер" },
  needs = { "flag id_check_done" },
  missed = { en = "the identification check through the operator was not run while the owner still held his number",
             ru = "проверка идентификации через оператора не проведена, пока номер ещё принадлежал владельцу" } }
add_lesson { id = "second_route",
  text = { en = "2. Do not rely on one route: the card that receives the payments names the owner whatever the operator answers",
           ru = "2. Не полагаться на один путь: карта, на которую приходят платежи, называет владельца, что бы ни ответил оператор" },
  needs = { "obtained rec-card" } }
add_lesson { id = "damages",
  text = { en = "3. Count the damages under the law in force: since 2011 the grave tier is 1,000,000 roubles, and only the channel's own statistics reach it",
           ru = "3. Считать ущерб по действующему закону: с 2011 года особо крупный размер — 1 000 000 рублей, и достичь его позволяет только статистика самого канала" },
  needs = { "serious-damages" } }
add_lesson { id = "handoff",
  text = { en = "4. Hand a complete package to the unit that opens the case, and go to court only with a complete file",
           ru = "4. Передать полные материалы подразделению, которое возбуждает дело, и направлять дело в суд только полным" },
  needs = { "complete-handoff" } }
add_lesson { id = "raid",
  text = { en = "5. Search lawfully while he uploads: in the evening, before the night begins at ten",
           ru = "5. Провести обыск законно, пока он выкладывает фильмы: вечером, до наступления ночного времени в 22:00" },
  needs = { "flag raid_live", "lawful-searches" } }
add_lesson { id = "timing",
  text = { en = "6. Take the mirror down only after the arrest, and leave none of it online",
           ru = "6. Закрыть зеркало только после задержания и не оставить его копий в сети" },
  needs = { "not flag takedown_early", "site-down" } }

add_ending { id = "conviction", outcome = "convicted", result = "win", score = 60,
  title = { en = "Convicted", ru = "Обвинительный приговор" },
  text = { en = "The channel's owner was identified with admissible evidence and convicted of the grave charge.",
           ru = "Владелец канала установлен допустимыми доказательствами и осуждён по тяжкой статье." } }
add_ending { id = "lesser", outcome = "convicted_partial", result = "partial", score = 30,
  title = { en = "Convicted, but short of the case", ru = "Приговор, но не по всему делу" },
  text = { en = "The court convicted, but the case fell short of what the distributors and the law required: the debrief shows what was missing and when it was lost.",
           ru = "Суд вынес приговор, но дело не дотянуло до того, чего требовали прокатчики и закон: разбор показывает, чего не хватило и когда это было упущено." } }
add_ending { id = "acquittal", outcome = "acquitted", result = "loss", score = 20,
  title = { en = "Acquitted", ru = "Оправдательный приговор" },
  text = { en = "The defendant was identified, but nothing admissible showed that he ran the channel.",
           ru = "Подсудимый установлен, но ничто допустимое не показало, что канал вёл он." } }
add_ending { id = "refused", outcome = "refused", result = "loss", score = 5,
  title = { en = "No criminal case", ru = "Отказ в возбуждении дела" },
  text = { en = "The Investigative Department closed the material: the package never named the channel's owner, or never showed damages of even 100,000 roubles.",
           ru = "Следственный отдел списал материал: владелец канала так и не был установлен или ущерб не достиг даже 100 000 рублей." } }
add_ending { id = "deadline", outcome = "deadline", result = "loss", score = 5,
  title = { en = "Out of time", ru = "Сроки истекли" },
  text = { en = "The case never reached court.", ru = "Дело так и не дошло до суда." } }

add_decision { flag = "ident_failed",
  label = { en = "The identification check failed", ru = "Идентификация не состоялась" },
  taken = { en = "The operator answered too late or had no record: the messenger could not bind the account, and the owner moved to a number in a stranger's name.",
            ru = "Оператор ответил слишком поздно или не нашёл абонента: мессенджер не смог привязать аккаунт, а владелец перешёл на номер, оформленный на постороннего." },
  not_taken = { en = "The operator confirmed the subscriber within 20 minutes and the messenger kept the binding file.",
                ru = "Оператор подтвердил абонента в течение 20 минут, и мессенджер сохранил файл идентификации." } }
add_decision { flag = "second_route",
  label = { en = "A second route through the bank card", ru = "Второй путь — через банковскую карту" },
  taken = { en = "The card named the owner whatever the operator did.",
            ru = "Карта назвала владельца, что бы ни сделал оператор." },
  not_taken = { en = "Everything hung on an answer window the investigator does not control.",
                ru = "Всё зависело от срока ответа, которым следователь не управляет." } }
add_decision { flag = "raid_live",
  label = { en = "Search while he uploaded", ru = "Обыск во время выкладки" },
  taken = { en = "The films for the channel were being re-encoded and uploaded from his computer under the owner's account: the search showed the work was his own.",
            ru = "Фильмы для канала перекодировались и выкладывались с его компьютера под аккаунтом владельца: обыск показал, что эту работу вёл он сам." },
  not_taken = { en = "He uploads from eight in the evening: a search before ten is lawful and finds the app open; by day the computer is off, and a search at night is unlawful. Without it nothing showed that he prepared the films himself.",
                ru = "Он выкладывает фильмы с восьми вечера: обыск до 22:00 законен и застаёт приложение открытым; днём компьютер выключен, а ночной обыск незаконен. Без такого обыска ничто не показало, что фильмы готовил он сам." } }

-- The operator must answer within 20 minutes of receiving the check;
-- ev.data.sent_at is the minute the request left, after drafting.
local WINDOW = 20

local function failed(why_en, why_ru)
  set_flag("ident_failed", "yes")
  send_message {
    from = "tropa",
    subject = { en = "Tropa: identification failed", ru = "«Тропа»: идентификация не состоялась" },
    body = { en = why_en .. " Under the rule we have restricted @kino_admin as unidentified. Within hours its owner re-registered it with another number, issued in a stranger's name. We cannot bind the account to a person: the owner has to be found another way.",
             ru = why_ru .. " По правилам мы ограничили @kino_admin как неидентифицированного пользователя. Через несколько часов владелец перерегистрировал его на другой номер, оформленный на постороннего. Привязать аккаунт к человеку мы не можем: владельца придётся устанавливать другим путём." },
  }
end

return {
  on_start = function()
    add_timer("8d", "sim_ends")
  end,
  on_timer = function(id)
    if id == "sim_ends" then set_flag("sim_ended", "yes") end
  end,
  on_request_sent = function(ev)
    if ev.data.instrument == "order" and ev.data.holder == "severbank" then
      set_flag("second_route", "yes")
    end
  end,
  on_answer = function(ev)
    if ev.data.holder ~= "volna" or ev.data.target ~= "+79005550177" or get_flag("id_check_answered") then
      return
    end
    set_flag("id_check_answered", "yes")
    if get_flag("sim_ended") then
      failed("Volna Mobile has no current subscriber for +7 900 555-01-77: the contract ended and the operator told us within 24 hours, as the rule requires.",
             "У «Волна Мобайл» нет действующего абонента номера +7 900 555-01-77: договор расторгнут, и оператор уведомил нас в течение 24 часов, как требуют правила.")
      return
    end
    set_flag("id_check_done", "yes")
    local minutes = ev.at - tonumber(ev.data.sent_at)
    if minutes <= WINDOW then
      set_flag("ident_ok", "yes")
      reveal("idc-7741")
      send_message {
        from = "tropa",
        subject = { en = "Tropa: identification confirmed", ru = "«Тропа»: идентификация подтверждена" },
        body = { en = "Volna Mobile confirmed the subscriber " .. minutes .. " minutes after the check arrived, within the 20-minute window. Code IDC-7741 now binds @kino_admin to the subscriber. Our identification file is available on a production order.",
                 ru = "«Волна Мобайл» подтвердила абонента через " .. minutes .. " мин. после поступления проверки — в пределах 20 минут. Код IDC-7741 связывает @kino_admin с абонентом. Файл идентификации выдадим по судебному решению." },
      }
    else
      failed("Volna Mobile answered " .. minutes .. " minutes after the check arrived: beyond the 20-minute window, so the identification counts as failed.",
             "«Волна Мобайл» ответила через " .. minutes .. " мин. после поступления проверки — позже 20 минут, поэтому идентификация считается несостоявшейся.")
    end
  end,
}
