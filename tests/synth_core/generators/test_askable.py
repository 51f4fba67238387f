"""The names a query may be built around: central, well-founded, shown (``generators.askable``)."""

from __future__ import annotations

from datetime import UTC, datetime

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.generators.askable import AskableEntities, keyword_title, passing_mentions, said_topics, well_founded
from synth_core.schemas.common import Entity
from synth_core.settings import Settings
from tests.synth_core.fixtures import make_item


def test_well_founded_keeps_weak_entities_only_when_nothing_else_is_left() -> None:
    from synth_core.schemas.common import Entity, EntityEvidence

    strong, weak = Entity(text="Rotterdam", type="PLACE"), Entity(text="Tevatron", type="CONCEPT")
    evidence = {
        "rotterdam": EntityEvidence(type="PLACE", source="gazetteer:place", strength=0.9),
        "tevatron": EntityEvidence(type="CONCEPT", source="shape:capitalised", strength=0.3),
    }
    assert well_founded([weak, strong], evidence) == [strong]
    assert well_founded([weak], evidence, "Tevatron Results") == [weak]  # the title names it
    assert well_founded([weak], evidence, "Top Quark Results") == []  # one word only capitals support


def test_only_central_entities_are_asked_about(settings: Settings) -> None:
    """A name in the title, in the metadata or named twice is what the item is about; a place named
    once in passing is no subject of a query ("look up Germany on jun park")."""
    item = make_item(
        "doc-central",
        "DOCUMENT",
        "Charging Networks in Norway",
        "Jun Park finds networks in Norway grow. The ID.4 is assembled in Germany. Oslo leads, and Oslo plans more.",
        authors=["Jun Park"],
    )
    askable = {entity.text for entity in AskableEntities(AgentInference(settings.agents))(item)}
    assert {"Norway", "Oslo", "Jun Park"} <= askable
    assert "Germany" not in askable


def test_an_image_is_asked_for_by_a_place_its_title_names(settings: Settings) -> None:
    item = make_item(
        "img-board",
        "IMAGE",
        "Chalkboard Lecture at MIT in Cambridge",
        "A chalkboard at MIT in Cambridge. Coverage of NeurIPS in Vancouver. NeurIPS in Vancouver again.",
        photographer="Kwabena Owusu",
    )
    askable = {entity.text for entity in AskableEntities(AgentInference(settings.agents))(item)}
    assert "Cambridge" in askable and "Vancouver" not in askable


def test_a_name_the_item_mentions_once_is_a_passing_mention() -> None:
    review = ContentItem(
        id="sleep",
        profile="document_text_semantic",
        modality="DOCUMENT",
        title="Sleep Apnea: A Review",
        text="Sleep apnea affects adults. A school-start study in Seattle found later starts help. Dr. Ines Roy "
        "led the review. Roy notes that CPAP works.",
        created_at=datetime(2024, 1, 1, tzinfo=UTC),
        metadata={"publisher": "Sleep Lab"},
    )
    named = [
        Entity(text="Seattle", type="PLACE"),
        Entity(text="Ines Roy", type="PERSON"),  # named twice (once by her family name)
        Entity(text="Sleep Lab", type="ORGANIZATION"),  # its publisher
        Entity(text="January 2024", type="DATE"),
    ]
    assert passing_mentions(named, review) == ["Seattle"]


def test_an_item_without_central_names_gives_no_routing_subject(settings: Settings) -> None:
    """No top-up with passing mentions: "a paper about Australian Open" for a paper that names it once."""
    item = make_item(
        "doc-passing",
        "DOCUMENT",
        "Junior Development Pathways",
        "Coaches plan junior calendars. Heat rules at the Australian Open changed in 2024.",
    )
    assert AskableEntities(AgentInference(settings.agents))(item) == []


def test_the_camera_that_took_a_photo_is_no_subject_of_it(settings: Settings) -> None:
    item = make_item(
        "img-camera",
        "IMAGE",
        "Frescoes of Pompeii",
        "Frescoes in Pompeii. Taken with a Sony A7 IV.",
        camera="Sony A7 IV",
    )
    askable = {entity.text for entity in AskableEntities(AgentInference(settings.agents))(item)}
    assert "Sony A7 IV" not in askable and "Pompeii" in askable


def test_the_first_authors_surname_is_no_passing_mention() -> None:
    item = make_item(
        "doc-surname", "DOCUMENT", "Fractional Calculus", "We study kernels.", authors="F. Mainardi, G. Pagnini"
    )
    assert passing_mentions([Entity(text="Mainardi", type="PERSON")], item) == []


def test_a_topic_that_names_what_the_item_would_not_be_asked_about_is_dropped(settings: Settings) -> None:
    item = make_item(
        "img-board-topics",
        "IMAGE",
        "Chalkboard Lecture at MIT",
        "Dr. Grace Oduya sketches a transformer block on a chalkboard at MIT. The image ran alongside coverage "
        "of NeurIPS in Vancouver, and Vancouver hosted the poster session.",
    )
    askable = AskableEntities(AgentInference(settings.agents))
    assert askable.topics(item, ["chalkboard", "vancouver", "mit"]) == ["chalkboard", "mit"]
    assert askable.topics(item, ["vancouver"]) == ["vancouver"]  # nothing else left: still something to say


