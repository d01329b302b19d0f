"""A service's database: engine, sessions, and the unit of work that commits state and outbox together."""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str) -> sa.Engine:
    engine = _make_engine(url)
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


def _make_engine(url: str) -> sa.Engine:
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
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


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
        self._commit_listeners: list[tuple[Callable[..., None], str | None, bool]] = []

    def on_commit(self, listener: Callable[..., None], when: str | None = None, with_info: bool = False) -> None:
        """`listener()` after each commit (of transactions that set `session.info[when]`, if given);
        `with_info`: `listener(info)`, with a copy of what the transaction put in `session.info`."""
        self._commit_listeners.append((listener, when, with_info))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: everything written inside commits together or not at all."""
        session = self._sessions()
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

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    def dispose(self) -> None:
        self.engine.dispose()
