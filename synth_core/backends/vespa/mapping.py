"""Where content lives in Vespa: field names and profile -> schema, both from ``[vespa]`` in configs/.

A content item is one Vespa document. Its fields are named by ``[vespa.fields]`` (so a deployment that
calls the text ``body`` can be read as it is); its schema (document type) is ``[vespa] schema``, or the
profile's own schema from configs/profiles.toml when ``profile_schemas`` is set, or what
``[vespa.schemas]`` maps the profile to. Two numbers computed at feed time ride along, as in the
embedded store: the entity count (``entity_rich`` sorts by it) and the topic signature.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from synth_core.content import ContentItem
from synth_core.errors import BackendError, ConfigError
from synth_core.settings import Settings

CONTENT_FIELDS = (
    "id",
    "profile",
    "modality",
    "title",
    "text",
    "created_at",
    "source",
    "metadata",
    "entity_count",
    "topic_key",
)
RESERVED = frozenset({"id", "documentid", "sddocname", "relevance"})
"""Names a Vespa schema field cannot take (the document id and what every hit carries)."""


@dataclass(frozen=True)
class VespaLayout:
    """Field names, schemas and the id namespace of one deployment."""

    fields: Mapping[str, str]
    default_schema: str
    profile_schema: Mapping[str, str]
    namespace: str

    def field(self, name: str) -> str:
        return self.fields[name]

    def schema_for(self, profile: str) -> str:
        return self.profile_schema.get(profile, self.default_schema)

    @property
    def schemas(self) -> list[str]:
        """Every schema content may live in: the default first, then the mapped ones."""
        return list(dict.fromkeys([self.default_schema, *self.profile_schema.values()]))

    @staticmethod
    def fields_value(fields: Mapping[str, Any], name: str) -> Any:
        """One field of a hit; a hit without it means the schema does not match the mapping."""
        if name not in fields:
            raise BackendError(
                f"A Vespa hit lacks the field {name!r} (it has {', '.join(sorted(fields))}).",
                hint="Map the deployment's field names in the [vespa.fields] settings.",
            )
        return fields[name]

    def to_fields(self, item: ContentItem, *, entity_count: int, topic_key: str) -> dict[str, Any]:
        """The document fields of ``item`` (created_at as whole seconds since the epoch)."""
        values: dict[str, Any] = {
            "id": item.id,
            "profile": item.profile,
            "modality": item.modality,
            "title": item.title,
            "text": item.text,
            "created_at": int(item.created_at.timestamp()),
            "source": item.source,
            "metadata": json.dumps(item.metadata, ensure_ascii=False, default=str),
            "entity_count": entity_count,
            "topic_key": topic_key,
        }
        return {self.fields[name]: value for name, value in values.items()}

    def to_item(self, fields: Mapping[str, Any]) -> ContentItem:
        """The content item a hit's (or a document's) fields describe."""
        try:
            raw_metadata = fields.get(self.fields["metadata"]) or "{}"
            return ContentItem(
                id=str(fields[self.fields["id"]]),
                profile=str(fields[self.fields["profile"]]),
                modality=fields[self.fields["modality"]],
                title=str(fields.get(self.fields["title"], "")),
                text=str(fields.get(self.fields["text"], "")),
                created_at=datetime.fromtimestamp(int(fields.get(self.fields["created_at"], 0)), tz=UTC),
                source=str(fields.get(self.fields["source"], "")),
                metadata=json.loads(raw_metadata) if isinstance(raw_metadata, str) else dict(raw_metadata),
            )
        except (KeyError, ValueError, TypeError) as exc:
            named = ", ".join(sorted(fields)) or "none"
            raise BackendError(
                f"A Vespa document does not hold a content item ({type(exc).__name__}: {exc}; fields: {named}).",
                hint="Map the deployment's field names in the [vespa.fields] settings, or feed it from Synth Studio.",
            ) from exc


def layout_from_settings(settings: Settings) -> VespaLayout:
    """The layout ``settings`` describe; a field mapped twice or onto a reserved name is a config error."""
    vespa = settings.vespa
    unknown = sorted(set(vespa.fields) - set(CONTENT_FIELDS))
    if unknown:
        raise ConfigError(
            f"[vespa.fields] names unknown content fields: {', '.join(unknown)}.",
            hint=f"Map only {', '.join(CONTENT_FIELDS)}.",
        )
    fields = {name: vespa.fields.get(name, name) for name in CONTENT_FIELDS}
    clashes = sorted(name for name in set(fields.values()) if list(fields.values()).count(name) > 1)
    reserved = sorted(set(fields.values()) & RESERVED)
    if clashes or reserved:
        raise ConfigError(
            f"[vespa.fields] maps content onto unusable Vespa field names: {', '.join(clashes + reserved)}.",
            hint=f"Give each content field its own name, none of {', '.join(sorted(RESERVED))}.",
        )
    profile_schema = {name: profile.schema_name for name, profile in settings.profiles.items()}
    if not vespa.profile_schemas:
        profile_schema = {}
    profile_schema.update(vespa.schemas)
    return VespaLayout(
        fields=fields, default_schema=vespa.schema_name, profile_schema=profile_schema, namespace=vespa.namespace
    )
