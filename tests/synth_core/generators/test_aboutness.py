"""What an item is about, read from its words: the title, a keyword list, two mentions, a short
caption; never a mention inside a longer name, a passing sentence or a contributor list."""

from __future__ import annotations

from synth_core.generators.aboutness import (
    ItemWords,
    said_together,
    says_in,
    shared_about_words,
    shared_words,
)
from synth_core.generators.text_parts import keyword_lists
from tests.synth_core.fixtures import make_item

PAPER = make_item(
    "d",
    "DOCUMENT",
    "Slow-Cooked Ragù Revisited",
    "This paper presents new evidence on slow-cooked ragù. Yannis Papadakis grills whole sea bream on a beach. "
    "Puglia produces close to half of Italy's olive oil. Contributors include Marco Bellini and Leila Haddad.",
)


def words_of(item, names=()):  # type: ignore[no-untyped-def]
    return ItemWords.of(item, names)


def test_the_title_or_two_mentions_make_a_subject_a_passing_sentence_does_not() -> None:
    paper = words_of(PAPER)
    assert paper.is_about("ragù") and paper.is_about("Slow-Cooked Ragù")  # title (and once more)
    assert not paper.is_about("sea bream")  # one passing sentence of four
    assert not paper.is_about("Marco Bellini")  # a contributor, listed once
    twice = make_item("d2", "DOCUMENT", "Notes", "Sea bream is grilled whole. Grilled sea bream wants lemon. Done.")
    assert words_of(twice).is_about("sea bream")


def test_a_short_caption_is_about_all_it_says() -> None:
    photo = make_item("i", "IMAGE", "thinking about getting my nails like this for prom", "a pink manicure .")
    assert words_of(photo).is_about("manicure")


def test_a_mention_inside_a_longer_name_is_no_mention() -> None:
    stadium = make_item(
        "i",
        "IMAGE",
        "Arthur Ashe Stadium at Sunset",
        "Fans fill Arthur Ashe Stadium under a sunset. Credit: the WTA. Part of a photo essay. More to come.",
    )
    words = words_of(stadium, ["Arthur Ashe Stadium", "Arthur Ashe", "WTA"])
    assert words.is_about("Arthur Ashe Stadium") and not words.is_about("Arthur Ashe")
    assert words.mentions("Arthur Ashe") == 0 and words.mentions("Arthur Ashe", title_only=True) == 0
    assert words.mentions("sunset", title_only=True) == 1 and words.mentions("sunset") == 1  # title, prose


def test_a_keyword_list_says_what_an_item_is_about_but_not_what_it_says_itself() -> None:
    text = (
        "Cardi B Performs. Channel: Jimmy Kimmel Live. Category: Comedy. Tags: jimmy, U.S. Soccer Federation, hip hop."
    )
    assert keyword_lists(text) == ["jimmy", "U.S. Soccer Federation", "hip hop"]
    assert keyword_lists("Contributors include Ana, Ben and Cleo. Lopez: On the reef we grow coral.") == []
    video = make_item("v", "VIDEO", "Cardi B Performs Bodak Yellow", text)
    words = words_of(video)
    assert words.is_about("hip hop") and not words.is_about("Jimmy Kimmel Live")
    assert "hop" in words.content_words and "hop" not in words.about_words and "bodak" in words.about_words


def test_the_uploaders_name_and_its_fields_are_no_subject() -> None:
    video = make_item(
        "v",
        "VIDEO",
        "Chewy Salted Chocolate Caramels | Cupcake Jemma",
        "Chewy Salted Chocolate Caramels | Cupcake Jemma. Channel: CupcakeJemma. Category: Howto & Style. "
        "Tags: cupcake, cupcakes, cake, caramels.",
        channel="CupcakeJemma",
    )
    words = words_of(video)
    assert words.is_about("caramels") and words.mentions("cupcake", title_only=True) == 0
    assert "cupcake" not in words.about_words and "cupcake" in words.content_words  # a tag, the channel


