"""The application package ``synth vespa package`` writes, with pyvespa's vespa.package."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth_core.backends.vespa.package import application_package, write_package
from synth_core.errors import InvalidRequestError
from synth_core.settings import Settings, load_settings


def test_the_default_package_has_one_schema_with_bm25_text_and_attribute_filters(
    settings: Settings, tmp_path: Path
) -> None:
    written = write_package(settings, tmp_path / "app")
    assert [path.name for path in written] == ["content.sd"]
    schema = written[0].read_text()
    assert schema.count("index: enable-bm25") == 2  # title and text
    assert "fieldset default {\n        fields: title, text" in schema
    assert "field doc_id type string" in schema and "fast-search" in schema
    assert "field created_at type long" in schema and "field entity_count type int" in schema
    assert "rank-profile bm25" in schema and "2 * bm25(title) + bm25(text)" in schema
    assert "rank-profile random" in schema and "random.match" in schema
    services = (tmp_path / "app" / "services.xml").read_text()
    assert '<document type="content" mode="index">' in services
    profile = (tmp_path / "app" / "search" / "query-profiles" / "default.xml").read_text()
    assert '<field name="maxOffset">100000</field>' in profile


def test_profile_schemas_and_field_names_come_from_the_settings(tmp_path: Path) -> None:
    settings = load_settings(home=tmp_path, vespa={"profile_schemas": True, "fields": {"text": "body"}})
    names = {path.stem for path in write_package(settings, tmp_path / "app")}
    assert names == {"content", *(profile.schema_name for profile in settings.profiles.values())}
    schema = (tmp_path / "app" / "schemas" / "audio_transcript.sd").read_text()
    assert "field body type string" in schema and "bm25(body)" in schema and "field text " not in schema


def test_a_bad_application_name_is_a_request_error(settings: Settings) -> None:
    with pytest.raises(InvalidRequestError, match="Cannot name the application"):
        application_package(settings, name="Not A Name!")
