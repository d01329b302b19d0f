"""Impact's HTTP API: the company's report and its exports (company admins; operators across companies), pay data
and the valuation (admins holding the « données de rémunération » permission).

Views are thin: access rules in `access`, use cases in `reporting`, `exports`, `pay` and `valuation`, rules in `domain`.
The views live in one module per feature (`export_api`, `pay_api`, `bundle_api`); this one has the report and
gathers BLUEPRINTS.
"""
from __future__ import annotations

import logging

from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_principal, current_runtime, login_required

from . import access, reporting
from .bundle_api import bundle
from .export_api import export_routes, platform_exports
from .pay_api import pay_routes
from .schemas import CompanyListSchema, PayAccessSchema, ReportQuerySchema, ReportSchema

log = logging.getLogger(__name__)

report = Blueprint("report", __name__, url_prefix="/companies",
                   description="L'impact d'une entreprise : jours donnés, associations aidées, entonnoir et bilans, par année et par entité.")


@report.route("")
class Companies(MethodView):
    @login_required
    @report.response(200, CompanyListSchema)
    @report.alt_response(401, description="Connexion requise.")
    def get(self):
        """Les entreprises dont tu peux voir l'impact : toutes pour l'opérateur, la tienne pour un administrateur."""
        principal = current_principal()
        with current_runtime().db.reading() as session:
            companies = reporting.companies(session)
        if principal.has_role(access.OPERATOR):
            return {"companies": companies}
        mine = principal.claims.get("company_id")
        return {"companies": [c for c in companies if principal.has_role(access.COMPANY_ADMIN) and c["id"] == mine]}


@report.route("/<string:company_id>/report")
class CompanyReport(MethodView):
    @login_required
    @report.arguments(ReportQuerySchema, location="query")
    @report.response(200, ReportSchema)
    @report.alt_response(401, description="Connexion requise.")
    @report.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, args, company_id):
        """Les chiffres de l'année (et de l'entité choisie) : personnes engagées, jours demandés, validés et réalisés,
        missions et associations aidées, jours par thème, association, entité et mois, l'entonnoir et les bilans."""
        access.require_report_reader(current_principal(), company_id)
        with current_runtime().db.reading() as session:
            return reporting.report(session, reporting.Scope(company_id, args["year"], args["entity_id"]))


@report.route("/<string:company_id>/pay-access")
class PayAccess(MethodView):
    @login_required
    @report.response(200, PayAccessSchema)
    @report.alt_response(401, description="Connexion requise.")
    @report.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, company_id):
        """As-tu la permission « données de rémunération » de cette entreprise (et peux-tu la donner) ?"""
        principal = current_principal()
        access.require_report_reader(principal, company_id)
        with current_runtime().db.reading() as session:
            granted = access.holds_pay_permission(session, principal, company_id)
        return {"company_id": company_id, "granted": granted,
                "can_grant": granted or principal.has_role(access.OPERATOR)}


platform = Blueprint("platform", __name__, url_prefix="/platform",
                     description="L'impact de toutes les entreprises, pour les opérateurs de la plateforme.")


@platform.route("/report")
class PlatformReport(MethodView):
    @login_required
    @platform.arguments(ReportQuerySchema, location="query")
    @platform.response(200, ReportSchema)
    @platform.alt_response(401, description="Connexion requise.")
    @platform.alt_response(404, description="Réservé aux opérateurs de la plateforme.")
    def get(self, args):
        """Les chiffres de l'année pour toutes les entreprises, avec la répartition par entreprise (opérateurs)."""
        access.require_operator(current_principal())
        with current_runtime().db.reading() as session:
            return reporting.report(session, reporting.Scope(None, args["year"], args["entity_id"]))


BLUEPRINTS: list[Blueprint] = [report, platform, export_routes, platform_exports, pay_routes, bundle]
