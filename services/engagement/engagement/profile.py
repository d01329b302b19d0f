""""Mon compte": profile, preferences, favourites, the dashboard, and the person's own data (export, deletion)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_runtime, login_required

from . import clock, domain, events, identity
from . import participations as ledger
from .access import audit, me, mission_viewer, offered_mission, person_view
from .accounts import field_error, revoke_everywhere
from .models import AuditEntry, Company, Entity, Favorite, MissionCopy, OneTimeToken, Participation, Preferences, Session
from .schemas import (
    AccountDeletionSchema, DashboardSchema, FavoriteListSchema, FavoriteSchema, MessageSchema, PersonSchema,
    PreferenceChoicesSchema, PreferencesSchema, ProfileUpdateSchema,
)

profile = Blueprint("me", __name__, url_prefix="/me", description="Mon compte : profil, préférences, favoris, tableau de bord.")
choices = Blueprint("preference_choices", __name__, url_prefix="/preference-choices", description="Les listes des préférences.")


def entity_name(session, person) -> str | None:
    entity = session.get(Entity, person.entity_id) if person.entity_id else None
    return entity.name if entity else None


@choices.route("")
class PreferenceChoices(MethodView):
    @choices.response(200, PreferenceChoicesSchema)
    def get(self):
        """Les expertises professionnelles, expertises personnelles et thématiques proposées."""
        return {
            "professional_expertises": list(domain.PROFESSIONAL_EXPERTISES),
            "personal_expertises": list(domain.PERSONAL_EXPERTISES),
            "themes": list(domain.THEMES),
        }


@profile.route("")
class Me(MethodView):
    @login_required
    @profile.response(200, PersonSchema)
    def get(self):
        """Mon profil."""
        with current_runtime().db.reading() as session:
            return person_view(session, me(session))

    @login_required
    @profile.arguments(ProfileUpdateSchema)
    @profile.response(200, PersonSchema)
    def patch(self, payload):
        """Modifier mon profil (nom, entité, téléphone, date de départ en retraite) ; ton manager, lui, est enregistré par
        l'administrateur de ton entreprise."""
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session, for_update=True)
            if "entity_id" in payload:
                entity = uow.session.get(Entity, payload["entity_id"])
                if entity is None or entity.company_id != person.company_id:
                    field_error("entity_id", "Choisis ton entité de rattachement dans la liste.")
                person.entity_id = entity.id
            for field in ("first_name", "last_name"):
                if field in payload:
                    setattr(person, field, payload[field].strip())
            if "phone" in payload:
                person.phone = payload["phone"]
            if "manager_email" in payload and domain.normalize_email(payload["manager_email"] or "") != (person.manager_email or ""):
                # The manager approves the person's absences: the person cannot choose them (issue 19).
                field_error("manager_email", "Ton manager est enregistré par l'administrateur de ton entreprise : "
                                             "demande-lui de le modifier si besoin.")
            if "retirement_date" in payload and payload["retirement_date"] != person.retirement_date:
                retirement = payload["retirement_date"]
                if retirement is not None and retirement < clock.today():
                    field_error("retirement_date", "La date de départ en retraite doit être à venir.")
                person.retirement_date = retirement
                # A new date needs a company admin's confirmation again.
                person.retirement_confirmed_at = None
                person.retirement_confirmed_by = None
            person.updated_at = utcnow()
            events.person_updated(uow, person, entity_name(uow.session, person), person.updated_at)
            return person_view(uow.session, person)

    @login_required
    @profile.arguments(AccountDeletionSchema)
    @profile.response(204)
    def delete(self, payload):
        """Supprimer mon compte : mes données sont anonymisées ; ce que la loi impose de garder (conventions signées) est conservé."""
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session, for_update=True)
            if not identity.verify_password(person.password_hash, payload["password"]):
                field_error("password", "Mot de passe incorrect.", status=403)
            revoke_everywhere(uow, person)
            now = utcnow()
            for model in (Preferences, Favorite, OneTimeToken, Session):
                uow.session.execute(sa.delete(model).where(model.person_id == person.id))
            person.email = f"supprime-{person.id}@invalid.tandem"
            person.first_name = "Compte"
            person.last_name = "supprimé"
            person.phone = None
            person.manager_email = None
            person.password_hash = None
            person.retirement_date = None
            person.status = domain.PersonStatus.DELETED
            person.updated_at = now
            events.person_disabled(uow, person.id, now)
            events.person_updated(uow, person, None, now)
            audit(uow.session, "account_deleted", person_id=person.id, actor_id=person.id)
        return None


