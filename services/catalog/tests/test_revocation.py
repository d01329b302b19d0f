"""Signing out or being disabled in engagement takes effect in catalog: older tokens are refused."""
import pytest

from tandem_shared.revocation_tests import *  # noqa: F401,F403
from tandem_shared.revocation_tests import revoke_by_event


@pytest.fixture(params=["engagement.person.signed_out", "engagement.person.disabled"])
def revoke(request):
    """A person's cut-off as catalog learns it: one of engagement's events, through its handler."""
    return revoke_by_event(request.param)
