"""Catalog's HTTP API: thin views that read a schema, call the rules and let the unit of work commit."""
from __future__ import annotations

import uuid
from datetime import date
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import Schema, fields, validate

from tandem_shared import french
from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_principal, current_runtime, login_required
from tandem_shared.text_fields import SingleLineString

from . import domain, events, taxonomy
from .models import Association, Mission, MissionCompany, PreferencesCopy, Referent, Spotlight
from .schemas import (
    AssociationListSchema, AssociationQuerySchema, AssociationSchema, AssociationWriteSchema, MissionListSchema,
    MissionSchema, MissionUpdateSchema, MissionWriteSchema, PageArgsSchema, SpotlightListSchema, SpotlightSchema,
    SpotlightWriteSchema, TaxonomySchema,
)
from .search import FACETS, Filters, fold, search_missions, visible_missions

missions = Blueprint("missions", __name__, url_prefix="/missions", description="Les missions proposées par les associations (« Je trouve »).")
associations = Blueprint("associations", __name__, url_prefix="/associations", description="Les associations (« Je propose »).")
spotlights = Blueprint("spotlights", __name__, url_prefix="/spotlights", description="L'actu solidaire.")
FRANCE = ZoneInfo("Europe/Paris")

reference = Blueprint("taxonomy", __name__, url_prefix="/taxonomy", description="Les listes du catalogue.")



def _public_url() -> str:
    return current_app.config["TANDEM_SETTINGS"].public_url


def viewer(session) -> domain.Viewer:
    principal = current_principal()
    managed = session.scalars(sa.select(Referent.association_id).where(Referent.person_id == principal.subject)).all()
    return domain.Viewer(
        person_id=principal.subject,
        company_id=principal.claims.get("company_id"),
        roles=principal.roles,
        # Catalog's own record of referents (from engagement's events) decides, not the token's claim.
        association_ids=frozenset(managed),
    )


def field_error(field: str, message: str):
    abort(422, message="Certaines données sont invalides : vérifie les champs signalés.", errors={field: [message]})


def domain_conflict(exc: domain.DomainError):
    abort(409, message=str(exc))


# -- taxonomy -----------------------------------------------------------------------------------


@reference.route("")
class Taxonomy(MethodView):
    @reference.response(200, TaxonomySchema)
    def get(self):
        """Thématiques, expertises, formats, régions et départements, catégories d'intérêt général."""
        return {
            "themes": list(taxonomy.THEMES),
            "professional_expertises": list(taxonomy.PROFESSIONAL_EXPERTISES),
            "personal_expertises": list(taxonomy.PERSONAL_EXPERTISES),
            "formats": dict(taxonomy.MISSION_FORMATS),
            "regions": list(taxonomy.REGIONS),
            "departments": [{"code": code, "name": name, "region": region} for code, name, region in taxonomy.DEPARTMENTS],
            "general_interest_categories": dict(taxonomy.GENERAL_INTEREST_CATEGORIES),
        }


# -- associations -----------------------------------------------------------------------------


def _association_or_404(session, association_id: str, who: domain.Viewer, for_update: bool = False) -> Association:
    association = session.get(Association, association_id, with_for_update=for_update)
    if association is None or (association.vetting_status != domain.VettingStatus.APPROVED and not who.manages(association.id)):
        abort(404, message="Cette association n'existe pas.")
    return association


def _apply_association(association: Association, payload: dict) -> None:
    for key in ("name", "rna", "siren", "address", "city", "department", "website", "contact_email", "description",
                "representative_name", "representative_title", "general_interest_category"):
        if key in payload:
            setattr(association, key, payload[key].strip() if isinstance(payload[key], str) else payload[key])
    if "themes" in payload:
        association.themes = domain.check_choices(payload["themes"], taxonomy.THEMES, "themes")
    association.region = taxonomy.region_of_department(association.department)


