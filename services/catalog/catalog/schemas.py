"""Catalog's API shapes (marshmallow): what clients send and receive."""
from __future__ import annotations

from flask import has_request_context, request
from flask_smorest.fields import Upload
from marshmallow import Schema, fields, post_dump, validate

from tandem_shared.date_fields import CalendarDate
from tandem_shared.boolean_fields import StrictBoolean
from tandem_shared.paging import PageArgsSchema
from tandem_shared.text_fields import MultiLineString, SingleLineString

from . import taxonomy
from .access import is_visitor

# Hidden from visitors who have not logged in (null in what they read).
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")



def image_url(image_id: str | None) -> str | None:
    """The image's URL as the caller reaches catalog (`/api/catalog/images/<sha256>.webp` behind the gateway)."""
    if not image_id:
        return None
    root = request.script_root if has_request_context() else ""
    return f"{root}/images/{image_id}.webp"


IMAGE_URL = {"description": "Adresse de l'image (WebP, adresse immuable), null sans image."}

THEME_LIST = fields.List(fields.String(validate=validate.OneOf(taxonomy.THEMES)), validate=validate.Length(max=len(taxonomy.THEMES)))
PRO_LIST = fields.List(fields.String(validate=validate.OneOf(taxonomy.PROFESSIONAL_EXPERTISES)), validate=validate.Length(max=len(taxonomy.PROFESSIONAL_EXPERTISES)))
PERSO_LIST = fields.List(fields.String(validate=validate.OneOf(taxonomy.PERSONAL_EXPERTISES)), validate=validate.Length(max=len(taxonomy.PERSONAL_EXPERTISES)))
DEPARTMENT = validate.OneOf([code for code, _, _ in taxonomy.DEPARTMENTS], error="Choisis le département dans la liste.")
CITY = validate.Length(min=1, max=100, error="Indique la ville (100 caractères au plus).")


class AssociationWriteSchema(Schema):
    name = SingleLineString(required=True, validate=validate.Length(min=2, max=200))
    rna = SingleLineString(allow_none=True, load_default=None, validate=validate.Regexp(r"^W\d{9}$", error="Le numéro RNA commence par W suivi de 9 chiffres."))
    siren = SingleLineString(allow_none=True, load_default=None, validate=validate.Regexp(r"^\d{9}$", error="Le SIREN compte 9 chiffres."))
    address = SingleLineString(required=True, validate=validate.Length(min=3, max=500))
    city = SingleLineString(required=True, validate=CITY)
    department = SingleLineString(required=True, validate=DEPARTMENT)
    website = fields.Url(allow_none=True, load_default=None)
    contact_email = fields.Email(required=True)
    themes = THEME_LIST
    description = MultiLineString(load_default="", validate=validate.Length(max=10_000), metadata={"description": "Découvre l'association"})
    representative_name = SingleLineString(required=True, validate=validate.Length(min=2, max=200))
    representative_title = SingleLineString(required=True, validate=validate.Length(min=2, max=200))
    general_interest_category = SingleLineString(required=True, validate=validate.OneOf(list(taxonomy.GENERAL_INTEREST_CATEGORIES)),
                                              metadata={"description": "Catégorie d'intérêt général (article 238 bis du CGI)"})


class AssociationUpdateSchema(AssociationWriteSchema):
    """An association's changes: any of its fields (used partial). A class of its own, so that its OpenAPI name is too."""


class AssociationSchema(Schema):
    id = fields.String()
    name = fields.String()
    rna = fields.String(allow_none=True)
    siren = fields.String(allow_none=True)
    address = fields.String()
    city = fields.String()
    department = fields.String()
    region = fields.String()
    website = fields.String(allow_none=True)
    contact_email = fields.String(allow_none=True, metadata={"description": "null pour un visiteur non connecté."})
    themes = fields.List(fields.String())
    description = fields.String()
    representative_name = fields.String()
    representative_title = fields.String()
    general_interest_category = fields.String()
    general_interest_label = fields.Function(lambda a: taxonomy.GENERAL_INTEREST_CATEGORIES.get(a.general_interest_category, ""))
    vetting_status = fields.String()
    logo_url = fields.Function(lambda a: image_url(a.logo_image_id), allow_none=True, metadata=IMAGE_URL)

    @post_dump
    def _without_contacts_for_visitors(self, data, **kwargs):
        # A visitor reads the offer; the referent's name, address and phone are for logged-in people only.
        if is_visitor():
            data.update({key: None for key in CONTACT_FIELDS if key in data})
        return data


class AssociationListSchema(Schema):
    items = fields.List(fields.Nested(AssociationSchema))
    total = fields.Integer()
    facets = fields.Dict(keys=fields.String(), values=fields.Dict(keys=fields.String(), values=fields.Integer()))


