"""images: associations' logos and missions' cover photos (issue 16)

`images` holds the re-encoded WebP files (catalog/imaging.py), named by their SHA-256. Associations get
`logo_image_id`, missions `cover_image_id` and `cover_thumbnail_id`: plain nullable columns added with
ALTER TABLE … ADD COLUMN, no foreign key, so that SQLite does not rebuild `missions` (which would drop the
search triggers of revision 0004).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

from tandem_shared.timeutil import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "images",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_images")),
    )
    op.add_column("associations", sa.Column("logo_image_id", sa.String(64), nullable=True))
    op.add_column("missions", sa.Column("cover_image_id", sa.String(64), nullable=True))
    op.add_column("missions", sa.Column("cover_thumbnail_id", sa.String(64), nullable=True))


def downgrade() -> None:
    # SQLite drops a column since 3.35 without rebuilding the table when nothing refers to it.
    op.drop_column("missions", "cover_thumbnail_id")
    op.drop_column("missions", "cover_image_id")
    op.drop_column("associations", "logo_image_id")
    op.drop_table("images")
