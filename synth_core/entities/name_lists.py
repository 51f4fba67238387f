"""The hand-made word lists that type a name: who is a person (titles, given names, cues around a
name), what is a place, an organisation, an event, a work or a product, and which capitalised words are
never a name alone (nationalities, style adjectives, units). All lowercase; ``synth_core.entities.words``
joins them with the loaded word lists.
"""

# fmt: off
# Hand-packed rows, as in ``synth_core.lexicon``.

from __future__ import annotations

from synth_core.lexicon import words

# Well-known organisations a capitalised single word cannot otherwise be told apart from a concept.
KNOWN_ORGANIZATIONS = words(
    """
google microsoft apple amazon meta facebook netflix ibm intel samsung sony nasa esa cern bbc cnn nfl
nba mlb nhl fifa uefa unesco unicef nato imf opec spacex openai anthropic siemens philips shell
toyota honda bmw volkswagen mercedes disney marvel pixar hbo espn reuters twitter instagram tiktok
youtube spotify uber airbnb oracle adobe cisco ikea nokia ericsson huawei alibaba tencent baidu
"""
)

PERSON_TITLES = words(
    "host chef maestra maestro dr dr. prof prof. professor mr mr. mrs mrs. ms ms. sir dame lord lady president"
    " senator minister chancellor governor mayor ceo founder coach captain judge king queen prince princess pope"
)

GIVEN_NAMES = words(
    """
aaron adam adrian ahmed aisha alan albert alex alexander alice alicia amanda amy ana andrea andrew angela
anna anne anthony antonio arjun ben benjamin beth bill bob brad brian bruce carl carlos carol caroline
catherine charles charlie chen chris christian christina christopher claire daniel dan dave david
deborah dennis diana diego donald douglas ed edward elena elizabeth ellen emily emma eric erik eva
fatima felix fernando frank fred gabriel gary george grace greg hannah hans harry helen henry hiroshi
ian isabel jack jacob james jan jane jason javier jean jeff jennifer jessica jim joan joe john jon
jonathan jorge jose joseph josh juan julia julie justin karen kate katherine kevin kim laura lars
lauren lee leo li lin linda lisa lucas lucy luis maria mark martin mary matt matthew max mei michael
michelle mike mohammed muhammad nancy natalie nathan nicholas nicole nina noah oliver olivia omar pablo
patrick paul peter philip priya rachel rahul raj rebecca richard rob robert ryan sam samuel sandra
sarah sean simon sofia sophie stephen steve steven susan taylor thomas tim tom tyler victor victoria
walter wei william yuki zhang
adaeze aditya akira alejandro alistair amara ananya andrei anika antoine ayesha bilal camille carmen
chidi chloe clara dmitri elif elise emeka erin farah femke francesca gabriela giulia hamid hana hugo
ibrahim ingrid irene isabella ivan jamal javier jin joon julien kai kenji kwame lars layla lena leila
lucia luca magnus malik mariana margot marco marcus mateo mehmet mia mina moana nadia naledi nikhil
nils noor olga oscar pedro pieter priyanka ravi rosa rui sabine sakura santiago sanjay sara sebastian
sergei shira sipho sofia soren sung-min tariq tomas tomoko usha valentina vikram wanjiru xavier yara
yelena yusuf zainab zara zoe ritu diego hannah amelia
"""
)

