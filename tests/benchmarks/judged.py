"""The judged sample: generated examples read by a person (or a reviewing agent) and marked correct or
not, so the confidence score can be measured against correctness (``bench_confidence_judged``).

Rounds: the sample is re-drawn and re-judged when the generator changes what it writes; each round
keeps its own folder (``tests/data/judged/round-N/``) and the latest is the one the targets apply to.
Files of a round (method in ``tests/data/judged/README.md``):

- ``sample.jsonl``: one generated example a line, ``{"id", "corpus", "optimizer", "example"}``, the
  example whole (labels, provenance, signals); nothing of the source content is copied: it is looked
  up by id in the demo corpus or in ../shared/data/corpus.jsonl when shown;
- ``judgments.jsonl``: ``{"id", "label_correct", "query_natural", "reason", "judge"}`` a line.

Commands::

    python -m tests.benchmarks.judged sample ROUND SEED     # draw round-ROUND/sample.jsonl from today's generator
    python -m tests.benchmarks.judged show IDS_PREFIX [ROUND]  # print examples with their sources, for judging

``show`` hides confidence and signals: judges see what a reviewer needs, not the score.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from approval.calibration import decided_counts, report_from_counts
from approval.confidence import core_cap
from approval.learning.judged_prior import CALIBRATION_ERROR, save_prior
from approval.learning.model import ConfidenceModel, blend
from approval.learning.replay import judged_decisions
from approval.models import DecidedExample
from synth_core.content import ContentItem
from synth_core.generators.anchoring import anchoring
from synth_core.generators.pair_link import pair_link
from synth_core.registry import OPTIMIZERS
from synth_core.settings import load_settings
from tests.benchmarks import corpora

FOLDER = Path(__file__).resolve().parents[1] / "data" / "judged"
DEMO_CORPUS = Path(__file__).resolve().parents[2] / "synth_core" / "demo" / "demo_corpus.jsonl"
PER_CELL = 32
GENERATED = 300
HIDDEN = ("signals", "provenance", "is_synthetic", "synthetic_source", "workflow_id")


def rounds() -> list[int]:
    """The judged rounds on disk, oldest first."""
    found = [int(path.name.removeprefix("round-")) for path in FOLDER.glob("round-*") if path.is_dir()]
    return sorted(found)


def sample_path(round_: int) -> Path:
    return FOLDER / f"round-{round_}" / "sample.jsonl"


def judgments_path(round_: int) -> Path:
    return FOLDER / f"round-{round_}" / "judgments.jsonl"


def write_sample(round_: int, seed: int) -> int:
    """Draw ``PER_CELL`` examples per corpus and optimizer from a ``GENERATED``-example run (``seed``)."""
    rng = random.Random(seed)
    lines: list[str] = []
    for corpus in corpora.available():
        with corpora.corpus_service(corpus) as service:
            for optimizer in OPTIMIZERS:
                examples = corpora.generate(service, optimizer, corpora.run_size(corpus, optimizer, GENERATED), seed)
                for number, example in enumerate(rng.sample(examples, min(PER_CELL, len(examples)))):
                    record = {
                        "id": f"{corpus}-{optimizer}-{number:03d}",
                        "corpus": corpus,
                        "optimizer": optimizer,
                        "example": example.model_dump(mode="json"),
                    }
                    lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    path = sample_path(round_)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def load_sample(round_: int) -> list[dict[str, Any]]:
    text = sample_path(round_).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def with_derived_signals(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``records`` with the signals that are pure functions of the query and its source items
    (``DERIVED_SIGNALS``) filled in where the sample was drawn before the generator recorded them: the
    generator computes them with the same functions, so an older round is scored as today's generator
    would score the same example. Sources are read through the same ingest as a run (titles cut alike)."""
    filled = []
    for record in records:
        example = record["example"]
        absent = [name for name in DERIVED_SIGNALS if name not in example["signals"]]
        if absent:
            source_ids = example["provenance"]["source_content_ids"]
            items = [_ingested(record["corpus"])[content_id] for content_id in source_ids]
            signals = dict(example["signals"])
            for name in absent:
                found = DERIVED_SIGNALS[name](example["query"], items)
                signals[name] = found.model_dump() if found is not None else None
            record = {**record, "example": {**example, "signals": signals}}
        filled.append(record)
    return filled


@lru_cache(maxsize=2)
def _ingested(corpus: str) -> dict[str, ContentItem]:
    """Every item of ``corpus`` as a run reads it (ingested into a scratch store), by id."""
    path = DEMO_CORPUS if corpus == "demo" else corpora.REAL_CORPUS
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with corpora.corpus_service(corpus) as service:
        return {item.id: item for item in service.backend.get(ids)}


DERIVED_SIGNALS = {"anchoring": anchoring, "pair_link": pair_link}


