"""Engagement rules, free of Flask, SQLAlchemy and the bus: passwords, allowances, preferences, throttling."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from zxcvbn.frequency_lists import FREQUENCY_LISTS


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


def _is_printable(character: str) -> bool:
    # Spaces and emoji are welcome (the zero-width joiner holds emoji sequences together);
    # control and format characters, unassigned code points, line separators are not.
    if character == "\u200d":
        return True
    category = unicodedata.category(character)
    return not category.startswith("C") and category not in ("Zl", "Zp")


def check_password(password: str, personal: tuple[str, ...] = ()) -> None:
    """Length 12–128 (in characters), printable, not a common password, not just the person's name or e-mail."""
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


def normalize_password(password: str) -> str:
    """The form that is hashed, so the same password typed on two keyboards matches."""
    return unicodedata.normalize("NFC", password)


# -- e-mail addresses and companies -------------------------------------------------------------


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_domain(email: str) -> str:
    return normalize_email(email).rsplit("@", 1)[-1]


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


# -- the to-do list -----------------------------------------------------------------------------


def finalise_registration_count(email_verified: bool, preferences_set: bool) -> int:
    """"Finalise ton inscription": the address to verify and the mission preferences to fill in."""
    return int(not email_verified) + int(not preferences_set)


def civil_year(moment: datetime | date) -> int:
    return moment.year


def is_newer(incoming: datetime, stored: datetime | None) -> bool:
    """Events may arrive out of order: a copy only moves forward in time."""
    return stored is None or incoming >= stored
