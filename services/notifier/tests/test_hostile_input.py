"""Hostile input answers a French 4xx problem document, never a 500 (issue #19, point 3)."""


def test_a_page_number_past_any_integer_column(service, tokens):
    response = service.client.get("/emails?page=1000000000000000000", headers=tokens.headers("operator-1", roles=["platform_operator"]))
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    assert "page" in response.json["errors"]
