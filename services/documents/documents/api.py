"""Documents's HTTP API: « Je signe ma convention » (the consent text, the conventions and their versions, the
online signature) and the PDFs of conventions, signed copies and bilans.

Every route authorises the object itself (`domain.may_read`): the employee, a manager who approved some of its
dates, the referents of the mission's association and the company's admins. Anyone else gets 404, as if the
document did not exist, and the refusal is logged. Nothing renders here: versions are rendered by the worker when
dates are approved, the signed copy when the signature's event comes back to it.
"""
from __future__ import annotations

import io
import logging
import unicodedata
import zipfile
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
from flask import Response, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.clock import FRANCE
from tandem_shared.paging import page_of_list
from tandem_shared.web import current_principal, current_runtime, login_required

from . import conventions, domain
from .consent import CONSENT_TEXT, CONSENT_VERSION
from .models import BilanDocument, CompanyCopy, Convention, ConventionVersion, DayStatement, DonationReceipt, Signature
from .schemas import (
    BilanListSchema, BilanQuerySchema, ConsentSchema, ConventionListSchema, ConventionQuerySchema, ConventionSchema,
    DownloadArgsSchema, SignatureRequestSchema, SignatureSchema,
)

log = logging.getLogger(__name__)

consent = Blueprint("consent", __name__, url_prefix="/consent",
                    description="Le texte d'accord que tu acceptes en signant ta convention.")
convention_routes = Blueprint(
    "conventions", __name__, url_prefix="/conventions",
    description="Je signe ma convention : une convention par participation et par année civile, une nouvelle version "
                "à chaque nouvelle validation de dates, la signature en ligne et les PDF.",
)
bilan_routes = Blueprint("bilans", __name__, url_prefix="/bilans", description="Le bilan de fin de mission, en PDF.")
bundle_routes = Blueprint(
    "bundle", __name__, url_prefix="",
    description="Le dossier annuel par association et entreprise : l'état récapitulatif des journées et les données du reçu "
                "fiscal (Cerfa n° 16216), confirmés par l'association dans impact, en PDF scellés.",
)

UNKNOWN_CONVENTION = "Cette convention n'existe pas."
UNKNOWN_VERSION = domain.UNKNOWN_VERSION
SIGNED_COPY_PENDING = "La copie signée est en cours de préparation : réessaie dans quelques instants."
UNKNOWN_BILAN = "Ce bilan n'existe pas, ou son PDF est en cours de préparation : réessaie dans quelques instants."
UNKNOWN_CERTIFICATE = ("Cette attestation de mission n'existe pas, ou elle est en cours de préparation : "
                       "réessaie dans quelques instants.")
UNKNOWN_STATEMENT = "Cet état récapitulatif n'existe pas, ou son PDF est en cours de préparation : réessaie dans quelques instants."
UNKNOWN_RECEIPT = "Ces données de reçu n'existent pas, ou leur PDF est en cours de préparation : réessaie dans quelques instants."
ONLY_THE_EMPLOYEE_SIGNS = "Seule la personne qui part en mission peut signer sa convention."


# -- PDF responses ------------------------------------------------------------------------------------


