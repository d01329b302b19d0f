"""Engagement rules, free of Flask, SQLAlchemy and the bus: passwords, allowances, preferences, throttling."""
from __future__ import annotations

import math
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from zxcvbn import matching as zxcvbn_matching, zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from tandem_shared import french


class DomainError(Exception):
    """A rule refused the action; the message is shown to the user as is (French)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


# -- roles ------------------------------------------------------------------------------------


class Role(StrEnum):
    EMPLOYEE = "employee"
    ASSOCIATION_REFERENT = "association_referent"
    COMPANY_ADMIN = "company_admin"
    PLATFORM_OPERATOR = "platform_operator"


class PersonStatus(StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    DISABLED = "disabled"
    DELETED = "deleted"


# -- who sees a mission ---------------------------------------------------------------------------


class MissionStatus(StrEnum):
    """A mission's state as catalog's events carry it (engagement only ever learns published or closed ones)."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class MissionAudience(Protocol):
    """What the visibility rule reads of a mission (engagement's `MissionCopy` has it)."""

    status: str
    association_id: str | None
    open_to_all_companies: bool
    company_ids: list[str]


@dataclass(frozen=True)
class MissionViewer:
    """Whoever looks at a mission: their company, and whether they run its association (or the platform)."""

    company_id: str | None
    is_operator: bool = False
    association_ids: frozenset[str] = frozenset()

    def manages(self, association_id: str | None) -> bool:
        return self.is_operator or (association_id is not None and association_id in self.association_ids)


def mission_visible_to(mission: MissionAudience, viewer: MissionViewer) -> bool:
    """Catalog's rule (`catalog.domain.visible_to`) on engagement's copy, so engagement never tells more than catalog.

    Employees see published missions open to every company or reserved for theirs; the association's referents
    and platform operators see all of its missions. Anyone else gets the same answer as for an unknown mission.
    """
    if viewer.manages(mission.association_id):
        return True
    if mission.status != MissionStatus.PUBLISHED:
        return False
    return mission.open_to_all_companies or (viewer.company_id is not None and viewer.company_id in set(mission.company_ids or ()))


def mission_offered_to(mission: MissionAudience, viewer: MissionViewer) -> bool:
    """What one may act on (apply, favourite, share): a mission they may see that is still online."""
    return mission.status == MissionStatus.PUBLISHED and mission_visible_to(mission, viewer)


# -- passwords ----------------------------------------------------------------------------------

PASSWORD_MIN_LENGTH = 12
PASSWORD_MAX_LENGTH = 128
PASSWORD_RULE = "Entre 12 et 128 caractères, tous les caractères imprimables autorisés. Évitez les mots courants et informations personnelles."

# The 30,000 most common passwords (zxcvbn's list, from real leaks), plus French habits it misses.
_FRENCH_COMMON = {
    "motdepasse", "motdepasse1", "motdepasse123", "motdepasse1234", "motdepasse12345", "motdepasse123456",
    "azertyuiop", "azertyuiop1", "azertyuiop12", "azertyuiop123", "azertyuiop1234", "azerty123456",
    "azertyazerty", "bonjour123456", "soleil123456", "jetaime123456", "marseille1234", "doudou123456",
    "chocolat1234", "loulou123456", "nicolas12345", "camille12345", "123456azerty", "azerty123456789",
    "0123456789ab", "motdepassemotdepasse", "bienvenue123", "bienvenue1234", "bienvenue2026", "tandem123456",
}
COMMON_PASSWORDS = frozenset(FREQUENCY_LISTS["passwords"]) | _FRENCH_COMMON

# NIST SP 800-63B §5.1.1.2 also asks to refuse repetitive or sequential characters and context-specific words:
# zxcvbn's estimate sees those (repeats, sequences, keyboard walks, dates, dictionary words), the word list alone
# does not. Score 3 means at least 10^8 guesses, zxcvbn's "safely unguessable" against an offline attack on a
# slow hash such as our argon2id.
PASSWORD_MIN_STRENGTH = 3
# zxcvbn's time grows fast with length (leet substitutions): it estimates the first characters only, which
# already show a repeated or sequential password; a strong start stays strong whatever follows.
PASSWORD_ESTIMATED_CHARACTERS = 32
# Words an attacker tries first on this platform, weighed like common passwords (French ones zxcvbn lacks,
# the rows of the AZERTY keyboard, whose walks zxcvbn's QWERTY graphs miss, the platform's own names).
zxcvbn_matching.add_frequency_lists({"tandem_context": [
    "tandem", "koeo", "mecenat", "mécénat", "competences", "compétences", "benevolat", "bénévolat", "solidaire",
    "motdepasse", "azertyuiop", "qsdfghjklm", "wxcvbn", "bonjour", "bienvenue", "soleil", "jetaime", "doudou", "loulou", "chocolat",
    *sorted(_FRENCH_COMMON),
]})
# zxcvbn keeps the caller's personal words in a module-level dictionary while it runs: one estimate at a time.
_estimate_lock = threading.Lock()

