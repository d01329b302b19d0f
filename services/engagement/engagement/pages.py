"""One page of a listing: `page` and `per_page` from the query (`PageQuerySchema`), and the total."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session as DbSession


def page_of(session: DbSession, query: sa.Select, args: dict, *order_by, entities: bool = False) -> tuple[list, int]:
    """The rows of the requested page in `order_by`, and the count of all rows; `entities` keeps whole result rows (joins)."""
    total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    ordered = query.order_by(*order_by).offset((args["page"] - 1) * args["per_page"]).limit(args["per_page"])
    rows = session.execute(ordered).all() if entities else session.scalars(ordered).all()
    return list(rows), total


def list_page(items: list, args: dict) -> dict:
    """The requested page of a list already in order (sorted or filtered in Python), and its length."""
    start = (args["page"] - 1) * args["per_page"]
    return {"items": items[start:start + args["per_page"]], "total": len(items)}