def content_disposition(disposition: str, filename: str) -> str:
    """RFC 6266: an ASCII `filename` for old clients and the exact name in `filename*` (RFC 8187, UTF-8)."""
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    fallback = "".join(char if char.isprintable() and char not in '"\\' else "_" for char in fallback) or "document.pdf"
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def zip_response(files: list[conventions.BundleFile], filename: str) -> Response:
    """Stored PDFs in one ZIP (stored, not compressed again: a PDF already is), each dated when it was rendered."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for file in files:
            moment = file.rendered_at.astimezone(FRANCE)  # a ZIP entry's time has no zone: its readers'
            archive.writestr(zipfile.ZipInfo(file.name, date_time=moment.timetuple()[:6]), file.pdf)
    response = Response(buffer.getvalue(), mimetype="application/zip")
    response.headers["Content-Disposition"] = content_disposition("attachment", filename)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def pdf_response(pdf: bytes, sha256: str, filename: str, download: bool) -> Response:
    """A stored PDF: inline (shown) unless downloaded, never cached by a shared cache, its hash as ETag."""
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = content_disposition("attachment" if download else "inline", filename)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.set_etag(sha256)
    return response.make_conditional(request)


# -- access -------------------------------------------------------------------------------------------


def _deny(what: str, reason: str) -> None:
    log.warning("%s denied to %s: %s", what, current_principal().subject, reason)


def _readable_convention(session, convention_id: str, for_update: bool = False) -> Convention:
    """The convention when the caller may read it; 404 otherwise (whether it exists is none of their business)."""
    convention = session.get(Convention, convention_id, with_for_update=for_update, populate_existing=for_update)
    if convention is None:
        abort(404, message=UNKNOWN_CONVENTION)
    approving = conventions.approvers(session, convention_ids=[convention.id])
    if not domain.may_read(conventions.reader_of(current_principal()), conventions.convention_parties(convention, approving)):
        _deny(f"convention {convention_id}", "not a party, approving manager, referent or company admin")
        abort(404, message=UNKNOWN_CONVENTION)
    return convention


def _readable_bilan(session, participation_id: str) -> BilanDocument:
    bilan = session.get(BilanDocument, participation_id)
    if bilan is None:
        abort(404, message=UNKNOWN_BILAN)
    if not domain.may_read(conventions.reader_of(current_principal()), conventions.bilan_parties(session, bilan)):
        _deny(f"bilan {participation_id}", "not a party, approving manager, referent or company admin")
        abort(404, message=UNKNOWN_BILAN)
    return bilan


# -- presentation ------------------------------------------------------------------------------------


def present(session, convention: Convention) -> dict[str, Any]:
    """A convention with all its versions, as the convention viewer shows it."""
    versions = session.scalars(
        sa.select(ConventionVersion).where(ConventionVersion.convention_id == convention.id).order_by(ConventionVersion.number)
    ).all()
    signatures = {signature.version_number: signature for signature in session.scalars(
        sa.select(Signature).where(Signature.convention_id == convention.id))}
    withdrawn = convention.withdrawn_at is not None
    return {
        **{name: getattr(convention, name) for name in (
            "id", "participation_id", "person_id", "person_name", "mission_id", "mission_title", "association_name", "year",
            "current_version", "signed_version")},
        "state": domain.convention_state(convention.current_version, convention.signed_version, withdrawn).value,
        "versions": [_present_version(convention, version, signatures.get(version.number), withdrawn) for version in versions],
    }


def _present_version(convention: Convention, version: ConventionVersion, signature: Signature | None, withdrawn: bool) -> dict:
    return {
        "number": version.number,
        "sha256": version.sha256,
        "dates": domain.labelled(version.dates),
        "total_days": version.total_days,
        "rendered_at": version.rendered_at,
        "current": version.number == convention.current_version and not withdrawn,
        "signed": signature is not None,
        "signed_at": signature.signed_at if signature else None,
        "pdf_url": url_for("conventions.VersionPdf", convention_id=convention.id, number=version.number),
        "signed_pdf_url": url_for("conventions.SignedVersionPdf", convention_id=convention.id, number=version.number)
        if signature is not None and signature.signed_pdf_sha256 else None,
    }


# -- routes -----------------------------------------------------------------------------------------


@consent.route("")
class Consent(MethodView):
    @consent.response(200, ConsentSchema)
    def get(self):
        """Le texte d'accord affiché à côté de la case à cocher, et sa version (à renvoyer avec la signature)."""
        return {"version": CONSENT_VERSION, "text": CONSENT_TEXT}


@convention_routes.route("")
class Conventions(MethodView):
    @login_required
    @convention_routes.arguments(ConventionQuerySchema, location="query")
    @convention_routes.response(200, ConventionListSchema)
    @convention_routes.alt_response(401, description="Connexion requise.")
    def get(self, args):
        """Les conventions d'une participation (`participation`), ou tes propres conventions, des plus récentes aux plus anciennes."""
        reader = conventions.reader_of(current_principal())
        with current_runtime().db.reading() as session:
            query = sa.select(Convention).order_by(Convention.year.desc(), Convention.created_at.desc(), Convention.id)
            if args["participation"] is not None:
                query = query.where(Convention.participation_id == args["participation"])
            else:
                query = query.where(Convention.person_id == reader.subject)
            found = session.scalars(query).all()
            approving = conventions.approvers(session, convention_ids=[convention.id for convention in found])
            readable = [c for c in found if domain.may_read(reader, conventions.convention_parties(c, approving))]
            if len(readable) < len(found):
                _deny(f"conventions of participation {args['participation']}",
                      f"{len(found) - len(readable)} convention(s) left out of the list")
            page, total = page_of_list(readable, args)
            return {"items": [present(session, c) for c in page], "total": total}