_WEAK_PATTERN_REASONS = {
    "repeat": "il répète les mêmes caractères (comme « aaaa » ou « 1212 »)",
    "sequence": "il suit une suite (comme « 1234 » ou « abcd »)",
    "spatial": "il suit les touches du clavier (comme « azerty »)",
    "date": "il repose sur une date",
    "regex": "il repose sur une date",
    "dictionary": "il repose sur un mot ou un mot de passe courant",
}


def _weak_password_message(sequence: list[dict]) -> str:
    """The guide's advice, with the weakness zxcvbn found in the largest guessable part of the password."""
    found = [match for match in sequence if match["pattern"] in _WEAK_PATTERN_REASONS]
    if not found:
        reason = "il est trop court pour ce qu'il contient"
    else:
        largest = max(found, key=lambda match: len(match["token"]))
        reason = ("il reprend ton nom ou ton adresse e-mail" if largest.get("dictionary_name") == "user_inputs"
                  else _WEAK_PATTERN_REASONS[largest["pattern"]])
    return (f"Ce mot de passe est trop facile à deviner : {reason}. Évite les mots courants et les informations "
            "personnelles, les suites et les répétitions ; une phrase de quelques mots que toi seul connais est plus sûre.")


def _is_printable(character: str) -> bool:
    # Spaces and emoji are welcome (the zero-width joiner holds emoji sequences together);
    # control and format characters, unassigned code points, line separators are not.
    if character == "\u200d":
        return True
    category = unicodedata.category(character)
    return not category.startswith("C") and category not in ("Zl", "Zp")


def check_password(password: str, personal: tuple[str, ...] = ()) -> None:
    """Length 12–128 (in characters), printable, not a common password, not just the person's name or e-mail,
    and hard enough to guess by zxcvbn's estimate (no repeats, sequences, keyboard walks, dates, personal words)."""
    normalized = unicodedata.normalize("NFC", password)
    if len(normalized) < PASSWORD_MIN_LENGTH:
        raise DomainError("Ton mot de passe doit contenir au moins 12 caractères.", field="password")
    if len(normalized) > PASSWORD_MAX_LENGTH:
        raise DomainError("Ton mot de passe doit contenir au plus 128 caractères.", field="password")
    if not all(_is_printable(c) for c in normalized):
        raise DomainError("Ton mot de passe contient un caractère non imprimable.", field="password")
    folded = normalized.casefold()
    if folded in COMMON_PASSWORDS or folded.strip() in COMMON_PASSWORDS:
        raise DomainError("Ce mot de passe est trop courant : choisis-en un autre, par exemple une phrase que toi seul connais.", field="password")
    for value in personal:
        value = (value or "").casefold().strip()
        if len(value) >= 4 and folded.replace(" ", "") in (value.replace(" ", ""), value.split("@")[0]):
            raise DomainError("Ton mot de passe ne doit pas reprendre ton nom ou ton adresse e-mail.", field="password")
    personal_words = [word for value in personal if value
                      for word in (value, "".join(filter(str.isalnum, value.split("@")[0])), *value.replace("@", " ").replace(".", " ").split())]
    with _estimate_lock:
        estimate = zxcvbn(normalized[:PASSWORD_ESTIMATED_CHARACTERS], user_inputs=personal_words)
    if estimate["score"] < PASSWORD_MIN_STRENGTH:
        raise DomainError(_weak_password_message(estimate["sequence"]), field="password")


def normalize_password(password: str) -> str:
    """The form that is hashed, so the same password typed on two keyboards matches."""
    return unicodedata.normalize("NFC", password)


# -- e-mail addresses and companies -------------------------------------------------------------


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_domain(email: str) -> str:
    return normalize_email(email).rsplit("@", 1)[-1]


def company_address(email: str, company_domains: frozenset[str] | set[str]) -> bool:
    """An address of one of the company's own e-mail domains (exactly: no sub-domain, no look-alike)."""
    return "@" in email and email_domain(email) in company_domains


