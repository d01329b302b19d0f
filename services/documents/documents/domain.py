"""Documents rules, free of Flask, SQLAlchemy and the bus: which dates a convention covers, who may read a
document, when a version may be signed, and how dates and files are named in French."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from tandem_shared import french


class DomainError(Exception):
    """A rule refused the action; the message is shown to the user as is (French)."""


class MissingParty(Exception):
    """A party the convention names is not known here yet (its event has not arrived, or was lost).

    Raised from a handler, it fails the message: the broker redelivers it, then dead-letters it to
    `documents.dead`, from where `documents-worker dead replay` brings it back once the party is known.
    """


class ConventionState(StrEnum):
    TO_SIGN = "to_sign"
    SIGNED = "signed"
    # Every approved date was withdrawn: nothing left to sign.
    WITHDRAWN = "withdrawn"


class VersionCause(StrEnum):
    APPROVAL = "approval"
    CANCELLATION = "cancellation"


# -- dates ------------------------------------------------------------------------------------------

FORMATS = {"full_day": "journée", "half_day": "1/2 journée"}
FORMAT_DAYS = {"full_day": 1.0, "half_day": 0.5}
# Capitalised: each label begins with its weekday.
WEEKDAYS = tuple(weekday.capitalize() for weekday in french.WEEKDAYS)
MONTHS = french.MONTHS


def date_label(day: date, format: str) -> str:
    """« Lundi 25 janvier 2027 — journée »."""
    return f"{WEEKDAYS[day.weekday()]} {french.day_of_month(day)} {MONTHS[day.month - 1]} {day.year} — {FORMATS[format]}"


def days_count(formats: Iterable[str]) -> float:
    """A full day counts 1, a half day 0.5."""
    return sum(FORMAT_DAYS[format] for format in formats)


def covered_dates(year: int, requests: Iterable[Iterable[dict]]) -> list[dict]:
    """Every date of the approved requests, in calendar order: what a version of the convention covers.

    A date approved twice is counted once (the first approval's format holds). A date outside the
    convention's civil year is refused: « 1 convention = 1 année civile ».
    """
    by_day: dict[date, str] = {}
    for dates in requests:
        for entry in dates:
            day = entry["date"] if isinstance(entry["date"], date) else date.fromisoformat(entry["date"])
            if day.year != year:
                raise DomainError(f"Le {day.isoformat()} n'est pas dans l'année {year} de cette convention.")
            if entry["format"] not in FORMAT_DAYS:
                raise DomainError(f"Format de date inconnu : {entry['format']}.")
            by_day.setdefault(day, entry["format"])
    return [{"date": day.isoformat(), "format": by_day[day]} for day in sorted(by_day)]


def total_days(dates: Iterable[dict]) -> float:
    return days_count(entry["format"] for entry in dates)


def labelled(dates: Iterable[dict]) -> list[dict]:
    """Stored dates with their French label, as the API shows them."""
    return [{**entry, "label": date_label(date.fromisoformat(entry["date"]), entry["format"])} for entry in dates]


def is_newer(incoming: datetime | None, stored: datetime | None) -> bool:
    """An event may update a copy unless it describes an older state than the one kept (equal: same state again)."""
    return stored is None or incoming is None or incoming >= stored


def full_name(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".strip()


def normalize_email(address: str | None) -> str:
    return (address or "").strip().lower()


# -- state and signature ------------------------------------------------------------------------


def convention_state(current_version: int, signed_version: int | None, withdrawn: bool) -> ConventionState:
    if withdrawn:
        return ConventionState.WITHDRAWN
    if signed_version is not None and signed_version == current_version:
        return ConventionState.SIGNED
    return ConventionState.TO_SIGN


@dataclass(frozen=True)
class SignatureRefusal:
    """Why a signature is refused: HTTP status, the French message, and the field it is about (or None)."""

    status: int
    message: str
    field: str | None = None


CONSENT_REQUIRED = "Coche la case pour accepter la convention avant de signer."
CONSENT_CHANGED = "Le texte d'accord a changé : recharge la page et relis-le."
ALREADY_SIGNED = "Tu as déjà signé cette version de la convention."
PDF_CHANGED = "Le document affiché ne correspond pas à cette version : recharge la page avant de signer."
NOTHING_TO_SIGN = "Tu t'es retiré·e de cette mission : cette convention n'a plus de dates à signer."
UNKNOWN_VERSION = "Cette version de la convention n'existe pas."


def superseded_message(version: int, current: int) -> str:
    return (f"Cette version (v{version}) a été remplacée par la version {current}, qui tient compte de tes nouvelles "
            f"dates : ouvre et signe la version {current}.")


def signature_refusal(*, version: int, current_version: int, withdrawn: bool, already_signed: bool,
                      shown_sha256: str, version_sha256: str | None,
                      consent: bool, consent_version: str, expected_consent_version: str) -> SignatureRefusal | None:
    """Whether the employee may sign `version` now (None) or why not.

    The consent comes first (it is the employee's own act), then the version: a replaced version is refused
    with the number to sign instead, since the employee must agree to every date they will be away.
    """
    if consent is not True:
        return SignatureRefusal(422, CONSENT_REQUIRED, "consent")
    if consent_version != expected_consent_version:
        return SignatureRefusal(422, CONSENT_CHANGED, "consent_version")
    if version < 1 or version > current_version or version_sha256 is None:
        return SignatureRefusal(404, UNKNOWN_VERSION)
    if withdrawn:
        return SignatureRefusal(409, NOTHING_TO_SIGN)
    if version < current_version:
        return SignatureRefusal(409, superseded_message(version, current_version))
    if already_signed:
        return SignatureRefusal(409, ALREADY_SIGNED)
    if shown_sha256.strip().lower() != version_sha256:
        return SignatureRefusal(422, PDF_CHANGED, "pdf_sha256")
    return None


# -- who may read a document --------------------------------------------------------------------


@dataclass(frozen=True)
class Reader:
    """The caller, as their token describes them."""

    subject: str
    email: str
    roles: frozenset[str]
    company_id: str | None
    association_ids: frozenset[str]


@dataclass(frozen=True)
class Parties:
    """Who a convention or a bilan concerns."""

    person_id: str
    company_id: str
    association_id: str
    decider_emails: frozenset[str]  # who decided an approved request (not merely who it was sent to)
    deciders: frozenset[str]


def may_read(reader: Reader, parties: Parties) -> bool:
    """The employee, a manager who decided the approval of some of its dates, the referents of the mission's association and
    the company's admins. Nobody else, platform operators included: a convention is an amendment to the
    employee's contract of employment, not a platform record."""
    if reader.subject == parties.person_id:
        return True
    if reader.email and normalize_email(reader.email) in parties.decider_emails:
        return True
    if reader.subject in parties.deciders:
        return True
    if "association_referent" in reader.roles and parties.association_id in reader.association_ids:
        return True
    if "company_admin" in reader.roles and reader.company_id is not None and reader.company_id == parties.company_id:
        return True
    return False


def may_read_certificate(reader: Reader, person_id: str, company_id: str) -> bool:
    """The employee's certificate of mission is theirs: only they and their company's admins read it (not the
    association's referents nor the managers, who read the bilan)."""
    if reader.subject == person_id:
        return True
    return "company_admin" in reader.roles and reader.company_id is not None and reader.company_id == company_id


def attended_days(dates: Iterable[dict]) -> list[dict]:
    """The days attested present, once each and in calendar order, as the certificate lists them (ISO dates)."""
    by_day: dict[date, str] = {}
    for entry in dates:
        day = entry["date"] if isinstance(entry["date"], date) else date.fromisoformat(entry["date"])
        if entry["format"] not in FORMAT_DAYS:
            raise DomainError(f"Format de date inconnu : {entry['format']}.")
        by_day.setdefault(day, entry["format"])
    return [{"date": day.isoformat(), "format": by_day[day]} for day in sorted(by_day)]


def may_read_bundle(reader: Reader, company_id: str, association_id: str) -> bool:
    """The statement of days and the receipt's data concern one company and one association: that association's
    referents and that company's admins read them; nobody else, platform operators included."""
    if "association_referent" in reader.roles and association_id in reader.association_ids:
        return True
    return "company_admin" in reader.roles and reader.company_id is not None and reader.company_id == company_id


def may_read_company_bundle(reader: Reader, company_id: str) -> bool:
    """The company's whole yearly bundle (every association's proofs): its admins only."""
    return "company_admin" in reader.roles and reader.company_id is not None and reader.company_id == company_id


# -- files ----------------------------------------------------------------------------------------


def convention_filename(year: int, version: int, signed: bool = False) -> str:
    return f"convention-{year}-v{version}{'-signee' if signed else ''}.pdf"


def bilan_filename(year: int) -> str:
    return f"bilan-{year}.pdf"


def certificate_filename(year: int) -> str:
    return f"attestation-mission-{year}.pdf"


_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"})


def file_name_part(name: str | None) -> str:
    """« Les Petits Savants » → « les-petits-savants »: ASCII, lower case, words joined by hyphens, at most 40 characters."""
    # The ligatures have no decomposition: « Cœur » would lose its « oe ».
    spelled = (name or "").translate(_LIGATURES)
    plain = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")


def _bundle_filename(kind: str, year: int, version: int, association_name: str | None, company_name: str | None) -> str:
    # A company downloads one of each per association, an association one per company: both names tell them apart.
    parts = [kind, str(year), file_name_part(association_name), file_name_part(company_name), f"v{version}"]
    return "-".join(part for part in parts if part) + ".pdf"


def statement_filename(year: int, version: int, association_name: str | None, company_name: str | None) -> str:
    return _bundle_filename("etat-recapitulatif-journees", year, version, association_name, company_name)


def receipt_filename(year: int, version: int, association_name: str | None, company_name: str | None) -> str:
    return _bundle_filename("donnees-recu-cerfa-16216", year, version, association_name, company_name)


def bundle_zip_filename(year: int, company_name: str | None) -> str:
    return "-".join(part for part in ("dossier-annuel-mecenat", str(year), file_name_part(company_name)) if part) + ".zip"
