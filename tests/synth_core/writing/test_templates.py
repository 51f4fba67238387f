"""The template writer: rules every written query keeps, over many specs and seeds."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.patterns import entities_in_query, extract_patterns
from synth_core.schemas.common import QUERY_INTENTS, Entity
from synth_core.settings import Settings
from synth_core.writing.base import QUERY_STYLES, QuerySpec, QueryWriter, WrittenQuery
from synth_core.writing.item_fit import SUMMARY_AND_REPORT_FRAMES, object_of, sound_as_subject
from synth_core.writing.templates import TemplateWriter
from tests.synth_core.fixtures import make_item

ITEMS = (
    make_item(
        "v1",
        "VIDEO",
        "Autoscaling Kubernetes at KubeCon Europe",
        "Jane Smith from Google shows how Kubernetes autoscaling handles bursty traffic, with a live demo of the "
        "horizontal pod autoscaler and the cluster autoscaler in Paris.",
    ),
    make_item(
        "d1",
        "DOCUMENT",
        "Cycling infrastructure in Rotterdam",
        "The City of Rotterdam reviews bike traffic, protected cycle lanes and bike parking near Rotterdam Centraal. "
        "It compares the figures with Utrecht and Amsterdam.",
        year=2025,
    ),
    make_item(
        "a1",
        "AUDIO",
        "Maria Lopez on coral reef restoration",
        "Marine biologist Maria Lopez talks about coral reef restoration on the Great Barrier Reef, ocean warming "
        "and coral bleaching, for the Ocean Matters show.",
        year=2023,
        month=11,
    ),
    make_item(
        "i1",
        "IMAGE",
        "Sunset over the Golden Gate Bridge",
        "The Golden Gate Bridge at sunset with fog rolling over San Francisco Bay and sailboats on the water.",
    ),
)


@pytest.fixture
def agents(settings: Settings) -> AgentInference:
    return AgentInference(settings.agents)


@pytest.fixture
def writer(agents: AgentInference) -> TemplateWriter:
    return TemplateWriter(agents)


def texts_of(written: list[WrittenQuery], failures: float = 0.03) -> list[str]:
    """The texts written, after checking that the specs left unwritten are few and say why: dozens of
    summaries of one photo with a single name run out of wordings (a batch never repeats a query, and
    "summarize the Golden Gate Bridge" asks about the bridge, not the photo)."""
    assert all(result.failure for result in written if result.text is None)
    assert sum(result.text is None for result in written) <= failures * len(written)
    return [result.text for result in written if result.text is not None]


def spec_for(item: ContentItem, **fields: object) -> QuerySpec:
    patterns = extract_patterns(item)
    values: dict[str, object] = {
        "task": "modality",
        "items": (item,),
        "target_modality": item.modality,
        "topics": patterns.topics,
        "entities": patterns.entities,
    }
    values.update(fields)
    return QuerySpec(**values)  # type: ignore[arg-type]


def many_specs(count: int, seed: int = 0, **fields: object) -> list[QuerySpec]:
    rng = random.Random(seed)
    return [spec_for(rng.choice(ITEMS), style=rng.choice(QUERY_STYLES), **fields) for _ in range(count)]


def test_it_is_a_query_writer(writer: TemplateWriter) -> None:
    as_protocol: QueryWriter = writer  # mypy checks the protocol
    assert as_protocol.kind == "template"
    assert writer.write([], seed=1) == []


def test_explicit_media_false_never_names_any_media(writer: TemplateWriter, agents: AgentInference) -> None:
    # 100 specs over a handful of items: a batch never repeats a query, and 40 image keyword queries
    # without a media word about one photo run out of distinct wordings (the uniqueness rule, not this one)
    for seed in range(6):
        for task in ("modality", "entity", "workflow"):
            written = writer.write(many_specs(100, seed, task=task, explicit_media=False), seed=seed)
            for result in written:
                assert result.text is not None, result.failure
                assert agents.media_mentions(result.text) == [], result.text


def test_explicit_media_true_names_the_target_media_only(writer: TemplateWriter, agents: AgentInference) -> None:
    specs = many_specs(300, 1, explicit_media=True)
    for spec, result in zip(specs, writer.write(specs, seed=5), strict=True):
        assert result.text is not None, result.failure
        assert {modality for modality, _ in agents.media_mentions(result.text)} == {spec.target_modality}


def test_explicit_media_none_mixes_both(writer: TemplateWriter, agents: AgentInference) -> None:
    written = writer.write(many_specs(300, 2), seed=2)
    explicit = sum(1 for result in written if result.text and agents.detect_media(result.text)[0])
    assert 0.4 * len(written) < explicit < 0.8 * len(written)


def test_text_questions_name_no_media(writer: TemplateWriter, agents: AgentInference) -> None:
    specs = many_specs(200, 3, target_modality="TEXT", explicit_media=True)
    results = writer.write(specs, seed=3)
    # A document can always be asked about by its name; a photo or a clip whose text answers no
    # question (no definition, no two topics in one sentence, no entity beside a topic) gets none: a
    # recorded failure, not a question it cannot answer (the modality generator then asks about the
    # item in its own modality).
    documents = [spec_for(item, target_modality="TEXT") for item in ITEMS if item.modality == "DOCUMENT"]
    asked = writer.write(documents, seed=3)
    assert documents and all(result.text for result in asked), [result.failure for result in asked]
    for result in results:
        assert result.text is not None or result.failure
        assert result.text is None or agents.detect_media(result.text) == (None, None)


def test_entity_task_always_contains_an_entity_and_more(writer: TemplateWriter) -> None:
    specs = many_specs(400, 4, task="entity") + many_specs(30, 5, task="entity", target_modality="TEXT")
    for spec, result in zip(specs, writer.write(specs, seed=4), strict=True):
        assert result.text is not None, result.failure
        present = entities_in_query(result.text, spec.entities)
        assert present, result.text
        assert len(result.text.split()) > len(present[0].text.split())  # never the entity alone


def test_entity_task_without_entities_fails_with_a_reason(writer: TemplateWriter) -> None:
    [result] = writer.write([spec_for(ITEMS[0], task="entity", entities=())], seed=1)
    assert result.text is None
    assert result.failure and "entity" in result.failure


@pytest.mark.parametrize("intent", QUERY_INTENTS)
def test_workflow_queries_express_their_intent(writer: TemplateWriter, agents: AgentInference, intent: str) -> None:
    specs = many_specs(150, 6, task="workflow", intent=intent)
    pair = (ITEMS[0], ITEMS[1])
    specs += [spec_for(ITEMS[0], task="workflow", intent=intent, items=pair, topics=("pod autoscaling",))] * 6
    for text in texts_of(writer.write(specs, seed=6)):
        assert agents.detect_intent(text) == intent, text


def test_two_items_are_compared_by_their_media_on_what_both_are_about(
    writer: TemplateWriter, agents: AgentInference
) -> None:
    # Issue 11: two items are compared as themselves on their shared subject ("the article and the
    # recording on coral reefs"), never as an entity of one against an entity of the other.
    items = (ITEMS[1], ITEMS[2])
    spec = spec_for(ITEMS[1], task="workflow", intent="compare", items=items, topics=("coral reefs",))
    for result in writer.write([spec] * 5, seed=8):
        assert result.text is not None, result.failure
        assert "coral reefs" in result.text.lower()
        assert {modality for modality, _ in agents.media_mentions(result.text)} == {"DOCUMENT", "AUDIO"}


def test_two_items_not_to_be_named_by_media_have_no_comparison(writer: TemplateWriter) -> None:
    spec = spec_for(ITEMS[1], task="workflow", intent="compare", items=(ITEMS[1], ITEMS[2]), explicit_media=False)
    [result] = writer.write([spec], seed=8)
    assert result.text is None and result.failure


def test_fusion_asks_about_its_subjects_without_media_words(writer: TemplateWriter, agents: AgentInference) -> None:
    # Issue 11: a fusion query asks about what the pair shares (the spec's subjects), not glued angles.
    styles = ("keyword", "question", "imperative", "conversational")
    topics = ("Golden Gate Bridge",)
    specs = [spec_for(ITEMS[0], task="fusion", items=ITEMS[::3], topics=topics, style=s) for s in styles]
    for result in writer.write(specs, seed=9):
        assert result.text is not None, result.failure
        assert "golden gate bridge" in result.text.lower()
        assert agents.media_mentions(result.text) == []


def test_fusion_needs_two_items(writer: TemplateWriter) -> None:
    [result] = writer.write([spec_for(ITEMS[0], task="fusion")], seed=1)
    assert result.text is None and result.failure


def test_same_seed_same_texts_and_other_seeds_differ(writer: TemplateWriter, agents: AgentInference) -> None:
    specs = many_specs(200, 7)
    first = [r.text for r in writer.write(specs, seed=11)]
    assert first == [r.text for r in TemplateWriter(agents).write(specs, seed=11)]
    other = [r.text for r in writer.write(specs, seed=12)]
    assert sum(a != b for a, b in zip(first, other, strict=True)) > 0.8 * len(specs)


def test_two_thousand_specs_over_four_items_are_nearly_all_distinct(writer: TemplateWriter) -> None:
    specs = many_specs(1000, 8) + many_specs(1000, 9, task="entity")
    texts = [r.text.lower() for r in writer.write(specs, seed=13) if r.text]
    assert len(texts) >= 0.99 * len(specs)
    assert len(set(texts)) >= 0.95 * len(specs)


def test_queries_are_tidy(writer: TemplateWriter) -> None:
    specs = many_specs(500, 10) + many_specs(200, 11, task="workflow", intent="summarize")
    titles = {item.title.lower() for item in ITEMS}
    for text in texts_of(writer.write(specs, seed=14)):
        assert 2 <= len(text.split()) <= 25
        assert "  " not in text and text == text.strip()
        assert "{" not in text and "}" not in text
        assert text[-1] not in ",;:-("
        assert text.lower().rstrip("?") not in titles


def test_time_constrained_queries_carry_the_items_date(writer: TemplateWriter) -> None:
    recent = ("recent", "latest", "new", "newest", "fresh")
    for item in ITEMS:
        specs = [spec_for(item, style="time_constrained", explicit_media=False) for _ in range(30)]
        for result in writer.write(specs, seed=15):
            assert result.text is not None
            lowered = result.text.lower()
            assert str(item.created_at.year) in lowered or any(word in lowered.split() for word in recent), lowered


def test_avoid_and_corrections_are_honoured(writer: TemplateWriter, agents: AgentInference) -> None:
    spec = spec_for(ITEMS[0], explicit_media=True)
    [first] = writer.write([spec], seed=3)
    assert first.text is not None
    [second] = writer.write([spec_for(ITEMS[0], explicit_media=True, avoid=(first.text,))], seed=3)
    assert second.text is not None and second.text != first.text

    [fixed] = writer.write([spec_for(ITEMS[0], corrections={"query": "  kubecon autoscaling demo  "})], seed=1)
    assert fixed.text == "kubecon autoscaling demo"

    corrected = spec_for(ITEMS[0], explicit_media=True, corrections={"modality": "AUDIO"})
    for result in writer.write([corrected] * 20, seed=4):
        assert result.text is not None
        assert agents.detect_media(result.text)[0] == "AUDIO"


def test_feedback_asking_for_the_entity_yields_entity_queries(writer: TemplateWriter) -> None:
    spec = spec_for(ITEMS[1], style="keyword", feedback="Too generic, mention the entity.")
    for result in writer.write([spec] * 30, seed=5):
        assert result.text is not None
        assert entities_in_query(result.text, spec.entities), result.text


def test_feedback_wrong_modality_names_the_media(writer: TemplateWriter, agents: AgentInference) -> None:
    spec = spec_for(ITEMS[2], feedback="wrong modality: this is a podcast")
    for result in writer.write([spec] * 20, seed=6):
        assert result.text is not None
        assert agents.detect_media(result.text)[0] == "AUDIO"


def test_progress_reports_the_end(writer: TemplateWriter) -> None:
    calls: list[tuple[int, int, int]] = []
    specs = [*many_specs(250, 12), spec_for(ITEMS[0], task="entity", entities=())]
    writer.write(specs, seed=1, progress=lambda done, total, failed: calls.append((done, total, failed)))
    assert calls[-1] == (251, 251, 1)
    assert calls[0][0] < 251


def test_a_broken_spec_does_not_sink_the_batch(writer: TemplateWriter) -> None:
    broken = spec_for(ITEMS[0], entities=(Entity(text="x", type="CONCEPT"),), items=())
    written = writer.write([broken, spec_for(ITEMS[1])], seed=1)
    assert written[0].text is None and written[0].failure
    assert written[1].text


@pytest.mark.realdata
def test_writes_for_real_corpus_items(real_corpus: Path, writer: TemplateWriter, agents: AgentInference) -> None:
    with real_corpus.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    rows = random.Random(0).sample(rows, 300)
    items = [make_item(row["id"], row["modality"], row["title"], row["text"]) for row in rows]
    rng = random.Random(1)
    specs = [
        spec_for(
            item,
            task="workflow",
            intent=rng.choice(QUERY_INTENTS),
            style=rng.choice(QUERY_STYLES),
            explicit_media=rng.choice((True, False, None)),
        )
        for item in items
        for _ in range(3)
    ]
    written = writer.write(specs, seed=2)
    # an item with no name, caption or specific topic (only everyday words) is a recorded failure, and
    # so is a compare of one item with no two names or phrases to compare ("cup vs child" is none)
    single = [r for s, r in zip(specs, written, strict=True) if s.intent != "compare"]
    assert sum(1 for r in single if r.text) >= 0.95 * len(single)
    assert all(r.failure for r in written if not r.text)
    for spec, result in zip(specs, written, strict=True):
        if result.text and spec.explicit_media is False:
            assert agents.media_mentions(result.text) == []


CAPTIONED = make_item(
    "i2",
    "IMAGE",
    "Harbour cranes at dawn",
    "A red crane lifts a container onto a ship. Two gulls sit on a wooden post near the quay.",
)


def test_named_queries_ask_for_the_work_by_its_title(writer: TemplateWriter, agents: AgentInference) -> None:
    specs = [spec_for(ITEMS[0], task="modality", explicit_media=True, style=style) for style in QUERY_STYLES * 40]
    texts = [r.text for r in writer.write(specs, seed=21) if r.text]
    named = [text for text in texts if "Autoscaling Kubernetes at KubeCon Europe" in text]
    assert len(named) >= 0.1 * len(texts)
    for text in named:
        assert {modality for modality, _ in agents.media_mentions(text)} == {"VIDEO"}, text


def test_image_queries_sometimes_say_what_the_image_shows(writer: TemplateWriter) -> None:
    spec = spec_for(CAPTIONED, explicit_media=False, style="keyword")
    texts = [r.text.lower() for seed in range(100) for r in writer.write([spec], seed=seed) if r.text]
    described = [t for t in texts if "a red crane lifts a container onto a ship" in t or "two gulls sit" in t]
    assert len(described) >= 0.1 * len(texts)
    assert any(
        text in ("a red crane lifts a container onto a ship", "two gulls sit on a wooden post near the quay")
        for text in described
    )


def test_articles_read_right(writer: TemplateWriter) -> None:
    specs = many_specs(600, 23, explicit_media=True) + many_specs(300, 24, task="workflow", intent="compare")
    doubled = ("the a ", "the an ", "the the ", "a the ", "a a ", "best the ", "best a ", "any good the ")
    written = writer.write(specs, seed=24)
    # 300 compares of one of six items run out of distinct wordings for the photo with two topics
    # (a batch never repeats a query): a few recorded failures, never a broken text
    assert sum(result.text is None for result in written) <= 0.02 * len(written)
    for result in written:
        if result.text is None:
            assert result.failure
            continue
        lowered = f" {result.text.lower()} "
        assert not any(f" {pair}" in lowered for pair in doubled), result.text
        for vowel_word in ("image", "audio", "episode", "article", "illustration"):
            assert f" a {vowel_word} " not in lowered, result.text


def test_text_queries_read_as_factual_questions(writer: TemplateWriter) -> None:
    specs = many_specs(300, 25, target_modality="TEXT")
    starts = (
        "what",
        "who",
        "when",
        "where",
        "how",
        "why",
        "which",
        "is",
        "can",
        "do",
        "tell",
        "explain",
        "define",
        "give",
        "i'm",
        "i've",
        "i",
        "quick",
    )
    texts = [r.text.lower() for r in writer.write(specs, seed=25) if r.text]
    asked = [text for text in texts if text.split()[0] in starts]
    assert len(asked) >= 0.7 * len(texts)


def test_topics_are_whole_phrases_and_no_music_aspect_tags(agents: AgentInference) -> None:
    from synth_core.writing.template_content import ContentFacts

    facts = ContentFacts(agents)
    paper = make_item(
        "d9",
        "DOCUMENT",
        "Latency under load",
        "We measure p99 service latency of Cilium in clusters. The p99 service latency grows with load.",
    )
    topics = facts.usable_topics(paper, ("p99 service", "p99 service latency"))
    assert "p99 service latency" in topics and "p99 service" not in topics
    clip = make_item(
        "a9",
        "AUDIO",
        "Music clip: low quality, mono, female screams, live performance, rock, electric guitar",
        "A live performance of a rock song with electric guitar, female screams and mono sound. Aspects: low"
        " quality, mono, female screams, live performance, rock, electric guitar.",
    )
    aspects = facts.usable_topics(clip, ("mono", "female screams", "electric guitar"))
    assert "mono" not in aspects and "female screams" not in aspects


def test_a_caption_inside_a_phrase_is_cut_to_its_subject() -> None:
    from synth_core.writing.sentence_reading import description

    rng = random.Random(0)
    assert description("A skillet contains diced meat", "a photo of {d}", rng) == "a skillet"
    assert description("A man is riding a horse", "a photo of {d}", rng) == "a man riding a horse"
    assert description("two gulls sit on a wooden post", "the picture of {d}", rng) == "two gulls"


def test_a_frame_with_its_own_determiner_takes_only_a_media_noun_phrase() -> None:
    from synth_core.writing.request_frames import frame_fits

    assert frame_fits("good {x}", "{ms} of {e}")
    assert frame_fits("any {x} {when}?", "videos of {e}")
    assert not frame_fits("good {x}", "{e} picture about {t}")  # "good Chidi Eze picture"
    assert not frame_fits("any {x} {when}?", "anything with {e}")  # "any anything with Zurich"
    assert not frame_fits("good {x}", "talk of {e}")  # "good talk of Henrik Lund"
    assert frame_fits("where can I find {x}?", "{e}")


MUSIC_CLIP = make_item(
    "m1",
    "AUDIO",
    "Music clip: poprock, e-guitar, e-bass, acoustic drums",
    "A female teen voice is singing along with backing voices. Acoustic drums are playing along with a simple "
    "bassline. The acoustic drums are loud. Aspects: poprock, e-guitar, e-bass, acoustic drums, medium fast tempo.",
)


def test_a_music_clips_tags_are_never_what_it_is_about(writer: TemplateWriter) -> None:
    specs = [spec_for(MUSIC_CLIP, style=style, explicit_media=explicit) for style in QUERY_STYLES
             for explicit in (True, False, None)] * 4  # fmt: skip
    written = [result.text for result in writer.write(specs, seed=8) if result.text]
    assert len(written) >= 0.9 * len(specs)
    assert not [text for text in written if sound_as_subject(text, ("acoustic drums", "medium fast tempo", "poprock"))]


def test_a_summary_is_never_of_an_entity_alone(writer: TemplateWriter) -> None:
    specs = many_specs(200, 31, task="workflow", intent="summarize")
    specs += many_specs(200, 32, task="workflow", intent="report")
    entities = {entity.text.lower() for item in ITEMS for entity in extract_patterns(item).entities}
    for text in texts_of(writer.write(specs, seed=31)):
        asked = object_of(text, SUMMARY_AND_REPORT_FRAMES)
        assert asked is not None, text  # every summary and report is framed as one
        assert asked.lower().removeprefix("the ") not in entities, text


DIAGRAM = make_item(
    "g1",
    "IMAGE",
    "Infrared Spectroscopy Compared with the Hubble Space Telescope",
    "Infographic comparing infrared spectroscopy and the Hubble Space Telescope, with icons, arrows and short "
    "captions. Infrared spectroscopy reads molecules. Infrared spectroscopy needs cold detectors.",
)


def test_a_diagram_is_never_seen_up_close(writer: TemplateWriter) -> None:
    specs = [spec_for(DIAGRAM, style=style, explicit_media=False) for style in QUERY_STYLES] * 6
    written = texts_of(writer.write(specs, seed=12), failures=0.2)
    assert written and not [text for text in written if "up close" in text or "close-up" in text]


def test_a_name_that_says_its_kind_gets_no_second_one_even_unasked_for_media(settings: Settings) -> None:
    """The check holds whether or not the spec asks for a media word ("Rover Driving: a Talk by Dr.
    Kavya Menon talk" was written for a spec that named no media, round 8)."""
    talk = make_item(
        "vid-talk",
        "VIDEO",
        "Rover Driving: a Talk by Dr. Kavya Menon",
        "Dr. Kavya Menon gives a talk on rover driving at the Jet Propulsion Laboratory.",
        **{"kind": "talk", "speakers": ["Dr. Kavya Menon"]},
    )
    writer = TemplateWriter(AgentInference(settings.agents))
    specs = [
        QuerySpec(task="entity", items=(talk,), target_modality="VIDEO", topics=("rover driving",),
                  entities=(Entity(text="Dr. Kavya Menon", type="PERSON"), Entity(text=talk.title, type="WORK")),
                  style=style, explicit_media=explicit)
        for style in QUERY_STYLES
        for explicit in (False, None)
        for _ in range(4)
    ]  # fmt: skip
    texts = [result.text for result in writer.write(specs, seed=11) if result.text]
    assert texts
    assert not any(text.lower().count("talk") > 1 for text in texts), texts


def test_a_topic_beside_an_entity_gets_its_article(writer: TemplateWriter) -> None:
    """Round 7's "the Rahul Deshpande audio lecture about runbook": the topic of an entity frame ("{e}
    on {t}", "{t} near {e}") takes the article its source gives it, as any other topic does."""
    item = make_item(
        "r1",
        "VIDEO",
        "Okonkwo on Rollbacks",
        "Daniel Okonkwo explains a rollback plan. Okonkwo says a runbook needs an owner; the runbook must be short.",
    )
    specs = [spec_for(item, task="entity", explicit_media=explicit, topics=("runbook",)) for explicit in (True, False)]
    texts = [text for text in texts_of(writer.write(specs * 20, seed=5), failures=0.5) if "runbook" in text]
    assert texts
    determined = re.compile(r"\b(?:a|the|[\w']+'s) runbook\b")
    assert all(determined.search(text) or text.startswith("runbook") for text in texts), texts


def test_a_title_that_credits_its_maker_gets_no_second_by(settings: Settings) -> None:
    """ "the clip Safety Stock Planning: a Talk by Jorge Castillo by Ahmed El-Sayed" (rounds 8 and 9)."""
    talk = make_item(
        "vid-by",
        "VIDEO",
        "Safety Stock Planning: a Talk by Jorge Castillo",
        "Jorge Castillo gives a talk on safety stock planning. Ahmed El-Sayed asks questions.",
        **{"kind": "talk", "speakers": ["Jorge Castillo", "Ahmed El-Sayed"]},
    )
    writer = TemplateWriter(AgentInference(settings.agents))
    specs = [
        QuerySpec(task="entity", items=(talk,), target_modality="VIDEO", topics=("safety stock planning",),
                  entities=(Entity(text="Ahmed El-Sayed", type="PERSON"), Entity(text=talk.title, type="WORK")),
                  style=style, explicit_media=explicit)
        for style in QUERY_STYLES
        for explicit in (False, True)
        for _ in range(4)
    ]  # fmt: skip
    texts = [result.text for result in writer.write(specs, seed=3) if result.text]
    assert texts
    assert not [text for text in texts if len(re.findall(r"\bby\b", text)) > 1], texts


def test_a_book_is_asked_what_it_is_about_never_what_it_found(settings: Settings) -> None:
    """ "what did Coral Bleaching: A History find?" (round 9): only research finds something."""
    book = make_item(
        "doc-book",
        "DOCUMENT",
        "Coral Bleaching: A History",
        "In this book, Noah Abernathy traces the story of coral bleaching on the Great Barrier Reef.",
        **{"doc_type": "book", "authors": ["Noah Abernathy"]},
    )
    writer = TemplateWriter(AgentInference(settings.agents))
    specs = [spec_for(book, target_modality="TEXT", style=style) for style in QUERY_STYLES] * 10
    texts = [result.text for result in writer.write(specs, seed=2) if result.text]
    assert any("Coral Bleaching: A History" in text for text in texts), texts
    assert not [text for text in texts if re.search(r"\b(?:find|found|show|main result)\b", text)], texts


def test_an_entity_query_says_more_than_a_two_letter_acronym(settings: Settings) -> None:
    """ "the AP paper", "pdfs about IP" (round 9): two letters name too many things to route by."""
    paper = make_item(
        "doc-ap",
        "DOCUMENT",
        "Fairness Provision in the IEEE 802.11e Infrastructure Basic Service Set",
        "We study fairness between the access point (AP) and stations. The AP schedules uplink traffic.",
    )
    writer = TemplateWriter(AgentInference(settings.agents))
    entities = (Entity(text="AP", type="CONCEPT"), Entity(text="IEEE", type="ORGANIZATION"))
    specs = [
        QuerySpec(task="entity", items=(paper,), target_modality="DOCUMENT", topics=("fairness",),
                  entities=entities, style=style, explicit_media=explicit)
        for style in QUERY_STYLES
        for explicit in (False, True)
        for _ in range(4)
    ]  # fmt: skip
    texts = [result.text for result in writer.write(specs, seed=5) if result.text]
    assert texts
    said = [{e.text for e in entities_in_query(text, entities)} for text in texts]
    assert all(names - {"AP"} for names in said), texts


def test_a_guest_of_an_interview_is_never_asked_as_its_maker(settings: Settings) -> None:
    """ "can you put on Katarina Novak podcasts?" (a round 10 reading): she is the guest, not the show."""
    interview = make_item(
        "aud-guest",
        "AUDIO",
        "Radio Interview: Dr. Katarina Novak in Brussels",
        "Mariana Duarte interviews Dr. Katarina Novak down the line from Brussels about privacy engineering.",
        **{"kind": "interview", "show": "Privacy Hour", "speakers": ["Mariana Duarte", "Dr. Katarina Novak"]},
    )
    writer = TemplateWriter(AgentInference(settings.agents))
    novak = Entity(text="Katarina Novak", type="PERSON")
    specs = [
        QuerySpec(task="entity", items=(interview,), target_modality="AUDIO", topics=("privacy engineering",),
                  entities=(novak,), style=style, explicit_media=explicit)
        for style in QUERY_STYLES
        for explicit in (False, True)
        for _ in range(6)
    ]  # fmt: skip
    texts = [result.text for result in writer.write(specs, seed=4) if result.text]
    assert texts
    assert not [t for t in texts if re.search(r"Novak (?:podcasts?|audio|talks?)\b|by (?:Dr\. )?Katarina", t)], texts


def test_how_a_picture_was_made_is_no_description_of_what_it_shows(settings: Settings) -> None:
    """ "Drawn in a flat style with a muted palette and a single accent colour" was asked as an image
    search (round 10 reading): a sentence on how the image was made says nothing of what it shows."""
    from synth_core.writing.template_content import ContentFacts
    from tests.synth_core.fixtures import make_item

    chart = make_item(
        "img-flat",
        "IMAGE",
        "Heron on the Quay",
        "A grey heron stands on a harbour quay at dusk. Drawn in a flat style with a muted palette.",
    )
    found = ContentFacts(AgentInference(settings.agents)).descriptions(chart)
    assert found and not any(text.lower().startswith("drawn") for text in found)
