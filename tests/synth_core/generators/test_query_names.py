"""The names a written query says, and the evidence of their types (``generators.query_names``)."""

from __future__ import annotations

from synth_core.generators.query_names import query_entities, query_evidence
from synth_core.schemas.common import Entity
from synth_core.settings import Settings
from tests.synth_core.fixtures import make_item


def test_a_query_that_quotes_the_title_labels_it_as_a_work() -> None:
    item = make_item("doc-work", "DOCUMENT", "Sparse Graphs and Pebble Games", "We study rigidity with Ileana Streinu.")
    found = query_entities("find the paper Sparse Graphs and Pebble Games by ileana streinu", item)
    assert [(entity.text, entity.type) for entity in found] == [
        ("Ileana Streinu", "PERSON"),
        ("Sparse Graphs and Pebble Games", "WORK"),
    ]


def test_a_paper_asked_for_by_its_first_authors_surname_names_that_person() -> None:
    authors = "G. Nannicini, P. Baptiste"
    item = make_item("doc-author", "DOCUMENT", "Fast paths in road networks", "We study routing.", authors=authors)
    found = query_entities("please find papers by Nannicini", item)
    assert [(entity.text, entity.type) for entity in found] == [("Nannicini", "PERSON")]
    assert query_evidence(found, item)["nannicini"].source == "metadata:authors"


def test_a_short_title_typed_in_lower_case_is_a_topic_not_a_work() -> None:
    title = "Immune Response Transcript: Vaccine Equity"
    item = make_item("aud-title", "AUDIO", title, "Where does vaccine equity stand?")
    assert not [e for e in query_entities("I want to hear about vaccine equity", item) if e.type == "WORK"]
    assert [e.type for e in query_entities("play Vaccine Equity", item)] == ["WORK"]


def test_the_items_metadata_names_and_date_in_the_query_are_listed(settings: Settings) -> None:
    item = make_item(
        "doc-meta", "DOCUMENT", "Secure Bike Parking", "A report on secure bike parking.",
        publisher="the European Cyclists' Federation", authors=["Femke de Vries"],
    )  # fmt: skip
    year = item.created_at.strftime("%B %Y")
    query = f"the european cyclists federation report from {year}"
    entities = query_entities(query, item)
    assert {(e.text, e.type) for e in entities} == {("European Cyclists Federation", "ORGANIZATION"), (year, "DATE")}
    evidence = query_evidence(entities, item)
    assert evidence["european cyclists federation"].source == "metadata:publisher"
    assert evidence[year.casefold()].type == "DATE"


def test_a_name_of_two_items_takes_the_type_with_the_stronger_evidence() -> None:
    report = make_item(
        "doc-wall",
        "DOCUMENT",
        "Life on the Wall",
        "This report examines the frontier, with notes by Ephesus and Pompeii.",
    )
    photo = make_item(
        "img-frescoes", "IMAGE", "Frescoes", "Archaeologists brush soil from frescoes.", location="Pompeii"
    )
    assert [e.type for e in query_entities("Pompeii", report)] == ["PERSON"]  # a weak guess: "by Ephesus and Pompeii"
    for items in ((report, photo), (photo, report)):
        found = query_entities("report or photo on Pompeii, which is better?", *items)
        assert [(e.text, e.type) for e in found] == [("Pompeii", "PLACE")]
        evidence = query_evidence(found, *items)["pompeii"]
        assert (evidence.type, evidence.source) == ("PLACE", "metadata:location")


def test_a_name_with_a_capital_the_is_listed_whole_and_found_without_it() -> None:
    episode = make_item(
        "aud-nine",
        "AUDIO",
        "The False Nine Ep. 50: Set-Piece Design",
        "Episode 50 of The False Nine.",
        show="The False Nine",
    )
    found = query_entities("analysis of the Set-Piece Design podcast by The False Nine", episode)
    assert ("The False Nine", "WORK") in [(e.text, e.type) for e in found]
    assert [(e.text, e.type) for e in query_entities("false nine episodes", episode)] == [("False Nine", "WORK")]
    assert (
        query_evidence(query_entities("false nine episodes", episode), episode)["false nine"].source == "metadata:show"
    )
    voice = make_item("vid-voice", "VIDEO", "Blind Auditions", "Blind auditions tonight.", channel="The Voice")
    assert [e.text for e in query_entities("videos from the voice", voice)] == ["The Voice"]
    assert not query_entities("a voice memo", voice)  # no lone common word


