"""Pay data and the valuation over HTTP: the « données de rémunération » permission, the CSV import, the default daily
cost per entity, the audit trail, the valuation settings and the valuation (JSON, XLSX, PDF).

Only an admin of the company holding the permission reads or imports pay data (access.require_pay_reader); the
operator grants the first permission of a company and never reads pay data. Every read and import is audited.
"""
from __future__ import annotations

import logging

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.french import count_of
from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_principal, current_runtime, login_required

from . import access, exports, pay, rendering, reporting, statements, valuation
from .statement_rules import OutdatedBecause
from .schemas import (
    DailyCostInputSchema, DailyCostsSchema, PayAuditSchema, PayHolderSchema, PayHoldersSchema, PayImportFileSchema,
    PayImportResultSchema, PayRecordsSchema, ValuationSchema, ValuationSettingsInputSchema, ValuationSettingsSchema,
    YearQuerySchema,
)

log = logging.getLogger(__name__)

pay_routes = Blueprint("pay", __name__, url_prefix="/companies",
                       description="Les données de rémunération et la valorisation du mécénat de compétences (article 238 bis du CGI). "
                                   "Réservées aux administrateurs de l'entreprise qui ont la permission « données de rémunération ».")
PAY_DENIED = {401: "Connexion requise.", 403: "Il te faut la permission « données de rémunération ».",
              404: "Pas ton entreprise (ou tu n'en es pas administrateur)."}
UNKNOWN_YEAR = "Le plafond de la sécurité sociale de l'année n'est pas connu."


def _pay_errors(view):
    for status, description in PAY_DENIED.items():
        view = pay_routes.alt_response(status, description=description)(view)
    return view


@pay_routes.route("/<string:company_id>/pay-permissions")
class PayPermissions(MethodView):
    @login_required
    @pay_routes.response(200, PayHoldersSchema)
    @_pay_errors
    def get(self, company_id):
        """Qui a la permission « données de rémunération » dans l'entreprise."""
        principal = current_principal()
        with current_runtime().db.reading() as session:
            access.require_permission_granter(session, principal, company_id)
            return {"holders": pay.holders(session, company_id)}


@pay_routes.route("/<string:company_id>/pay-permissions/<string:person_id>")
class PayPermission(MethodView):
    @login_required
    @pay_routes.response(200, PayHolderSchema)
    @_pay_errors
    @pay_routes.alt_response(422, description="La personne n'est pas administratrice de l'entreprise.")
    def put(self, company_id, person_id):
        """Donner la permission à un administrateur de l'entreprise (l'opérateur, ou un administrateur qui l'a déjà)."""
        principal = current_principal()
        with current_runtime().db.transaction() as session:
            access.require_permission_granter(session, principal, company_id)
            person = access.require_company_admin_person(session, company_id, person_id)
            holder = pay.grant(session, company_id, person, principal.subject)
        log.info("pay permission of company %s granted to %s by %s", company_id, person_id, principal.subject)
        return holder

    @login_required
    @pay_routes.response(204)
    @_pay_errors
    def delete(self, company_id, person_id):
        """Retirer la permission (on peut se la retirer à soi-même)."""
        principal = current_principal()
        with current_runtime().db.transaction() as session:
            access.require_permission_granter(session, principal, company_id)
            pay.revoke(session, company_id, person_id, principal.subject)
        log.info("pay permission of company %s withdrawn from %s by %s", company_id, person_id, principal.subject)


