"""The security headers, as browsers receive them from the production nginx and from the embedded gateway.

nginx's `add_header` lines are not inherited by a location that declares one of its own, and error pages
(`error_page … @service_unavailable`) are easy to forget: so nginx is started here, alone, with every
service down, and each kind of answer it can give is checked against the embedded gateway's headers.
"""
from __future__ import annotations

import re
import subprocess
import time

import pytest
import requests
from werkzeug.test import Client
from werkzeug.wrappers import Response

from helpers import REPO_ROOT, SERVICES, free_port, load_topology
from tandem_gateway.routing import SECURITY_HEADERS, Gateway, security_headers_for

ONE_YEAR = 365 * 24 * 3600
# Features no page of Tandem uses: a script injected one day must not get them either.
UNUSED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "midi", "display-capture")

# One path per kind of answer: the web client (a file, and index.html for a deep link), a service (here down,
# so nginx's own 503 page), a PDF that may be framed, an unknown service, and /dev/ (embedded mode only).
PATHS = ("/", "/missions/42", "/app.js", "/api/catalog/healthz", "/api/documents/conventions/c1/versions/2.pdf",
         "/api/inconnu/x", "/dev/mail")


def assert_hardened(headers) -> None:
    hsts = headers["Strict-Transport-Security"]
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))
    assert max_age >= ONE_YEAR and "includesubdomains" in hsts.lower(), hsts
    policy = dict(
        (item.split("=", 1)[0].strip(), item.split("=", 1)[1].strip())
        for item in headers["Permissions-Policy"].split(",")
    )
    for feature in UNUSED_FEATURES:
        assert policy.get(feature) == "()", (feature, headers["Permissions-Policy"])
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_embedded_gateway_asks_for_https_only_and_refuses_unused_features(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>Tandem</title>")
    service = lambda environ, start_response: Response("{}", content_type="application/json")(environ, start_response)  # noqa: E731
    client = Client(Gateway({name: service for name in SERVICES}, web_root=tmp_path))
    for path in PATHS:
        response = client.get(path)
        assert_hardened(response.headers)
        for name, value in security_headers_for(path).items():
            assert response.headers.getlist(name) == [value], (path, name)


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    topology = load_topology()
    nginx_dir = tmp_path_factory.mktemp("nginx")
    # Every upstream on a port nobody listens on: the services' answers are theirs, the gateway's are tested here.
    ports = {name: free_port() for name in (*SERVICES, "gateway")}
    config = topology.write_nginx_runtime(REPO_ROOT, nginx_dir, ports)
    program = topology.find_nginx()
    checked = subprocess.run([program, "-t", "-p", str(nginx_dir), "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([program, "-p", str(nginx_dir), "-c", str(config), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{ports['gateway']}"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                requests.get(base + "/", timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None, process.stderr.read().decode(errors="replace")
                assert time.monotonic() < deadline, "nginx did not answer"
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_of_nginx_carries_the_embedded_gateways_security_headers(nginx, path):
    response = requests.get(nginx + path, timeout=5, allow_redirects=False)
    assert_hardened(response.headers)
    for name, value in security_headers_for(path).items():
        assert response.headers.get(name) == value, (path, name, response.status_code)


def test_nginx_declares_no_header_in_a_location_which_would_drop_the_servers_own():
    nginx = (REPO_ROOT / "deploy" / "gateway" / "nginx.conf").read_text()
    locations = re.findall(r"location [^{]+\{([^}]*)\}", nginx)
    assert locations and not [body for body in locations if "add_header" in body]
    assert set(SECURITY_HEADERS) >= {"Strict-Transport-Security", "Permissions-Policy", "Cross-Origin-Opener-Policy"}


# -- body sizes (issue 17): both gateways refuse the same bodies with the same problem document ---------------------

def test_both_gateways_hold_the_shared_body_limit():
    from tandem_gateway.routing import TOO_LARGE_DETAIL
    from tandem_shared.inputs import MAX_BODY_BYTES

    nginx = (REPO_ROOT / "deploy" / "gateway" / "nginx.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", nginx).group(1))
    assert megabytes * 1024 * 1024 == MAX_BODY_BYTES
    assert f"(au plus {megabytes} Mo)" in TOO_LARGE_DETAIL and TOO_LARGE_DETAIL in nginx


@pytest.mark.parametrize("size", [2 * 1024 * 1024 + 1, 10 * 1024 * 1024], ids=["just-over", "10MB"])
def test_a_body_over_the_limit_gets_the_same_413_from_nginx_and_the_embedded_gateway(nginx, tmp_path, size):
    reached = []

    def service(environ, start_response):
        reached.append(environ["PATH_INFO"])
        return Response("{}", content_type="application/json")(environ, start_response)

    client = Client(Gateway({name: service for name in SERVICES}, web_root=tmp_path))
    body = b"x" * size
    embedded = client.post("/api/engagement/me/favourites", data=body, content_type="application/json")
    from_nginx = requests.post(nginx + "/api/engagement/me/favourites", data=body, timeout=20,
                               headers={"Content-Type": "application/json"})
    assert reached == []
    for answer, document in ((embedded, embedded.get_json(force=True)), (from_nginx, from_nginx.json())):
        assert answer.status_code == 413
        assert answer.headers["Content-Type"].startswith("application/problem+json")
        assert document["status"] == 413 and "trop volumineux" in document["detail"]
    assert embedded.get_json(force=True) == from_nginx.json()
    client.post("/api/engagement/me/favourites", data=b"{}", content_type="application/json")
    assert reached == ["/me/favourites"]
