"""Router quality: do our synthetic ``modality`` labels teach a router something that transfers to real
human queries?

For each corpus (the shipped demo corpus; the real corpus ../shared/data/corpus.jsonl when present)
the real ``GenerationService`` writes ``COUNT`` modality examples offline (template writer, fixed seed),
an xgboost router is trained on them (query -> modality over hashed word and character n-grams and
the modality of the media word a query names, by the agents config's vocabulary: the shipped
scorecard's and ``synth train``'s router, ``approval.scorecard``; the same router on the n-grams
alone is shown beside it, as what the synthetic queries' own words teach) and evaluated on
../shared/data/queries_dev.jsonl: 555 real queries labelled VIDEO / IMAGE / AUDIO / DOCUMENT / TEXT.
The dev set is only ever predicted, never trained on, except by the one reference row that says so (a router
cross-validated on the real queries).

Rows: macro-F1 overall and on the ``explicit`` queries (issue 11 targets, real corpus), F1 per
modality, accuracy per ``label_quality`` (explicit, mapped, context, benchmark-caption), majority-class
baselines and two references (media-word keyword rules; a router trained on the real queries, 5-fold
cross-validated); how real the synthetic queries look: the cross-validated ROC-AUC of a classifier
telling real queries from as many synthetic ones (target <= 0.80), the share of queries naming a year,
the media words used; and how close they are: the mean cosine similarity of each real query to its
nearest synthetic query, next to the same figure for the synthetic words dealt out at random
(vocabulary without phrasing) and for the nearest *other* real query, plus length and question-share
comparisons. ``BEFORE`` holds the figures measured before issue 11's writer changes, shown beside the
new ones. Figures computed on CC BY / CC BY-SA sources carry the attribution row at the end.

Run with ``python -m tests.benchmarks bench_router_quality``.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from approval.scorecard.features import HashedTfidf, tokens
from approval.scorecard.floor import keyword_predictions
from approval.scorecard.metrics import accuracy, macro_f1, per_label_f1
from approval.scorecard.realism import distinct_n, distribution_overlap, realism_auc, word_count_distribution
from approval.scorecard.router import QueryRouter, cross_validated_predictions
from synth_core.agents import AgentInference
from synth_core.backends.sqlite_store import SqliteStore
from synth_core.ingest import DEMO_CORPUS, ingest_file, load_demo_corpus
from synth_core.schemas.api import SyntheticDataRequest
from synth_core.service import GenerationService
from synth_core.settings import load_settings
from tests.benchmarks import router_quality_support as rq

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CORPUS = SHARED_DATA / "corpus.jsonl"
DEV_QUERIES = SHARED_DATA / "queries_dev.jsonl"
MANIFEST = SHARED_DATA / "manifest.json"
COUNT = 2_000
SEED = 7
LABELS = ("VIDEO", "IMAGE", "AUDIO", "DOCUMENT", "TEXT")
QUALITIES = ("explicit", "mapped", "context", "benchmark-caption")
TARGET_EXPLICIT_F1, TARGET_OVERALL_F1, TARGET_REALISM_AUC = 0.93, 0.80, 0.80
BEFORE: dict[str, dict[str, float]] = {
    # Measured on main before issue 11's writer changes (this bench, same seed and count).
    "demo": {"macro_f1": 0.612, "explicit_f1": 0.634, "realism_auc": 0.973, "year_share": 0.154},
    "real": {"macro_f1": 0.629, "explicit_f1": 0.640, "realism_auc": 0.963, "year_share": 0.158},
}
"""Figures of the writer before issue 11, per corpus: macro_f1, explicit_f1, realism_auc, year_share."""


def run() -> list[dict[str, Any]]:
    if not DEV_QUERIES.is_file():
        return [_row("router quality", f"skipped: {DEV_QUERIES} is absent (team machines only)")]
    dev = [json.loads(line) for line in DEV_QUERIES.read_text().splitlines() if line.strip()]
    rows = _baseline_rows(dev) + _reference_rows(dev)
    rows += _corpus_rows("demo", dev, None)
    if CORPUS.is_file():
        rows += _corpus_rows("real", dev, CORPUS)
    else:
        rows.append(_row("real corpus", f"skipped: {CORPUS} is absent"))
    rows.append(_attribution_row())
    return rows


# -- one corpus: generate, train, evaluate -----------------------------------------------------------


def generate_modality(corpus: Path | None, *, count: int = COUNT, seed: int = SEED) -> tuple[list[dict], float]:
    """``count`` modality examples from the demo corpus (``corpus`` None) or an ingested file, and the
    generation seconds."""
    with tempfile.TemporaryDirectory(prefix="bench-router-") as tmp:
        settings = load_settings(home=Path(tmp) / "home")
        with SqliteStore(Path(tmp) / "content.db") as store:
            if corpus is None:
                load_demo_corpus(store, settings)
            else:
                ingest_file(corpus, store, settings)
            service = GenerationService(settings=settings, backend=store)
            started = time.perf_counter()
            response = service.generate(SyntheticDataRequest(optimizer="modality", count=count, seed=seed))
            return response.data, time.perf_counter() - started


def _corpus_rows(name: str, dev: list[dict], corpus: Path | None) -> list[dict[str, Any]]:
    examples, seconds = generate_modality(corpus)
    texts = [example["query"] for example in examples]
    labels = [example["modality"] for example in examples]
    spread = Counter(labels)
    rows = [
        _row(
            f"{name}: generate modality x{COUNT:,}",
            f"{len(examples):,} examples in {seconds:.1f} s; " + ", ".join(f"{k} {spread[k]}" for k in LABELS),
            target=f"{COUNT:,}",
            ok=len(examples) == COUNT,
            note=f"TEXT share {spread['TEXT'] / max(1, len(labels)):.2f} (real queries 0.21)",
        )
    ]
    media = load_settings().agents
    started = time.perf_counter()
    router = QueryRouter(LABELS, media=media).fit(texts, labels)
    truth = [query["modality"] for query in dev]
    predicted = router.predict([query["query"] for query in dev])
    train_seconds = time.perf_counter() - started
    words_only = QueryRouter(LABELS).fit(texts, labels).predict([query["query"] for query in dev])
    majority = spread.most_common(1)[0][0]
    rows.append(
        _row(
            f"{name}: majority-class baseline (train prior {majority})",
            round(accuracy(truth, [majority] * len(truth)), 3),
            note="accuracy",
        )
    )
    rows += _f1_rows(f"{name}: router (xgboost, n-grams + media-word modality)", dev, predicted, {}, name == "real")
    rows[-1]["note"] = f"trained on {len(texts):,} synthetic queries and predicted in {train_seconds:.1f} s"
    rows += _f1_rows(
        f"{name}: router on the data's words alone (n-grams, no media-word columns)",
        dev,
        words_only,
        BEFORE.get(name, {}),
        False,
    )
    rows[-1]["note"] = "what the synthetic queries' own words teach, with no vocabulary given"
    rows.append(_covered_row(name, dev, predicted, texts, labels))
    for label, score in per_label_f1(truth, predicted, LABELS).items():
        rows.append(_row(f"{name}: F1 {label} (n={truth.count(label)})", round(score, 3)))
    for quality in QUALITIES:
        chosen = [i for i, query in enumerate(dev) if query["label_quality"] == quality]
        subset_accuracy = accuracy([truth[i] for i in chosen], [predicted[i] for i in chosen])
        rows.append(_row(f"{name}: accuracy {quality} (n={len(chosen)})", round(subset_accuracy, 3)))
    return rows + _realism_rows(name, dev, texts, corpus) + _closeness_rows(name, dev, texts, labels)


def _f1_rows(
    name: str, dev: list[dict], predicted: Sequence[str], before: dict[str, float], targeted: bool
) -> list[dict[str, Any]]:
    """Macro-F1 overall and on the explicit queries, with issue 11's targets when ``targeted``."""
    truth = [query["modality"] for query in dev]
    explicit = [i for i, query in enumerate(dev) if query["label_quality"] == "explicit"]
    overall = macro_f1(truth, predicted, LABELS)
    on_explicit = macro_f1([truth[i] for i in explicit], [predicted[i] for i in explicit], LABELS)
    rows = []
    for label, value, target, key in (
        ("overall", overall, TARGET_OVERALL_F1, "macro_f1"),
        (f"explicit (n={len(explicit)})", on_explicit, TARGET_EXPLICIT_F1, "explicit_f1"),
    ):
        was = f" (before {before[key]:.3f})" if key in before else ""
        rows.append(
            _row(
                f"{name}: macro-F1 {label}",
                round(value, 3),
                target=f">= {target}{was}" if targeted else was.strip(" ()") or None,
                ok=value >= target if targeted else None,
            )
        )
    return rows


