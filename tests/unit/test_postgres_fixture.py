"""The pg_database fixture hands out a fresh, working, UTF-8 database."""

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

pytestmark = pytest.mark.postgres


def test_pg_database_round_trip(pg_database: str) -> None:
    metadata = sa.MetaData()
    notes = sa.Table(
        "notes",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("body", sa.Text, nullable=False),
    )
    engine = sa.create_engine(pg_database, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            metadata.create_all(conn)
            conn.execute(sa.insert(notes), [{"body": "first visit"}, {"body": "Zoë’s follow-up"}])
        with engine.connect() as conn:
            bodies = conn.execute(sa.select(notes.c.body).order_by(notes.c.id)).scalars().all()
            current = conn.execute(sa.text("SELECT current_database()")).scalar_one()
    finally:
        engine.dispose()

    assert bodies == ["first visit", "Zoë’s follow-up"]
    assert current == make_url(pg_database).database
    assert current.startswith("offramp_test_")


def test_pg_database_starts_empty(pg_database: str) -> None:
    engine = sa.create_engine(pg_database, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            assert sa.inspect(conn).get_table_names() == []
    finally:
        engine.dispose()
