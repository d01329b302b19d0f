"""How documents reacts to other services' events: one table, one plain function per event type."""
from __future__ import annotations

from tandem_shared.envelope import Event
from tandem_shared.inbox import Handler, UnitOfWork
from tandem_shared.revocation import apply_cutoff

from .models import token_cutoffs


def on_person_signed_out(event: Event, uow: UnitOfWork) -> None:
    """The person signed out: the tokens they got before `not_before` are refused here too."""
    apply_cutoff(uow.session, token_cutoffs, event.data)


def on_person_disabled(event: Event, uow: UnitOfWork) -> None:
    """The account was disabled: every token issued before `not_before` is refused here too."""
    apply_cutoff(uow.session, token_cutoffs, event.data)


SUBSCRIPTIONS: dict[str, Handler] = {
    "engagement.person.signed_out": on_person_signed_out,
    "engagement.person.disabled": on_person_disabled,
}
