"""Sign-up, e-mail verification, log-in and log-out, session renewal, password reset, the public keys.
Use cases: `registration.py` and `sessions.py`; session cookies: `access.py`."""
from __future__ import annotations

from flask import current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.web import current_runtime, current_principal, login_required

from .. import domain, federation, identity, registration, sessions
from ..access import REFRESH_COOKIE, clear_session_cookies, client_address, issuer, session_body, set_session_cookies
from ..errors import field_error
from ..schemas.accounts import (
    EmailSchema, LoginSchema, NewPasswordSchema, SessionSchema, SignUpOptionsSchema, SignUpSchema,
)
from ..schemas.common import MessageSchema
from ..send_limits import count_anonymous_request

accounts = Blueprint("accounts", __name__, url_prefix="", description="Créer son compte, se connecter, retrouver son mot de passe.")

SIGN_UP_ACCEPTED = "Ton compte est créé : clique sur le lien que nous venons de t'envoyer par e-mail pour finaliser ton inscription."
RESET_ACCEPTED = "Si un compte existe pour cette adresse, tu vas recevoir un e-mail avec un lien pour choisir un nouveau mot de passe."


def session_answer(body: dict, opened: sessions.Opened, csrf: str):
    response = jsonify(SessionSchema().dump(body))
    set_session_cookies(response, opened.access_token, opened.access_expires, opened.refresh_secret, opened.refresh_expires, csrf)
    return response


def refuse_password_for_sso(email: str) -> None:
    """Issue 14: the people of a company signing in through its identity provider use no password, unless its admin
    allows the fallback; decided by the address's domain, so the answer tells nothing about accounts."""
    with current_runtime().db.reading() as session:
        company = federation.password_refused(session, email)
    if company is not None:
        abort(403, message=f"{company.name} utilise la connexion SSO : connecte-toi directement avec ton compte d'entreprise.")


@accounts.route("/signup-options")
class SignUpOptions(MethodView):
    @accounts.arguments(EmailSchema, location="query")
    @accounts.response(200, SignUpOptionsSchema)
    def get(self, args):
        """Ce que le formulaire d'inscription propose pour cette adresse : l'entreprise, ses entités, le SSO."""
        with current_runtime().db.reading() as session:
            return registration.sign_up_options(session, args["email"])


@accounts.route("/accounts")
class Accounts(MethodView):
    @accounts.arguments(SignUpSchema)
    @accounts.response(202, MessageSchema)
    @accounts.alt_response(429, description="Trop d'inscriptions depuis cette adresse IP.")
    def post(self, payload):
        """S'inscrire (le lien de vérification part par e-mail)."""
        count_anonymous_request(domain.AnonymousRequest.SIGN_UP)
        email = domain.normalize_email(payload["email"])
        password_hash = registration.check_sign_up(payload, email)
        with current_runtime().unit_of_work() as uow:
            registration.sign_up(uow, payload, email, password_hash)
        return {"detail": SIGN_UP_ACCEPTED}


@accounts.route("/email-verifications")
class VerificationRequests(MethodView):
    @accounts.arguments(EmailSchema)
    @accounts.response(202, MessageSchema)
    @accounts.alt_response(429, description="Trop de demandes depuis cette adresse IP.")
    def post(self, payload):
        """Recevoir à nouveau le lien de vérification."""
        count_anonymous_request(domain.AnonymousRequest.EMAIL_VERIFICATION)
        with current_runtime().unit_of_work() as uow:
            registration.resend_verification(uow, payload["email"])
        return {"detail": "Si cette adresse attend une vérification, un nouveau lien vient de partir."}


@accounts.route("/email-verifications/<string:secret>")
class Verification(MethodView):
    @accounts.response(200, MessageSchema)
    @accounts.alt_response(410, description="Lien déjà utilisé ou expiré.")
    def post(self, secret):
        """Confirmer son adresse e-mail avec le lien reçu."""
        with current_runtime().unit_of_work() as uow:
            registration.verify_email(uow, secret)
        return {"detail": "Ton adresse e-mail est confirmée : tu peux te connecter."}


