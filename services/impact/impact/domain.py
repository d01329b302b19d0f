"""Impact's pure rules: where a participation day stands, the report's sums, and the valuation of donated time
(article 238 bis of the Code général des impôts). No Flask, SQLAlchemy, bus or other module of the service here; the
dated figures (PASS, working days, rates) come in as `YearRates`, read from `data/` by `rates.py`.
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

# -- participation days ----------------------------------------------------------------------------------------------

FULL_DAY = "full_day"
HALF_DAY = "half_day"
DAY_FORMATS = (FULL_DAY, HALF_DAY)
FORMAT_DAYS = {FULL_DAY: Decimal("1"), HALF_DAY: Decimal("0.5")}
FORMAT_LABELS = {FULL_DAY: "journée", HALF_DAY: "1/2 journée"}

REQUESTED = "requested"
APPROVED = "approved"
REFUSED = "refused"
CANCELLED = "cancelled"
ATTENDED = "attended"
ABSENT = "absent"
STATE_LABELS = {REQUESTED: "demandée", APPROVED: "validée", REFUSED: "refusée", CANCELLED: "annulée",
                ATTENDED: "réalisée", ABSENT: "absence"}
# How far along the workflow a state is: of two changes made at the same instant, the further one wins.
_STATE_RANK = {REQUESTED: 0, APPROVED: 1, REFUSED: 1, CANCELLED: 2, ABSENT: 3, ATTENDED: 3}

ASKED_STATES = frozenset({REQUESTED, APPROVED, REFUSED, ATTENDED, ABSENT})
APPROVED_STATES = frozenset({APPROVED, ATTENDED, ABSENT})
DONE_STATES = frozenset({ATTENDED})


ATTESTED_STATES = frozenset({ATTENDED, ABSENT})


def may_follow(current: str, current_at, new: str, new_at) -> bool:
    """Whether a change replaces the day's state.

    Presence attested is final for the workflow (a day attested is never asked, decided or cancelled again): it
    replaces any other state whatever the times, and only a newer attestation replaces it. Between the other states
    the newer change wins, and of two made at the same instant the further one. Times come from different producers'
    clocks, which the attestation rule makes irrelevant where it matters most."""
    if (current in ATTESTED_STATES) != (new in ATTESTED_STATES):
        return new in ATTESTED_STATES
    if new_at != current_at:
        return new_at > current_at
    return _STATE_RANK[new] >= _STATE_RANK[current]


def day_count(day_format: str) -> Decimal:
    """A half day counts 0.5."""
    return FORMAT_DAYS[day_format]


# -- the bilan ---------------------------------------------------------------------------------------------------------

QUALITY_CHOICES = ("Très bonne", "Bonne", "Moyenne", "Mauvaise")
YES_NO = ("Oui", "Non")
AGAIN_CHOICES = ("Oui", "Peut-être", "Non")
# The bilan's closed questions (engagement's BILAN_QUESTIONS; tests/test_shared_vocabularies.py keeps them equal), each
# with the title the company's report gives its answers: the question itself speaks to the employee (« Que penses-tu… »).
BILAN_CHOICE_QUESTIONS: tuple[dict, ...] = (
    {"key": "relevance", "choices": QUALITY_CHOICES, "title": "Pertinence des missions proposées",
     "label": "Que penses-tu de la pertinence des missions de mécénat de compétences qui te sont proposées sur la plateforme ?"},
    {"key": "welcome", "choices": QUALITY_CHOICES, "title": "Accueil et intégration dans l'association",
     "label": "As-tu bénéficié d'un bon accueil et d'une bonne intégration dans la structure et ses équipes ?"},
    {"key": "expertise_match", "choices": YES_NO, "title": "Mission en accord avec les expertises",
     "label": "Penses-tu que la nature de la mission a correspondu complètement à tes expertises professionnelles ou personnelles ?"},
    {"key": "would_do_again", "choices": AGAIN_CHOICES, "title": "Referaient une mission de mécénat de compétences",
     "label": "Referais-tu une mission de mécénat de compétences ?"},
)


def closed_bilan_answers(answers: Mapping[str, object]) -> dict[str, str]:
    """Only the closed answers are kept (free text stays in engagement): the report shows distributions."""
    kept = {}
    for question in BILAN_CHOICE_QUESTIONS:
        value = answers.get(question["key"])
        if isinstance(value, str) and value in question["choices"]:
            kept[question["key"]] = value
    return kept


# -- the report --------------------------------------------------------------------------------------------------------

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
NO_THEME = "Sans thème"
NO_ENTITY = "Sans entité"
FUNNEL_STEPS = (
    ("applied", "Candidatures"),
    ("dates_approved", "Dates validées"),
    ("convention_signed", "Conventions signées"),
    ("presence_attested", "Présences attestées"),
    ("bilan", "Bilans remplis"),
)


@dataclass(frozen=True)
class DayRow:
    """One participation day with what the report cuts it by."""

    person_id: str
    entity_id: str | None
    entity_name: str | None
    association_id: str | None
    association_name: str | None
    mission_id: str | None
    themes: tuple[str, ...]
    day: date
    format: str
    state: str
    end_of_career: bool = False
    company_id: str | None = None
    company_name: str | None = None


@dataclass(frozen=True)
class ParticipationRow:
    """One participation's funnel and closed bilan answers."""

    applied: bool
    dates_approved: bool
    convention_signed: bool
    presence_attested: bool
    bilan: bool
    bilan_answers: Mapping[str, str] = field(default_factory=dict)


