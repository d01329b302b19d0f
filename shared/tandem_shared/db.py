"""A service's database: engine, sessions, and the unit of work that commits state and outbox together."""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker


# Execution option of a connection that only reads (e.g. the outbox's count of unsent rows): on SQLite its transaction
# begins without the write lock every other one takes, so it never waits behind a writer (PostgreSQL: no change).
READ_ONLY = "tandem_read_only"


def insert_unless_present(table: sa.Table, conflict: Sequence[str], columns: Sequence[str] | None = None) -> sa.TextClause:
    """INSERT of one row (`columns`, every column of `table` by default), skipped when a row with the same values of
    `conflict` (a unique constraint) is there, as a statement SQLAlchemy compiles once.

    The dialects' `insert(...).on_conflict_do_nothing()` constructs are not cacheable (`inherit_cache = False`), so
    SQLAlchemy compiles such an INSERT afresh at every execution: about a third of the consumer's own time for a
    light handler (bench/README.md, P1). The same SQL as text is compiled once; PostgreSQL and SQLite (3.24+) both
    understand it, and each bound value keeps its column's type, so both store it as the ORM would. A concurrent
    insert of the same key makes ON CONFLICT wait for that transaction. Execute it with
    `execution_options={"preserve_rowcount": True}`: its `rowcount` is 1 when the row went in, 0 when it was there.
    """
    names = list(columns) if columns is not None else [column.name for column in table.columns]
    return sa.text(
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(':' + name for name in names)}) "
        f"ON CONFLICT ({', '.join(conflict)}) DO NOTHING"
    ).bindparams(*(sa.bindparam(name, type_=table.c[name].type) for name in names))


def make_engine(url: str, *, check_connections: bool = True, pool_size: int = 10) -> sa.Engine:
    """`check_connections=False`: no round trip to test a pooled connection before it is handed out (see
    `Database.transaction`). It changes nothing on SQLite, whose pool never tests a connection."""
    engine = _make_engine(url, check_connections=check_connections, pool_size=pool_size)
    _lighter_savepoints(engine)
    return engine


def _lighter_savepoints(engine: sa.Engine) -> None:
    """SAVEPOINT as plain driver SQL, and RELEASE left to the end of the transaction.

    The consumer takes one savepoint per message of a batch (`inbox.Inbox.handle_batch`). SQLAlchemy compiles every
    SAVEPOINT afresh (the construct is not cacheable) and pays a round trip for every RELEASE: together about a fifth
    of a light handler's cost in a batch (bench/README.md, P1). A savepoint that is never released changes nothing a
    session sees ("it has no other user visible behavior", PostgreSQL's RELEASE SAVEPOINT page); the COMMIT or
    ROLLBACK that ends the transaction frees it. SQLAlchemy's own Oracle dialect never releases savepoints either.
    Rolling back to a savepoint is unchanged.
    """
    dialect = engine.dialect

    def do_savepoint(connection: sa.Connection, name: str) -> None:
        connection.exec_driver_sql(f"SAVEPOINT {name}")

    def do_release_savepoint(connection: sa.Connection, name: str) -> None:
        return None

    dialect.do_savepoint = do_savepoint  # type: ignore[method-assign]
    dialect.do_release_savepoint = do_release_savepoint  # type: ignore[method-assign]


def _make_engine(url: str, *, check_connections: bool, pool_size: int) -> sa.Engine:
    if url.startswith("postgresql://"):
        # On SQLAlchemy 2.0 the bare scheme means psycopg2, which we do not ship.
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):
            # WAL lets the web threads read while a worker thread writes; foreign keys are off by default.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        # pysqlite's own transaction handling defers BEGIN and breaks SERIALIZABLE-like writes: take it over.
        @event.listens_for(engine, "connect")
        def _sqlite_autocommit_off(dbapi_connection, _record):
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # A transaction marked READ_ONLY takes no write lock: in WAL mode it reads beside a writer, not after it.
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(url, pool_pre_ping=check_connections, pool_size=pool_size, max_overflow=pool_size)


class Database:
    """Owns the engine and hands out units of work.

    Callbacks registered with `on_commit` run after a successful commit; the outbox
    relay and the mail sender use them to act at once instead of polling. A callback
    registered with `when=KEY` runs only after transactions that set `session.info[KEY]`,
    so a loop's own bookkeeping commits never wake it again.
    """

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Made on first use, by the consumer only: a web process never opens it (see `transaction`).
        self._unchecked_engine: sa.Engine | None = None
        self._unchecked_sessions: sessionmaker[Session] | None = None
        self._unchecked_lock = threading.Lock()
        self._commit_listeners: list[tuple[Callable[..., None], str | None, bool]] = []

    def on_commit(self, listener: Callable[..., None], when: str | None = None, with_info: bool = False) -> None:
        """`listener()` after each commit (of transactions that set `session.info[when]`, if given);
        `with_info`: `listener(info)`, with a copy of what the transaction put in `session.info`."""
        self._commit_listeners.append((listener, when, with_info))

    @contextlib.contextmanager
    def transaction(self, *, check_connection: bool = True) -> Iterator[Session]:
        """One unit of work: everything written inside commits together or not at all.

        `check_connection=False` skips the pool's liveness test (`pool_pre_ping`), one round trip before every
        transaction: a quarter of the consumer's own database time for a light handler (bench/README.md, P1). A
        connection the server has closed since (a restart, a failover) then fails at the first statement, with
        nothing written, as `DBAPIError.connection_invalidated`, and the pool drops it and every older one. Only
        a caller that tries again on that error may skip the test: the consumer does (`is_dropped_connection`).
        Web requests keep it, so nobody sees an error page after a database restart.
        """
        session = (self._sessions if check_connection else self._unchecked_sessionmaker())()
        try:
            with session.begin():
                yield session
            written = dict(session.info)
        finally:
            session.close()
        for listener, when, with_info in list(self._commit_listeners):
            if when is None or written.get(when):
                listener(written) if with_info else listener()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            # close() ends the transaction without expiring what was loaded, so views can serialise it.
            session.close()

    def _unchecked_sessionmaker(self) -> sessionmaker[Session]:
        if self.engine.dialect.name == "sqlite":
            return self._sessions  # nothing to skip: SQLite's pool never tests a connection
        with self._unchecked_lock:
            if self._unchecked_sessions is None:
                # Its own small pool: pre-ping is a setting of the whole pool. One consumer thread uses it.
                self._unchecked_engine = make_engine(self.url, check_connections=False, pool_size=2)
                self._unchecked_sessions = sessionmaker(self._unchecked_engine, expire_on_commit=False)
            return self._unchecked_sessions

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    def dispose(self) -> None:
        self.engine.dispose()
        if self._unchecked_engine is not None:
            self._unchecked_engine.dispose()
