"""SAML 2.0 sign-in (use cases, issue 14), with pysaml2 (signatures checked by xmlsec1, never by hand): our service
provider's metadata per provider, an SP-initiated sign-in (AuthnRequest over HTTP-Redirect, its id recorded as the
attempt), and the assertion consumer service (HTTP-POST): signed assertion required, issuer, audience, destination
and recipient, NotBefore/NotOnOrAfter, InResponseTo (the attempt, single use), replayed assertion ids refused, before
`federation.complete_federated_sign_in` lets the person in."""
from __future__ import annotations

import base64
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa
from cachetools import TTLCache
from typing import TYPE_CHECKING

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_settings

from . import federation
from .domain.federation import FederationRefused
from .models import IdentityProvider, SsoSeenAssertion

if TYPE_CHECKING:
    from saml2.client import Saml2Client
    from saml2.config import SPConfig

# pysaml2 is imported by the functions that use it, not here: it brings xmlschema and its schemas, about 45 MiB
# that every engagement process would carry for the companies that sign in with SAML (bench/README.md, P5).

SSO_PREFIX = "/api/engagement/sso/saml"
XMLSEC_BINARY = "/usr/bin/xmlsec1"
CLOCK_LEEWAY_SECONDS = 60
# An IdP's metadata changes rarely (a certificate rollover announces the new certificate ahead).
METADATA_KEPT_SECONDS = 300
_metadata: TTLCache[str, str] = TTLCache(maxsize=256, ttl=METADATA_KEPT_SECONDS)
_metadata_lock = threading.Lock()

PROVIDER_UNREACHABLE = "Le fournisseur d'identité de ton entreprise ne répond pas : réessaie dans quelques minutes."
ASSERTION_REFUSED = "La réponse du fournisseur d'identité n'a pas pu être vérifiée : recommence depuis la page « Se connecter »."


class MetadataUnusable(Exception):
    """The IdP's metadata cannot be read or used (its French message says why)."""


def entity_id(provider_id: str) -> str:
    return f"{current_settings().public_url}{SSO_PREFIX}/{provider_id}/metadata"


def acs_url(provider_id: str) -> str:
    return f"{current_settings().public_url}{SSO_PREFIX}/{provider_id}/acs"


def _allowed_metadata_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname == "127.0.0.1")


def fetch_metadata(url: str, *, fresh: bool = False) -> str:
    """The IdP's metadata XML at `url` (https, or http on 127.0.0.1 for tests), kept METADATA_KEPT_SECONDS."""
    if not _allowed_metadata_url(url):
        raise MetadataUnusable("L'adresse des métadonnées SAML doit commencer par https://.")
    if not fresh:
        with _metadata_lock:
            kept = _metadata.get(url)
        if kept is not None:
            return kept
    try:
        answer = requests.get(url, timeout=current_settings().sso_http_timeout_seconds)
        answer.raise_for_status()
    except requests.RequestException as exc:
        raise MetadataUnusable("Les métadonnées SAML n'ont pas pu être lues à cette adresse : vérifie-la avec ton service informatique.") from exc
    with _metadata_lock:
        _metadata[url] = answer.text
    return answer.text


def _idp_metadata(provider: IdentityProvider, *, fresh: bool = False) -> str:
    if provider.saml_idp_metadata_xml:
        return provider.saml_idp_metadata_xml
    return fetch_metadata(provider.saml_idp_metadata_url or "", fresh=fresh)


def _config(provider_id: str, metadata_xml: str | None) -> SPConfig:
    from saml2 import BINDING_HTTP_POST
    from saml2.config import SPConfig
    from saml2.saml import NAMEID_FORMAT_EMAILADDRESS

    settings = {
        "entityid": entity_id(provider_id),
        "xmlsec_binary": XMLSEC_BINARY,
        "accepted_time_diff": CLOCK_LEEWAY_SECONDS,
        "allow_unknown_attributes": True,
        "service": {"sp": {
            "name": "Tandem",
            "endpoints": {"assertion_consumer_service": [(acs_url(provider_id), BINDING_HTTP_POST)]},
            # The assertion itself must be signed (a signed response around an unsigned assertion is not enough).
            "want_assertions_signed": True,
            "want_response_signed": False,
            # Unsigned requests: they carry nothing secret, and an SP key would be one more secret to keep and roll.
            "authn_requests_signed": False,
            "allow_unsolicited": False,
            "name_id_format": [NAMEID_FORMAT_EMAILADDRESS],
        }},
    }
    if metadata_xml is not None:
        settings["metadata"] = {"inline": [metadata_xml]}
    config = SPConfig()
    config.load(settings)
    return config


