""""Mon compte": profile, preferences, favourites, the dashboard, and the person's own data (export, deletion).
Use cases: `my_account.py`."""
from __future__ import annotations

import sqlalchemy as sa
from flask import current_app, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_runtime, login_required

from .. import clock, domain
from .. import my_account as cases
from ..access import clear_session_cookies, me, offered_mission, person_view
from ..models import Favorite, Preferences
from ..schemas.accounts import (
    AccountDeletionSchema, DashboardSchema, FavoriteListSchema, FavoriteSchema, PersonSchema, PreferenceChoicesSchema,
    PreferencesSchema, ProfileUpdateSchema,
)

profile = Blueprint("me", __name__, url_prefix="/me", description="Mon compte : profil, préférences, favoris, tableau de bord.")
choices = Blueprint("preference_choices", __name__, url_prefix="/preference-choices", description="Les listes des préférences.")


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
            cases.update_profile(uow, person, payload)
            return person_view(uow.session, person)

    @login_required
    @profile.arguments(AccountDeletionSchema)
    @profile.response(204)
    def delete(self, payload):
        """Supprimer mon compte : mes données sont anonymisées ; ce que la loi impose de garder (conventions signées) est
        conservé. Les cookies de session sont effacés : le navigateur n'est plus connecté."""
        with current_runtime().unit_of_work() as uow:
            cases.delete_account(uow, me(uow.session, for_update=True), payload["password"])
        response = current_app.response_class(status=204)
        clear_session_cookies(response)
        return response


@profile.route("/preferences")
class MyPreferences(MethodView):
    @login_required
    @profile.response(200, PreferencesSchema)
    def get(self):
        """Mes préférences de mission."""
        with current_runtime().db.reading() as session:
            person = me(session)
            return session.get(Preferences, person.id) or cases.NO_PREFERENCES

    @login_required
    @profile.arguments(PreferencesSchema)
    @profile.response(200, PreferencesSchema)
    def put(self, payload):
        """Enregistrer mes préférences (elles nourrissent « Ces missions sont pour toi » et les alertes)."""
        selection = cases.checked_preferences(payload)
        with current_runtime().unit_of_work() as uow:
            return cases.save_preferences(uow, me(uow.session), selection, payload)


@profile.route("/favorites")
class MyFavorites(MethodView):
    @login_required
    @profile.response(200, FavoriteListSchema)
    def get(self):
        """Mes missions favorites, les plus récentes d'abord."""
        with current_runtime().db.reading() as session:
            items = cases.favorites_of(session, me(session))
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
            return cases.favorite_view(cases.add_favorite(uow.session, person, mission), mission)

    @login_required
    @profile.response(204)
    def delete(self, mission_id):
        """Retirer une mission de mes favoris."""
        with current_runtime().unit_of_work() as uow:
            person = me(uow.session)
            uow.session.execute(sa.delete(Favorite).where(Favorite.person_id == person.id, Favorite.mission_id == mission_id))
        return None


@profile.route("/dashboard")
class MyDashboard(MethodView):
    @login_required
    @profile.response(200, DashboardSchema)
    def get(self):
        """Le tableau de bord de « Mon compte » : « Bonjour », les jours utilisés, la TO DO LIST."""
        today = clock.today()
        with current_runtime().db.reading() as session:
            return cases.dashboard(session, me(session), today)


@profile.route("/export")
class MyData(MethodView):
    @login_required
    @profile.response(200)
    def get(self):
        """Toutes mes données, en JSON (droit d'accès et de portabilité)."""
        with current_runtime().unit_of_work() as uow:
            export = cases.export_data(uow, me(uow.session))
        response = jsonify(export)
        response.headers["Content-Disposition"] = 'attachment; filename="mes-donnees-tandem.json"'
        return response
