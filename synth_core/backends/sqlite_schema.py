"""The embedded content store's tables and the statements that keep its FTS5 index in sync.

``content`` holds the items (``rid`` is a stable integer key that the FTS index points at, ``id``
the item's own id); ``content_fts`` is an external-content FTS5 index. ``entity_count`` and
``topic_key`` are computed once at upsert so sampling never re-reads texts.
"""

from datetime import UTC, datetime

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS content (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    profile TEXT NOT NULL,
    modality TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}',
    entity_count INTEGER NOT NULL DEFAULT 0,
    topic_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS content_profile_modality ON content(profile, modality);
CREATE INDEX IF NOT EXISTS content_modality ON content(modality);
CREATE INDEX IF NOT EXISTS content_created_at ON content(created_at);
CREATE INDEX IF NOT EXISTS content_entity_count ON content(entity_count);
CREATE INDEX IF NOT EXISTS content_topic_key ON content(topic_key);
CREATE VIRTUAL TABLE IF NOT EXISTS content_fts USING fts5(
    title, text, content='content', content_rowid='rid',
    tokenize='porter unicode61 remove_diacritics 2'
);
-- Inserts and updates re-index in bulk inside upsert() (several times faster than a per-row trigger);
-- only deletes are left to a trigger. Stores made by the first version had per-row triggers: drop them.
DROP TRIGGER IF EXISTS content_ai;
DROP TRIGGER IF EXISTS content_au;
CREATE TRIGGER IF NOT EXISTS content_ad AFTER DELETE ON content BEGIN
    INSERT INTO content_fts(content_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
END;
"""

UPSERT = """
INSERT INTO content (id, profile, modality, title, text, created_at, source, metadata, entity_count, topic_key)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    profile = excluded.profile, modality = excluded.modality, title = excluded.title,
    text = excluded.text, created_at = excluded.created_at, source = excluded.source,
    metadata = excluded.metadata, entity_count = excluded.entity_count, topic_key = excluded.topic_key
"""
IN_BATCH = "id IN (SELECT value FROM json_each(?))"
OLD_TEXTS = f"SELECT rid, title, text FROM content WHERE {IN_BATCH}"
FTS_DELETE = "INSERT INTO content_fts(content_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)"
FTS_INSERT = f"INSERT INTO content_fts(rowid, title, text) SELECT rid, title, text FROM content WHERE {IN_BATCH}"


def stored_time(moment: datetime) -> str:
    """One fixed-width UTC text (4-digit year), so text order is time order and every row reads back.

    ``strftime("%Y")`` does not pad years before 1000 on Linux: year 5 was stored as ``5-06-01T...``,
    which ``datetime.fromisoformat`` refuses, and every later read of the store failed."""
    utc = moment.astimezone(UTC)
    return f"{utc.year:04d}-{utc:%m-%dT%H:%M:%S.%f}+00:00"


def time_from_stored(text: str) -> datetime:
    """A stored ``created_at``; rows written with an unpadded year (stores made before the fix) read too."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        year, _, rest = text.partition("-")
        return datetime.fromisoformat(f"{year.zfill(4)}-{rest}")
