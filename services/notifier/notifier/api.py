"""Notifier's HTTP API: the delivery log, for platform operators."""
from __future__ import annotations

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.paging import page_of_query
from tandem_shared.web import current_principal, current_runtime, login_required

from .models import Email
from .schemas import EmailListSchema, EmailQuerySchema

emails = Blueprint("emails", __name__, url_prefix="/emails", description="Journal d'envoi des e-mails.")


@emails.route("")
class Emails(MethodView):
    @login_required
    @emails.arguments(EmailQuerySchema, location="query")
    @emails.response(200, EmailListSchema)
    def get(self, args):
        """Les e-mails envoyés ou en attente, les plus récents d'abord (opérateurs de la plateforme)."""
        if not current_principal().has_role("platform_operator"):
            abort(403, message="Le journal des e-mails est réservé aux opérateurs de la plateforme.")
        query = sa.select(Email)
        if "status" in args:
            query = query.where(Email.status == args["status"])
        with current_runtime().db.reading() as session:
            items, total = page_of_query(session, query, args, Email.created_at.desc(), Email.id)
        return {"items": items, "total": total}


BLUEPRINTS = [emails]