@accounts.route("/session")
class SessionResource(MethodView):
    @accounts.arguments(LoginSchema)
    @accounts.response(200, SessionSchema)
    @accounts.alt_response(401, description="Adresse e-mail ou mot de passe incorrect (même réponse dans les deux cas).")
    @accounts.alt_response(429, description="Trop d'échecs depuis cette adresse.")
    def post(self, payload):
        """Se connecter."""
        email, address = domain.normalize_email(payload["email"]), client_address()
        refuse_password_for_sso(email)
        # The failure is committed before the refusal: a first unit of work checks, a second opens the session.
        with current_runtime().unit_of_work() as uow:
            attempt = sessions.attempt_login(uow, email, payload["password"], address)
        person = sessions.accepted_login(attempt)
        with current_runtime().unit_of_work() as uow:
            opened = sessions.log_in(uow, person.id, email, payload["password"], address)
            body = session_body(uow.session, opened)
        return session_answer(body, opened, identity.new_secret())

    @login_required
    @accounts.response(204)
    def delete(self):
        """Se déconnecter : la session et tous les jetons déjà émis cessent de valoir, dans tous les services."""
        with current_runtime().unit_of_work() as uow:
            sessions.log_out(uow, current_principal().subject)
        response = current_app.response_class(status=204)
        clear_session_cookies(response)
        return response


@accounts.route("/session/renewal")
class SessionRenewal(MethodView):
    @accounts.response(200, SessionSchema)
    @accounts.alt_response(401, description="Session expirée ou révoquée.")
    def post(self):
        """Renouveler le jeton d'accès avec le cookie de session (rotation du jeton de renouvellement)."""
        with current_runtime().unit_of_work() as uow:
            opened = sessions.renew(uow, request.cookies.get(REFRESH_COOKIE, ""))
            body = session_body(uow.session, opened) if opened is not None else None
        if opened is None:
            abort(401, message="Ta session a expiré : reconnecte-toi.")
        return session_answer(body, opened, request.cookies.get("tandem_csrf") or identity.new_secret())


@accounts.route("/password-resets")
class PasswordResetRequests(MethodView):
    @accounts.arguments(EmailSchema)
    @accounts.response(202, MessageSchema)
    @accounts.alt_response(429, description="Trop de demandes depuis cette adresse IP.")
    def post(self, payload):
        """Demander un lien pour choisir un nouveau mot de passe (même réponse que l'adresse soit connue ou non)."""
        count_anonymous_request(domain.AnonymousRequest.PASSWORD_RESET)
        with current_runtime().unit_of_work() as uow:
            registration.request_password_reset(uow, domain.normalize_email(payload["email"]))
        return {"detail": RESET_ACCEPTED}


@accounts.route("/password-resets/<string:secret>")
class PasswordReset(MethodView):
    @accounts.arguments(NewPasswordSchema)
    @accounts.response(200, MessageSchema)
    @accounts.alt_response(410, description="Lien déjà utilisé ou expiré.")
    def post(self, payload, secret):
        """Choisir un nouveau mot de passe avec le lien reçu ; toutes les sessions ouvertes sont fermées."""
        if payload["password"] != payload["password_confirmation"]:
            field_error("password_confirmation", "Les deux mots de passe ne sont pas identiques.")
        with current_runtime().unit_of_work() as uow:
            registration.reset_password(uow, secret, payload["password"])
        return {"detail": "Ton mot de passe est changé : connecte-toi avec le nouveau."}


@accounts.route("/.well-known/jwks.json")
class Jwks(MethodView):
    @accounts.response(200)
    def get(self):
        """Les clés publiques qui vérifient les jetons de session (JWKS)."""
        response = jsonify(issuer().jwks())
        response.headers["Cache-Control"] = "public, max-age=300"
        return response