def funnel_row(*, dates_approved: bool, convention_signed: bool, presence_attested: bool, bilan: bool,
               bilan_answers: Mapping[str, str]) -> ParticipationRow:
    """A step reached implies the ones before it (engagement's workflow allows no other order): the funnel stays
    coherent even when a later step's event arrived before an earlier one's."""
    presence_attested = presence_attested or bilan
    convention_signed = convention_signed or presence_attested
    dates_approved = dates_approved or convention_signed
    return ParticipationRow(applied=True, dates_approved=dates_approved, convention_signed=convention_signed,
                            presence_attested=presence_attested, bilan=bilan, bilan_answers=bilan_answers)


@dataclass
class Tally:
    asked: Decimal = Decimal("0")
    approved: Decimal = Decimal("0")
    done: Decimal = Decimal("0")

    def add(self, state: str, days: Decimal) -> None:
        if state in ASKED_STATES:
            self.asked += days
        if state in APPROVED_STATES:
            self.approved += days
        if state in DONE_STATES:
            self.done += days

    def as_dict(self) -> dict[str, float]:
        return {"asked": float(self.asked), "approved": float(self.approved), "done": float(self.done)}


class ReportAccumulator:
    """The report's sums, built one row at a time (the rows stream from the database: memory grows with the number of
    themes, associations, entities and people, never with the number of days)."""

    def __init__(self, year: int, theme_labels: Mapping[str, str] | None = None):
        self.year = year
        self.theme_labels = dict(theme_labels or {})
        self.days = Tally()
        self.end_of_career = Tally()
        self.by_theme: dict[str, Tally] = defaultdict(Tally)
        self.by_association: dict[str, Tally] = defaultdict(Tally)
        self.by_entity: dict[str, Tally] = defaultdict(Tally)
        self.by_month: dict[int, Tally] = defaultdict(Tally)
        self.by_company: dict[str, Tally] = defaultdict(Tally)
        self.labels: dict[tuple[str, str], str] = {}
        self.engaged: set[str] = set()
        self.missions: set[str] = set()
        self.associations: set[str] = set()
        self.funnel = {step: 0 for step, _ in FUNNEL_STEPS}
        self.bilan: dict[str, dict[str, int]] = {q["key"]: {c: 0 for c in q["choices"]} for q in BILAN_CHOICE_QUESTIONS}

    def add_day(self, row: DayRow) -> None:
        if row.day.year != self.year:
            return
        days = day_count(row.format)
        self.days.add(row.state, days)
        if row.end_of_career:
            self.end_of_career.add(row.state, days)
        for theme in row.themes or ("",):
            self.by_theme[theme].add(row.state, days)
        association = row.association_id or ""
        self.by_association[association].add(row.state, days)
        self._label("association", association, row.association_name, "Association inconnue")
        entity = row.entity_id or ""
        self.by_entity[entity].add(row.state, days)
        self._label("entity", entity, row.entity_name, NO_ENTITY)
        self.by_month[row.day.month].add(row.state, days)
        company = row.company_id or ""
        self.by_company[company].add(row.state, days)
        self._label("company", company, row.company_name, "Entreprise inconnue")
        if row.state in APPROVED_STATES:
            self.engaged.add(row.person_id)
        if row.state in DONE_STATES:
            if row.mission_id:
                self.missions.add(row.mission_id)
            if row.association_id:
                self.associations.add(row.association_id)

    def _label(self, kind: str, key: str, name: str | None, unknown: str) -> None:
        """A row that does not know the name (a deleted account's copy, say) never hides the name another row gave."""
        if name:
            self.labels[(kind, key)] = name
        else:
            self.labels.setdefault((kind, key), unknown)

    def add_participation(self, row: ParticipationRow) -> None:
        for step, _ in FUNNEL_STEPS:
            if getattr(row, step):
                self.funnel[step] += 1
        for key, answer in row.bilan_answers.items():
            if key in self.bilan and answer in self.bilan[key]:
                self.bilan[key][answer] += 1

    def _rows(self, tallies: Mapping[str, Tally], label) -> list[dict]:
        rows = [{"key": key, "label": label(key), **tally.as_dict()} for key, tally in tallies.items()]
        return sorted(rows, key=lambda r: (-r["done"], -r["approved"], -r["asked"], r["label"]))

    def result(self, headcount: int) -> dict:
        engaged = len(self.engaged)
        return {
            "year": self.year,
            "headcount": headcount,
            "people_engaged": engaged,
            "engaged_share": engaged_share(engaged, headcount),
            "days": self.days.as_dict(),
            "end_of_career_days": self.end_of_career.as_dict(),
            "missions_helped": len(self.missions),
            "associations_helped": len(self.associations),
            "by_theme": self._rows(self.by_theme, lambda k: self.theme_labels.get(k, k) if k else NO_THEME),
            "by_association": self._rows(self.by_association, lambda k: self.labels[("association", k)]),
            "by_entity": self._rows(self.by_entity, lambda k: self.labels[("entity", k)]),
            "by_company": self._rows(self.by_company, lambda k: self.labels[("company", k)]),
            "by_month": [{"key": f"{self.year}-{month:02d}", "label": MONTHS[month - 1], **self.by_month[month].as_dict()}
                         for month in range(1, 13)],
            "funnel": [{"step": step, "label": label, "count": self.funnel[step]} for step, label in FUNNEL_STEPS],
            "bilan": [{"question": q["key"], "label": q["label"], "title": q["title"],
                       "answers": [{"answer": c, "label": c, "count": self.bilan[q["key"]][c]} for c in q["choices"]]}
                      for q in BILAN_CHOICE_QUESTIONS],
        }