@profile.route("/preferences")
class MyPreferences(MethodView):
    @login_required
    @profile.response(200, PreferencesSchema)
    def get(self):
        """Mes préférences de mission."""
        with current_runtime().db.reading() as session:
            person = me(session)
            preferences = session.get(Preferences, person.id)
            if preferences is None:
                return {"professional_expertises": [], "personal_expertises": [], "themes": [], "alerts_opt_in": False, "quiz_opt_in": False}
            return preferences

    @login_required
    @profile.arguments(PreferencesSchema)
    @profile.response(200, PreferencesSchema)
    def put(self, payload):
        """Enregistrer mes préférences (elles nourrissent « Ces missions sont pour toi » et les alertes)."""
        try:
            selection = {
                "professional_expertises": domain.check_choices(payload["professional_expertises"], domain.PROFESSIONAL_EXPERTISES, "professional_expertises"),
                "personal_expertises": domain.check_choices(payload["personal_expertises"], domain.PERSONAL_EXPERTISES, "personal_expertises"),
                "themes": domain.check_choices(payload["themes"], domain.THEMES, "themes"),
            }
        except domain.DomainError as exc:
            field_error(exc.field, str(exc))
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session)
            preferences = uow.session.get(Preferences, person.id, with_for_update=True)
            if preferences is None:
                preferences = Preferences(person_id=person.id)
                uow.session.add(preferences)
            for key, value in selection.items():
                setattr(preferences, key, value)
            preferences.alerts_opt_in = payload["alerts_opt_in"]
            # A client that does not know the quiz preference yet leaves it as it was (off for a new row).
            if payload.get("quiz_opt_in") is not None:
                preferences.quiz_opt_in = payload["quiz_opt_in"]
            elif preferences.quiz_opt_in is None:
                preferences.quiz_opt_in = False
            preferences.updated_at = utcnow()
            events.preferences_updated(uow, person, preferences)
            return preferences


@profile.route("/favorites")
class MyFavorites(MethodView):
    @login_required
    @profile.response(200, FavoriteListSchema)
    def get(self):
        """Mes missions favorites, les plus récentes d'abord."""
        with current_runtime().db.reading() as session:
            person = me(session)
            rows = session.execute(
                sa.select(Favorite, MissionCopy)
                .join(MissionCopy, MissionCopy.id == Favorite.mission_id)
                .where(Favorite.person_id == person.id)
                .order_by(Favorite.created_at.desc())
            ).all()
            viewer = mission_viewer(person)
        # A favourite stays saved, but is listed only while its mission is one the person may see (catalog's rule):
        # reserved since for other companies, it drops out; reopened to theirs, it comes back.
        items = [
            {"mission_id": mission.id, "title": mission.title, "association_name": mission.association_name,
             "url": mission.url, "added_at": favorite.created_at}
            for favorite, mission in rows if domain.mission_visible_to(mission, viewer)
        ]
        return {"items": items, "total": len(items)}


@profile.route("/favorites/<string:mission_id>")
class MyFavorite(MethodView):
    @login_required
    @profile.response(200, FavoriteSchema)
    def put(self, mission_id):
        """Ajouter une mission à mes favoris (sans effet si elle y est déjà)."""
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session)
            mission = offered_mission(uow.session, mission_id, person)
            favorite = uow.session.get(Favorite, (person.id, mission_id))
            if favorite is None:
                favorite = Favorite(person_id=person.id, mission_id=mission_id, created_at=utcnow())
                uow.session.add(favorite)
            return {"mission_id": mission.id, "title": mission.title, "association_name": mission.association_name,
                    "url": mission.url, "added_at": favorite.created_at}

    @login_required
    @profile.response(204)
    def delete(self, mission_id):
        """Retirer une mission de mes favoris."""
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session)
            uow.session.execute(sa.delete(Favorite).where(Favorite.person_id == person.id, Favorite.mission_id == mission_id))
        return None


def allowance_of(session, person, today: date) -> domain.Allowance:
    company = session.get(Company, person.company_id) if person.company_id else None
    days_per_year = company.days_per_year if company else domain.DEFAULT_DAYS_PER_YEAR
    end_of_career = domain.in_end_of_career(
        person.retirement_date, person.retirement_confirmed_at is not None, bool(company and company.end_of_career_enabled), today
    )
    return domain.allowance_for(Decimal(days_per_year), end_of_career)


