"""The CLI says an error's fix in its own words: the option for the field, the command for the step."""

from __future__ import annotations

from synth_core.cli_support import COMMANDS, describe_error
from synth_core.errors import STEPS, Fix, InvalidRequestError, NotFoundError


def test_a_field_becomes_its_option_and_choices_are_listed() -> None:
    error = InvalidRequestError(
        "Rejecting needs a reason code (got None).",
        fix=Fix("Say why it is rejected.", field="reason_code", choices=("off_topic", "other")),
    )
    assert describe_error(error) == (
        "Rejecting needs a reason code (got None). Say why it is rejected. Use --reason. One of: off_topic, other."
    )


def test_a_step_becomes_its_command() -> None:
    error = NotFoundError(
        "No example 'x' for tenant 'acme'.",
        fix=Fix("Check the example id.", field="example_id", step="list_examples"),
    )
    assert describe_error(error) == "No example 'x' for tenant 'acme'. Check the example id. See 'synth review list'."


def test_a_plain_hint_reads_as_before() -> None:
    assert describe_error(InvalidRequestError("Bad.", hint="Do this.")) == "Bad. Do this."


def test_every_step_has_a_command() -> None:
    assert set(COMMANDS) == set(STEPS)