def engaged_share(engaged: int, headcount: int) -> float:
    return round(engaged / headcount, 4) if headcount else 0.0


# -- the valuation of donated time (article 238 bis CGI) ---------------------------------------------------------------

CENT = Decimal("0.01")


def money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class YearRates:
    """The dated figures of one year, each from its official source (data/rates.json)."""

    year: int
    pass_amount: Decimal  # plafond annuel de la sécurité sociale
    working_days: int  # the convention dividing a year's cost into days
    pay_cap_multiple: Decimal  # the pay taken into account is capped at 3 × PASS
    rate: Decimal  # 60 %
    reduced_rate: Decimal  # 40 % on the part above the threshold
    reduced_rate_threshold: Decimal  # €2,000,000
    ceiling_floor: Decimal  # €20,000
    ceiling_turnover_share: Decimal  # 0.5 % (5 ‰) of turnover excluding tax
    carry_forward_years: int  # 5
    beneficiary_declaration_threshold: Decimal  # €10,000: beneficiaries declared on form 2069-RCI-SD


class ValuationError(ValueError):
    """A pay figure that makes no sense (the import reports it on its line)."""


def employed_share(year: int, employed_from: date | None) -> Decimal:
    """The part of the year the person was employed: 1, or the days from their first day to 31 December over the days
    of the year when they joined during the year."""
    if employed_from is None or employed_from.year < year:
        return Decimal("1")
    if employed_from.year > year:
        return Decimal("0")
    days_in_year = 366 if calendar.isleap(year) else 365
    employed_days = (date(year, 12, 31) - employed_from).days + 1
    return Decimal(employed_days) / Decimal(days_in_year)