_SINGLE_WORD_PLACES = """
afghanistan africa albania algeria amsterdam antarctica antwerp argentina arizona asia athens atlanta
australia austin austria bangkok bangladesh barcelona bavaria beijing belgium berlin bolivia boston brazil
brooklyn brussels budapest cairo california canada catalonia chicago chile china colombia copenhagen
croatia cuba czechia delhi denmark dubai dublin edinburgh egypt eindhoven england ethiopia europe
finland florence florida france geneva germany ghana glasgow greece hamburg helsinki hollywood hungary
iceland india indonesia iran iraq ireland israel istanbul italy jakarta japan jordan kenya krakow kyoto
lagos lima lisbon london lyon madrid malaysia manchester manhattan marseille melbourne mexico miami
milan montreal morocco moscow mumbai munich nairobi naples nepal netherlands nigeria norway ohio oslo
pakistan paris peru philippines poland porto portugal prague provence qatar rome rotterdam russia
santiago scandinavia scotland seattle seoul seville shanghai singapore spain stockholm switzerland
sydney taiwan texas thailand tokyo toronto turkey tuscany uganda ukraine utrecht valencia vancouver
venice vienna vietnam wales warsaw zurich alps andes himalayas sahara mediterranean atlantic pacific
arctic balkans baku dortmund monza oregon eugene hsinchu kigali pune havana azores suzuka silverstone
monaco bordeaux lagos accra dakar casablanca tunis marrakech lima bogota quito caracas montevideo
denver dallas houston boston detroit portland phoenix nashville toronto ottawa calgary quebec
osaka nagoya sapporo busan taipei hanoi manila kathmandu karachi lahore dhaka chennai bangalore
kolkata hyderabad riyadh doha tehran baghdad jerusalem beirut ankara athens sofia bucharest belgrade
zagreb ljubljana bratislava vilnius riga tallinn reykjavik bergen gothenburg malmo aarhus basel bern
lausanne turin bologna genoa palermo granada bilbao seville cork galway belfast cardiff bristol
leeds liverpool oxford cambridge york waterloo
"""

PLACES = words(_SINGLE_WORD_PLACES) | frozenset(
    {
        "buenos aires", "cape town", "hong kong", "las vegas", "los angeles", "new york", "new zealand",
        "rio de janeiro", "san francisco", "sao paulo", "south africa", "the hague", "united kingdom",
        "united states", "middle east", "latin america", "north america", "south america", "southeast asia",
        "silicon valley", "sri lanka", "new delhi", "abu dhabi", "st. petersburg", "saint petersburg",
        "north sea", "new york city", "washington dc", "amazon basin", "european union", "washington",
    }
)

PLACE_SUFFIXES = words(
    "city river lake mountains mountain island islands valley bay park street square province county "
    "region coast harbour harbor port peninsula desert canal district state airport station bridge "
    "crater mons glacier icefall falls canyon volcano reef forest sea ocean gulf strait cape firth fjord"
)

PLACE_CUES = words("in near from across around outside visiting")
SENT_FROM_NOUNS = words(
    "support funding grant grants statement statements analysts colleagues researchers scientists engineers "
    "experts team teams staff spokesperson representatives officials data help partners"
)
"""Nouns that what comes "from" a name is sent by someone, not from somewhere: "support from X", "a
statement from X", "analysts from X" name an organisation; "coffee from X" may be a place."""

# Words around a name that say it is a person's: "interviewed by X", "X says".
PERSON_CUES_BEFORE = words("by featuring feat ft host guest interviews interviewed")
PERSON_CUES_AFTER = words(
    "says said explains explained interviews interviewed told tells argues argued notes noted writes wrote"
    " joins joined presents presented hosts hosted recalls recalled adds added talks describes described"
    " lectures speaks discusses demonstrates teaches leads visits walks"
)

ORG_SUFFIXES = words(
    """
inc inc. ltd ltd. llc corp corp. corporation co co. company gmbh plc ag sa bv university institute
agency commission foundation council ministry bank group labs lab laboratory association society
department authority party network studios studio records news times press club fc federation
union committee organization organisation office board center centre school college academy assembly
parliament senate court
hospital museum library team alliance partners ventures capital holdings technologies systems
"""
)

ORG_HEADS = words("university institute bank ministry department museum school college academy")

EVENT_WORDS = words(
    """
prix cup summit conference olympics olympic festival final finals championship championships expo
games marathon awards award week fair congress symposium workshop hackathon tournament derby
world series grand slam open concert tour convention forum biennale gala
"""
)

