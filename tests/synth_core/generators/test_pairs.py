"""Cross-modal pairs: from the sample's groups first, then formed from shared topics or entities;
never two items that share nothing to ask about."""

from __future__ import annotations

import pytest

from synth_core.generators import pairs
from synth_core.generators.mention_sentences import IN_PASSING, QUOTING, only_in_passing, only_quoted, only_supposed
from synth_core.generators.pairs import (
    ContentPair,
    content_keys,
    item_subjects,
    key_form,
    shared_subjects,
    shares_content,
    stands_alone,
)
from synth_core.generators.sample_pairs import StrategyOf, content_pairs, formed_pairs, group_pairs
from synth_core.schemas.common import Entity
from synth_core.settings import Settings
from tests.synth_core.fixtures import (
    ITEMS,
    interview_and_report_sharing_one_name,
    make_context,
    make_item,
    memory_backend,
    sample_of,
)

BY_ID = {item.id: item for item in ITEMS}


def test_group_pairs_take_every_two_modality_pair_of_each_group_that_shares_a_subject(settings: Settings) -> None:
    pairs = group_pairs(make_context(settings, memory_backend()))
    keys = {frozenset(pair.key) for pair in pairs}
    mars = {frozenset(pair) for pair in (("img-mars", "vid-mars"), ("img-mars", "doc-mars"))}
    assert mars <= keys
    assert all(pair.first.modality != pair.second.modality for pair in pairs)
    # Issue 11: the Mars video and the review share no topic or entity, so they are no pair (was 7).
    assert frozenset(("vid-mars", "doc-mars")) not in keys and len(pairs) == 6
    assert all(shares_content(pair.first, pair.second) for pair in pairs)


def test_formed_pairs_share_something_and_differ_in_modality(settings: Settings) -> None:
    ctx = make_context(settings, memory_backend(), sample_of(groups=()))
    pairs = formed_pairs(ctx)
    assert pairs
    for pair in pairs:
        assert pair.first.modality != pair.second.modality
        assert content_keys(pair.first) & content_keys(pair.second) and shared_subjects(pair)
    assert len({frozenset(pair.key) for pair in pairs}) == len(pairs)


def test_content_pairs_adds_formed_pairs_only_when_groups_run_short(settings: Settings) -> None:
    ctx = make_context(settings, memory_backend())
    assert len(content_pairs(ctx, needed=10, per_pair=6)) == len(group_pairs(ctx))
    assert len(content_pairs(ctx, needed=1000, per_pair=6)) > len(group_pairs(ctx))


def test_strategy_of_prefers_the_group_strategy(settings: Settings) -> None:
    ctx = make_context(settings, memory_backend())
    strategy = StrategyOf(ctx)
    by_id = {item.id: item for item in ITEMS}
    assert strategy([by_id["doc-bike"], by_id["img-bike"]]) == "cross_modal_pairs"
    assert strategy([by_id["doc-bike"], by_id["vid-cook"]]) == "diverse"
    assert strategy([by_id["doc-tax"]]) == "diverse"


def test_keys_fold_case_hyphens_and_plurals() -> None:
    assert key_form("Hip-Hop") == key_form("hip hop") == "hip hop"
    assert key_form("Cargo Bikes") == "cargo bike" and key_form("dogs") == "dog"
    assert key_form("glass") == "glass" and key_form("bus") == "bus"


def test_shared_subjects_lead_with_what_both_rank_highest() -> None:
    reef = shared_subjects(ContentPair(BY_ID["aud-reef"], BY_ID["img-reef"], "test"))
    assert {subject.key for subject in reef} == {"coral", "great barrier reef", "lizard island"}
    assert reef[0].entity is not None  # names and phrases before one-word topics
    assert shared_subjects(ContentPair(BY_ID["vid-mars"], BY_ID["doc-mars"], "test")) == []


def test_subjects_leave_out_vague_words_and_lower_shouted_names() -> None:
    shouting = make_item("v", "VIDEO", "HOT DOG INSIDE A BURGER", "HOT DOG INSIDE A BURGER from the white van.")
    texts = [subject.text for subject in item_subjects(shouting)]
    assert texts and not any(text.isupper() for text in texts)  # "HOT DOG" is shouting, not a name
    assert "white" not in {subject.key for subject in item_subjects(shouting)}  # an adjective says too little
    assert pairs._as_typed("NASA") == "NASA" and pairs._as_typed("Jezero Crater") == "Jezero Crater"


