"""associations: the directory's columns, so that « Je propose » filters, counts and sorts in SQL

The directory read every approved association, description included, and filtered them in Python on each request
(three passes, folding each text every time): 0.5 s for a keyword search at 2,000 associations, 3.1 s at 10,000.
`folded_name` (the name folded, the directory's order) and `directory_text` (every folded word of name, description,
city and themes, one space before each) let one query per facet do it. The ORM keeps both on every write
(`models._directory_columns`); the rows already there are filled here with the same functions.

Both are added with a default of '' (SQLite adds a NOT NULL column only with a default, and never drops one
without rebuilding the table); PostgreSQL drops the default once the rows are filled.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from catalog.text import directory_text, fold

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = ("folded_name", "directory_text")


def upgrade() -> None:
    op.add_column("associations", sa.Column("folded_name", sa.Text(), nullable=False, server_default=""))
    op.add_column("associations", sa.Column("directory_text", sa.Text(), nullable=False, server_default=""))
    associations = sa.table(
        "associations", sa.column("id", sa.String), sa.column("name", sa.String), sa.column("description", sa.Text),
        sa.column("city", sa.String), sa.column("themes", sa.JSON), sa.column("folded_name", sa.Text),
        sa.column("directory_text", sa.Text),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.select(associations.c.id, associations.c.name, associations.c.description, associations.c.city,
                                  associations.c.themes)).all()
    for row in rows:
        bind.execute(associations.update().where(associations.c.id == row.id).values(
            folded_name=fold(row.name), directory_text=directory_text(row.name, row.description, row.city, row.themes or []),
        ))
    if bind.dialect.name == "postgresql":
        for column in COLUMNS:
            op.alter_column("associations", column, server_default=None)


def downgrade() -> None:
    # SQLite drops a column since 3.35 without rebuilding the table when nothing refers to it.
    for column in COLUMNS:
        op.drop_column("associations", column)
