"""The README's CLI reference names every command and every option `synth --help` knows, and nothing
it does not: a new option without a line in the README fails here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from synth_core.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def commands(command: click.Command, path: tuple[str, ...], parent: click.Context | None) -> Iterator[tuple[str, ...]]:
    """Every command path under ``command`` (``("review", "list")``), the group itself included."""
    yield path
    if isinstance(command, click.Group):
        context = click.Context(command, parent=parent, info_name=path[-1] if path else "synth")
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            assert sub is not None
            yield from commands(sub, (*path, name), context)


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    context = click.Context(cli, info_name="synth")
    for name in path:
        assert isinstance(command, click.Group)
        found = command.get_command(context, name)
        assert found is not None
        command, context = found, click.Context(found, parent=context, info_name=name)
    return command


def options(command: click.Command) -> set[str]:
    """The command's long options, as --help lists them (``--help`` itself left out)."""
    return {
        flag
        for parameter in command.params
        if isinstance(parameter, click.Option) and not parameter.hidden
        for flag in parameter.opts + parameter.secondary_opts
        if flag.startswith("--")
    }


def reference_rows() -> dict[tuple[str, ...], str]:
    """The CLI reference table: the command path each row documents -> the row's text."""
    section = README.read_text().split("## CLI reference", 1)[1].split("\n## ", 1)[0]
    rows: dict[tuple[str, ...], str] = {}
    for line in section.splitlines():
        match = re.match(r"\| `synth([^`]*)`", line)
        if match:
            words = match.group(1).split()
            path = tuple(word for word in _leading_names(words))
            assert path not in rows, f"two rows document 'synth {' '.join(path)}'"
            rows[path] = line
    return rows


def _leading_names(words: list[str]) -> Iterator[str]:
    """Command names: the lower-case words before the first argument, option or choice."""
    for word in words:
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            return
        yield word


LEAVES = [path for path in commands(cli, (), None) if not isinstance(command_at(path), click.Group) or path == ()]
GROUPS_WITH_OPTIONS = [
    path for path in commands(cli, (), None) if isinstance(command_at(path), click.Group) and options(command_at(path))
]


def test_the_reference_documents_the_commands_that_exist() -> None:
    documented = set(reference_rows())
    runnable = set(LEAVES) | set(GROUPS_WITH_OPTIONS)
    assert sorted(runnable - documented) == [], "commands missing from the README's CLI reference"
    assert sorted(documented - runnable) == [], "the README documents commands that do not exist"


@pytest.mark.parametrize("path", sorted(set(LEAVES) | set(GROUPS_WITH_OPTIONS)), ids=lambda path: " ".join(path))
def test_every_option_is_documented(path: tuple[str, ...]) -> None:
    row = reference_rows().get(path, "")
    cells = re.split(r"(?<!\\)\|", row)  # a cell's own pipes are escaped: \|
    documented = set(FLAG.findall(cells[1] if row else ""))
    assert sorted(options(command_at(path)) - documented) == []
    assert sorted(documented - options(command_at(path))) == []
