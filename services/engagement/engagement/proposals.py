""""Je propose mes compétences" (a message to an association) and sharing a mission by e-mail: the use cases, and the
limits on the e-mails a person has Tandem send (`record_send`)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_smorest import abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_settings

from . import domain, events
from .access import audit
from .models import AssociationCopy, Company, MissionCopy, Person, Proposal, ReferentLink, SentMessage
from .send_limits import recent_sends


# The guide asks employees to contact one association at a time; the same one twice within this
# period is refused so an association is not flooded.
SAME_ASSOCIATION_PERIOD = timedelta(days=30)


def proposal_template(company_name: str) -> str:
    """The guide's pre-filled message, with the employee's company."""
    return (
        "Bonjour,\n"
        f"Je suis collaborateur·rice de l'entreprise {company_name} et je vous contacte dans le cadre du programme de mécénat de compétences.\n"
        "Je suis disponible en ce moment / à partir du ... pour une durée de x jours et souhaiterais vous aider sur des missions "
        "informatiques / de travaux manuels / tout type de besoins...\n"
        "Pouvez-vous me dire si mon aide vous serait utile ?\n"
        "Merci pour votre retour rapide !"
    )


def company_name(session, person) -> str:
    company = session.get(Company, person.company_id) if person.company_id else None
    return company.name if company else "…"


THROTTLED = {
    domain.SendKind.SHARE: "Tu as partagé beaucoup de missions ces derniers temps : réessaie dans {wait}.",
    domain.SendKind.PROPOSAL: "Tu as envoyé beaucoup de propositions ces derniers temps : laisse aux associations le temps "
                              "de te répondre, et réessaie dans {wait}.",
}


class SendRefused(Exception):
    """An e-mail the person asked for will not leave: too many lately (429 with Retry-After), or more outside
    recipients than today's allowance (422 on `recipients`)."""

    def __init__(self, kind: domain.SendKind, person_id: str, message: str, retry_after: int | None = None,
                 field: str | None = None, **details):
        super().__init__(message)
        self.kind, self.person_id, self.message = kind, person_id, message
        self.retry_after, self.field, self.details = retry_after, field, details


def record_send(session, person: Person, kind: domain.SendKind, now: datetime, recipients: list[str]) -> None:
    """Count one e-mail sent on `person`'s behalf, or raise `SendRefused`. Call with the person's row locked
    (`me(for_update=True)`), so that two requests at once cannot both take the last place."""
    company = session.get(Company, person.company_id) if person.company_id else None
    company_domains = frozenset(row.domain for row in company.domains) if company else frozenset()
    outside = domain.outside_recipients(recipients, company_domains=company_domains, own_email=person.email) if kind == domain.SendKind.SHARE else []
    recent = recent_sends(session, person.id, kind, now)
    wait = domain.send_retry_after([row.at for row in recent], domain.SEND_QUOTAS[kind], now)
    if wait is not None:
        raise SendRefused(kind, person.id, THROTTLED[kind].format(wait=domain.waiting_label(wait)), retry_after=wait,
                          recipients=len(recipients))
    try:
        domain.check_outside_recipients(outside, sent_in_last_day=sum(row.outside_count for row in recent),
                                        per_day=current_settings().share_outside_recipients_per_day, company_domains=company_domains)
    except domain.DomainError as exc:
        raise SendRefused(kind, person.id, str(exc), field=exc.field, recipients=len(recipients), outside=len(outside)) from None
    session.add(SentMessage(person_id=person.id, kind=kind, recipient_count=len(recipients), outside_count=len(outside), at=now))


def association_contact(session, association: AssociationCopy) -> tuple[str, str | None]:
    """The association's contact as one person: its contact address, and the name of the referent who holds
    that address (none when no referent account holds it, so an e-mail says « Bonjour, » rather than greet
    someone else). The copy's `contact_name` is the legal representative (the president), who is not the
    person reading that inbox."""
    referent = session.scalar(
        sa.select(Person).join(ReferentLink, ReferentLink.person_id == Person.id).where(
            ReferentLink.association_id == association.id,
            sa.func.lower(Person.email) == association.contact_email.lower(),
        )
    )
    name = f"{referent.first_name} {referent.last_name}" if referent is not None else None
    return association.contact_email, name


