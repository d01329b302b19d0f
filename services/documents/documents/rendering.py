"""The documents' PDFs: the convention, its signed copy (with the signature certificate), the bilan and the employee's
certificate of mission.

HTML templates (Jinja2, autoescaped) rendered to A4 PDF by WeasyPrint. Everything a reader sees is in French.
The Jinja environment and the compiled templates are built once, at import; importing this module also
imports WeasyPrint (about 0.35 s), so import it in the worker, not per request.
"""
from __future__ import annotations

import hashlib
import hmac
import re
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup
from num2words import num2words
from pypdf import PdfReader, PdfWriter
from weasyprint import HTML

from tandem_shared import french

from . import domain

if TYPE_CHECKING:
    from .sealing import Sealer

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

# -- French formatting ---------------------------------------------------------------------------------------

FORMAT_DAYS = {"full_day": 1.0, "half_day": 0.5}


def french_date(value: date | str) -> str:
    """« lundi 25 janvier 2027 », « lundi 1er février 2027 »."""
    if isinstance(value, str):  # an ISO date straight from an event's JSON
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = _utc(value).date()
    return french.long_date(value)


# French readers read times on the clock of mainland France; the zone is named next to every time printed.
PARIS = ZoneInfo("Europe/Paris")


def french_datetime(value: datetime | str, seconds: bool = False) -> str:
    """« lundi 25 janvier 2027 à 9 h 30 (heure de Paris, UTC+1) », with `seconds` « à 9 h 30 min 03 s »: stored in UTC
    (a naive datetime is taken as UTC, as SQLite returns them), printed on the Paris clock with the offset of that day
    (UTC+1 or UTC+2). French writes the hour « 9 h 30 », not « 09:30 », as the web client does; the spaces are
    non-breaking so that a line never ends inside a time."""
    value = _utc(value).astimezone(PARIS)
    clock = f"{value.hour}\u00a0h\u00a0{value.minute:02d}"
    if seconds:
        clock += f"\u00a0min\u00a0{value.second:02d}\u00a0s"
    hours = int(value.utcoffset().total_seconds() // 3600)
    return f"{french_date(value.date())} à {clock} (heure de Paris, UTC+{hours})"


def rcs_mention(value: str) -> str:
    """« RCS Lyon 512 345 678 » whether the company's record already starts with « RCS » or not."""
    value = value.strip()
    return value if re.match(r"(?i)^r\.?c\.?s\.?\b", value) else f"RCS {value}"


def days(value: float) -> str:
    """« 0,5 jour », « 1 jour », « 1,5 jour », « 2 jours »: French decimal comma, plural from 2."""
    number = f"{float(value):g}".replace(".", ",")
    return f"{number} {'jours' if value >= 2 else 'jour'}"


def iso_utc(value: datetime | str) -> str:
    return _utc(value).isoformat().replace("+00:00", "Z")


def css_string(value: object) -> Markup:
    """A quoted CSS string for the page-margin boxes (they live in <style>, where HTML escaping does not apply).

    Anything but letters, digits and a few harmless characters becomes a CSS hex escape, so neither a quote nor
    « </style> » can leave the string."""
    out = []
    for char in str(value):
        if char.isalnum() or char in " -_.,:/()'@+":
            out.append(char)
        else:
            # The space ends the escape and is consumed with it (CSS Syntax 4.3.7), so it is always safe.
            out.append(f"\\{ord(char):x} ")
    return Markup('"' + "".join(out) + '"')


def _utc(value: datetime | str) -> datetime:
    if isinstance(value, str):  # an RFC 3339 time straight from an event's JSON
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _format_label(value: str) -> str:
    # The guide's words (« journée », « 1/2 journée »), capitalised at the head of a table cell.
    return domain.FORMATS[value].capitalize()


def _format_days(value: str) -> str:
    return days(FORMAT_DAYS[value])


# -- the bilan's questions -----------------------------------------------------------------------------------
# A copy of engagement's BILAN_QUESTIONS labels (services/engagement/engagement/domain.py): documents must not
# import another service, and the bilan event carries the answers by key only. Keep the two in step.
# (key, label, numbered): unnumbered entries are the follow-up questions, printed only when answered.
BILAN_QUESTIONS: tuple[tuple[str, str, bool], ...] = (
    ("relevance", "Que penses-tu de la pertinence des missions de mécénat de compétences qui te sont proposées "
                  "sur la plateforme ?", True),
    ("welcome", "As-tu bénéficié d'un bon accueil et d'une bonne intégration dans la structure et ses équipes ?",
     True),
    ("welcome_reasons", "Peux-tu en expliquer les raisons ?", False),
    ("expertise_match", "Penses-tu que la nature de la mission a correspondu complètement à tes expertises "
                        "professionnelles ou personnelles ?", True),
    ("expertise_gap", "Si tu as répondu NON, peux-tu expliquer pourquoi ?", False),
    ("advice_to_colleague", "Que dirais-tu à un collègue qui hésite ?", True),
    ("would_do_again", "Referais-tu une mission de mécénat de compétences ?", True),
)


def _bilan_items(answers: dict) -> list[dict]:
    items, number = [], 0
    for key, label, numbered in BILAN_QUESTIONS:
        answer = answers.get(key)
        answer = answer.strip() if isinstance(answer, str) else answer
        if not numbered and not answer:
            continue
        if numbered:
            number += 1
        items.append({"number": number if numbered else None, "label": label, "answer": answer})
    return items


# -- templates, built once -----------------------------------------------------------------------------------

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
    autoescape=True,
    # A key missing from the context fails the rendering instead of leaving a blank in a legal document.
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(french_date=french_date, french_datetime=french_datetime, days=days, iso_utc=iso_utc,
                    css_string=css_string, format_label=_format_label, format_days=_format_days,
                    rcs_mention=rcs_mention)
_env.globals.update(postal_address=french.postal_address)
_CONVENTION = _env.get_template("convention.html")
_CERTIFICATE = _env.get_template("certificate.html")
_BILAN = _env.get_template("bilan.html")
_MISSION_CERTIFICATE = _env.get_template("mission_certificate.html")
_DAY_STATEMENT = _env.get_template("day_statement.html")
_RECEIPT_DATA = _env.get_template("receipt_data.html")


def _url_fetcher():
    """A fetcher that fetches nothing: the templates reference no external resource, and must never."""
    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint >= 67
    except ImportError:  # pragma: no cover - WeasyPrint 66 takes a plain function
        def refuse(url: str):
            raise ValueError(f"Ressource externe refusée : {url}")
        return refuse
    return URLFetcher(allowed_protocols=frozenset())


_FETCHER = _url_fetcher()


_SPACE_BEFORE = re.compile(r" ([»:;?!])")


def _french_spacing(html: str) -> str:
    """French typography in the body: a no-break space inside « » and before : ; ? ! (a line never starts with
    them). Only the body is touched: the <style> above it is CSS."""
    head, marker, body = html.partition("<body")
    if not marker:
        return html
    body = _SPACE_BEFORE.sub("\u00a0\\1", body.replace("« ", "«\u00a0"))
    return head + marker + body


def _pdf(html: str) -> bytes:
    return HTML(string=html, base_url=str(TEMPLATES_DIR), url_fetcher=_FETCHER).write_pdf()


# -- public functions ----------------------------------------------------------------------------------------


def render_page(html: str) -> bytes:
    """Any HTML through the documents' path (no fetching, the same fonts): the worker's rendering warm-up."""
    return _pdf(html)


def render_convention_html(context: dict) -> str:
    """The convention's HTML (self-contained: the CSS is inline)."""
    return _french_spacing(_CONVENTION.render(**context))


def render_convention(context: dict) -> bytes:
    """The convention as an A4 PDF. See the module's callers for the context's keys."""
    return _pdf(render_convention_html(context))


def render_bilan(context: dict) -> bytes:
    """The end-of-mission evaluation (« Bilan de fin de mission ») as an A4 PDF."""
    values = dict(context)
    values["questions"] = _bilan_items(context["answers"])
    return _pdf(_french_spacing(_BILAN.render(**values)))


def render_mission_certificate(context: dict, sealer: "Sealer | None") -> bytes:
    """The employee's « attestation de mission de mécénat de compétences » as an A4 PDF: the association, the mission,
    the days attested present and their total (a half day counts 0.5); sealed like every proof document."""
    return _sealed(_pdf(_french_spacing(_MISSION_CERTIFICATE.render(**context, sealed=sealer is not None))), sealer)


def _sealed(pdf: bytes, sealer: "Sealer | None") -> bytes:
    return sealer.seal(pdf) if sealer is not None else pdf


def render_day_statement(context: dict, sealer: "Sealer | None") -> bytes:
    """« État récapitulatif des journées » as an A4 PDF, sealed like the signed conventions: every named day, the total,
    the subtotal per person, who confirmed it for the association and when."""
    people: dict[str, dict] = {}
    for row in context["rows"]:
        person = people.setdefault(row.get("person_id") or row["person_name"], {"name": row["person_name"], "days": 0.0})
        person["days"] += FORMAT_DAYS[row["format"]]
    values = {**context, "people": list(people.values()),
              "sealed": sealer is not None}
    return _sealed(_pdf(_french_spacing(_DAY_STATEMENT.render(**values))), sealer)


def euros(amount: Decimal) -> str:
    """« 1 234,56 € »: French grouping with a no-break space, decimal comma."""
    whole, cents = f"{amount:,.2f}".split(".")
    return f"{whole.replace(',', chr(0x202f))},{cents}\u00a0€"


def euros_in_words(amount: Decimal) -> str:
    """« six cent douze euros et quarante-cinq centimes », as the Cerfa asks the amount « en toutes lettres ».

    num2words spells the numbers; its currency mode is not used, since it writes « cinq cent soixante-dix euros et zéro
    centimes », « un million euros » and « zéro euros et cinquante centimes »."""
    cents_total = int((amount * 100).quantize(Decimal("1")))
    whole, cents = divmod(cents_total, 100)
    parts = []
    if whole or not cents:
        # « un million d'euros », « deux milliards d'euros »: a round million takes « de ».
        unit = "euro" if whole in (0, 1) else "d'euros" if whole % 1_000_000 == 0 else "euros"
        parts.append(f"{num2words(whole, lang='fr')} {unit}")
    if cents:
        parts.append(f"{num2words(cents, lang='fr')} centime{'s' if cents > 1 else ''}")
    return " et ".join(parts)


def render_receipt_data(context: dict, sealer: "Sealer | None") -> bytes:
    """The receipt's data (Cerfa n° 16216) as an A4 data sheet, sealed: the beneficiary, the donor, the amount in figures
    and in words, the date and nature of the donation, article 238 bis."""
    amount = Decimal(context["amount"])
    values = {**context, "amount_figures": euros(amount), "amount_words": euros_in_words(amount), "sealed": sealer is not None}
    return _sealed(_pdf(_french_spacing(_RECEIPT_DATA.render(**values))), sealer)


def render_signed_copy(original_pdf: bytes, evidence: dict, sealer: "Sealer | None") -> bytes:
    """The signed copy: the signed version's pages, unchanged, then the signature certificate page; sealed when a
    sealer is given.

    Refuses (ValueError) evidence whose SHA-256 is not that of `original_pdf`: the certificate would otherwise
    vouch for pages that are not the ones signed."""
    actual = hashlib.sha256(original_pdf).hexdigest()
    if not hmac.compare_digest(actual, str(evidence["pdf_sha256"]).lower()):
        raise ValueError("L'empreinte SHA-256 de la preuve ne correspond pas au document signé.")
    certificate = _pdf(_french_spacing(_CERTIFICATE.render(**evidence, sealed=sealer is not None)))

    # The original is cloned, not re-rendered: its page objects and content streams are carried over as they are.
    original = PdfReader(BytesIO(original_pdf))
    writer = PdfWriter(clone_from=original)
    for page in PdfReader(BytesIO(certificate)).pages:
        writer.add_page(page)
    title = (original.metadata or {}).get("/Title")
    writer.add_metadata({"/Title": f"{title} — copie signée" if title else "Convention — copie signée",
                         "/Author": "Tandem"})
    output = BytesIO()
    writer.write(output)
    signed = output.getvalue()
    return sealer.seal(signed) if sealer is not None else signed