# -- the allowance ------------------------------------------------------------------------------

DEFAULT_DAYS_PER_YEAR = Decimal("2")
END_OF_CAREER_WINDOW = timedelta(days=365)


@dataclass(frozen=True)
class Allowance:
    """What a person may give: so many days a civil year, or one day a week at the end of a career."""

    kind: str  # "annual" or "weekly"
    days: Decimal  # per civil year, or per week

    @property
    def label(self) -> str:
        if self.kind == "weekly":
            return "1 jour par semaine (mécénat fin de carrière)"
        return f"{format_days(self.days)} jour{'s' if self.days > 1 else ''} par an"


def in_end_of_career(retirement_date: date | None, confirmed: bool, policy_enabled: bool, today: date) -> bool:
    """Within the twelve months before a retirement date a company admin confirmed, where the company allows it."""
    if not (policy_enabled and confirmed and retirement_date):
        return False
    return today <= retirement_date <= today + END_OF_CAREER_WINDOW


def allowance_for(days_per_year: Decimal, end_of_career: bool) -> Allowance:
    if end_of_career:
        return Allowance(kind="weekly", days=Decimal("1"))
    return Allowance(kind="annual", days=Decimal(days_per_year))


def format_days(days: Decimal) -> str:
    """7.5 rather than 7.50 or 7,5000: the dashboard says "Tu as déjà utilisé 7.5 jours"."""
    normalized = Decimal(days).normalize()
    return format(normalized, "f")


# -- preferences: the guide's lists, word for word ---------------------------------------------

PROFESSIONAL_EXPERTISES = (
    "Administratif / Bureautique",
    "Audit / Conseil / MOA",
    "Développement / Commercial",
    "Divers IT (Data, TMA,...)",
    "Informatique / Web",
    "Intégration / Développement",
    "Marketing / Communication",
)
PERSONAL_EXPERTISES = (
    "Aide aux CV / Entretien RH",
    "Atelier cuisine",
    "Activité manuelle / culturelle",
    "Activités autres",
    "Initiation informatique",
    "Jardinage",
    "Mentorat",
    "Soutien scolaire",
    "Atelier santé",
    "Accompagnement bénéficiaires",
    "Tri / Distribution alimentaire",
)
THEMES = (
    "arts / culture",
    "éducation / formation",
    "enfance / famille",
    "environnement",
    "santé / handicap",
    "emploi / insertion",
    "droit / égalité",
    "humanitaire international",
    "sciences / recherche",
    "senior / isolement",
    "social / précarité",
    "sports / loisirs",
)


def check_choices(values: list[str], allowed: tuple[str, ...], field: str) -> list[str]:
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise DomainError(f"Choix inconnu : {', '.join(unknown)}.", field=field)
    # Keep the guide's order and drop repeats, so equal selections compare equal.
    return [value for value in allowed if value in set(values)]


# -- throttling failed log-ins ------------------------------------------------------------------

LOGIN_WINDOW = timedelta(hours=1)
MAX_FAILURES_PER_ADDRESS = 100  # one IP address, whatever the accounts tried
MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 10  # one account from one address; the real user elsewhere is not blocked


def login_throttled(failures_from_address: int, failures_for_account_from_address: int) -> bool:
    return failures_from_address >= MAX_FAILURES_PER_ADDRESS or failures_for_account_from_address >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS


# -- refresh tokens -------------------------------------------------------------------------------
#
# Each renewal replaces the refresh token with a successor of the same family (one family per log-in). A token
# already replaced that comes back means two parties hold it, the person and a thief, and we cannot tell which is
# which: the whole family dies, successor included (RFC 6819 §5.2.2.3, OAuth 2.0 Security BCP §4.14.2).
# Two tabs of one browser may renew with the same cookie at the same moment, though: the second then presents a
# token the first has just replaced. For that race only, a replaced token still gets an access token (never a new
# refresh token: the browser already holds the successor) during a short grace period.
REFRESH_REUSE_GRACE = timedelta(seconds=10)


class RefreshVerdict(StrEnum):
    RENEW = "renew"  # the family's current token: replace it
    GRACE = "grace"  # just replaced, by a concurrent renewal: an access token only
    REUSED = "reused"  # replaced earlier and presented again: revoke the family
    REFUSED = "refused"  # unknown, expired, revoked, or its person can no longer sign in


