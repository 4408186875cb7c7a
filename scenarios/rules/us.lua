-- Rule pack: the United States.
-- A preservation request (18 U.S.C. 2703(f)) holds data for 90 days and can
-- be renewed once for another 90; an MLAT request does not extend it.
add_jurisdiction {
  id = "us",
  name = { en = "the United States", ru = "США" },
  currency = "USD",
  budapest = true,
  network_247 = true,
  mlat_with = { "ru", "nl", "ua", "fi", "ee" },
  retention = "365d",
  preserve_for = "90d",
  preserve_renewals = 1,
  warrant_valid = "14d",
  delays = {
    preserve = { "2h", "12h" },
    mlat = { "90d", "160d" },
    ask = { "1d", "3d" },
  },
  powers = {
    police = { "investigate" },
    prosecutor = { "open_case", "prosecute" },
  },
}
