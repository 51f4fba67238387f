"""The Vespa content backend (the optional extra ``synth-studio[vespa]``, which brings pyvespa).

- ``mapping``: field names and profile -> schema, from ``[vespa]`` in configs/
- ``queries``: the YQL of every sampling order, count, grouping and BM25 search; reading answers
- ``client``: pyvespa's sync and async clients, our timeouts and retries, errors -> ``BackendError``
- ``backend``: ``VespaBackend``, the content backend protocol over those
- ``feed``: feeding items in (``synth ingest --backend vespa``)
- ``package``: the application package to deploy (``synth vespa package``)
"""

from synth_core.backends.vespa.backend import VespaBackend

__all__ = ["VespaBackend"]
