"""Where a server may listen: without sign-in, only on this machine.

``synth serve`` (the API, guarded by bearer tokens) and ``synth dashboard`` (guarded by OIDC sign-in)
share one rule, so both refuse a public address the same way and say what to configure.
"""

from __future__ import annotations

import ipaddress

from synth_core.errors import InvalidRequestError

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_listen_address(host: str, *, guarded: bool, guard: str, how_to_guard: str) -> None:
    """Refuse ``host`` unless it is loopback or the server is ``guarded``: anyone who can reach an
    unguarded server could write. ``guard`` names what is missing ("an API token"), ``how_to_guard``
    says how to configure it."""
    if not guarded and not is_loopback(host):
        raise InvalidRequestError(
            f"Refusing to serve on {host} without {guard}.", hint=f"{how_to_guard}, or serve on {LOOPBACK}."
        )
