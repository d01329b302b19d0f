"""Engagement's rules on people and their accounts, free of Flask, SQLAlchemy and the bus: roles, who sees a mission,
passwords, e-mail addresses, allowances, preferences, throttling, refresh tokens, send limits, the to-do list."""
from __future__ import annotations

import functools
import math
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from collections.abc import Callable
from typing import Protocol



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

# NIST SP 800-63B §5.1.1.2 also asks to refuse repetitive or sequential characters and context-specific words:
# zxcvbn's estimate sees those (repeats, sequences, keyboard walks, dates, dictionary words), the word list alone
# does not. Score 3 means at least 10^8 guesses, zxcvbn's "safely unguessable" against an offline attack on a
# slow hash such as our argon2id.
PASSWORD_MIN_STRENGTH = 3
# zxcvbn's time grows fast with length (leet substitutions): it estimates the first characters only, which
# already show a repeated or sequential password; a strong start stays strong whatever follows.
PASSWORD_ESTIMATED_CHARACTERS = 32


@functools.cache
def password_estimator() -> tuple[frozenset[str], Callable[..., dict]]:
    """The common passwords and zxcvbn's estimate, loaded by the first password check: zxcvbn's frequency lists are
    12 MiB, which the processes that never check a password (the workers, most web requests) do not carry
    (bench/README.md, P5)."""
    from zxcvbn import matching, zxcvbn
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    # Words an attacker tries first on this platform, weighed like common passwords (French ones zxcvbn lacks,
    # the rows of the AZERTY keyboard, whose walks zxcvbn's QWERTY graphs miss, the platform's own names).
    matching.add_frequency_lists({"tandem_context": [
        "tandem", "koeo", "mecenat", "mécénat", "competences", "compétences", "benevolat", "bénévolat", "solidaire",
        "motdepasse", "azertyuiop", "qsdfghjklm", "wxcvbn", "bonjour", "bienvenue", "soleil", "jetaime", "doudou", "loulou", "chocolat",
        *sorted(_FRENCH_COMMON),
    ]})
    return frozenset(FREQUENCY_LISTS["passwords"]) | _FRENCH_COMMON, zxcvbn

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
    common_passwords, zxcvbn = password_estimator()
    if folded in common_passwords or folded.strip() in common_passwords:
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


def same_mailbox(one: str, other: str, company_domains: frozenset[str] | set[str]) -> bool:
    """Whether two addresses most likely reach the same person's mailbox: the same local part once a sub-address is
    dropped (« camille+chef@ » is delivered to « camille@ », RFC 5233), at the same domain or at any two of the
    company's own domains (a company's domains are usually aliases of one another). Stricter than equality, for the
    checks where a person must not stand for someone else, such as approving their own dates."""
    def mailbox(address: str) -> tuple[str, str]:
        local, _, domain = normalize_email(address).rpartition("@")
        return local.split("+", 1)[0], ("" if domain in company_domains else domain)

    return mailbox(one) == mailbox(other)


def company_address(email: str, company_domains: frozenset[str] | set[str]) -> bool:
    """An address of one of the company's own e-mail domains (exactly: no sub-domain, no look-alike)."""
    return "@" in email and email_domain(email) in company_domains


# -- the allowance ------------------------------------------------------------------------------

DEFAULT_DAYS_PER_YEAR = Decimal("2")
WEEKLY_DAYS = Decimal("1")  # at the end of a career: one day per ISO week


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


def end_of_career_start(retirement_date: date | None, confirmed: bool, policy_enabled: bool) -> date | None:
    """The first day of the twelve months before a retirement date a company admin confirmed, where the company allows
    the scheme (one day a week from then on): the same day a year before (28 February for a 29 February); else None."""
    if not (policy_enabled and confirmed and retirement_date):
        return None
    if (retirement_date.month, retirement_date.day) == (2, 29):
        return date(retirement_date.year - 1, 2, 28)
    return retirement_date.replace(year=retirement_date.year - 1)


@dataclass(frozen=True)
class DateRules:
    """What a person may ask for, date by date: `annual_days` a civil year; one day a week instead from `weekly_from`
    (`end_of_career_start`); no day at all from `retirement` on (the retirement date a company admin confirmed)."""

    annual_days: Decimal
    weekly_from: date | None = None
    retirement: date | None = None

    def weekly(self, day: date) -> bool:
        return self.weekly_from is not None and day >= self.weekly_from


def allowance_for(days_per_year: Decimal, end_of_career: bool) -> Allowance:
    if end_of_career:
        return Allowance(kind="weekly", days=WEEKLY_DAYS)
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
