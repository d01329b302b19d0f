"""Logos and cover photos: an association's referents (or the Tandem team) upload the logo, a mission's
association its cover photo; anyone reads an image by its immutable URL. Use cases: `images.py`,
checks and re-encoding: `imaging.py`."""
from __future__ import annotations

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_runtime, login_required

from .. import images as cases
from ..access import association_or_404, managed_mission, viewer
from ..imaging import ImageRefused
from ..schemas import AssociationSchema, ImageUploadSchema, MissionSchema

images = Blueprint("images", __name__, description="Les logos des associations et les photos des missions.")

# The URL names the bytes (their SHA-256): what it points to never changes, so it may be kept a year.
IMMUTABLE = "public, max-age=31536000, immutable"


def _refused(exc: ImageRefused):
    abort(exc.status, message=exc.message)


def _managed_association(session, association_id: str):
    who = viewer(session)
    association = association_or_404(session, association_id, who, for_update=True)
    if not who.manages(association.id):
        abort(403, message="Seuls les référents de l'association (ou l'équipe Tandem) changent son logo.")
    return association


def _upload(files) -> bytes:
    # Reading one byte more than allowed tells a file just over the limit from one at it.
    return files["file"].read(cases.MAX_READ_BYTES)


@images.route("/associations/<string:association_id>/logo")
class AssociationLogo(MethodView):
    @login_required
    @images.arguments(ImageUploadSchema, location="files")
    @images.response(200, AssociationSchema)
    @images.alt_response(413, description="L'image pèse plus de 2 Mo.")
    @images.alt_response(415, description="Le fichier n'est pas une image JPEG, PNG ou WebP (un SVG est refusé).")
    @images.alt_response(422, description="Image illisible, trop petite ou aux dimensions démesurées.")
    def put(self, files, association_id):
        """Changer le logo de l'association (JPEG, PNG ou WebP, 2 Mo au plus) : il est redimensionné (512 px au plus),
        débarrassé de ses métadonnées (EXIF, position GPS) et réenregistré en WebP."""
        with current_runtime().db.reading() as session:
            _managed_association(session, association_id)
        try:
            logo = cases.prepare_logo(_upload(files))
        except ImageRefused as exc:
            _refused(exc)
        with current_runtime().unit_of_work() as uow:
            association = _managed_association(uow.session, association_id)
            cases.set_logo(uow, association, logo)
            return association

    @login_required
    @images.response(204)
    def delete(self, association_id):
        """Retirer le logo de l'association."""
        with current_runtime().unit_of_work() as uow:
            cases.set_logo(uow, _managed_association(uow.session, association_id), None)


@images.route("/missions/<string:mission_id>/cover")
class MissionCover(MethodView):
    @login_required
    @images.arguments(ImageUploadSchema, location="files")
    @images.response(200, MissionSchema)
    @images.alt_response(413, description="L'image pèse plus de 2 Mo.")
    @images.alt_response(415, description="Le fichier n'est pas une image JPEG, PNG ou WebP (un SVG est refusé).")
    @images.alt_response(422, description="Image illisible, trop petite ou aux dimensions démesurées.")
    def put(self, files, mission_id):
        """Changer la photo de la mission (JPEG, PNG ou WebP, 2 Mo au plus, 480 × 270 pixels au moins) : recadrée
        en 16:9, débarrassée de ses métadonnées (EXIF, position GPS) et réenregistrée en WebP."""
        with current_runtime().db.reading() as session:
            managed_mission(session, mission_id)
        try:
            cover = cases.prepare_cover(_upload(files))
        except ImageRefused as exc:
            _refused(exc)
        with current_runtime().unit_of_work() as uow:
            mission = managed_mission(uow.session, mission_id)
            cases.set_cover(uow, mission, cover)
            return mission

    @login_required
    @images.response(204)
    def delete(self, mission_id):
        """Retirer la photo : la mission montre alors l'illustration de sa thématique."""
        with current_runtime().unit_of_work() as uow:
            cases.set_cover(uow, managed_mission(uow.session, mission_id), None)


@images.route("/images/<string:image_id>.webp")
class ImageFile(MethodView):
    @images.response(200, description="L'image (image/webp).", content_type="image/webp")
    def get(self, image_id):
        """Une image (logo ou photo), ouverte sans connexion : son adresse est l'empreinte SHA-256 de son contenu,
        donc elle ne change jamais et se garde un an en cache."""
        with current_runtime().db.reading() as session:
            image = cases.stored(session, image_id)
            if image is None:
                abort(404, message="Cette image n'existe pas.")
            response = Response(image.data, mimetype=image.media_type)
        response.headers["Cache-Control"] = IMMUTABLE
        response.headers["X-Content-Type-Options"] = "nosniff"
        # Never rendered as a document of this site, whatever a browser guesses.
        response.headers["Content-Disposition"] = f'inline; filename="{image_id}.webp"'
        response.set_etag(image_id)
        return response.make_conditional(request)