def _unique_identifiers(session, association: Association) -> None:
    for column, label in (("rna", "Ce numéro RNA"), ("siren", "Ce SIREN")):
        value = getattr(association, column)
        # No autoflush: a changed association would otherwise be written (and hit the unique index) before the check.
        with session.no_autoflush:
            taken = value and session.scalar(sa.select(Association.id).where(getattr(Association, column) == value, Association.id != association.id))
        if taken:
            abort(409, message=f"{label} est déjà celui d'une autre association.")


@associations.route("")
class Associations(MethodView):
    @login_required
    @associations.arguments(AssociationQuerySchema, location="query")
    @associations.response(200, AssociationListSchema)
    def get(self, args):
        """L'annuaire des associations validées, filtrable par thématique, région et mots-clés."""
        with current_runtime().db.reading() as session:
            approved = session.scalars(sa.select(Association).where(Association.vetting_status == domain.VettingStatus.APPROVED)).all()
        words = [fold(w) for w in (args["q"] or "").split() if len(w) >= 2]

        def keep(a: Association, skip: str | None) -> bool:
            if words:
                text = fold(" ".join([a.name, a.description, a.city, " ".join(a.themes)])).split()
                if not all(any(token.startswith(w) for token in text) for w in words):
                    return False
            if skip != "theme" and args["theme"] and not set(args["theme"]) & set(a.themes):
                return False
            if skip != "region" and args["region"] and a.region not in args["region"]:
                return False
            return True

        facets = {"theme": {}, "region": {}}
        for facet in facets:
            for a in approved:
                if keep(a, facet):
                    for value in (a.themes if facet == "theme" else [a.region]):
                        facets[facet][value] = facets[facet].get(value, 0) + 1
        selected = sorted((a for a in approved if keep(a, None)), key=lambda a: fold(a.name))
        start = (args["page"] - 1) * args["per_page"]
        return {"items": selected[start:start + args["per_page"]], "total": len(selected), "facets": facets}

    @login_required
    @associations.arguments(AssociationWriteSchema)
    @associations.response(201, AssociationSchema)
    def post(self, payload):
        """Enregistrer une association (opérateurs de la plateforme) ; elle attend ensuite sa validation."""
        if not current_principal().has_role("platform_operator"):
            abort(403, message="Seule l'équipe Tandem enregistre les associations.")
        now = utcnow()
        association = Association(id=str(uuid.uuid4()), vetting_status=domain.VettingStatus.PENDING, themes=[], created_at=now, updated_at=now)
        try:
            _apply_association(association, payload)
        except domain.DomainError as exc:
            field_error(exc.field, str(exc))
        with current_runtime().unit_of_work() as uow:
            _unique_identifiers(uow.session, association)
            uow.session.add(association)
            uow.session.flush()
            events.association_changed(uow, events.ASSOCIATION_REGISTERED, association)
        return association


@associations.route("/<string:association_id>")
class AssociationById(MethodView):
    @login_required
    @associations.response(200, AssociationSchema)
    def get(self, association_id):
        """La page d'une association (« Découvre l'association »)."""
        with current_runtime().db.reading() as session:
            return _association_or_404(session, association_id, viewer(session))

    @login_required
    @associations.arguments(AssociationWriteSchema(partial=True))
    @associations.response(200, AssociationSchema)
    def patch(self, payload, association_id):
        """Modifier une association (ses référents ou l'équipe Tandem)."""
        with current_runtime().unit_of_work() as uow:
            who = viewer(uow.session)
            association = _association_or_404(uow.session, association_id, who, for_update=True)
            if not who.manages(association.id):
                abort(403, message="Seuls les référents de l'association peuvent la modifier.")
            try:
                _apply_association(association, payload)
            except domain.DomainError as exc:
                field_error(exc.field, str(exc))
            _unique_identifiers(uow.session, association)
            association.updated_at = utcnow()
            events.association_changed(uow, events.ASSOCIATION_UPDATED, association)
            return association


class VettingSchema(Schema):
    decision = SingleLineString(required=True, validate=validate.OneOf(["approved", "rejected"]))


