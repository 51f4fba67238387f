"""Fusion queries of the template writer: the pair's subjects in a request a person would type."""

from __future__ import annotations

import pytest

from synth_core.agents import AgentInference
from synth_core.schemas.common import Entity
from synth_core.settings import Settings
from synth_core.writing.base import QuerySpec
from synth_core.writing.said_forms import as_said
from synth_core.writing.templates import TemplateWriter
from tests.synth_core.fixtures import make_item

STYLES = ("keyword", "question", "imperative", "conversational")
VIDEO = make_item("v", "VIDEO", "Cargo Bike Delivery in Copenhagen", "Couriers ride cargo bikes through Copenhagen.")
AUDIO = make_item(
    "a", "AUDIO", "Why Cargo Bikes Win", "A podcast episode on cargo bikes and city logistics.", kind="podcast"
)


@pytest.fixture
def agents(settings: Settings) -> AgentInference:
    return AgentInference(settings.agents)


@pytest.fixture
def writer(agents: AgentInference) -> TemplateWriter:
    return TemplateWriter(agents)


def fusion_spec(
    topics: tuple[str, ...], *, style: str, media: bool = False, entities: tuple[Entity, ...] = ()
) -> QuerySpec:
    return QuerySpec(
        task="fusion",
        items=(VIDEO, AUDIO),
        target_modality="VIDEO",
        topics=topics,
        entities=entities,
        explicit_media=media,
        style=style,  # type: ignore[arg-type]
    )


def test_one_subject_is_asked_about_in_every_style(writer: TemplateWriter, agents: AgentInference) -> None:
    results = writer.write([fusion_spec(("cargo bikes",), style=style) for style in STYLES], seed=3)
    for result in results:
        assert result.text is not None, result.failure
        assert "cargo bikes" in result.text and not agents.media_mentions(result.text)
    assert results[0].text == "cargo bikes"  # a keyword query is the subject itself


def test_a_place_narrows_a_topic_the_way_people_write_it(writer: TemplateWriter) -> None:
    copenhagen = Entity(text="Copenhagen", type="PLACE")
    spec = fusion_spec(("Copenhagen", "cargo bikes"), style="keyword", entities=(copenhagen,))
    [result] = writer.write([spec], seed=1)
    assert result.text == "cargo bikes in Copenhagen"


def test_naming_the_media_names_both_items_media(writer: TemplateWriter, agents: AgentInference) -> None:
    results = writer.write([fusion_spec(("cargo bikes",), style=style, media=True) for style in STYLES], seed=5)
    for result in results:
        assert result.text is not None, result.failure
        assert {modality for modality, _ in agents.media_mentions(result.text)} == {"VIDEO", "AUDIO"}, result.text


def test_a_subject_that_names_a_media_type_is_refused(writer: TemplateWriter) -> None:
    [result] = writer.write([fusion_spec(("podcast studio",), style="question")], seed=2)
    assert result.text is None and result.failure


def test_two_places_or_two_names_are_listed_not_joined(writer: TemplateWriter) -> None:
    austin, nevada = Entity(text="Austin", type="PLACE"), Entity(text="Nevada", type="PLACE")
    academy, moreno = (
        Entity(text="Rafa Nadal Academy", type="ORGANIZATION"),
        Entity(text="Isabel Moreno", type="PERSON"),
    )
    specs = [
        fusion_spec(("Austin", "Nevada"), style="keyword", entities=(austin, nevada)),
        fusion_spec(("Rafa Nadal Academy", "Isabel Moreno"), style="keyword", entities=(academy, moreno)),
    ]
    assert [result.text for result in writer.write(specs, seed=4)] == [
        "Austin and Nevada",
        "Rafa Nadal Academy and Isabel Moreno",
    ]


def test_two_items_are_compared_by_their_media_on_what_both_are_about(
    writer: TemplateWriter, agents: AgentInference
) -> None:
    specs = [
        QuerySpec(
            task="workflow",
            items=(VIDEO, AUDIO),
            target_modality="VIDEO",
            topics=("cargo bikes",),
            intent="compare",
            style=style,  # type: ignore[arg-type]
        )
        for style in STYLES
    ]
    for result in writer.write(specs, seed=4):
        assert result.text is not None, result.failure
        assert "cargo bikes" in result.text and "the one" not in result.text
        assert {modality for modality, _ in agents.media_mentions(result.text)} == {"VIDEO", "AUDIO"}
        assert agents.detect_intent(result.text) == "compare"


def test_two_subjects_no_sentence_says_together_are_listed_not_joined(writer: TemplateWriter) -> None:
    copenhagen = Entity(text="Copenhagen", type="PLACE")
    spec = fusion_spec(("Copenhagen", "city logistics"), style="keyword", entities=(copenhagen,))
    [result] = writer.write([spec], seed=1)
    assert result.text == "Copenhagen and city logistics"  # never "city logistics in Copenhagen"


