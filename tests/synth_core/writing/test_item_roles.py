"""What an item's names are to a request about it (``writing.item_roles``)."""

from __future__ import annotations

from synth_core.schemas.common import Entity
from synth_core.writing.item_roles import ItemRoles
from tests.synth_core.fixtures import CHALKBOARD as BOARD
from tests.synth_core.fixtures import OLIVE_MAP as MAP
from tests.synth_core.fixtures import make_item


def test_a_name_mentioned_in_passing_is_no_topic_of_a_request() -> None:
    roles = ItemRoles()
    assert roles.unaskable(MAP, "marco bellini")  # listed once among other voices
    assert not roles.unaskable(MAP, "naples")  # in the title
    assert not roles.unaskable(MAP, "olive oil")  # a topic, no name


def test_a_place_an_image_does_not_show_is_no_subject() -> None:
    roles = ItemRoles()
    vancouver = Entity(text="Vancouver", type="PLACE")
    assert roles.central(BOARD, vancouver)  # named twice ...
    assert not roles.subject_entity(BOARD, vancouver)  # ... but the photo shows a chalkboard at MIT
    assert roles.unaskable(BOARD, "vancouver")
    assert roles.subject_entity(BOARD, Entity(text="MIT", type="ORGANIZATION"))


def test_a_title_label_segment_or_bracket_credits_rather_than_names() -> None:
    from synth_core.writing.item_roles import titled

    assert not titled("Game Revealed: Season 7 Episode 6 (HBO)", "HBO")
    assert not titled("DIY COSTUME // Grace Helbig", "Grace Helbig")
    assert not titled("Alias Grace | Official Trailer [HD] | Netflix", "Netflix")
    assert titled("Seth MacFarlane Calls Out Harvey Weinstein", "Seth MacFarlane")
    assert titled("The HBO Documentary (Trailer)", "HBO")


def test_a_speaker_named_with_an_honorific_is_still_the_items_maker() -> None:
    """Metadata drops "Dr." from a speaker's name; the text keeps it: "anything about Dr. Kavya Menon"
    of her own talk asks about its maker (round 8)."""
    roles = ItemRoles()
    talk = make_item(
        "vid-menon",
        "VIDEO",
        "Rover Driving",
        "Dr. Kavya Menon gives a talk on rover driving.",
        **{"speakers": ["Dr. Kavya Menon"]},
    )
    assert roles.maker(talk, "Dr. Kavya Menon") and roles.maker(talk, "Kavya Menon")
    assert not roles.maker(talk, "Dr. Rover")


def test_a_guest_voices_an_episode_but_does_not_make_it() -> None:
    """ "the podcast Jaguar Tracking by Lucía Ferreira" (round 9) credited a guest as the show."""
    episode = make_item(
        "a", "AUDIO", "Wild Frontiers Ep. 12: Jaguar Tracking",
        "Wild Frontiers, episode 12: jaguar tracking. Guest Dr. Lucía Ferreira, a jaguar biologist, explains.",
        kind="podcast",
    )  # fmt: skip
    roles = ItemRoles()
    assert roles.guest(episode, "Lucía Ferreira")
    assert not roles.guest(episode, "Wild Frontiers")
    assert roles.guest(make_item("b", "AUDIO", "Barrel Ageing, with Henrik Lund", "An episode."), "Henrik Lund")


def test_someone_who_also_appears_is_a_guest() -> None:
    episode = make_item(
        "c", "AUDIO", "Salt & Olive Ep. 11: Slow-Cooked Ragù",
        "Guest Marco Bellini explains. Chef Elena Marchetti, the chef-owner of Trattoria Sole in Naples, also appears.",
    )  # fmt: skip
    assert ItemRoles().guest(episode, "Elena Marchetti") and ItemRoles().guest(episode, "Marco Bellini")


def test_an_album_or_a_series_holds_an_item_and_made_nothing() -> None:
    song = make_item(
        "song",
        "AUDIO",
        "Lighthouse Radio",
        "Lighthouse Radio by The Copper Foxes, from the album Pier Sessions.",
        month=12,
        **{"kind": "music", "band": "The Copper Foxes", "album": "Pier Sessions", "series": "Harbour Songs"},
    )
    roles = ItemRoles()
    assert roles.maker(song, "The Copper Foxes")
    assert not roles.maker(song, "Pier Sessions") and not roles.maker(song, "Harbour Songs")


def test_the_occasion_and_the_names_inside_it_are_no_subject_of_a_request() -> None:
    """ "a lecture video about Velo-city" of a talk on cargo bikes given there (round 10)."""
    from synth_core.writing.item_roles import at_occasion

    talk = make_item(
        "vid-velo",
        "VIDEO",
        "Cargo-Bike Deliveries at the Sistine Chapel restoration anniversary",
        "Recorded at Velo-city in Ghent, Jonas Brandt on cargo-bike deliveries.",
        event="the Sistine Chapel restoration anniversary",
    )
    roles = ItemRoles()
    assert at_occasion(talk, "Sistine Chapel") and at_occasion(talk, "the Sistine Chapel restoration anniversary")
    assert not at_occasion(talk, "Jonas Brandt")
    assert not roles.subject_entity(talk, Entity(text="Sistine Chapel", type="PLACE"))
    assert not at_occasion(make_item("vid-none", "VIDEO", "Cargo Bikes", "Bikes."), "Cargo Bikes")


def test_where_a_recording_was_made_is_no_subject_of_it() -> None:
    """ "Kigali: podcast vs photo" of a vaccine interview recorded in Kigali (round 13); a photo taken
    in Kigali shows it."""
    from synth_core.writing.item_roles import at_occasion

    interview = make_item(
        "aud-kigali",
        "AUDIO",
        "Radio Interview: Dr. Adaeze Nwosu in Kigali",
        "Radio interview recorded in Kigali with Dr. Adaeze Nwosu, an epidemiologist, on vaccine equity.",
    )
    call = make_item(
        "aud-rotterdam",
        "AUDIO",
        "Freight Lines",
        "Clara Ivanova interviews Jorge Castillo down the line from Rotterdam.",
    )
    assert at_occasion(interview, "Kigali") and at_occasion(call, "Rotterdam")
    assert not at_occasion(interview, "Adaeze Nwosu")
    assert not ItemRoles().subject_entity(interview, Entity(text="Kigali", type="PLACE"))
    photo = make_item("img-kigali", "IMAGE", "Container Factory in Kigali", "A factory recorded in Kigali at dawn.")
    assert not at_occasion(photo, "Kigali")


def test_the_camera_is_neither_maker_nor_subject_of_a_photo() -> None:
    """ "a detailed write-up on wind farm by Nikon Z8" (round 10 reading)."""
    photo = make_item(
        "img-wind",
        "IMAGE",
        "Wind Farm at Dawn",
        "Turbines turn off the coast. Taken with a Nikon Z8.",
        camera="Nikon Z8",
        photographer="Kwabena Owusu",
    )
    roles = ItemRoles()
    assert roles.equipment(photo, "Nikon Z8") and not roles.maker(photo, "Nikon Z8")
    assert not roles.subject_entity(photo, Entity(text="Nikon Z8", type="PRODUCT"))
    assert roles.maker(photo, "Kwabena Owusu") and not roles.equipment(photo, "Kwabena Owusu")
