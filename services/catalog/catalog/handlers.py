"""How catalog reacts to other services' events: who the referents are, companies' names, people's
preferences for recommendations, and token cut-offs."""
from __future__ import annotations

import sqlalchemy as sa
from marshmallow import fields

from tandem_shared.envelope import Event, EventData
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import CutoffHandler, apply_cutoff

from .models import CompanyCopy, PersonCopy, PreferencesCopy, Referent, token_cutoffs



class PersonChanged(EventData):
    """catalog's reading of `engagement.person.registered` / `.updated`."""

    person_id = fields.String(required=True)
    email = fields.String(required=True)
    first_name = fields.String(required=True)
    last_name = fields.String(required=True)
    company_id = fields.String(allow_none=True, load_default=None)
    roles = fields.List(fields.String(), load_default=list)
    association_ids = fields.List(fields.String(), load_default=list)
    status = fields.String(required=True)
    at = fields.AwareDateTime(required=True)


class CompanyChanged(EventData):
    company_id = fields.String(required=True)
    name = fields.String(required=True)
    updated_at = fields.AwareDateTime(required=True)


class PreferencesChanged(EventData):
    person_id = fields.String(required=True)
    company_id = fields.String(allow_none=True, load_default=None)
    themes = fields.List(fields.String(), required=True)
    professional_expertises = fields.List(fields.String(), required=True)
    personal_expertises = fields.List(fields.String(), required=True)
    updated_at = fields.AwareDateTime(required=True)


def on_person_changed(event: Event, uow: UnitOfWork) -> None:
    """Keep referents' names and their associations; a referent right ends with the role or the account."""
    data = PersonChanged.of(event)
    person = uow.session.get(PersonCopy, data["person_id"])
    if person is not None and person.as_of > data["at"]:
        return
    if person is None:
        person = PersonCopy(person_id=data["person_id"])
        uow.session.add(person)
    person.first_name, person.last_name, person.email = data["first_name"], data["last_name"], data["email"]
    person.company_id, person.status, person.as_of = data["company_id"], data["status"], data["at"]
    uow.session.execute(sa.delete(Referent).where(Referent.person_id == data["person_id"]))
    if data["status"] == "active" and "association_referent" in data["roles"]:
        for association_id in sorted(set(data["association_ids"])):
            uow.session.add(Referent(association_id=association_id, person_id=data["person_id"]))


def on_company_updated(event: Event, uow: UnitOfWork) -> None:
    data = CompanyChanged.of(event)
    company = uow.session.get(CompanyCopy, data["company_id"])
    if company is not None and company.as_of > data["updated_at"]:
        return
    if company is None:
        company = CompanyCopy(id=data["company_id"])
        uow.session.add(company)
    company.name, company.as_of = data["name"], data["updated_at"]


def on_preferences_updated(event: Event, uow: UnitOfWork) -> None:
    data = PreferencesChanged.of(event)
    preferences = uow.session.get(PreferencesCopy, data["person_id"])
    if preferences is not None and preferences.as_of > data["updated_at"]:
        return
    if preferences is None:
        preferences = PreferencesCopy(person_id=data["person_id"])
        uow.session.add(preferences)
    preferences.company_id = data["company_id"]
    preferences.themes = data["themes"]
    preferences.professional_expertises = data["professional_expertises"]
    preferences.personal_expertises = data["personal_expertises"]
    preferences.as_of = data["updated_at"]


def on_person_disabled(event: Event, uow: UnitOfWork) -> None:
    """The account was disabled: its tokens are refused here, and it no longer acts for any association."""
    apply_cutoff(uow.session, token_cutoffs, event.data)
    uow.session.execute(sa.delete(Referent).where(Referent.person_id == event.data["person_id"]))


def subscriptions(settings) -> dict[str, Handler]:
    """The table the consumer dispatches from (bound to the queue `catalog`)."""
    # A cut-off event (signing out, being disabled): tokens issued before it are refused here too.
    record_cutoff = CutoffHandler(token_cutoffs)
    return {
        "engagement.person.registered": on_person_changed,
        "engagement.person.updated": on_person_changed,
        "engagement.person.signed_out": record_cutoff,
        "engagement.person.disabled": on_person_disabled,
        "engagement.company.updated": on_company_updated,
        "engagement.preferences.updated": on_preferences_updated,
    }
