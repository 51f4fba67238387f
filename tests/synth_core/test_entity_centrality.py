"""A name is central to its item (title, metadata, or named twice) or a passing mention."""

from __future__ import annotations

from synth_core.entities.centrality import count_words, is_central, place_not_shown

TITLE = "White Paper: Rethinking Fast-Charging Networks"
TEXT = (
    "This white paper from Toyota argues for fast charging. The ID.4 is assembled in Germany. "
    "Jun Park, a planner at Voltway, joins Toyota engineers. Park says chargers lag."
)


def test_title_metadata_or_two_mentions_make_a_name_central() -> None:
    assert is_central("Toyota", "ORGANIZATION", title=TITLE, text=TEXT)  # named twice
    assert is_central("Fast-Charging Networks", "CONCEPT", title=TITLE, text=TEXT)  # in the title
    assert is_central("Harbourside Press", "ORGANIZATION", title=TITLE, text=TEXT, own_names=["Harbourside Press"])
    assert is_central("Jun Park", "PERSON", title=TITLE, text=TEXT)  # later by family name alone


def test_a_single_passing_mention_is_not_central() -> None:
    assert not is_central("Germany", "PLACE", title=TITLE, text=TEXT)
    assert not is_central("Voltway", "ORGANIZATION", title=TITLE, text=TEXT)


def test_mentions_that_only_credit_a_name_are_passing() -> None:
    text = "Ana Ruiz reviews used EVs, alongside colleagues from Volkswagen, with support from the Volkswagen group."
    assert not is_central("Volkswagen", "ORGANIZATION", title="Used EV Prices", text=text)
    text = "Volkswagen sells more EVs. Volkswagen plans a new plant, with support from Bosch."
    assert is_central("Volkswagen", "ORGANIZATION", title="Used EV Prices", text=text)


def test_the_title_counts_once_when_the_text_repeats_it() -> None:
    text = f"{TITLE}. Germany is mentioned once."
    assert not is_central("Germany", "PLACE", title=TITLE, text=text)
    assert count_words("Oslo, oslo and Oslofjord", "Oslo") == 2


def test_a_place_field_alone_does_not_make_a_place_central() -> None:
    text = "A mosaic shows Olympus Mons. Material was gathered in Pasadena."
    assert not is_central("Pasadena", "PLACE", title="Olympus Mons from Orbit", text=text, own_names=["Pasadena"])


def test_the_date_an_item_states_in_its_title_wins_over_created_at() -> None:
    from datetime import UTC, datetime

    from synth_core.entities.dates import date_names, own_date

    created = datetime(2025, 9, 3, tzinfo=UTC)
    assert own_date("The State of Single-Origin Espresso, July 2025", created) == (2025, 7)
    assert own_date("Plenary Hall at COP29", created) == (2025, 9)
    assert date_names("Report, July 2025", created) == {"2025", "july 2025"}
    # the month a photo says it was taken in, when the title states none ("an image of Pompeii taken in
    # April 2024" of a photo "Taken in February 2024", round 10)
    caption = "Archaeologists brush soil from frescoes. Taken in February 2024 with a Sony A7 IV."
    assert own_date("Banquet Hall Frescoes at Pompeii", created, caption) == (2024, 2)
    assert own_date("Report, July 2025", created, caption) == (2025, 7)
    assert date_names("Frescoes", created, "recorded in March 2023.") == {"2023", "march 2023"}


def test_statements_and_recent_work_credit_a_name_in_passing() -> None:
    text = "Plus a statement from the Smithsonian. Also referenced: recent work by the Smithsonian."
    assert not is_central("Smithsonian", "ORGANIZATION", title="Live Recording", text=text)


def test_the_cached_answer_depends_on_the_own_names_not_their_container() -> None:
    text = "Notes on tides. Lena Richter measured them."
    assert is_central("Lena Richter", "PERSON", title="Notes on tides", text=text, own_names=["Lena Richter"])
    assert is_central("Lena Richter", "PERSON", title="Notes on tides", text=text, own_names=("lena richter",))
    assert not is_central("Lena Richter", "PERSON", title="Notes on tides", text=text, own_names=())


def test_a_place_an_images_title_does_not_name_is_not_shown() -> None:
    title = "Chalkboard Lecture at MIT in Cambridge"
    assert place_not_shown("Vancouver", "PLACE", modality="IMAGE", title=title)
    assert not place_not_shown("Cambridge", "PLACE", modality="IMAGE", title=title)
    assert not place_not_shown("Vancouver", "PLACE", modality="VIDEO", title=title)  # a video can go there
    assert not place_not_shown("Grace Oduya", "PERSON", modality="IMAGE", title=title)
