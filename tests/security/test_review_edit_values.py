"""An edit names only agents, modalities and entity types the registry knows (issue 16:
``synth review edit ID --set chosen_agent=evil_agent`` was approved and exported)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from approval.models import NewExample
from approval.store import ReviewStore
from synth_core.cli import cli
from synth_core.settings import Settings, load_settings
from tests.approval.builders import make_example


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(home=tmp_path / "home")


def stored(settings: Settings, optimizer: str) -> str:
    """One pending ``optimizer`` example of a finished run of the default tenant; returns its id."""
    with ReviewStore.from_settings(settings) as store:
        store.start_run(
            run_id=f"run-{optimizer}", tenant_id="default", optimizer=optimizer, request={}, settings_snapshot={}
        )
        example = NewExample(
            payload=make_example(optimizer).model_dump(mode="json"), status="pending_review", confidence=0.5
        )
        (example_id,) = store.add_examples(
            run_id=f"run-{optimizer}", tenant_id="default", optimizer=optimizer, examples=[example]
        )
        store.finish_run(run_id=f"run-{optimizer}", summary={})
    return example_id


def edit(settings: Settings, example_id: str, *assignments: str) -> tuple[int, str]:
    options = [part for assignment in assignments for part in ("--set", assignment)]
    result = CliRunner().invoke(
        cli, ["review", "edit", example_id, *options, "--reviewer", "mallory"], env={"SYNTH_HOME": str(settings.home)}
    )
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("optimizer", "assignment", "named"),
    [
        ("routing", "chosen_agent=evil_agent", "evil_agent"),
        ("modality", "correct_agent=evil_agent", "evil_agent"),
        ("workflow", 'agent_sequence=["video_search_agent", "exfiltrator"]', "exfiltrator"),
        ("unified", 'agent_sequence=["{search}"]', "{search}"),
        ("modality", "modality=NOPE", "modality"),
        ("routing", 'entities=[{"text": "kubernetes", "type": "NOPE"}]', "entities"),
    ],
)
def test_an_edit_naming_an_unknown_agent_modality_or_entity_type_is_refused(
    settings: Settings, optimizer: str, assignment: str, named: str
) -> None:
    example_id = stored(settings, optimizer)
    code, err = edit(settings, example_id, assignment)
    assert code == 2, err
    assert err.startswith("error: ") and named in err and len(err.strip().splitlines()) == 1
    with ReviewStore.from_settings(settings) as store:
        assert store.get(tenant_id="default", example_id=example_id).status == "pending_review"


def test_an_edit_to_a_known_agent_is_fine(settings: Settings) -> None:
    example_id = stored(settings, "routing")
    code, err = edit(settings, example_id, "chosen_agent=audio_analysis_agent")
    assert code == 0, err