def judge_refresh_token(*, known: bool, revoked: bool, expired: bool, person_active: bool,
                        rotated_at: datetime | None, now: datetime) -> RefreshVerdict:
    if not known or revoked or expired or not person_active:
        return RefreshVerdict.REFUSED
    if rotated_at is None:
        return RefreshVerdict.RENEW
    return RefreshVerdict.GRACE if now - rotated_at <= REFRESH_REUSE_GRACE else RefreshVerdict.REUSED


# -- e-mails a person has Tandem send (sharing a mission, « Je propose ») ------------------------
#
# Tandem's address and reputation carry these e-mails, and the sender chooses the recipients or writes the text:
# without limits that is a relay for spam or phishing. A person may share with their colleagues (addresses of
# their company's domains) as much as the rate limit allows, with at most a few outside addresses a day.


class SendKind(StrEnum):
    SHARE = "share"
    PROPOSAL = "proposal"
    # Sent to the account's own address, at anyone's request (see below): counted per address, limits in Settings.
    EMAIL_VERIFICATION = "email_verification"
    PASSWORD_RESET = "password_reset"


@dataclass(frozen=True)
class SendQuota:
    """How many e-mails of a kind one person may have sent in the last hour and the last 24 hours."""

    per_hour: int
    per_day: int


SEND_HOUR = timedelta(hours=1)
SEND_DAY = timedelta(days=1)
SEND_QUOTAS = {
    # Each share reaches 10 addresses at most: 20 shares a day is 200 e-mails at most, colleagues included.
    SendKind.SHARE: SendQuota(per_hour=10, per_day=20),
    # The guide asks to contact one association at a time: a few a day is already a lot.
    SendKind.PROPOSAL: SendQuota(per_hour=3, per_day=10),
}


def send_retry_after(sent_at: list[datetime], quota: SendQuota, now: datetime) -> int | None:
    """Seconds until one more e-mail fits in both windows (`sent_at`: the person's sends of that kind in the last
    24 hours); None when it fits now."""
    wait = timedelta(0)
    for window, limit in ((SEND_HOUR, quota.per_hour), (SEND_DAY, quota.per_day)):
        inside = sorted(at for at in sent_at if at > now - window)
        if len(inside) >= limit:
            # One more fits once this send has left the window.
            wait = max(wait, inside[len(inside) - limit] + window - now)
    if wait <= timedelta(0):
        return None
    return math.ceil(wait.total_seconds())