def association_for_proposal(session, association_id: str) -> AssociationCopy:
    association = session.get(AssociationCopy, association_id)
    if association is None or association.vetting_status != "approved":
        abort(404, message="Cette association n'existe pas.")
    return association


PROPOSAL_SENT = ("Ton message est parti ! L'association prendra contact avec toi dans les jours qui suivent ; "
                 "tu reçois aussi ses coordonnées par e-mail.")


def proposal_draft(session, person: Person, association_id: str) -> dict:
    association = association_for_proposal(session, association_id)
    return {"association_id": association.id, "association_name": association.name,
            "message": proposal_template(company_name(session, person)), "phone": person.phone}


# `propose`'s phone when the form did not send one: the profile's.
PROFILE_PHONE = object()


def propose(uow, person: Person, association_id: str, message: str, phone: str | None | object = PROFILE_PHONE) -> dict:
    """The association receives the person's details and message, the person receives theirs; one association
    once per `SAME_ASSOCIATION_PERIOD` (409), and within the send limits (`SendRefused`). The number the person
    confirmed in the form is the one sent, and becomes their profile's."""
    if not person.company_id:
        # « Je propose » offers a company's skills: a referent or the platform's team has none to offer this way.
        abort(403, message="Seuls les collaborateurs d'une entreprise peuvent proposer leurs compétences à une association.")
    now = utcnow()
    association = association_for_proposal(uow.session, association_id)
    recent = uow.session.scalar(
        sa.select(Proposal.created_at).where(
            Proposal.person_id == person.id, Proposal.association_id == association.id,
            Proposal.created_at > now - SAME_ASSOCIATION_PERIOD,
        )
    )
    if recent is not None:
        abort(409, message=f"Tu as déjà contacté {association.name} le {recent.strftime('%d/%m/%Y')} : "
                           "laisse-lui le temps de te répondre, et n'hésite pas à la relancer par e-mail.")
    contact_email, contact_name = association_contact(uow.session, association)
    record_send(uow.session, person, domain.SendKind.PROPOSAL, now, [contact_email])
    proposal = Proposal(id=str(uuid.uuid4()), person_id=person.id, association_id=association.id,
                        message=message.strip(), created_at=now)
    uow.session.add(proposal)
    if phone is PROFILE_PHONE:
        phone = person.phone
    phone = (phone or "").strip() or None
    if phone and phone != person.phone:
        person.phone, person.updated_at = phone, now
    events.proposal_sent(uow, proposal.id, {
        "person_id": person.id, "person_name": f"{person.first_name} {person.last_name}", "person_email": person.email,
        "person_phone": phone, "company_name": company_name(uow.session, person), "association_id": association.id,
        "association_name": association.name, "association_email": contact_email,
        "association_contact_name": contact_name, "message": proposal.message,
    })
    audit(uow.session, "proposal_sent", person_id=person.id, association_id=association.id)
    return {"id": proposal.id, "association_id": association.id, "association_name": association.name,
            "association_email": contact_email, "created_at": now, "detail": PROPOSAL_SENT}


def normalized_recipients(addresses: list[str]) -> list[str]:
    return sorted({domain.normalize_email(address) for address in addresses})


def share(uow, person: Person, mission: MissionCopy, recipients: list[str], message: str | None) -> None:
    """The mission's page by e-mail, to the person or colleagues, within the send limits (`SendRefused`)."""
    record_send(uow.session, person, domain.SendKind.SHARE, utcnow(), recipients)
    events.mission_shared(uow, {
        "person_id": person.id, "sender_name": f"{person.first_name} {person.last_name}", "sender_email": person.email,
        "recipients": recipients, "message": (message or "").strip() or None,
        "mission_id": mission.id, "mission_title": mission.title, "mission_url": mission.url,
    })
    audit(uow.session, "mission_shared", person_id=person.id, mission_id=mission.id, recipients=len(recipients))