@associations.route("/<string:association_id>/vetting")
class AssociationVetting(MethodView):
    @login_required
    @associations.arguments(VettingSchema)
    @associations.response(200, AssociationSchema)
    def post(self, payload, association_id):
        """Valider (ou refuser) une association : seule une association validée publie des missions."""
        if not current_principal().has_role("platform_operator"):
            abort(403, message="Seule l'équipe Tandem valide les associations.")
        with current_runtime().unit_of_work() as uow:
            association = uow.session.get(Association, association_id, with_for_update=True)
            if association is None:
                abort(404, message="Cette association n'existe pas.")
            association.vetting_status = payload["decision"]
            association.vetted_at = association.updated_at = utcnow()
            association.vetted_by = current_principal().subject
            kind = events.ASSOCIATION_APPROVED if payload["decision"] == "approved" else events.ASSOCIATION_UPDATED
            events.association_changed(uow, kind, association)
            return association


# -- missions ---------------------------------------------------------------------------------


class SearchArgsSchema(PageArgsSchema):
    q = SingleLineString(load_default=None, validate=validate.Length(max=200), metadata={"description": "Mots-clés"})
    association = fields.List(SingleLineString(), load_default=list)
    theme = fields.List(SingleLineString(), load_default=list)
    professional_expertise = fields.List(SingleLineString(), load_default=list)
    personal_expertise = fields.List(SingleLineString(), load_default=list)
    region = fields.List(SingleLineString(), load_default=list)


# A mission loads its association in the same query (a LEFT OUTER JOIN): lock the mission's row only, as PostgreSQL
# refuses FOR UPDATE on the nullable side of an outer join.
MISSION_ROW_LOCK = {"of": Mission}


def _mission_or_404(session, mission_id: str, who: domain.Viewer, for_update: bool = False) -> Mission:
    mission = session.get(Mission, mission_id, with_for_update=MISSION_ROW_LOCK if for_update else None)
    if mission is None or not domain.visible_to(mission.status, mission.open_to_all_companies, mission.company_ids, mission.association_id, who):
        abort(404, message="Cette mission n'existe pas ou n'est plus en ligne.")
    return mission


def _apply_mission(mission: Mission, payload: dict) -> None:
    for key in ("title", "description", "format", "duration", "address", "city", "department", "remote_possible", "places",
                "all_jobs", "open_to_all_companies", "contact_name", "contact_email", "contact_phone"):
        if key in payload:
            setattr(mission, key, payload[key].strip() if isinstance(payload[key], str) else payload[key])
    for key, allowed in (("themes", taxonomy.THEMES), ("professional_expertises", taxonomy.PROFESSIONAL_EXPERTISES),
                         ("personal_expertises", taxonomy.PERSONAL_EXPERTISES)):
        if key in payload:
            setattr(mission, key, domain.check_choices(payload[key], allowed, key))
    if "company_ids" in payload:
        mission.companies = [MissionCompany(company_id=company_id) for company_id in sorted(set(payload["company_ids"]))]
    if not mission.open_to_all_companies and not mission.companies:
        raise domain.DomainError("Choisis au moins une entreprise, ou ouvre la mission à toutes.", field="company_ids")
    mission.region = taxonomy.region_of_department(mission.department)


