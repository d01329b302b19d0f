"""Paging of list endpoints: `page` and `per_page` query arguments, bounded so no offset overflows."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

# Far past any list a person pages through, and small enough that (page - 1) * per_page fits any column type.
MAX_PAGE = 10_000


class PageArgsSchema(Schema):
    """`?page=&per_page=`; a service with other page sizes subclasses it and redefines `per_page`."""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE),
                          metadata={"description": f"La page voulue, à partir de 1 (au plus {MAX_PAGE})."})
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100),
                              metadata={"description": "Le nombre d'éléments par page."})

