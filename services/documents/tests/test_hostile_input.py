"""Hostile input answers a French 4xx problem document, never a 500 (issue #19, point 3)."""
import pytest


@pytest.mark.parametrize("suffix", [".pdf", "/signed.pdf"])
def test_a_convention_version_past_any_integer_column_is_unknown(service, tokens, suffix):
    response = service.client.get(f"/conventions/c-1/versions/{2**64}{suffix}", headers=tokens.headers("person-1"))
    assert response.status_code == 404, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"


def test_a_signature_of_a_version_past_any_integer_column_is_refused(service, tokens):
    response = service.client.post("/conventions/c-1/signature", json={"version": 2**64, "accepted": True},
                                   headers=tokens.headers("person-1"))
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