@missions.route("")
class Missions(MethodView):
    @login_required
    @missions.arguments(SearchArgsSchema, location="query")
    @missions.response(200, MissionListSchema)
    def get(self, args):
        """Chercher parmi les missions publiées ouvertes à ton entreprise : filtres, mots-clés, compteurs par valeur."""
        filters = Filters(q=args["q"], **{facet: tuple(args[facet]) for facet in FACETS})
        with current_runtime().db.reading() as session:
            items, total, facets = search_missions(session, viewer(session), filters, args["page"], args["per_page"])
            return {"items": items, "total": total, "facets": facets}

    @login_required
    @missions.arguments(MissionWriteSchema)
    @missions.response(201, MissionSchema)
    def post(self, payload):
        """Créer une mission pour ton association (en brouillon, ou publiée tout de suite avec `publish`)."""
        now = utcnow()
        with current_runtime().unit_of_work() as uow:
            who = viewer(uow.session)
            if not domain.may_manage_missions(who.roles):
                abort(403, message="Seuls les référents d'association peuvent créer une mission.")
            association = uow.session.get(Association, payload["association_id"])
            if association is None or not who.manages(association.id):
                abort(403, message="Tu ne peux créer des missions que pour ton association.")
            mission = Mission(id=str(uuid.uuid4()), association_id=association.id, association=association, status=domain.MissionStatus.DRAFT,
                              themes=[], professional_expertises=[], personal_expertises=[], created_by=who.person_id,
                              created_at=now, updated_at=now)
            try:
                _apply_mission(mission, payload)
            except domain.DomainError as exc:
                field_error(exc.field, str(exc))
            uow.session.add(mission)
            if payload["publish"]:
                _publish(uow, mission)
            return mission


@missions.route("/for-me")
class MissionsForMe(MethodView):
    @login_required
    @missions.arguments(PageArgsSchema, location="query")
    @missions.response(200, MissionListSchema)
    def get(self, args):
        """« Ces missions sont pour toi » : les plus proches de tes préférences, puis les plus récentes."""
        with current_runtime().db.reading() as session:
            who = viewer(session)
            preferences = session.get(PreferencesCopy, who.person_id)
            candidates = session.scalars(visible_missions(session, who)).all()
            if preferences is None:
                ranked = sorted(candidates, key=lambda m: (-(m.published_at.timestamp()), m.id))
            else:
                def key(m: Mission):
                    score = domain.overlap_score(m.themes, m.professional_expertises, m.personal_expertises,
                                                 preferences.themes, preferences.professional_expertises, preferences.personal_expertises)
                    return (-score, -(m.published_at.timestamp()), m.id)
                ranked = sorted(candidates, key=key)
            start = (args["page"] - 1) * args["per_page"]
            return {"items": ranked[start:start + args["per_page"]], "total": len(ranked), "facets": {}}


@missions.route("/mine")
class MyAssociationMissions(MethodView):
    @login_required
    @missions.arguments(PageArgsSchema, location="query")
    @missions.response(200, MissionListSchema)
    def get(self, args):
        """Les missions de mes associations, brouillons et missions clôturées compris (référents)."""
        with current_runtime().db.reading() as session:
            who = viewer(session)
            query = sa.select(Mission).where(Mission.association_id.in_(who.association_ids)) if not who.is_operator else sa.select(Mission)
            rows = session.scalars(query.order_by(Mission.updated_at.desc(), Mission.id)).all()
            start = (args["page"] - 1) * args["per_page"]
            return {"items": rows[start:start + args["per_page"]], "total": len(rows), "facets": {}}


@missions.route("/<string:mission_id>")
class MissionById(MethodView):
    @login_required
    @missions.response(200, MissionSchema)
    def get(self, mission_id):
        """La fiche mission, avec la présentation de l'association."""
        with current_runtime().db.reading() as session:
            return _mission_or_404(session, mission_id, viewer(session))

    @login_required
    @missions.arguments(MissionUpdateSchema(partial=True))
    @missions.response(200, MissionSchema)
    def patch(self, payload, mission_id):
        """Modifier une mission de ton association ; une mission publiée annonce la mise à jour."""
        with current_runtime().unit_of_work() as uow:
            who = viewer(uow.session)
            mission = _mission_or_404(uow.session, mission_id, who, for_update=True)
            if not who.manages(mission.association_id):
                abort(403, message="Tu ne peux modifier que les missions de ton association.")
            if mission.status == domain.MissionStatus.CLOSED:
                abort(409, message="Une mission clôturée ne se modifie plus.")
            try:
                _apply_mission(mission, payload)
            except domain.DomainError as exc:
                field_error(exc.field, str(exc))
            mission.updated_at = utcnow()
            uow.session.flush()
            if mission.status == domain.MissionStatus.PUBLISHED:
                events.mission_changed(uow, events.MISSION_UPDATED, mission, _public_url())
            return mission