class AssociationNamesSchema(Schema):
    names = fields.Dict(keys=fields.String(), values=fields.String(), metadata={"description": "Le nom de chaque association validée, par identifiant"})


class AssociationQuerySchema(PageArgsSchema):
    q = SingleLineString(load_default=None, validate=validate.Length(max=200), metadata={"description": "Mots-clés"})
    theme = fields.List(SingleLineString(), load_default=list, metadata={"description": "Thématiques (plusieurs possibles)"})
    region = fields.List(SingleLineString(), load_default=list)


class VettingSchema(Schema):
    decision = SingleLineString(required=True, validate=validate.OneOf(["approved", "rejected"]))


class MissionWriteSchema(Schema):
    association_id = SingleLineString(required=True)
    title = SingleLineString(required=True, validate=validate.Length(min=3, max=200))
    description = MultiLineString(load_default="", validate=validate.Length(max=20_000), metadata={"description": "Ta mission si tu l'acceptes"})
    themes = THEME_LIST
    professional_expertises = PRO_LIST
    personal_expertises = PERSO_LIST
    format = SingleLineString(load_default="undefined", validate=validate.OneOf(list(taxonomy.MISSION_FORMATS)),
                           metadata={"description": "full_day (100% journée), half_day (1/2 journée), undefined (Durée à définir)"})
    duration = SingleLineString(load_default="", validate=validate.Length(max=200))
    address = SingleLineString(load_default="", validate=validate.Length(max=500))
    city = SingleLineString(required=True, validate=CITY)
    department = SingleLineString(required=True, validate=DEPARTMENT)
    remote_possible = StrictBoolean(load_default=False)
    places = fields.Integer(load_default=1, validate=validate.Range(min=1, max=500))
    all_jobs = StrictBoolean(load_default=False, metadata={"description": "Tous types de métiers !"})
    contact_name = SingleLineString(required=True, validate=validate.Length(min=2, max=200))
    contact_email = fields.Email(required=True)
    contact_phone = SingleLineString(allow_none=True, load_default=None, validate=validate.Regexp(r"^\+?[0-9 .()-]{6,30}$", error="Ce numéro de téléphone n'est pas valide."))
    open_to_all_companies = StrictBoolean(load_default=True)
    company_ids = fields.List(SingleLineString(), load_default=list, metadata={"description": "Les entreprises choisies quand la mission n'est pas ouverte à toutes"})
    publish = StrictBoolean(load_default=False, load_only=True, metadata={"description": "Publier tout de suite (sinon brouillon)."})


class MissionUpdateSchema(MissionWriteSchema):
    class Meta:
        exclude = ("association_id", "publish")


class SearchArgsSchema(PageArgsSchema):
    q = SingleLineString(load_default=None, validate=validate.Length(max=200), metadata={"description": "Mots-clés"})
    association = fields.List(SingleLineString(), load_default=list)
    theme = fields.List(SingleLineString(), load_default=list)
    professional_expertise = fields.List(SingleLineString(), load_default=list)
    personal_expertise = fields.List(SingleLineString(), load_default=list)
    region = fields.List(SingleLineString(), load_default=list)
    spotlight = SingleLineString(load_default=None, validate=validate.Length(max=36),
                                 metadata={"description": "Seulement les missions liées à cette cause de l'actu solidaire"})


class AssociationCardSchema(Schema):
    id = fields.String()
    name = fields.String()
    logo_url = fields.Function(lambda a: image_url(a.logo_image_id), allow_none=True, metadata=IMAGE_URL)


class MissionCardSchema(Schema):
    """A mission as a list shows it (a card): what to recognise it and choose it, not the whole mission page.

    A search answers 20 of them at a time: leaving out the description, the address, the contact and the dates of
    the mission page is half the work of writing the answer, and most of its size. GET /missions/{id} has the rest
    (MissionSchema). A list loads only the columns a card reads (`search.CARD_LOADING`).
    """
    id = fields.String()
    title = fields.String()
    association = fields.Nested(AssociationCardSchema)
    association_id = fields.String()
    association_name = fields.Function(lambda m: m.association.name)
    themes = fields.List(fields.String())
    professional_expertises = fields.List(fields.String())
    personal_expertises = fields.List(fields.String())
    format = fields.String()
    format_label = fields.Function(lambda m: taxonomy.MISSION_FORMATS[m.format])
    duration = fields.String()
    city = fields.String()
    department = fields.String()
    region = fields.String()
    remote_possible = fields.Boolean()
    places = fields.Integer()
    open_to_all_companies = fields.Boolean(metadata={"description": "false : réservée à ton entreprise (et à d'autres choisies)."})
    published_at = fields.AwareDateTime(allow_none=True)
    cover_url = fields.Function(lambda m: image_url(m.cover_image_id), allow_none=True,
                                metadata={"description": "La photo (1600 × 900 au plus), null sans photo : montrer l'illustration de la thématique."})
    cover_thumbnail_url = fields.Function(lambda m: image_url(m.cover_thumbnail_id), allow_none=True,
                                          metadata={"description": "La même photo en petit (640 × 360 au plus), pour les cartes."})


