"""The security audit log, for platform operators."""
from __future__ import annotations

import sqlalchemy as sa
from flask.views import MethodView
from flask_smorest import Blueprint

from tandem_shared.web import current_runtime, login_required

from ..access import operator
from ..models import AuditEntry
from tandem_shared.paging import page_of_query
from ..schemas.admin import AuditPageSchema, AuditQuerySchema

audit_log = Blueprint("audit", __name__, url_prefix="/audit", description="Le journal des événements de sécurité (opérateurs).")


@audit_log.route("")
class AuditLog(MethodView):
    @login_required
    @audit_log.arguments(AuditQuerySchema, location="query")
    @audit_log.response(200, AuditPageSchema)
    def get(self, args):
        """Le journal de sécurité, le plus récent d'abord (équipe de la plateforme)."""
        with current_runtime().db.reading() as session:
            operator(session)
            query = sa.select(AuditEntry)
            if "person_id" in args:
                query = query.where(AuditEntry.person_id == args["person_id"])
            if "action" in args:
                query = query.where(AuditEntry.action == args["action"])
            rows, total = page_of_query(session, query, args, AuditEntry.at.desc(), AuditEntry.id.desc())
            return {"items": rows, "total": total}
