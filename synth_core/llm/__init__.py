"""The LLM generation path through DSPy. Importing this package imports nothing heavy; its modules do.

- ``signatures``: what goes in and out of each generation step (declarations only).
- ``validation``: pure checks on a model's answer, each returning None or the reason.
- ``modules``: DSPy modules that validate and retry with the problem fed back; compiled programs.
- ``inputs``: a ``QuerySpec`` turned into a module's inputs.
- ``client``: the ``dspy.LM`` from settings, DSPy's cache under SYNTH_HOME, secret scrubbing.
- ``concurrency``: adaptive limit, back-off with jitter, circuit breaker.
- ``usage``: calls, tokens, cost; the dry-run estimate.

The writer itself is ``synth_core.writing.dspy_writer.DSPyWriter``; LLM profile selection is
``synth_core.sampling.llm_profile_selection.LLMProfileSelector``.
"""
