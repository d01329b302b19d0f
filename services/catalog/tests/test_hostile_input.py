"""Requests schemathesis found answering 500 now answer a 4xx problem document (issue #19)."""


def test_taking_another_associations_rna_by_an_update_is_a_conflict_not_a_crash(service, tokens, association):
    operator = tokens.headers("operator-1", roles=["platform_operator"])
    other = service.client.post("/associations", headers=operator, json={
        "name": "Les Jardins du Lien", "rna": "W751234560", "address": "3 rue Oberkampf", "city": "Paris", "department": "75",
        "contact_email": "contact@jardins-du-lien.example", "themes": ["environnement"], "description": "Jardins partagés.",
        "representative_name": "Paul Girard", "representative_title": "Président", "general_interest_category": "environnement_naturel"})
    assert other.status_code == 201, other.json
    # W691234567 is the RNA of the `association` fixture.
    response = service.client.patch(f"/associations/{other.json['id']}", json={"rna": "W691234567"}, headers=operator)
    assert response.status_code == 409, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    assert response.json["detail"] == "Ce numéro RNA est déjà celui d'une autre association."