def test_an_everyday_word_is_no_subject_alone_but_a_specific_one_is() -> None:
    item = make_item(
        "v",
        "VIDEO",
        "Company seismology day",
        "The company filmed seismology stations. The company studies seismology and metal and metal.",
    )
    keys = {subject.key for subject in item_subjects(item)}
    assert "seismology" in keys
    assert "company" not in keys and "metal" not in keys  # too everyday to be asked about alone


def test_items_pair_only_on_what_both_are_about() -> None:
    photo = make_item("i", "IMAGE", "Sea Bream on the Grill in Crete", "Two whole sea bream blister on a grill.")
    paper = make_item(
        "d",
        "DOCUMENT",
        "Slow-Cooked Ragù Revisited",
        "New evidence on slow-cooked ragù. Yannis Papadakis grills whole sea bream in Crete. "
        "Puglia produces olive oil. The authors thank their reviewers.",
    )
    assert "sea bream" not in {subject.key for subject in shared_subjects(ContentPair(photo, paper, "test"))}
    assert not shares_content(photo, paper)


def test_a_lone_everyday_word_shared_alone_is_no_subject() -> None:
    bike = make_item("i", "IMAGE", "A bike chained to a pole", "A bike chained to a pole at a train station.")
    quark = make_item("d", "DOCUMENT", "Pole Structure of the Quark", "We study the pole of a quark propagator.")
    assert shared_subjects(ContentPair(bike, quark, "test")) == [] and not shares_content(bike, quark)
    dog = make_item("v", "VIDEO", "My Husky Reviews Chew Toys", "Tags: toys, husky, dog.")
    chew = make_item("i2", "IMAGE", "A husky holding a toy", "A husky holding a toy in its mouth.")
    assert {subject.key for subject in shared_subjects(ContentPair(dog, chew, "test"))} == {"toy", "husky"}
    assert pairs.pair_shared_words(ContentPair(dog, chew, "test"), ["toy"]) == 1  # "husky"


def test_a_rare_lone_word_needs_the_items_own_words_to_agree_and_tags_do_not() -> None:
    advert = make_item(
        "v",
        "VIDEO",
        "The Legend Continues with Nas | Vol. VII | Trumpet",
        "The Legend Continues with Nas | Vol. VII | Trumpet. Channel: Timberland. Category: Howto & Style. "
        "Tags: boots, rap, trumpet, melody.",
        channel="Timberland",
    )
    clip = make_item(
        "a",
        "AUDIO",
        "Music clip: male vocalist, lively trumpet, synth pop",
        "A male vocalist sings this lively pop with animated trumpets and a bright melody. Aspects: trumpet, pop.",
    )
    assert shared_subjects(ContentPair(advert, clip, "test")) == []  # "melody" is only a tag of the advert


def test_an_acronym_and_a_lower_case_word_are_two_words() -> None:
    paper = make_item(
        "d",
        "DOCUMENT",
        "The HARPS search for southern extra-solar planets",
        "The HARPS spectrograph monitors radial velocities of stars. HARPS finds planets around stars.",
    )
    clip = make_item(
        "a", "AUDIO", "Music clip: harps, stars", "Harps play a melody about the stars. Aspects: harps, stars."
    )
    assert "harp" not in {subject.key for subject in shared_subjects(ContentPair(paper, clip, "test"))}


def test_a_word_of_a_songs_name_is_no_subject() -> None:
    video = make_item(
        "v",
        "VIDEO",
        "Liam Payne - Bedroom Floor (Lyric Video)",
        "Liam Payne - Bedroom Floor (Lyric Video). Channel: LiamPayneVEVO. Category: Music. Tags: Bedroom, Floor.",
        channel="LiamPayneVEVO",
        category="Music",
    )
    photo = make_item("i", "IMAGE", "a dog on a bed in a bedroom", "a dog on a bed in a bedroom with wood floors .")
    assert "bedroom" not in {subject.key for subject in item_subjects(video)}
    assert shared_subjects(ContentPair(video, photo, "test")) == []


