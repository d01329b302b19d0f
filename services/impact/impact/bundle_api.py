"""The yearly bundle's HTTP API: the « état récapitulatif des journées » and the receipt's data (Cerfa n° 16216) for one
association and one company in a civil year. The association's referents read and confirm them; the company's admins
read them. Anyone else gets 404 with a log line; an admin of the company who tries to confirm gets 403.

The PDFs are rendered and sealed by documents from the confirmation events; the answers give their paths.
"""
from __future__ import annotations

from decimal import Decimal

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_principal, current_runtime, login_required

from . import access, statements
from .bundle_schemas import (
    BundleYearQuerySchema, ReceiptConfirmRequestSchema, ReceiptSchema, StatementConfirmRequestSchema, StatementListSchema,
    StatementSchema,
)

bundle = Blueprint("bundle", __name__, url_prefix="",
                   description="L'état récapitulatif des journées et les données du reçu fiscal, par association, "
                               "entreprise et année civile : confirmés en ligne par la référente ou le référent de l'association.")


def _refused(refusal: statements.BundleRefusal):
    if refusal.field is not None:
        abort(refusal.status, message=refusal.message, errors={refusal.field: [refusal.message]})
    abort(refusal.status, message=refusal.message)


@bundle.route("/associations/<string:association_id>/statements")
class AssociationStatements(MethodView):
    @login_required
    @bundle.arguments(BundleYearQuerySchema, location="query")
    @bundle.response(200, StatementListSchema)
    @bundle.alt_response(401, description="Connexion requise.")
    @bundle.alt_response(404, description="Tu n'es pas référent·e de cette association.")
    def get(self, args, association_id):
        """Les états récapitulatifs de ton association pour l'année : une ligne par entreprise dont des salariés ont donné des journées."""
        access.require_association_referent(current_principal(), association_id)
        with current_runtime().db.reading() as session:
            return {"items": statements.overview(session, args["year"], association_id=association_id)}


@bundle.route("/companies/<string:company_id>/statements")
class CompanyStatements(MethodView):
    @login_required
    @bundle.arguments(BundleYearQuerySchema, location="query")
    @bundle.response(200, StatementListSchema)
    @bundle.alt_response(401, description="Connexion requise.")
    @bundle.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, args, company_id):
        """Les états récapitulatifs et les reçus de ton entreprise pour l'année : une ligne par association aidée."""
        principal = current_principal()
        if not access.is_company_admin(principal, company_id):
            access.log.warning("impact statements of company %s denied to %s", company_id, principal.subject)
            abort(404, message=access.NOT_YOUR_STATEMENT)
        with current_runtime().db.reading() as session:
            return {"items": statements.overview(session, args["year"], company_id=company_id)}


@bundle.route("/statements/<string:company_id>/<string:association_id>")
class Statement(MethodView):
    @login_required
    @bundle.arguments(BundleYearQuerySchema, location="query")
    @bundle.response(200, StatementSchema)
    @bundle.alt_response(401, description="Connexion requise.")
    @bundle.alt_response(404, description="Ni référent·e de l'association, ni administrateur de l'entreprise.")
    def get(self, args, company_id, association_id):
        """L'état récapitulatif des journées : chaque journée réalisée (personne, date, format), le total, où il en est."""
        access.require_bundle_reader(current_principal(), company_id, association_id)
        with current_runtime().db.reading() as session:
            return statements.statement(session, statements.Key(company_id, association_id, args["year"]))


@bundle.route("/statements/<string:company_id>/<string:association_id>/confirmation")
class StatementConfirmation(MethodView):
    @login_required
    @bundle.arguments(StatementConfirmRequestSchema)
    @bundle.response(201, StatementSchema)
    @bundle.alt_response(401, description="Connexion requise.")
    @bundle.alt_response(403, description="Seul·e un·e référent·e de l'association confirme.")
    @bundle.alt_response(404, description="Ni référent·e de l'association, ni administrateur de l'entreprise.")
    @bundle.alt_response(409, description="Liste changée depuis son affichage, déjà confirmée, ou vide.")
    def post(self, payload, company_id, association_id):
        """Je confirme l'état récapitulatif des journées affiché ; son PDF scellé est préparé juste après."""
        principal = current_principal()
        access.require_bundle_confirmer(principal, company_id, association_id)
        key = statements.Key(company_id, association_id, payload["year"])
        with current_runtime().unit_of_work() as uow:
            try:
                statements.confirm_statement(uow, key, payload["rows_sha256"], principal.subject, principal.email)
            except statements.BundleRefusal as refusal:
                _refused(refusal)
            return statements.statement(uow.session, key)


@bundle.route("/receipts/<string:company_id>/<string:association_id>")
class Receipt(MethodView):
    @login_required
    @bundle.arguments(BundleYearQuerySchema, location="query")
    @bundle.response(200, ReceiptSchema)
    @bundle.alt_response(401, description="Connexion requise.")
    @bundle.alt_response(404, description="Ni référent·e de l'association, ni administrateur de l'entreprise.")
    def get(self, args, company_id, association_id):
        """Les données du reçu (Cerfa n° 16216) préremplies : le bénéficiaire, le donateur, le montant valorisé, la nature du don."""
        access.require_bundle_reader(current_principal(), company_id, association_id)
        with current_runtime().db.reading() as session:
            return statements.receipt(session, statements.Key(company_id, association_id, args["year"]))


@bundle.route("/receipts/<string:company_id>/<string:association_id>/confirmation")
class ReceiptConfirmation(MethodView):
    @login_required
    @bundle.arguments(ReceiptConfirmRequestSchema)
    @bundle.response(201, ReceiptSchema)
    @bundle.alt_response(401, description="Connexion requise.")
    @bundle.alt_response(403, description="Seul·e un·e référent·e de l'association confirme.")
    @bundle.alt_response(404, description="Ni référent·e de l'association, ni administrateur de l'entreprise.")
    @bundle.alt_response(409, description="État récapitulatif pas encore confirmé, montant changé ou indisponible, déjà confirmé.")
    def post(self, payload, company_id, association_id):
        """Je confirme les données du reçu, avec son numéro d'ordre ; la fiche PDF est préparée juste après."""
        principal = current_principal()
        access.require_bundle_confirmer(principal, company_id, association_id)
        key = statements.Key(company_id, association_id, payload["year"])
        with current_runtime().unit_of_work() as uow:
            try:
                statements.confirm_receipt(uow, key, payload["receipt_number"], Decimal(str(payload["amount"])), principal.subject,
                                           principal.email)
            except statements.BundleRefusal as refusal:
                _refused(refusal)
            return statements.receipt(uow.session, key)
