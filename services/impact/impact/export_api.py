"""The report's exports over HTTP: the days (one row per participation day) and the aggregates, as CSV or XLSX,
streamed. Same readers as the report (company admins; operators across companies)."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_principal, current_runtime, login_required

from . import access, exports, reporting
from .schemas import ReportQuerySchema

export_routes = Blueprint("exports", __name__, url_prefix="/companies",
                          description="Les exports de l'impact : un jour de participation par ligne, et les chiffres agrégés, en CSV ou XLSX.")
BINARY = exports.BINARY
download = exports.download


def _export_scope(args, company_id) -> reporting.Scope:
    access.require_report_reader(current_principal(), company_id)
    return reporting.Scope(company_id, args["year"], args["entity_id"])


def _streamed_lines(scope: reporting.Scope):
    """The rows, read while the response streams: the session lives as long as the generator."""
    runtime = current_runtime()

    def lines():
        with runtime.db.reading() as session:
            yield from exports.day_lines(session, scope)

    return lines()


def _report_tables(scope: reporting.Scope):
    with current_runtime().db.reading() as session:
        return exports.report_tables(reporting.report(session, scope))


@export_routes.route("/<string:company_id>/exports/days.csv")
class DaysCsv(MethodView):
    @login_required
    @export_routes.arguments(ReportQuerySchema, location="query")
    @export_routes.response(200, BINARY, content_type="text/csv", description="Un jour de participation par ligne.")
    @export_routes.alt_response(401, description="Connexion requise.")
    @export_routes.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, args, company_id):
        """Les jours de l'année en CSV : personne, entité, association, mission, thèmes, date, format, jours, état."""
        scope = _export_scope(args, company_id)
        return download(exports.csv_stream(exports.DAY_COLUMNS, _streamed_lines(scope)), exports.CSV_MIMETYPE,
                        exports.filename(scope.year, "jours", "csv"))


@export_routes.route("/<string:company_id>/exports/days.xlsx")
class DaysXlsx(MethodView):
    @login_required
    @export_routes.arguments(ReportQuerySchema, location="query")
    @export_routes.response(200, BINARY, content_type=exports.XLSX_MIMETYPE, description="Un jour de participation par ligne.")
    @export_routes.alt_response(401, description="Connexion requise.")
    @export_routes.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, args, company_id):
        """Les jours de l'année en XLSX (mêmes colonnes que le CSV)."""
        scope = _export_scope(args, company_id)
        return download(exports.days_xlsx(_streamed_lines(scope)), exports.XLSX_MIMETYPE,
                        exports.filename(scope.year, "jours", "xlsx"))


@export_routes.route("/<string:company_id>/exports/report.csv")
class ReportCsv(MethodView):
    @login_required
    @export_routes.arguments(ReportQuerySchema, location="query")
    @export_routes.response(200, BINARY, content_type="text/csv", description="Les chiffres agrégés, un tableau après l'autre.")
    @export_routes.alt_response(401, description="Connexion requise.")
    @export_routes.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, args, company_id):
        """Les chiffres de la page Impact en CSV : synthèse, par thème, association, entité et mois, entonnoir, bilans."""
        scope = _export_scope(args, company_id)
        return download(exports.csv_tables(_report_tables(scope)), exports.CSV_MIMETYPE,
                        exports.filename(scope.year, "chiffres", "csv"))


@export_routes.route("/<string:company_id>/exports/report.xlsx")
class ReportXlsx(MethodView):
    @login_required
    @export_routes.arguments(ReportQuerySchema, location="query")
    @export_routes.response(200, BINARY, content_type=exports.XLSX_MIMETYPE, description="Les chiffres agrégés, une feuille par tableau.")
    @export_routes.alt_response(401, description="Connexion requise.")
    @export_routes.alt_response(404, description="Pas ton entreprise (ou tu n'en es pas administrateur).")
    def get(self, args, company_id):
        """Les chiffres de la page Impact en XLSX, une feuille par tableau."""
        scope = _export_scope(args, company_id)
        return download(exports.tables_xlsx(_report_tables(scope)), exports.XLSX_MIMETYPE,
                        exports.filename(scope.year, "chiffres", "xlsx"))


# -- every company, for the platform's operators ------------------------------------------------------------------------

platform_exports = Blueprint("platform_exports", __name__, url_prefix="/platform/exports",
                             description="Les exports de l'impact de toutes les entreprises, pour les opérateurs de la plateforme.")


def _platform_scope(args) -> reporting.Scope:
    access.require_operator(current_principal())
    return reporting.Scope(None, args["year"], args["entity_id"])


def _platform_route(path: str, content_type: str, description: str):
    def decorate(view_class):
        view_class.get = platform_exports.alt_response(404, description="Réservé aux opérateurs de la plateforme.")(view_class.get)
        view_class.get = platform_exports.alt_response(401, description="Connexion requise.")(view_class.get)
        view_class.get = platform_exports.response(200, BINARY, content_type=content_type, description=description)(view_class.get)
        view_class.get = platform_exports.arguments(ReportQuerySchema, location="query")(view_class.get)
        view_class.get = login_required(view_class.get)
        return platform_exports.route(path)(view_class)
    return decorate


@_platform_route("/days.csv", "text/csv", "Un jour de participation par ligne, avec son entreprise.")
class PlatformDaysCsv(MethodView):
    def get(self, args):
        """Les jours de l'année de toutes les entreprises en CSV (la dernière colonne dit l'entreprise)."""
        scope = _platform_scope(args)
        return download(exports.csv_stream(exports.PLATFORM_DAY_COLUMNS, _streamed_lines(scope)), exports.CSV_MIMETYPE,
                        exports.filename(scope.year, "jours-toutes-entreprises", "csv"))


@_platform_route("/days.xlsx", exports.XLSX_MIMETYPE, "Un jour de participation par ligne, avec son entreprise.")
class PlatformDaysXlsx(MethodView):
    def get(self, args):
        """Les jours de l'année de toutes les entreprises en XLSX (la dernière colonne dit l'entreprise)."""
        scope = _platform_scope(args)
        return download(exports.days_xlsx(_streamed_lines(scope), exports.PLATFORM_DAY_COLUMNS), exports.XLSX_MIMETYPE,
                        exports.filename(scope.year, "jours-toutes-entreprises", "xlsx"))


@_platform_route("/report.csv", "text/csv", "Les chiffres agrégés, un tableau après l'autre.")
class PlatformReportCsv(MethodView):
    def get(self, args):
        """Les chiffres de l'année de toutes les entreprises en CSV, avec la répartition par entreprise."""
        scope = _platform_scope(args)
        return download(exports.csv_tables(_report_tables(scope)), exports.CSV_MIMETYPE,
                        exports.filename(scope.year, "chiffres-toutes-entreprises", "csv"))


@_platform_route("/report.xlsx", exports.XLSX_MIMETYPE, "Les chiffres agrégés, une feuille par tableau.")
class PlatformReportXlsx(MethodView):
    def get(self, args):
        """Les chiffres de l'année de toutes les entreprises en XLSX, une feuille par tableau."""
        scope = _platform_scope(args)
        return download(exports.tables_xlsx(_report_tables(scope)), exports.XLSX_MIMETYPE,
                        exports.filename(scope.year, "chiffres-toutes-entreprises", "xlsx"))
