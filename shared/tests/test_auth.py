"""Token verification: only our asymmetric algorithms, our audience and issuer, unexpired, untampered."""
import base64
import json
import time
from datetime import datetime, timedelta, timezone

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tandem_shared.auth import InvalidToken, TokenVerifier, key_id, load_public_keys
from tandem_shared.harness import TokenFactory


@pytest.fixture
def factory():
    return TokenFactory()


@pytest.fixture
def verifier(factory):
    return TokenVerifier(load_public_keys(factory.public_pem), audience="tandem", issuer="tandem-engagement")


def test_a_valid_token_gives_the_subject_and_roles(factory, verifier):
    principal = verifier.verify(factory.mint("p-7", roles=["employee", "company_admin"]))
    assert principal.subject == "p-7"
    assert principal.roles == {"employee", "company_admin"}


def test_an_expired_token_is_refused(factory, verifier):
    with pytest.raises(InvalidToken, match="expired"):
        verifier.verify(factory.mint(ttl=-120))


def test_a_tampered_token_is_refused(factory, verifier):
    header, payload, signature = factory.mint(roles=["employee"]).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["roles"] = ["platform_operator"]
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(InvalidToken):
        verifier.verify(f"{header}.{forged}.{signature}")


def test_an_unsigned_alg_none_token_is_refused(verifier):
    now = int(time.time())
    token = jwt.encode({"sub": "x", "aud": "tandem", "iss": "tandem-engagement", "iat": now, "exp": now + 60}, None, algorithm="none")
    with pytest.raises(InvalidToken, match="not allowed"):
        verifier.verify(token)


def test_an_hmac_token_signed_with_the_public_key_is_refused(factory, verifier):
    # The classic confusion attack: HS256 keyed with the (public) PEM text, crafted by hand.
    import hashlib
    import hmac

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    now = int(time.time())
    signing_input = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(
        json.dumps({"sub": "x", "aud": "tandem", "iss": "tandem-engagement", "iat": now, "exp": now + 60}).encode()
    )
    signature = hmac.new(factory.public_pem.encode(), signing_input.encode(), hashlib.sha256).digest()
    with pytest.raises(InvalidToken, match="not allowed"):
        verifier.verify(f"{signing_input}.{b64(signature)}")


def test_a_token_for_another_audience_is_refused(factory, verifier):
    token = factory.mint(aud="another-platform")
    with pytest.raises(InvalidToken, match="(?i)audience"):
        verifier.verify(token)


def test_a_token_from_another_issuer_is_refused(factory, verifier):
    with pytest.raises(InvalidToken, match="issuer"):
        verifier.verify(factory.mint(iss="someone-else"))


def test_a_token_signed_by_another_key_is_refused(verifier):
    stranger = TokenFactory()
    with pytest.raises(InvalidToken):
        verifier.verify(stranger.mint())


def test_a_token_issued_before_the_persons_not_before_time_is_refused(factory):
    cutoff = datetime.now(timezone.utc) + timedelta(seconds=5)
    verifier = TokenVerifier(load_public_keys(factory.public_pem), audience="tandem", issuer="tandem-engagement",
                             not_before=lambda subject: cutoff if subject == "logged-out" else None)
    with pytest.raises(InvalidToken, match="not-before"):
        verifier.verify(factory.mint("logged-out"))
    assert verifier.verify(factory.mint("still-in")).subject == "still-in"


def test_the_allowlist_cannot_be_widened_to_symmetric_algorithms(factory):
    with pytest.raises(ValueError):
        TokenVerifier(load_public_keys(factory.public_pem), audience="tandem", issuer="i", algorithms=("HS256",))


def test_keys_load_from_a_jwks_document():
    key = Ed25519PrivateKey.generate()
    jwk = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(key.public_key()))
    jwk["kid"] = "k1"
    keys = load_public_keys(json.dumps({"keys": [jwk]}))
    verifier = TokenVerifier(keys, audience="tandem", issuer="iss")
    now = int(time.time())
    token = jwt.encode({"sub": "1", "aud": "tandem", "iss": "iss", "iat": now, "exp": now + 60}, key, algorithm="EdDSA", headers={"kid": "k1"})
    assert verifier.verify(token).subject == "1"


def _claims(**overrides):
    now = int(time.time())
    return {"sub": "p-1", "aud": "tandem", "iss": "tandem-engagement", "iat": now, "exp": now + 60, **overrides}


def test_a_pem_key_is_published_under_the_key_id_derived_from_it(factory):
    assert list(load_public_keys(factory.public_pem)) == [factory.key_id]
    assert factory.key_id == key_id(factory.private_key.public_key())


def test_a_key_id_no_one_published_is_refused_even_with_a_single_key(factory, verifier):
    # Signed with the published key: only the key id is wrong, and that alone must be enough to refuse.
    token = jwt.encode(_claims(), factory.private_key, algorithm="EdDSA", headers={"kid": "cle-inconnue"})
    with pytest.raises(InvalidToken, match="unknown key id"):
        verifier.verify(token)


@pytest.mark.parametrize("variant", ["", "upper", "suffixed"])
def test_a_key_id_close_to_the_published_one_is_refused(factory, verifier, variant):
    kid = {"": "", "upper": factory.key_id.upper(), "suffixed": factory.key_id + "0"}[variant]
    token = jwt.encode(_claims(), factory.private_key, algorithm="EdDSA", headers={"kid": kid})
    with pytest.raises(InvalidToken, match="unknown key id"):
        verifier.verify(token)


def test_a_token_without_key_id_is_accepted_only_when_one_key_is_published(factory, verifier):
    token = jwt.encode(_claims(), factory.private_key, algorithm="EdDSA")
    assert verifier.verify(token).subject == "p-1"
    other = TokenFactory()
    two_keys = TokenVerifier({**load_public_keys(factory.public_pem), **load_public_keys(other.public_pem)},
                             audience="tandem", issuer="tandem-engagement")
    with pytest.raises(InvalidToken, match="unknown key id"):
        two_keys.verify(token)
    assert two_keys.verify(other.mint("p-2")).subject == "p-2"