def day_value(rates: YearRates, annual_gross_pay: Decimal, employer_charge_rate: Decimal,
              employed_from: date | None = None) -> Decimal:
    """The cost of one day given: (pay capped at 3 × PASS + the employer charges on it) / working days.

    For someone who joined during the year, the pay is what they earned that year: the cap and the working days are
    both prorated to the part of the year they were employed (as the PASS is for a partial year), so a day is worth
    what it would for a full year at the same pay."""
    if annual_gross_pay < 0:
        raise ValuationError("Le salaire brut annuel ne peut pas être négatif.")
    if not Decimal("0") <= employer_charge_rate <= Decimal("1.5"):
        raise ValuationError("Le taux de charges patronales doit être compris entre 0 et 150 %.")
    share = employed_share(rates.year, employed_from)
    if share <= 0:
        raise ValuationError(f"La date d'entrée est après l'année {rates.year}.")
    cap = rates.pay_cap_multiple * rates.pass_amount * share
    capped = min(annual_gross_pay, cap)
    cost = capped * (Decimal("1") + employer_charge_rate)
    return money(cost / (Decimal(rates.working_days) * share))


def ceiling(rates: YearRates, turnover_excl_tax: Decimal | None) -> Decimal:
    """The greater of €20,000 and 0.5 % of turnover excluding tax."""
    share = money((turnover_excl_tax or Decimal("0")) * rates.ceiling_turnover_share)
    return max(rates.ceiling_floor, share)


@dataclass(frozen=True)
class Excess:
    """Donations above a year's ceiling, usable in the five following years (oldest first)."""

    year: int
    ordinary: Decimal
    exception: Decimal = Decimal("0")

    @property
    def amount(self) -> Decimal:
        return self.ordinary + self.exception


@dataclass(frozen=True)
class YearReduction:
    year: int
    donations: Decimal
    ceiling: Decimal
    within_ceiling: Decimal
    excess: Decimal
    carry_forward_used: Decimal
    base_at_rate: Decimal  # at 60 %
    base_at_reduced_rate: Decimal  # at 40 %
    reduction: Decimal
    carried_left: tuple[Excess, ...]
    expired: tuple[Excess, ...]


def _take(amount: Decimal, available: Decimal) -> tuple[Decimal, Decimal]:
    used = min(amount, available)
    return used, amount - used


def year_reduction(rates: YearRates, ordinary: Decimal, exception: Decimal, turnover_excl_tax: Decimal | None,
                   carried: Iterable[Excess] = ()) -> YearReduction:
    """The year's reduction.

    - Donations within the ceiling give 60 %; of the ordinary ones, the part of the year's base above €2 million gives
      40 %. Donations to the law's exceptions (bodies giving free meals, care or housing to people in difficulty) keep
      60 % and do not count toward the €2 million.
    - Donations above the ceiling are carried to the five following years, used after that year's own donations,
      oldest first, within its ceiling, in the same conditions; what is older than five years is lost.
    - Within the ceiling the exceptions are taken first (the order most favourable to the company)."""
    limit = ceiling(rates, turnover_excl_tax)
    own_exception, exception_over = _take(exception, limit)
    own_ordinary, ordinary_over = _take(ordinary, limit - own_exception)
    room = limit - own_exception - own_ordinary
    used_exception = used_ordinary = Decimal("0")
    left: list[Excess] = []
    expired: list[Excess] = []
    for entry in sorted(carried, key=lambda e: e.year):
        if entry.year < rates.year - rates.carry_forward_years:
            expired.append(entry)
            continue
        take_exception, rest_exception = _take(entry.exception, room)
        room -= take_exception
        take_ordinary, rest_ordinary = _take(entry.ordinary, room)
        room -= take_ordinary
        used_exception += take_exception
        used_ordinary += take_ordinary
        if rest_exception or rest_ordinary:
            left.append(Excess(entry.year, rest_ordinary, rest_exception))
    if exception_over or ordinary_over:
        left.append(Excess(rates.year, ordinary_over, exception_over))
    ordinary_base = own_ordinary + used_ordinary
    at_reduced = max(ordinary_base - rates.reduced_rate_threshold, Decimal("0"))
    at_rate = own_exception + used_exception + ordinary_base - at_reduced
    return YearReduction(
        year=rates.year,
        donations=ordinary + exception,
        ceiling=limit,
        within_ceiling=own_exception + own_ordinary,
        excess=exception_over + ordinary_over,
        carry_forward_used=used_exception + used_ordinary,
        base_at_rate=at_rate,
        base_at_reduced_rate=at_reduced,
        reduction=money(at_rate * rates.rate + at_reduced * rates.reduced_rate),
        carried_left=tuple(left),
        expired=tuple(expired),
    )
