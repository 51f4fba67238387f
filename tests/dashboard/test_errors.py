"""The dashboard says an error's fix in its own words: the widget for the field, the page for the step."""

from __future__ import annotations

from dashboard.errors import PAGES, describe_error
from synth_core.errors import STEPS, Fix, InvalidRequestError


def test_a_field_names_its_widget() -> None:
    error = InvalidRequestError("A decision needs a reviewer name.", fix=Fix("Say who decides.", field="reviewer"))
    assert describe_error(error) == "A decision needs a reviewer name. Say who decides. (Set Reviewer, in the sidebar.)"
    assert "--" not in describe_error(error)


def test_every_step_has_a_place() -> None:
    assert set(PAGES) == set(STEPS)
