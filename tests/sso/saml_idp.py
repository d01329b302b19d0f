"""A real SAML 2.0 identity provider for the tests (issue 14): pysaml2's own IdP (`saml2.server.Server`) behind a
small HTTP server on loopback. Its key and certificate are made at start with `cryptography` (never committed).

- GET  /metadata         its metadata (entity id, HTTP-Redirect single sign-on service, signing certificate)
- GET  /sso/redirect     the AuthnRequest (HTTP-Redirect binding): a login form, as a person would see it
- POST /login            signs the person in: an HTML form posting the SAMLResponse to the SP's ACS (HTTP-POST),
                         submitted by the page's script (or its button)

`tweaks` lets a test make the IdP misbehave for the next responses (unsigned assertion, other audience, other issuer)."""
from __future__ import annotations

import base64
import datetime
import html
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_EMAILADDRESS, NameID
from saml2.server import Server

XMLSEC_BINARY = "/usr/bin/xmlsec1"


def make_key_and_certificate(directory: Path, common_name: str) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
    key_file, cert_file = directory / "idp.key", directory / "idp.crt"
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


class SamlIdentityProvider:
    """`people`: login -> attributes (SAML attribute name -> value or list of values); the NameID is the `mail`."""

    def __init__(self, sp_metadata_xml: str, people: dict[str, dict], *, port: int = 0, entity_id: str | None = None,
                 key_files: tuple[Path, Path] | None = None):
        self.people = people
        self.tweaks: dict = {}
        self.issued: list[str] = []  # the SAMLResponses sent, newest last (a test replays one)
        self._dir = tempfile.TemporaryDirectory(prefix="saml-idp-")
        self.key_file, self.cert_file = key_files or make_key_and_certificate(Path(self._dir.name), "Tandem tests IdP")
        self.http = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.entity_id = entity_id or f"{self.base}/idp"
        self.sp_metadata_xml = sp_metadata_xml
        self.server = Server(config=self._config())
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def _config(self, entity_id: str | None = None) -> IdPConfig:
        config = IdPConfig()
        config.load({
            "entityid": entity_id or self.entity_id,
            "xmlsec_binary": XMLSEC_BINARY,
            "key_file": str(self.key_file), "cert_file": str(self.cert_file),
            "metadata": {"inline": [self.sp_metadata_xml]},
            "service": {"idp": {
                "endpoints": {"single_sign_on_service": [(f"{self.base}/sso/redirect", BINDING_HTTP_REDIRECT)]},
                "name_id_format": [NAMEID_FORMAT_EMAILADDRESS],
                "policy": {"default": {"lifetime": {"minutes": 5}, "attribute_restrictions": None,
                                       "name_form": NAME_FORMAT_URI}},
            }},
        })
        return config

    def trust(self, sp_metadata_xml: str) -> None:
        """The SP's metadata, when it exists only once the IdP's metadata was given to it (the admin's screen)."""
        self.sp_metadata_xml = sp_metadata_xml
        self.server = Server(config=self._config())

    @property
    def metadata_url(self) -> str:
        return f"{self.base}/metadata"

    def metadata(self) -> str:
        return create_metadata_string(None, config=self._config(), valid=None, sign=False).decode()

    def stop(self):
        self.http.shutdown()
        self.http.server_close()
        self._dir.cleanup()

    def respond(self, saml_request: str, login: str) -> tuple[str, str]:
        """The signed response to an AuthnRequest for `login`: (ACS URL, base64 SAMLResponse)."""
        request = self.server.parse_authn_request(saml_request, BINDING_HTTP_REDIRECT).message
        acs = request.assertion_consumer_service_url or self.server.metadata.assertion_consumer_service(
            request.issuer.text, BINDING_HTTP_POST)[0]["location"]
        attributes = self.people[login]
        server = self.server if "issuer" not in self.tweaks else Server(config=self._config(self.tweaks["issuer"]))
        response = server.create_authn_response(
            {name: value if isinstance(value, list) else [value] for name, value in attributes.items()},
            in_response_to=self.tweaks.get("in_response_to", request.id), destination=acs,
            sp_entity_id=self.tweaks.get("audience", request.issuer.text),
            name_id=NameID(format=NAMEID_FORMAT_EMAILADDRESS, text=attributes["urn:oid:0.9.2342.19200300.100.1.3"]),
            authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
            sign_assertion=self.tweaks.get("sign_assertion", True), sign_response=False)
        encoded = base64.b64encode(str(response).encode()).decode()
        self.issued.append(encoded)
        return acs, encoded

    def _handler(self):
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet tests
                pass

            def _send(self, status: int, body: str, content_type="text/html; charset=utf-8"):
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                parts = urlsplit(self.path)
                if parts.path == "/metadata":
                    return self._send(200, idp.metadata(), "application/samlmetadata+xml")
                if parts.path == "/sso/redirect":
                    request = parse_qs(parts.query).get("SAMLRequest", [""])[0]
                    return self._send(200, (
                        '<!doctype html><html lang="fr"><head><title>IdP de test</title></head><body><main>'
                        '<h1>Fournisseur d\'identité de test</h1>'
                        f'<form method="post" action="{idp.base}/login">'
                        f'<input type="hidden" name="SAMLRequest" value="{html.escape(request)}">'
                        '<label for="login">Identifiant</label> <input id="login" name="login">'
                        '<button type="submit">Se connecter</button></form></main></body></html>'))
                return self._send(404, "inconnu")

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                form = parse_qs(self.rfile.read(length).decode())
                if urlsplit(self.path).path != "/login":
                    return self._send(404, "inconnu")
                login = form.get("login", [""])[0]
                if login not in idp.people:
                    return self._send(403, "identifiant inconnu")
                acs, encoded = idp.respond(form["SAMLRequest"][0], login)
                return self._send(200, (
                    '<!doctype html><html lang="fr"><head><title>Retour vers Tandem</title></head><body><main>'
                    f'<form id="retour" method="post" action="{html.escape(acs)}">'
                    f'<input type="hidden" name="SAMLResponse" value="{encoded}">'
                    '<button type="submit">Continuer vers Tandem</button></form>'
                    '<script>document.getElementById("retour").submit()</script></main></body></html>'))

        return Handler
