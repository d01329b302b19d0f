"""The app factory refuses hostile input with a French 400 problem document, in every service alike.

A tiny app built with `create_service_app` and a blueprint shaped like the services' ones: a JSON body,
paging, an `<int:...>` path, and a literal route beside a parameter route.
"""
from __future__ import annotations

import json

import pytest
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields
from tandem_tiny_service import build_runtime

from tandem_shared.auth import TokenVerifier, load_public_keys
from tandem_shared.harness import TokenFactory
from tandem_shared.inputs import MAX_INTEGER, MAX_JSON_DEPTH
from tandem_shared.paging import PageArgsSchema
from tandem_shared.web import create_service_app, export_openapi, install_verifier, login_required

PROBLEM = "application/problem+json"


class NoteSchema(Schema):
    text = fields.String()
    payload = fields.Raw()
    count = fields.Integer()


def _blueprint() -> Blueprint:
    notes = Blueprint("notes", __name__, url_prefix="/notes")
    received: list = []

    @notes.route("")
    class Notes(MethodView):
        @notes.arguments(PageArgsSchema, location="query")
        @notes.response(200)
        def get(self, args):
            # What the services do with the paging arguments: an offset SQL must be able to hold.
            return {"offset": (args["page"] - 1) * args["per_page"], "limit": args["per_page"]}

        @notes.arguments(NoteSchema)
        @notes.response(201)
        def post(self, note):
            received.append(note)
            return note

    @notes.route("/mine")
    class MyNotes(MethodView):
        @login_required
        @notes.response(200)
        def get(self):
            return {"items": []}

    @notes.route("/<string:note_id>")
    class Note(MethodView):
        @notes.response(200)
        def get(self, note_id):
            return {"id": note_id}

        @login_required
        @notes.arguments(NoteSchema)
        @notes.response(200)
        def patch(self, note, note_id):
            received.append(note)
            return {"id": note_id, **note}

        @notes.response(204)
        def delete(self, note_id):
            received.append(("deleted", note_id))

    @notes.route("/<string:note_id>/versions/<int:number>")
    class Version(MethodView):
        @notes.response(200)
        def get(self, note_id, number):
            return {"id": note_id, "number": number}

    notes.received = received
    return notes


@pytest.fixture
def tiny(sqlite_url):
    runtime = build_runtime(sqlite_url, "memory://")
    tokens = TokenFactory()
    notes = _blueprint()
    app = create_service_app(runtime, "Tiny", [notes])
    install_verifier(app, TokenVerifier(load_public_keys(tokens.public_pem), audience=tokens.audience, issuer=tokens.issuer))
    app.testing = True
    app.notes = notes
    app.tokens = tokens
    yield app
    runtime.stop()


def _assert_french_400(response, words: str):
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    assert response.json["title"] == "Requête invalide"
    assert words in response.json["detail"]


def _post(app, text: str):
    return app.test_client().post("/notes", data=text, content_type="application/json")


def test_json_nested_a_thousand_deep_is_refused_not_a_recursion_error(tiny):
    response = _post(tiny, '{"payload": ' + "[" * 1000 + "]" * 1000 + "}")
    _assert_french_400(response, "trop imbriqué")
    assert tiny.notes.received == []


def test_json_nested_past_the_limit_is_refused_even_when_python_could_parse_it(tiny):
    response = _post(tiny, '{"payload": ' + "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH + "}")
    _assert_french_400(response, "trop imbriqué")
    assert _post(tiny, '{"payload": [[["ok"]]]}').status_code == 201


@pytest.mark.parametrize("body", [r'{"text": "\ud800"}', r'{"\udfff": "x"}', r'{"payload": ["a", {"b": "\udbff"}]}'])
def test_a_lone_surrogate_anywhere_in_a_body_is_refused(tiny, body):
    _assert_french_400(_post(tiny, body), "Unicode mal formé")
    assert tiny.notes.received == []


def test_a_proper_surrogate_pair_is_a_character_like_any_other(tiny):
    response = _post(tiny, r'{"text": "\ud83c\udf31 jardin"}')
    assert response.status_code == 201
    assert response.json["text"] == "🌱 jardin"


def test_a_nul_character_is_refused_in_bodies_paths_and_queries(tiny):
    _assert_french_400(_post(tiny, r'{"text": "a\u0000b"}'), "caractère nul")
    _assert_french_400(tiny.test_client().get("/notes/a%00b"), "caractère nul")
    _assert_french_400(tiny.test_client().get("/notes?page=1&x=%00"), "caractère nul")


@pytest.mark.parametrize("number", [str(MAX_INTEGER + 1), "-" + str(MAX_INTEGER + 1), "1" + "0" * 5000, "18446744073709551616"])
def test_integers_no_column_can_hold_are_refused(tiny, number):
    _assert_french_400(_post(tiny, '{"count": ' + number + "}"), "limite")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinities_are_refused(tiny, number):
    response = _post(tiny, '{"count": ' + number + "}")
    assert response.status_code == 400
    assert response.mimetype == PROBLEM


