"""Sign-up, e-mail verification, log-in and log-out, session renewal, password reset, the public keys."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from flask import current_app, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from tandem_shared.timeutil import utcnow
from tandem_shared.web import current_runtime, login_required, current_principal

from . import domain, events, identity
from .access import (
    REFRESH_COOKIE, audit, clear_session_cookies, client_address, issuer, person_view, set_session_cookies, settings,
)
from .models import Company, CompanyDomain, Entity, LoginFailure, OneTimeToken, Person, PersonRole, Session
from .send_limits import account_mail_allowed, count_anonymous_request
from .schemas import (
    EmailSchema, LoginSchema, MessageSchema, NewPasswordSchema, SessionSchema, SignUpOptionsSchema, SignUpSchema,
)

accounts = Blueprint("accounts", __name__, url_prefix="", description="Créer son compte, se connecter, retrouver son mot de passe.")

VERIFY = "email_verification"
RESET = "password_reset"
INVITATION = "invitation"

SIGN_UP_ACCEPTED = "Ton compte est créé : clique sur le lien que nous venons de t'envoyer par e-mail pour finaliser ton inscription."
RESET_ACCEPTED = "Si un compte existe pour cette adresse, tu vas recevoir un e-mail avec un lien pour choisir un nouveau mot de passe."
BAD_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect."


def field_error(field: str, message: str, status: int = 422):
    abort(status, message="Certaines données sont invalides : vérifie les champs signalés.", errors={field: [message]})


def company_for_email(session, email: str) -> Company | None:
    row = session.get(CompanyDomain, domain.email_domain(email))
    return session.get(Company, row.company_id) if row else None


def issue_link(session, person: Person, purpose: str, lifetime: timedelta, path: str) -> tuple[str, datetime]:
    """A fresh single-use link for `purpose`; earlier unused links of the same kind stop working."""
    now = utcnow()
    session.execute(
        sa.update(OneTimeToken)
        .where(OneTimeToken.person_id == person.id, OneTimeToken.purpose == purpose, OneTimeToken.used_at.is_(None))
        .values(used_at=now)
    )
    secret = identity.new_secret()
    expires_at = now + lifetime
    session.add(OneTimeToken(id=str(uuid.uuid4()), purpose=purpose, person_id=person.id, token_hash=identity.digest(secret),
                             expires_at=expires_at, created_at=now))
    return f"{settings().public_url}{path}/{secret}", expires_at


def redeem_link(session, secret: str, purpose: str) -> OneTimeToken:
    token = session.scalar(
        sa.select(OneTimeToken).where(OneTimeToken.token_hash == identity.digest(secret), OneTimeToken.purpose == purpose).with_for_update()
    )
    if token is None:
        abort(404, message="Ce lien n'est pas valide. Vérifie que tu as copié l'adresse en entier.")
    if token.used_at is not None:
        abort(410, message="Ce lien a déjà été utilisé. Demande-en un nouveau si besoin.")
    if token.expires_at <= utcnow():
        abort(410, message="Ce lien a expiré. Demande-en un nouveau.")
    token.used_at = utcnow()
    return token


def revoke_everywhere(uow, person: Person) -> datetime:
    """Every token issued so far dies in every service; every session of the person ends."""
    now = utcnow()
    person.tokens_not_before = now
    uow.session.execute(sa.update(Session).where(Session.person_id == person.id, Session.revoked_at.is_(None)).values(revoked_at=now))
    events.person_signed_out(uow, person.id, now)
    return now


def access_token(person: Person) -> tuple[str, int]:
    return issuer().issue(person.id, person.role_names, email=person.email, company_id=person.company_id,
                          associations=person.association_ids)


def start_session(uow, person: Person, family_id: str | None = None):
    """A new refresh token (the first of a family at log-in, a successor at renewal) and an access token."""
    now = utcnow()
    session_id = str(uuid.uuid4())
    refresh_secret = identity.new_secret()
    refresh_expires = now + timedelta(days=settings().session_days)
    uow.session.add(Session(id=session_id, person_id=person.id, family_id=family_id or session_id,
                            refresh_hash=identity.digest(refresh_secret), created_at=now, expires_at=refresh_expires))
    token, expires = access_token(person)
    return token, expires, refresh_secret, refresh_expires


def revoke_family(uow, record: Session, person: Person) -> None:
    """A replaced refresh token came back: every token of its family dies, and so does every access token
    already issued to the person (one of them went to whoever holds the stolen token); the person's other
    browsers keep their own families and renew silently."""
    now = utcnow()
    uow.session.execute(sa.update(Session).where(Session.family_id == record.family_id, Session.revoked_at.is_(None)).values(revoked_at=now))
    person.tokens_not_before = now
    events.person_signed_out(uow, person.id, now)
    audit(uow.session, "refresh_token_reused", person_id=person.id)


@accounts.route("/signup-options")
class SignUpOptions(MethodView):
    @accounts.arguments(EmailSchema, location="query")
    @accounts.response(200, SignUpOptionsSchema)
    def get(self, args):
        """Ce que le formulaire d'inscription propose pour cette adresse : l'entreprise, ses entités, le SSO."""
        with current_runtime().db.reading() as session:
            company = company_for_email(session, args["email"])
            if company is None:
                field_error("email", "Renseigne bien ton adresse e-mail professionnelle : ce domaine n'est rattaché à aucune entreprise partenaire.")
            return {"company_name": company.name, "uses_sso": company.uses_sso,
                    "entities": [{"id": e.id, "name": e.name} for e in company.entities]}


@accounts.route("/accounts")
class Accounts(MethodView):
    @accounts.arguments(SignUpSchema)
    @accounts.response(202, MessageSchema)
    @accounts.alt_response(429, description="Trop d'inscriptions depuis cette adresse IP.")
    def post(self, payload):
        """S'inscrire (le lien de vérification part par e-mail)."""
        count_anonymous_request(domain.AnonymousRequest.SIGN_UP)
        email = domain.normalize_email(payload["email"])
        if payload["password"] != payload["password_confirmation"]:
            field_error("password_confirmation", "Les deux mots de passe ne sont pas identiques.")
        if not payload["consent"]:
            field_error("consent", "Coche la case pour autoriser l'utilisation de tes données : sans elle, nous ne pouvons pas créer ton compte.")
        try:
            domain.check_password(payload["password"], (payload["first_name"], payload["last_name"], email))
        except domain.DomainError as exc:
            field_error(exc.field or "password", str(exc))
        # Hashed whether or not the address has an account, before we know: the slow hash is most of the answer's
        # time, so skipping it for a known address would tell who has an account (issue #19, 4).
        password_hash = identity.hash_password(payload["password"])
        with current_runtime().unit_of_work() as uow:
            company = company_for_email(uow.session, email)
            if company is None:
                field_error("email", "Renseigne bien ton adresse e-mail professionnelle : ce domaine n'est rattaché à aucune entreprise partenaire.")
            if company.uses_sso:
                field_error("email", f"{company.name} utilise la connexion SSO : connecte-toi directement avec ton compte d'entreprise.")
            entity = uow.session.get(Entity, payload["entity_id"])
            if entity is None or entity.company_id != company.id:
                field_error("entity_id", "Choisis ton entité de rattachement dans la liste.")
            existing = uow.session.scalar(sa.select(Person).where(Person.email == email).with_for_update())
            if existing is not None:
                # Same answer as a new sign-up, so the form does not reveal who has an account.
                if (existing.status == domain.PersonStatus.ACTIVE and existing.email_verified_at is None
                        and account_mail_allowed(uow.session, existing, domain.SendKind.EMAIL_VERIFICATION)):
                    link, expires_at = issue_link(uow.session, existing, VERIFY, timedelta(hours=settings().verification_hours), "/inscription/verification")
                    events.link_sent(uow, events.EMAIL_VERIFICATION_REQUESTED, existing, link, expires_at)
                audit(uow.session, "signup_for_existing_email", person_id=existing.id)
                return {"detail": SIGN_UP_ACCEPTED}
            now = utcnow()
            person = Person(
                id=str(uuid.uuid4()), email=email, company_id=company.id, entity_id=entity.id,
                first_name=payload["first_name"].strip(), last_name=payload["last_name"].strip(),
                password_hash=password_hash, status=domain.PersonStatus.ACTIVE,
                consent_at=now, created_at=now, updated_at=now,
            )
            person.roles = [PersonRole(role=domain.Role.EMPLOYEE)]
            uow.session.add(person)
            uow.session.flush()
            account_mail_allowed(uow.session, person, domain.SendKind.EMAIL_VERIFICATION)  # the first: always allowed
            link, expires_at = issue_link(uow.session, person, VERIFY, timedelta(hours=settings().verification_hours), "/inscription/verification")
            events.person_registered(uow, person, entity.name, now)
            events.link_sent(uow, events.EMAIL_VERIFICATION_REQUESTED, person, link, expires_at)
            audit(uow.session, "signed_up", person_id=person.id)
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
            person = uow.session.scalar(sa.select(Person).where(Person.email == domain.normalize_email(payload["email"])).with_for_update())
            if (person is not None and person.status == domain.PersonStatus.ACTIVE and person.email_verified_at is None
                    and account_mail_allowed(uow.session, person, domain.SendKind.EMAIL_VERIFICATION)):
                link, expires_at = issue_link(uow.session, person, VERIFY, timedelta(hours=settings().verification_hours), "/inscription/verification")
                events.link_sent(uow, events.EMAIL_VERIFICATION_REQUESTED, person, link, expires_at)
        return {"detail": "Si cette adresse attend une vérification, un nouveau lien vient de partir."}


