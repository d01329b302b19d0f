"""Reading the authorization matrix (matrix.yaml) and turning each row into the cells the test checks.

A row names one operation of one service, "<service> <METHOD> <path template>", exactly as the service's OpenAPI
document spells it. It says which roles of world.py are let in (`allow`, a status or a list of roles) and what
every other role gets (`deny`: 403 or 404); `answers` overrides single cells; `public: true` lets anonymous in,
otherwise anonymous gets 401. Path parameters take the world's object of the same role by default (PARAMETER
_OBJECTS), or the row's `params`. Every cell is an expected status: the test compares them all.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from world import ROLES

HERE = Path(__file__).resolve().parent
SIGNED_IN = tuple(role for role in ROLES if role != "anonymous")

# The object a path parameter names unless the row says otherwise.
PARAMETER_OBJECTS = {
    "association_id": "referent_association",
    "mission_id": "mission",
    "spotlight_id": "spotlight",
    "company_id": "company",
    "entity_id": "entity",
    "request_id": "date_request",
    "secret": "unknown_secret",
    "participation_id": "participation",
    "person_id": "employee_person",
    "convention_id": "convention",
    "number": "one",
    "quiz_id": "quiz",
    "token_id": "scim_token",
    "user_id": "employee_person",
    "group_id": "entity",
    "name": "scim_resource_type",
    "schema_id": "scim_user_schema",
    "provider_id": "unknown_provider",
    "attempt_id": "unknown_secret",
}
# Operations that are not about an object or a person: health, the API's description, public keys.
NOT_IN_MATRIX = re.compile(r"^(GET /healthz|GET /readyz|GET /openapi\.json|GET /\.well-known/jwks\.json)$")


@dataclass(frozen=True)
class Cell:
    operation: str   # "engagement GET /participations/{participation_id}"
    role: str
    expected: int
    run: bool        # False for a state-changing call that would succeed: stated, not executed


def load_rows() -> dict[str, dict]:
    return yaml.safe_load((HERE / "matrix.yaml").read_text(encoding="utf-8"))


def load_bodies() -> dict[str, object]:
    return yaml.safe_load((HERE / "bodies.yaml").read_text(encoding="utf-8"))


def documented_operations(documents: dict[str, dict]) -> set[str]:
    """Every operation of every service's OpenAPI document, but those NOT_IN_MATRIX."""
    found = set()
    for service, document in documents.items():
        for path, item in document["paths"].items():
            for method in ("get", "post", "put", "patch", "delete"):
                if method in item and not NOT_IN_MATRIX.match(f"{method.upper()} {path}"):
                    found.add(f"{service} {method.upper()} {path}")
    return found


def expected_status(row: dict, role: str) -> int:
    answers = row.get("answers", {})
    if role in answers:
        return int(answers[role])
    if role == "anonymous":
        return int(row.get("anonymous", 200 if row.get("public") else 401))
    allow = row.get("allow", [])
    allowed = SIGNED_IN if allow == "all" else allow
    if role in allowed:
        return int(row.get("status", 200))
    return int(row["deny"])


def cells(rows: dict[str, dict]) -> list[Cell]:
    found = []
    for operation, row in rows.items():
        method = operation.split()[1]
        for role in ROLES:
            status = expected_status(row, role)
            # A call that changes something and succeeds would change the world the other cells read.
            run = method == "GET" or status >= 400 or row.get("run_allowed", False)
            found.append(Cell(operation, role, status, run))
    return found


def _fill(value, objects: dict[str, object]):
    if isinstance(value, str):
        whole = re.fullmatch(r"\{(\w+)\}", value)
        if whole and whole.group(1) in objects:
            return copy.deepcopy(objects[whole.group(1)])
        return re.sub(r"\{(\w+)\}", lambda m: str(objects[m.group(1)]), value)
    if isinstance(value, list):
        return [_fill(item, objects) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, objects) for key, item in value.items()}
    return value


def request_for(operation: str, row: dict, bodies: dict, objects: dict[str, object]) -> tuple[str, str, object]:
    """(method, gateway path, body or None) for one row, with the world's objects in place."""
    service, method, template = operation.split(" ", 2)
    chosen = {**{name: PARAMETER_OBJECTS.get(name) for name in re.findall(r"\{(\w+)\}", template)}, **row.get("params", {})}
    path = template
    for name, object_name in chosen.items():
        if object_name is None:
            raise AssertionError(f"{operation}: no object for {{{name}}}; give it in the row's params")
        path = path.replace(f"{{{name}}}", str(objects[object_name]))
    body = bodies.get(operation)
    query = _fill(row.get("query", ""), objects)
    return method, f"/api/{service}{path}{query}", _fill(body, objects) if body is not None else None


def describe(answer) -> str:
    text = answer.get_data().decode("utf-8", errors="replace")
    try:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        pass
    return f"{answer.status_code} {text[:160]}"
