"""DSPy modules that validate every answer and ask again with the problem fed back.

Each module wraps one signature (``ChainOfThought`` where reasoning about the inputs helps: which
entity to use, how to phrase an intent, what two items share, which agents a plan needs; a plain
``Predict`` where it would only add tokens). ``forward`` calls the predictor, validates the answer,
and on a problem calls again with ``previous_attempt_problem`` set, up to ``max_retries`` times. Then
it returns a failure with the reason; it never substitutes a template query.

Calls to the LM go through the guard in scope (``with guarded(guard):``, the writer's back-off and
concurrency control, per thread); LM errors it gives up on propagate. A program optimized with DSPy
(``module.save("x.json")``) is loaded with :func:`build_module` from a path in ``[llm.compiled]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, ClassVar

import dspy

from synth_core.agents import AgentInference
from synth_core.errors import ConfigError
from synth_core.llm import signatures as sig
from synth_core.llm.validation import check_agent, check_plan, clean_query, validate_query
from synth_core.settings import Settings

Guard = Callable[[Callable[[], dspy.Prediction]], dspy.Prediction]
"""Runs one predictor call: ``guard(call) -> call()``, adding retries, back-off and accounting."""

PAIR_MODALITIES = ("primary_modality", "secondary_modality", "second_modality")
UNREADABLE = "your answer could not be read: give every output field under its own [[ ## name ## ]] header"


def direct(call: Callable[[], dspy.Prediction]) -> dspy.Prediction:
    return call()


_guard: ContextVar[Guard] = ContextVar("synth_llm_guard", default=direct)


@contextmanager
def guarded(guard: Guard) -> Iterator[None]:
    """Route the LM calls of every module run in this block (this thread / task) through ``guard``."""
    token = _guard.set(guard)
    try:
        yield
    finally:
        _guard.reset(token)


def explicit_flag(value: object) -> bool | None:
    """The signature's yes / no / either as the spec's True / False / None."""
    text = str(value).strip().lower()
    return True if text == "yes" else False if text == "no" else None


class ValidatedModule(dspy.Module):
    """Predict, validate, retry with the problem fed back; a failure after ``max_retries`` retries."""

    kind: ClassVar[str] = ""
    output_field: ClassVar[str] = "query"
    reasoning: ClassVar[bool] = True
    signature: ClassVar[type[dspy.Signature]]

    def __init__(self, agents: AgentInference, *, max_retries: int = 3) -> None:
        super().__init__()
        self.agents = agents
        self.max_retries = max_retries
        self.generate = dspy.ChainOfThought(self.signature) if self.reasoning else dspy.Predict(self.signature)

    def forward(self, *, rollout_id: int | None = None, **inputs: Any) -> dspy.Prediction:
        problems: list[str] = []
        problem: str | None = None
        for attempt in range(self.max_retries + 1):
            value, reasoning, problem = self._attempt(inputs, problem, rollout_id)
            if problem is None:
                return dspy.Prediction(
                    **{self.output_field: value}, reasoning=reasoning, retries=attempt, problems=problems, failure=None
                )
            problems.append(problem)
        attempts = self.max_retries + 1
        return dspy.Prediction(
            **{self.output_field: None},
            reasoning=None,
            retries=self.max_retries,
            problems=problems,
            failure=f"no valid answer after {attempts} attempt(s); last problem: {problem}",
        )

    def _attempt(
        self, inputs: Mapping[str, Any], problem: str | None, rollout_id: int | None
    ) -> tuple[Any, str | None, str | None]:
        kwargs = {**inputs, "previous_attempt_problem": problem}
        config = {"rollout_id": rollout_id} if rollout_id is not None else {}
        try:
            prediction = _guard.get()(lambda: self.generate(**kwargs, config=config))
        except dspy.AdapterParseError:
            return None, None, UNREADABLE
        value = self.clean(prediction.get(self.output_field))
        return value, prediction.get("reasoning"), self.problem(value, inputs)

    def clean(self, value: Any) -> Any:
        return clean_query(value)

    def problem(self, value: Any, inputs: Mapping[str, Any]) -> str | None:
        raise NotImplementedError


class _QueryModule(ValidatedModule):
    def problem(self, value: Any, inputs: Mapping[str, Any]) -> str | None:
        return validate_query(
            value,
            kind=self.kind,
            agents=self.agents,
            target=str(inputs.get("target_modality", "")),
            explicit_media=explicit_flag(inputs.get("explicit_media", "either")),
            also_allowed=[str(inputs[k]) for k in PAIR_MODALITIES if inputs.get(k)],
            required_entities=list(inputs.get("required_entities", [])),
            intent=str(inputs.get("intent", "find")),
            titles=[str(inputs[k]) for k in ("content_title", "primary_title", "secondary_title") if k in inputs],
            avoid=list(inputs.get("rejected_queries", [])),
        )


class ModalityQueryModule(_QueryModule):
    kind = "modality"
    reasoning = False
    signature = sig.ModalityQuery


class TextQuestionModule(_QueryModule):
    kind = "text"
    reasoning = False
    signature = sig.TextFactualQuestion


class EntityQueryModule(_QueryModule):
    kind = "entity"
    signature = sig.EntityQuery


class WorkflowQueryModule(_QueryModule):
    kind = "workflow"
    signature = sig.WorkflowIntentQuery


class FusionQueryModule(_QueryModule):
    kind = "fusion"
    signature = sig.FusionScenarioQuery


class AgentModule(ValidatedModule):
    kind = "agent"
    output_field = "agent"
    reasoning = False
    signature = sig.InferAgent

    def clean(self, value: Any) -> Any:
        return str(value or "").strip().strip("`'\"")

    def problem(self, value: Any, inputs: Mapping[str, Any]) -> str | None:
        return check_agent(value, inputs.get("available_agents", []))


class PlanModule(ValidatedModule):
    kind = "plan"
    output_field = "agent_sequence"
    signature = sig.PlanWorkflow

    def clean(self, value: Any) -> Any:
        return [str(step).strip() for step in value] if isinstance(value, list) else []

    def problem(self, value: Any, inputs: Mapping[str, Any]) -> str | None:
        allowed = set(inputs.get("available_agents", [])) or self.agents.known_agents()
        unknown = [step for step in value if step not in allowed]
        if unknown:
            return check_agent(unknown[0], allowed)
        return check_plan(value, self.agents)


MODULES: dict[str, type[ValidatedModule]] = {
    cls.kind: cls
    for cls in (
        ModalityQueryModule,
        TextQuestionModule,
        EntityQueryModule,
        WorkflowQueryModule,
        FusionQueryModule,
        AgentModule,
        PlanModule,
    )
}


def build_module(
    kind: str, agents: AgentInference, *, max_retries: int = 3, compiled: Path | None = None
) -> ValidatedModule:
    """A fresh module of ``kind`` (see ``MODULES``), with a compiled program's state when given."""
    try:
        module = MODULES[kind](agents, max_retries=max_retries)
    except KeyError:
        raise ConfigError(f"No LLM module for task {kind!r}.", hint=f"Use one of {', '.join(MODULES)}.") from None
    if compiled is not None:
        load_compiled(module, compiled, kind)
    return module