def test_a_title_word_that_only_qualifies_a_more_specific_one_needs_the_prose() -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "Harbour Chicane in Monaco",
        "Cars thread the chicane in Monaco as yachts crowd the harbour. Qualifying decides most of the "
        "result at the Monaco Grand Prix. Part of a photo essay on pit stops.",
    )
    words = words_of(photo)
    assert not words.is_about("harbour") and words.is_about("harbour chicane") and words.is_about("chicane")
    survey = make_item("d", "DOCUMENT", "Olympus Mons Caldera Survey", "Notes. On the caldera. Of Mars. More.")
    assert words_of(survey).is_about("caldera")  # "survey" is the commoner word: the caldera is named
    captionless = make_item("v", "VIDEO", "Harbour Chicane", "Harbour Chicane. Channel: F1. Category: Sports.")
    assert words_of(captionless).is_about("harbour")  # a title with no prose beside it is all it says


def test_shared_words_count_what_else_two_items_have_in_common() -> None:
    bike = words_of(make_item("i", "IMAGE", "A bike chained to a pole", "A bike chained to a pole at a station."))
    quark = words_of(make_item("d", "DOCUMENT", "Pole Structure of the Quark", "The pole of a quark propagator."))
    husky = words_of(make_item("v", "VIDEO", "Husky's First Howl", "Tags: husky, dog, dogs, funny dogs."))
    car = words_of(make_item("i2", "IMAGE", "A husky dog in a car", "A husky dog sitting in a car."))
    assert shared_words(bike, quark, ["pole"]) == 0
    assert shared_words(husky, car, ["husky"]) == 1  # "dog"


def test_two_subjects_are_said_together_only_in_one_sentence() -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "Olympus Mons from Orbit",
        "A mosaic shows the caldera of Olympus Mons. Contributors include Dr. Kavya Menon and Elise Fontaine.",
    )
    assert said_together(photo, "caldera", "Olympus Mons")
    assert not said_together(photo, "Kavya Menon", "Olympus Mons")


def test_captions_run_together_are_no_short_text() -> None:
    captions = " ".join(["there are two cats that are laying with each other on a bed"] * 4)
    photo = make_item("i", "IMAGE", "two cats laying together", captions + " two cats next to a white wall")
    assert not words_of(photo).is_about("white wall") and words_of(photo).is_about("cats")


def test_a_lone_word_inside_a_key_phrase_only_is_no_subject_but_a_name_is() -> None:
    item = make_item("i", "IMAGE", "hip hop artist on stage", "a hip hop artist performs for the festival crowd .")
    words = ItemWords.of(item, [], ["hip hop", "hip hop artist"])
    assert not words.is_about("hip") and words.is_about("hip hop")
    kube = ItemWords.of(make_item("d", "DOCUMENT", "Kubernetes Autoscaling", "Notes."), [], ["kubernetes autoscaling"])
    assert kube.is_about("Kubernetes", name=True) and not kube.is_about("Kubernetes")


def test_a_thing_is_in_a_place_only_when_named_before_it() -> None:
    video = make_item(
        "v",
        "VIDEO",
        "Eugene on Film",
        "Also referenced: wind gauges and the Prefontaine Classic in Eugene, plus recent work by INSEP.",
    )
    assert says_in(video, "Prefontaine Classic", "Eugene") and not says_in(video, "INSEP", "Eugene")


def test_a_channels_words_are_no_subject_of_its_items() -> None:
    video = make_item(
        "v", "VIDEO", "Red Velvet Cupcakes | Tasty", "Channel: Tasty. Tags: tasty, cupcakes, baking.", channel="Tasty"
    )
    words = words_of(video)
    assert not words.is_about("Tasty", name=True) and words.is_about("cupcakes")


def test_a_word_and_its_own_forms_corroborate_nothing() -> None:
    disk = words_of(make_item("d", "DOCUMENT", "White dwarfs with dust disks", "Dusty disks orbit dwarfs. Dust glows."))
    cloud = words_of(make_item("i", "IMAGE", "A dust cloud near an elephant", "An elephant in a dusty field."))
    assert shared_about_words(disk, cloud, ["dust"]) == 0  # "dusty" is "dust" again