def test_a_name_only_a_keyword_list_gives_needs_a_second_word() -> None:
    video = make_item(
        "v",
        "VIDEO",
        "Victoria Beckham Collection Review",
        "Channel: Tati. Tags: YouTube, Beauty, Makeup, Review.",
        channel="Tati",
    )
    clip = make_item(
        "a", "AUDIO", "Music clip: piano, YouTube", "A piano track made for YouTube. Aspects: piano, YouTube, idea."
    )
    assert "youtube" not in {subject.key for subject in shared_subjects(ContentPair(video, clip, "test"))}


def test_a_word_with_inner_capitals_and_a_word_said_only_before_one_noun_are_no_subjects() -> None:
    paper = make_item(
        "d", "DOCUMENT", "Spin states in InAs quantum dots", "InAs dots hold spins. InAs is a semiconductor."
    )
    photo = make_item("i", "IMAGE", "A green motorcycle Ina parking lot", "A green motorcycle Ina full parking lot.")
    assert shared_subjects(ContentPair(paper, photo, "test")) == []  # indium arsenide is no "Ina"
    video = make_item(
        "v", "VIDEO", "How To Make Every Popular Mexican Dish... VEGAN", "Vegan salsa and a Mexican dish with salsa."
    )
    plate = make_item("i2", "IMAGE", "salmon with mexican dish and fresh salsa", "salmon with mexican dish and salsa .")
    assert "mexican" not in {subject.key for subject in shared_subjects(ContentPair(video, plate, "test"))}


def test_a_name_of_two_words_links_a_pair_alone_and_a_one_word_name_needs_a_second_word() -> None:
    interview, report = interview_and_report_sharing_one_name()
    pair = ContentPair(interview, report, "test")
    [sethi] = shared_subjects(pair)
    assert sethi.key == "priyanka sethi" and stands_alone(pair, sethi)
    vestas = pairs.Subject("Vestas", Entity(text="Vestas", type="ORGANIZATION"))
    blades = make_item(
        "v", "VIDEO", "Vestas Blade Inspection", "Vestas technicians inspect a turbine blade for Vestas."
    )
    orders = make_item("o", "DOCUMENT", "Vestas Quarterly Report", "Vestas turbine orders grew for Vestas.")
    party = make_item("i", "IMAGE", "Vestas Office Party", "Vestas staff celebrate with cake at Vestas.")
    assert stands_alone(ContentPair(blades, orders, "test"), vestas)  # both also say "turbine"
    assert not stands_alone(ContentPair(blades, party, "test"), vestas)  # nothing else in common
    assert not stands_alone(ContentPair(blades, orders, "test"), pairs.Subject("turbine"))  # a lone word


def test_a_lone_word_is_corroborated_only_by_a_word_one_item_is_about() -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "Several skiers glide down a hilly landscape covered in snow",
        "Several skiers glide down a hilly landscape covered in snow. Three people are skiing down a slope. "
        "People cross country skiing on a path between trees. Some snow skiers, one in a blue jacket. "
        "Skiers on packed snow in the landscape, two skiing and one walking with poles.",
    )
    paper = make_item(
        "d",
        "DOCUMENT",
        "Domain wall switching: optimizing the energy landscape",
        "Exchange spring media raise density without thermal instability. We optimize the energy landscape "
        "of domain walls in a hard and a soft layer coupled by exchange. The slope of the barrier sets the "
        "switching field. The landscape has two minima, and the figure of merit compares both layers.",
    )
    pair = ContentPair(photo, paper, "test")
    assert pairs.corroborating_words(pair, ["landscape"]) == []  # "slope", said by both, titles neither
    assert shared_subjects(pair) == []
    zoo = make_item("z", "IMAGE", "Two giraffes roam a zoo paddock", "Two giraffes and other animals roam a zoo.")
    cam = make_item("v", "VIDEO", "Animal Adventure Park Giraffe Cam", "A giraffe cam at the zoo. The zoo streams.")
    assert "giraffe" in pairs.corroborating_words(ContentPair(zoo, cam, "test"), ["zoo"])  # both titles say it