@convention_routes.route("/<string:convention_id>")
class OneConvention(MethodView):
    @login_required
    @convention_routes.response(200, ConventionSchema)
    @convention_routes.alt_response(401, description="Connexion requise.")
    @convention_routes.alt_response(404, description="Convention inconnue, ou que tu n'as pas le droit de lire.")
    def get(self, convention_id):
        """Une convention et toutes ses versions."""
        with current_runtime().db.reading() as session:
            return present(session, _readable_convention(session, convention_id))


@convention_routes.route("/<string:convention_id>/versions/<int:number>.pdf")
class VersionPdf(MethodView):
    @login_required
    @convention_routes.arguments(DownloadArgsSchema, location="query")
    @convention_routes.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf",
                                description="Le PDF de la version, tel qu'il a été rendu (et signé, le cas échéant).")
    @convention_routes.alt_response(401, description="Connexion requise.")
    @convention_routes.alt_response(404, description="Convention ou version inconnue, ou que tu n'as pas le droit de lire.")
    def get(self, args, convention_id, number):
        """Le PDF d'une version de la convention ; les anciennes versions restent téléchargeables."""
        with current_runtime().db.reading() as session:
            convention = _readable_convention(session, convention_id)
            version = conventions.version_of(session, convention.id, number)
            if version is None:
                abort(404, message=UNKNOWN_VERSION)
            return pdf_response(version.pdf, version.sha256, domain.convention_filename(convention.year, number), args["download"])


@convention_routes.route("/<string:convention_id>/versions/<int:number>/signed.pdf")
class SignedVersionPdf(MethodView):
    @login_required
    @convention_routes.arguments(DownloadArgsSchema, location="query")
    @convention_routes.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf",
                                description="La copie signée : les pages de la version, le certificat de signature, le sceau.")
    @convention_routes.alt_response(401, description="Connexion requise.")
    @convention_routes.alt_response(404, description="Version inconnue, pas encore signée, copie signée en préparation, ou "
                                                     "convention que tu n'as pas le droit de lire.")
    def get(self, args, convention_id, number):
        """La copie signée d'une version (avec le certificat de signature et le sceau)."""
        with current_runtime().db.reading() as session:
            convention = _readable_convention(session, convention_id)
            signature = session.scalar(sa.select(Signature).where(Signature.convention_id == convention.id,
                                                                  Signature.version_number == number))
            if signature is None:
                abort(404, message="Cette version n'a pas été signée.")
            if signature.signed_pdf_sha256 is None:
                abort(404, message=SIGNED_COPY_PENDING)
            return pdf_response(signature.signed_pdf, signature.signed_pdf_sha256,
                                domain.convention_filename(convention.year, number, signed=True), args["download"])


@convention_routes.route("/<string:convention_id>/signature")
class ConventionSignature(MethodView):
    @login_required
    @convention_routes.arguments(SignatureRequestSchema)
    @convention_routes.response(201, SignatureSchema)
    @convention_routes.alt_response(401, description="Connexion requise.")
    @convention_routes.alt_response(403, description="Seule la personne qui part en mission signe sa convention.")
    @convention_routes.alt_response(404, description="Convention ou version inconnue, ou que tu n'as pas le droit de lire.")
    @convention_routes.alt_response(409, description="Version remplacée par une plus récente, déjà signée, ou plus rien à signer.")
    @convention_routes.alt_response(422, description="Case non cochée, texte d'accord changé, ou PDF affiché différent de la version.")
    def post(self, payload, convention_id):
        """Je signe ma convention : la version affichée, avec la case d'accord cochée.

        La preuve (date et heure, adresse IP, navigateur, version du texte d'accord, empreinte SHA-256 du PDF signé)
        est conservée ; la copie signée, avec son certificat de signature, est préparée juste après.
        """
        principal = current_principal()
        with current_runtime().unit_of_work() as uow:
            convention = _readable_convention(uow.session, convention_id, for_update=True)
            if convention.person_id != principal.subject:
                _deny(f"signature of convention {convention_id}", "only the employee signs")
                abort(403, message=ONLY_THE_EMPLOYEE_SIGNS)
            outcome = conventions.sign(uow, convention, conventions.SignatureInput(
                version=payload["version"], consent=payload["consent"], consent_version=payload["consent_version"],
                pdf_sha256=payload["pdf_sha256"], signer_id=principal.subject, signer_email=principal.email or "",
                ip_address=request.remote_addr or "", user_agent=request.headers.get("User-Agent", ""),
            ), CONSENT_VERSION, CONSENT_TEXT)
            if isinstance(outcome, domain.SignatureRefusal):
                if outcome.field is not None:
                    abort(outcome.status, message=outcome.message, errors={outcome.field: [outcome.message]})
                abort(outcome.status, message=outcome.message)
            return {**conventions.evidence(outcome), "convention_id": convention.id,
                    "detail": f"C'est signé ! Ta convention {convention.year} (version {outcome.version_number}) est signée : "
                              "la copie signée sera téléchargeable dans quelques instants."}


