"""Sign-up, verification, log-in and log-out, password reset: the guide's "Je crée mon compte" and section 4 of the brief."""
import re

import pytest

from engagement.models import LoginFailure, OneTimeToken, Person
from tandem_shared.auth import TokenVerifier, load_public_keys

VERIFY = "engagement.email_verification.requested"
RESET = "engagement.password_reset.requested"


def people(service):
    with service.runtime.db.reading() as session:
        return session.query(Person).all()


# -- passwords ---------------------------------------------------------------------------------


@pytest.mark.parametrize("length, accepted", [(11, False), (12, True), (128, True), (129, False)])
def test_password_length_is_twelve_to_one_hundred_twenty_eight(sign_up, length, accepted):
    password = ("Un jardin partagé au printemps, une équipe qui s'entraide. " * 4)[:length]
    response = sign_up(password=password)
    assert response.status_code == (202 if accepted else 422), response.json
    if not accepted:
        assert "password" in response.json["errors"]
        assert re.search(r"(au moins 12|au plus 128) caractères", response.json["errors"]["password"][0])


@pytest.mark.parametrize("password", ["les gens qui doutent", "🌻🌻 mon jardin 🌻🌻", "Éléphant à l'école été", "👨‍👩‍👧 famille unie 2026"])
def test_spaces_emoji_and_accents_are_welcome(sign_up, password):
    assert sign_up(password=password).status_code == 202


@pytest.mark.parametrize("password", ["qwerty123456", "1q2w3e4r5t6y", "motdepasse123", "AZERTYUIOP123"])
def test_a_common_password_is_refused_in_french(service, sign_up, password):
    response = sign_up(password=password)
    assert response.status_code == 422
    assert response.json["errors"]["password"] == ["Ce mot de passe est trop courant : choisis-en un autre, par exemple une phrase que toi seul connais."]
    assert people(service) == []


# Issue #19 (6): NIST SP 800-63B refuses repetitive and sequential characters, which the word list let through.
@pytest.mark.parametrize("password, reason", [
    (" " * 12, "il répète les mêmes caractères"),
    ("aaaaaaaaaaaa", "il répète les mêmes caractères"),
    ("123456789012", "il repose sur un mot ou un mot de passe courant"),
    ("abcdefghijkl", "il suit une suite"),
    ("qsdfghjklmù1", "il repose sur un mot ou un mot de passe courant"),
    ("camillemartin75", "il reprend ton nom ou ton adresse e-mail"),
])
def test_a_guessable_password_is_refused_with_the_reason_in_the_guides_words(service, sign_up, password, reason):
    response = sign_up(password=password)
    assert response.status_code == 422
    (message,) = response.json["errors"]["password"]
    assert message.startswith(f"Ce mot de passe est trop facile à deviner : {reason}")
    assert "Évite les mots courants et les informations personnelles" in message
    assert people(service) == []


def test_a_reset_to_a_repetitive_password_is_refused(service, account, link_of):
    email, _ = account()
    service.client.post("/password-resets", json={"email": email})
    secret = link_of(RESET, email)
    refused = service.client.post(f"/password-resets/{secret}", json={"password": "aaaaaaaaaaaa", "password_confirmation": "aaaaaaaaaaaa"})
    assert refused.status_code == 422
    assert "trop facile à deviner" in refused.json["errors"]["password"][0]


def test_passwords_are_stored_with_argon2id_and_at_least_19_mib(service, sign_up):
    assert sign_up().status_code == 202
    (person,) = people(service)
    assert person.password_hash.startswith("$argon2id$")
    memory = int(re.search(r"m=(\d+)", person.password_hash).group(1))
    assert memory >= 19 * 1024


# -- sign-up -------------------------------------------------------------------------------------


