"""Every list endpoint of every service bounds `page` and `per_page` (issue 17, defect 3).

The endpoints are read from each service's own OpenAPI document, so a new list endpoint is covered
without touching this file. A page number far beyond any integer column once answered 500; it must be
a 422 in French naming the field, signed in with every role so that the view's own checks come after.
"""
from __future__ import annotations

import re

import pytest
from helpers import SERVICES

from tandem_shared.harness import ServiceHarness, TokenFactory
from tandem_shared.paging import MAX_PAGE, page_of_list, page_offset
from tandem_shared.pytest_plugin import service_dir
from tandem_shared.testing import reset_memory_broker

ROLES = ["employee", "company_admin", "platform_operator", "association_referent", "manager"]
HUGE = "34253600884217458688"
# Lists that are not paged, and why; a paged list added there is checked like the others.
UNPAGED = {"quiz": "one quiz a month: the back office's list and a person's quizzes grow by twelve a year",
           "impact": "a report is the aggregates of one year; the rows behind it leave as streamed exports"}


def _paged_operations(app) -> list[str]:
    """GET paths whose query takes `page`, with every path parameter filled by 1."""
    document = app.test_client().get("/openapi.json").get_json()
    paths = []
    for path, item in document["paths"].items():
        operation = item.get("get")
        if operation and any(p.get("name") == "page" and p.get("in") == "query" for p in operation.get("parameters", [])):
            paths.append(re.sub(r"\{[^}]+\}", "1", path))
    return paths


@pytest.mark.parametrize("package", SERVICES)
def test_every_list_refuses_out_of_range_pages_with_a_422(package, tmp_path):
    reset_memory_broker()
    tokens = TokenFactory()
    harness = ServiceHarness(package, service_dir(package), f"sqlite:///{tmp_path / 'paging.db'}", tokens=tokens)
    try:
        client = harness.app.test_client()
        headers = tokens.headers("paging-person", roles=ROLES)
        paths = _paged_operations(harness.app)
        assert paths or package in UNPAGED, f"{package} documents no paged list"
        for path in paths:
            for query, field in ((f"page={HUGE}&per_page=1", "page"), (f"page={MAX_PAGE + 1}", "page"),
                                 ("page=0", "page"), (f"per_page={HUGE}", "per_page"), ("per_page=0", "per_page")):
                answer = client.get(f"{path}?{query}", headers=headers)
                assert answer.status_code == 422, (package, path, query, answer.status_code, answer.get_data(as_text=True)[:300])
                problem = answer.get_json()
                assert answer.content_type.startswith("application/problem+json")
                assert field in str(problem.get("errors", problem)), (path, query, problem)
    finally:
        harness.close(check_contract=False)


def test_page_slicing_is_one_mechanism():
    items = list(range(45))
    assert page_of_list(items, {"page": 1, "per_page": 20}) == (list(range(20)), 45)
    assert page_of_list(items, {"page": 3, "per_page": 20}) == ([40, 41, 42, 43, 44], 45)
    assert page_of_list(items, {"page": 4, "per_page": 20}) == ([], 45)
    assert page_offset({"page": MAX_PAGE, "per_page": 100}) < 2**31 - 1