@bilan_routes.route("")
class Bilans(MethodView):
    @login_required
    @bilan_routes.arguments(BilanQuerySchema, location="query")
    @bilan_routes.response(200, BilanListSchema)
    @bilan_routes.alt_response(401, description="Connexion requise.")
    def get(self, args):
        """Le bilan d'une participation (`participation`), ou tes propres bilans."""
        reader = conventions.reader_of(current_principal())
        with current_runtime().db.reading() as session:
            query = sa.select(BilanDocument).order_by(BilanDocument.year.desc(), BilanDocument.completed_at.desc())
            if args["participation"] is not None:
                query = query.where(BilanDocument.participation_id == args["participation"])
            else:
                query = query.where(BilanDocument.person_id == reader.subject)
            found = session.scalars(query).all()
            readable = [bilan for bilan in found if domain.may_read(reader, conventions.bilan_parties(session, bilan))]
            if len(readable) < len(found):
                _deny(f"bilan of participation {args['participation']}", "left out of the list")
            page, total = page_of_list(readable, args)
            return {"items": [_present_bilan(bilan, reader) for bilan in page], "total": total}


def _present_bilan(bilan: BilanDocument, reader: domain.Reader) -> dict:
    certificate = bilan.certificate_sha256 is not None and domain.may_read_certificate(reader, bilan.person_id, bilan.company_id)
    return {
        **{name: getattr(bilan, name) for name in (
            "participation_id", "person_id", "person_name", "mission_title", "association_name", "year", "days_present",
            "completed_at", "sha256", "rendered_at")},
        "pdf_url": url_for("bilans.BilanPdf", participation_id=bilan.participation_id),
        "certificate_url": url_for("bilans.MissionCertificatePdf", participation_id=bilan.participation_id) if certificate else None,
    }


@bilan_routes.route("/<string:participation_id>.pdf")
class BilanPdf(MethodView):
    @login_required
    @bilan_routes.arguments(DownloadArgsSchema, location="query")
    @bilan_routes.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf",
                           description="Le bilan de fin de mission en PDF.")
    @bilan_routes.alt_response(401, description="Connexion requise.")
    @bilan_routes.alt_response(404, description="Bilan inconnu ou pas encore prêt, ou que tu n'as pas le droit de lire.")
    def get(self, args, participation_id):
        """Le bilan de fin de mission d'une participation, en PDF."""
        with current_runtime().db.reading() as session:
            bilan = _readable_bilan(session, participation_id)
            return pdf_response(bilan.pdf, bilan.sha256, domain.bilan_filename(bilan.year), args["download"])


@bilan_routes.route("/<string:participation_id>/attestation.pdf")
class MissionCertificatePdf(MethodView):
    @login_required
    @bilan_routes.arguments(DownloadArgsSchema, location="query")
    @bilan_routes.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf",
                           description="L'attestation de mission de mécénat de compétences en PDF.")
    @bilan_routes.alt_response(401, description="Connexion requise.")
    @bilan_routes.alt_response(404, description="Attestation inconnue ou pas encore prête, ou que tu n'as pas le droit de lire.")
    def get(self, args, participation_id):
        """Ton attestation de mission de mécénat de compétences (l'association, la mission, les journées réalisées),
        établie avec ton bilan. Seuls toi et les administrateurs de ton entreprise peuvent la lire."""
        with current_runtime().db.reading() as session:
            bilan = session.get(BilanDocument, participation_id)
            if bilan is None or bilan.certificate_sha256 is None:
                abort(404, message=UNKNOWN_CERTIFICATE)
            if not domain.may_read_certificate(conventions.reader_of(current_principal()), bilan.person_id, bilan.company_id):
                _deny(f"certificate of mission {participation_id}", "neither the employee nor an admin of their company")
                abort(404, message=UNKNOWN_CERTIFICATE)
            return pdf_response(bilan.certificate_pdf, bilan.certificate_sha256, domain.certificate_filename(bilan.year),
                                args["download"])


