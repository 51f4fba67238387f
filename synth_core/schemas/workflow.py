"""Examples for the workflow planner (WorkflowIntelligence's WorkflowExecution)."""

from __future__ import annotations

from pydantic import Field

from synth_core.schemas.common import ExampleBase, QueryIntent


class WorkflowExecutionSchema(ExampleBase):
    """A query, the agent plan that serves it, and how executing that plan went.

    The plan follows from the query's intent (find / summarize / compare / report). Deliberately
    corrupted plans are kept as ``success=False`` examples with ``error_details`` saying what is wrong,
    so both classes exist.
    """

    workflow_id: str = Field(description="Unique across runs.")
    query_type: QueryIntent
    agent_sequence: list[str] = Field(min_length=1)
    task_count: int = Field(ge=1)
    execution_time: float = Field(ge=0.0, description="Measured seconds for the plan's search steps.")
    parallel_efficiency: float = Field(ge=0.0, le=1.0)
    success: bool
    confidence_score: float = Field(ge=0.0, le=1.0)
    error_details: str | None = None