def test_a_one_word_name_two_items_type_apart_is_two_things_when_it_is_a_word() -> None:
    paper = make_item("d", "DOCUMENT", "Chain partition games", "Spoiler presents points. Algorithm answers Spoiler.")
    talk = make_item(
        "v",
        "VIDEO",
        "IT - SPOILER Talk",
        "IT - SPOILER Talk. Channel: Jeremy Jahns. Tags: It, stephen king, pennywise, Spoiler, Spoiler Talk, movie.",
        channel="Jeremy Jahns",
    )
    pair = ContentPair(paper, talk, "test")
    spoiler = pairs._about(paper).subjects["spoiler"]
    assert spoiler.entity is not None and spoiler.entity.type == "PERSON"  # a player of the game
    assert pairs.two_things(pair, spoiler)  # the talk's "Spoiler" is no person
    assert "spoiler" not in {subject.key for subject in shared_subjects(pair)}
    assert not pairs._typed_apart(pair, "gavi")  # a name that is no word names one thing


def test_a_word_said_only_where_the_item_might_be_used_is_no_subject() -> None:
    clip = make_item(
        "a",
        "AUDIO",
        "Music clip: chant, male vocals, drums",
        "Male vocals chant over slow drums. This music could be used in a mystery thriller video game.",
    )
    trailer = make_item("v", "VIDEO", "Crooked House - Official Trailer", "A murder mystery. The mystery deepens.")
    assert only_supposed(clip, "mystery") and not only_supposed(trailer, "mystery")
    assert "mystery" not in {subject.key for subject in item_subjects(clip)}


def test_a_word_said_only_inside_a_quotation_is_no_subject() -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "KubeCon Europe Keynote Hall",
        'Thousands fill the keynote hall at KubeCon Europe. A speaker: "If your runbook needs a hero, fix it."',
    )
    assert only_quoted(photo, "runbook")
    assert "runbook" not in {subject.key for subject in item_subjects(photo)}
    manual = make_item("d", "DOCUMENT", "Writing a Runbook", 'A runbook lists steps. "Keep the runbook short."')
    assert not only_quoted(manual, "runbook")


def test_a_name_only_quoted_credited_or_also_appearing_is_no_subject() -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "Security Operations Centre at Night",
        "Analysts watch a wall of threat maps at midnight. Aisha Bello is quoted in the accompanying story: "
        '"The first hour decides the next month."',
    )
    assert only_in_passing(photo, "Aisha Bello", short=False, passing_sentence=IN_PASSING)
    video = make_item(
        "v",
        "VIDEO",
        "Terraced Vineyards of the Douro",
        "Terraced vineyards curve along the river. Dr. Joanna Whitlock, an oenologist, also appears. "
        "The film ends with a statement from UC Davis.",
    )
    assert only_in_passing(video, "Joanna Whitlock", short=False, passing_sentence=IN_PASSING)
    assert only_in_passing(video, "UC Davis", short=False, passing_sentence=IN_PASSING)  # credited
    speaker = make_item("a", "AUDIO", "Lecture", "Aisha Bello is quoted in the press.", speakers=["Aisha Bello"])
    assert not only_in_passing(
        speaker, "Aisha Bello", short=False, passing_sentence=IN_PASSING
    )  # her own metadata names her
    titled = make_item("a2", "AUDIO", "Aisha Bello on Incidents", "Aisha Bello is quoted in the accompanying story.")
    assert not only_in_passing(titled, "Aisha Bello", short=False, passing_sentence=IN_PASSING)


def test_relevance_keys_leave_out_what_an_item_names_in_passing() -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "Security Operations Centre at Night",
        "Analysts watch threat maps at Sentinel Forge. Sentinel Forge runs the centre. Aisha Bello is quoted "
        'in the accompanying story: "The first hour decides."',
    )
    assert "aisha bello" in content_keys(photo) or "aisha bello" not in pairs.about_keys(photo)
    assert "aisha bello" not in pairs.about_keys(photo)
    assert pairs.about_keys(photo) <= content_keys(photo)


