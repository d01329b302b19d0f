"""Fixtures for notifier's tests (the shared ones come from tandem_shared.pytest_plugin)."""
import pytest


@pytest.fixture(scope="session")
def service_package() -> str:
    return "notifier"


class _Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        self.messages.append(email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default))
        return "250 OK"


@pytest.fixture
def smtp_server_with():
    """`port = smtp_server_with(handler, **options)`: a real SMTP server (aiosmtpd) on a free loopback port, with the
    test's own handler hooks and Controller options; stopped after the test."""
    import socket

    from aiosmtpd.controller import Controller

    controllers = []

    def start(handler, **options) -> int:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
        controller.start()
        controllers.append(controller)
        return port

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def smtp_server(smtp_server_with):
    """A real SMTP server on a free local port; `.messages` holds what it received."""
    collector = _Collector()
    collector.port = smtp_server_with(collector)
    return collector


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def runtime(request, tmp_path, tokens):
    """The notifier's runtime on each database in turn, its mail queue empty (for what their locking tells apart)."""
    from notifier.models import Email
    from tandem_shared.harness import ServiceHarness
    from tandem_shared.pytest_plugin import service_dir

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'notifier.db'}"
    else:
        url, _ = request.getfixturevalue("real_infrastructure")
    harness = ServiceHarness("notifier", service_dir("notifier"), url, tokens=tokens)
    with harness.runtime.db.transaction() as session:
        session.query(Email).delete()
    yield harness.runtime
    harness.close()


@pytest.fixture
def mission_published(service) -> dict:
    """The example, published just now (a publication announced more than a day late alerts nobody)."""
    from datetime import datetime, timezone

    return {**service.contract.examples("catalog.mission.published")[0], "published_at": datetime.now(timezone.utc).isoformat()}


HORIZON = "9d8c7b6a-1111-4222-8333-944455566677"
"""The company of the people in the examples; the example mission is open to all companies."""


@pytest.fixture
def subscribe(service):
    """Deliver `engagement.preferences.updated` for a person: `subscribe("alice", themes=[...])`.

    The person's id is the name given, their address `<name>@horizon.example`; by default they opted in,
    work for HORIZON and like what the example mission needs (tutoring, education).
    """

    def subscribe(name: str, *, event_id: str | None = None, **changes) -> dict:
        data = {
            **service.contract.examples("engagement.preferences.updated")[0],
            "person_id": name,
            "email": f"{name}@horizon.example",
            "first_name": name.capitalize(),
            "company_id": HORIZON,
            "themes": ["éducation / formation"],
            "professional_expertises": [],
            "personal_expertises": ["Soutien scolaire"],
            "alerts_opt_in": True,
            **changes,
        }
        assert service.deliver("engagement.preferences.updated", data, event_id=event_id) == "processed"
        return data

    return subscribe


@pytest.fixture
def person_updated(service):
    """Deliver `engagement.person.updated` for a person known by name, as `subscribe` names them."""

    def person_updated(name: str, *, at: str, **changes) -> dict:
        data = {
            **service.contract.examples("engagement.person.updated")[0],
            "person_id": name,
            "email": f"{name}@horizon.example",
            "first_name": name.capitalize(),
            "company_id": HORIZON,
            "at": at,
            **changes,
        }
        assert service.deliver("engagement.person.updated", data) == "processed"
        return data

    return person_updated