def test_a_place_joins_only_what_the_source_says_is_in_it(writer: TemplateWriter) -> None:
    davis = Entity(text="UC Davis", type="PLACE")
    photo = make_item("i", "IMAGE", "Research Plot", "Grape clusters in a UC Davis research plot in Napa Valley.")
    spec = QuerySpec(
        task="fusion",
        items=(photo, AUDIO),
        target_modality="IMAGE",
        topics=("grape clusters", "UC Davis"),
        entities=(davis,),
        style="keyword",
    )
    [result] = writer.write([spec], seed=1)
    assert result.text == "grape clusters and UC Davis"  # the plot is "in Napa Valley", nothing "in UC Davis"


def test_a_lone_topic_is_written_as_the_items_say_it() -> None:
    photo = make_item(
        "i", "IMAGE", "Elephants Beneath Kilimanjaro", "A family of elephants crosses the Amboseli plains."
    )
    room = make_item("r", "IMAGE", "Rover Operations Room", "Engineers plan a drive in the operations room at JPL.")
    paper = make_item("d", "DOCUMENT", "Fermentation Notes", "On the science of fermentation in bread.")
    assert as_said("elephant", [photo], article=False) == "elephants"  # plural as the item writes it
    assert as_said("operations room", [room], article=True) == "the operations room"
    assert as_said("operations room", [room], article=False) == "operations room"  # a keyword query stays bare
    assert as_said("fermentation", [paper], article=True) == "fermentation"  # "of fermentation": no article
    zoo = make_item("z", "IMAGE", "Giraffes", "Giraffes roam the zoo in spring.")
    assert as_said("zoo", [zoo], article=True) == "the zoo"  # the writer asks this only of phrases and joins
    drive = make_item("x", "IMAGE", "Rover", "Engineers plan a rover drive.")
    assert as_said("rover", [drive], article=True) == "rover"  # "a rover drive": the rover qualifies the drive


def test_a_count_noun_is_asked_about_in_the_plural_and_a_mass_noun_or_one_thing_stays() -> None:
    lab = make_item("l", "IMAGE", "Microscope at the Institut Pasteur", "A scientist adjusts a microscope in a lab.")
    paper = make_item("d", "DOCUMENT", "Fermentation Notes", "On the science of fermentation in bread.")
    room = make_item("r", "IMAGE", "Rover Operations Room", "Engineers plan a drive in the operations room at JPL.")
    assert as_said("microscope", [lab], article=False) == "microscopes"  # "anything on microscopes?"
    assert as_said("microscope", [lab], article=False, count_plural=False) == "microscope"  # "microscope photos"
    assert as_said("fermentation", [paper], article=False) == "fermentation"  # a mass noun has no plural to ask
    assert as_said("operations room", [room], article=False) == "operations room"  # "the operations room": one


def test_a_lowered_acronym_or_name_is_written_as_the_items_write_it() -> None:
    hall = make_item("v", "VIDEO", "EUV Machine in Veldhoven", "Engineers build an EUV machine in a hall. It is dear.")
    board = make_item("b", "IMAGE", "Bloch Sphere Lecture", "Professor Mehta draws a Bloch sphere on a whiteboard.")
    assert as_said("euv machine", [hall], article=False) == "EUV machines"
    assert as_said("bloch sphere", [board], article=True) == "the Bloch sphere"
    mixed = make_item("m", "IMAGE", "Notes", "Grape vines grow. Most grape growers pick early.")
    assert as_said("grape", [mixed], article=False, count_plural=False) == "grape"  # a sentence opener is no name


def test_a_lone_count_noun_is_asked_about_in_the_plural_even_when_an_item_says_the_one() -> None:
    """ "do you have anything on zoo?" (round 10): a photo at "the zoo" and a camera at "a zoo"."""
    zoo = make_item("z", "IMAGE", "Giraffes", "Children feed giraffes at the zoo. A zoo scene.")
    assert as_said("zoo", [zoo], article=False) == "zoos"
    sky = make_item("s", "IMAGE", "Night", "The moon rises over the sea.")
    assert as_said("moon", [sky], article=False) == "moon"  # "moons" is far rarer: the moon is one thing


def test_a_compound_count_noun_an_item_says_a_one_of_is_asked_in_the_plural() -> None:
    """ "pictures and videos about grocery store" (round 10 reading): one caption says "a grocery store",
    a clip "the grocery store"; the query asks about the kind."""
    photo = make_item("g1", "IMAGE", "Aisles", "A grocery store with fresh fruit on display.")
    clip = make_item("g2", "VIDEO", "Shopping", "We walk through the grocery store at night.")
    assert as_said("grocery store", [photo, clip], article=False) == "grocery stores"
    room = make_item("r2", "IMAGE", "Rover Operations Room", "Engineers plan a drive in the operations room at JPL.")
    assert as_said("operations room", [room], article=False) == "operations room"  # no item says "an" one