class MissionCardListSchema(Schema):
    items = fields.List(fields.Nested(MissionCardSchema))
    total = fields.Integer()
    facets = fields.Dict(keys=fields.String(), values=fields.Dict(keys=fields.String(), values=fields.Integer()),
                         metadata={"description": "Pour chaque filtre, le nombre de missions par valeur, les autres filtres appliqués."})


class LinkedSpotlightSchema(Schema):
    id = fields.String()
    title = fields.String()


class MissionSearchSchema(MissionCardListSchema):
    spotlight = fields.Nested(LinkedSpotlightSchema, allow_none=True,
                              metadata={"description": "La cause de l'actu solidaire demandée (`spotlight`), sinon null"})


class AssociationSummarySchema(AssociationCardSchema):
    city = fields.String()
    website = fields.String(allow_none=True)
    description = fields.String()
    themes = fields.List(fields.String())


class MissionSchema(MissionCardSchema):
    """The mission page: the card and everything else (description, address, contact, reservations, dates)."""
    description = fields.String()
    association = fields.Nested(AssociationSummarySchema)
    address = fields.String()
    all_jobs = fields.Boolean()
    company_ids = fields.List(fields.String())
    contact_name = fields.String(allow_none=True)
    contact_email = fields.String(allow_none=True)
    contact_phone = fields.String(allow_none=True)
    status = fields.String()
    created_at = fields.AwareDateTime()
    updated_at = fields.AwareDateTime()
    closed_at = fields.AwareDateTime(allow_none=True)

    @post_dump
    def _without_contacts_for_visitors(self, data, **kwargs):
        # A visitor reads the offer; the referent's name, address and phone are for logged-in people only.
        if is_visitor():
            data.update({key: None for key in CONTACT_FIELDS if key in data})
        return data


class MissionListSchema(MissionCardListSchema):
    items = fields.List(fields.Nested(MissionSchema))


class ImageUploadSchema(Schema):
    file = Upload(required=True, metadata={"description": "L'image : JPEG, PNG ou WebP, 2 Mo au plus (SVG refusé)."})


class TaxonomySchema(Schema):
    themes = fields.List(fields.String())
    professional_expertises = fields.List(fields.String())
    personal_expertises = fields.List(fields.String())
    formats = fields.Dict(keys=fields.String(), values=fields.String())
    regions = fields.List(fields.String())
    departments = fields.List(fields.Dict())
    general_interest_categories = fields.Dict(keys=fields.String(), values=fields.String())


class SpotlightWriteSchema(Schema):
    title = SingleLineString(required=True, validate=validate.Length(min=3, max=200))
    starts_on = CalendarDate(required=True)
    ends_on = CalendarDate(allow_none=True, load_default=None)
    description = MultiLineString(load_default="", validate=validate.Length(max=5000))
    themes = THEME_LIST
    keywords = fields.List(SingleLineString(validate=validate.Length(min=2, max=60)), load_default=list, validate=validate.Length(max=20))


class SpotlightUpdateSchema(SpotlightWriteSchema):
    """A cause's changes: any of its fields (used partial). A class of its own, so that its OpenAPI name is too."""


class SpotlightQuerySchema(Schema):
    start = CalendarDate(load_default=None, metadata={"description": "Premier jour (par défaut le 1er du mois en cours)"})
    months = fields.Integer(load_default=12, validate=validate.Range(min=1, max=24))


class SpotlightSchema(Schema):
    id = fields.String()
    title = fields.String()
    starts_on = fields.Date()
    ends_on = fields.Date(allow_none=True)
    description = fields.String()
    themes = fields.List(fields.String())
    keywords = fields.List(fields.String())
    mission_count = fields.Integer(metadata={"description": "Les missions publiées que tu peux voir, liées par thématique ou mot-clé "
                                                            "(« Je trouve » les liste avec `spotlight`)"})


class SpotlightMonthSchema(Schema):
    month = fields.String(metadata={"description": "AAAA-MM"})
    label = fields.String(metadata={"description": "« décembre 2026 »"})
    items = fields.List(fields.Nested(SpotlightSchema))


class SpotlightListSchema(Schema):
    months = fields.List(fields.Nested(SpotlightMonthSchema))
    total = fields.Integer()
