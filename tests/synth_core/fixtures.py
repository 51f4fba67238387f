"""A small hand-written corpus for the generator tests: 20 items over the four content modalities,
five subjects that cross modalities (so pairs and compare plans exist), named entities throughout,
one podcast transcript, and one item that is sampled but never stored (it cannot be retrieved).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from synth_core.agents import AgentInference
from synth_core.backends.memory import MemoryBackend
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.content import ContentItem
from synth_core.generators.base import ContentSample, GenerationContext, Guidance
from synth_core.settings import Settings
from synth_core.writing.base import QueryWriter
from synth_core.writing.templates import TemplateWriter

PROFILES = {
    "VIDEO": "video_videoprism_base_mv_chunk_30s",
    "DOCUMENT": "document_text_semantic",
    "IMAGE": "image_caption_siglip",
    "AUDIO": "audio_transcript_whisper",
}


def make_item(
    item_id: str, modality: str, title: str, text: str, *, month: int = 3, year: int = 2024, **metadata: Any
) -> ContentItem:
    return ContentItem(
        id=item_id,
        profile=PROFILES[modality],
        modality=modality,  # type: ignore[arg-type]
        title=title,
        text=text,
        created_at=datetime(year, month, 12, 9, 30, tzinfo=UTC),
        source="fixture",
        metadata=metadata,
    )


ITEMS: tuple[ContentItem, ...] = (
    # Kubernetes autoscaling: video, document, audio
    make_item("vid-kube", "VIDEO", "Autoscaling Kubernetes at KubeCon Europe",
              "Priya Raman from Google demonstrates Kubernetes autoscaling with the horizontal pod autoscaler "
              "on a live cluster in Paris, and explains how KEDA reacts to bursty traffic.", month=4),
    make_item("doc-kube", "DOCUMENT", "Kubernetes Autoscaling Field Guide",
              "A field guide published by the Cloud Native Computing Foundation on Kubernetes autoscaling: "
              "cluster autoscaler settings, pod disruption budgets and cost reports from Spotify.", month=5),
    make_item("aud-kube", "AUDIO", "Ship It Podcast: Scaling Clusters with Kelsey Hightower",
              "Kelsey Hightower talks about cluster autoscaling, Kubernetes operators and on-call fatigue "
              "with the hosts of the Ship It podcast.", month=6, kind="podcast"),
    # Coral reefs: audio transcript, image, document, video
    make_item("aud-reef", "AUDIO", "Ep. 12 Transcript: Dr. Maria Lopez on Coral Reef Restoration",
              "[04:10] Host: Where does coral restoration stand? [04:31] Lopez: On the Great Barrier Reef we "
              "grow coral fragments on rope nurseries, and bleaching after the 2024 heatwave hit Lizard Island "
              "hardest.", month=7, kind="transcript"),
    make_item("img-reef", "IMAGE", "Bleached Coral at Lizard Island",
              "A photo of bleached staghorn coral near Lizard Island on the Great Barrier Reef, taken by "
              "diver Tom Becker during the marine heatwave.", month=8),
    make_item("doc-reef", "DOCUMENT", "Great Barrier Reef Outlook Report 2024",
              "The Great Barrier Reef Marine Park Authority reports on coral bleaching, crown-of-thorns "
              "starfish outbreaks and water quality, with survey data from the Australian Institute of "
              "Marine Science.", month=9),
    make_item("vid-reef", "VIDEO", "Coral Nurseries Explained",
              "Marine biologist Maria Lopez shows coral nurseries in Okinawa and explains how fragments are "
              "planted back onto damaged reefs.", month=10),
    # Rotterdam cycling: document, image, video
    make_item("doc-bike", "DOCUMENT", "Cycling Infrastructure in Rotterdam",
              "The City of Rotterdam reviews protected cycle lanes, bike parking at Rotterdam Centraal and "
              "traffic counts compared with Utrecht and Amsterdam.", month=2, year=2025),
    make_item("img-bike", "IMAGE", "Bike Parking at Rotterdam Centraal",
              "Thousands of bicycles in the underground bike parking at Rotterdam Centraal station on a "
              "rainy morning.", month=3, year=2025),
    make_item("vid-bike", "VIDEO", "Riding the Maastunnel",
              "Cyclist Anna de Vries rides through the historic Maastunnel in Rotterdam and talks about the "
              "new cycle lanes on the Erasmus Bridge.", month=4, year=2025),
    # Mars exploration: image, video, document
    make_item("img-mars", "IMAGE", "Perseverance Rover at Jezero Crater",
              "Self-portrait of the NASA Perseverance rover at Jezero Crater, with the Ingenuity helicopter "
              "resting on the red dust.", month=11),
    make_item("vid-mars", "VIDEO", "Ingenuity's Final Flight",
              "Engineers at the Jet Propulsion Laboratory in Pasadena review the last flight of the Ingenuity "
              "helicopter over Jezero Crater.", month=1, year=2025),
    make_item("doc-mars", "DOCUMENT", "Sample Return Mission Review",
              "An independent review board assesses the NASA and ESA Mars Sample Return mission: costs, "
              "schedule and the sample tubes cached by Perseverance.", month=12),
    # Jazz history: audio, image, video
    make_item("aud-jazz", "AUDIO", "The Birth of Bebop",
              "A radio documentary on how Charlie Parker and Dizzy Gillespie shaped bebop in the clubs of "
              "52nd Street in New York.", month=5, kind="documentary"),
    make_item("img-jazz", "IMAGE", "Saxophone in an Empty Club",
              "A saxophone resting on a chair in an empty New York jazz club, photographed by Lena Richter.",
              month=6),
    make_item("vid-jazz", "VIDEO", "Bebop Harmony Lesson",
              "Pianist Marcus Hill explains bebop harmony, the chord changes of Charlie Parker tunes and how "
              "Thelonious Monk voiced them.", month=7),
    # singletons
    make_item("doc-tax", "DOCUMENT", "Value Added Tax Guidance for Freelancers",
              "HM Revenue and Customs guidance on value added tax registration thresholds, invoices and "
              "the Making Tax Digital rules for freelancers.", month=1),
    make_item("img-alps", "IMAGE", "Aiguille du Midi at Dawn",
              "The Aiguille du Midi cable car station above Chamonix at dawn, with climbers on the ridge.",
              month=2),
    make_item("aud-earn", "AUDIO", "Qubitra Q4 2023 Results Call",
              "Analysts from Goldman Sachs question Qubitra management about quantum error correction, gross "
              "margin and cash at the end of the quarter.", month=2, kind="earnings"),
    make_item("vid-cook", "VIDEO", "Neapolitan Pizza Dough at Home",
              "Chef Giulia Romano kneads Neapolitan pizza dough, proves it for two days and bakes it in an "
              "Ooni oven.", month=8),
)

UNSTORED = make_item(
    "doc-gone", "DOCUMENT", "Hydrogen Ferries on Lake Geneva",
    "A feasibility study by CGN on hydrogen ferries for Lake Geneva, with bunkering at Lausanne and Geneva.",
    month=9,
)
"""Sampled but never stored: no search can find it, so its retrieval labels must come out negative."""

GROUPS: tuple[tuple[str, ...], ...] = (
    ("vid-kube", "doc-kube"),
    ("aud-reef", "img-reef"),
    ("doc-bike", "img-bike"),
    ("img-mars", "vid-mars", "doc-mars"),
    ("aud-jazz", "vid-jazz"),
)


def memory_backend(items: Sequence[ContentItem] = ITEMS) -> MemoryBackend:
    return MemoryBackend(items)


def sqlite_backend(folder: Path, items: Sequence[ContentItem] = ITEMS) -> SqliteStore:
    store = SqliteStore(folder / "content.db")
    store.upsert(items)
    return store


def sample_of(
    items: Sequence[ContentItem] = ITEMS, *, groups: Sequence[tuple[str, ...]] = GROUPS, strategy: str = "diverse"
) -> ContentSample:
    known = {item.id for item in items}
    kept = [group for group in groups if all(item_id in known for item_id in group)]
    return ContentSample(
        items=list(items),
        strategy_of={item.id: strategy for item in items},
        groups=kept,
        group_strategy=["cross_modal_pairs"] * len(kept),
    )


def make_context(
    settings: Settings,
    backend: Any,
    sample: ContentSample | None = None,
    *,
    seed: int = 7,
    writer: QueryWriter | None = None,
    run_id: str = "run-test-0001",
    guidance: Guidance | None = None,
) -> GenerationContext:
    return GenerationContext(
        run_id=run_id,
        created_at=datetime(2025, 6, 1, 12, 0, tzinfo=UTC),
        settings=settings,
        backend=backend,
        sample=sample or sample_of(),
        writer=writer or TemplateWriter(AgentInference(settings.agents)),
        rng=random.Random(seed),
        seed=seed,
        guidance=guidance or Guidance(),
    )


TIMING_FIELDS = frozenset({"processing_time", "execution_time", "parallel_efficiency"})


def comparable(example: Any) -> dict[str, Any]:
    """An example as JSON without the measured timings (the only fields that vary between runs)."""
    record = example.model_dump(mode="json")
    return {key: value for key, value in record.items() if key not in TIMING_FIELDS}


def revalidate(example: Any) -> None:
    """Generated examples must pass their own schema when read back."""
    type(example).model_validate(example.model_dump(mode="json"))


def interview_and_report_sharing_one_name() -> tuple[ContentItem, ContentItem]:
    """A radio interview and a fab report whose only shared subject is Priyanka Sethi; only the
    interview says packaging lines (a facet one item carries: cross_modal's honest no-gain case), and
    Hsinchu, where it was recorded."""
    interview = make_item(
        "a-sethi", "AUDIO", "Radio Interview: Priyanka Sethi in Hsinchu",
        "Radio interview recorded in Hsinchu with Priyanka Sethi. Priyanka Sethi explains packaging lines.",
    )  # fmt: skip
    report = make_item(
        "d-fabs", "DOCUMENT", "Building Fabs in the United States",
        "A report on new fabs in Arizona. Priyanka Sethi argues technicians are the bottleneck. Priyanka Sethi agrees.",
    )  # fmt: skip
    return interview, report


OLIVE_MAP = make_item(
    "img-olive-map",
    "IMAGE",
    "Map: Cold-Pressed Olive Oil in Naples and Puglia",
    "Map of Naples and Puglia marking the sites that matter for cold-pressed olive oil. Other voices: "
    "Marco Bellini and Yannis Papadakis, plus a statement from Oliveto Bari.",
    kind="diagram",
)
"""A map that names people once among "other voices": passing mentions, no subject."""
CHALKBOARD = make_item(
    "img-board",
    "IMAGE",
    "Chalkboard Lecture at MIT",
    "Dr. Grace Oduya sketches a transformer block on a chalkboard at MIT. The image ran alongside coverage "
    "of NeurIPS in Vancouver, and Vancouver hosted the poster session.",
)
"""A photo whose text names a place (Vancouver) the picture does not show."""
