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



def page_offset(args: dict) -> int:
    """How many items come before the requested page (`page` and `per_page` already bounded by the schema)."""
    return (args["page"] - 1) * args["per_page"]


def page_of_query(session, query, args: dict, *order_by, entities: bool = False) -> tuple[list, int]:
    """The rows of the requested page of a SQLAlchemy `select` in `order_by`, and the count of all its rows;
    `entities` keeps whole result rows (joins) instead of the first column."""
    import sqlalchemy as sa  # shared is imported by services that all use SQLAlchemy; kept local for the pure helpers

    total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    ordered = query.order_by(*order_by).offset(page_offset(args)).limit(args["per_page"])
    rows = session.execute(ordered).all() if entities else session.scalars(ordered).all()
    return list(rows), total


def page_of_list(items: list, args: dict) -> tuple[list, int]:
    """The requested page of a list already in order (sorted or filtered in Python), and its length."""
    start = page_offset(args)
    return items[start:start + args["per_page"]], len(items)