@pay_routes.route("/<string:company_id>/pay/import")
class PayImport(MethodView):
    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.arguments(PayImportFileSchema, location="files")
    @pay_routes.response(200, PayImportResultSchema)
    @_pay_errors
    @pay_routes.alt_response(413, description="Le fichier est trop gros.")
    @pay_routes.alt_response(422, description="Le fichier est refusé en entier ; chaque erreur est donnée avec sa ligne.")
    def post(self, args, files, company_id):
        """Importer les rémunérations de l'année (CSV : email ; salaire_brut_annuel ; taux_charges_patronales ;
        date_entree facultative). Tout ou rien : une seule ligne en erreur et rien n'est importé."""
        principal = current_principal()
        raw = files["file"].read(pay.MAX_BYTES + 1)
        with current_runtime().unit_of_work() as uow:
            access.require_pay_reader(uow.session, principal, company_id)
            if len(raw) > pay.MAX_BYTES:
                abort(413, message=f"Le fichier dépasse {pay.MAX_BYTES // (1024 * 1024)} Mo : découpe-le.")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                # Excel in France saves CSV in Windows-1252.
                text = raw.decode("cp1252", errors="replace")
            with statements.watching_receipts(uow, company_id, [args["year"]], OutdatedBecause.VALUATION) as outdated:
                try:
                    imported = pay.import_pay(uow.session, company_id, args["year"], text, principal.subject)
                except pay.PayImportError as exc:
                    abort(422, message=f"Le fichier n'a pas été importé : {count_of(len(exc.messages), 'erreur', 'erreurs')}, rien n'a été enregistré.",
                          errors={"lines": exc.messages})
        log.info("pay data of company %s imported by %s (%d rows)", company_id, principal.subject, imported)
        return {"year": args["year"], "imported": imported, "receipts_to_confirm_again": outdated}


@pay_routes.route("/<string:company_id>/pay")
class PayRecords(MethodView):
    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.response(200, PayRecordsSchema)
    @_pay_errors
    def get(self, args, company_id):
        """Les rémunérations importées pour l'année (chaque lecture est inscrite au journal d'audit)."""
        principal = current_principal()
        with current_runtime().db.transaction() as session:
            access.require_pay_reader(session, principal, company_id)
            return {"year": args["year"], "records": pay.records(session, company_id, args["year"], principal.subject)}


@pay_routes.route("/<string:company_id>/daily-costs")
class DailyCosts(MethodView):
    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.response(200, DailyCostsSchema)
    @_pay_errors
    def get(self, args, company_id):
        """Le coût d'un jour par défaut de chaque entité pour l'année (pour les personnes sans rémunération importée
        cette année-là), tel que la valorisation de l'année l'utilise."""
        principal = current_principal()
        with current_runtime().db.transaction() as session:
            access.require_pay_reader(session, principal, company_id)
            _, entities = reporting.company_heading(session, company_id)
            return {"entities": pay.daily_costs(session, company_id, entities, args["year"], principal.subject)}


@pay_routes.route("/<string:company_id>/daily-costs/<string:entity_id>")
class DailyCost(MethodView):
    @login_required
    @pay_routes.arguments(DailyCostInputSchema)
    @pay_routes.response(200, DailyCostsSchema)
    @_pay_errors
    @pay_routes.alt_response(422, description="Montant invalide ou entité inconnue.")
    def put(self, args, company_id, entity_id):
        """Fixer (ou retirer, avec null) le coût d'un jour par défaut d'une entité pour une année : la valorisation des
        autres années ne change pas."""
        principal = current_principal()
        with current_runtime().unit_of_work() as uow:
            session = uow.session
            access.require_pay_reader(session, principal, company_id)
            _, entities = reporting.company_heading(session, company_id)
            if entity_id not in {e["id"] for e in entities}:
                abort(422, message="Cette entité n'existe pas dans l'entreprise.", errors={"entity_id": ["Entité inconnue."]})
            # A year's cost also values the years without one of their own (valuation.costs_in_force): any year may move.
            with statements.watching_receipts(uow, company_id, statements.years_with_receipts(session, company_id),
                                           OutdatedBecause.VALUATION) as outdated:
                pay.set_daily_cost(session, company_id, entity_id, args["year"], args["daily_cost"], principal.subject)
            return {"entities": pay.daily_costs(session, company_id, entities, args["year"], principal.subject),
                    "receipts_to_confirm_again": outdated}


@pay_routes.route("/<string:company_id>/pay-audit")
class PayAuditTrail(MethodView):
    @login_required
    @pay_routes.response(200, PayAuditSchema)
    @_pay_errors
    def get(self, company_id):
        """Le journal d'audit des données de rémunération (lectures, imports, permissions), du plus récent au plus ancien."""
        principal = current_principal()
        with current_runtime().db.reading() as session:
            access.require_pay_reader(session, principal, company_id)
            return {"lines": [{"at": a.at, "actor_id": a.actor_id, "action": a.action, "detail": a.detail}
                              for a in pay.audit_trail(session, company_id)]}


