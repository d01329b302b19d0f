"""Engagement's rules of the mission workflow (issue 5), free of Flask, SQLAlchemy and the bus: dates, who approves
them, attendance, applying, the bilan, the four steps."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from tandem_shared import french
from tandem_shared.french import long_date

from .accounts import WEEKLY_DAYS, DateRules, DomainError, company_address, format_days, normalize_email, same_mailbox

# == the mission workflow (issue 5): dates, allowance, attendance, bilan, steps =====================
# Every function below takes "today" as an argument: nothing here reads the clock.

FULL_DAY = "full_day"
HALF_DAY = "half_day"
DATE_FORMATS = (FULL_DAY, HALF_DAY)
FORMAT_DAYS = {FULL_DAY: Decimal("1"), HALF_DAY: Decimal("0.5")}
FORMAT_LABELS = {FULL_DAY: "journée", HALF_DAY: "1/2 journée"}
WEEKLY_END_OF_CAREER_DAYS = Decimal("1")

WEEKDAYS = french.WEEKDAYS
MONTHS = french.MONTHS


class ParticipationStatus(StrEnum):
    OPEN = "open"  # applied; dates, attendance and the bilan may follow
    WITHDRAWN = "withdrawn"  # the employee withdrew before the mission started
    CLOSED = "closed"  # the bilan is complete: that civil year's participation is over


class RequestStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    CANCELLED = "cancelled"


class DateState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    CANCELLED = "cancelled"


BOOKED_STATES = (DateState.PENDING.value, DateState.APPROVED.value)  # what counts against the allowance


def days_word(days: Decimal | float | int) -> str:
    """« 0.5 jour », « 1.5 jour », « 2 jours »: in French the plural starts at two."""
    value = Decimal(str(days))
    return f"{format_days(value)} jour{'s' if value >= 2 else ''}"


def month_heading(day: date) -> str:
    """« JANVIER 2026 », as the guide titles the dates of a mission."""
    return f"{MONTHS[day.month - 1].upper()} {day.year}"


def date_label(day: date, format: str) -> str:
    """« Lundi 26 (journée) », « Jeudi 22 (1/2 journée) »."""
    return f"{WEEKDAYS[day.weekday()].capitalize()} {french.day_of_month(day)} ({FORMAT_LABELS[format]})"


def group_by_month(items: list[dict]) -> list[dict]:
    """Items with a "date" (a `date`) and a "format", grouped under « JANVIER 2026 » in date order."""
    groups: list[dict] = []
    for item in sorted(items, key=lambda entry: entry["date"]):
        heading = month_heading(item["date"])
        if not groups or groups[-1]["month"] != heading:
            groups.append({"month": heading, "dates": []})
        groups[-1]["dates"].append({**item, "label": date_label(item["date"], item["format"])})
    return groups


_HOLIDAYS: dict[int, dict[date, str]] = {}


def french_holidays(year: int) -> dict[date, str]:
    """The French public holidays of a year, named in French (national calendar, not Alsace-Moselle's two extra days)."""
    if year not in _HOLIDAYS:
        import holidays

        _HOLIDAYS[year] = dict(holidays.France(years=year, language="fr").items())
    return _HOLIDAYS[year]


def holiday_name(day: date) -> str | None:
    return french_holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


@dataclass(frozen=True)
class DayRequest:
    """One date asked for: a day and its format (journée or 1/2 journée)."""

    day: date
    format: str

    @property
    def days(self) -> Decimal:
        return FORMAT_DAYS[self.format]


def booked_days(booked: list[DayRequest]) -> Decimal:
    return sum((entry.days for entry in booked), Decimal("0"))


def _week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def check_dates(
    requested: list[DayRequest],
    *,
    year: int,
    today: date,
    booked: list[DayRequest],
    rules: DateRules,
) -> dict[int, list[str]]:
    """Why each requested date cannot be asked for, by its position in the request; {} when all can.

    `booked` is everything of the person already pending or approved, on any participation. A date
    must be a working day (no weekend, no public holiday), not in the past, before a confirmed
    retirement, not already booked nor twice in the request, in the participation's civil year, and
    within its allowance, which each date takes from `rules`: the year's days (approved + pending + new
    days of the year before the end-of-career start), or, from that start, one day per ISO week. One
    request is all of one kind, so that the manager and impact read it under one allowance.
    """
    errors: dict[int, list[str]] = {}
    taken = {entry.day for entry in booked}
    seen: set[date] = set()
    fitting: list[tuple[int, DayRequest]] = []
    for index, entry in enumerate(requested):
        problems: list[str] = []
        when = long_date(entry.day)
        if entry.format not in FORMAT_DAYS:
            problems.append("Choisis le format de la date : journée ou 1/2 journée.")
        if entry.day.year != year:
            problems.append(
                f"1 convention = 1 année civile : le {when} n'est pas en {year}. "
                f"Pour poursuivre ta mission sur {entry.day.year}, complète ton bilan {year} puis postule de nouveau."
            )
        if entry.day < today:
            problems.append(f"Le {when} est déjà passé.")
        elif rules.retirement is not None and entry.day >= rules.retirement:
            problems.append(f"Tu pars à la retraite le {long_date(rules.retirement)} : le {when} n'est plus un jour de travail.")
        if entry.day.weekday() >= 5:
            problems.append(f"Le {when} tombe un week-end : choisis un jour ouvré.")
        else:
            holiday = holiday_name(entry.day)
            if holiday:
                problems.append(f"Le {when} est férié ({holiday}).")
        if entry.day in taken:
            problems.append(f"Tu as déjà demandé le {when}.")
        elif entry.day in seen:
            problems.append(f"Le {when} figure deux fois dans ta demande.")
        seen.add(entry.day)
        if problems:
            errors[index] = problems
        else:
            fitting.append((index, entry))

    weekly = [(index, entry) for index, entry in fitting if rules.weekly(entry.day)]
    annual = [(index, entry) for index, entry in fitting if not rules.weekly(entry.day)]
    if weekly and annual:
        start = long_date(rules.weekly_from)
        for index, entry in annual:
            errors.setdefault(index, []).append(
                f"Ton mécénat fin de carrière commence le {start} : demande le {long_date(entry.day)} à part, "
                f"sur ton allocation de l'année."
            )
        annual = []

    per_week: dict[date, Decimal] = {}
    for entry in booked:
        monday = _week_monday(entry.day)
        per_week[monday] = per_week.get(monday, Decimal("0")) + entry.days
    for index, entry in sorted(weekly, key=lambda pair: pair[1].day):
        monday = _week_monday(entry.day)
        used = per_week.get(monday, Decimal("0"))
        if used + entry.days > WEEKLY_DAYS:
            left = max(WEEKLY_DAYS - used, Decimal("0"))
            errors.setdefault(index, []).append(
                f"Mécénat fin de carrière : 1 jour par semaine au plus. La semaine du {long_date(monday)}, "
                f"il te reste {days_word(left)}."
            )
        else:
            per_week[monday] = used + entry.days

    if annual:
        already = booked_days([entry for entry in booked if entry.day.year == year and not rules.weekly(entry.day)])
        left = max(rules.annual_days - already, Decimal("0"))
        when = "cette année" if year == today.year else f"en {year}"
        running = already
        for index, entry in annual:
            if running + entry.days > rules.annual_days:
                errors.setdefault(index, []).append(
                    f"Le {long_date(entry.day)} dépasse ton allocation : il te reste {days_word(left)} sur {format_days(rules.annual_days)} {when}."
                )
            else:
                running += entry.days
    return dict(sorted(errors.items()))


def request_kind(has_approved_dates: bool, has_pending_request: bool) -> str:
    """« Je valide mes dates » makes the initial request; « Ajouter des dates » the additional ones.

    After a refusal or a cancellation with nothing else on the mission, the next request is the initial one again.
    """
    return "additional" if has_approved_dates or has_pending_request else "initial"


# -- who approves the dates ---------------------------------------------------------------------


class OtherManagerPolicy(StrEnum):
    """A company's answer when an employee sends a request to someone other than their recorded manager."""

    ALLOWED = "allowed"
    ALLOWED_NOTIFY_ADMIN = "allowed_notify_admin"
    REFUSED = "refused"


# The workflow keeps running for people whose manager is not recorded yet, and every exception reaches the admin.
DEFAULT_OTHER_MANAGER_POLICY = OtherManagerPolicy.ALLOWED_NOTIFY_ADMIN

OTHER_MANAGER_POLICY_LABELS = {
    OtherManagerPolicy.ALLOWED: "autorisé",
    OtherManagerPolicy.ALLOWED_NOTIFY_ADMIN: "autorisé, le responsable de l'engagement est prévenu",
    OtherManagerPolicy.REFUSED: "refusé : seul le manager enregistré valide",
}


def _domains_hint(company_domains: frozenset[str] | set[str]) -> str:
    names = sorted(company_domains)
    if not names:
        return "l'adresse professionnelle de ton manager"
    return "une adresse " + " ou ".join(f"@{name}" for name in names)


def check_recorded_manager(manager_email: str | None, *, person_email: str, company_domains: frozenset[str] | set[str]) -> str | None:
    """The manager a company admin (later SSO or SCIM) records for a person: an address of the company, not their own."""
    if not manager_email:
        return None
    manager = normalize_email(manager_email)
    if same_mailbox(manager, person_email, company_domains):
        raise DomainError("Une personne ne peut pas être son propre manager.", field="manager_email")
    if not company_address(manager, company_domains):
        raise DomainError(f"Le manager doit avoir une adresse de l'entreprise : {_domains_hint(company_domains)}.", field="manager_email")
    return manager


@dataclass(frozen=True)
class Approver:
    """Who a date request goes to, and whether it is the person's recorded manager."""

    email: str
    recorded: bool
    notify_admin: bool


def choose_approver(named: str | None, *, person_email: str, recorded_manager: str | None,
                    company_domains: frozenset[str] | set[str], policy: str) -> Approver:
    """The approval is the control the workflow rests on, so the approver must be someone the company recognises:
    by default the recorded manager; anyone else only at an address of the company, and as the company's policy says.

    Raises `DomainError` on `manager_email` with the French reason.
    """
    recorded = normalize_email(recorded_manager) if recorded_manager else None
    email = normalize_email(named) if named else recorded
    policy = OtherManagerPolicy(policy)
    if not email:
        if policy == OtherManagerPolicy.REFUSED:
            raise DomainError("Ton manager n'est pas encore enregistré : demande au responsable de l'engagement de ton entreprise de l'indiquer "
                              "dans Tandem, puis envoie ta demande.", field="manager_email")
        raise DomainError("Renseigne l'adresse e-mail de ton manager.", field="manager_email")
    if same_mailbox(email, person_email, company_domains):
        # Not only the very address: a sub-address (« camille+chef@ ») or another of the company's domains reaches
        # the same mailbox, and its link would let the person accept their own dates.
        raise DomainError("Indique l'adresse de ton manager, pas la tienne.", field="manager_email")
    if not company_address(email, company_domains):
        raise DomainError(f"Indique l'adresse professionnelle de ton manager : {_domains_hint(company_domains)}.", field="manager_email")
    if email == recorded:
        return Approver(email=email, recorded=True, notify_admin=False)
    if policy == OtherManagerPolicy.REFUSED:
        raise DomainError(f"Ton entreprise demande que tes dates soient validées par ton manager enregistré ({recorded}) : "
                          "pour en changer, adresse-toi au responsable de l'engagement de ton entreprise." if recorded else
                          "Ton manager n'est pas encore enregistré : demande au responsable de l'engagement de ton entreprise de l'indiquer "
                          "dans Tandem, puis envoie ta demande.", field="manager_email")
    return Approver(email=email, recorded=False, notify_admin=policy == OtherManagerPolicy.ALLOWED_NOTIFY_ADMIN)


# -- attendance ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendedDay:
    """An approved date of a participation and what the association attested (None: not yet)."""

    day: date
    format: str
    present: bool | None


def attendance_complete(approved: list[AttendedDay], pending_requests: int, today: date) -> bool:
    """Step 4 unlocks when every approved date is past and attested, and no request awaits the manager."""
    if not approved or pending_requests:
        return False
    return all(entry.present is not None for entry in approved) and max(entry.day for entry in approved) <= today


def days_present(approved: list[AttendedDay]) -> Decimal:
    return sum((FORMAT_DAYS[entry.format] for entry in approved if entry.present), Decimal("0"))


def check_attendance(items: list[tuple[date, bool]], approved: set[date], today: date, *, signed: set[date],
                     first_name: str) -> dict[int, list[str]]:
    """Only approved dates of the participation, once the day has come (a day is attested from its evening on), and
    only dates a signed version of the convention covers (`signed`): the convention is signed before the mission days
    it adds, so a day no signed version covers is not a mission day yet, present or absent."""
    errors: dict[int, list[str]] = {}
    seen: set[date] = set()
    for index, (day, _present) in enumerate(items):
        when = long_date(day)
        if day not in approved:
            errors[index] = [f"Le {when} n'est pas une date validée de cette mission."]
        elif day > today:
            errors[index] = [f"Le {when} n'est pas encore passé : la présence s'atteste à partir du jour même."]
        elif day not in signed:
            errors[index] = [f"La convention couvrant le {when} n'est pas encore signée : {first_name} doit la signer "
                             "avant que tu puisses attester sa présence."]
        elif day in seen:
            errors[index] = [f"Le {when} figure deux fois."]
        seen.add(day)
    return errors


def can_withdraw(approved_days: list[date], today: date) -> bool:
    """Withdrawing is possible until the first approved date has come."""
    return all(day > today for day in approved_days)


# -- applying -----------------------------------------------------------------------------------


def application_years(today: date) -> tuple[int, int]:
    """One may apply for the current civil year or the next one (a mission agreed for January, in December)."""
    return today.year, today.year + 1


def application_template(first_name: str, last_name: str, company_name: str, entity_name: str | None, association_name: str) -> str:
    """The guide's pre-filled message to the association (« Bonjour, Je suis … de mécénat … Pourriez-vous … modalités ? »)."""
    where = f"{company_name} ({entity_name})" if entity_name else company_name
    return (
        "Bonjour,\n"
        f"Je suis {first_name} {last_name}, collaborateur·rice de l'entreprise {where}, et je souhaite participer à votre mission "
        f"dans le cadre de notre programme de mécénat de compétences auprès de l'association {association_name}.\n"
        "Pourriez-vous me recontacter afin que nous convenions ensemble des modalités ?\n"
        "Très cordialement,\n"
        f"{first_name} {last_name}"
    )


def date_request_template(association_name: str) -> str:
    """The guide's pre-filled message to the manager (step 2)."""
    return (
        "Bonjour,\n"
        f"Dans le cadre de notre programme de mécénat de compétences, je souhaite réaliser une mission auprès de l'association {association_name}.\n"
        "Pouvez-vous me valider ma(es) date(s) de mission suivante(s) ?"
    )


# -- the bilan ----------------------------------------------------------------------------------

QUALITY_CHOICES = ("Très bonne", "Bonne", "Moyenne", "Mauvaise")
YES_NO = ("Oui", "Non")
AGAIN_CHOICES = ("Oui", "Peut-être", "Non")

BILAN_QUESTIONS: tuple[dict, ...] = (
    {"key": "relevance", "type": "choice", "required": True, "choices": list(QUALITY_CHOICES),
     "label": "Que penses-tu de la pertinence des missions de mécénat de compétences qui te sont proposées sur la plateforme ?"},
    {"key": "welcome", "type": "choice", "required": True, "choices": list(QUALITY_CHOICES),
     "label": "As-tu bénéficié d'un bon accueil et d'une bonne intégration dans la structure et ses équipes ?"},
    {"key": "welcome_reasons", "type": "text", "required": False, "choices": [],
     "label": "Peux-tu en expliquer les raisons ?"},
    {"key": "expertise_match", "type": "choice", "required": True, "choices": list(YES_NO),
     "label": "Penses-tu que la nature de la mission a correspondu complètement à tes expertises professionnelles ou personnelles ?"},
    {"key": "expertise_gap", "type": "text", "required": False, "choices": [], "required_if": {"expertise_match": "Non"},
     "label": "Si tu as répondu NON, peux-tu expliquer pourquoi ?"},
    {"key": "advice_to_colleague", "type": "text", "required": True, "choices": [],
     "label": "Que dirais-tu à un collègue qui hésite ?"},
    {"key": "would_do_again", "type": "choice", "required": True, "choices": list(AGAIN_CHOICES),
     "label": "Referais-tu une mission de mécénat de compétences ?"},
)
BILAN_TEXT_MAX = 5000


def check_bilan(answers: dict) -> tuple[dict, dict[str, list[str]]]:
    """The answers kept (trimmed; free text that does not apply dropped) and the errors by question."""
    errors: dict[str, list[str]] = {}
    clean: dict[str, str | None] = {}
    for question in BILAN_QUESTIONS:
        key = question["key"]
        value = answers.get(key)
        value = value.strip() if isinstance(value, str) else None
        value = value or None
        # Questions come in order, so the answer a "required_if" depends on is already cleaned.
        required = question["required"] or any(clean.get(k) == v for k, v in question.get("required_if", {}).items())
        if value is None:
            if required:
                errors[key] = ["Choisis une réponse." if question["type"] == "choice" else "Réponds à cette question."]
            clean[key] = None
            continue
        if question["type"] == "choice" and value not in question["choices"]:
            errors[key] = [f"Réponse attendue parmi : {', '.join(question['choices'])}."]
        elif len(value) > BILAN_TEXT_MAX:
            errors[key] = ["Au plus 5 000 caractères."]
        clean[key] = value
    if clean.get("expertise_match") == "Oui":
        clean["expertise_gap"] = None
    return clean, errors


# -- the four steps -----------------------------------------------------------------------------

STEP_LABELS = ("JE POSTULE À LA MISSION", "JE VALIDE MES DATES", "JE SIGNE MA CONVENTION", "JE COMPLÈTE MON BILAN")

CONVENTION_TODO = "todo"  # no convention issued yet
CONVENTION_TO_SIGN = "to_sign"  # the latest version issued waits for the employee's signature
CONVENTION_DONE = "done"  # the latest version issued is signed


def convention_step_state(issued_version: int | None, signed_version: int | None) -> str:
    """Step 3: todo before any convention, to_sign while the latest version is unsigned, done once it is signed."""
    if issued_version is None:
        return CONVENTION_TODO
    if signed_version is None or signed_version < issued_version:
        return CONVENTION_TO_SIGN
    return CONVENTION_DONE


def convention_hint(state: str, *, has_approved: bool, updated: bool) -> str | None:
    """What step 3 says: the convention is being made, or must be signed (again, after new dates)."""
    if state == CONVENTION_TO_SIGN:
        if updated:
            return "Ta convention a été mise à jour avec tes nouvelles dates : signe-la avant les jours de mission qu'elle ajoute."
        return ("Signe ta convention avant le début de ta mission : elle est obligatoire pour partir en mission, "
                "c'est un véritable avenant à ton contrat de travail.")
    if state == CONVENTION_TODO and has_approved:
        return "Tes dates sont validées : ta convention est en préparation, tu recevras un e-mail pour la signer en ligne."
    return None


DATE_STATE_LABELS = {
    DateState.PENDING.value: "en attente de validation",
    DateState.APPROVED.value: "validée",
    DateState.REFUSED.value: "refusée",
    DateState.CANCELLED.value: "annulée",
}
TOO_LATE_LABEL = "passée sans validation"
CONVENTION_TO_SIGN_LABEL = "convention à signer"
CONVENTION_IN_PREPARATION_LABEL = "validée, convention en préparation"


def date_state_label(state: str, *, convention_signed: bool, in_latest_convention: bool, too_late: bool = False) -> str:
    """A date's state in words. An approved date reads « validée » once a signed version covers it, « convention à
    signer » when only the unsigned latest version covers it (it must be signed before that day), and « validée,
    convention en préparation » until a version covers it. A pending date that has passed (`too_late`) reads « passée
    sans validation »: nobody can accept it any more."""
    if too_late:
        return TOO_LATE_LABEL
    if state != DateState.APPROVED.value or convention_signed:
        return DATE_STATE_LABELS.get(state, state)
    return CONVENTION_TO_SIGN_LABEL if in_latest_convention else CONVENTION_IN_PREPARATION_LABEL


MANAGER_LOST_ACCESS_HINT = "Ton manager n'a plus accès à Tandem : annule ta demande, puis envoie tes dates à ton manager actuel."
DATE_PASSED_HINT = ("Une des dates demandées est passée sans réponse : ton manager ne peut plus accepter ta demande. "
                    "Annule-la, puis demande d'autres dates.")


def steps(*, has_approved: bool, has_pending: bool, convention_state: str, attendance_complete: bool, bilan_done: bool,
          convention_updated: bool = False, pending_unreachable: bool = False, pending_too_late: bool = False) -> list[dict]:
    """Each step's state: done, in_progress (waiting for someone else), todo, to_sign (step 3: a version of the
    convention waits for the employee's signature), or locked (with why). `pending_unreachable`: every pending request
    went to someone who lost access since; `pending_too_late`: every pending request has a date that has passed, which
    approval no longer accepts. Either way nobody can accept it and the employee has to act (« À faire »)."""
    # Dates added later and waiting for the manager put step 2 back « En attente »: « Fait » beside « Ta demande attend
    # la validation de ton manager » said two things.
    stuck = has_pending and (pending_unreachable or pending_too_late)
    dates_state = "todo" if stuck else "in_progress" if has_pending else "done" if has_approved else "todo"
    if stuck:
        dates_hint = MANAGER_LOST_ACCESS_HINT if pending_unreachable else DATE_PASSED_HINT
    else:
        dates_hint = "Ta demande attend la validation de ton manager." if has_pending else None
    if bilan_done:
        bilan_state, bilan_hint = "done", None
    elif attendance_complete:
        bilan_state, bilan_hint = "todo", None
    else:
        bilan_state = "locked"
        bilan_hint = ("Une fois que l'association aura attesté ta présence à tous tes jours de mission, tu pourras remplir ton bilan."
                      " N'hésite pas à la relancer.")
    # Only the step the person is at reads « À faire »: before any approved date there is no convention to
    # expect (locked, with why); once dates are approved it is being made by documents (in progress).
    convention_hint_text = None if bilan_done else convention_hint(convention_state, has_approved=has_approved, updated=convention_updated)
    if convention_state == CONVENTION_TODO and not bilan_done:
        if has_approved:
            convention_state = "in_progress"
        else:
            convention_state = "locked"
            convention_hint_text = "Une fois tes dates validées par ton manager, ta convention est préparée : tu la signeras ici."
    return [
        {"number": 1, "label": STEP_LABELS[0], "state": "done", "hint": None},
        {"number": 2, "label": STEP_LABELS[1], "state": dates_state, "hint": dates_hint},
        {"number": 3, "label": STEP_LABELS[2], "state": convention_state, "hint": convention_hint_text},
        {"number": 4, "label": STEP_LABELS[3], "state": bilan_state, "hint": bilan_hint},
    ]


def iso_period(moment: date) -> str:
    """« 2027-W04 »: the ISO week a reminder belongs to (one reminder per week and kind)."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"