def test_sign_up_creates_an_unverified_employee_and_sends_the_verification_link(service, sign_up):
    response = sign_up()
    assert response.status_code == 202
    assert "finaliser ton inscription" in response.json["detail"]
    (person,) = people(service)
    assert (person.email, person.company_id, person.entity_id, person.email_verified_at) == ("camille.martin@horizon.test", "c-horizon", "e-finance", None)
    (registered,) = service.published("engagement.person.registered")
    assert registered.data["roles"] == ["employee"] and registered.data["entity_name"] == "Direction financière"
    (verification,) = service.published(VERIFY)
    assert verification.data["link"].startswith("http://tandem.test/inscription/verification/")
    with service.runtime.db.reading() as session:
        (token,) = session.query(OneTimeToken).all()
    secret = verification.data["link"].rsplit("/", 1)[1]
    assert len(secret) >= 43  # 256 random bits, URL-safe
    assert token.token_hash != secret and len(token.token_hash) == 64


@pytest.mark.parametrize("overrides, field, message", [
    ({"email": "camille@gmail.com"}, "email", "Renseigne bien ton adresse e-mail professionnelle"),
    ({"email": "camille@sso.test", "entity_id": "e-sso"}, "email", "Société SSO utilise la connexion SSO"),
    ({"entity_id": "e-sso"}, "entity_id", "Choisis ton entité de rattachement"),
    ({"password_confirmation": "autre chose encore"}, "password_confirmation", "Les deux mots de passe ne sont pas identiques."),
    ({"consent": False}, "consent", "Coche la case pour autoriser"),
    ({"password": "camille.martin"}, "password", "ne doit pas reprendre ton nom"),
])
def test_bad_sign_ups_are_refused_field_by_field_and_write_nothing(service, sign_up, overrides, field, message):
    response = sign_up(**overrides)
    assert response.status_code == 422
    assert message in response.json["errors"][field][0]
    assert people(service) == []
    assert service.published() == []


@pytest.mark.parametrize("field, value", [("first_name", "Camille\r\nBcc: x@horizon.test"), ("last_name", "Martin\u2028"),
                                          ("last_name", "Mar\ttin"), ("email", "camille.martin@horizon.test\n")])
def test_a_control_character_in_a_name_or_address_is_refused_in_french(service, sign_up, field, value):
    """Issue #19 (7): a line break in a name starts a new line in the text e-mails and PDFs it is printed on."""
    response = sign_up(**{field: value})
    assert response.status_code == 422
    assert field in response.json["errors"]
    assert people(service) == []


def test_signing_up_twice_gives_the_same_answer_and_creates_one_account(service, sign_up):
    first = sign_up()
    second = sign_up(first_name="Quelqu'un d'autre")
    assert (first.status_code, first.json) == (second.status_code, second.json)
    assert len(people(service)) == 1
    # The still-unverified owner receives a fresh link; the first one stops working.
    assert len(service.published(VERIFY)) == 2


class CountingHasher:
    """argon2's hasher, counting every hash it computes or checks: the slow work a sign-up answer's time reveals."""

    def __init__(self, hasher):
        self.hasher = hasher
        self.calls = 0

    def hash(self, *args, **kwargs):
        self.calls += 1
        return self.hasher.hash(*args, **kwargs)

    def verify(self, *args, **kwargs):
        self.calls += 1
        return self.hasher.verify(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.hasher, name)


def test_signing_up_with_a_known_address_costs_the_same_argon2_work_as_a_new_one(service, sign_up, account, monkeypatch):
    """Issue #19 (4): a known address answered in 12 ms, a new one in 40 ms, because only the new one was hashed."""
    from engagement import identity

    account("deja.verifiee@horizon.test")  # a known, verified address
    sign_up(email="pas.encore@horizon.test")  # a known address still waiting for its verification
    hasher = CountingHasher(identity._hasher)
    monkeypatch.setattr(identity, "_hasher", hasher)

    work = {}
    for email in ("nouvelle.personne@horizon.test", "deja.verifiee@horizon.test", "pas.encore@horizon.test"):
        hasher.calls = 0
        assert sign_up(email=email).status_code == 202
        work[email] = hasher.calls
    assert work == {"nouvelle.personne@horizon.test": 1, "deja.verifiee@horizon.test": 1, "pas.encore@horizon.test": 1}