def _managed_mission(uow, mission_id: str) -> Mission:
    who = viewer(uow.session)
    mission = uow.session.get(Mission, mission_id, with_for_update=MISSION_ROW_LOCK)
    if mission is None or not domain.visible_to(mission.status, mission.open_to_all_companies, mission.company_ids, mission.association_id, who):
        abort(404, message="Cette mission n'existe pas.")
    if not who.manages(mission.association_id):
        abort(403, message="Tu ne peux gérer que les missions de ton association.")
    return mission


def _publish(uow, mission: Mission) -> None:
    try:
        mission.status = domain.publish(domain.MissionStatus(mission.status), domain.VettingStatus(mission.association.vetting_status))
    except domain.DomainError as exc:
        domain_conflict(exc)
    mission.published_at = mission.updated_at = utcnow()
    uow.session.flush()
    events.mission_changed(uow, events.MISSION_PUBLISHED, mission, _public_url())


@missions.route("/<string:mission_id>/publication")
class MissionPublication(MethodView):
    @login_required
    @missions.response(200, MissionSchema)
    @missions.alt_response(409, description="Mission déjà publiée ou clôturée, ou association pas encore validée.")
    def post(self, mission_id):
        """Publier une mission en brouillon."""
        with current_runtime().unit_of_work() as uow:
            mission = _managed_mission(uow, mission_id)
            _publish(uow, mission)
            return mission


@missions.route("/<string:mission_id>/closure")
class MissionClosure(MethodView):
    @login_required
    @missions.response(200, MissionSchema)
    def post(self, mission_id):
        """Clôturer une mission : elle disparaît de la recherche ; les participations en cours continuent."""
        with current_runtime().unit_of_work() as uow:
            mission = _managed_mission(uow, mission_id)
            try:
                mission.status = domain.close(domain.MissionStatus(mission.status))
            except domain.DomainError as exc:
                domain_conflict(exc)
            mission.closed_at = mission.updated_at = utcnow()
            uow.session.flush()
            events.mission_changed(uow, events.MISSION_CLOSED, mission, _public_url())
            return mission


# -- l'actu solidaire ---------------------------------------------------------------------------


class SpotlightQuerySchema(Schema):
    start = fields.Date(load_default=None, metadata={"description": "Premier jour (par défaut le 1er du mois en cours)"})
    months = fields.Integer(load_default=12, validate=validate.Range(min=1, max=24))


def _may_edit_spotlights(principal) -> bool:
    return principal.has_role("platform_operator", "company_admin")


def _linked_missions(spotlight: Spotlight, candidates: list[Mission]) -> list[str]:
    keywords = [fold(k) for k in spotlight.keywords]
    linked = []
    for mission in candidates:
        text = fold(" ".join([mission.title, mission.description]))
        if set(spotlight.themes) & set(mission.themes) or any(k in text for k in keywords):
            linked.append(mission.id)
    return linked


def _spotlight_view(spotlight: Spotlight, candidates: list[Mission]) -> dict:
    return {**{k: getattr(spotlight, k) for k in ("id", "title", "starts_on", "ends_on", "description", "themes", "keywords")},
            "mission_ids": _linked_missions(spotlight, candidates)}