def test_a_title_the_items_prose_writes_as_a_topic_is_no_work_when_typed_in_lower_case() -> None:
    review = make_item(
        "doc-rhino",
        "DOCUMENT",
        "Rhino Anti-Poaching Work: Annual Review 2024",
        "Published by WWF, this report reviews rhino anti-poaching work and what changed.",
    )
    assert not [e for e in query_entities("a report about the rhino anti-poaching work", review) if e.type == "WORK"]
    assert [e.type for e in query_entities("the report Rhino Anti-Poaching Work", review)] == ["WORK"]
    assert [e.type for e in query_entities("the report called rhino anti-poaching work", review)] == ["WORK"]
    trailer = make_item("vid-isle", "VIDEO", "Isle of Dogs", "Isle of Dogs. Tags: isle of dogs, trailer, wes anderson.")
    assert [e.type for e in query_entities("a trailer for isle of dogs", trailer)] == ["WORK"]  # a tag is no prose


def test_a_channel_that_is_a_tv_show_is_named_as_a_work() -> None:
    clip = make_item(
        "vid-late-night",
        "VIDEO",
        "Seth Gives His Fans an Ultimatum",
        "Seth Gives His Fans an Ultimatum. Channel: Late Night with Seth Meyers. Category: Comedy.",
        channel="Late Night with Seth Meyers",
    )
    found = query_entities("the television show Late Night with Seth Meyers", clip)
    assert [(e.text, e.type) for e in found] == [("Late Night with Seth Meyers", "WORK")]
    assert query_evidence(found, clip)["late night with seth meyers"].source == "metadata:channel+tv_show"
    vlog = make_item("vid-vlog", "VIDEO", "Morning Routine", "My routine.", channel="Ariel Tejada Studio")
    assert [e.type for e in query_entities("videos by Ariel Tejada Studio", vlog)] == ["ORGANIZATION"]


def test_the_film_a_trailer_is_for_is_a_work_the_query_names() -> None:
    """ "watch the movie trailer for Annihilation" listed no entity (round 10 reading): a one-word film
    name is no title name of the upload, but the trailer is for it."""
    trailer = make_item(
        "yt-annihilation",
        "VIDEO",
        "Annihilation (2018) - Teaser Trailer - Paramount Pictures",
        "Annihilation (2018) - Teaser Trailer - Paramount Pictures. Channel: Paramount Pictures. Category: Film &"
        " Animation. Tags: Natalie Portman, Annihilation, Trailer.",
        channel="Paramount Pictures",
        category="Film & Animation",
    )
    found = query_entities("watch the movie trailer for Annihilation", trailer)
    assert Entity(text="Annihilation", type="WORK") in found


def test_a_person_the_tags_name_in_lower_case_is_listed_when_the_query_types_it() -> None:
    """ "a video about Milo Yiannopoulos and richard spencer" listed only Milo Yiannopoulos (round 11)."""
    clip = make_item(
        "yt-karaoke",
        "VIDEO",
        "Milo Yiannopoulos At Karaoke",
        "Milo Yiannopoulos At Karaoke. Channel: BuzzFeed News. Category: People & Blogs. Tags: Milo Yiannopoulos,"
        " richard spencer, karaoke, alt right, white supremacist.",
        channel="BuzzFeed News",
    )
    found = query_entities("a video about Milo Yiannopoulos and richard spencer", clip)
    assert Entity(text="Richard Spencer", type="PERSON") in found
    assert query_evidence(found, clip)["richard spencer"].source == "metadata:tags+lexicon:first_name"
    assert not any(
        entity.text.casefold() == "white supremacist" for entity in query_entities("white supremacist", clip)
    )
