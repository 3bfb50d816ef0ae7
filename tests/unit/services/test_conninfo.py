"""DATABASE_URL through libpq's parser, and what psycopg, asyncpg and the event store get of it."""

from __future__ import annotations

import logging

import pytest
from psycopg.conninfo import conninfo_to_dict

from services.conninfo import asyncpg_arguments, parse_database_url
from services.database import Database

MANAGED = (
    "postgresql://jejak:s%40cret%2Fx@db.example.go.id:6543/jejak"
    "?sslmode=verify-full&sslrootcert=/etc/ssl/rds.pem&application_name=jejak-api"
    "&connect_timeout=7&options=-c%20statement_timeout%3D5s"
)


def test_a_uri_keeps_every_libpq_option_beside_the_server_and_database() -> None:
    database = Database.from_url(MANAGED)

    assert (database.host, database.port, database.user, database.password, database.dbname) == (
        "db.example.go.id", 6543, "jejak", "s@cret/x", "jejak"
    )  # fmt: skip
    assert dict(database.options) == {
        "sslmode": "verify-full",
        "sslrootcert": "/etc/ssl/rds.pem",
        "application_name": "jejak-api",
        "connect_timeout": "7",
        "options": "-c statement_timeout=5s",
    }


def test_key_value_pairs_are_read_as_psql_reads_them() -> None:
    database = Database.from_url(
        "host=/run/postgresql port=5433 user=hr dbname=sipeg sslmode=disable"
    )

    assert database == Database(
        "/run/postgresql", 5433, "hr", "", "sipeg", (("sslmode", "disable"),)
    )


def test_a_socket_directory_in_the_query_is_the_host() -> None:
    database = Database.from_url("postgresql://postgres:@/postgres?host=/tmp/pg.sock&port=5999")

    assert (database.host, database.port, database.options) == ("/tmp/pg.sock", 5999, ())


def test_what_the_url_leaves_out_takes_the_defaults_and_dbname_the_users_name() -> None:
    assert Database.from_url("postgresql://") == Database(
        "localhost", 5432, "postgres", "", "postgres"
    )
    assert Database.from_url("postgresql://alice@db").dbname == "alice"


def test_the_postgres_scheme_is_accepted_as_libpq_accepts_it() -> None:
    assert Database.from_url("postgres://u:p@h/d").dbname == "d"


def test_a_url_of_another_database_is_refused_naming_its_scheme() -> None:
    with pytest.raises(ValueError, match=r"not mysql://"):
        Database.from_url("mysql://u:p@h/d")


def test_a_keyword_libpq_does_not_know_is_refused() -> None:
    with pytest.raises(ValueError, match="sslmood"):
        Database.from_url("postgresql://h/d?sslmood=require")


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://a:5432,b:5433/d", "several hosts"),
        ("postgresql://h/d?service=jejak", "service"),
        ("postgresql://h:99999/d", "invalid port"),
        ("postgresql://h/d?connect_timeout=soon", "connect_timeout"),
    ],
)
def test_what_jejak_cannot_honour_is_refused_at_once(url: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        Database.from_url(url)


def test_psycopg_gets_every_option_as_given() -> None:
    kwargs = Database.from_url(MANAGED).psycopg_kwargs()

    assert kwargs["sslmode"] == "verify-full"
    assert kwargs["options"] == "-c statement_timeout=5s"
    assert kwargs["connect_timeout"] == "7"
    assert kwargs["host"] == "db.example.go.id"


def test_the_connection_string_reads_back_as_the_same_database() -> None:
    database = Database.from_url(MANAGED)

    assert Database.from_url(database.conninfo()) == database


def test_the_event_store_gets_the_server_in_its_own_variables_and_the_rest_as_options() -> None:
    env = Database.from_url(MANAGED).eventsourcing_env()

    assert (env["POSTGRES_HOST"], env["POSTGRES_PORT"], env["POSTGRES_PASSWORD"]) == (
        "db.example.go.id", "6543", "s@cret/x"
    )  # fmt: skip
    assert conninfo_to_dict(env["JEJAK_POSTGRES_OPTIONS"]) == dict(
        Database.from_url(MANAGED).options
    )
    assert env["PERSISTENCE_MODULE"] == "services.store:PostgresFactoryWithOptions"
    # The library's own CONNECT_TIMEOUT is its pool's wait for a free connection: not set.
    assert "POSTGRES_CONNECT_TIMEOUT" not in env


def test_asyncpg_gets_ssl_from_sslmode_and_the_certificate_in_a_dsn_without_a_host() -> None:
    kwargs = Database.from_url(MANAGED).asyncpg_kwargs()

    assert kwargs["ssl"] == "verify-full"
    assert kwargs["dsn"] == "postgresql://?sslrootcert=%2Fetc%2Fssl%2Frds.pem"
    assert (kwargs["host"], kwargs["port"], kwargs["database"]) == (
        "db.example.go.id",
        6543,
        "jejak",
    )


def test_asyncpg_sends_application_name_and_options_in_the_startup_packet() -> None:
    kwargs = Database.from_url(MANAGED).asyncpg_kwargs()

    assert kwargs["server_settings"] == {
        "application_name": "jejak-api",
        "options": "-c statement_timeout=5s",
    }


def test_settings_a_caller_adds_for_asyncpg_join_those_of_the_url() -> None:
    kwargs = Database.from_url(MANAGED).asyncpg_kwargs(server_settings={"role": "jejak_api"})

    assert kwargs["server_settings"]["role"] == "jejak_api"
    assert kwargs["server_settings"]["application_name"] == "jejak-api"


@pytest.mark.parametrize(("given", "seconds"), [("7", 7.0), ("1", 2.0), ("0", None)])
def test_connect_timeout_becomes_asyncpgs_timeout_as_libpq_counts_it(
    given: str, seconds: float | None
) -> None:
    arguments, _ = asyncpg_arguments({"connect_timeout": given})

    assert arguments.get("timeout") == seconds


def test_a_fallback_application_name_is_used_only_without_an_application_name() -> None:
    alone, _ = asyncpg_arguments({"fallback_application_name": "jejak"})
    both, _ = asyncpg_arguments({"fallback_application_name": "jejak", "application_name": "x"})

    assert alone["server_settings"] == {"application_name": "jejak"}
    assert both["server_settings"] == {"application_name": "x"}


def test_options_asyncpg_has_no_equivalent_of_are_named_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = "postgresql://h/d?keepalives=1&target_session_attrs=read-write&hostaddr=10.0.0.5"
    arguments, ignored = asyncpg_arguments(dict(parse_database_url(url).options))

    assert ignored == ["hostaddr", "keepalives"]
    assert arguments == {"target_session_attrs": "read-write"}
    with caplog.at_level(logging.WARNING, logger="jejak.database"):
        Database.from_url(url).asyncpg_kwargs()
    assert "hostaddr" in caplog.text
