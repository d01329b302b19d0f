"""The access log of a web process never keeps a single-use link's secret."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from gunicorn.config import Config

from tandem_shared.gunicorn_logging import redacting_logger

SECRET = "Zq3kT9vYbF0aR2mXw7LcP1sHd8uE4nJg"


def atoms_for(path: str, referer: str | None = None) -> dict:
    logger = redacting_logger(("/actions/", "/manager/demandes/"))(Config())
    environ = {"REQUEST_METHOD": "POST", "RAW_URI": path, "PATH_INFO": path.split("?")[0], "QUERY_STRING": "",
               "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": "test"}
    if referer:
        environ["HTTP_REFERER"] = referer
    response = SimpleNamespace(status="200 OK", sent=12, headers=[])
    request = SimpleNamespace(headers=[("REFERER", referer)] if referer else [])
    return logger.atoms(response, request, environ, dt.timedelta(milliseconds=5))


def test_the_secret_segment_is_replaced_in_the_request_line_the_path_and_the_referer():
    atoms = atoms_for(f"/actions/{SECRET}?x=1", referer=f"https://tandem.example/manager/demandes/{SECRET}")
    for name in ("r", "U", "f", "{raw_uri}e", "{referer}i"):
        assert SECRET not in atoms[name], name
    assert atoms["r"] == "POST /actions/[redacted]?x=1 HTTP/1.1"
    assert atoms["U"] == "/actions/[redacted]"
    assert atoms["f"] == "https://tandem.example/manager/demandes/[redacted]"


def test_other_paths_are_logged_as_they_are():
    atoms = atoms_for("/requests/42/decision", referer="https://tandem.example/mon-compte/equipe")
    assert atoms["r"] == "POST /requests/42/decision HTTP/1.1"
    assert atoms["f"] == "https://tandem.example/mon-compte/equipe"
