"""Administration of people: roles, entity, recorded manager, disabling, end-of-career confirmation.
Access rules: `access.py`; use cases: `people.py`."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_runtime, login_required

from .. import people as cases
from ..access import person_in_reach, staff
from ..schemas.admin import AdminPersonSchema, PersonAdminUpdateSchema

people = Blueprint("people", __name__, url_prefix="/people",
                   description="Administration des personnes : rôles, entité de rattachement, manager, désactivation, mécénat fin de carrière.")


@people.route("/<string:person_id>")
class PersonResource(MethodView):
    @login_required
    @people.response(200, AdminPersonSchema)
    def get(self, person_id):
        """Une personne (son entreprise pour un administrateur, toutes pour l'équipe de la plateforme)."""
        with current_runtime().db.reading() as session:
            caller = staff(session)
            return cases.admin_person_view(session, person_in_reach(session, caller, person_id))

    @login_required
    @people.arguments(PersonAdminUpdateSchema)
    @people.response(200, AdminPersonSchema)
    def patch(self, payload, person_id):
        """Changer les rôles d'une personne, son entité de rattachement, son manager (qui valide ses dates), désactiver ou
        réactiver son compte."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            person = person_in_reach(uow.session, caller, person_id, for_update=True)
            cases.update_person(uow, caller, person, payload)
            return cases.admin_person_view(uow.session, person)


@people.route("/<string:person_id>/retirement-confirmation")
class RetirementConfirmation(MethodView):
    @login_required
    @people.response(200, AdminPersonSchema)
    @people.alt_response(409, description="Pas de date de départ, date passée, ou mécénat fin de carrière désactivé.")
    def post(self, person_id):
        """Confirmer la date de départ en retraite (mécénat fin de carrière : 1 jour par semaine dans les 12 mois qui précèdent)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            person = person_in_reach(uow.session, caller, person_id, for_update=True)
            cases.confirm_retirement(uow, caller, person)
            return cases.admin_person_view(uow.session, person)

    @login_required
    @people.response(200, AdminPersonSchema)
    def delete(self, person_id):
        """Retirer la confirmation de la date de départ en retraite (retour aux jours par an)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            person = person_in_reach(uow.session, caller, person_id, for_update=True)
            cases.withdraw_retirement_confirmation(uow, caller, person)
            return cases.admin_person_view(uow.session, person)
