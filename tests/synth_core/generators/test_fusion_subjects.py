"""What fusion queries ask about: shared subjects, two of them, or a shared subject narrowed by a
facet; planned by need so one popular subject does not crowd out the rest."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from synth_core.agents import AgentInference
from synth_core.generators import fusion_subjects
from synth_core.generators.fusion_subjects import MAX_USES, pair_needs, plan_needs
from synth_core.generators.pairs import ContentPair, Subject, content_keys, key_form
from synth_core.generators.sample_pairs import formed_pairs
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


@pytest.fixture
def agents(settings: Settings) -> AgentInference:
    return AgentInference(settings.agents)


def test_shared_needs_are_carried_by_both_items_and_facets_by_one(agents: AgentInference) -> None:
    pair = ContentPair(BY_ID["aud-reef"], BY_ID["img-reef"], "test")
    needs = pair_needs(pair, agents)
    both = content_keys(pair.first) & content_keys(pair.second)
    assert needs.shared and all({subject.key for subject in subjects} <= both for subjects in needs.shared)
    assert any(len(subjects) == 2 for subjects in needs.shared)
    for lead, facet in needs.facets:
        assert lead.key in both and facet.key not in both
        assert any(s.entity is not None and s.entity.type in {"PLACE", "PERSON"} for s in (lead, facet))


def test_a_pair_linked_by_one_subject_is_asked_about_that_subject_only(agents: AgentInference) -> None:
    pair = ContentPair(BY_ID["vid-kube"], BY_ID["doc-kube"], "test")
    needs = pair_needs(pair, agents)
    assert [[subject.key for subject in subjects] for subjects in needs.shared] == [[key_form("Kubernetes")]]
    assert needs.facets == []


def test_subjects_naming_a_media_type_are_left_out(agents: AgentInference) -> None:
    video = make_item("v", "VIDEO", "Podcast studio tour", "A tour of the podcast studio of Radio Lumen in Oslo.")
    audio = make_item("a", "AUDIO", "Podcast studio sounds", "Sounds of the podcast studio of Radio Lumen in Oslo.")
    needs = pair_needs(ContentPair(video, audio, "test"), agents)
    keys = {subject.key for subjects in needs.shared + needs.facets for subject in subjects}
    assert keys and not any("podcast" in key for key in keys)


def test_plans_spread_over_needs_in_the_kind_shares(settings: Settings, agents: AgentInference) -> None:
    ctx = make_context(settings, memory_backend(), sample_of(groups=()))
    pairs = formed_pairs(ctx)
    planned = plan_needs(random.Random(3), pairs, agents, 30)
    assert len(planned) == 30
    uses = Counter(need.key for need in planned)
    kinds = Counter(need.kind for need in planned)
    assert max(uses.values()) <= MAX_USES
    assert kinds["single"] > kinds["double"] > 0 and kinds["facet"] > 0, kinds
    assert all(need.subjects for need in planned)
    assert plan_needs(random.Random(3), pairs, agents, 30) == planned


def test_nothing_to_ask_plans_nothing(agents: AgentInference) -> None:
    assert plan_needs(random.Random(1), [], agents, 10) == []


def test_a_facet_is_something_the_other_item_never_says() -> None:
    audio = make_item("a", "AUDIO", "Thinking About Rewilding the Highlands", "Beavers return to the Highlands.")
    lacks = fusion_subjects._lacks(audio)
    assert not lacks(Subject("Scottish Highlands")) and lacks(Subject("Cairngorms"))


def test_no_subject_is_asked_about_more_than_its_share_and_a_run_comes_up_short(
    settings: Settings, agents: AgentInference
) -> None:
    ctx = make_context(settings, memory_backend(), sample_of(groups=()))
    pairs = formed_pairs(ctx)
    planned = plan_needs(random.Random(3), pairs, agents, 5000)
    per_subject = Counter(key for need in planned for key in need.key)
    cap = max(fusion_subjects.SUBJECT_MIN_USES, round(5000 * fusion_subjects.MAX_SUBJECT_SHARE))
    assert max(per_subject.values()) <= cap
    assert 0 < len(planned) < 5000  # the fixture's few subjects cannot carry 5,000 distinct needs


def test_no_pair_carries_more_than_its_share_of_a_run(settings: Settings, agents: AgentInference) -> None:
    ctx = make_context(settings, memory_backend(), sample_of(groups=()))
    pairs = formed_pairs(ctx)
    planned = plan_needs(random.Random(3), pairs, agents, 5000)
    per_pair = Counter(need.pair_id for need in planned)
    cap = max(fusion_subjects.PAIR_MIN_USES, round(5000 * fusion_subjects.MAX_PAIR_SHARE))
    assert max(per_pair.values()) <= cap
    assert len(per_pair) > 1


def test_two_spellings_count_as_one_subject_against_its_share() -> None:
    spelling = fusion_subjects._SpellingVariants()
    assert spelling.of("donuts") == spelling.of("doughnuts") == "donuts"
    assert spelling.of("photons") != spelling.of("donuts")


def test_two_spellings_of_one_subject_are_no_two_subjects() -> None:
    assert not fusion_subjects._distinct(Subject("donuts"), Subject("doughnuts"))
    assert fusion_subjects._distinct(Subject("solar power"), Subject("India"))


def test_a_facet_is_joined_only_to_what_its_item_says_with_it(agents: AgentInference) -> None:
    report = make_item(
        "d",
        "DOCUMENT",
        "Olympus Mons Caldera Survey",
        "The caldera of Olympus Mons collapsed in stages. Contributors include Dr. Kavya Menon.",
    )
    photo = make_item(
        "i",
        "IMAGE",
        "Olympus Mons Caldera from Orbit",
        "The caldera of Olympus Mons seen from orbit in Tharsis. Material was gathered in Pasadena.",
    )
    facets = pair_needs(ContentPair(report, photo, "test"), agents).facets
    joined = {subject.key for facet in facets for subject in facet}
    assert "tharsis" in joined  # said in one sentence with the caldera of Olympus Mons
    assert "kavya menon" not in joined and "pasadena" not in joined  # said apart: never joined


def test_two_pieces_of_one_title_phrase_are_not_two_subjects() -> None:
    assert fusion_subjects._one_phrase("Cherry Harvest in the Douro", Subject("cherry"), Subject("harvest"))
    bridge = Subject("Erasmus Bridge", Entity(text="Erasmus Bridge", type="PLACE"))
    assert fusion_subjects._one_phrase("Erasmus Bridge at Dusk", Subject("dusk"), bridge)
    assert not fusion_subjects._one_phrase(
        "Cherry orchards, and the harvest festival later", Subject("cherry"), Subject("harvest")
    )
    rotterdam = Subject("Rotterdam", Entity(text="Rotterdam", type="PLACE"))
    assert not fusion_subjects._one_phrase("Container Cranes in Rotterdam", Subject("container cranes"), rotterdam)


def test_a_name_and_a_lone_common_word_are_not_listed_together(agents: AgentInference) -> None:
    photo = make_item(
        "i",
        "IMAGE",
        "Security Operations Centre at Night",
        "Analysts at Sentinel Forge's security operations centre watch threat maps. Sentinel Forge analysts log in.",
    )
    call = make_item(
        "a",
        "AUDIO",
        "Earnings Call: Sentinel Forge",
        "Analysts pressed Sentinel Forge on its security operations centre. Sentinel Forge told analysts to wait.",
    )
    doubles = [needs for needs in pair_needs(ContentPair(photo, call, "test"), agents).shared if len(needs) == 2]
    assert not any({s.key for s in needs} == {"sentinel forge", "analyst"} for needs in doubles)


def test_a_lone_common_word_is_listed_with_nothing() -> None:
    """ "Boston Dynamics Spot and patrols", "lock-keeper and mysteries" (round 11): a lone word glued to
    a phrase or to another lone word with "and" asks for no one thing."""
    from synth_core.generators.fusion_subjects import _listable

    spot, patrols, mysteries = Subject("boston dynamics spot"), Subject("patrols"), Subject("mysteries")
    assert not _listable(spot, patrols) and not _listable(patrols, mysteries)
    assert _listable(spot, Subject("industrial sites"))
    assert _listable(Subject("Oren Sallow", Entity(text="Oren Sallow", type="PERSON")), spot)


def test_a_pair_linked_by_one_name_is_narrowed_by_what_only_one_item_says(agents: AgentInference) -> None:
    interview, report = interview_and_report_sharing_one_name()
    needs = pair_needs(ContentPair(interview, report, "test"), agents)
    assert [[subject.key for subject in subjects] for subjects in needs.shared] == [["priyanka sethi"]]
    facets = [tuple(subject.key for subject in subjects) for subjects in needs.facets]
    assert ("priyanka sethi", "packaging line") in facets  # said of her in the interview; the report never says it
    assert "packaging line" not in content_keys(report)
    assert not any("hsinchu" in facet for facet in facets)  # only where the interview was recorded (round 13)


def test_a_phrase_cut_from_a_title_is_not_asked_about_alone(agents: AgentInference) -> None:
    photo = make_item(
        "i", "IMAGE", "Rover Operations Room", "Engineers at JPL plan a rover drive in the operations room at night."
    )
    film = make_item(
        "v", "VIDEO", "Film: Rover Operations Room", "Inside the operations room, engineers at JPL plan the next drive."
    )
    pair = ContentPair(photo, film, "test")
    assert "operations room" in {subject.key for subject in fusion_subjects.shared_subjects(pair)}
    alone = [subjects[0].key for subjects in pair_needs(pair, agents).shared if len(subjects) == 1]
    assert "operations room" not in alone  # "pictures and clips about operations room" says too little


def test_a_phrase_cut_from_a_title_is_listed_only_beside_a_name(agents: AgentInference) -> None:
    ingenuity = Subject("Ingenuity", Entity(text="Ingenuity", type="PRODUCT"))
    photo = make_item("i", "IMAGE", "Ingenuity's Final Resting Place", "The helicopter rests on a dune.")
    film = make_item("v", "VIDEO", "Film: Final Resting Place", "The helicopter rests on a dune, rotor broken.")
    pair = ContentPair(photo, film, "test")
    resting, rotor = Subject("resting place"), Subject("rotor")
    assert not fusion_subjects._says_which(pair, resting, rotor)  # "resting places and rotor"
    assert fusion_subjects._says_which(pair, resting, ingenuity)
