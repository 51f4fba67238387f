"""What an entity (routing) query may say of its item: credits by or on only and never alone, topics
the item says itself (``writing.entity_fit``), and the template writer applying them."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from synth_core.agents import AgentInference
from synth_core.content import ContentItem
from synth_core.schemas.common import Entity
from synth_core.settings import Settings
from synth_core.writing import phrasebook as pb
from synth_core.writing import request_frames as rf
from synth_core.writing.base import QUERY_STYLES, QuerySpec
from synth_core.writing.entity_fit import (
    credit_phrases,
    credits_alone,
    entity_phrases,
    made_by_all,
    only_names_single_out,
    said_topics,
)
from synth_core.writing.phrase_fit import by_credit
from synth_core.writing.template_content import Plan
from synth_core.writing.templates import TemplateWriter


def item(item_id: str, modality: str, title: str, text: str, **metadata: object) -> ContentItem:
    return ContentItem(
        id=item_id,
        profile=f"{modality.lower()}_profile",
        modality=modality,
        title=title,
        text=text,
        created_at=datetime(2024, 3, 5, tzinfo=UTC),
        metadata=metadata,
    )


@pytest.mark.parametrize(
    ("query", "alone"),
    [
        ("the FreeDawkins video", True),
        ("the latest from FreeDawkins", True),  # the writer's own words say nothing of the item
        ("something by FreeDawkins", True),
        ("FreeDawkins highlights of Dejounte Murray", False),
        ("Dejounte Murray clips by FreeDawkins", False),
    ],
)
def test_a_credit_alone_singles_no_item_out(query: str, alone: bool) -> None:
    assert credits_alone(query, ["FreeDawkins"], ["dejounte murray", "timberwolves"]) is alone


def test_a_word_of_the_credit_itself_does_not_single_the_item_out() -> None:
    """ "Netflix" in a topic "netflix original series" is the credit again, not the item."""
    assert credits_alone("the Netflix trailer", ["Netflix"], ["netflix original series"])
    assert not credits_alone("the Netflix trailer for Alias Grace", ["Netflix"], ["alias grace"])


def test_topics_beside_a_name_are_chosen_or_said_by_the_title() -> None:
    topics = ("kendrick lamar", "vaynermedia", "job", "freestyle")
    assert said_topics(topics, ("vaynermedia",), "RAPPING FOR A JOB AT VAYNERMEDIA") == ("vaynermedia", "job")
    assert said_topics(("kendrick lamar",), (), "RAPPING FOR A JOB") == ()


def test_a_credit_is_asked_by_or_on_never_about_of_or_with() -> None:
    kept = by_credit(rf.ENTITY_MEDIA + pb.ENTITY_MEDIA_NP)
    assert kept
    assert not [p for p in kept if re.search(r"\b(?:about|of|with|on) (?:the )?\{e\}", p)], kept
    person = credit_phrases(pb.ENTITY_NP["PERSON"], "entity")
    assert "{e} on {t}" in person
    assert not [p for p in person if p.startswith("{t} by ")]  # a topic read as a work's title


PHOTO = item(
    "img-cargo",
    "IMAGE",
    "Cargo Bike Delivery in Copenhagen",
    "A courier loads parcels into a cargo bike outside a bakery in Copenhagen. Photo: Kwabena Owusu.",
    photographer="Kwabena Owusu",
    location="Copenhagen",
)
TRAILER = item(
    "vid-alias",
    "VIDEO",
    "Alias Grace | Official Trailer [HD] | Netflix",
    "Alias Grace | Official Trailer [HD] | Netflix. Channel: Netflix. Category: Entertainment. Tags: Netflix, "
    "Trailer, Netflix Original Series, Margaret Atwood, novel, Alias Grace, Grace Marks, Canada.",
    channel="Netflix",
    category="Entertainment",
)


@pytest.fixture
def writer(settings: Settings) -> TemplateWriter:
    return TemplateWriter(AgentInference(settings.agents))


@pytest.mark.parametrize(
    ("source", "credit", "topics"),
    [
        (PHOTO, Entity(text="Kwabena Owusu", type="PERSON"), ("cargo bike", "courier")),
        (TRAILER, Entity(text="Netflix", type="ORGANIZATION"), ("alias grace",)),
    ],
)
def test_an_entity_query_asks_a_credit_by_it_and_with_something_of_the_item(
    writer: TemplateWriter, source: ContentItem, credit: Entity, topics: tuple[str, ...]
) -> None:
    specs = [
        QuerySpec(task="entity", items=(source,), target_modality=source.modality, topics=topics,
                  entities=(credit,), style=style)
        for style in QUERY_STYLES
        for _ in range(8)
    ]  # fmt: skip
    texts = [result.text for result in writer.write(specs, seed=5) if result.text]
    assert len(texts) >= len(specs) // 2
    name = credit.text.lower()
    for text in texts:
        lowered = text.lower()
        assert not re.search(rf"\b(?:about|of|with|on|of the|with the) {name}\b", lowered), text
        assert not credits_alone(text, [credit.text], (*topics, "alias grace")), text


VLOG = item(
    "vid-helbig",
    "VIDEO",
    "DIY TAYLOR SWIFT #LWYMMD COSTUME // Grace Helbig",
    "DIY TAYLOR SWIFT #LWYMMD COSTUME // Grace Helbig. Channel: Grace Helbig. Category: People & Blogs. Tags: "
    "itsgrace, funny, vlog, diy, taylor swift, halloween costume.",
    channel="Grace Helbig",
)


def test_a_maker_the_title_also_names_is_still_no_item_alone(writer: TemplateWriter) -> None:
    """ "vlogs from Grace Helbig": her title's label segment credits her channel, and a maker names
    many items whether or not the title says her name."""
    specs = [
        QuerySpec(task="entity", items=(VLOG,), target_modality="VIDEO", topics=("halloween costume",),
                  entities=(Entity(text="Grace Helbig", type="PERSON"),), style=style)
        for style in QUERY_STYLES
        for _ in range(6)
    ]  # fmt: skip
    texts = [result.text for result in writer.write(specs, seed=9) if result.text]
    assert texts
    for text in texts:
        assert not credits_alone(text, ["Grace Helbig"], ("halloween costume", "taylor swift", "diy")), text


def test_a_name_that_made_nothing_never_speaks_writes_or_owns_the_item() -> None:
    person = pb.ENTITY_NP["PERSON"]
    subject = entity_phrases(person, task="entity", credit=False, maker=False)
    assert subject == ("{t} with {e}",)  # "stove by Elena Marchetti" of a photo of her cooking
    assert entity_phrases(person, task="entity", credit=False, maker=True) == person  # a speaker speaks
    organisation = entity_phrases(pb.ENTITY_NP["ORGANIZATION"], task="entity", credit=False, maker=False)
    assert organisation == ("{t} from {e}",)
    # any task: "alicia vikander by Lara" of a sketch about Lara Croft (a workflow query, round 10 reading)
    assert entity_phrases(person, task="workflow", credit=False, maker=False) == ("{t} with {e}",)
    assert entity_phrases(person, task="workflow", credit=False, maker=True) == person


def test_a_speaker_credit_is_asked_as_the_maker_of_the_items_name_or_topic(writer: TemplateWriter) -> None:
    """A speaker the item's subjects do not list as a maker still carries a request "by" them."""
    talk = item(
        "vid-anchor",
        "VIDEO",
        "Harbour Cranes at Dawn",
        "Footage of harbour cranes, then Hannah Brooks explains how the port moves containers.",
        speakers=["Hannah Brooks"],
    )
    specs = [
        QuerySpec(task="entity", items=(talk,), target_modality="VIDEO", topics=("harbour cranes",),
                  entities=(Entity(text="Hannah Brooks", type="PERSON"),), style=style)
        for style in QUERY_STYLES
    ]  # fmt: skip
    texts = [result.text for result in writer.write(specs, seed=2) if result.text]
    assert len(texts) >= len(specs) - 1
    for text in texts:
        assert "Hannah Brooks" in text and not credits_alone(text, ["Hannah Brooks"], ("harbour cranes",)), text