def _covered_row(
    name: str, dev: list[dict], predicted: Sequence[str], texts: Sequence[str], labels: Sequence[str]
) -> dict[str, Any]:
    """Macro-F1 on the explicit queries whose media word ("book", "trailer") the synthetic queries of
    that label use too: how well the router transfers where the corpus affords the word people use."""
    agents = AgentInference(load_settings().agents)
    used = {(label, word) for text, label in zip(texts, labels, strict=True) for word in tokens(text)}
    used |= {(label, " ".join(pair)) for text, label in zip(texts, labels, strict=True) for pair in _pairs(text)}
    chosen, missing = [], Counter()
    for i, query in enumerate(dev):
        cue = _first_media_cue(agents, query["query"]) if query["label_quality"] == "explicit" else None
        if cue is None:
            continue
        if cue in used:
            chosen.append(i)
        else:
            missing[cue[1]] += 1
    truth = [dev[i]["modality"] for i in chosen]
    score = macro_f1(truth, [predicted[i] for i in chosen], LABELS)
    absent = ", ".join(f"{word} {n}" for word, n in missing.most_common(8))
    return _row(
        f"{name}: macro-F1 explicit, media word in the synthetic data (n={len(chosen)})",
        round(score, 3),
        note=f"explicit queries whose media word the synthetic data never uses for that label: {absent}",
    )


