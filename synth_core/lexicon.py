"""Word lists behind the rule-based pattern extraction (``synth_core.patterns``).

Small on purpose: they steer the rules (what is a stopword, which capitalised words are generic,
which names hint at a person, a place, a technology), they are not a knowledge base. All lowercase.
"""

from __future__ import annotations

STOPWORDS = frozenset(
    """
a about above across after afterwards again against all almost alone along already also although always
am among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be
became because become becomes becoming been before beforehand behind being below beside besides between
beyond both but by can cannot could did do does doing done down due during each either else elsewhere
enough etc even ever every everyone everything everywhere except few first for former formerly from
further get gets getting give given go goes going gone got had has have having he hence her here
hereafter hereby herein hers herself him himself his how however i ie if in indeed instead into is it
its itself just keep last latter least less let like likely made make makes many may me meanwhile might
mine more moreover most mostly much must my myself namely neither never nevertheless next no nobody
none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our
ours ourselves out over own per perhaps please quite rather re really same see seem seemed seeming seems
several she should since so some somehow someone something sometime sometimes somewhere still such than
that the their theirs them themselves then thence there thereafter thereby therefore therein thereupon
these they this those though through throughout thru thus to together too toward towards under unless
until up upon us use used uses using very via was we well were what whatever when whence whenever where
whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole
whom whose why will with within without would yet you your yours yourself yourselves s t don didn doesn
isn wasn aren won can't don't i'm it's that's there's we're you're they're let's i've i'd we've via vs
new also us one two three four five six seven eight nine ten many much way ways lot lots thing things
around across eg e.g i.e et al
""".split()
)

# Words that mark a text's structure or are too generic to be a topic or an entity on their own.
GENERIC_WORDS = frozenset(
    """
channel category tags tag aspects aspect caption captions clip clips music video videos official full
part episode new live best top world day days week weeks year years time times today tonight people
home life love good great little big real first last next original version edition series season
trailer teaser remix cover lyrics audio hd hq diy faq tv ft feat vs vlog vlogs reaction update news
show shows intro introduction chapter section figure table abstract paper results result method methods
approach study studies data model models system systems case based using show use new one two
free sale how what why when where who which this that these those our your my his her their its there
here we you they it he she i mr mrs ms dr prof sir
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december spring summer autumn fall winter morning evening night
north south east west northern southern eastern western central
general special final welcome thanks thank please note yes no okay ok hello hi hey
""".split()
)

PERSON_TITLES = frozenset(
    "dr dr. prof prof. professor mr mr. mrs mrs. ms ms. sir dame lord lady president senator minister "
    "chancellor governor mayor ceo founder coach captain judge king queen prince princess pope".split()
)

GIVEN_NAMES = frozenset(
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
""".split()
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
arctic balkans
"""

PLACES = frozenset(_SINGLE_WORD_PLACES.split()) | frozenset(
    {
        "buenos aires", "cape town", "hong kong", "las vegas", "los angeles", "new york", "new zealand",
        "rio de janeiro", "san francisco", "sao paulo", "south africa", "the hague", "united kingdom",
        "united states", "middle east", "latin america", "north america", "south america", "southeast asia",
        "silicon valley", "sri lanka", "new delhi", "abu dhabi", "st. petersburg", "saint petersburg",
        "north sea", "new york city", "washington dc", "amazon basin", "european union", "washington",
    }
)

PLACE_SUFFIXES = frozenset(
    "city river lake mountains mountain island islands valley bay park street square province county "
    "region coast harbour harbor port peninsula desert canal district state airport station bridge".split()
)

PLACE_CUES = frozenset("in near at from across around outside inside to visiting".split())

ORG_SUFFIXES = frozenset(
    """
inc inc. ltd ltd. llc corp corp. corporation co co. company gmbh plc ag sa bv university institute
agency commission foundation council ministry bank group labs lab laboratory association society
department authority party network studios studio records news times press club fc federation
union committee organization organisation office board center centre school college academy
hospital museum library team alliance partners ventures capital holdings technologies systems
""".split()
)

ORG_HEADS = frozenset("university institute bank ministry department museum school college academy".split())

EVENT_WORDS = frozenset(
    """
prix cup summit conference olympics olympic festival final finals championship championships expo
games marathon awards award week fair congress symposium workshop hackathon tournament derby
world series grand slam open concert tour convention forum biennale gala
""".split()
)

TECH_TERMS = frozenset(
    """
kubernetes docker python java javascript typescript rust golang go c++ c# ruby php swift kotlin scala
haskell linux windows macos ios android unix ubuntu debian pytorch tensorflow keras jax numpy pandas
scikit-learn sklearn react angular vue node node.js django flask fastapi spring postgres postgresql
mysql sqlite mongodb redis kafka spark hadoop airflow terraform ansible aws azure gcp gpu cpu tpu api
apis sql nosql html css json xml http https tcp ip dns vpn ssh git github gitlab bitcoin ethereum
blockchain chatgpt gpt llm llms ai ml nlp bert transformer transformers lidar 5g wifi bluetooth usb
arduino raspberry pi nvidia cuda opencv vespa elasticsearch graphql webassembly wasm excel photoshop
figma unity unreal blender matlab latex iphone ipad macbook playstation xbox nintendo tesla
""".split()
)

ACRONYM_PLACES = frozenset({"usa", "uk", "us", "uae", "eu", "nyc", "la", "dc"})
