"""A throwaway PostgreSQL server for the tests, started from Debian's binaries.

``postgres_server`` (session scope) runs ``initdb`` and ``pg_ctl`` from /usr/lib/postgresql/*/bin into
a temporary folder, listening on 127.0.0.1 at a free port (unix socket in the same folder), and yields
a SQLAlchemy URL of its ``postgres`` database; the server is stopped and deleted at the end.
``fresh_database(url)`` gives each test an empty schema of its own, so every test starts clean.

initdb refuses to run as root: as root, the server runs as the ``postgres`` system user (created by
the Debian package) through ``runuser``. Without the binaries the tests are skipped with a message,
except in CI (``CI`` set), where a missing PostgreSQL is a failure: ``make test`` installs it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SERVER_USER = "postgres"
DB_USER = "synth"


@dataclass(frozen=True)
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int
    run_as: str | None

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{self.port}/postgres"

    def command(self, tool: str, *args: str) -> list[str]:
        argv = [str(self.bin_dir / tool), *args]
        return ["runuser", "-u", self.run_as, "--", *argv] if self.run_as else argv

    def run(self, tool: str, *args: str) -> None:
        result = subprocess.run(self.command(tool, *args), capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{tool} failed ({result.returncode}): {result.stderr.strip()}\n{tail}")

    def start(self) -> None:
        self.run("initdb", "-D", str(self.data_dir), "-U", DB_USER, "--auth=trust", "-E", "UTF8", "--no-sync")
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        log = str(self.root / "server.log")
        self.run("pg_ctl", "-D", str(self.data_dir), "-l", log, "-w", "-t", "60", "-o", options, "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin folder that has initdb and pg_ctl."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name))
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why."""


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where make test installs PostgreSQL."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (run 'make test' or apt-get install postgresql)")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_folder(run_as: str | None) -> Path:
    # Not under pytest's tmp_path: that folder is private to the current user (mode 0700).
    root = Path(tempfile.mkdtemp(prefix="synth-pg-"))
    if run_as:
        entry = pwd.getpwnam(run_as)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    return root


def _server_user() -> str | None:
    """None when we may run initdb ourselves; the system user to run it as when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(f"running as root and there is no '{SERVER_USER}' user to run the server") from None
    if shutil.which("runuser") is None:
        raise PostgresUnavailable("running as root and 'runuser' is missing")
    return SERVER_USER


def start_postgres() -> PostgresServer:
    """Start a throwaway server (stop it with ``stop_postgres``); PostgresUnavailable says why not."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable("no /usr/lib/postgresql/*/bin/initdb found")
    run_as = _server_user()
    server = PostgresServer(bin_dir=bin_dir, root=_server_folder(run_as), port=free_port(), run_as=run_as)
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(server.root, ignore_errors=True)
        raise PostgresUnavailable(f"the server did not start: {exc}") from exc
    return server


def stop_postgres(server: PostgresServer) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a fresh PostgreSQL server's ``postgres`` database, alive for the whole session."""
    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        unavailable(str(exc))
        raise  # unreachable: skip and fail raise
    try:
        yield server.url
    finally:
        stop_postgres(server)


def fresh_database(server_url: str) -> str:
    """An empty schema of its own on the server, as a URL whose connections use it (``search_path``).

    A schema costs a few milliseconds where CREATE DATABASE costs a few hundred.
    """
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    dsn = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
    return f"{server_url}?options=-csearch_path%3D{name}"
