-- Rule pack: Finland.
add_jurisdiction {
  id = "fi",
  name = { en = "Finland", ru = "Финляндия" },
  currency = "EUR",
  budapest = true,
  network_247 = true,
  mlat_with = { "ru", "nl", "ua", "us", "ee" },
  retention = "365d",
  preserve_for = "90d",
  preserve_renewals = 1,
  holds_for_mlat = true,
  warrant_valid = "30d",
  delays = {
    preserve = { "4h", "24h" },
    mlat = { "45d", "90d" },
  },
  powers = {
    police = { "investigate", "open_case" },
    prosecutor = { "prosecute" },
  },
}