def idp_entity_id(metadata_xml: str) -> str:
    """The one IdP the metadata describes (raises MetadataUnusable otherwise)."""
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.mdstore import MetadataStore

    try:
        store = MetadataStore(attrc=None, config=_config("check", None))
        store.load("inline", metadata_xml)
    except Exception as exc:  # noqa: BLE001 - pysaml2 raises many kinds for bad XML
        raise MetadataUnusable("Ces métadonnées SAML ne sont pas lisibles : demande à ton service informatique le fichier XML de ton fournisseur.") from exc
    idps = [eid for eid, desc in store.items() if "idpsso_descriptor" in desc]
    if len(idps) != 1:
        raise MetadataUnusable("Ces métadonnées SAML doivent décrire exactement un fournisseur d'identité.")
    sso = store.single_sign_on_service(idps[0], BINDING_HTTP_REDIRECT)
    if not sso:
        raise MetadataUnusable("Ce fournisseur d'identité n'accepte pas la liaison HTTP-Redirect : Tandem en a besoin.")
    if not list(store.certs(idps[0], "idpsso", "signing")):
        raise MetadataUnusable("Ces métadonnées SAML ne donnent pas de certificat de signature.")
    return idps[0]


def check_configuration(provider: IdentityProvider) -> str:
    """At configuration time: the metadata is usable; answers the IdP's entity id (MetadataUnusable otherwise)."""
    metadata_xml = _idp_metadata(provider, fresh=True)
    found = idp_entity_id(metadata_xml)
    if provider.saml_idp_entity_id and provider.saml_idp_entity_id != found:
        raise MetadataUnusable(f"Ces métadonnées décrivent le fournisseur « {found} », pas « {provider.saml_idp_entity_id} ».")
    return found


def sp_metadata(provider_id: str) -> str:
    from saml2.metadata import create_metadata_string

    return create_metadata_string(None, config=_config(provider_id, None), valid=None, sign=False).decode()


def _client(provider: IdentityProvider) -> tuple[Saml2Client, str]:
    from saml2.client import Saml2Client

    try:
        metadata_xml = _idp_metadata(provider)
        idp = idp_entity_id(metadata_xml)
    except MetadataUnusable as exc:
        raise FederationRefused(PROVIDER_UNREACHABLE, {"provider_id": provider.id, "reason": "metadata_unusable"}) from exc
    if provider.saml_idp_entity_id and provider.saml_idp_entity_id != idp:
        raise FederationRefused(PROVIDER_UNREACHABLE, {"provider_id": provider.id, "reason": "issuer_mismatch"})
    return Saml2Client(config=_config(provider.id, metadata_xml)), idp


def start(session, provider: IdentityProvider, return_path: str | None) -> str:
    """Records a new attempt with the AuthnRequest's id; answers the IdP URL (HTTP-Redirect) the page navigates to."""
    from saml2 import BINDING_HTTP_REDIRECT

    client, idp = _client(provider)
    request_id, info = client.prepare_for_authenticate(entityid=idp, binding=BINDING_HTTP_REDIRECT)
    federation.start_attempt(session, provider, return_path, saml_request_id=request_id)
    return dict(info["headers"])["Location"]


@dataclass(frozen=True)
class Pending:
    attempt_id: str
    provider_id: str
    request_id: str