@bundle_routes.route("/statements/<string:statement_id>.pdf")
class DayStatementPdf(MethodView):
    @login_required
    @bundle_routes.arguments(DownloadArgsSchema, location="query")
    @bundle_routes.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf",
                            description="L'état récapitulatif des journées confirmé, scellé.")
    @bundle_routes.alt_response(401, description="Connexion requise.")
    @bundle_routes.alt_response(404, description="Inconnu ou pas encore prêt, ou que tu n'as pas le droit de lire.")
    def get(self, args, statement_id):
        """L'état récapitulatif des journées confirmé par l'association, en PDF scellé : pour ses référents et les
        administrateurs de l'entreprise."""
        with current_runtime().db.reading() as session:
            statement = _readable_bundle_document(session, DayStatement, statement_id, "day statement", UNKNOWN_STATEMENT)
            return pdf_response(statement.pdf, statement.sha256,
                                domain.statement_filename(statement.year, statement.version, *conventions.parties_names(session, statement)),
                                args["download"])


@bundle_routes.route("/receipts/<string:receipt_id>.pdf")
class ReceiptDataPdf(MethodView):
    @login_required
    @bundle_routes.arguments(DownloadArgsSchema, location="query")
    @bundle_routes.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf",
                            description="Les données du reçu (Cerfa n° 16216) confirmées, scellées.")
    @bundle_routes.alt_response(401, description="Connexion requise.")
    @bundle_routes.alt_response(404, description="Inconnues ou pas encore prêtes, ou que tu n'as pas le droit de lire.")
    def get(self, args, receipt_id):
        """Les données du reçu fiscal (Cerfa n° 16216) confirmées par l'association, en PDF : pour ses référents et les
        administrateurs de l'entreprise."""
        with current_runtime().db.reading() as session:
            receipt = _readable_bundle_document(session, DonationReceipt, receipt_id, "receipt data", UNKNOWN_RECEIPT)
            return pdf_response(receipt.pdf, receipt.sha256,
                                domain.receipt_filename(receipt.year, receipt.version, *conventions.parties_names(session, receipt)),
                                args["download"])


@bundle_routes.route("/companies/<string:company_id>/bundles/<int:year>.zip")
class YearlyBundleZip(MethodView):
    @login_required
    @bundle_routes.response(200, {"type": "string", "format": "binary"}, content_type="application/zip",
                            description="Les états récapitulatifs et les données de reçu de l'année, scellés, dans un ZIP.")
    @bundle_routes.alt_response(401, description="Connexion requise.")
    @bundle_routes.alt_response(404, description="Aucun document confirmé cette année-là, ou une entreprise qui n'est pas la tienne.")
    def get(self, company_id, year):
        """Le dossier annuel de l'entreprise en un fichier : pour chaque association, le dernier état récapitulatif des
        journées et les dernières données du reçu confirmés, en PDF scellés (administrateurs de l'entreprise)."""
        unknown = f"Aucun état récapitulatif ni reçu confirmé pour {year} : ils apparaissent ici dès que l'association les confirme."
        reader = conventions.reader_of(current_principal())
        if not domain.may_read_company_bundle(reader, company_id):
            _deny(f"yearly bundle {company_id} {year}", "not an admin of the company")
            abort(404, message=unknown)
        with current_runtime().db.reading() as session:
            files = conventions.yearly_bundle(session, company_id, year)
            company = session.get(CompanyCopy, company_id)
        if not files:
            abort(404, message=unknown)
        return zip_response(files, domain.bundle_zip_filename(year, company.name if company else None))


def _readable_bundle_document(session, model, document_id: str, what: str, unknown: str):
    document = session.get(model, document_id)
    if document is None:
        abort(404, message=unknown)
    if not domain.may_read_bundle(conventions.reader_of(current_principal()), document.company_id, document.association_id):
        _deny(f"{what} {document_id}", "neither a referent of the association nor an admin of the company")
        abort(404, message=unknown)
    return document


BLUEPRINTS: list[Blueprint] = [consent, convention_routes, bilan_routes, bundle_routes]
