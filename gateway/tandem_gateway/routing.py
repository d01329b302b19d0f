"""The gateway's routes in-process: /api/<service>/ to each service, /dev/ to the development helpers, / to the web client.

It behaves like deploy/gateway/nginx.conf: the prefix is stripped, the X-Forwarded-* headers are
set by the gateway itself, never taken from the client, and every answer carries the same
security headers (SECURITY_HEADERS mirrors nginx.conf's add_header lines; a test compares them).
"""
from __future__ import annotations

import json
import mimetypes
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from werkzeug.security import safe_join
from werkzeug.wrappers import Request, Response
from werkzeug.wsgi import wrap_file

from tandem_shared.inputs import MAX_BODY_BYTES

WsgiApp = Callable

# The web client is built ahead of time (web/dist, Vite): its templates are compiled render functions and its
# index.html loads one module by URL, so scripts and styles come from the site only: no 'unsafe-eval', no
# inline script or style. nginx.conf sends the same policy (a test compares them).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin: links a manager opens may hold a token, which must not leak to other sites.
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # Two years, subdomains too: once a browser has seen the site over HTTPS it never tries plain HTTP again.
    # Browsers ignore the header on plain HTTP, so the embedded mode on http://127.0.0.1 loses nothing by it.
    "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY,
    # No page of Tandem uses these features: refuse them to any script that might run here.
    "Permissions-Policy": PERMISSIONS_POLICY,
    # A page opened from Tandem (a link in a mission's description) gets no handle on our window.
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _not_found(environ, start_response):
    body = json.dumps(
        {"type": "about:blank", "title": "Introuvable", "status": 404, "detail": "Aucun service ne répond à cette adresse."},
        ensure_ascii=False,
    )
    return Response(body, status=404, content_type="application/problem+json")(environ, start_response)


# nginx.conf's @request_too_large location answers the same document, from `client_max_body_size` (= MAX_BODY_BYTES).
TOO_LARGE_DETAIL = "Le contenu envoyé est trop volumineux (au plus 2 Mo)."


def _too_large(environ, start_response):
    body = json.dumps({"type": "about:blank", "title": "Contenu trop volumineux", "status": 413, "detail": TOO_LARGE_DETAIL},
                      ensure_ascii=False)
    return Response(body, status=413, content_type="application/problem+json")(environ, start_response)


def _declared_length(environ) -> int:
    try:
        return int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


# The documents' PDFs may be framed by this site's own pages (the convention page shows the version next to
# « Je signe »); nginx.conf's $tandem_frame_options / $tandem_frame_ancestors maps say the same.
FRAMEABLE = re.compile(r"^/api/documents/.+\.pdf$")
FRAMEABLE_HEADERS = {
    **SECURITY_HEADERS,
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
}


def security_headers_for(path: str) -> dict[str, str]:
    return FRAMEABLE_HEADERS if FRAMEABLE.match(path) else SECURITY_HEADERS


def _with_security_headers(start_response, path: str):
    """Set the gateway's headers on every answer, replacing a service's own copy (nginx hides it too)."""
    chosen = security_headers_for(path)

    def start(status, headers, exc_info=None):
        names = {name.lower() for name in chosen}
        kept = [(name, value) for name, value in headers if name.lower() not in names]
        return start_response(status, kept + list(chosen.items()), exc_info)

    return start


class Gateway:
    def __init__(
        self,
        services: Mapping[str, WsgiApp],
        web_root: Path,
        dev_mail: WsgiApp | None = None,
        demo_accounts: dict | None = None,
        dev_clock: WsgiApp | None = None,
    ):
        self.services = dict(services)
        self.web_root = Path(web_root)
        self.dev_mail = dev_mail
        # Embedded mode with demo data only: what the log-in page offers as one-click accounts.
        self.demo_accounts = demo_accounts
        # Embedded mode only: run the workflow's clock ahead, so that a tester can attest presence on dates just asked for.
        self.dev_clock = dev_clock

    def __call__(self, environ, start_response):
        return self._route(environ, _with_security_headers(start_response, environ.get("PATH_INFO", "") or "/"))

    def _route(self, environ, start_response):
        path = environ.get("PATH_INFO", "") or "/"
        if path == "/api" or path.startswith("/api/"):
            parts = path.split("/", 3)
            service = parts[2] if len(parts) > 2 else ""
            app = self.services.get(service)
            if app is None:
                return _not_found(environ, start_response)
            if _declared_length(environ) > MAX_BODY_BYTES:
                # Refused before the service reads a byte, as nginx does; a chunked body meets the service's own limit.
                return _too_large(environ, start_response)
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
        if path == "/dev/demo-accounts.json" and self.demo_accounts is not None:
            return self._demo_accounts(environ, start_response)
        if path == "/dev/clock" and self.dev_clock is not None:
            return self.dev_clock(environ, start_response)
        if path == "/dev" or path.startswith("/dev/"):
            # Like nginx's `location /dev/`: never the web client's index.html.
            return _not_found(environ, start_response)
        return self._static(environ, start_response, path)

    def _demo_accounts(self, environ, start_response):
        if Request(environ).method not in ("GET", "HEAD"):
            return Response("Méthode non autorisée", status=405)(environ, start_response)
        body = json.dumps(self.demo_accounts, ensure_ascii=False)
        return Response(body, content_type="application/json; charset=utf-8", headers={"Cache-Control": "no-store"})(environ, start_response)

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
        response.headers["Cache-Control"] = "no-cache"
        return response(environ, start_response)
