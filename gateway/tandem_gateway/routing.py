"""The gateway's routes in-process: /api/<service>/ to each service, /dev/mail to the sink, / to the web client.

It behaves like deploy/gateway/nginx.conf: the prefix is stripped and the X-Forwarded-*
headers are set by the gateway itself, never taken from the client.
"""
from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable, Mapping
from pathlib import Path

from werkzeug.security import safe_join
from werkzeug.wrappers import Request, Response
from werkzeug.wsgi import wrap_file

WsgiApp = Callable


def _not_found(environ, start_response):
    body = json.dumps(
        {"type": "about:blank", "title": "Introuvable", "status": 404, "detail": "Aucun service ne répond à cette adresse."},
        ensure_ascii=False,
    )
    return Response(body, status=404, content_type="application/problem+json")(environ, start_response)


class Gateway:
    def __init__(self, services: Mapping[str, WsgiApp], web_root: Path, dev_mail: WsgiApp | None = None):
        self.services = dict(services)
        self.web_root = Path(web_root)
        self.dev_mail = dev_mail

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "") or "/"
        if path == "/api" or path.startswith("/api/"):
            parts = path.split("/", 3)
            service = parts[2] if len(parts) > 2 else ""
            app = self.services.get(service)
            if app is None:
                return _not_found(environ, start_response)
            prefix = f"/api/{service}"
            environ = dict(environ)
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + prefix
            environ["PATH_INFO"] = path[len(prefix):] or "/"
            environ["HTTP_X_FORWARDED_FOR"] = environ.get("REMOTE_ADDR", "")
            environ["HTTP_X_FORWARDED_PROTO"] = environ.get("wsgi.url_scheme", "http")
            environ["HTTP_X_FORWARDED_HOST"] = environ.get("HTTP_HOST", "")
            environ["HTTP_X_FORWARDED_PREFIX"] = prefix
            return app(environ, start_response)
        if self.dev_mail is not None and (path == "/dev/mail" or path.startswith("/dev/mail")):
            return self.dev_mail(environ, start_response)
        return self._static(environ, start_response, path)

    def _static(self, environ, start_response, path: str):
        request = Request(environ)
        if request.method not in ("GET", "HEAD"):
            return Response("Méthode non autorisée", status=405)(environ, start_response)
        relative = path.lstrip("/")
        candidate = safe_join(str(self.web_root), relative) if relative else None
        if candidate is None or not Path(candidate).is_file():
            # A single-page client: deep links (/missions/42) are served the shell and routed in the browser.
            candidate = str(self.web_root / "index.html")
            if not Path(candidate).is_file():
                return _not_found(environ, start_response)
        mime = mimetypes.guess_type(candidate)[0] or "application/octet-stream"
        if mime.startswith("text/") or mime in ("application/javascript", "application/json"):
            mime += "; charset=utf-8"
        handle = open(candidate, "rb")
        response = Response(wrap_file(environ, handle), content_type=mime, direct_passthrough=True)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "no-cache"
        return response(environ, start_response)
