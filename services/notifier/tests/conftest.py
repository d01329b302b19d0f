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
def smtp_server():
    """A real SMTP server on a free local port; `.messages` holds what it received."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    collector = _Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    collector.port = port
    yield collector
    controller.stop()


@pytest.fixture
def mission_published(service) -> dict:
    return dict(service.contract.examples("catalog.mission.published")[0])