KNOWN_EVENTS = words(
    "olympics paralympics eurovision wimbledon oscars grammys emmys coachella glastonbury comic-con ces"
    " superbowl worldcup wwdc"
)

TECH_TERMS = words(
    """
kubernetes docker python java javascript typescript rust golang c++ c# ruby php swift kotlin scala
haskell linux windows macos ios android unix ubuntu debian pytorch tensorflow keras jax numpy pandas
scikit-learn sklearn react angular vue node.js django flask fastapi postgres postgresql
mysql sqlite mongodb redis kafka spark hadoop airflow terraform ansible aws azure gcp gpu cpu tpu api
apis sql nosql html css json xml http https tcp ip dns vpn ssh git github gitlab bitcoin ethereum
blockchain chatgpt gpt llm llms ai ml nlp bert transformer transformers lidar 5g wifi bluetooth usb
arduino nvidia cuda opencv vespa elasticsearch graphql webassembly wasm excel photoshop
figma unreal blender matlab latex iphone ipad macbook playstation xbox nintendo tesla
"""
)

ACRONYM_PLACES = frozenset({"usa", "uk", "us", "uae", "eu", "nyc", "la", "dc"})

# -- entity typing from evidence (issue 11) ------------------------------------------------------
# Added after the lists above (append only). Each list names one kind of evidence that
# ``synth_core.entities`` records beside the type it supports.

# Named software and hardware (a PRODUCT); the rest of TECH_TERMS are techniques and standards (CONCEPT).
TECH_CONCEPTS = words(
    """
ai ml nlp llm llms api apis sql nosql html css json xml http https tcp ip dns vpn ssh gpu cpu tpu
blockchain lidar 5g wifi bluetooth usb transformer transformers bitcoin ethereum gpt webassembly wasm
"""
)
PRODUCT_TERMS = TECH_TERMS - TECH_CONCEPTS

# Single words that are places whatever their context: countries, states and regions, cities, planets.
MORE_PLACES = words(
    """
andorra angola armenia azerbaijan bahamas bahrain barbados belarus belize benin bhutan bosnia botswana
brunei bulgaria burundi cambodia cameroon comoros congo djibouti dominica ecuador eritrea estonia
eswatini fiji gabon gambia georgia grenada guatemala guinea guyana haiti honduras jamaica kazakhstan
kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
luxembourg madagascar malawi maldives mali malta mauritania mauritius micronesia moldova mongolia
montenegro mozambique myanmar namibia nauru nicaragua niger oman palau palestine panama paraguay
romania rwanda samoa senegal serbia seychelles slovakia slovenia somalia sudan suriname syria
tajikistan tanzania togo tonga tunisia turkmenistan tuvalu uruguay uzbekistan vanuatu venezuela yemen
zambia zimbabwe cyprus greenland
alabama alaska arkansas colorado connecticut delaware hawaii idaho illinois indiana iowa kansas
kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
nebraska nevada oklahoma pennsylvania tennessee utah vermont virginia wisconsin wyoming
ontario alberta manitoba saskatchewan nunavut yukon queensland tasmania
yorkshire cornwall devon essex sussex surrey lancashire cumbria normandy brittany alsace
andalusia lombardy sicily sardinia bavaria saxony flanders wallonia siberia patagonia kashmir punjab
bengal tibet hokkaido kyushu okinawa bali java sumatra borneo mallorca majorca ibiza crete galapagos galápagos
philadelphia pittsburgh baltimore cleveland cincinnati milwaukee minneapolis orlando tampa sacramento
honolulu anchorage raleigh memphis louisville indianapolis kansas omaha tucson
albuquerque berkeley oakland brooklyn harlem queens malibu yosemite brisbane perth adelaide auckland
wellington christchurch winnipeg edmonton halifax marrakesh johannesburg durban addis ababa mombasa
kampala kinshasa luanda harare lusaka antananarivo khartoum tripoli algiers rabat tangier
shenzhen guangzhou chengdu wuhan hangzhou nanjing xian kowloon macau seoul incheon kobe yokohama
hiroshima nagasaki nara fukuoka sendai kuala lumpur phnom penh yangon colombo goa kerala mysore
jaipur agra varanasi amritsar lucknow kabul islamabad tashkent almaty tbilisi yerevan odessa kyiv kiev
minsk gdansk wroclaw poznan brno salzburg innsbruck graz lucerne cannes toulouse strasbourg
lille nantes montpellier grenoble ghent bruges leuven maastricht delft groningen haarlem leiden
nijmegen tilburg hague stuttgart cologne frankfurt dusseldorf leipzig dresden nuremberg bremen
hanover heidelberg freiburg verona pisa siena padua trieste valletta dubrovnik mostar sarajevo
skopje tirana chisinau thessaloniki santorini mykonos rhodes izmir antalya bursa tallin
wembley anfield camden soho shoreditch kensington westminster greenwich
mars venus jupiter saturn neptune uranus pluto europa ganymede callisto enceladus
"""
)

