"""The event store's PostgreSQL recorder, with inserts serialised so positions commit in order,
and its factory, which gives its connections every libpq option of DATABASE_URL.

The library's database function (POSTGRES_ENABLE_DB_FUNCTIONS=y, needed here: without it large
batch saves hung in psycopg's pipeline) inserts without the table lock that its non-function
path takes. Without the lock two writers can commit positions out of order (11 before 10), and
a projection that has read up to 11 would skip 10 for ever. This recorder puts the lock back
inside the function, so the global order of the log is also its commit order.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore, PostgresFactory
from eventsourcing.utils import Environment, EnvType
from psycopg.conninfo import conninfo_to_dict
from psycopg.sql import SQL, Identifier

OPTIONS = "JEJAK_POSTGRES_OPTIONS"


class PostgresFactoryWithOptions(PostgresFactory):
    """The library's PostgresFactory, whose connections also get the libpq options (sslmode,
    application_name, options, connect_timeout, …) in JEJAK_POSTGRES_OPTIONS.

    The library's POSTGRES_* variables cover host, port, user, password and dbname only, and
    it builds its pool itself. The pool opens later and connects with its `kwargs` each time
    (the library's own pool class sets the password there the same way), so the options are
    added to them before any connection is made.
    """

    def __init__(self, env: Environment | EnvType | None):
        super().__init__(env)
        options = conninfo_to_dict(self.env.get(OPTIONS) or "")
        kwargs: Any = self.datastore.pool.kwargs
        if options and isinstance(kwargs, dict):
            kwargs.update(options)


class OrderedApplicationRecorder(PostgresApplicationRecorder):
    """PostgresApplicationRecorder whose insert function locks the table until commit."""

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        self.pg_function_name_insert_events = (
            f"jejak_insert_events_ordered_{self.datastore.originator_id_type}"
        )
        self.sql_invoke_pg_function_insert_events = SQL(
            "SELECT * FROM {schema}.{insert_events}((%s))"
        ).format(
            schema=Identifier(self.datastore.schema),
            insert_events=Identifier(self.pg_function_name_insert_events),
        )
        self.sql_create_pg_function_insert_events = SQL(
            "CREATE OR REPLACE FUNCTION "
            "{schema}.{insert_events}(events {schema}.{event}[]) "
            "RETURNS SETOF bigint LANGUAGE plpgsql AS $BODY$ "
            "BEGIN "
            "SET LOCAL lock_timeout = '{lock_timeout}s'; "
            "LOCK TABLE {schema}.{table} IN EXCLUSIVE MODE; "
            "NOTIFY {channel}; "
            "RETURN QUERY INSERT INTO {schema}.{table} AS t "
            "(originator_id, originator_version, topic, state) "
            "SELECT originator_id, originator_version, topic, state FROM unnest(events) "
            "RETURNING notification_id; "
            "END; $BODY$"
        ).format(
            insert_events=Identifier(self.pg_function_name_insert_events),
            lock_timeout=self.datastore.lock_timeout,
            channel=Identifier(self.channel_name),
            event=Identifier(self.stored_event_type_name),
            schema=Identifier(self.datastore.schema),
            table=Identifier(self.events_table_name),
        )
        self.sql_create_statements[self.create_insert_function_statement_index] = (
            self.sql_create_pg_function_insert_events
        )