HOST_TALK = item(
    "aud-brooks",
    "AUDIO",
    "Hannah Brooks Talks Wet-Weather Racing",
    "Hannah Brooks talks about racing in the rain at Silverstone.",
    kind="podcast",
    speakers=["Hannah Brooks"],
)


def test_an_item_its_makers_alone_would_name_fails_at_once_with_the_reason(writer: TemplateWriter) -> None:
    """Her own talk, asked with her as its entity and no topic beyond her name: every request would
    name it by its maker alone, so the writer says so at once instead of drawing 40 refusals."""
    specs = [
        QuerySpec(task="entity", items=(HOST_TALK,), target_modality="AUDIO", topics=("hannah brooks",),
                  entities=(Entity(text="Hannah Brooks", type="PERSON"),), style=style)
        for style in QUERY_STYLES
    ]  # fmt: skip
    results = writer.write(specs, seed=3)
    assert all(result.text is None and "only made the item" in (result.failure or "") for result in results)


def test_only_the_items_name_singles_it_out_when_every_topic_is_a_makers_name(writer: TemplateWriter) -> None:
    brooks = Entity(text="Hannah Brooks", type="PERSON")
    silverstone = Entity(text="Silverstone", type="PLACE")

    def plan(topics: tuple[str, ...], entities: tuple[Entity, ...]) -> Plan:
        spec = QuerySpec(task="entity", items=(HOST_TALK,), target_modality="AUDIO", topics=topics, entities=entities)
        return Plan(spec=spec, item=HOST_TALK, modality="AUDIO", intent="find", explicit=False, style="keyword",
                    topics=topics, entities=entities)  # fmt: skip

    roles = writer.roles
    assert made_by_all(plan(("hannah brooks",), (brooks,)), roles)
    assert only_names_single_out(plan(("hannah brooks",), (brooks,)), roles)
    assert not only_names_single_out(plan(("hannah brooks", "wet-weather racing"), (brooks,)), roles)
    assert not made_by_all(plan(("hannah brooks",), (brooks, silverstone)), roles)  # Silverstone made nothing
    assert not only_names_single_out(plan(("hannah brooks",), (brooks, silverstone)), roles)