def test_a_body_that_is_not_json_or_not_utf8_is_a_400(tiny):
    _assert_french_400(_post(tiny, "{pas du json"), "pas du JSON valide")
    response = tiny.test_client().post("/notes", data=b'{"text": "\xff"}', content_type="application/json")
    _assert_french_400(response, "UTF-8")


def test_a_missing_body_is_a_400_not_an_empty_update(tiny):
    client = tiny.test_client()
    headers = tiny.tokens.headers("p-1")
    _assert_french_400(client.patch("/notes/n-1", headers=headers), "corps de la requête est vide")
    _assert_french_400(client.patch("/notes/n-1", headers=headers, content_type="application/json"), "corps de la requête est vide")
    assert tiny.notes.received == []
    assert client.patch("/notes/n-1", headers=headers, json={"text": "ok"}).status_code == 200


def test_a_body_in_another_format_is_a_415(tiny):
    response = tiny.test_client().post("/notes", data="text=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.mimetype == PROBLEM


def test_a_stranger_learns_to_sign_in_before_anything_about_the_body(tiny):
    response = tiny.test_client().patch("/notes/n-1", data="[" * 1000, content_type="application/json")
    assert response.status_code == 401
    assert response.mimetype == PROBLEM


@pytest.mark.parametrize("page", ["1000000000000000000", "10001", "0"])
def test_pages_outside_the_bounds_are_refused(tiny, page):
    response = tiny.test_client().get(f"/notes?page={page}")
    assert response.status_code == 422, response.json
    assert response.mimetype == PROBLEM
    assert "page" in response.json["errors"]


def test_the_last_page_still_works(tiny):
    assert tiny.test_client().get("/notes?page=10000&per_page=100").json == {"offset": 999_900, "limit": 100}


def test_an_integer_path_parameter_past_the_bound_matches_nothing(tiny):
    client = tiny.test_client()
    assert client.get(f"/notes/n-1/versions/{MAX_INTEGER}").json == {"id": "n-1", "number": MAX_INTEGER}
    for number in (MAX_INTEGER + 1, 2**64, 10**30):
        response = client.get(f"/notes/n-1/versions/{number}")
        assert response.status_code == 404
        assert response.mimetype == PROBLEM


def test_a_literal_route_is_not_swallowed_by_its_parameter_sibling(tiny):
    client = tiny.test_client()
    for method in ("delete", "patch", "post", "put"):
        response = getattr(client, method)("/notes/mine", headers=tiny.tokens.headers("p-1"), json={"text": "x"})
        assert response.status_code == 405, (method, response.json)
        assert response.mimetype == PROBLEM
        assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert tiny.notes.received == []
    assert client.delete("/notes/n-1").status_code == 204
    assert set(client.options("/notes/mine").headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_the_openapi_document_says_what_errors_and_credentials_look_like(tiny):
    spec = export_openapi(tiny)
    components = spec["components"]
    assert set(components["securitySchemes"]) == {"bearer", "session_cookie", "csrf_header"}
    assert components["securitySchemes"]["session_cookie"] == {
        "type": "apiKey", "in": "cookie", "name": "tandem_session",
        "description": components["securitySchemes"]["session_cookie"]["description"]}
    assert components["securitySchemes"]["csrf_header"]["name"] == "X-CSRF-Token"
    assert list(components["responses"]["DEFAULT_ERROR"]["content"]) == [PROBLEM]
    assert set(components["schemas"]["Problem"]["required"]) == {"type", "title", "status", "detail"}
    text = json.dumps(spec)
    assert '"Error"' not in text
    paths = spec["paths"]
    # Every documented error, even one documented by a description alone, is problem+json.
    for path in paths.values():
        for operation in path.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for status, response in operation["responses"].items():
                if "$ref" in response:
                    response = components["responses"][response["$ref"].rsplit("/", 1)[1]]
                if status[0] in "45" or status == "default":
                    assert list(response.get("content", {})) == [PROBLEM], (status, response)
    assert paths["/notes/mine"]["get"]["security"] == [{"bearer": []}, {"session_cookie": []}]
    assert paths["/notes/{note_id}"]["patch"]["security"] == [{"bearer": []}, {"session_cookie": [], "csrf_header": []}]
    assert "security" not in paths["/notes"]["get"]
    number = next(p for p in paths["/notes/{note_id}/versions/{number}"]["parameters"] if p["name"] == "number")
    assert number["schema"]["maximum"] == MAX_INTEGER
    page = next(p for p in paths["/notes"]["get"]["parameters"] if p["name"] == "page")
    assert page["schema"]["maximum"] == 10_000
