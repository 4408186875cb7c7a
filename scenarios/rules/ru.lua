-- Rule pack: Russian Federation (law as data, shared by scenarios).
-- Facts from the domain brief: Department K investigates but cannot open a
-- criminal case or prosecute; the Investigative Department opens the case;
-- Russia keeps a 24/7 Network contact point but is not a party to the
-- Budapest Convention. Copyright crime tiers (Criminal Code art. 146, the
-- note to the article): below "large scale" no crime; large scale is part 2
-- (a lesser offence); especially large scale (or a group by prior
-- agreement) is part 3, the grave crime. Night: 22:00-06:00 (Criminal
-- Procedure Code art. 5, 164); MLAT requests of a criminal case go through
-- the Prosecutor-General's Office.
add_jurisdiction {
  id = "ru",
  name = { en = "Russia", ru = "Россия" },
  currency = "RUB",
  budapest = false,
  network_247 = true,
  -- European Convention on Mutual Assistance (NL, FI, EE), the Minsk
  -- Convention (UA) and the bilateral treaty with the United States.
  mlat_with = { "nl", "ua", "us", "fi", "ee" },
  mlat_needs_case = true,
  damages = {
    { from = "2003-12-08", to = "2011-12-08", tiers = { large = 50000, especially_large = 250000 } },
    { from = "2011-12-08", to = "2025-01-01", tiers = { large = 100000, especially_large = 1000000 } },
    -- Raised in 2024-2025; the date here is approximate: check it against the code's text.
    { from = "2025-01-01", tiers = { large = 500000, especially_large = 2000000 } },
  },
  night = { 22, 6 },
  retention = "180d",
  preserve_for = "90d",
  warrant_valid = "30d",
  delays = {
    order = { "5d", "10d" },
    request = { "1d", "3d" },
    statement = { "3d", "7d" },
    warrant = { "1d", "2d" },
    handoff = { "10d", "20d" },
    court = { "30d", "60d" },
    ask = { "1d", "2d" },
    takedown = { "1d", "3d" },
    central = { "7d", "21d" },
    recheck = { "20d", "30d" },
    -- A unit given an instruction carries it out within a day or two; a
    -- package returned with a list of what is missing comes back in two to
    -- four weeks.
    instruct = { "1d", "2d" },
    ["return"] = { "14d", "28d" },
  },
  -- Who may do what. Operational work (tools, 24/7 preservation, searches,
  -- arrests) is the police units'; the investigator opens the case and
  -- sends requests, and instructs the police for the rest.
  powers = {
    cybercrime = { "operate", "investigate" },
    customs = { "operate", "investigate" },
    economic = { "operate", "investigate" },
    investigative = { "investigate", "open_case" },
    prosecutor = { "prosecute" },
  },
}

-- Blocking instead of takedown (Federal Law 187-FZ, in force 1 August 2013):
-- the Moscow City Court's interim measures, then the communications
-- regulator has access blocked by the country's ISPs. Each address needs
-- its own hashed capture. From 1 October 2017 a mirror of a blocked site is
-- blocked without a new court case. Blocking is not a takedown: the site
-- stays up abroad and the operators open mirrors.
add_instrument {
  id = "interim", jurisdiction = "ru", since = "2013-08-01",
  name = { en = "interim measures of the Moscow City Court", ru = "обеспечительные меры Мосгорсуда" },
  target = "domain", needs = { "captured" }, delay = { "1d", "3d" },
}
add_instrument {
  id = "block", jurisdiction = "ru", since = "2013-08-01",
  name = { en = "blocking of access by the communications regulator", ru = "блокировка доступа Роскомнадзором" },
  target = "domain", needs = { "captured", "granted interim" }, delay = { "3d", "6d" }, effect = "block",
}
add_instrument {
  id = "mirror-block", jurisdiction = "ru", since = "2017-10-01",
  name = { en = "blocking of a mirror of a blocked site, without a new court case", ru = "внесудебная блокировка зеркала заблокированного сайта" },
  target = "domain", needs = { "captured", "mirror" }, delay = { "1d", "2d" }, effect = "block",
}