def test_a_plural_topic_takes_no_article() -> None:
    """ "What is there about the hot dogs?" (round 10): the kind, not hot dogs the user has seen."""
    fire = make_item("f", "IMAGE", "Roasting", "Cooking hot dogs outside. The hot dogs are roasted.")
    assert as_said("hot dogs", [fire], article=True) == "hot dogs"
    room = make_item("r", "IMAGE", "Rover Operations Room", "Engineers plan a drive in the operations room at JPL.")
    assert as_said("operations room", [room], article=True) == "the operations room"  # "operations" is no plural head
    sky = make_item("g", "VIDEO", "Deep Field", "A clip on the earliest galaxies. The earliest galaxies formed fast.")
    assert as_said("earliest galaxies", [sky], article=True) == "the earliest galaxies"  # a superlative keeps it


def test_a_lone_word_placed_in_a_join_is_one_thing() -> None:
    """ "bubble in Las Vegas" names the housing bubble there, not "bubbles" (round 10)."""
    paper = make_item("d", "DOCUMENT", "Las Vegas prices", "The bubble in Las Vegas burst in 2006.")
    assert as_said("bubble", [paper], article=False, kind=False) == "bubble"
    assert as_said("bubble", [paper], article=False) == "bubbles"  # asked alone, the kind


def test_a_name_before_a_possessive_apostrophe_keeps_its_capitals() -> None:
    """ "Boston dynamics Spot" (round 10): "Boston Dynamics' Spot robot" is how the item writes it."""
    spot = make_item("s", "IMAGE", "Spot on Patrol", "Here Boston Dynamics' Spot robot climbs metal stairs.")
    assert as_said("boston dynamics spot", [spot], article=False, count_plural=False) == "Boston Dynamics Spot"


def test_a_compound_is_asked_about_in_the_plural_only_when_an_item_says_a_one() -> None:
    chip = make_item("c", "IMAGE", "Quantum Chip Close-up", "Engineers hold a quantum chip in the lab.")
    climate = make_item("f", "VIDEO", "Vineyards", "A film about climate change in vineyards and what it costs.")
    assert as_said("quantum chip", [chip], article=False) == "quantum chips"
    assert as_said("climate change", [climate], article=False) == "climate change"  # no "climate changes"


def test_a_keyword_lists_capitals_are_no_way_of_writing_a_topic() -> None:
    """ "Tags: Gravitational Waves, Black Holes" title-cases its words as labels: the query asks about
    "black holes", never "black Holes" (round 9)."""
    paper = make_item("d", "DOCUMENT", "Inspirals into a black hole", "We analyze orbits around a black hole.")
    talk = make_item(
        "v",
        "VIDEO",
        "Gravitational Wave Science",
        "Gravitational Wave Science. Tags: Gravitational Waves, Black Holes.",
    )
    assert as_said("black holes", [paper, talk], article=False) == "black holes"
    acronym = make_item("i", "IMAGE", "Lithography", "An assembly hall where EUV machines are built.")
    assert as_said("euv machines", [acronym], article=False) == "EUV machines"  # the prose's own capitals stay


def test_a_topic_after_a_name_is_written_as_the_items_write_it(writer: TemplateWriter) -> None:
    """ "Yelena Sokolova on beethoven's symphonies" (round 9): the topic after "on" kept its lower case."""
    video = make_item("v", "VIDEO", "Sokolova Rehearses", "Yelena Sokolova rehearses Beethoven's symphonies in Vienna.")
    audio = make_item("a", "AUDIO", "Overture", "Yelena Sokolova on Beethoven's symphonies.", kind="podcast")
    sokolova = Entity(text="Yelena Sokolova", type="PERSON")
    texts = set()
    for seed in range(12):
        spec = QuerySpec(
            task="fusion", items=(video, audio), target_modality="VIDEO",
            topics=("Yelena Sokolova", "beethoven's symphonies"),
            entities=(sokolova,), explicit_media=False, style="keyword",
        )  # fmt: skip
        [result] = writer.write([spec], seed=seed)
        if result.text:
            texts.add(result.text)
    assert any("Yelena Sokolova" in text for text in texts), texts
    assert all("Beethoven's symphonies" in text for text in texts), texts


def test_a_pair_subject_written_as_a_name_takes_the_article_either_item_gives_it() -> None:
    """ "what is there about Montreux Jazz Festival?" (a README example, round 11 reading)."""
    from synth_core.writing.templates import _written_names

    assert _written_names("what is there about Montreux Jazz Festival?", ("montreux jazz festival",)) == [
        "Montreux Jazz Festival"
    ]
    assert _written_names("more on brass bands", ("brass bands",)) == []
