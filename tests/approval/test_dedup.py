"""Near-duplicate search: prefix filtering must find exactly what comparing every pair finds."""

from __future__ import annotations

import random

from approval.dedup import DuplicateIndex, best_matches, duplicate_clusters, jaccard, query_tokens


def random_queries(rng: random.Random, count: int, vocabulary: int = 60) -> list[str]:
    """Random queries over ``vocabulary`` words (Zipf-like frequencies); 30% are variants of an
    earlier query with one word dropped or added, so near-duplicates abound."""
    words = [f"w{number}" for number in range(vocabulary)]
    weights = [1.0 / (rank + 1) for rank in range(vocabulary)]
    queries: list[str] = []
    for _ in range(count):
        if queries and rng.random() < 0.3:
            picked = rng.choice(queries).split()
            picked = picked[:-1] if len(picked) > 3 and rng.random() < 0.5 else [*picked, rng.choice(words)]
        else:
            picked = list(dict.fromkeys(rng.choices(words, weights, k=rng.randint(3, 8))))
        queries.append(" ".join(picked))
    return queries


def brute_force_best(queries: list[str], known: list[str], threshold: float) -> list[float]:
    sets = [query_tokens(text) for text in queries]
    known_sets = [query_tokens(text) for text in known]
    best = []
    for position, tokens in enumerate(sets):
        others = [other for index, other in enumerate(sets) if index != position] + known_sets
        top = max((jaccard(tokens, other) for other in others), default=0.0)
        best.append(top if top >= threshold else 0.0)
    return best


def test_tokens_are_case_folded_and_stopwords_dropped() -> None:
    assert query_tokens("Show me THE Video about Kubernetes!") == {"show", "video", "kubernetes"}
    assert query_tokens("what is this") == {"what", "is", "this"}  # nothing but stopwords: keep them


def test_best_matches_equal_brute_force() -> None:
    rng = random.Random(3)
    queries, known = random_queries(rng, 400), random_queries(rng, 150)
    for threshold in (0.5, 0.6, 0.8):
        found = [match.similarity for match in best_matches(queries, known, threshold=threshold)]
        assert found == brute_force_best(queries, known, threshold)


def test_an_index_grows_batch_by_batch_and_finds_what_a_fresh_one_finds() -> None:
    rng = random.Random(5)
    batches = [random_queries(rng, 120) for _ in range(4)]
    index = DuplicateIndex()
    seen: list[str] = []
    for batch in batches:
        assert index.best_matches(batch) == best_matches(batch, seen)
        index.add(batch)
        seen.extend(batch)
    assert len(index) == len(seen)


def test_matches_point_at_the_batch_or_the_known_set() -> None:
    matches = best_matches(["alpha beta gamma", "delta epsilon zeta", "alpha beta gamma"], ["delta epsilon zeta"])

    assert (matches[0].index, matches[0].known, matches[0].similarity) == (2, False, 1.0)
    assert (matches[1].index, matches[1].known) == (0, True)


def test_a_batch_of_ten_thousand_is_handled_and_correct_on_a_sample() -> None:
    rng = random.Random(11)
    queries = random_queries(rng, 10_000, vocabulary=3000)
    matches = best_matches(queries)
    sets = [query_tokens(text) for text in queries]
    for position in rng.sample(range(len(queries)), 25):
        top = max(jaccard(sets[position], other) for index, other in enumerate(sets) if index != position)
        assert matches[position].similarity == (top if top >= 0.6 else 0.0)


def test_clusters_follow_chains_of_near_duplicates() -> None:
    queries = [
        "kubernetes autoscaling production clusters",
        "rust ownership borrowing rules",
        "kubernetes autoscaling production clusters explained",
        "kubernetes autoscaling production clusters explained simply",
        "rust ownership borrowing rules lifetimes",
        "baking sourdough bread",
    ]
    assert duplicate_clusters(queries) == [0, 1, 0, 0, 1, 5]


def test_an_index_equals_brute_force_at_every_threshold() -> None:
    """Low and high thresholds stress the length and positional filters differently."""
    rng = random.Random(8)
    for threshold in (0.3, 0.45, 0.7, 0.9, 1.0):
        known = random_queries(rng, 120, vocabulary=25)
        index = DuplicateIndex(known, threshold=threshold)
        for _ in range(3):
            batch = random_queries(rng, 80, vocabulary=25)
            found = [match.similarity for match in index.best_matches(batch)]
            assert found == brute_force_best(batch, known, threshold)
            index.add(batch)
            known.extend(batch)
