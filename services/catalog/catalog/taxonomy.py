"""The fixed vocabularies missions and associations are described with: themes, expertises, formats, places, eligibility.

Pure data and small pure functions, no Flask, SQLAlchemy nor bus, so that every layer (schemas, filters,
demo data, tests) can check a value against the same lists. The themes and expertises are the product
guide's lists, word for word, because people's saved preferences and mission filters match on these
exact strings.
"""
from __future__ import annotations

from types import MappingProxyType
from collections.abc import Mapping

# The guide's twelve "thématiques", lowercase and in its order (the order the preference form shows).
THEMES: tuple[str, ...] = (
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

# The guide's seven "expertises professionnelles". The guide prints "Administratif / Bureauatique":
# a typo, spelled correctly here (engagement's demo preferences already use the correct spelling).
PROFESSIONAL_EXPERTISES: tuple[str, ...] = (
    "Administratif / Bureautique",
    "Audit / Conseil / MOA",
    "Développement / Commercial",
    "Divers IT (Data, TMA,...)",
    "Informatique / Web",
    "Intégration / Développement",
    "Marketing / Communication",
)

# The guide's eleven "expertises personnelles": what anyone can bring, whatever their job.
PERSONAL_EXPERTISES: tuple[str, ...] = (
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

# A mission's format as the cards show it. The guide's cards also print "ne sait pas" for the
# undefined format; the mission sheet says "Durée à définir", which reads better, so that is the label.
MISSION_FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "full_day": "100% journée",
        "half_day": "1/2 journée",
        "undefined": "Durée à définir",
    }
)

# The eighteen regions since the 2016 reform: thirteen in metropolitan France, then the five overseas
# regions (each a single department). Official names.
METROPOLITAN_REGIONS: tuple[str, ...] = (
    "Auvergne-Rhône-Alpes",
    "Bourgogne-Franche-Comté",
    "Bretagne",
    "Centre-Val de Loire",
    "Corse",
    "Grand Est",
    "Hauts-de-France",
    "Île-de-France",
    "Normandie",
    "Nouvelle-Aquitaine",
    "Occitanie",
    "Pays de la Loire",
    "Provence-Alpes-Côte d'Azur",
)
OVERSEAS_REGIONS: tuple[str, ...] = (
    "Guadeloupe",
    "Martinique",
    "Guyane",
    "La Réunion",
    "Mayotte",
)
REGIONS: tuple[str, ...] = METROPOLITAN_REGIONS + OVERSEAS_REGIONS

_ARA = "Auvergne-Rhône-Alpes"
_BFC = "Bourgogne-Franche-Comté"
_BRE = "Bretagne"
_CVL = "Centre-Val de Loire"
_COR = "Corse"
_GES = "Grand Est"
_HDF = "Hauts-de-France"
_IDF = "Île-de-France"
_NOR = "Normandie"
_NAQ = "Nouvelle-Aquitaine"
_OCC = "Occitanie"
_PDL = "Pays de la Loire"
_PAC = "Provence-Alpes-Côte d'Azur"

