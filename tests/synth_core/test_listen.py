"""The one rule for where an unguarded server may listen, shared by ``synth serve`` and ``synth dashboard``."""

from __future__ import annotations

import pytest

from synth_core.errors import InvalidRequestError
from synth_core.listen import check_listen_address, is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_addresses(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com", "localhost.example.com", ""])
def test_anything_else_is_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_an_unguarded_public_address_is_refused_with_what_to_configure() -> None:
    with pytest.raises(InvalidRequestError) as refused:
        check_listen_address("0.0.0.0", guarded=False, guard="a pass", how_to_guard="Issue a pass")
    assert str(refused.value) == "Refusing to serve on 0.0.0.0 without a pass. Issue a pass, or serve on 127.0.0.1."
    assert refused.value.exit_code == 2
    check_listen_address("0.0.0.0", guarded=True, guard="a pass", how_to_guard="Issue a pass")
    check_listen_address("::1", guarded=False, guard="a pass", how_to_guard="Issue a pass")
