"""Word lists behind the rule-based pattern extraction (``synth_core.patterns``).

Small on purpose: they steer the rules (what is a stopword, which capitalised words are generic,
which words make no topic alone, which phrases cue a content type or a relation), they are not a
knowledge base. All lowercase. The lists that type a name (a person, a place, an organisation, an
event, a technology) are in ``synth_core.entities.name_lists``.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists read better as paragraphs)."""
    return frozenset(text.split())


STOPWORDS = words(
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
compared versus
around across eg e.g i.e et al
"""
)

# Words that mark a text's structure or are too generic to be a topic or an entity on their own.
GENERIC_WORDS = words(
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
lecture radio film interview notes guide cut extended scanned podcast documentary review tutorial overview
handbook manual datasheet whitepaper slides deck report transcript briefing explainer understanding
discover inside chasing thinking
"""
)

# Verbs and fillers of abstracts and descriptions that make poor topics ("we report", "results show").
TOPIC_NOISE = words(
    """
report reports reported present presents presented propose proposes proposed show shown showing find
found obtain obtained study studied investigate investigated consider considered discuss discussed
derive derived describe described demonstrate demonstrated provide provided include includes including
allow allows allowed leads lead based various different several within also paper article work
contains features playing played heard hear sounds sound sounding recorded recording quality
near says said told drew made took gave went came saw began held brought met led left kept wrote spoke
sold bought explains explained takes gets makes adds looks feels becomes like really get got want
alongside actually usually ep transcript plus probably outside inside argues argue built meets tends
clears turned turns look start starts stand stands right closer links watches gets putting getting
making taking coming going doing says seen known called named set sets way kind lot bit part parts
already still even ever often really quite rather perhaps maybe yes let lets
handles talks discusses covers describes compares includes helps brings offers provides presents goes
comes walks shares reveals explores examines highlights tries gives keeps starts tells asks answers
creates builds runs says shows lets seems appears remains stands sits lies
know knows knew need needs wanted consists consisting happens performs holds put puts trying prove proves
joins demonstrates demonstrate enhance enhances turn grills pays worth fed rode
"""
)

# Adjectives: a poor topic alone ("massive", "catchy") and no end for a phrase ("mellow soft"). Music
# genres that double as adjectives ("classical", "electronic", "ambient") are left out on purpose.
ADJECTIVES = words(
    """
low high male female small large big little white black red blue green yellow orange brown pink purple
gray grey young old slow fast soft loud medium open closed empty full several various different many
late early long short wide tall other another same single double multiple main next front
noisy amateur funny close passionate wooden punchy emotional energetic groovy ready happy magnetic simple
calming poor traditional uptempo finite complex intense beautiful relaxing optical hot fun sad grassy
romantic giant local upbeat vintage hard random standard higher lower brief mellow possible snowy strong
linear critical cute cinematic massive lively sunny clean wild cheap pretty raw powerful classic colorful
colourful thin suspenseful soothing nonlinear perfect weird dramatic better worse molecular relativistic
dynamical dimensional numerical spectral musical public soulful reverberant stable current total nice
rainy wet catchy positive negative everlasting transient coherent faint harsh fancy basic extreme
available tiny huge heavy dark bright clear deep modern recent famous popular important interesting
amazing awesome incredible cool favorite favourite ultimate natural physical digital electric quick easy
difficult whole entire certain common similar specific particular true false bad major minor effective
efficient significant weak rich busy quiet dry warm cold fresh sweet dirty messy crowded internal
external daily weekly annual lovely scary crazy excited exciting boring serious strange rare permanent
elegant spicy quantum cosmological galactic stellar nuclear atomic thermal topological statistical
theoretical experimental gravitational electromagnetic
"""
)

# Actions of a scene ("a man standing ..."): a poor topic alone and no end for a phrase ("man riding").
ACTION_GERUNDS = words(
    """
sitting standing holding looking walking wearing laying lying riding eating posing parked trying
talking smiling waiting watching leaning carrying grazing flying jumping cutting containing sleeping
resting staring pointing hanging throwing swinging reaching preparing performing featuring doing feeding
offering stealing rusting belonging introducing
"""
)

# Words that make a poor topic on their own but fine inside a phrase ("male vocal", "red bus").
NOT_ALONE = (
    ADJECTIVES
    | ACTION_GERUNDS
    | words(
        """
top side bottom left right contain contains check start background foreground person people man woman
men women group area piece style couple bunch effect effects view line state states structure
properties property phase middle solution solutions problem order number numbers type types pair half
end terms parameters sources source items item point step place rest events event location information
evidence ideas questions question analysis dependence existence past future scale matter change media
hits region form behavior behaviour function functions sample detail details assortment variety kind
amount range level levels stuff minutes hours seconds pages page round spot eat drink sit take help feel
play plays hold ride walk run watch cook kids guy lady
"""
    )
)