def _first_media_cue(agents: AgentInference, query: str) -> tuple[str, str] | None:
    """(modality, word) of the first media word ``query`` names, or None."""
    mentions = agents.media_mentions(query)
    return mentions[0] if mentions else None


def _length_overlap(real: Sequence[str], synthetic: Sequence[str]) -> float:
    return distribution_overlap(word_count_distribution(real), word_count_distribution(synthetic))


def _pairs(text: str) -> list[tuple[str, str]]:
    return list(pairwise(tokens(text)))


def _realism_rows(name: str, dev: list[dict], texts: Sequence[str], corpus: Path | None) -> list[dict[str, Any]]:
    real = [query["query"] for query in dev]
    before = BEFORE.get(name, {})
    auc = realism_auc(real, texts, seed=SEED)
    titles = [json.loads(line)["title"] for line in (corpus or DEMO_CORPUS).read_text().splitlines() if line.strip()]
    floor = realism_auc(real, titles, seed=SEED)
    was = f" (before {before['realism_auc']:.3f})" if "realism_auc" in before else ""
    years = rq.year_share(texts)
    was_years = f" (before {before['year_share']:.3f})" if "year_share" in before else ""
    agents = AgentInference(load_settings().agents)
    ours = Counter(word for text in texts for _, word in agents.media_mentions(text))
    theirs = Counter(word for text in real for _, word in agents.media_mentions(text))
    return [
        _row(
            f"{name}: realism, real-vs-synthetic classifier ROC-AUC (5-fold CV)",
            round(auc, 3),
            target=f"<= {TARGET_REALISM_AUC}{was}",
            ok=auc <= TARGET_REALISM_AUC if name == "real" else None,
            note=f"logistic regression on hashed word+char n-grams, {len(real)} real vs {len(real)} synthetic",
        ),
        _row(
            f"{name}: realism reference, real queries vs the corpus's own titles (ROC-AUC)",
            round(floor, 3),
            note="what the content alone gives away, before any phrasing: queries built on it inherit it",
        ),
        _row(
            f"{name}: share of queries naming a year",
            round(years, 3),
            target=f"real {rq.year_share(real):.3f}{was_years}",
        ),
        _row(
            f"{name}: media words, synthetic (per 100 queries) vs real",
            "; ".join(f"{w} {100 * n / len(texts):.1f}" for w, n in ours.most_common(12))
            + " | real: "
            + "; ".join(f"{w} {100 * n / len(real):.1f}" for w, n in theirs.most_common(12)),
        ),
    ]