def test_the_sign_up_form_learns_the_entities_and_sso_from_the_address(service, company):
    response = service.client.get("/signup-options?email=someone@horizon.test")
    assert response.json == {"company_name": "Groupe Horizon", "uses_sso": False,
                             "entities": [{"id": "e-dsi", "name": "DSI"}, {"id": "e-finance", "name": "Direction financière"}]}
    assert service.client.get("/signup-options?email=someone@sso.test").json["uses_sso"] is True
    assert service.client.get("/signup-options?email=someone@ailleurs.test").status_code == 422


# -- verification and log-in -----------------------------------------------------------------


def test_logging_in_before_verifying_the_address_asks_to_finalise_the_sign_up(sign_up, browser):
    sign_up()
    response = browser().login("camille.martin@horizon.test", "un jardin partagé au printemps")
    assert response.status_code == 403
    assert response.json["detail"].startswith("Finalise ton inscription")


def test_a_verification_link_works_once(service, sign_up, link_of):
    sign_up()
    secret = link_of(VERIFY, "camille.martin@horizon.test")
    assert service.client.post(f"/email-verifications/{secret}").status_code == 200
    again = service.client.post(f"/email-verifications/{secret}")
    assert again.status_code == 410
    assert again.json["detail"] == "Ce lien a déjà été utilisé. Demande-en un nouveau si besoin."
    assert service.client.post("/email-verifications/nimporte-quoi").status_code == 404


def test_log_in_sets_an_httponly_secure_samesite_session_cookie_and_a_csrf_cookie(account, browser):
    email, password = account()
    response = browser().login(email, password)
    assert response.status_code == 200
    assert response.json["person"]["email"] == email
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    assert {"tandem_session", "tandem_refresh", "tandem_csrf"} <= set(cookies)
    for name in ("tandem_session", "tandem_refresh"):
        assert "HttpOnly" in cookies[name] and "Secure" in cookies[name] and "SameSite=" in cookies[name]
    assert "HttpOnly" not in cookies["tandem_csrf"]
    assert "Path=/session" in cookies["tandem_refresh"]  # /api/engagement/session behind the gateway


def test_a_state_change_with_the_cookie_but_without_the_csrf_header_is_refused(account, browser):
    email, password = account()
    person = browser()
    person.login(email, password)
    assert person.get("/me").status_code == 200
    refused = person.request("PUT", "/me/preferences", csrf=False,
                             json={"professional_expertises": [], "personal_expertises": [], "themes": [], "alerts_opt_in": False})
    assert refused.status_code == 403
    assert "CSRF" in refused.json["detail"]


def test_the_issued_token_verifies_against_the_published_jwks(service, account, browser):
    email, password = account()
    person = browser()
    person.login(email, password)
    token = person.client.get_cookie("tandem_session", domain="localhost").value
    jwks = service.client.get("/.well-known/jwks.json").get_data(as_text=True)
    principal = TokenVerifier(load_public_keys(jwks), audience="tandem", issuer="tandem-engagement").verify(token)
    assert principal.email == email and principal.roles == {"employee"}


def test_known_and_unknown_emails_get_identical_answers_at_login(account, browser):
    email, _ = account()
    wrong_password = browser().login(email, "pas le bon mot de passe")
    unknown = browser().login("personne@horizon.test", "pas le bon mot de passe")
    assert (wrong_password.status_code, wrong_password.json) == (unknown.status_code, unknown.json)
    assert wrong_password.status_code == 401
    assert wrong_password.json["detail"] == "Adresse e-mail ou mot de passe incorrect."


