"""The two corpora the trust benchmarks generate from: the shipped demo corpus and, on team machines,
the real corpus in ../shared/data (never copied into the repository)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from synth_core.backends.sqlite_store import SqliteStore
from synth_core.ingest import ingest_file, load_demo_corpus
from synth_core.registry import get_optimizer
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.schemas.common import ExampleBase
from synth_core.service import GenerationService
from synth_core.settings import load_settings

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
REAL_CORPUS = SHARED_DATA / "corpus.jsonl"
DEV_QUERIES = SHARED_DATA / "queries_dev.jsonl"

PAIR_SAMPLE_PER_EXAMPLE = 10
PAIR_SAMPLE_MIN = 3_000
"""A cross_modal run samples this much content at least: pairs that share a subject are rare in the
real corpus, and a bigger sample holds more of them."""
REAL_CROSS_MODAL_BEARS = 100
"""Cross-modal examples a run of the real corpus bears: its few pairs that share a subject (21-29 of a
3,000-item sample) carry at most 12 examples each (``fusion_subjects.MAX_PAIR_SHARE``): runs of 150
gave 141-150 at seeds 3-31 and runs of 300 152-214, stopping short, loudly; 120 at every seed until
lone words cut from their phrase were refused as pair subjects (ninth session): then runs of 120 gave
115-119 at four seeds, 100 at every seed 3-31."""


def available() -> list[str]:
    """The corpora this machine has: always "demo", "real" when ../shared/data holds it."""
    return ["demo", "real"] if REAL_CORPUS.is_file() else ["demo"]


@contextmanager
def corpus_service(name: str) -> Iterator[GenerationService]:
    """A generation service over a fresh SQLite store of corpus ``name`` ("demo" or "real")."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
        settings = load_settings(home=Path(tmp) / "home")
        with SqliteStore(Path(tmp) / "content.db") as store:
            if name == "demo":
                load_demo_corpus(store, settings)
            else:
                ingest_file(REAL_CORPUS, store, settings)
            yield GenerationService(settings=settings, backend=store)


def run_size(corpus: str, optimizer: str, wanted: int) -> int:
    """``wanted`` examples, or fewer where the corpus cannot bear them (``REAL_CROSS_MODAL_BEARS``)."""
    return min(wanted, REAL_CROSS_MODAL_BEARS) if (corpus, optimizer) == ("real", "cross_modal") else wanted


def generate(service: GenerationService, optimizer: str, count: int, seed: int) -> list[ExampleBase]:
    """``count`` offline examples of ``optimizer``, as validated schema objects."""
    # Pairs of items of two modalities that share a subject are rare in the real corpus: a
    # cross_modal run samples more content so each subject is asked about only its share.
    sample_size = max(count * PAIR_SAMPLE_PER_EXAMPLE, PAIR_SAMPLE_MIN) if optimizer == "cross_modal" else None
    request = SyntheticDataRequest(optimizer=optimizer, count=count, seed=seed, sample_size=sample_size)
    response = service.generate(request)
    schema = get_optimizer(optimizer).schema
    return [schema.model_validate(item) for item in response.data]


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """P(a positive scores above a negative), ties counting half (the Mann-Whitney U statistic)."""
    if not positives or not negatives:
        return float("nan")
    ranked = sorted([(score, 1) for score in positives] + [(score, 0) for score in negatives])
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        mean_rank = (index + 1 + end) / 2
        rank_sum += mean_rank * sum(label for _, label in ranked[index:end])
        index = end
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)
