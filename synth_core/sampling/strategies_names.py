"""The six sampling strategies by name (kept apart so schemas can import them cheaply)."""

STRATEGIES: tuple[str, ...] = (
    "diverse",
    "temporal_recent",
    "entity_rich",
    "by_modality",
    "multi_modal_sequences",
    "cross_modal_pairs",
)