def test_known_and_unknown_emails_get_identical_answers_at_reset(service, account):
    email, _ = account()
    known = service.client.post("/password-resets", json={"email": email})
    unknown = service.client.post("/password-resets", json={"email": "personne@horizon.test"})
    assert (known.status_code, known.json) == (unknown.status_code, unknown.json) == (202, known.json)
    assert [e.data["email"] for e in service.published(RESET)] == [email]


def test_the_101st_failed_login_from_one_address_is_throttled_but_the_real_user_logs_in_from_another(service, account, browser):
    email, password = account()
    attacker = browser("198.51.100.66")
    for attempt in range(100):
        response = attacker.login(f"cible{attempt}@horizon.test", "mauvais mot de passe")
        assert response.status_code == 401, attempt
    throttled = attacker.login(email, password)
    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == "3600"
    assert browser("203.0.113.10").login(email, password).status_code == 200


def test_failures_on_one_account_from_one_address_do_not_lock_the_account_elsewhere(account, browser):
    email, password = account()
    guesser = browser("198.51.100.7")
    for _ in range(10):
        assert guesser.login(email, "essai au hasard").status_code == 401
    assert guesser.login(email, password).status_code == 429
    assert browser("203.0.113.10").login(email, password).status_code == 200


def test_a_successful_login_clears_that_addresss_failures_for_the_account(service, account, browser):
    email, password = account()
    person = browser()
    for _ in range(3):
        person.login(email, "faute de frappe")
    assert person.login(email, password).status_code == 200
    with service.runtime.db.reading() as session:
        assert session.query(LoginFailure).filter_by(email=email).count() == 0


# -- log-out, renewal, reset ---------------------------------------------------------------


def test_after_logout_the_old_token_is_refused(service, account, browser):
    email, password = account()
    person = browser()
    person.login(email, password)
    old_token = person.client.get_cookie("tandem_session", domain="localhost").value
    assert person.request("DELETE", "/session").status_code == 204
    assert service.client.get("/me", headers={"Authorization": f"Bearer {old_token}"}).status_code == 401
    (signed_out,) = service.published("engagement.person.signed_out")
    assert signed_out.subject == signed_out.data["person_id"]
    # Logging in again right away works: the new token is issued after the cut-off.
    again = browser()
    assert again.login(email, password).status_code == 200
    assert again.get("/me").status_code == 200


def test_the_session_renews_its_short_lived_token_and_stops_after_logout(account, browser):
    email, password = account()
    person = browser()
    person.login(email, password)
    renewed = person.request("POST", "/session/renewal")
    assert renewed.status_code == 200
    assert person.get("/me").status_code == 200
    person.request("DELETE", "/session")
    assert person.request("POST", "/session/renewal").status_code == 401


def refresh_secret_of(someone) -> str:
    return someone.client.get_cookie("tandem_refresh", domain="localhost", path="/session").value


def holding(browser, refresh_secret: str):
    """Another browser holding a copy of someone's refresh cookie (stolen, or from a backup)."""
    other = browser("198.51.100.66")
    other.client.set_cookie("tandem_refresh", refresh_secret, domain="localhost", path="/session", secure=True, httponly=True)
    return other


def a_minute_later(service):
    """Every refresh token replaced so far was replaced a minute ago, past the grace period for concurrent tabs."""
    from datetime import timedelta

    import sqlalchemy as sa

    from engagement.models import Session

    with service.runtime.unit_of_work() as uow:
        for record in uow.session.scalars(sa.select(Session).where(Session.rotated_at.is_not(None))):
            record.rotated_at -= timedelta(minutes=1)