def test_a_phrase_cut_from_a_title_phrase_is_marked_but_not_a_word_or_a_phrase_after_a_name() -> None:
    room = make_item("i", "IMAGE", "Rover Operations Room", "Engineers plan a drive in the operations room.")
    towers = make_item("d", "DOCUMENT", "Inside Mass Timber Towers", "Mass timber towers rise in Oslo.")
    bikes = make_item("v", "VIDEO", "Copenhagen Cargo Bikes", "Cargo bikes carry children in Copenhagen.")
    donuts = make_item("v2", "VIDEO", "Iconic Sprinkle Donuts", "Donuts get their sprinkles.")
    assert pairs.cut_from_title(ContentPair(room, towers, "test"), pairs.Subject("operations room"))
    assert not pairs.cut_from_title(ContentPair(towers, room, "test"), pairs.Subject("mass timber towers"))
    assert not pairs.cut_from_title(ContentPair(bikes, towers, "test"), pairs.Subject("cargo bikes"))
    assert not pairs.cut_from_title(ContentPair(donuts, room, "test"), pairs.Subject("donuts"))  # one word


def test_a_capitalised_small_word_of_a_title_that_lowers_small_words_is_part_of_the_phrase() -> None:
    handbook = make_item("d", "DOCUMENT", "Handbook for Via Ferrata Routes", "A handbook on via ferrata routes.")
    other = make_item("i", "IMAGE", "Rocks", "Rocks and ropes.")
    assert pairs.cut_from_title(ContentPair(handbook, other, "test"), pairs.Subject("ferrata routes"))  # drops "via"
    opener = make_item("v", "VIDEO", "The Operations Room", "Engineers plan a drive.")
    assert not pairs.cut_from_title(ContentPair(opener, other, "test"), pairs.Subject("operations room"))


def test_a_one_word_name_one_item_writes_as_a_plain_word_is_a_lone_word_in_either_order() -> None:
    paper = make_item("d", "DOCUMENT", "Chain partition games", "Spoiler presents points. Algorithm answers Spoiler.")
    review = make_item(
        "v", "VIDEO", "Why I Loved This Book, Spoiler Free!", "Tags: books, book review, spoiler, turtles."
    )
    for pair in (ContentPair(paper, review, "test"), ContentPair(review, paper, "test")):
        assert "spoiler" not in {subject.key for subject in shared_subjects(pair)}


def test_a_topic_said_only_in_a_passing_sentence_is_no_subject() -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "Morning Bake in Lyon",
        "Margot Delacroix pulls a tray of loaves from a deck oven in Lyon. Margot Delacroix is quoted in the "
        'accompanying story: "Open crumb is a result." The bakery opens at six and sells out by nine every day.',
    )
    assert "accompanying story" not in {subject.key for subject in item_subjects(photo)}
    assert only_in_passing(
        photo, "accompanying story", short=False, passing_sentence=QUOTING
    )  # the quoting sentence only
    assert not only_in_passing(
        photo, "deck oven", short=True, passing_sentence=QUOTING
    )  # said in a sentence of its own


@pytest.mark.parametrize(
    ("title", "text", "modifier", "subject"),
    [
        # "show me gravitational-wave" (round 11): the paper writes it only before a noun
        (
            "Search for gravitational-wave bursts in LIGO data",
            "The LIGO and GEO 600 gravitational-wave detectors collected data with lower noise. We search for short"
            " gravitational-wave bursts and report gravitational-wave upper limits from gravitational-wave signals.",
            "gravitational-wave",
            "upper limits",
        ),
        # "all about quantum" (round 12): "quantum" says which information or mechanics, not what
        (
            "The No-Broadcasting Theorem and its Classical Counterpart",
            "The nonclonability of quantum information is a fundamental principle of quantum mechanics. We present"
            " a general proof of the no-broadcasting theorem for quantum states and density matrices.",
            "quantum",
            "density matrices",
        ),
        # "something on corridors in Amboseli" (round 13): the film only ever says "elephant corridors"
        (
            "Elephant Corridors in Amboseli",
            "Episode 169 of Field Notes TV, this time on elephant corridors. Amboseli's elephants have been studied"
            " continuously since 1972, one of the longest-running wildlife studies anywhere. A family of elephants"
            " crosses the Amboseli plains with Mount Kilimanjaro rising behind them.",
            "corridors",
            "Amboseli",
        ),
    ],
)
def test_a_modifier_alone_is_no_subject_of_a_pair(title: str, text: str, modifier: str, subject: str) -> None:
    """Nor a head word cut from the phrase the item always writes it in."""
    subjects = {found.text for found in item_subjects(make_item("doc", "DOCUMENT", title, text))}
    assert modifier not in subjects and subject in subjects