@spotlights.route("")
class Spotlights(MethodView):
    @login_required
    @spotlights.arguments(SpotlightQuerySchema, location="query")
    @spotlights.response(200, SpotlightListSchema)
    def get(self, args):
        """L'actu solidaire, mois par mois, avec les missions liées à chaque cause."""
        # This month in France, read from the service's one time source (not the machine's local date).
        start = args["start"] or utcnow().astimezone(FRANCE).date().replace(day=1)
        end_year, end_month = start.year + (start.month - 1 + args["months"]) // 12, (start.month - 1 + args["months"]) % 12 + 1
        end = date(end_year, end_month, 1)
        with current_runtime().db.reading() as session:
            who = viewer(session)
            rows = session.scalars(
                sa.select(Spotlight)
                .where(Spotlight.starts_on >= start, Spotlight.starts_on < end,
                       sa.or_(Spotlight.company_id.is_(None), Spotlight.company_id == who.company_id))
                .order_by(Spotlight.starts_on, Spotlight.title)
            ).all()
            candidates = session.scalars(visible_missions(session, who)).all()
        months: dict[str, dict] = {}
        for spotlight in rows:
            key = spotlight.starts_on.strftime("%Y-%m")
            month = months.setdefault(key, {"month": key, "label": f"{french.MONTHS[spotlight.starts_on.month - 1]} {spotlight.starts_on.year}", "items": []})
            month["items"].append(_spotlight_view(spotlight, candidates))
        return {"months": list(months.values()), "total": len(rows)}

    @login_required
    @spotlights.arguments(SpotlightWriteSchema)
    @spotlights.response(201, SpotlightSchema)
    def post(self, payload):
        """Ajouter une cause à l'actu solidaire (responsables de l'engagement et équipe Tandem)."""
        principal = current_principal()
        if not _may_edit_spotlights(principal):
            abort(403, message="Seuls les responsables de l'engagement et l'équipe Tandem éditent l'actu solidaire.")
        if payload["ends_on"] and payload["ends_on"] < payload["starts_on"]:
            field_error("ends_on", "La fin ne peut pas précéder le début.")
        try:
            themes = domain.check_choices(payload.get("themes", []), taxonomy.THEMES, "themes")
        except domain.DomainError as exc:
            field_error(exc.field, str(exc))
        now = utcnow()
        spotlight = Spotlight(id=str(uuid.uuid4()), created_by=principal.subject, created_at=now, updated_at=now,
                              # A company admin's cause is for their colleagues; an operator's is for everyone.
                              company_id=None if principal.has_role("platform_operator") else principal.claims.get("company_id"),
                              **{k: payload[k] for k in ("title", "starts_on", "ends_on", "description", "keywords")},
                              themes=themes)
        with current_runtime().unit_of_work() as uow:
            uow.session.add(spotlight)
        return {**_spotlight_view(spotlight, [])}


def _editable_spotlight(session, spotlight_id: str) -> Spotlight:
    principal = current_principal()
    spotlight = session.get(Spotlight, spotlight_id, with_for_update=True)
    if spotlight is None or not _may_edit_spotlights(principal):
        abort(404, message="Cette actualité n'existe pas.")
    if not principal.has_role("platform_operator") and spotlight.company_id != principal.claims.get("company_id"):
        abort(404, message="Cette actualité n'existe pas.")
    return spotlight


@spotlights.route("/<string:spotlight_id>")
class SpotlightById(MethodView):
    @login_required
    @spotlights.arguments(SpotlightWriteSchema(partial=True))
    @spotlights.response(200, SpotlightSchema)
    def patch(self, payload, spotlight_id):
        """Modifier une cause de l'actu solidaire."""
        with current_runtime().unit_of_work() as uow:
            spotlight = _editable_spotlight(uow.session, spotlight_id)
            try:
                for key, value in payload.items():
                    setattr(spotlight, key, domain.check_choices(value, taxonomy.THEMES, "themes") if key == "themes" else value)
            except domain.DomainError as exc:
                field_error(exc.field, str(exc))
            spotlight.updated_at = utcnow()
            return _spotlight_view(spotlight, [])

    @login_required
    @spotlights.response(204)
    def delete(self, spotlight_id):
        """Retirer une cause de l'actu solidaire."""
        with current_runtime().unit_of_work() as uow:
            uow.session.delete(_editable_spotlight(uow.session, spotlight_id))
        return None


BLUEPRINTS = [reference, associations, missions, spotlights]
