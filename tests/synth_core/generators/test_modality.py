"""Modality examples: the label is what the query asks for, checked against the store."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from synth_core.agents import AgentInference
from synth_core.generators import modality
from synth_core.generators.labels import content_modalities, rank_of
from synth_core.schemas.common import GeneratorKind
from synth_core.schemas.modality import ModalityExampleSchema
from synth_core.settings import Settings
from synth_core.writing.base import QuerySpec, WriteProgress, WrittenQuery
from tests.synth_core.fixtures import (
    ITEMS,
    UNSTORED,
    comparable,
    make_context,
    make_item,
    memory_backend,
    revalidate,
    sample_of,
    sqlite_backend,
)

BY_ID = {item.id: item for item in (*ITEMS, UNSTORED)}


def test_labels_follow_the_content_and_are_checked_against_the_store(settings: Settings, tmp_path: Path) -> None:
    agents = AgentInference(settings.agents)
    store = sqlite_backend(tmp_path)
    ctx = make_context(settings, store, sample_of((*ITEMS, UNSTORED)))
    output = modality.generate(ctx, 120)
    assert len(output.examples) == 120 and output.failures == []
    for example in output.examples:
        assert isinstance(example, ModalityExampleSchema)
        revalidate(example)
        source = BY_ID[example.provenance.source_content_ids[0]]
        assert example.modality in modality.query_targets(source)
        assert example.correct_agent == agents.agent_for(example.modality)
        hits = store.search(example.query, limit=10, modalities=content_modalities(example.modality, source))
        assert example.success == (rank_of(hits, source.id) is not None), example.query
        assert example.signals.label_checked
        media, word = agents.detect_media(example.query)
        assert example.modality_features["media_word"] == word == example.signals.media_word
        assert example.modality_features["explicit_media_cue"] == (word is not None)
        if example.modality == "TEXT":
            assert media is None, "a factual question names no media type"
        elif media is not None:
            assert media == example.modality
        if source.id == UNSTORED.id:
            assert not example.success and example.signals.source_rank is None
    assert any(example.provenance.source_content_ids == [UNSTORED.id] for example in output.examples)
    assert Counter(example.success for example in output.examples).keys() == {True, False}


def test_text_bearing_content_yields_both_document_and_text_queries(settings: Settings) -> None:
    output = modality.generate(make_context(settings, memory_backend()), 200)
    labels_by_source = Counter(
        (BY_ID[example.provenance.source_content_ids[0]].modality, example.modality) for example in output.examples
    )
    assert labels_by_source[("DOCUMENT", "DOCUMENT")] > 0 and labels_by_source[("DOCUMENT", "TEXT")] > 0
    assert labels_by_source[("AUDIO", "TEXT")] > 0  # from the podcast transcript
    assert labels_by_source[("IMAGE", "TEXT")] == 0 and labels_by_source[("VIDEO", "TEXT")] == 0


class WrongMediaWriter:
    """An LLM stand-in that names the wrong media type ('podcast') for the first ``bad`` specs."""

    kind: GeneratorKind = "llm"
    max_calls_per_spec = 1

    def __init__(self, bad: int) -> None:
        self.bad = bad
        self.calls = 0

    def write(
        self, specs: Sequence[QuerySpec], *, seed: int, progress: WriteProgress | None = None
    ) -> list[WrittenQuery]:
        answers = []
        for spec in specs:
            self.calls += 1
            topic = spec.topics[0] if spec.topics else spec.items[0].title
            media = spec.target_modality.lower()  # a re-ask names the wanted media, so nothing else is wrong
            text = f"{topic} podcast" if self.calls <= self.bad else f"{topic} {media} {spec.style} {self.calls}"
            answers.append(WrittenQuery(text=text, generator="llm", model="stand-in"))
        return answers


def test_a_query_naming_another_media_type_is_re_asked_not_relabelled(settings: Settings) -> None:
    video = [item for item in ITEMS if item.id == "vid-kube"]
    ctx = make_context(settings, memory_backend(), sample_of(video), writer=WrongMediaWriter(bad=1))
    output = modality.generate(ctx, 1)
    assert len(output.examples) == 1
    example = output.examples[0]
    assert isinstance(example, ModalityExampleSchema)
    assert "podcast" not in example.query and example.modality == "VIDEO"
    assert example.signals.retries == 1 and example.synthetic_source.startswith("llm:stand-in:")

    stubborn = make_context(settings, memory_backend(), sample_of(video), writer=WrongMediaWriter(bad=100))
    failed = modality.generate(stubborn, 1)
    assert failed.examples == []
    assert len(failed.failures) == 1 and "'podcast' (AUDIO)" in failed.failures[0].reason


def test_no_duplicate_queries_and_the_same_seed_gives_the_same_examples(settings: Settings) -> None:
    first = modality.generate(make_context(settings, memory_backend(), seed=11), 150)
    again = modality.generate(make_context(settings, memory_backend(), seed=11), 150)
    other = modality.generate(make_context(settings, memory_backend(), seed=12), 150)
    queries = [example.query.casefold() for example in first.examples]
    assert len(set(queries)) == len(queries) == 150
    assert [comparable(e) for e in first.examples] == [comparable(e) for e in again.examples]
    assert [e.query for e in first.examples] != [e.query for e in other.examples]


def test_more_examples_than_the_content_supports_come_back_short_with_reasons(settings: Settings) -> None:
    two = [item for item in ITEMS if item.id in ("img-alps", "img-jazz")]
    output = modality.generate(make_context(settings, memory_backend(), sample_of(two)), 2000)
    assert 0 < len(output.examples) < 2000
    assert len(output.examples) + len(output.failures) == 2000
    assert all("img-" in failure.reason and "attempt" in failure.reason for failure in output.failures)


def test_the_label_mix_follows_real_traffic(settings: Settings) -> None:
    # Issue 11: TEXT is about a fifth of real queries; the plan deals labels in TRAFFIC_MIX proportions.
    planned = modality.label_plan(random.Random(3), ITEMS, 1000)
    shares = Counter(target for target, _ in planned)
    for target, share in modality.TRAFFIC_MIX.items():
        assert abs(shares[target] / 1000 - share) < 0.01, target
    assert all(target in modality.query_targets(item) for target, item in planned)
    only_audio = modality.label_plan(random.Random(3), ITEMS, 100, "AUDIO")
    assert {target for target, _ in only_audio} == {"AUDIO"}  # a reviewer's correction wins


def test_a_music_video_is_asked_who_sings_it(settings: Settings) -> None:
    video = make_item("mv1", "VIDEO", "Kygo - Kids in Love (Official Video)", "Kids in Love by Kygo.",
                      channel="Kygo", category="Music")  # fmt: skip
    assert modality.query_targets(video) == ("VIDEO", "TEXT")
    output = modality.generate(make_context(settings, memory_backend([video]), sample_of([video])), 12)
    questions = [example.query for example in output.examples if example.modality == "TEXT"]
    assert questions and all("Kids in Love" in query for query in questions)


def test_undated_items_get_no_time_phrase(settings: Settings) -> None:
    undated = [item.model_copy(update={"metadata": {**item.metadata, "date_estimated": True}}) for item in ITEMS]
    by_id = {item.id: item for item in undated}
    output = modality.generate(make_context(settings, memory_backend(undated), sample_of(undated)), 300)
    for example in output.examples:
        source = by_id[example.provenance.source_content_ids[0]]
        for year in re.findall(r"\b20\d\d\b", example.query):  # a year only where the content names it
            assert year in f"{source.title} {source.text}", example.query
        assert not re.search(r"\b(?:latest|newest|recent)\b", example.query.lower()), example.query