def load_judgments(round_: int) -> dict[str, dict[str, Any]]:
    """The round's verdicts by example id: every ``judgments*.jsonl`` of its folder (one per judge)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(sample_path(round_).parent.glob("judgments*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row for row in rows}


def show(prefix: str, round_: int) -> str:
    """The examples of ``round_`` whose id starts with ``prefix``, each with its source items, as plain text."""
    sources = _sources()
    blocks = []
    for record in load_sample(round_):
        if not record["id"].startswith(prefix):
            continue
        example = record["example"]
        labels = {key: value for key, value in example.items() if key not in (*HIDDEN, "query")}
        lines = [f"== {record['id']}  ({record['optimizer']})", f"query: {example['query']}"]
        lines.append("labels: " + json.dumps(labels, ensure_ascii=False))
        for source_id in example["provenance"]["source_content_ids"]:
            item = sources.get(source_id)
            if item is None:
                lines.append(f"source {source_id}: (not available on this machine)")
                continue
            text = " ".join(str(item.get("text", "")).split())[:500]
            lines.append(f"source {source_id} [{item['modality']}] title: {item.get('title', '')}")
            lines.append(f"  date: {item.get('created_at') or '(none: the ingest stands in the file time)'}")
            lines.append(f"  text: {text}")
            lines.append(
                f"  meta: {json.dumps(item.get('meta') or item.get('metadata') or {}, ensure_ascii=False)[:300]}"
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _sources() -> dict[str, dict[str, Any]]:
    items: dict[str, dict[str, Any]] = {}
    for path in (DEMO_CORPUS, corpora.REAL_CORPUS):
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    items[item["id"]] = item
    return items


def judged_round(round_: int) -> tuple[list[dict[str, Any]], dict[str, bool]]:
    """The round's records (with today's derived signals) and its own verdicts: correct when the labels
    are right and the query natural."""
    verdicts = {
        example_id: bool(verdict["label_correct"]) and bool(verdict["query_natural"])
        for example_id, verdict in load_judgments(round_).items()
    }
    return with_derived_signals(load_sample(round_)), verdicts


def build_prior(last_round: int) -> str:
    """Train the judged prior (``approval.learning.judged_prior``) on every judged round up to
    ``last_round``, calibrate each optimizer's auto-approval threshold with its method
    (``calibrate_thresholds``), and save both beside its module."""
    chosen = [round_ for round_ in rounds() if round_ <= last_round and load_judgments(round_)]
    agents = load_settings().agents
    decided = {round_: judged_decisions([judged_round(round_)], agents=agents) for round_ in chosen}
    model = ConfidenceModel.train([example for round_ in chosen for example in decided[round_]])
    thresholds = calibrate_thresholds(decided)
    path = save_prior(model, chosen, thresholds)
    lines = [f"trained on {model.decisions} judged examples of rounds {chosen}: {path}"]
    lines += [f"  {name}: {entry['measured']}" for name, entry in thresholds.items()]
    lines.append("set these as the registry's default_threshold (synth_core/registry.py); a test checks they match")
    return "\n".join(lines)


CALIBRATION_ROUNDS = 4
"""The latest this many judged rounds calibrate the thresholds: each scored by a prior trained on the
rounds before it, so every score is one the method gives an example it never saw."""


def calibrate_thresholds(decided: dict[int, list[DecidedExample]]) -> dict[str, dict[str, Any]]:
    """Per optimizer, the lowest blended score at which at most ``CALIBRATION_ERROR`` of the examples at or
    above it were judged wrong, pooled over the latest ``CALIBRATION_ROUNDS`` rounds held out one by
    one (``approval.calibration``'s suggestion, rounded up to a hundredth); 1.0 where none qualifies."""
    weight = load_settings().learning.blend_weight
    ordered = sorted(decided)
    scored: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    held_out = ordered[-CALIBRATION_ROUNDS:]
    for round_ in held_out:
        earlier = [example for before in ordered if before < round_ for example in decided[before]]
        tested = decided[round_]
        for example, chance in zip(tested, ConfidenceModel.train(earlier).predict(tested), strict=True):
            cap = core_cap(example.confidence_breakdown)
            scored[example.optimizer].append((blend(example.confidence, chance, weight, cap), example.approved))
    thresholds: dict[str, dict[str, Any]] = {}
    for optimizer in OPTIMIZERS:
        report = report_from_counts(decided_counts(scored[optimizer]), target_error=CALIBRATION_ERROR)
        found = report.suggested_threshold
        threshold = 1.0 if found is None else math.ceil(found * 100) / 100
        measured = f"{report.explanation} Pooled: {report.decided} judged examples of rounds {held_out}, each held out."
        thresholds[optimizer] = {"threshold": threshold, "measured": measured}
    return thresholds


if __name__ == "__main__":
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "sample" and len(args) == 2:
        print(f"wrote {write_sample(int(args[0]), int(args[1]))} examples to {sample_path(int(args[0]))}")
    elif command == "show" and len(args) <= 2:
        print(show(args[0] if args else "", int(args[1]) if len(args) > 1 else rounds()[-1]))
    elif command == "prior" and len(args) == 1:
        print(build_prior(int(args[0])))
    else:
        sys.exit(
            "usage: python -m tests.benchmarks.judged sample ROUND SEED | show [ID_PREFIX [ROUND]] | prior LAST_ROUND"
        )