# Words ending in "-ly" that are no adverbs ("family", "assembly"): they may be topics.
LY_NOUNS = words(
    "family assembly anomaly butterfly dragonfly firefly monopoly supply multiply grizzly beverly kimberly"
    " shelly reilly o'reilly bradly ally rally jelly belly holly bully italy july lily emily kelly"
)

# Words peeled off the edges of a multiword entity ("Official Trailer 2" -> nothing, "Netflix Series").
EDGE_WORDS = words(
    """
official full trailer teaser episode part hd hq video videos music audio lyrics lyric remix live new
channel category tags clip clips version edition season series ft feat vs the a an lecture ep chapter
volume vol no issue room page section step level round stage transcript slides slide guide notes cut
extended handbook interview radio film explainer briefing review tutorial overview
"""
)

# Cue phrase -> content type (matched as whole words, plural allowed).
CONTENT_TYPE_CUES: dict[str, str] = {
    "tutorial": "tutorial", "how to": "tutorial", "how-to": "tutorial", "step by step": "tutorial",
    "walkthrough": "tutorial", "guide": "guide", "handbook": "guide", "overview": "overview",
    "introduction to": "overview", "intro to": "overview", "interview": "interview", "q&a": "interview",
    "lecture": "lecture", "keynote": "lecture", "talk": "lecture", "seminar": "lecture", "review": "review",
    "unboxing": "review", "hands-on": "review", "report": "report", "annual report": "report",
    "paper": "paper", "we propose": "paper", "we study": "paper", "we present": "paper", "we show": "paper",
    "abstract": "paper", "podcast": "podcast", "episode": "podcast", "documentary": "documentary",
    "recipe": "recipe", "ingredients": "recipe", "datasheet": "datasheet", "specifications": "datasheet",
    "news": "news", "breaking": "news", "trailer": "trailer", "teaser": "trailer", "vlog": "vlog",
    "song": "music", "melody": "music", "instrumental": "music", "live recording": "music",
    "photo": "photo", "photograph": "photo", "picture": "photo", "manual": "manual", "slides": "presentation",
    "presentation": "presentation", "case study": "case study", "highlights": "highlights", "comedy": "comedy",
    # issue 11: kinds the media words people use depend on (writing/media_fit.py)
    "music video": "music", "official video": "music", "official audio": "music", "lyric video": "music",
    "lyrics": "music", "soundtrack": "music", "music clip": "music", "category: music": "music",
    "painting": "painting", "oil on canvas": "painting",
    "watercolor": "painting", "watercolour": "painting", "illustration": "illustration", "drawing": "illustration",
    "cartoon": "illustration", "diagram": "diagram", "infographic": "diagram", "map of": "diagram", "this book": "book",
    "the book": "book", "textbook": "book", "monograph": "book", "lecture notes": "book", "audiobook": "audiobook",
    "earnings call": "earnings call", "brochure": "brochure", "registration form": "form",
    "application form": "form", "scanned form": "form", "this thesis": "thesis", "short film": "movie",
    "category: film & animation": "movie", "animated short": "movie", "we find": "paper", "we consider": "paper",
    "we discuss": "paper", "we investigate": "paper", "we derive": "paper", "we report": "paper", "we prove": "paper",
    "we compute": "paper", "we calculate": "paper", "we analyze": "paper", "we analyse": "paper",
    "we demonstrate": "paper", "we obtain": "paper", "we describe": "paper", "we review": "paper",
    "we introduce": "paper", "we develop": "paper", "we construct": "paper", "we give": "paper",
}

# Cue phrase between two entities of a sentence -> relation name.
RELATION_CUES: dict[str, str] = {
    "acquired": "acquired", "acquires": "acquired", "bought": "acquired", "partnered with": "partnered_with",
    "partners with": "partnered_with", "teamed up with": "partnered_with", "presented at": "presented_at",
    "presents at": "presented_at", "spoke at": "presented_at", "located in": "located_in",
    "based in": "located_in", "headquartered in": "located_in", "founded": "founded", "launched": "launched",
    "released": "released", "announced": "announced", "hosted": "hosted", "hosts": "hosted", "won": "won",
    "joined": "joined", "developed": "developed", "built": "developed", "visited": "visited",
    "signed": "signed", "merged with": "merged_with", "sponsored": "sponsored", "interviewed": "interviewed",
    "performed at": "performed_at", "published": "published", "collaborated with": "partnered_with",
    "competed in": "competed_in", "defeated": "defeated", "invested in": "invested_in",
    "uses": "uses", "used": "uses",
}
