"""Approval's API shapes (marshmallow): what the manager's pages send and receive."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from tandem_shared.paging import PageArgsSchema
from tandem_shared.text_fields import MultiLineString, SingleLineString

from . import domain


class RequestQuerySchema(PageArgsSchema):
    status = SingleLineString(load_default=None, validate=validate.OneOf([s.value for s in domain.RequestStatus]),
                           metadata={"description": "Seulement les demandes dans cet état."})


class DecisionSchema(Schema):
    decision = SingleLineString(required=True, validate=validate.OneOf([d.value for d in domain.Decision]),
                             metadata={"description": "`accept` (« Accepter la demande ») ou `refuse` (« Refuser la demande »)."})
    reason = MultiLineString(allow_none=True, load_default=None, validate=validate.Length(max=2000),
                           metadata={"description": "Le motif du refus, facultatif ; ignoré quand la demande est acceptée."})


class RequestDateSchema(Schema):
    date = fields.String(metadata={"description": "AAAA-MM-JJ"})
    format = fields.String(metadata={"description": "`full_day` (journée) ou `half_day` (1/2 journée)"})
    label = fields.String(metadata={"description": "« Lundi 25 janvier 2027 — journée »"})


class MonthSchema(Schema):
    month = fields.String(metadata={"description": "« Janvier 2027 »"})
    days = fields.List(fields.String(), metadata={"description": "« Lundi 25 (journée) »"})


class ManagerRequestSchema(Schema):
    """« Demande d'absence à valider », as the manager sees it."""

    id = fields.String()
    participation_id = fields.String(metadata={"description": "La mission du collaborateur (Les missions de ton équipe)."})
    person_name = fields.String()
    person_email = fields.String()
    mission_title = fields.String()
    association_name = fields.String()
    year = fields.Integer()
    kind = fields.String(metadata={"description": "`initial` (premières dates) ou `additional` (dates ajoutées)"})
    dates = fields.List(fields.Nested(RequestDateSchema))
    months = fields.List(fields.Nested(MonthSchema), metadata={"description": "Les dates groupées par mois, comme dans l'e-mail."})
    days = fields.Float(metadata={"description": "Jours demandés (une journée compte 1, une demi-journée 0,5)."})
    message = fields.String(metadata={"description": "Le message du collaborateur."})
    status = fields.String(metadata={"description": "`pending`, `approved`, `refused` ou `cancelled`"})
    reason = fields.String(allow_none=True, metadata={"description": "Le motif, pour un refus."})
    decided_at = fields.AwareDateTime(allow_none=True)
    via = fields.String(allow_none=True, metadata={"description": "`link` (lien de l'e-mail) ou `team_view` (Les missions de mon équipe)"})
    cancellation = fields.String(allow_none=True, metadata={"description": "`cancelled` ou `withdrawn` quand le collaborateur a annulé"})
    cancelled_at = fields.AwareDateTime(allow_none=True)
    created_at = fields.AwareDateTime()
    reminders = fields.Integer(metadata={"description": "Relances déjà envoyées."})
    accept_until = fields.Date(metadata={
        "description": "Le dernier jour où la demande peut être acceptée : sa première date (ensuite, elle ne peut plus "
                       "qu'être refusée)."})
    acceptance_refused = fields.String(allow_none=True, metadata={
        "description": "Pourquoi cette demande en attente ne peut plus être acceptée (une de ses dates est passée : "
                       "elle ne peut plus qu'être refusée), à afficher ; null quand elle peut l'être."})


class LinkRequestSchema(ManagerRequestSchema):
    link_expires_at = fields.AwareDateTime(metadata={"description": "Jusqu'à quand ce lien permet de décider."})


class DecidedSchema(ManagerRequestSchema):
    detail = fields.String(metadata={"description": "Ce qui vient de se passer, à afficher."})


class RequestListSchema(Schema):
    items = fields.List(fields.Nested(ManagerRequestSchema))
    total = fields.Integer()
    pending = fields.Integer(metadata={"description": "Demandes en attente : « Valide les dates de ton équipe »."})
