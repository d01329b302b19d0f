"""Administration of companies: identity, e-mail domains, entities, the days policy, their people, and the date
requests sent to someone other than the recorded manager. Access rules: `access.py`; use cases: `companies.py`."""
from __future__ import annotations

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_runtime, login_required

from .. import companies as cases
from ..access import company_in_reach, operator, staff
from ..models import Person
from tandem_shared.paging import page_of_query
from ..people import admin_person_view
from ..schemas.admin import (
    CompanyCreateSchema, CompanyListSchema, CompanySchema, CompanyUpdateSchema, EntityInputSchema, PeopleQuerySchema,
    PersonPageSchema,
)
from ..schemas.common import EntitySchema, PageQuerySchema
from ..schemas.workflow import OtherManagerRequestPageSchema

companies = Blueprint("companies", __name__, url_prefix="/companies",
                      description="Administration des entreprises : identité légale, domaines, entités, politique de jours.")


@companies.route("")
class Companies(MethodView):
    @login_required
    @companies.arguments(PageQuerySchema, location="query")
    @companies.response(200, CompanyListSchema)
    def get(self, args):
        """Les entreprises : toutes pour l'équipe de la plateforme, la sienne pour un administrateur."""
        with current_runtime().db.reading() as session:
            return cases.companies_page(session, staff(session), args)

    @login_required
    @companies.arguments(CompanyCreateSchema)
    @companies.response(201, CompanySchema)
    @companies.alt_response(409, description="Un des domaines appartient déjà à une autre entreprise.")
    def post(self, payload):
        """Créer une entreprise (équipe de la plateforme)."""
        with current_runtime().unit_of_work() as uow:
            return cases.company_view(cases.create_company(uow, operator(uow.session), payload))


@companies.route("/<string:company_id>")
class CompanyResource(MethodView):
    @login_required
    @companies.response(200, CompanySchema)
    def get(self, company_id):
        """Une entreprise."""
        with current_runtime().db.reading() as session:
            caller = staff(session)
            return cases.company_view(company_in_reach(session, caller, company_id))

    @login_required
    @companies.arguments(CompanyUpdateSchema)
    @companies.response(200, CompanySchema)
    @companies.alt_response(409, description="Un des domaines appartient déjà à une autre entreprise.")
    def patch(self, payload, company_id):
        """Modifier une entreprise (seule l'équipe de la plateforme change les domaines)."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            cases.update_company(uow, caller, company, payload)
            return cases.company_view(company)


@companies.route("/<string:company_id>/entities")
class CompanyEntities(MethodView):
    @login_required
    @companies.arguments(EntityInputSchema)
    @companies.response(201, EntitySchema)
    @companies.alt_response(409, description="Une entité porte déjà ce nom.")
    def post(self, payload, company_id):
        """Ajouter une entité de rattachement."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            return cases.entity_view(cases.add_entity(uow, caller, company, payload["name"]))


@companies.route("/<string:company_id>/entities/<string:entity_id>")
class CompanyEntity(MethodView):
    @login_required
    @companies.arguments(EntityInputSchema)
    @companies.response(200, EntitySchema)
    @companies.alt_response(409, description="Une entité porte déjà ce nom.")
    def patch(self, payload, company_id, entity_id):
        """Renommer une entité."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            entity = cases.entity_in(uow.session, company, entity_id)
            cases.rename_entity(uow, caller, company, entity, payload["name"])
            return cases.entity_view(entity)

    @login_required
    @companies.response(204)
    @companies.alt_response(409, description="Des personnes sont rattachées à cette entité.")
    def delete(self, company_id, entity_id):
        """Supprimer une entité à laquelle plus personne n'est rattaché."""
        with current_runtime().unit_of_work() as uow:
            caller = staff(uow.session)
            company = company_in_reach(uow.session, caller, company_id, for_update=True)
            cases.delete_entity(uow, caller, company, cases.entity_in(uow.session, company, entity_id))
        return None


@companies.route("/<string:company_id>/people")
class CompanyPeople(MethodView):
    @login_required
    @companies.arguments(PeopleQuerySchema, location="query")
    @companies.response(200, PersonPageSchema)
    def get(self, args, company_id):
        """Les personnes d'une entreprise, par ordre alphabétique."""
        with current_runtime().db.reading() as session:
            company = company_in_reach(session, staff(session), company_id)
            rows, total = page_of_query(session, cases.people_query(company, args), args,
                                  sa.func.lower(Person.last_name), sa.func.lower(Person.first_name), Person.id)
            return {"items": [admin_person_view(session, person) for person in rows], "total": total}


@companies.route("/<string:company_id>/other-manager-requests")
class OtherManagerRequests(MethodView):
    @login_required
    @companies.arguments(PageQuerySchema, location="query")
    @companies.response(200, OtherManagerRequestPageSchema)
    def get(self, args, company_id):
        """Les demandes de dates envoyées à quelqu'un d'autre que le manager enregistré (et décidées par lui), les plus récentes d'abord."""
        with current_runtime().db.reading() as session:
            company = company_in_reach(session, staff(session), company_id)
            return cases.other_manager_requests_page(session, company, args)
