package main

// entry is a country's code and English short name in the data file.
type entry struct{ code, name string }

// numericCodes maps the ISO 3166-1 numeric ids that world-atlas 2.0.2's
// countries-50m.json uses to lower-case ISO 3166-1 alpha-2 codes and English
// short names. It lists every id in that file and no other; a comment gives
// world-atlas's own name where the short name differs. Id 036 is also
// Ashmore and Cartier Islands, which thus joins Australia.
func numericCodes() map[string]entry {
	return map[string]entry{
		"004": {"af", "Afghanistan"},
		"008": {"al", "Albania"},
		"010": {"aq", "Antarctica"},
		"012": {"dz", "Algeria"},
		"016": {"as", "American Samoa"},
		"020": {"ad", "Andorra"},
		"024": {"ao", "Angola"},
		"028": {"ag", "Antigua and Barbuda"}, // Antigua and Barb.
		"031": {"az", "Azerbaijan"},
		"032": {"ar", "Argentina"},
		"036": {"au", "Australia"},
		"040": {"at", "Austria"},
		"044": {"bs", "Bahamas"},
		"048": {"bh", "Bahrain"},
		"050": {"bd", "Bangladesh"},
		"051": {"am", "Armenia"},
		"052": {"bb", "Barbados"},
		"056": {"be", "Belgium"},
		"060": {"bm", "Bermuda"},
		"064": {"bt", "Bhutan"},
		"068": {"bo", "Bolivia"},
		"070": {"ba", "Bosnia and Herzegovina"}, // Bosnia and Herz.
		"072": {"bw", "Botswana"},
		"076": {"br", "Brazil"},
		"084": {"bz", "Belize"},
		"086": {"io", "British Indian Ocean Territory"}, // Br. Indian Ocean Ter.
		"090": {"sb", "Solomon Islands"},                // Solomon Is.
		"092": {"vg", "British Virgin Islands"},         // British Virgin Is.
		"096": {"bn", "Brunei"},
		"100": {"bg", "Bulgaria"},
		"104": {"mm", "Myanmar"},
		"108": {"bi", "Burundi"},
		"112": {"by", "Belarus"},
		"116": {"kh", "Cambodia"},
		"120": {"cm", "Cameroon"},
		"124": {"ca", "Canada"},
		"132": {"cv", "Cabo Verde"},
		"136": {"ky", "Cayman Islands"},           // Cayman Is.
		"140": {"cf", "Central African Republic"}, // Central African Rep.
		"144": {"lk", "Sri Lanka"},
		"148": {"td", "Chad"},
		"152": {"cl", "Chile"},
		"156": {"cn", "China"},
		"158": {"tw", "Taiwan"},
		"170": {"co", "Colombia"},
		"174": {"km", "Comoros"},
		"178": {"cg", "Congo"},
		"180": {"cd", "DR Congo"},     // Dem. Rep. Congo
		"184": {"ck", "Cook Islands"}, // Cook Is.
		"188": {"cr", "Costa Rica"},
		"191": {"hr", "Croatia"},
		"192": {"cu", "Cuba"},
		"196": {"cy", "Cyprus"},
		"203": {"cz", "Czechia"},
		"204": {"bj", "Benin"},
		"208": {"dk", "Denmark"},
		"212": {"dm", "Dominica"},
		"214": {"do", "Dominican Republic"}, // Dominican Rep.
		"218": {"ec", "Ecuador"},
		"222": {"sv", "El Salvador"},
		"226": {"gq", "Equatorial Guinea"}, // Eq. Guinea
		"231": {"et", "Ethiopia"},
		"232": {"er", "Eritrea"},
		"233": {"ee", "Estonia"},
		"234": {"fo", "Faroe Islands"},                                // Faeroe Is.
		"238": {"fk", "Falkland Islands"},                             // Falkland Is.
		"239": {"gs", "South Georgia and the South Sandwich Islands"}, // S. Geo. and the Is.
		"242": {"fj", "Fiji"},
		"246": {"fi", "Finland"},
		"248": {"ax", "Åland Islands"}, // Åland
		"250": {"fr", "France"},
		"258": {"pf", "French Polynesia"},            // Fr. Polynesia
		"260": {"tf", "French Southern Territories"}, // Fr. S. Antarctic Lands
		"262": {"dj", "Djibouti"},
		"266": {"ga", "Gabon"},
		"268": {"ge", "Georgia"},
		"270": {"gm", "Gambia"},
		"275": {"ps", "Palestine"},
		"276": {"de", "Germany"},
		"288": {"gh", "Ghana"},
		"296": {"ki", "Kiribati"},
		"300": {"gr", "Greece"},
		"304": {"gl", "Greenland"},
		"308": {"gd", "Grenada"},
		"316": {"gu", "Guam"},
		"320": {"gt", "Guatemala"},
		"324": {"gn", "Guinea"},
		"328": {"gy", "Guyana"},
		"332": {"ht", "Haiti"},
		"334": {"hm", "Heard Island and McDonald Islands"}, // Heard I. and McDonald Is.
		"336": {"va", "Vatican City"},                      // Vatican
		"340": {"hn", "Honduras"},
		"344": {"hk", "Hong Kong"},
		"348": {"hu", "Hungary"},
		"352": {"is", "Iceland"},
		"356": {"in", "India"},
		"360": {"id", "Indonesia"},
		"364": {"ir", "Iran"},
		"368": {"iq", "Iraq"},
		"372": {"ie", "Ireland"},
		"376": {"il", "Israel"},
		"380": {"it", "Italy"},
		"384": {"ci", "Côte d'Ivoire"},
		"388": {"jm", "Jamaica"},
		"392": {"jp", "Japan"},
		"398": {"kz", "Kazakhstan"},
		"400": {"jo", "Jordan"},
		"404": {"ke", "Kenya"},
		"408": {"kp", "North Korea"},
		"410": {"kr", "South Korea"},
		"414": {"kw", "Kuwait"},
		"417": {"kg", "Kyrgyzstan"},
		"418": {"la", "Laos"},
		"422": {"lb", "Lebanon"},
		"426": {"ls", "Lesotho"},
		"428": {"lv", "Latvia"},
		"430": {"lr", "Liberia"},
		"434": {"ly", "Libya"},
		"438": {"li", "Liechtenstein"},
		"440": {"lt", "Lithuania"},
		"442": {"lu", "Luxembourg"},
		"446": {"mo", "Macao"},
		"450": {"mg", "Madagascar"},
		"454": {"mw", "Malawi"},
		"458": {"my", "Malaysia"},
		"462": {"mv", "Maldives"},
		"466": {"ml", "Mali"},
		"470": {"mt", "Malta"},
		"478": {"mr", "Mauritania"},
		"480": {"mu", "Mauritius"},
		"484": {"mx", "Mexico"},
		"492": {"mc", "Monaco"},
		"496": {"mn", "Mongolia"},
		"498": {"md", "Moldova"},
		"499": {"me", "Montenegro"},
		"500": {"ms", "Montserrat"},
		"504": {"ma", "Morocco"},
		"508": {"mz", "Mozambique"},
		"512": {"om", "Oman"},
		"516": {"na", "Namibia"},
		"520": {"nr", "Nauru"},
		"524": {"np", "Nepal"},
		"528": {"nl", "Netherlands"},
		"531": {"cw", "Curaçao"},
		"533": {"aw", "Aruba"},
		"534": {"sx", "Sint Maarten"},
		"540": {"nc", "New Caledonia"},
		"548": {"vu", "Vanuatu"},
		"554": {"nz", "New Zealand"},
		"558": {"ni", "Nicaragua"},
		"562": {"ne", "Niger"},
		"566": {"ng", "Nigeria"},
		"570": {"nu", "Niue"},
		"574": {"nf", "Norfolk Island"},
		"578": {"no", "Norway"},
		"580": {"mp", "Northern Mariana Islands"}, // N. Mariana Is.
		"583": {"fm", "Micronesia"},
		"584": {"mh", "Marshall Islands"}, // Marshall Is.
		"585": {"pw", "Palau"},
		"586": {"pk", "Pakistan"},
		"591": {"pa", "Panama"},
		"598": {"pg", "Papua New Guinea"},
		"600": {"py", "Paraguay"},
		"604": {"pe", "Peru"},
		"608": {"ph", "Philippines"},
		"612": {"pn", "Pitcairn Islands"}, // Pitcairn Is.
		"616": {"pl", "Poland"},
		"620": {"pt", "Portugal"},
		"624": {"gw", "Guinea-Bissau"},
		"626": {"tl", "Timor-Leste"},
		"630": {"pr", "Puerto Rico"},
		"634": {"qa", "Qatar"},
		"642": {"ro", "Romania"},
		"643": {"ru", "Russia"},
		"646": {"rw", "Rwanda"},
		"652": {"bl", "Saint Barthélemy"}, // St-Barthélemy
		"654": {"sh", "Saint Helena"},
		"659": {"kn", "Saint Kitts and Nevis"}, // St. Kitts and Nevis
		"660": {"ai", "Anguilla"},
		"662": {"lc", "Saint Lucia"},
		"663": {"mf", "Saint Martin"},                     // St-Martin
		"666": {"pm", "Saint Pierre and Miquelon"},        // St. Pierre and Miquelon
		"670": {"vc", "Saint Vincent and the Grenadines"}, // St. Vin. and Gren.
		"674": {"sm", "San Marino"},
		"678": {"st", "São Tomé and Príncipe"}, // São Tomé and Principe
		"682": {"sa", "Saudi Arabia"},
		"686": {"sn", "Senegal"},
		"688": {"rs", "Serbia"},
		"690": {"sc", "Seychelles"},
		"694": {"sl", "Sierra Leone"},
		"702": {"sg", "Singapore"},
		"703": {"sk", "Slovakia"},
		"704": {"vn", "Vietnam"},
		"705": {"si", "Slovenia"},
		"706": {"so", "Somalia"},
		"710": {"za", "South Africa"},
		"716": {"zw", "Zimbabwe"},
		"724": {"es", "Spain"},
		"728": {"ss", "South Sudan"}, // S. Sudan
		"729": {"sd", "Sudan"},
		"732": {"eh", "Western Sahara"}, // W. Sahara
		"740": {"sr", "Suriname"},
		"748": {"sz", "Eswatini"}, // eSwatini
		"752": {"se", "Sweden"},
		"756": {"ch", "Switzerland"},
		"760": {"sy", "Syria"},
		"762": {"tj", "Tajikistan"},
		"764": {"th", "Thailand"},
		"768": {"tg", "Togo"},
		"776": {"to", "Tonga"},
		"780": {"tt", "Trinidad and Tobago"},
		"784": {"ae", "United Arab Emirates"},
		"788": {"tn", "Tunisia"},
		"792": {"tr", "Türkiye"}, // Turkey
		"795": {"tm", "Turkmenistan"},
		"796": {"tc", "Turks and Caicos Islands"}, // Turks and Caicos Is.
		"800": {"ug", "Uganda"},
		"804": {"ua", "Ukraine"},
		"807": {"mk", "North Macedonia"}, // Macedonia
		"818": {"eg", "Egypt"},
		"826": {"gb", "United Kingdom"},
		"831": {"gg", "Guernsey"},
		"832": {"je", "Jersey"},
		"833": {"im", "Isle of Man"},
		"834": {"tz", "Tanzania"},
		"840": {"us", "United States"},       // United States of America
		"850": {"vi", "U.S. Virgin Islands"}, // U.S. Virgin Is.
		"854": {"bf", "Burkina Faso"},
		"858": {"uy", "Uruguay"},
		"860": {"uz", "Uzbekistan"},
		"862": {"ve", "Venezuela"},
		"876": {"wf", "Wallis and Futuna"}, // Wallis and Futuna Is.
		"882": {"ws", "Samoa"},
		"887": {"ye", "Yemen"},
		"894": {"zm", "Zambia"},
	}
}

// unnumberedCodes maps the names of world-atlas features that have no
// numeric id to codes from ISO 3166-1's user-assigned range (XA-XZ). "Indian
// Ocean Ter." is not here: the converter splits it into "cx" and "cc".
func unnumberedCodes() map[string]entry {
	return map[string]entry{
		"Kosovo":          {"xk", "Kosovo"}, // the code the European Commission and the IMF use
		"N. Cyprus":       {"xc", "Northern Cyprus"},
		"Somaliland":      {"xs", "Somaliland"},
		"Siachen Glacier": {"xg", "Siachen Glacier"},
	}
}
