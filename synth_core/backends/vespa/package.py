"""The Vespa application package for these settings (``synth vespa package --out DIR``), with pyvespa's
``vespa.package``: one schema per configured schema name, every one with the mapped fields.

Title and text are indexed with BM25 (the ``default`` fieldset the label searches match); id, profile
and modality are fast-search attributes (the filters), created_at and entity_count attributes (the
sort orders). Rank profiles: ``bm25`` (title counted twice, as in the embedded store) and ``random``
(``random.match``, seeded per query). The query profile lets a sample page past Vespa's default
offset limit.
"""

from __future__ import annotations

from pathlib import Path

from vespa.package import (
    ApplicationPackage,
    Document,
    Field,
    FieldSet,
    QueryField,
    QueryProfile,
    RankProfile,
    Schema,
)

from synth_core.backends.vespa.mapping import VespaLayout, layout_from_settings
from synth_core.backends.vespa.queries import BM25_PROFILE, RANDOM_PROFILE
from synth_core.errors import InvalidRequestError
from synth_core.settings import Settings

MAX_OFFSET = 100_000
"""Largest sample one request pages through (Vespa's default maxOffset is 1,000)."""


def _fields(layout: VespaLayout) -> list[Field]:
    def name(field: str) -> str:
        return layout.field(field)

    text = {"indexing": ["index", "summary"], "index": "enable-bm25"}
    filter_attribute = {"indexing": ["attribute", "summary"], "attribute": ["fast-search"]}
    return [
        Field(name=name("id"), type="string", **filter_attribute),  # type: ignore[arg-type]
        Field(name=name("profile"), type="string", **filter_attribute),  # type: ignore[arg-type]
        Field(name=name("modality"), type="string", **filter_attribute),  # type: ignore[arg-type]
        Field(name=name("title"), type="string", **text),  # type: ignore[arg-type]
        Field(name=name("text"), type="string", **text),  # type: ignore[arg-type]
        Field(name=name("created_at"), type="long", indexing=["attribute", "summary"]),
        Field(name=name("entity_count"), type="int", indexing=["attribute", "summary"]),
        Field(name=name("topic_key"), type="string", indexing=["attribute", "summary"]),
        Field(name=name("source"), type="string", indexing=["summary"]),
        Field(name=name("metadata"), type="string", indexing=["summary"]),
    ]


def _schema(schema_name: str, layout: VespaLayout) -> Schema:
    title, text = layout.field("title"), layout.field("text")
    return Schema(
        name=schema_name,
        document=Document(fields=_fields(layout)),
        fieldsets=[FieldSet(name="default", fields=[title, text])],
        rank_profiles=[
            RankProfile(name=BM25_PROFILE, first_phase=f"2 * bm25({title}) + bm25({text})"),
            RankProfile(name=RANDOM_PROFILE, first_phase="random.match"),
        ],
    )


def application_package(settings: Settings, *, name: str = "synthstudio") -> ApplicationPackage:
    """The package a team deploys so Synth Studio can feed, sample and search it."""
    layout = layout_from_settings(settings)
    query_profile = QueryProfile(
        fields=[
            QueryField(name="maxHits", value=settings.vespa.page_size),
            QueryField(name="maxOffset", value=MAX_OFFSET),
        ]
    )
    try:
        return ApplicationPackage(
            name=name,
            schema=[_schema(schema, layout) for schema in layout.schemas],
            query_profile=query_profile,
        )
    except ValueError as exc:  # pyvespa checks the application name
        raise InvalidRequestError(
            f"Cannot name the application {name!r}: {exc}", hint="Use a short lowercase name."
        ) from exc


def write_package(settings: Settings, out: Path, *, name: str = "synthstudio") -> list[Path]:
    """Write the package's files under ``out``; returns the schema files written."""
    package = application_package(settings, name=name)
    package.to_files(out)
    return sorted((out / "schemas").glob("*.sd"))
