-- Rule pack: the Netherlands.
add_jurisdiction {
  id = "nl",
  name = { en = "the Netherlands", ru = "Нидерланды" },
  currency = "EUR",
  budapest = true,
  network_247 = true,
  mlat_with = { "ru", "ua", "us", "fi", "ee" },
  retention = "180d",
  preserve_for = "90d",
  warrant_valid = "30d",
  delays = {
    preserve = { "4h", "20h" },
    mlat = { "60d", "110d" },
    takedown = { "1d", "3d" },
    ask = { "1d", "2d" },
    order = { "3d", "7d" },
  },
  powers = {
    police = { "investigate" },
    prosecutor = { "open_case", "prosecute" },
  },
}