# Multiword places (lower case, matched as a whole span).
MORE_MULTIWORD_PLACES = frozenset(
    {
        "new orleans", "new jersey", "new mexico", "new hampshire", "new england", "new haven",
        "new south wales", "north carolina", "south carolina", "north dakota", "south dakota",
        "west virginia", "rhode island", "costa rica", "el salvador", "puerto rico", "saudi arabia",
        "south korea", "north korea", "united arab emirates", "czech republic", "dominican republic",
        "ivory coast", "sierra leone", "papua new guinea", "east timor", "san diego", "san jose",
        "san antonio", "santa fe", "santa monica", "santa barbara", "salt lake city", "st. louis",
        "kuala lumpur", "ho chi minh city", "tel aviv", "addis ababa", "mexico city", "panama city",
        "british columbia", "nova scotia", "northern ireland", "great britain", "mauna kea",
        "atacama desert", "death valley", "grand canyon", "mont blanc", "lake district", "the alps",
        "phnom penh", "the netherlands", "outer space", "low earth orbit",
    }
)

# First words of a place name ("Mount Everest", "Lake Tahoe", "Isle of Skye").
PLACE_PREFIXES = words(
    "mount mt lake isle isla cape fort port gulf bay strait sierra monte lago rio river rue avenida calle piazza"
    " stade estadio stadio palais palazzo palacio chateau château castello parc parque"
)
# Titles before a name besides PERSON_TITLES ("Ambassador Farida Nasser").
MORE_PERSON_TITLES = words("ambassador general colonel lieutenant sergeant rev reverend father rabbi imam sheikh dean")

# Last words of an organisation's name besides ORG_SUFFIXES ("Boston Dynamics", "Uffizi Galleries").
MORE_ORG_SUFFIXES = words(
    """
racing dynamics galleries gallery pictures airlines airways motors pharmaceuticals
therapeutics robotics industries enterprises solutions brewery bakery boulangerie restaurant cafe
hotel orchestra philharmonic choir band ensemble fund trust bureau service services police army navy bros
reserve administration observatory architects consulting advisors publishing broadcasting
logistics health shipping analytics biotech biosciences aerospace semiconductors
"""
)

# Well-known organisations, single words or acronyms, besides KNOWN_ORGANIZATIONS.
MORE_KNOWN_ORGANIZATIONS = words(
    """
smithsonian barclays europol interpol mtv nbc abc cbs pbs npr fox hulu vevo buzzfeed vox refinery29
wwf who unesco oecd wto un nato eu-osha fbi cia nsa nhs cdc fda epa nih nsf ecb fed ieee acm mit
ucla nyu caltech stanford harvard yale princeton atp wta fia uci ioc nasa jaxa isro
ferrari mclaren porsche audi nike adidas lego walmart costco starbucks mcdonalds cocacola
pepsi nestle unilever pfizer moderna astrazeneca novartis bosch lufthansa airbus boeing
ryanair easyjet emirates maersk fedex ups dhl at&t verizon comcast nvidia amd qualcomm tsmc
paypal stripe shopify salesforce ibm dell hp lenovo xiaomi oppo vivo louvre uffizi tate moma
"""
)