def waiting_label(seconds: int) -> str:
    """« 1 minute », « 12 minutes », « 3 heures »: rounded up, as the wait of a 429 reads in French."""
    minutes = max(1, -(-seconds // 60))
    if minutes < 90:
        return f"{minutes} minute{'s' if minutes > 1 else ''}"
    hours = -(-minutes // 60)
    return f"{hours} heures"


def outside_recipients(recipients: list[str], *, company_domains: frozenset[str] | set[str], own_email: str) -> list[str]:
    """The recipients who are neither the sender nor colleagues (an address of one of the company's domains)."""
    own = normalize_email(own_email)
    return [address for address in recipients if normalize_email(address) != own and not company_address(address, company_domains)]


def check_outside_recipients(outside: list[str], *, sent_in_last_day: int, per_day: int,
                             company_domains: frozenset[str] | set[str]) -> None:
    """At most `per_day` outside addresses per rolling 24 hours; raises `DomainError` on `recipients` when over."""
    left = max(per_day - sent_in_last_day, 0)
    if len(outside) <= left:
        return
    colleagues = " ou ".join(f"@{name}" for name in sorted(company_domains))
    still = f"il t'en reste {left}" if left else "tu as atteint cette limite pour l'instant"
    raise DomainError(
        f"Hors de ton entreprise, tu peux partager avec {per_day} adresses par période de 24 heures ({still}) : "
        f"retire {', '.join(outside[left:])}."
        + (f" Tes collègues ({colleagues}) peuvent toujours recevoir la mission." if colleagues else ""),
        field="recipients",
    )


# -- what anyone can ask without an account (sign-up, a new verification link, a password reset) ---------
#
# Anyone may repeat these to flood a known address with our e-mails, or to make the sign-up's slow password work
# again and again. Each address receives a few e-mails of each kind per hour (SendKind above, Settings): past that
# the e-mail is withheld but the answer stays the same, since a different one would tell that the address has an
# account. Each client IP may make so many requests of each kind (every request counts, known address or not,
# valid or not), past which it is answered 429.


class AnonymousRequest(StrEnum):
    SIGN_UP = "sign_up"
    EMAIL_VERIFICATION = "email_verification"
    PASSWORD_RESET = "password_reset"


ANONYMOUS_REQUESTS_THROTTLED = {
    AnonymousRequest.SIGN_UP: "Beaucoup d'inscriptions sont parties de ta connexion ces derniers temps : réessaie dans {wait}.",
    AnonymousRequest.EMAIL_VERIFICATION: "Beaucoup de liens de vérification ont été demandés depuis ta connexion ces derniers "
                                         "temps : réessaie dans {wait}.",
    AnonymousRequest.PASSWORD_RESET: "Beaucoup de nouveaux mots de passe ont été demandés depuis ta connexion ces derniers "
                                     "temps : réessaie dans {wait}.",
}


def account_mail_allowed(sent_at: list[datetime], quota: SendQuota, now: datetime) -> bool:
    """Whether one more e-mail of a kind may go to an address that received these at `sent_at`."""
    return send_retry_after(sent_at, quota, now) is None


def anonymous_request_refusal(kind: AnonymousRequest, made_at: list[datetime], quota: SendQuota,
                              now: datetime) -> tuple[str, int] | None:
    """The 429's message and Retry-After when one client IP, having made requests of `kind` at `made_at`, may not
    make one more now; None when it may."""
    wait = send_retry_after(made_at, quota, now)
    if wait is None:
        return None
    return ANONYMOUS_REQUESTS_THROTTLED[kind].format(wait=waiting_label(wait)), wait


# -- the to-do list -----------------------------------------------------------------------------


def finalise_registration_count(email_verified: bool, preferences_set: bool) -> int:
    """"Finalise ton inscription": the address to verify and the mission preferences to fill in."""
    return int(not email_verified) + int(not preferences_set)


def civil_year(moment: datetime | date) -> int:
    return moment.year


def is_newer(incoming: datetime, stored: datetime | None) -> bool:
    """Events may arrive out of order: a copy only moves forward in time."""
    return stored is None or incoming >= stored


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


def long_date(day: date) -> str:
    """« lundi 6 avril 2026 », « vendredi 1er mai 2026 »."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[day.weekday()]} {number} {MONTHS[day.month - 1]} {day.year}"


def month_heading(day: date) -> str:
    """« JANVIER 2026 », as the guide titles the dates of a mission."""
    return f"{MONTHS[day.month - 1].upper()} {day.year}"


def date_label(day: date, format: str) -> str:
    """« Lundi 26 (journée) », « Jeudi 22 (1/2 journée) »."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[day.weekday()].capitalize()} {number} ({FORMAT_LABELS[format]})"


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
    allowance: Allowance,
) -> dict[int, list[str]]:
    """Why each requested date cannot be asked for, by its position in the request; {} when all can.

    `booked` is everything of the person already pending or approved, on any participation. A date
    must be a working day (no weekend, no public holiday), not in the past, not already booked nor
    twice in the request, in the participation's civil year, and within the allowance: the year's
    days for everyone (approved + pending + new), or one day per ISO week at the end of a career.
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

    if allowance.kind == "weekly":
        per_week: dict[date, Decimal] = {}
        for entry in booked:
            monday = _week_monday(entry.day)
            per_week[monday] = per_week.get(monday, Decimal("0")) + entry.days
        for index, entry in sorted(fitting, key=lambda pair: pair[1].day):
            monday = _week_monday(entry.day)
            used = per_week.get(monday, Decimal("0"))
            if used + entry.days > allowance.days:
                left = max(allowance.days - used, Decimal("0"))
                errors.setdefault(index, []).append(
                    f"Mécénat fin de carrière : 1 jour par semaine au plus. La semaine du {long_date(monday)}, "
                    f"il te reste {days_word(left)}."
                )
            else:
                per_week[monday] = used + entry.days
    else:
        already = booked_days([entry for entry in booked if entry.day.year == year])
        left = max(allowance.days - already, Decimal("0"))
        when = "cette année" if year == today.year else f"en {year}"
        running = already
        for index, entry in fitting:
            if running + entry.days > allowance.days:
                errors.setdefault(index, []).append(
                    f"Le {long_date(entry.day)} dépasse ton allocation : il te reste {days_word(left)} sur {format_days(allowance.days)} {when}."
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
    OtherManagerPolicy.ALLOWED_NOTIFY_ADMIN: "autorisé, l'administrateur est prévenu",
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
    if manager == normalize_email(person_email):
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
            raise DomainError("Ton manager n'est pas encore enregistré : demande à l'administrateur de ton entreprise de l'indiquer "
                              "dans Tandem, puis envoie ta demande.", field="manager_email")
        raise DomainError("Renseigne l'adresse e-mail de ton manager.", field="manager_email")
    if email == normalize_email(person_email):
        raise DomainError("Indique l'adresse de ton manager, pas la tienne.", field="manager_email")
    if not company_address(email, company_domains):
        raise DomainError(f"Indique l'adresse professionnelle de ton manager : {_domains_hint(company_domains)}.", field="manager_email")
    if email == recorded:
        return Approver(email=email, recorded=True, notify_admin=False)
    if policy == OtherManagerPolicy.REFUSED:
        raise DomainError(f"Ton entreprise demande que tes dates soient validées par ton manager enregistré ({recorded}) : "
                          "pour en changer, adresse-toi à l'administrateur de ton entreprise." if recorded else
                          "Ton manager n'est pas encore enregistré : demande à l'administrateur de ton entreprise de l'indiquer "
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
        f"dans le cadre de notre programme de mécénat de compétences auprès de {association_name}.\n"
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
     "label": "Que pensez-vous de la pertinence des missions de mécénat de compétences qui vous sont proposées sur la plateforme ?"},
    {"key": "welcome", "type": "choice", "required": True, "choices": list(QUALITY_CHOICES),
     "label": "Avez-vous bénéficié d'un bon accueil et d'une bonne intégration dans la structure et ses équipes ?"},
    {"key": "welcome_reasons", "type": "text", "required": False, "choices": [],
     "label": "Pouvez-vous en expliquer les raisons ?"},
    {"key": "expertise_match", "type": "choice", "required": True, "choices": list(YES_NO),
     "label": "Pensez-vous que la nature de la mission a correspondu complètement à vos expertises professionnelles ou personnelles ?"},
    {"key": "expertise_gap", "type": "text", "required": False, "choices": [], "required_if": {"expertise_match": "Non"},
     "label": "Si vous avez répondu NON, pouvez-vous expliquer pourquoi ?"},
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
CONVENTION_TO_SIGN_LABEL = "convention à signer"
CONVENTION_IN_PREPARATION_LABEL = "validée, convention en préparation"


def date_state_label(state: str, *, convention_signed: bool, in_latest_convention: bool) -> str:
    """A date's state in words. An approved date reads « validée » once a signed version covers it, « convention à
    signer » when only the unsigned latest version covers it (it must be signed before that day), and « validée,
    convention en préparation » until a version covers it."""
    if state != DateState.APPROVED.value or convention_signed:
        return DATE_STATE_LABELS.get(state, state)
    return CONVENTION_TO_SIGN_LABEL if in_latest_convention else CONVENTION_IN_PREPARATION_LABEL


def steps(*, has_approved: bool, has_pending: bool, convention_state: str, attendance_complete: bool, bilan_done: bool,
          convention_updated: bool = False) -> list[dict]:
    """Each step's state: done, in_progress (waiting for someone else), todo, to_sign (step 3: a version of the
    convention waits for the employee's signature), or locked (with why)."""
    dates_state = "done" if has_approved else "in_progress" if has_pending else "todo"
    if bilan_done:
        bilan_state, bilan_hint = "done", None
    elif attendance_complete:
        bilan_state, bilan_hint = "todo", None
    else:
        bilan_state = "locked"
        bilan_hint = ("Une fois que l'association aura attesté ta présence à tous tes jours de mission, tu pourras remplir ton bilan."
                      " N'hésite pas à la relancer.")
    return [
        {"number": 1, "label": STEP_LABELS[0], "state": "done", "hint": None},
        {"number": 2, "label": STEP_LABELS[1], "state": dates_state,
         "hint": "Ta demande attend la validation de ton manager." if has_pending else None},
        {"number": 3, "label": STEP_LABELS[2], "state": convention_state,
         "hint": None if bilan_done else convention_hint(convention_state, has_approved=has_approved, updated=convention_updated)},
        {"number": 4, "label": STEP_LABELS[3], "state": bilan_state, "hint": bilan_hint},
    ]


def iso_period(moment: date) -> str:
    """« 2027-W04 »: the ISO week a reminder belongs to (one reminder per week and kind)."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"
