"""Issue #19 (7): a line break in a single-line field would start a new line in e-mails and PDFs."""
import pytest

from tandem_shared.text_fields import MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE

from .test_api import ASSOCIATION, operator


@pytest.mark.parametrize("field, value", [
    ("name", "Les Jardins\r\nObjet : urgent"), ("city", "Paris\n75001"), ("representative_name", "Paul\tGirard"),
    ("address", "3 rue Oberkampf\u2028Bcc"),
])
def test_an_association_with_a_control_character_in_a_single_line_field_is_refused(service, tokens, field, value):
    response = service.client.post("/associations", json={**ASSOCIATION, field: value}, headers=operator(tokens))
    assert response.status_code == 422
    assert response.json["errors"][field] == [SINGLE_LINE_MESSAGE]


def test_a_description_keeps_its_line_breaks_but_not_other_controls(service, tokens):
    escape = service.client.post("/associations", json={**ASSOCIATION, "description": "Jardins\x1b[2J partagés"}, headers=operator(tokens))
    assert escape.status_code == 422 and escape.json["errors"]["description"] == [MULTI_LINE_MESSAGE]
    created = service.client.post("/associations", json={**ASSOCIATION, "description": "Jardins partagés.\r\nAteliers le samedi."},
                                  headers=operator(tokens))
    assert created.status_code == 201, created.json
    assert created.json["description"] == "Jardins partagés.\nAteliers le samedi."