# The 101 departments as (code, name, region). Codes are strings: Corsica's are "2A" and "2B" and the
# overseas ones have three digits, so an integer would lose information. Names follow INSEE's official
# geographic code (67 and 68 remain departments within the Collectivité européenne d'Alsace).
DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("01", "Ain", _ARA),
    ("02", "Aisne", _HDF),
    ("03", "Allier", _ARA),
    ("04", "Alpes-de-Haute-Provence", _PAC),
    ("05", "Hautes-Alpes", _PAC),
    ("06", "Alpes-Maritimes", _PAC),
    ("07", "Ardèche", _ARA),
    ("08", "Ardennes", _GES),
    ("09", "Ariège", _OCC),
    ("10", "Aube", _GES),
    ("11", "Aude", _OCC),
    ("12", "Aveyron", _OCC),
    ("13", "Bouches-du-Rhône", _PAC),
    ("14", "Calvados", _NOR),
    ("15", "Cantal", _ARA),
    ("16", "Charente", _NAQ),
    ("17", "Charente-Maritime", _NAQ),
    ("18", "Cher", _CVL),
    ("19", "Corrèze", _NAQ),
    ("2A", "Corse-du-Sud", _COR),
    ("2B", "Haute-Corse", _COR),
    ("21", "Côte-d'Or", _BFC),
    ("22", "Côtes-d'Armor", _BRE),
    ("23", "Creuse", _NAQ),
    ("24", "Dordogne", _NAQ),
    ("25", "Doubs", _BFC),
    ("26", "Drôme", _ARA),
    ("27", "Eure", _NOR),
    ("28", "Eure-et-Loir", _CVL),
    ("29", "Finistère", _BRE),
    ("30", "Gard", _OCC),
    ("31", "Haute-Garonne", _OCC),
    ("32", "Gers", _OCC),
    ("33", "Gironde", _NAQ),
    ("34", "Hérault", _OCC),
    ("35", "Ille-et-Vilaine", _BRE),
    ("36", "Indre", _CVL),
    ("37", "Indre-et-Loire", _CVL),
    ("38", "Isère", _ARA),
    ("39", "Jura", _BFC),
    ("40", "Landes", _NAQ),
    ("41", "Loir-et-Cher", _CVL),
    ("42", "Loire", _ARA),
    ("43", "Haute-Loire", _ARA),
    ("44", "Loire-Atlantique", _PDL),
    ("45", "Loiret", _CVL),
    ("46", "Lot", _OCC),
    ("47", "Lot-et-Garonne", _NAQ),
    ("48", "Lozère", _OCC),
    ("49", "Maine-et-Loire", _PDL),
    ("50", "Manche", _NOR),
    ("51", "Marne", _GES),
    ("52", "Haute-Marne", _GES),
    ("53", "Mayenne", _PDL),
    ("54", "Meurthe-et-Moselle", _GES),
    ("55", "Meuse", _GES),
    ("56", "Morbihan", _BRE),
    ("57", "Moselle", _GES),
    ("58", "Nièvre", _BFC),
    ("59", "Nord", _HDF),
    ("60", "Oise", _HDF),
    ("61", "Orne", _NOR),
    ("62", "Pas-de-Calais", _HDF),
    ("63", "Puy-de-Dôme", _ARA),
    ("64", "Pyrénées-Atlantiques", _NAQ),
    ("65", "Hautes-Pyrénées", _OCC),
    ("66", "Pyrénées-Orientales", _OCC),
    ("67", "Bas-Rhin", _GES),
    ("68", "Haut-Rhin", _GES),
    ("69", "Rhône", _ARA),
    ("70", "Haute-Saône", _BFC),
    ("71", "Saône-et-Loire", _BFC),
    ("72", "Sarthe", _PDL),
    ("73", "Savoie", _ARA),
    ("74", "Haute-Savoie", _ARA),
    ("75", "Paris", _IDF),
    ("76", "Seine-Maritime", _NOR),
    ("77", "Seine-et-Marne", _IDF),
    ("78", "Yvelines", _IDF),
    ("79", "Deux-Sèvres", _NAQ),
    ("80", "Somme", _HDF),
    ("81", "Tarn", _OCC),
    ("82", "Tarn-et-Garonne", _OCC),
    ("83", "Var", _PAC),
    ("84", "Vaucluse", _PAC),
    ("85", "Vendée", _PDL),
    ("86", "Vienne", _NAQ),
    ("87", "Haute-Vienne", _NAQ),
    ("88", "Vosges", _GES),
    ("89", "Yonne", _BFC),
    ("90", "Territoire de Belfort", _BFC),
    ("91", "Essonne", _IDF),
    ("92", "Hauts-de-Seine", _IDF),
    ("93", "Seine-Saint-Denis", _IDF),
    ("94", "Val-de-Marne", _IDF),
    ("95", "Val-d'Oise", _IDF),
    ("971", "Guadeloupe", "Guadeloupe"),
    ("972", "Martinique", "Martinique"),
    ("973", "Guyane", "Guyane"),
    ("974", "La Réunion", "La Réunion"),
    ("976", "Mayotte", "Mayotte"),
)

_BY_CODE: Mapping[str, tuple[str, str, str]] = MappingProxyType({row[0]: row for row in DEPARTMENTS})


def _normalise(code: str) -> str:
    # Forms often send "2a" or "1" (a leading zero lost in a spreadsheet); both mean a known department.
    code = str(code).strip().upper()
    return code.zfill(2) if code.isdigit() and len(code) == 1 else code


def is_department(code: str) -> bool:
    return _normalise(code) in _BY_CODE


def region_of_department(code: str) -> str:
    """The region a department belongs to; KeyError for a code that is not a department."""
    return _BY_CODE[_normalise(code)][2]


def department_name(code: str) -> str:
    """The department's official name ("69" → "Rhône"); KeyError for a code that is not a department."""
    return _BY_CODE[_normalise(code)][1]


def departments_of_region(region: str) -> tuple[str, ...]:
    """The codes of a region's departments, in code order (for the "Régions" filter)."""
    return tuple(code for code, _name, in_region in DEPARTMENTS if in_region == region)


# Who may receive skills-based sponsorship that the company may deduct: the beneficiaries of
# article 238 bis of the Code général des impôts (1, a: "œuvres ou organismes d'intérêt général ayant un
# caractère philanthropique, éducatif, scientifique, social, humanitaire, sportif, familial, culturel, ou
# concourant à la mise en valeur du patrimoine artistique, à la défense de l'environnement naturel ou à
# la diffusion de la culture, de la langue et des connaissances scientifiques françaises"; 1, b: the
# fondations and associations reconnues d'utilité publique; and, further down the same article, the
# approved higher education establishments, the non-profit performing arts and contemporary art
# organisations and the fonds de dotation). Deliberately not exhaustive: the article lists more special
# cases, and whether an organisation qualifies is the operator's check, not this list's. Codes are stable;
# labels are what the association form and the convention show.
GENERAL_INTEREST_CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "philanthropique": "Caractère philanthropique",
        "educatif": "Caractère éducatif",
        "scientifique": "Caractère scientifique",
        "social": "Caractère social",
        "humanitaire": "Caractère humanitaire",
        "sportif": "Caractère sportif",
        "familial": "Caractère familial",
        "culturel": "Caractère culturel",
        "patrimoine_artistique": "Mise en valeur du patrimoine artistique",
        "environnement_naturel": "Défense de l'environnement naturel",
        "culture_francaise": "Diffusion de la culture, de la langue et des connaissances scientifiques françaises",
        "utilite_publique": "Fondation ou association reconnue d'utilité publique",
        "enseignement_superieur": "Établissement d'enseignement supérieur ou artistique agréé",
        "spectacle_vivant": "Organisme de spectacle vivant ou d'exposition d'art contemporain à gestion désintéressée",
        "fonds_de_dotation": "Fonds de dotation",
    }
)
