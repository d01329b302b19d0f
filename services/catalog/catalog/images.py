"""Logos and cover photos (use cases): storing a prepared image, pointing an association or a mission at it,
removing it, and reading it back. The checks and the re-encoding are `imaging.py`'s.

Images live in catalog's own database (`images`, one row per distinct WebP file, named by its SHA-256), so
they follow the catalogue's backups and transactions, in the embedded mode as in production, with no file
directory to share between gunicorn workers or pods. A row that neither an association nor a mission points
to any more is deleted in the same transaction. No event is published: no other service shows these images.
"""
from __future__ import annotations

import sqlalchemy as sa

from tandem_shared.timeutil import utcnow

from .imaging import MAX_UPLOAD_BYTES, ImageKind, PreparedImage, prepare
from .models import Association, Mission, StoredImage

# What a view reads of an upload: one byte more than accepted, so that `imaging` tells « too heavy ».
MAX_READ_BYTES = MAX_UPLOAD_BYTES + 1


def _store(session, prepared: PreparedImage) -> str:
    if session.get(StoredImage, prepared.sha256) is None:
        session.add(StoredImage(id=prepared.sha256, media_type=prepared.media_type, width=prepared.width,
                                height=prepared.height, data=prepared.data, created_at=utcnow()))
    return prepared.sha256


def _forget_unused(session, *image_ids: str | None) -> None:
    """Delete the images nothing points to any more (called after the new ones are in place)."""
    session.flush()
    for image_id in {image_id for image_id in image_ids if image_id}:
        used = session.scalar(sa.select(sa.literal(True)).where(sa.or_(
            sa.exists().where(Association.logo_image_id == image_id),
            sa.exists().where(Mission.cover_image_id == image_id),
            sa.exists().where(Mission.cover_thumbnail_id == image_id),
        )))
        if not used:
            session.execute(sa.delete(StoredImage).where(StoredImage.id == image_id))


def prepare_logo(raw: bytes) -> PreparedImage:
    """Checked and re-encoded before any transaction opens (decoding takes a while): raises `ImageRefused`."""
    (logo,) = prepare(raw, ImageKind.LOGO)
    return logo


def prepare_cover(raw: bytes) -> tuple[PreparedImage, PreparedImage]:
    cover, thumbnail = prepare(raw, ImageKind.COVER, ImageKind.COVER_THUMBNAIL)
    return cover, thumbnail


def set_logo(uow, association: Association, logo: PreparedImage | None) -> None:
    """Give the association this logo (None: remove it)."""
    previous = association.logo_image_id
    association.logo_image_id = _store(uow.session, logo) if logo else None
    association.updated_at = utcnow()
    _forget_unused(uow.session, previous)


def set_cover(uow, mission: Mission, cover: tuple[PreparedImage, PreparedImage] | None) -> None:
    """Give the mission this cover photo, large and small (None: back to its theme's illustration)."""
    previous = (mission.cover_image_id, mission.cover_thumbnail_id)
    if cover:
        large, small = cover
        mission.cover_image_id, mission.cover_thumbnail_id = _store(uow.session, large), _store(uow.session, small)
    else:
        mission.cover_image_id = mission.cover_thumbnail_id = None
    mission.updated_at = utcnow()
    _forget_unused(uow.session, *previous)


def stored(session, image_id: str) -> StoredImage | None:
    return session.get(StoredImage, image_id)