@accounts.route("/email-verifications/<string:secret>")
class Verification(MethodView):
    @accounts.response(200, MessageSchema)
    @accounts.alt_response(410, description="Lien déjà utilisé ou expiré.")
    def post(self, secret):
        """Confirmer son adresse e-mail avec le lien reçu."""
        with current_runtime().unit_of_work() as uow:
            token = redeem_link(uow.session, secret, VERIFY)
            person = uow.session.get(Person, token.person_id)
            person.email_verified_at = person.email_verified_at or utcnow()
            audit(uow.session, "email_verified", person_id=person.id)
        return {"detail": "Ton adresse e-mail est confirmée : tu peux te connecter."}


def _failures(session, email: str, address: str) -> tuple[int, int]:
    since = utcnow() - domain.LOGIN_WINDOW
    from_address = session.scalar(sa.select(sa.func.count()).where(LoginFailure.address == address, LoginFailure.at > since))
    for_pair = session.scalar(
        sa.select(sa.func.count()).where(LoginFailure.address == address, LoginFailure.email == email, LoginFailure.at > since)
    )
    return from_address, for_pair


@accounts.route("/session")
class SessionResource(MethodView):
    @accounts.arguments(LoginSchema)
    @accounts.response(200, SessionSchema)
    @accounts.alt_response(401, description="Adresse e-mail ou mot de passe incorrect (même réponse dans les deux cas).")
    @accounts.alt_response(429, description="Trop d'échecs depuis cette adresse.")
    def post(self, payload):
        """Se connecter."""
        email = domain.normalize_email(payload["email"])
        address = client_address()
        with current_runtime().unit_of_work() as uow:
            if domain.login_throttled(*_failures(uow.session, email, address)):
                audit(uow.session, "login_throttled", email=email)
                throttled = True
            else:
                throttled = False
                person = uow.session.scalar(sa.select(Person).where(Person.email == email))
                usable = person is not None and person.status == domain.PersonStatus.ACTIVE
                valid = identity.verify_password(person.password_hash if usable else None, payload["password"])
                if not valid:
                    uow.session.add(LoginFailure(email=email, address=address, at=utcnow()))
                    audit(uow.session, "login_failed", person_id=person.id if person else None, email=email)
        if throttled:
            abort(429, message="Trop de tentatives de connexion depuis cette adresse : réessaie dans une heure, ou réinitialise ton mot de passe.", retry_after=3600)
        if not valid:
            abort(401, message=BAD_CREDENTIALS)
        if person.email_verified_at is None:
            abort(403, message="Finalise ton inscription : clique sur le lien reçu par e-mail pour confirmer ton adresse.")
        with current_runtime().unit_of_work() as uow:
            person = uow.session.get(Person, person.id)
            # Success clears this address's failures for the account; other addresses keep theirs.
            uow.session.execute(sa.delete(LoginFailure).where(LoginFailure.email == email, LoginFailure.address == address))
            if identity.needs_rehash(person.password_hash):
                person.password_hash = identity.hash_password(payload["password"])
            token, expires, refresh_secret, refresh_expires = start_session(uow, person)
            audit(uow.session, "login_succeeded", person_id=person.id)
            body = {"person": person_view(uow.session, person), "expires_at": datetime.fromtimestamp(expires, tz=timezone.utc)}
        response = jsonify(SessionSchema().dump(body))
        set_session_cookies(response, token, expires, refresh_secret, refresh_expires, identity.new_secret())
        return response

    @login_required
    @accounts.response(204)
    def delete(self):
        """Se déconnecter : la session et tous les jetons déjà émis cessent de valoir, dans tous les services."""
        principal = current_principal()
        with current_runtime().unit_of_work() as uow:
            person = uow.session.get(Person, principal.subject, with_for_update=True)
            if person is not None:
                revoke_everywhere(uow, person)
                audit(uow.session, "logged_out", person_id=person.id)
        response = current_app.response_class(status=204)
        clear_session_cookies(response)
        return response