# Single words and acronyms that are techniques, diseases or fields (CONCEPT) rather than names.
KNOWN_CONCEPT_ACRONYMS = words(
    "dna rna mrna hiv aids ptsd adhd covid gdp lgbt lgbtq nft vr ar iot crispr mri ct ekg ecg pcr qcd qed"
)

# Nationalities and demonyms: adjectives, not entities on their own ("Dutch", "Swedish").
NATIONALITIES = words(
    """
american british english scottish welsh irish french german dutch belgian swiss austrian italian spanish
portuguese greek turkish russian ukrainian polish czech hungarian swedish norwegian danish finnish
icelandic estonian chinese japanese korean indian pakistani thai vietnamese indonesian filipino
australian canadian mexican brazilian argentine argentinian chilean peruvian colombian cuban african
nigerian kenyan egyptian moroccan ethiopian arab arabic persian iranian israeli jewish muslim christian
catholic european asian latin latino hispanic nordic scandinavian balkan caribbean western eastern
"""
)

# Last words of a work's name ("EU AI Act", "Paris Agreement", "The Tonight Show").
WORK_SUFFIXES = words("act treaty accord agreement declaration constitution directive show podcast album novel")

# First words of an event's name ("Operation Cronos", "Battle of Hastings").
EVENT_PREFIXES = words("operation battle siege war")

# Last words of a named product or instrument ("Spitzer Space Telescope", "Perseverance rover").
PRODUCT_SUFFIXES = words(
    "telescope satellite spacecraft rover probe lander orbiter phone smartphone console laptop processor chip"
)

# Words inside a capitalised run that separate two names ("Macklemore feat Kesha").
NAME_SEPARATORS = words("feat feat. ft ft. featuring vs vs. versus")

# Days that are events ("Christmas", "Diwali") and products a caption names ("Wii", "Kindle").
MORE_KNOWN_EVENTS = words(
    "christmas easter halloween thanksgiving ramadan diwali hanukkah passover eid hogmanay mardi-gras"
    " oktoberfest carnival"
)
MORE_PRODUCTS = words("wii kindle ipod walkman segway polaroid gopro roomba playstation gameboy")
# Street words that end a place's name ("Sunset Blvd", "Abbey Road").
MORE_PLACE_SUFFIXES = words("blvd boulevard avenue ave road rd lane way plaza quay pier wharf")
LANDMARK_SUFFIXES = words(
    "wall stadium arena tower palace cathedral chapel basilica monument fortress citadel dam lighthouse"
)
"""Last words of a landmark's or a building's capitalised name ("Hadrian's Wall", "Wembley Stadium",
"Eiffel Tower", "Sistine Chapel"): a place, not a concept. Not of a lower-case phrase: a "domain wall"
(DW) is physics."""
# Period and style adjectives: no names alone ("Victorian", "Gothic").
STYLE_ADJECTIVES = words("victorian edwardian georgian gothic baroque medieval ancient roman byzantine")

# Events whose words are all common ("World Cup", "Super Bowl"): known as a whole.
MULTIWORD_EVENTS = frozenset(
    {
        "world cup", "world series", "super bowl", "grand slam", "world war", "world war i", "world war ii",
        "champions league", "premier league", "new year", "new year's eve", "black friday",
        "cyber monday", "mother's day", "father's day", "valentine's day", "independence day", "labor day",
        "earth day", "big bang", "cold war", "great depression", "industrial revolution", "french revolution",
        "roland garros", "us open", "australian open", "tour de france", "ryder cup", "stanley cup",
    }
)

# Units of measurement that look like names ("MeV", "GHz"): never entities.
UNITS = words("ev kev mev gev tev hz khz mhz ghz thz db dbm kb mb gb tb kbps mbps gbps mah kwh mw gw")
