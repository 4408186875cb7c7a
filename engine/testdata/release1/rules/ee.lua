-- Rule pack: Estonia.
add_jurisdiction {
  id = "ee",
  name = { en = "Estonia", ru = "Эстония" },
  currency = "EUR",
  budapest = true,
  network_247 = true,
  mlat_with = { "ru", "nl", "ua", "us", "fi" },
  retention = "365d",
  preserve_for = "90d",
  warrant_valid = "30d",
  delays = {
    preserve = { "4h", "24h" },
    mlat = { "40d", "80d" },
  },
  powers = {
    police = { "investigate", "open_case" },
    prosecutor = { "prosecute" },
  },
}