def consume_request(session, provider_id: str, saml_response: str | None) -> Pending:
    """The attempt the response says it answers (InResponseTo, read before verification only to find it), consumed
    at once: verification later checks the signed InResponseTo is this very request id."""
    from saml2.samlp import response_from_string

    try:
        in_response_to = response_from_string(base64.b64decode(saml_response or "", validate=True)).in_response_to
    except Exception:  # noqa: BLE001 - anything unreadable is an unknown attempt
        in_response_to = None
    attempt = federation.take_attempt(session, saml_request_id=in_response_to or None)
    if attempt.provider_id != provider_id:
        raise FederationRefused(ASSERTION_REFUSED, {"provider_id": provider_id, "reason": "attempt_other_provider"})
    return Pending(attempt.id, attempt.provider_id, attempt.saml_request_id)


def _refused(provider: IdentityProvider, reason: str, exc: Exception | None = None) -> FederationRefused:
    details = {"provider_id": provider.id, "reason": reason}
    if exc is not None:
        details["error"] = type(exc).__name__
    return FederationRefused(ASSERTION_REFUSED, details)


def _attributes(assertion) -> dict[str, list[str]]:
    """Attribute name (and friendly name) -> values, as the IdP sent them (no pysaml2 renaming: the provider's mapping
    names them)."""
    found: dict[str, list[str]] = {}
    for statement in assertion.attribute_statement or []:
        for attribute in statement.attribute or []:
            values = [v.text.strip() for v in attribute.attribute_value or [] if v.text and v.text.strip()]
            for name in filter(None, (attribute.name, attribute.friendly_name)):
                found.setdefault(name, []).extend(values)
    return found


def verified_attributes(session, provider: IdentityProvider, pending: Pending, saml_response: str) -> dict:
    """The response checked by pysaml2 (signed assertion by a certificate of the IdP's metadata, audience,
    destination and recipient, validity window, InResponseTo), its issuer being the configured IdP; the assertion id
    recorded so it works once. Answers the attributes, the NameID added as `name_id`."""
    from saml2 import BINDING_HTTP_POST
    from saml2.response import StatusError
    from saml2.validate import ResponseLifetimeExceed, ToEarly

    client, idp = _client(provider)
    try:
        response = client.parse_authn_request_response(saml_response, BINDING_HTTP_POST,
                                                       outstanding={pending.request_id: "/"})
    except (ResponseLifetimeExceed, ToEarly) as exc:
        raise _refused(provider, "assertion_expired", exc) from exc
    except StatusError as exc:
        raise FederationRefused("Ton fournisseur d'identité n'a pas autorisé la connexion à Tandem : demande à ton service informatique.",
                                {"provider_id": provider.id, "reason": "provider_error", "error": type(exc).__name__}) from exc
    except Exception as exc:  # noqa: BLE001 - pysaml2 raises many kinds (signature, audience, destination...)
        raise _refused(provider, "assertion_refused", exc) from exc
    if response is None or response.assertion is None:
        raise _refused(provider, "assertion_refused")
    issuer = response.issuer() or ""
    if issuer != idp or (response.assertion.issuer and response.assertion.issuer.text != idp):
        raise _refused(provider, "assertion_issuer_refused")
    if response.in_response_to != pending.request_id:
        raise _refused(provider, "in_response_to_mismatch")
    _remember_assertion(session, provider, response)
    attributes: dict = _attributes(response.assertion)
    if response.name_id is not None and response.name_id.text:
        attributes["name_id"] = [response.name_id.text.strip()]
    return attributes


def _remember_assertion(session, provider: IdentityProvider, response) -> None:
    """Refuses an assertion id already accepted; keeps this one until its NotOnOrAfter (then it is refused anyway)."""
    now = utcnow()
    session.execute(sa.delete(SsoSeenAssertion).where(SsoSeenAssertion.expires_at < now))
    assertion_id = response.assertion.id
    seen = session.scalar(sa.select(SsoSeenAssertion.id).where(SsoSeenAssertion.provider_id == provider.id,
                                                              SsoSeenAssertion.assertion_id == assertion_id))
    if seen is not None:
        raise _refused(provider, "assertion_replayed")
    ends = [response.not_on_or_after] if response.not_on_or_after else []
    expires = datetime.fromtimestamp(max(ends), tz=timezone.utc) if ends else now
    expires = max(expires, now) + timedelta(seconds=CLOCK_LEEWAY_SECONDS)
    session.add(SsoSeenAssertion(provider_id=provider.id, assertion_id=assertion_id, expires_at=expires))
    session.flush()