def test_a_stolen_refresh_token_dies_with_its_whole_family_once_the_owner_reuses_it(service, account, browser):
    """Issue #19 (7): the thief renews first with a copy of the cookie; when the person's browser presents the same
    (now replaced) token, the family is revoked, the thief's successor included, and the thief's access token too."""
    from engagement.models import AuditEntry

    email, password = account()
    person = browser()
    person.login(email, password)
    stolen = refresh_secret_of(person)
    thief = holding(browser, stolen)
    assert thief.request("POST", "/session/renewal", csrf=False).status_code == 200
    assert thief.get("/me").status_code == 200
    assert refresh_secret_of(thief) != stolen

    a_minute_later(service)
    reused = person.request("POST", "/session/renewal")
    assert reused.status_code == 401
    assert thief.request("POST", "/session/renewal", csrf=False).status_code == 401
    assert thief.get("/me").status_code == 401
    assert person.get("/me").status_code == 401
    cutoff = service.published("engagement.person.signed_out")[-1]
    with service.runtime.db.reading() as session:
        (entry,) = session.query(AuditEntry).filter_by(action="refresh_token_reused").all()
    assert entry.person_id == cutoff.data["person_id"] == cutoff.subject
    # Logging in again starts a new, healthy family.
    again = browser()
    assert again.login(email, password).status_code == 200
    assert again.request("POST", "/session/renewal").status_code == 200


def test_replaying_an_old_refresh_token_revokes_the_successor_and_leaves_other_log_ins_alone(service, account, browser):
    email, password = account()
    laptop, phone = browser(), browser("203.0.113.20")
    laptop.login(email, password)
    phone.login(email, password)
    old = refresh_secret_of(laptop)
    assert laptop.request("POST", "/session/renewal").status_code == 200

    a_minute_later(service)
    assert holding(browser, old).request("POST", "/session/renewal", csrf=False).status_code == 401
    assert laptop.request("POST", "/session/renewal").status_code == 401
    # The phone's log-in is another family: its access token is cut off like every other, and it renews silently.
    assert phone.get("/me").status_code == 401
    assert phone.request("POST", "/session/renewal").status_code == 200
    assert phone.get("/me").status_code == 200


def test_two_tabs_renewing_with_the_same_cookie_at_once_both_keep_the_session(service, account, browser):
    email, password = account()
    first_tab = browser()
    first_tab.login(email, password)
    second_tab = holding(browser, refresh_secret_of(first_tab))  # the same cookie, sent before the first answer came back
    assert first_tab.request("POST", "/session/renewal").status_code == 200
    late = second_tab.request("POST", "/session/renewal", csrf=False)
    assert late.status_code == 200
    # An access token only: the browser's cookie jar already holds the successor the first tab received.
    assert "tandem_refresh" not in " ".join(late.headers.getlist("Set-Cookie"))
    assert second_tab.get("/me").status_code == 200
    assert first_tab.request("POST", "/session/renewal").status_code == 200
    assert service.published("engagement.person.signed_out") == []


def test_a_password_reset_changes_the_password_once_and_ends_every_session(service, account, browser, link_of):
    email, password = account()
    old = browser()
    old.login(email, password)
    service.client.post("/password-resets", json={"email": email})
    secret = link_of(RESET, email)
    body = {"password": "une toute nouvelle phrase", "password_confirmation": "une toute nouvelle phrase"}
    assert service.client.post(f"/password-resets/{secret}", json=body).status_code == 200
    assert service.client.post(f"/password-resets/{secret}", json=body).status_code == 410
    assert old.get("/me").status_code == 401
    assert browser().login(email, password).status_code == 401
    assert browser().login(email, "une toute nouvelle phrase").status_code == 200


def test_a_reset_with_a_common_password_is_refused_and_keeps_the_link_usable(service, account, link_of):
    email, _ = account()
    service.client.post("/password-resets", json={"email": email})
    secret = link_of(RESET, email)
    refused = service.client.post(f"/password-resets/{secret}", json={"password": "qwerty123456", "password_confirmation": "qwerty123456"})
    assert refused.status_code == 422
    ok = service.client.post(f"/password-resets/{secret}", json={"password": "encore une belle phrase", "password_confirmation": "encore une belle phrase"})
    assert ok.status_code == 200