# -- the valuation (article 238 bis CGI) -----------------------------------------------------------------------------


@pay_routes.route("/<string:company_id>/valuation/settings")
class ValuationSettings(MethodView):
    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.response(200, ValuationSettingsSchema)
    @_pay_errors
    def get(self, args, company_id):
        """Ce que la valorisation de l'année demande en plus : chiffre d'affaires, excédents antérieurs, exceptions."""
        principal = current_principal()
        with current_runtime().db.reading() as session:
            access.require_pay_reader(session, principal, company_id)
            return valuation.settings_view(valuation.settings_of(session, company_id, args["year"]), company_id, args["year"])

    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.arguments(ValuationSettingsInputSchema)
    @pay_routes.response(200, ValuationSettingsSchema)
    @_pay_errors
    @pay_routes.alt_response(422, description="Données invalides.")
    def put(self, args, payload, company_id):
        """Enregistrer le chiffre d'affaires hors taxes, les excédents antérieurs et les associations en exception."""
        principal = current_principal()
        year = args["year"]
        bad_years = [e["year"] for e in payload["prior_excess"] if not year - 5 <= e["year"] < year]
        if bad_years:
            abort(422, message="Un excédent ne se reporte que sur les cinq années suivantes.",
                  errors={"prior_excess": [f"L'année {y} n'est pas l'une des cinq années avant {year}." for y in bad_years]})
        with current_runtime().db.transaction() as session:
            access.require_pay_reader(session, principal, company_id)
            settings = valuation.save_settings(session, company_id, year, payload, principal.subject)
            pay.audit(session, company_id, principal.subject, "valuation_settings_set", f"paramètres de valorisation {year} modifiés")
            return valuation.settings_view(settings, company_id, year)


def _valuation(args, company_id) -> dict:
    principal = current_principal()
    with current_runtime().db.transaction() as session:
        access.require_pay_reader(session, principal, company_id)
        try:
            result = valuation.valuation_for(session, company_id, args["year"])
        except valuation.UnknownYear as exc:
            abort(422, message=exc.message, errors={"year": [exc.message]})
        receipts = statements.receipts_of_year(session, company_id, args["year"], result)
        for row in result["associations"]:
            row["receipt"] = receipts.get(row["association_id"])
        pay.audit(session, company_id, principal.subject, "valuation_read", f"valorisation {args['year']} consultée")
    return result


@pay_routes.route("/<string:company_id>/valuation")
class Valuation(MethodView):
    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.response(200, ValuationSchema)
    @_pay_errors
    @pay_routes.alt_response(422, description=UNKNOWN_YEAR)
    def get(self, args, company_id):
        """La valorisation de l'année : par personne, par association, total, réduction estimée avec plafond et reports,
        associations pour le formulaire 2069-RCI-SD et bénéficiaires au-delà de 10 000 €."""
        return _valuation(args, company_id)


@pay_routes.route("/<string:company_id>/valuation.xlsx")
class ValuationXlsx(MethodView):
    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.response(200, exports.BINARY, content_type=exports.XLSX_MIMETYPE, description="La valorisation, une feuille par tableau.")
    @_pay_errors
    @pay_routes.alt_response(422, description=UNKNOWN_YEAR)
    def get(self, args, company_id):
        """La valorisation de l'année en XLSX."""
        return exports.download(exports.valuation_xlsx(_valuation(args, company_id)), exports.XLSX_MIMETYPE,
                                exports.filename(args["year"], "valorisation", "xlsx"))


@pay_routes.route("/<string:company_id>/valuation.pdf")
class ValuationPdf(MethodView):
    @login_required
    @pay_routes.arguments(YearQuerySchema, location="query")
    @pay_routes.response(200, exports.BINARY, content_type="application/pdf", description="La valorisation en PDF.")
    @_pay_errors
    @pay_routes.alt_response(422, description=UNKNOWN_YEAR)
    def get(self, args, company_id):
        """La valorisation de l'année en PDF (rendue comme les documents de Tandem)."""
        pdf = rendering.render_valuation_pdf(_valuation(args, company_id), utcnow().date())
        return exports.download(pdf, "application/pdf", exports.filename(args["year"], "valorisation", "pdf"))
