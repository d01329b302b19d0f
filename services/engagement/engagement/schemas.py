"""Engagement's API shapes (marshmallow)."""
from __future__ import annotations

from marshmallow import Schema, fields


class MissionCopySchema(Schema):
    id = fields.String()
    title = fields.String()
    association_name = fields.String()
    status = fields.String()
    url = fields.String()
    as_of = fields.AwareDateTime()
