"""The pair_link signal: what of a fusion query both items are about, read from the query and the
two items alone."""

from __future__ import annotations

from synth_core.generators.pair_link import pair_link
from tests.synth_core.fixtures import ITEMS, make_item

BY_ID = {item.id: item for item in ITEMS}


def test_a_name_both_items_are_about_links_them_fully() -> None:
    link = pair_link("coral on the Great Barrier Reef", (BY_ID["aud-reef"], BY_ID["img-reef"]))
    assert link is not None
    assert "Great Barrier Reef" in link.shared and not link.lone and not link.apart and not link.cut


def test_a_lone_word_is_marked_with_what_corroborates_it() -> None:
    zoo = make_item("z", "IMAGE", "Two giraffes roam a zoo paddock", "Two giraffes and other animals roam a zoo.")
    cam = make_item("v", "VIDEO", "Animal Adventure Park Giraffe Cam", "A giraffe cam at the zoo. The zoo streams.")
    link = pair_link("more about zoo", (zoo, cam))
    assert link is not None and link.shared == ["zoo"] and link.lone
    assert "giraffe" in link.corroborating


def test_a_query_about_nothing_both_items_are_about_shares_nothing() -> None:
    link = pair_link("show me segment closes", (BY_ID["aud-reef"], BY_ID["img-reef"]))
    assert link is not None and link.shared == [] and not link.lone


def test_a_phrase_cut_from_a_title_is_marked() -> None:
    photo = make_item("i", "IMAGE", "Rover Operations Room", "Engineers plan a rover drive in the operations room.")
    film = make_item("v", "VIDEO", "Film: Rover Operations Room", "In the operations room, engineers plan a drive.")
    link = pair_link("pictures and clips about operations room", (photo, film))
    assert link is not None and link.cut == ["operations room"]


def test_one_item_is_no_pair() -> None:
    assert pair_link("coral", (BY_ID["aud-reef"],)) is None
