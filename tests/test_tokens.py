"""API tokens on either backend: shown once, kept as a hash, checked in constant time."""

import pytest
from pg import pg_server, pg_url  # noqa: F401  (fixtures)

from cable.store.connection import Connection
from cable.web.tokens import check_token, create_token, digest


@pytest.fixture(params=["sqlite", "sqlite-url", "postgres"])
def db(request, tmp_path):
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    path = str(tmp_path / "tokens.db")
    return path if request.param == "sqlite" else f"sqlite:///{path}"


def stored_hashes(db: str) -> list[str]:
    conn = Connection.open(db)
    try:
        return [r["hash"] for r in conn.rows("SELECT hash FROM api_tokens")]
    finally:
        conn.close()


def test_a_token_checks_as_its_name_and_nothing_else_does(db):
    token = create_token(db, "newsroom")
    other = create_token(db, "bot")
    assert token.startswith("cbl_") and token != other
    assert check_token(db, token) == "newsroom" and check_token(db, other) == "bot"
    assert check_token(db, token + "x") is None and check_token(db, "") is None and check_token(db, None) is None


def test_only_the_hash_is_kept(db):
    token = create_token(db, "newsroom")
    assert stored_hashes(db) == [digest(token)] and token not in stored_hashes(db)


def test_a_fresh_database_has_no_valid_token(db):
    assert check_token(db, "cbl_anything") is None
