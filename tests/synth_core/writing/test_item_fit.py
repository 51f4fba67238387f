"""What a drafted query may not ask of its item (rounds 6 and 7 of the judged sample, scratch rounds)."""

from __future__ import annotations

import pytest

from synth_core.writing.item_fit import (
    SUMMARY_AND_REPORT_FRAMES,
    credit_asked_about,
    entity_alone_asked,
    kind_said_twice,
    object_of,
    place_as_company,
    seen_up_close,
    sound_as_subject,
)


def test_a_music_tag_is_no_subject_and_no_song_title() -> None:
    assert sound_as_subject("queue up anything on acoustic drums", ("acoustic drums",))
    assert sound_as_subject("Where can I listen to something about medium fast tempo?", ("medium fast tempo",))
    assert sound_as_subject("start playing the digital drums song", ("digital drums",))
    assert not sound_as_subject("play a poprock song with acoustic drums", ("acoustic drums", "poprock"))
    assert not sound_as_subject("digital drums songs", ("digital drums",))


def test_only_a_photographed_thing_is_seen_up_close() -> None:
    assert seen_up_close("spectroscopy up close", ("diagram",))
    assert not seen_up_close("a yellow card up close", ("photo",))
    assert not seen_up_close("a map of Puglia", ("diagram",))


def test_what_a_summary_or_a_report_is_of() -> None:
    assert object_of("detailed breakdown of Maria Lopez", SUMMARY_AND_REPORT_FRAMES) == "Maria Lopez"
    assert (
        object_of("Can you summarize The State of Green Roofs?", SUMMARY_AND_REPORT_FRAMES)
        == "The State of Green Roofs"
    )
    assert object_of("play Maria Lopez", SUMMARY_AND_REPORT_FRAMES) is None


def test_a_name_that_says_its_kind_takes_no_second_media_word() -> None:
    name = "White Paper: Rethinking Fast-Charging Networks"
    assert kind_said_twice(f"I'm looking for the {name} paper", (name,))
    assert kind_said_twice("report called Nordlys Architects Report", ("Nordlys Architects Report",))
    assert kind_said_twice("Handbook for Via Ferrata Routes manual", ("Handbook for Via Ferrata Routes",))
    assert not kind_said_twice("the paper called Car-Free Streets Revisited", ("Car-Free Streets Revisited",))
    assert not kind_said_twice("rethinking fast-charging networks paper", (name,))  # the name is not quoted
    talk = "Rover Driving: a Talk by Dr. Kavya Menon"
    assert kind_said_twice(f"{talk} talk", (talk,))  # round 8: a talk's title says it is one
    tutorial = "Tutorial: Getting Started with Pumped Hydro Storage"  # round 10
    assert kind_said_twice(f"can you find the {tutorial} tutorial video by Tomás Ibarra?", (tutorial,))
    assert kind_said_twice("the Radio Interview: Noah Abernathy interview", ("Radio Interview: Noah Abernathy",))
    assert not kind_said_twice(f"watch {talk}", (talk,))


@pytest.mark.parametrize(
    ("query", "asked_about"),
    [
        ("studies on Samuel Adeyemi from August 2025", True),  # his book is not about him
        ("do you have talks about Zainab Mahmoud?", True),
        ("a paper about Priyanka Sethi", True),
        ("more on the Harbourside Press", True),
        ("Samuel Adeyemi on methane pledges", False),  # the credit speaks or writes on a topic
        ("papers by Priyanka Sethi on building fabs", False),
        ("the video with Zainab Mahmoud", False),
        ("anything about Zainab Mahmoudi", False),  # another name
    ],
)
def test_a_credit_asked_about_as_the_subject(query: str, asked_about: bool) -> None:
    credits = ("Samuel Adeyemi", "Zainab Mahmoud", "Priyanka Sethi", "Harbourside Press")
    assert credit_asked_about(query, credits) is asked_about


def test_a_place_is_never_with_the_item_as_if_it_were_someone() -> None:
    assert place_as_company("the video with Toronto", ["Toronto"])
    assert place_as_company("put on the audio lecture with Mars", ["Mars"])
    assert place_as_company("photos with the Douro Valley", ["Douro Valley"])
    assert not place_as_company("the video from Toronto", ["Toronto"])
    assert not place_as_company("cargo bikes in Copenhagen with Kwabena Owusu", ["Copenhagen"])
    assert place_as_company("a talk of Arizona", ["Arizona"])  # only pictures and footage are "of" a place
    assert not place_as_company("photos of Tokyo", ["Tokyo"]) and not place_as_company("a video of Paris", ["Paris"])


def test_a_place_an_acronym_or_an_event_alone_is_no_find_request() -> None:
    """ "I need USA", "do you have AP?", "I'm looking for Bonn" (round 9) ask for the thing itself."""
    assert entity_alone_asked("I need USA", [("USA", "PLACE")])
    assert entity_alone_asked("do you have AP?", [("AP", "CONCEPT")])
    assert not entity_alone_asked("find Donald Trump", [("Donald Trump", "PERSON")])
    assert not entity_alone_asked("can you find The Chi Season 1?", [("The Chi Season 1", "WORK")])
    assert not entity_alone_asked("show me photographs of Seville", [("Seville", "PLACE")])


def test_a_music_tag_before_a_media_word_must_be_a_kind_of_music() -> None:
    """ "melody music", "current manipulation tracks" (round 11): a tag's cut is no kind of music."""
    from synth_core.writing.item_fit import untraited_sound_tag
    from synth_core.writing.sound import MusicTraits

    traits = MusicTraits(("hardrock",), ("groovy",), ("acoustic drums",), False)
    assert untraited_sound_tag("play me melody music", ["melody"], traits)
    assert untraited_sound_tag("current manipulation tracks", ["current manipulation"], traits)
    assert not untraited_sound_tag("some groovy tracks", ["groovy"], traits)
    assert not untraited_sound_tag("hardrock songs", ["hardrock"], traits)  # the clip's own genre
    assert not untraited_sound_tag("jazz piano tracks", ["jazz piano"], traits)  # an instrument heard
    assert not untraited_sound_tag("a song with melody", ["melody"], traits)  # not before a media word