@accounts.route("/session/renewal")
class SessionRenewal(MethodView):
    @accounts.response(200, SessionSchema)
    @accounts.alt_response(401, description="Session expirée ou révoquée.")
    def post(self):
        """Renouveler le jeton d'accès avec le cookie de session (rotation du jeton de renouvellement)."""
        secret = request.cookies.get(REFRESH_COOKIE, "")
        with current_runtime().unit_of_work() as uow:
            now = utcnow()
            # Locked, so that of two renewals with one token, the second sees the first's rotation.
            record = uow.session.scalar(sa.select(Session).where(Session.refresh_hash == identity.digest(secret)).with_for_update()) if secret else None
            person = uow.session.get(Person, record.person_id, with_for_update=True) if record else None
            verdict = domain.judge_refresh_token(
                known=record is not None, revoked=record is not None and record.revoked_at is not None,
                expired=record is not None and record.expires_at <= now,
                person_active=person is not None and person.status == domain.PersonStatus.ACTIVE,
                rotated_at=record.rotated_at if record else None, now=now,
            )
            renewed = None
            if verdict == domain.RefreshVerdict.RENEW:
                record.rotated_at = now
                renewed = start_session(uow, person, family_id=record.family_id)
            elif verdict == domain.RefreshVerdict.GRACE:
                successor_alive = uow.session.scalar(sa.select(sa.func.count()).where(
                    Session.family_id == record.family_id, Session.rotated_at.is_(None), Session.revoked_at.is_(None), Session.expires_at > now,
                ))
                if successor_alive:
                    renewed = (*access_token(person), None, None)
            elif verdict == domain.RefreshVerdict.REUSED:
                revoke_family(uow, record, person)
            if renewed is not None:
                body = {"person": person_view(uow.session, person), "expires_at": datetime.fromtimestamp(renewed[1], tz=timezone.utc)}
        if renewed is None:
            abort(401, message="Ta session a expiré : reconnecte-toi.")
        token, expires, refresh_secret, refresh_expires = renewed
        response = jsonify(SessionSchema().dump(body))
        set_session_cookies(response, token, expires, refresh_secret, refresh_expires, request.cookies.get("tandem_csrf") or identity.new_secret())
        return response