def test_a_name_only_the_tags_give_is_no_subject(settings: Settings) -> None:
    """The tags of a video on the iPhone X name the iPhone 8 a dozen times: it is no subject of the
    video ("something on iPhone 8"); the title's iPhone X is, and so is the channel (a credit)."""
    video = make_item(
        "yt-x",
        "VIDEO",
        "10 Reasons NOT To Buy iPhone X!",
        "10 Reasons NOT To Buy iPhone X!. Channel: EverythingApplePro. Category: Entertainment. Tags: iPhone X, "
        "iPhone 8 Sucks, iPhone X vs iPhone 8, iPhone 8 Plus, iPhone 8 vs X, iPhone 8 Review, Apple.",
        channel="EverythingApplePro",
    )
    askable = {entity.text for entity in AskableEntities(AgentInference(settings.agents))(video)}
    assert "iPhone X" in askable
    assert not {"iPhone 8", "Apple"} & askable


def test_a_name_said_only_inside_a_longer_name_or_a_list_of_names_is_no_subject(settings: Settings) -> None:
    paper = make_item(
        "doc-hqs",
        "DOCUMENT",
        "SW Sextantis stars and their orbital periods",
        "We present photometry of new CVs found by the Hamburg Quasar Survey. Our results from the Hamburg "
        "Quasar Survey CVs confirm the period pile-up. Contributors include Dr. Marco Vitali, Astrid Keller "
        "and Lucy Garland. Dr. Marco Vitali is quoted in the accompanying story. Lucy Garland ran the "
        "photometry, and Garland checked it twice.",
    )
    askable = {entity.text for entity in AskableEntities(AgentInference(settings.agents))(paper)}
    assert "Hamburg" not in askable
    assert "Marco Vitali" not in askable  # a list of contributors and one quote
    assert "Lucy Garland" in askable  # said on her own, then by her family name


def test_topics_a_keyword_list_alone_gives_are_not_said() -> None:
    video = make_item(
        "yt-sorted",
        "VIDEO",
        "Hack It Like a Chef - The Effortless Midweek Meal",
        "Hack It Like a Chef - The Effortless Midweek Meal. Channel: SORTEDfood. Tags: pork medallions, "
        "pork recipe, midweek pork recipe, cassoulet, sortedfood pork.",
        channel="SORTEDfood",
    )
    said = said_topics(video, ["pork", "midweek meal", "cassoulet", "chef"])
    assert "midweek meal" in said and "chef" in said
    assert "pork" not in said and "cassoulet" not in said


def test_a_short_token_only_capitals_support_is_never_asked_about() -> None:
    """ "research on Mo" or "the document with IP" names nothing: with no better name the item gives
    none of these, but still a longer weak name."""
    from synth_core.schemas.common import EntityEvidence

    symbol, survey = Entity(text="Msun", type="CONCEPT"), Entity(text="Supernova Legacy Survey", type="CONCEPT")
    shape = EntityEvidence(type="CONCEPT", source="shape:capitalised", strength=0.3)
    evidence = {"msun": shape, "supernova legacy survey": shape}
    assert well_founded([symbol, survey], evidence) == [survey]
    assert well_founded([symbol], evidence) == []
    assert well_founded([symbol], evidence, "Masses in Msun") == [symbol]


def test_a_title_that_is_a_keyword_list_makes_no_name_central(settings: Settings) -> None:
    clip = make_item(
        "music-yt",
        "AUDIO",
        "Music clip: piano accompaniment, different music tracks, youtube, idea music track",
        "The song is an instrumental piece with a piano accompaniment. The song is an instrumental track for a "
        "funny YouTube video. Aspects: piano accompaniment, different music tracks, youtube, idea music track.",
    )
    assert keyword_title(clip.title) and not keyword_title("Lecture 26: Reef Restoration")
    askable = {entity.text for entity in AskableEntities(AgentInference(settings.agents))(clip)}
    assert "YouTube" not in askable


def test_the_items_own_title_is_never_a_passing_mention() -> None:
    """A query naming its item by its title ("the Measuring Nearshoring to Mexico: Methods and Results
    PDF", "Nearshoring to Mexico from Ahmed El-Sayed") asks for the item itself."""
    paper = make_item(
        "doc-1", "DOCUMENT", "Measuring Nearshoring to Mexico: Methods and Results",
        "We study nearshoring to Mexico using data collected in Shenzhen.",
    )  # fmt: skip
    whole = Entity(text="Measuring Nearshoring to Mexico: Methods and Results", type="WORK")
    part = Entity(text="Nearshoring to Mexico", type="WORK")
    shenzhen = Entity(text="Shenzhen", type="PLACE")

    assert passing_mentions([whole, part, shenzhen], paper) == ["Shenzhen"]


def test_the_occasion_an_item_was_given_at_is_no_subject(settings: Settings) -> None:
    """A talk recorded at an event is not about it: "Japanese Grand Prix talks" of a lecture on wet-weather
    racing, "videos about Sistine Chapel" of a talk given at its restoration anniversary (round 10)."""
    lecture = make_item(
        "vid-occasion",
        "VIDEO",
        "Wet-Weather Racing with Kenji Watanabe",
        "Kenji Watanabe teaches wet-weather racing at the Japanese Grand Prix. Watanabe says the Japanese Grand"
        " Prix rewards patience. Red Bull Racing and Watanabe share notes.",
        speakers=["Kenji Watanabe"],
        event="the Japanese Grand Prix",
    )
    askable = {entity.text for entity in AskableEntities(AgentInference(settings.agents))(lecture)}
    assert "Kenji Watanabe" in askable
    assert "Japanese Grand Prix" not in askable
    assert passing_mentions([Entity(text="Japanese Grand Prix", type="EVENT")], lecture) == ["Japanese Grand Prix"]
