-- Rule pack: Ukraine.
add_jurisdiction {
  id = "ua",
  name = { en = "Ukraine", ru = "Украина" },
  currency = "UAH",
  budapest = true,
  network_247 = true,
  mlat_with = { "ru", "nl", "us", "fi", "ee" },
  retention = "365d",
  preserve_for = "90d",
  warrant_valid = "30d",
  delays = {
    preserve = { "8h", "48h" },
    mlat = { "75d", "140d" },
    ask = { "2d", "4d" },
  },
  powers = {
    cybercrime = { "investigate" },
    investigative = { "investigate", "open_case" },
    prosecutor = { "prosecute" },
  },
}