def compiled_path(settings: Settings, kind: str, paths: Mapping[str, Path] | None = None) -> Path | None:
    """The compiled program for ``kind`` from ``paths`` (default ``[llm.compiled]``); relative paths
    are under ``settings.home``."""
    chosen = (paths if paths is not None else settings.llm.compiled).get(kind)
    if chosen is None:
        return None
    path = Path(chosen).expanduser()
    return path if path.is_absolute() else settings.home / path


def load_compiled(module: dspy.Module, path: Path, kind: str) -> None:
    """Load a DSPy program state (JSON from ``module.save``); its predictors keep using the LM in scope."""
    if not path.is_file():
        raise ConfigError(
            f"Compiled program for {kind!r} not found at {path}.",
            hint="Fix the path under [llm.compiled] (relative paths are under SYNTH_HOME) or remove the entry.",
        )
    if path.suffix != ".json":
        raise ConfigError(f"Compiled program {path} is not JSON.", hint="Save it with program.save('name.json').")
    try:
        module.load(str(path))
    except Exception as exc:  # a state of another module's shape, or a broken file
        raise ConfigError(
            f"Compiled program {path} does not fit the {kind!r} module: {type(exc).__name__}: {exc}",
            hint=f"Compile {type(module).__name__} from synth_core.llm.modules and save its state.",
        ) from exc
    for predictor in module.predictors():
        predictor.lm = None  # a saved LM must never override the one the caller scoped