def _closeness_rows(name: str, dev: list[dict], texts: Sequence[str], labels: Sequence[str]) -> list[dict[str, Any]]:
    real = [query["query"] for query in dev]
    vectorizer = HashedTfidf().fit(texts)
    real_vectors, synthetic_vectors = vectorizer.transform(real), vectorizer.transform(texts)
    shuffled_vectors = vectorizer.transform(rq.word_shuffled(texts, SEED))
    to_synthetic = float(rq.nearest_similarity(real_vectors, synthetic_vectors).mean())
    to_shuffled = float(rq.nearest_similarity(real_vectors, shuffled_vectors).mean())
    to_real = float(rq.nearest_similarity(real_vectors, real_vectors, exclude_self=True).mean())
    per_label = []
    for label in LABELS:  # each modality's real queries against the synthetic queries of that label
        own = [i for i, query in enumerate(dev) if query["modality"] == label]
        pool = [i for i, value in enumerate(labels) if value == label]
        if own and pool:
            similarity = rq.nearest_similarity(real_vectors[own], synthetic_vectors[pool]).mean()
            per_label.append(f"{label} {similarity:.3f}")
    synthetic_length, real_length = rq.length_summary(texts), rq.length_summary(real)
    return [
        _row(
            f"{name}: closeness, mean NN cosine real -> synthetic",
            round(to_synthetic, 3),
            target=f"> word-shuffled {to_shuffled:.3f}",
            ok=to_synthetic > to_shuffled,
            note="TF-IDF of hashed word 1-2-grams and char 3-5-grams fitted on the synthetic queries",
        ),
        _row(f"{name}: closeness reference, mean NN cosine real -> other real", round(to_real, 3)),
        _row(f"{name}: closeness per modality (same-label pool)", "; ".join(per_label)),
        _row(
            f"{name}: query length in words, synthetic vs real",
            f"mean {synthetic_length[0]:.1f} vs {real_length[0]:.1f}, median {synthetic_length[1]:g} vs "
            f"{real_length[1]:g}, histogram overlap {_length_overlap(real, texts):.2f}",
        ),
        _row(
            f"{name}: question share, synthetic vs real",
            f"{rq.question_share(texts):.2f} vs {rq.question_share(real):.2f}; distinct-2 synthetic "
            f"{distinct_n(texts, 2):.2f}",
        ),
    ]


# -- rows that do not depend on a corpus ---------------------------------------------------------------


def _baseline_rows(dev: list[dict]) -> list[dict[str, Any]]:
    truth = [query["modality"] for query in dev]
    majority = Counter(truth).most_common(1)[0][0]
    predicted = [majority] * len(truth)
    spread = Counter(truth)
    return [
        _row("real queries (dev split)", f"{len(dev)}: " + ", ".join(f"{k} {spread[k]}" for k in LABELS)),
        _row(f"majority-class baseline (dev prior {majority}): accuracy", round(accuracy(truth, predicted), 3)),
        _row("majority-class baseline (dev prior): macro-F1", round(macro_f1(truth, predicted, LABELS), 3)),
    ]


def _reference_rows(dev: list[dict]) -> list[dict[str, Any]]:
    """What the figures compare with: keyword rules over the media words people use, and a router
    trained on the real queries themselves (5-fold cross-validated: the one place the dev set is
    trained on, as a ceiling, never mixed into the synthetic figures)."""
    queries = [query["query"] for query in dev]
    truth = [query["modality"] for query in dev]
    floor = keyword_predictions(AgentInference(load_settings().agents), queries, train_labels=truth)
    rows = _f1_rows("reference: media-word keyword rules (the scorecard's floor)", dev, floor, {}, False)
    cross_validated = cross_validated_predictions(queries, truth, seed=SEED, media=load_settings().agents)
    rows += _f1_rows("reference: router trained on the real queries (5-fold CV)", dev, cross_validated, {}, False)
    return rows


def _attribution_row() -> dict[str, Any]:
    """Names the CC BY / CC BY-SA (and attribution-required) sources behind the figures above."""
    if not MANIFEST.is_file():
        return _row("attribution", "see ../shared/data/manifest.json")
    provenance = json.loads(MANIFEST.read_text()).get("provenance", {})
    needs = [
        f"{source} ({entry['license']}, {entry['repo']})"
        for source, entry in provenance.items()
        if entry.get("license_class") == "open" and not str(entry.get("license", "")).startswith("CC0")
    ]
    return _row("attribution (figures use these sources)", "; ".join(needs))


def _row(name: str, value: object, *, target: str | None = None, ok: bool | None = None, note: str = "") -> dict:
    """A benchmark row; ``note`` (kept in the JSON, not the table) says how a figure was made."""
    row: dict[str, Any] = {"name": name, "value": value, "target": target, "ok": ok}
    if note:
        row["note"] = note
    return row


if __name__ == "__main__":
    for result in run():
        print(result)
