-- Rule pack: Russian Federation (law as data, shared by scenarios).
-- Facts from the domain brief: Department K investigates but cannot open a
-- criminal case or prosecute; the Investigative Department opens the case;
-- a copyright case is serious from 250,000 roubles; Russia keeps a 24/7
-- Network contact point but is not a party to the Budapest Convention.
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
  threshold = 250000,
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
  },
  powers = {
    cybercrime = { "investigate" },
    customs = { "investigate" },
    economic = { "investigate" },
    investigative = { "investigate", "open_case" },
    prosecutor = { "prosecute" },
  },
}