@profile.route("/dashboard")
class MyDashboard(MethodView):
    @login_required
    @profile.response(200, DashboardSchema)
    def get(self):
        """Le tableau de bord de « Mon compte » : « Bonjour », les jours utilisés, la TO DO LIST."""
        today = clock.today()
        with current_runtime().db.reading() as session:
            person = me(session)
            allowance = allowance_of(session, person, today)
            preferences_set = session.get(Preferences, person.id) is not None
            # The days-used ledger: approved dates of this civil year.
            days_used = ledger.days_used(session, person.id, today.year)
            days_pending = ledger.days_pending(session, person.id, today.year)
            remaining = max(allowance.days - days_used - days_pending, Decimal("0"))
            return {
                "first_name": person.first_name,
                "year": today.year,
                "days_used": float(days_used),
                "days_used_label": f"Tu as déjà utilisé {domain.days_word(days_used)} de mission.",
                "allowance": {"kind": allowance.kind, "days": float(allowance.days), "label": allowance.label},
                "days_remaining": float(remaining) if allowance.kind == "annual" else None,
                "days_pending": float(days_pending),
                "todo": {
                    "finalise_registration": domain.finalise_registration_count(person.email_verified_at is not None, preferences_set),
                    "validate_team_dates": ledger.team_requests_to_validate(session, person.email),
                    "complete_bilan": ledger.bilans_to_complete(session, person.id),
                    "conventions_to_sign": ledger.conventions_to_sign(session, person.id),
                },
            }


@profile.route("/export")
class MyData(MethodView):
    @login_required
    @profile.response(200)
    def get(self):
        """Toutes mes données, en JSON (droit d'accès et de portabilité)."""
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session)
            preferences = uow.session.get(Preferences, person.id)
            favorites = uow.session.scalars(sa.select(Favorite).where(Favorite.person_id == person.id)).all()
            history = uow.session.scalars(sa.select(AuditEntry).where(AuditEntry.person_id == person.id).order_by(AuditEntry.at)).all()
            sessions = uow.session.scalars(sa.select(Session).where(Session.person_id == person.id).order_by(Session.created_at)).all()
            export = {
                "exported_at": utcnow().isoformat(),
                "profile": PersonSchema().dump(person_view(uow.session, person)),
                "consent_at": person.consent_at.isoformat() if person.consent_at else None,
                "created_at": person.created_at.isoformat(),
                "preferences": PreferencesSchema().dump(preferences) if preferences else None,
                "favorites": [{"mission_id": f.mission_id, "added_at": f.created_at.isoformat()} for f in favorites],
                "sessions": [{"created_at": s.created_at.isoformat(), "expires_at": s.expires_at.isoformat(),
                              "revoked_at": s.revoked_at.isoformat() if s.revoked_at else None} for s in sessions],
                "security_events": [{"at": e.at.isoformat(), "action": e.action, "address": e.address} for e in history],
                "participations": [
                    {"id": p.id, "mission_id": p.mission_id, "year": p.year, "status": p.status, "message": p.message, "phone": p.phone,
                     "submitted_at": p.submitted_at.isoformat(), "bilan_answers": p.bilan_answers,
                     "bilan_completed_at": p.bilan_completed_at.isoformat() if p.bilan_completed_at else None,
                     "convention": {"id": p.convention.convention_id, "version": p.convention.issued_version,
                                    "signed_version": p.convention.signed_version,
                                    "signed_at": p.convention.signed_at.isoformat() if p.convention.signed_at else None}
                     if p.convention else None,
                     "requests": [{"id": r.id, "manager_email": r.manager_email, "status": r.status, "message": r.message,
                                   "requested_at": r.requested_at.isoformat(),
                                   "dates": [{"date": d.day.isoformat(), "format": d.format, "state": d.state, "present": d.present}
                                             for d in r.dates]}
                                  for r in p.requests]}
                    for p in uow.session.scalars(sa.select(Participation).where(Participation.person_id == person.id))
                ],
            }
            audit(uow.session, "data_exported", person_id=person.id, actor_id=person.id)
        from flask import jsonify

        response = jsonify(export)
        response.headers["Content-Disposition"] = 'attachment; filename="mes-donnees-tandem.json"'
        return response