@accounts.route("/password-resets")
class PasswordResetRequests(MethodView):
    @accounts.arguments(EmailSchema)
    @accounts.response(202, MessageSchema)
    @accounts.alt_response(429, description="Trop de demandes depuis cette adresse IP.")
    def post(self, payload):
        """Demander un lien pour choisir un nouveau mot de passe (même réponse que l'adresse soit connue ou non)."""
        count_anonymous_request(domain.AnonymousRequest.PASSWORD_RESET)
        email = domain.normalize_email(payload["email"])
        with current_runtime().unit_of_work() as uow:
            person = uow.session.scalar(sa.select(Person).where(Person.email == email).with_for_update())
            if person is None or person.status != domain.PersonStatus.ACTIVE:
                audit(uow.session, "password_reset_requested_unknown", email=email)
            elif account_mail_allowed(uow.session, person, domain.SendKind.PASSWORD_RESET):
                link, expires_at = issue_link(uow.session, person, RESET, timedelta(minutes=settings().reset_minutes), "/mot-de-passe/nouveau")
                events.link_sent(uow, events.PASSWORD_RESET_REQUESTED, person, link, expires_at)
                audit(uow.session, "password_reset_requested", person_id=person.id)
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
            token = redeem_link(uow.session, secret, RESET)
            person = uow.session.get(Person, token.person_id)
            try:
                domain.check_password(payload["password"], (person.first_name, person.last_name, person.email))
            except domain.DomainError as exc:
                field_error(exc.field or "password", str(exc))
            person.password_hash = identity.hash_password(payload["password"])
            # Receiving the link proves the address too.
            person.email_verified_at = person.email_verified_at or utcnow()
            person.updated_at = utcnow()
            revoke_everywhere(uow, person)
            audit(uow.session, "password_reset", person_id=person.id)
        return {"detail": "Ton mot de passe est changé : connecte-toi avec le nouveau."}


@accounts.route("/.well-known/jwks.json")
class Jwks(MethodView):
    @accounts.response(200)
    def get(self):
        """Les clés publiques qui vérifient les jetons de session (JWKS)."""
        response = jsonify(issuer().jwks())
        response.headers["Cache-Control"] = "public, max-age=300"
        return response

