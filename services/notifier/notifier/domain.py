"""Notifier rules, free of Flask, SQLAlchemy and SMTP: when to try a failed e-mail again, whom to alert."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from tandem_shared import french
from tandem_shared.french import long_date


class EmailStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off from 10 s, capped at one hour: a mail server that is down for a while loses nothing."""
    return timedelta(seconds=min(10 * 2 ** max(attempts - 1, 0), 3600))


def status_after_failure(attempts: int, max_attempts: int) -> EmailStatus:
    return EmailStatus.FAILED if attempts >= max_attempts else EmailStatus.PENDING


# -- alerts ------------------------------------------------------------------------------------------

ALERTING_STATUS = "active"
"""Only an active account is alerted: invited, disabled and deleted ones are not."""

MISSION_FORMAT_LABELS = {
    "full_day": "100% journée",
    "half_day": "1/2 journée",
    "undefined": "Durée à définir",
}


def _labels(values) -> frozenset[str]:
    # Both sides come from the same taxonomy; folding case and spaces keeps a stray capital from hiding a match.
    return frozenset(" ".join(str(value).split()).casefold() for value in values or ())


@dataclass(frozen=True)
class Interests:
    """What a person wants to do, or what a mission needs: themes and both kinds of expertise."""

    themes: frozenset[str] = frozenset()
    professional_expertises: frozenset[str] = frozenset()
    personal_expertises: frozenset[str] = frozenset()

    @classmethod
    def of(cls, themes=(), professional_expertises=(), personal_expertises=()) -> "Interests":
        return cls(_labels(themes), _labels(professional_expertises), _labels(personal_expertises))

    def overlaps(self, other: "Interests") -> bool:
        """A match: at least one shared theme, or professional expertise, or personal expertise."""
        return bool(
            self.themes & other.themes
            or self.professional_expertises & other.professional_expertises
            or self.personal_expertises & other.personal_expertises
        )


def open_to_company(open_to_all_companies: bool, company_ids, company_id: str | None) -> bool:
    """A mission reserved for a few companies is not offered to anyone else (nor to someone without a company)."""
    return open_to_all_companies or (company_id is not None and company_id in set(company_ids or ()))


# A publication announced later than this is not news (a loader announcing missions published before it ran, as the
# demo does at its first start): it reaches the association contact, and alerts nobody.
NEWS_WINDOW = timedelta(days=1)


def publication_is_news(published_at: datetime | None, announced_at: datetime) -> bool:
    """Whether a mission's publication still deserves alerts when the event announcing it is read."""
    return published_at is None or announced_at - published_at <= NEWS_WINDOW


def wants_alerts(alerts_opt_in: bool, status: str, email: str | None) -> bool:
    return bool(alerts_opt_in and status == ALERTING_STATUS and email)


def is_newer(incoming: datetime, current: datetime | None) -> bool:
    """Copies only move forward: an event older than (or as old as) what we hold changes nothing."""
    return current is None or incoming > current


def place_label(city: str | None, department: str | None) -> str | None:
    """« Lyon (69) », or whichever part is known."""
    city = (city or "").strip()
    department = (department or "").strip()
    if city and department:
        return f"{city} ({department})"
    return city or department or None


# What a mail client would turn into a link: anything with a scheme (https://…), and anything shaped like a domain
# name (www.exemple.fr, exemple.fr/page, nom@exemple.fr), whatever follows it up to the next space.
_LINK_LIKE = re.compile(
    r"[a-z][a-z0-9+.-]*://\S*"
    r"|[\w.+-]*@?[\w-]+(?:\.[\w-]+)*\.(?:[^\W\d_]{2,}|xn--[a-z0-9-]+)\b\S*",
    re.IGNORECASE,
)


def _defanged(match: re.Match) -> str:
    token = match.group(0).replace("://", "[:]//").replace("@", "[@]")
    return re.sub(r"\.(?=\w)", "[.]", token)


def unlinked(text: str | None) -> str | None:
    """Text someone typed, as our e-mails carry it: Tandem's name must not carry their links, so addresses and
    domain names are shown defanged (« https[:]//exemple[.]fr », « nom[@]exemple[.]fr ») and no mail client turns
    them into links. The only links in our e-mails are the ones Tandem builds itself."""
    if text is None:
        return None
    return _LINK_LIKE.sub(_defanged, text)


def quoted(message: str | None) -> str | None:
    """A personal message as an e-mail quotes it: each line behind « > », links defanged (`unlinked`); nothing when
    the message is blank."""
    if message is None or not message.strip():
        return None
    return "\n".join(f"> {line}".rstrip() for line in unlinked(message.strip()).splitlines())


def one_line(text: str, limit: int) -> str:
    """A header-safe text: no line breaks (they would break the e-mail header), at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- the mission workflow's dates ---------------------------------------------------------------------

DAY_FORMAT_LABELS = {"full_day": "journée", "half_day": "1/2 journée"}
"""The guide's words for a date's format: « Lundi 26 (journée) »."""

DAY_FORMAT_WEIGHTS = {"full_day": Decimal(1), "half_day": Decimal("0.5")}
"""What a date counts towards the allowance, as the event contract says (a half day counts 0.5)."""

WEEKDAYS = french.WEEKDAYS
MONTHS = french.MONTHS


def french_date(day: date) -> str:
    """« Lundi 25 janvier 2027 », without depending on the machine's locale."""
    return long_date(day).capitalize()


def date_label(day: date, format: str) -> str:
    """« Lundi 25 janvier 2027 (journée) » or « … (1/2 journée) »."""
    return f"{french_date(day)} ({DAY_FORMAT_LABELS[format]})"


def in_calendar_order(dates) -> list:
    """`dates` ({date, format, …}) by date, a full day before a half day on the same date."""
    return sorted(dates, key=lambda item: (item["date"], item["format"] != "full_day"))


def dated_labels(dates) -> list[str]:
    """The labels of `dates` ({date, format}) in calendar order."""
    return [date_label(item["date"], item["format"]) for item in in_calendar_order(dates)]


def days_count(dates) -> Decimal:
    """The total of `dates` in days: 1 per full day, 0.5 per half day."""
    return sum((DAY_FORMAT_WEIGHTS[item["format"]] for item in dates), Decimal(0))


def days_label(days: Decimal | float | int) -> str:
    """« 1 jour », « 1,5 jour », « 2 jours »: French decimal comma, plural from two on."""
    days = Decimal(str(days)).normalize()
    number = f"{days:f}".replace(".", ",")
    return f"{number} {'jours' if days >= 2 else 'jour'}"
