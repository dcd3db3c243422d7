"""A throwaway PostgreSQL server for the tests, and a fresh schema per test.

``CABLE_TEST_POSTGRES_URL`` names a server to use instead (each test gets a
schema of its own there, dropped afterwards). Otherwise, when ``initdb`` and
``pg_ctl`` are found (on PATH, in ``CABLE_PG_BIN``, or under
/usr/lib/postgresql/*/bin), one is started for the session in a temporary
folder, listening on 127.0.0.1 only, on a free port, and stopped at the end;
as root the server runs as the ``postgres`` user. Else the tests skip, saying why.

Import the fixtures into a test module: ``from pg import pg_server, pg_url``.
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
from pathlib import Path

import pytest

SERVER_USER = "postgres"  # who runs the server when the tests run as root


def _bin_dir() -> Path | None:
    candidates = [os.environ.get("CABLE_PG_BIN", "")]
    if shutil.which("initdb"):
        candidates.append(str(Path(shutil.which("initdb")).parent))
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_user() -> dict:
    """subprocess arguments that run the server as an unprivileged user when we are root."""
    if os.geteuid() != 0:
        return {}
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        pytest.skip(f"PostgreSQL refuses to run as root and there is no {SERVER_USER!r} user to run it as; "
                    "set CABLE_TEST_POSTGRES_URL to a server instead")
    return {"user": SERVER_USER, "group": pwd.getpwnam(SERVER_USER).pw_gid}


def _start(bin_dir: Path, folder: Path) -> tuple[str, list[str]]:
    """initdb and start a server in ``folder``; its URL and the command that stops it."""
    who = _as_user()
    if who:
        os.chown(folder, pwd.getpwnam(SERVER_USER).pw_uid, who["group"])
    data, port = folder / "data", _free_port()
    run = dict(check=True, capture_output=True, text=True, timeout=120, **who)
    subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", "cable", "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync"], **run)
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} "
               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
    subprocess.run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                    "-w", "-t", "60", "start"], **run)
    return f"postgresql://cable@127.0.0.1:{port}/postgres", [str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                                                              "fast", "-w", "stop"]


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server for this test session."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'cable[postgres]')")
    if os.environ.get("CABLE_TEST_POSTGRES_URL"):
        yield os.environ["CABLE_TEST_POSTGRES_URL"]
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server: initdb/pg_ctl not found (install the postgresql package, set "
                    "CABLE_PG_BIN, or set CABLE_TEST_POSTGRES_URL)")
    folder = Path(tempfile.mkdtemp(prefix="cable-pg-"))
    try:
        url, stop = _start(bin_dir, folder)
    except subprocess.CalledProcessError as e:
        log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"the PostgreSQL server did not start: {e.stderr or e.stdout}{log[-500:]}")
    try:
        yield url
    finally:
        subprocess.run(stop, capture_output=True, timeout=60, **_as_user())
        shutil.rmtree(folder, ignore_errors=True)


def with_schema(url: str, schema: str) -> str:
    """The URL with its connections' search path set to ``schema``."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url(pg_server):
    """A URL whose tables live in a schema of their own, dropped after the test."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield with_schema(pg_server, schema)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
