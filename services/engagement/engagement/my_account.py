""""Mon compte" use cases: the profile, preferences, favourites, the dashboard, and the person's own data (export,
deletion)."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import sqlalchemy as sa

from tandem_shared.timeutil import utcnow

from . import clock, domain, events, identity
from . import participations as ledger
from .access import audit, entity_name, mission_viewer, person_view
from .errors import field_error
from .models import AuditEntry, Entity, Favorite, MissionCopy, OneTimeToken, Participation, Person, Preferences, Session
from .schemas.accounts import PersonSchema, PreferencesSchema
from .sessions import revoke_everywhere

NO_PREFERENCES = {"professional_expertises": [], "personal_expertises": [], "themes": [], "alerts_opt_in": False, "quiz_opt_in": False}


def update_profile(uow, person: Person, payload: dict) -> None:
    """Name, entity, phone, retirement date; the manager is recorded by the company admin, not by the person."""
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
        field_error("manager_email", "Ton manager est enregistré par le responsable de l'engagement de ton entreprise : "
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


def delete_account(uow, person: Person, password: str) -> None:
    """The data are anonymised; what the law requires to keep (signed conventions) is kept."""
    if not identity.verify_password(person.password_hash, password):
        field_error("password", "Mot de passe incorrect.", status=403)
    erase_account(uow, person, actor_id=person.id)


def erase_account(uow, person: Person, actor_id: str | None, **audit_details) -> None:
    """Anonymise the person and refuse their tokens everywhere; their participations, conventions and the days they
    gave stay (the company's history, and what the law requires to keep). The person's own deletion, or the HR
    directory's (SCIM DELETE)."""
    revoke_everywhere(uow, person)
    now = utcnow()
    for model in (Preferences, Favorite, OneTimeToken, Session):
        uow.session.execute(sa.delete(model).where(model.person_id == person.id))
    address = person.email
    person.email = f"supprime-{person.id}@invalid.tandem"
    person.first_name = "Compte"
    person.last_name = "supprimé"
    person.phone = None
    person.manager_email = None
    person.password_hash = None
    person.retirement_date = None
    person.scim_external_id = None
    person.status = domain.PersonStatus.DELETED
    person.updated_at = now
    events.person_disabled(uow, person.id, address, now)
    # The address is free for someone else from now on: they must not inherit this person's team view.
    ledger.withdraw_requests_sent_to(uow, domain.normalize_email(address), now)
    # The entity stays (the company's history): its name goes with it, or impact would file the days under « Sans entité ».
    events.person_updated(uow, person, entity_name(uow.session, person), now)
    audit(uow.session, "account_deleted", person_id=person.id, actor_id=actor_id, **audit_details)


def checked_preferences(payload: dict) -> dict:
    """The three lists, each checked against its vocabulary (422 on the list at fault)."""
    try:
        return {
            "professional_expertises": domain.check_choices(payload["professional_expertises"], domain.PROFESSIONAL_EXPERTISES, "professional_expertises"),
            "personal_expertises": domain.check_choices(payload["personal_expertises"], domain.PERSONAL_EXPERTISES, "personal_expertises"),
            "themes": domain.check_choices(payload["themes"], domain.THEMES, "themes"),
        }
    except domain.DomainError as exc:
        field_error(exc.field, str(exc))


def save_preferences(uow, person: Person, selection: dict, payload: dict) -> Preferences:
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


def favorite_view(favorite: Favorite, mission: MissionCopy) -> dict:
    return {"mission_id": mission.id, "title": mission.title, "association_name": mission.association_name,
            "url": mission.url, "added_at": favorite.created_at}


def favorites_of(session, person: Person) -> list[dict]:
    """The latest first. A favourite stays saved, but is listed only while its mission is one the person may see
    (catalog's rule): reserved since for other companies, it drops out; reopened to theirs, it comes back."""
    rows = session.execute(
        sa.select(Favorite, MissionCopy)
        .join(MissionCopy, MissionCopy.id == Favorite.mission_id)
        .where(Favorite.person_id == person.id)
        .order_by(Favorite.created_at.desc())
    ).all()
    viewer = mission_viewer(person)
    return [favorite_view(favorite, mission) for favorite, mission in rows if domain.mission_visible_to(mission, viewer)]


def add_favorite(session, person: Person, mission: MissionCopy) -> Favorite:
    """No effect when it is already there."""
    favorite = session.get(Favorite, (person.id, mission.id))
    if favorite is None:
        favorite = Favorite(person_id=person.id, mission_id=mission.id, created_at=utcnow())
        session.add(favorite)
    return favorite


def dashboard(session, person: Person, today: date) -> dict:
    """« Bonjour », the days used this civil year (approved dates that have come), the days planned (approved, to
    come), those waiting for the manager, what is left of the allowance, and the TO DO LIST."""
    rules = ledger.date_rules_of(session, person)
    allowance = domain.allowance_for(rules.annual_days, rules.weekly(today))
    # The twelve months before a confirmed retirement have not begun: say from when one day a week applies.
    weekly_from = rules.weekly_from if rules.weekly_from and rules.weekly_from > today else None
    preferences_set = session.get(Preferences, person.id) is not None
    approved, pending = (domain.DateState.APPROVED.value,), (domain.DateState.PENDING.value,)
    days_used = ledger.days_done(session, person.id, today.year, today)
    # The year's days are those before the weekly months (all of them when there are none to come): the days within
    # them do not use it, and are counted apart.
    days_planned = ledger.days_in_year(session, person.id, today.year, approved, after=today, before=weekly_from)
    days_pending = ledger.days_in_year(session, person.id, today.year, pending, before=weekly_from)
    remaining = max(allowance.days - days_used - days_planned - days_pending, Decimal("0"))
    days_end_of_career = ledger.days_in_year(session, person.id, today.year, approved + pending,
                                             after=weekly_from - timedelta(days=1)) if weekly_from else Decimal("0")
    label = allowance.label
    if weekly_from:
        label += f", puis 1 jour par semaine à partir du {domain.long_date(weekly_from)} (mécénat fin de carrière)"
    return {
        "first_name": person.first_name,
        "year": today.year,
        "days_used": float(days_used),
        "days_used_label": f"Tu as déjà utilisé {domain.days_word(days_used)} de mission.",
        "allowance": {"kind": allowance.kind, "days": float(allowance.days), "label": label, "weekly_from": weekly_from},
        "days_remaining": float(remaining) if allowance.kind == "annual" else None,
        "days_planned": float(days_planned),
        "days_planned_label": f"{domain.days_word(days_planned).capitalize()} à venir, validé{'s' if days_planned >= 2 else ''} par ton manager."
        if days_planned else None,
        "days_pending": float(days_pending),
        "days_end_of_career": float(days_end_of_career),
        "todo": {
            "finalise_registration": domain.finalise_registration_count(person.email_verified_at is not None, preferences_set),
            "validate_team_dates": ledger.team_requests_to_validate(session, person.email),
            "complete_bilan": ledger.bilans_to_complete(session, person.id),
            "conventions_to_sign": ledger.conventions_to_sign(session, person.id),
        },
    }


def _participation_export(p: Participation) -> dict:
    return {"id": p.id, "mission_id": p.mission_id, "year": p.year, "status": p.status, "message": p.message, "phone": p.phone,
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


def export_data(uow, person: Person) -> dict:
    """Everything engagement keeps about the person (right of access and portability), profile and preferences as the
    API shows them; the export is audited."""
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
        "participations": [_participation_export(p) for p in
                           uow.session.scalars(sa.select(Participation).where(Participation.person_id == person.id))],
    }
    audit(uow.session, "data_exported", person_id=person.id, actor_id=person.id)
    return export
