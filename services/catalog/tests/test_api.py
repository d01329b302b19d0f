"""Catalog's HTTP API through the Flask test client, on SQLite and the memory bus."""
import pytest
import sqlalchemy as sa

from catalog.models import Mission

ASSOCIATION = {
    "name": "Les Jardins du Lien", "rna": "W751234560", "address": "3 rue Oberkampf", "city": "Paris", "department": "75",
    "contact_email": "contact@jardins-du-lien.example", "themes": ["environnement"], "description": "Jardins partagés.",
    "representative_name": "Paul Girard", "representative_title": "Président", "general_interest_category": "environnement_naturel",
}


def operator(tokens):
    return tokens.headers("op-1", roles=["platform_operator"])


def referent(tokens, subject="referent-1"):
    return tokens.headers(subject, roles=["association_referent"])


def employee(tokens, company="c-horizon"):
    return tokens.headers("emp-1", roles=["employee"], company_id=company)


# -- associations ------------------------------------------------------------------------------


def test_an_operator_registers_an_association_which_waits_for_vetting(service, tokens):
    response = service.client.post("/associations", json=ASSOCIATION, headers=operator(tokens))
    assert response.status_code == 201, response.json
    assert response.json["vetting_status"] == "pending"
    assert response.json["region"] == "Île-de-France"
    (event,) = service.published("catalog.association.registered")
    assert event.data["representative_name"] == "Paul Girard"
    # Not in the directory until approved.
    assert service.client.get("/associations", headers=employee(tokens)).json["total"] == 0
    approved = service.client.post(f"/associations/{response.json['id']}/vetting", json={"decision": "approved"}, headers=operator(tokens))
    assert approved.json["vetting_status"] == "approved"
    assert len(service.published("catalog.association.approved")) == 1
    assert service.client.get("/associations", headers=employee(tokens)).json["total"] == 1


def test_only_operators_register_and_vet_associations(service, tokens, association):
    assert service.client.post("/associations", json=ASSOCIATION, headers=referent(tokens)).status_code == 403
    assert service.client.post(f"/associations/{association}/vetting", json={"decision": "approved"}, headers=referent(tokens)).status_code == 403


def test_association_identifiers_are_checked_and_unique(service, tokens, association):
    bad = service.client.post("/associations", json={**ASSOCIATION, "rna": "123"}, headers=operator(tokens))
    assert bad.json["errors"] == {"rna": ["Le numéro RNA commence par W suivi de 9 chiffres."]}
    duplicate = service.client.post("/associations", json={**ASSOCIATION, "rna": "W691234567"}, headers=operator(tokens))
    assert duplicate.status_code == 409


def test_a_referent_edits_their_association_but_not_another(service, tokens, association, referent_of):
    ok = service.client.patch(f"/associations/{association}", json={"description": "Aide aux devoirs et ateliers."}, headers=referent(tokens))
    assert ok.status_code == 200 and ok.json["description"] == "Aide aux devoirs et ateliers."
    referent_of("referent-2", ["a-other"])
    assert service.client.patch(f"/associations/{association}", json={"description": "x"}, headers=referent(tokens, "referent-2")).status_code == 403


def test_the_directory_filters_by_theme_region_and_keywords(service, tokens, association):
    listed = service.client.get("/associations?theme=éducation / formation&q=villeurb", headers=employee(tokens)).json
    assert [a["name"] for a in listed["items"]] == ["Les Petits Savants"]
    assert listed["facets"]["region"] == {"Auvergne-Rhône-Alpes": 1}
    assert service.client.get("/associations?region=Bretagne", headers=employee(tokens)).json["total"] == 0


# -- missions --------------------------------------------------------------------------------


def test_a_referent_creates_a_draft_for_their_association(service, tokens, mission_payload):
    response = service.client.post("/missions", json=mission_payload, headers=referent(tokens))
    assert response.status_code == 201, response.json
    assert response.json["status"] == "draft"
    assert response.json["format_label"] == "1/2 journée"
    assert response.json["region"] == "Auvergne-Rhône-Alpes"
    assert service.published() == []
    # A draft is invisible to employees.
    assert service.client.get(f"/missions/{response.json['id']}", headers=employee(tokens)).status_code == 404


def test_a_referent_cannot_create_or_edit_another_associations_mission(service, tokens, mission_payload, referent_of):
    referent_of("referent-2", ["a-other"])
    assert service.client.post("/missions", json=mission_payload, headers=referent(tokens, "referent-2")).status_code == 403
    created = service.client.post("/missions", json={**mission_payload, "publish": True}, headers=referent(tokens)).json
    response = service.client.patch(f"/missions/{created['id']}", json={"places": 9}, headers=referent(tokens, "referent-2"))
    assert response.status_code == 403
    assert service.client.post(f"/missions/{created['id']}/closure", headers=referent(tokens, "referent-2")).status_code == 403


def test_an_employee_cannot_create_a_mission(service, tokens, mission_payload):
    assert service.client.post("/missions", json=mission_payload, headers=employee(tokens)).status_code == 403


def test_an_unapproved_association_cannot_publish(service, tokens, mission_payload):
    pending = service.client.post("/associations", json=ASSOCIATION, headers=operator(tokens)).json
    created = service.client.post("/missions", json={**mission_payload, "association_id": pending["id"]}, headers=operator(tokens)).json
    response = service.client.post(f"/missions/{created['id']}/publication", headers=operator(tokens))
    assert response.status_code == 409
    assert response.json["detail"] == "L'association doit être validée par l'équipe Tandem avant de publier une mission."
    assert service.published("catalog.mission.published") == []


def test_publishing_announces_everything_consumers_need(service, tokens, mission_payload):
    created = service.client.post("/missions", json=mission_payload, headers=referent(tokens)).json
    response = service.client.post(f"/missions/{created['id']}/publication", headers=referent(tokens))
    assert response.status_code == 200
    (event,) = service.published("catalog.mission.published")
    assert event.data["association"]["representative_name"] == "Hélène Moreau"
    assert event.data["association"]["general_interest_label"] == "Caractère éducatif"
    assert event.data["personal_expertises"] == ["Soutien scolaire"]
    assert event.data["url"] == f"http://tandem.test/missions/{created['id']}"
    again = service.client.post(f"/missions/{created['id']}/publication", headers=referent(tokens))
    assert again.status_code == 409 and again.json["detail"] == "Cette mission est déjà publiée."


def test_editing_a_published_mission_announces_the_update_and_closing_announces_the_end(service, tokens, mission_payload):
    created = service.client.post("/missions", json={**mission_payload, "publish": True}, headers=referent(tokens)).json
    edited = service.client.patch(f"/missions/{created['id']}", json={"places": 5, "remote_possible": True}, headers=referent(tokens))
    assert edited.json["places"] == 5
    (updated,) = service.published("catalog.mission.updated")
    assert updated.data["places"] == 5 and updated.data["remote_possible"] is True
    closed = service.client.post(f"/missions/{created['id']}/closure", headers=referent(tokens))
    assert closed.json["status"] == "closed"
    assert len(service.published("catalog.mission.closed")) == 1
    assert service.client.get(f"/missions/{created['id']}", headers=employee(tokens)).status_code == 404
    assert service.client.patch(f"/missions/{created['id']}", json={"places": 6}, headers=referent(tokens)).status_code == 409


def test_a_mission_reserved_to_chosen_companies_is_invisible_to_others(service, tokens, mission_payload):
    reserved = {**mission_payload, "open_to_all_companies": False, "company_ids": ["c-horizon"], "publish": True}
    created = service.client.post("/missions", json=reserved, headers=referent(tokens)).json
    assert service.client.get(f"/missions/{created['id']}", headers=employee(tokens, "c-horizon")).status_code == 200
    assert service.client.get(f"/missions/{created['id']}", headers=employee(tokens, "c-autre")).status_code == 404
    assert service.client.get("/missions", headers=employee(tokens, "c-autre")).json["total"] == 0
    assert service.client.get("/missions", headers=employee(tokens, "c-horizon")).json["total"] == 1


def test_a_reserved_mission_needs_at_least_one_company(service, tokens, mission_payload):
    response = service.client.post("/missions", json={**mission_payload, "open_to_all_companies": False}, headers=referent(tokens))
    assert response.status_code == 422
    assert response.json["errors"] == {"company_ids": ["Choisis au moins une entreprise, ou ouvre la mission à toutes."]}


def test_unknown_themes_and_departments_are_refused_in_french(service, tokens, mission_payload):
    response = service.client.post("/missions", json={**mission_payload, "themes": ["astrologie"], "department": "99"}, headers=referent(tokens))
    assert response.status_code == 422
    assert response.json["errors"]["department"] == ["Choisis le département dans la liste."]
    assert "themes" in response.json["errors"]
    no_city = service.client.post("/missions", json={**mission_payload, "city": ""}, headers=referent(tokens))
    assert no_city.json["errors"]["city"] == ["Indique la ville (100 caractères au plus)."]


def test_a_mission_goes_online_only_once_it_says_what_it_is_about(service, tokens, mission_payload):
    bare = {**mission_payload, "description": "  ", "themes": [], "personal_expertises": [], "professional_expertises": [],
            "all_jobs": False}
    refused = service.client.post("/missions", json={**bare, "publish": True}, headers=referent(tokens))
    assert refused.status_code == 422
    assert set(refused.json["errors"]) == {"description", "themes", "professional_expertises"}
    assert refused.json["errors"]["professional_expertises"] == ["Indique au moins une expertise recherchée, ou coche « Tous types de métiers ! »."]
    # Nothing half done: no draft was kept, nothing was announced.
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Mission)) == 0
    assert service.published("catalog.mission.published") == []
    # A draft may lack them; publishing it asks for them.
    draft = service.client.post("/missions", json=bare, headers=referent(tokens))
    assert draft.status_code == 201 and draft.json["status"] == "draft"
    assert service.client.post(f"/missions/{draft.json['id']}/publication", headers=referent(tokens)).status_code == 422
    completed = service.client.patch(f"/missions/{draft.json['id']}", headers=referent(tokens), json={
        "description": "Tu accompagneras des élèves de 4e dans leurs devoirs.", "themes": ["éducation / formation"], "all_jobs": True})
    assert completed.status_code == 200
    assert service.client.post(f"/missions/{draft.json['id']}/publication", headers=referent(tokens)).status_code == 200
    # Once online, it cannot be emptied again.
    emptied = service.client.patch(f"/missions/{draft.json['id']}", json={"description": ""}, headers=referent(tokens))
    assert emptied.status_code == 422 and list(emptied.json["errors"]) == ["description"]
    assert service.client.get(f"/missions/{draft.json['id']}", headers=referent(tokens)).json["description"].startswith("Tu accompagneras")


def test_the_mission_sheet_carries_the_association_presentation(service, tokens, mission_payload):
    created = service.client.post("/missions", json={**mission_payload, "publish": True}, headers=referent(tokens)).json
    sheet = service.client.get(f"/missions/{created['id']}", headers=employee(tokens)).json
    assert sheet["association"]["description"] == "Soutien scolaire à Villeurbanne."
    assert sheet["contact_name"] == "Nadia Benali"
    assert sheet["all_jobs"] is True


def test_an_operators_missions_are_the_whole_catalogue_paged_by_the_database(service, tokens, mission_payload):
    titles = [f"Mission numéro {n}" for n in range(3)]
    for title in titles:
        service.client.post("/missions", json={**mission_payload, "title": title}, headers=referent(tokens))
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_):
        statements.append(" ".join(statement.split()))

    engine = service.runtime.db.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        first = service.client.get("/missions/mine?per_page=2", headers=operator(tokens)).json
        second = service.client.get("/missions/mine?per_page=2&page=2", headers=operator(tokens)).json
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    assert first["total"] == second["total"] == 3
    # Latest changed first, each mission once across the pages.
    assert [m["title"] for m in first["items"] + second["items"]] == titles[::-1]
    reads = [sql for sql in statements if sql.startswith("SELECT missions.id")]
    assert reads and all("LIMIT" in sql for sql in reads), reads  # never the whole catalogue into the process


def test_my_missions_lists_drafts_of_my_associations_only(service, tokens, mission_payload, referent_of):
    service.client.post("/missions", json=mission_payload, headers=referent(tokens))
    assert service.client.get("/missions/mine", headers=referent(tokens)).json["total"] == 1
    referent_of("referent-2", ["a-other"])
    assert service.client.get("/missions/mine", headers=referent(tokens, "referent-2")).json["total"] == 0


def test_missions_for_me_come_first_by_overlap_with_my_preferences(service, tokens, mission_payload):
    garden = {**mission_payload, "title": "Jardin partagé", "themes": ["environnement"], "personal_expertises": ["Jardinage"], "publish": True}
    tutoring = {**mission_payload, "publish": True}
    garden_id = service.client.post("/missions", json=garden, headers=referent(tokens)).json["id"]
    service.client.post("/missions", json=tutoring, headers=referent(tokens))  # newer, but off my preferences
    service.deliver("engagement.preferences.updated", {
        "person_id": "emp-1", "email": "e@horizon.example", "first_name": "Emma", "company_id": "c-horizon",
        "professional_expertises": [], "personal_expertises": ["Jardinage"], "themes": ["environnement"],
        "alerts_opt_in": False, "updated_at": "2026-11-26T10:00:00+00:00",
    })
    ranked = service.client.get("/missions/for-me", headers=employee(tokens)).json
    assert ranked["items"][0]["id"] == garden_id and ranked["total"] == 2


def test_a_referent_who_loses_the_role_can_no_longer_manage(service, tokens, association, mission_payload, referent_of):
    referent_of("referent-1", [], at="2026-11-26T11:00:00+00:00")
    assert service.client.post("/missions", json=mission_payload, headers=referent(tokens)).status_code == 403


# -- taxonomy and l'actu solidaire --------------------------------------------------------------


def test_the_taxonomy_has_the_guides_lists_and_every_department(service):
    data = service.client.get("/taxonomy").json
    assert len(data["themes"]) == 12 and len(data["professional_expertises"]) == 7 and len(data["personal_expertises"]) == 11
    assert len(data["departments"]) == 101
    assert data["formats"]["full_day"] == "100% journée"


def test_spotlights_are_listed_month_by_month_with_their_linked_missions(service, tokens, mission_payload):
    mission = service.client.post("/missions", json={**mission_payload, "publish": True}, headers=referent(tokens)).json
    admin = tokens.headers("admin-1", roles=["company_admin", "employee"], company_id="c-horizon")
    created = service.client.post("/spotlights", headers=admin, json={
        "title": "Journée internationale de l'éducation", "starts_on": "2027-01-24", "description": "…",
        "themes": ["éducation / formation"], "keywords": ["devoirs"],
    })
    assert created.status_code == 201, created.json
    service.client.post("/spotlights", headers=operator(tokens), json={"title": "Téléthon", "starts_on": "2026-12-04", "themes": ["santé / handicap"]})
    listed = service.client.get("/spotlights?start=2026-12-01", headers=employee(tokens)).json
    assert [m["label"] for m in listed["months"]] == ["décembre 2026", "janvier 2027"]
    assert listed["months"][1]["items"][0]["mission_count"] == 1
    assert listed["months"][0]["items"][0]["mission_count"] == 0  # « santé / handicap », and no keyword
    assert created.json["mission_count"] == 1  # counted for its author too
    # A company admin's cause is only for that company's people.
    assert service.client.get("/spotlights?start=2026-12-01", headers=employee(tokens, "c-autre")).json["total"] == 1


def test_a_visitor_reads_the_platforms_causes_counted_on_the_missions_open_to_every_company(service, tokens, mission_payload):
    """The guide's home page shows « L'actu solidaire » before anyone logs in: the causes of the whole platform (not a
    company's own), each counting only the missions a visitor may see."""
    service.client.post("/missions", json={**mission_payload, "publish": True}, headers=referent(tokens))
    service.client.post("/missions", json={**mission_payload, "title": "Aide aux devoirs réservée", "publish": True,
                                           "open_to_all_companies": False, "company_ids": ["c-horizon"]},
                        headers=referent(tokens))
    admin = tokens.headers("admin-1", roles=["company_admin", "employee"], company_id="c-horizon")
    service.client.post("/spotlights", headers=admin, json={"title": "Notre semaine solidaire", "starts_on": "2027-01-10",
                                                            "themes": ["éducation / formation"]})
    service.client.post("/spotlights", headers=operator(tokens), json={
        "title": "Journée internationale de l'éducation", "starts_on": "2027-01-24", "themes": ["éducation / formation"]})

    listed = service.client.get("/spotlights?start=2027-01-01")
    assert listed.status_code == 200, listed.json
    (month,) = listed.json["months"]
    assert [(item["title"], item["mission_count"]) for item in month["items"]] == [("Journée internationale de l'éducation", 1)]
    employee_view = service.client.get("/spotlights?start=2027-01-01", headers=employee(tokens)).json
    assert sorted((item["title"], item["mission_count"]) for item in employee_view["months"][0]["items"]) == [
        ("Journée internationale de l'éducation", 2), ("Notre semaine solidaire", 2)]
    # Editing still needs a login; a bad token is refused rather than read as a visitor.
    assert service.client.post("/spotlights", json={"title": "Une cause", "starts_on": "2027-01-01"}).status_code == 401
    assert service.client.get("/spotlights", headers={"Authorization": "Bearer abimé"}).status_code == 401


def test_the_search_lists_exactly_the_missions_a_cause_links_to_by_theme_or_keyword(service, tokens, mission_payload):
    """« Postule à une mission en lien avec cette actu » opens « Je trouve » on the cause's missions, and on them only:
    the count l'actu solidaire shows is the number the search finds."""
    def publish(description, **changes):
        # Published missions say what they are about (catalog.domain.publication_gaps): the same sentence after each.
        description += " Une fois par semaine, avec l'équipe de bénévoles."
        return service.client.post("/missions", json={**mission_payload, "publish": True, "description": description, **changes},
                                   headers=referent(tokens)).json["id"]

    by_theme = publish(title="Atelier lecture", description="Lire des contes.", personal_expertises=[])
    by_keyword = publish(title="Collecte des Restos du cœur", description="Trier les dons.", themes=["social / précarité"], personal_expertises=[])
    neither = publish(title="Nettoyage de la plage", description="Ramasser les déchets.", themes=["environnement"], personal_expertises=[])
    admin = tokens.headers("admin-1", roles=["company_admin", "employee"], company_id="c-horizon")
    cause = service.client.post("/spotlights", headers=admin, json={
        "title": "Semaine de l'éducation", "starts_on": "2027-01-24", "themes": ["éducation / formation"],
        "keywords": ["restos du coeur", "xylophone"],
    }).json
    assert cause["mission_count"] == 2

    found = service.client.get("/missions", query_string={"spotlight": cause["id"]}, headers=employee(tokens))
    assert found.status_code == 200, found.json
    assert sorted(item["id"] for item in found.json["items"]) == sorted([by_theme, by_keyword])
    assert found.json["total"] == cause["mission_count"]
    assert found.json["spotlight"] == {"id": cause["id"], "title": "Semaine de l'éducation"}
    assert found.json["facets"]["theme"] == {"social / précarité": 1, "éducation / formation": 1}
    # The other filters narrow it further, and a plain search says no cause.
    narrowed = service.client.get("/missions", query_string={"spotlight": cause["id"], "q": "restos"}, headers=employee(tokens)).json
    assert [item["id"] for item in narrowed["items"]] == [by_keyword]
    plain = service.client.get("/missions", headers=employee(tokens)).json
    assert plain["spotlight"] is None and neither in {item["id"] for item in plain["items"]}
    # A company's cause is nobody else's, visitors included; an unknown one is the same 404.
    for headers, spotlight in ((employee(tokens, "c-autre"), cause["id"]), ({}, cause["id"]), (employee(tokens), "inconnue")):
        refused = service.client.get("/missions", query_string={"spotlight": spotlight}, headers=headers)
        assert refused.status_code == 404 and refused.json["detail"] == "Cette actualité n'existe pas."


def test_only_admins_and_operators_edit_spotlights(service, tokens):
    response = service.client.post("/spotlights", headers=employee(tokens), json={"title": "Une cause", "starts_on": "2027-01-01"})
    assert response.status_code == 403


# -- visitors who have not logged in (issue 16, point 12) ----------------------------------------------------


def test_the_names_of_the_approved_associations_are_one_light_answer_for_everyone(service, tokens):
    """« Je trouve » counts missions per association id; this names them, for visitors too, and only the approved ones."""
    approved = service.client.post("/associations", json=ASSOCIATION, headers=operator(tokens)).json
    service.client.post(f"/associations/{approved['id']}/vetting", json={"decision": "approved"}, headers=operator(tokens))
    pending = service.client.post("/associations", json={**ASSOCIATION, "name": "Pas encore validée", "rna": None}, headers=operator(tokens)).json
    for headers in ({}, employee(tokens)):
        names = service.client.get("/associations/names", headers=headers)
        assert names.status_code == 200, names.json
        assert names.json["names"][approved["id"]] == "Les Jardins du Lien"
        assert pending["id"] not in names.json["names"]


def test_a_visitor_browses_missions_open_to_every_company_without_the_contacts(service, tokens, mission_payload):
    open_to_all = service.client.post("/missions", json={**mission_payload, "publish": True}, headers=referent(tokens)).json
    reserved = service.client.post("/missions", json={**mission_payload, "title": "Mission réservée à Horizon", "publish": True,
                                                      "open_to_all_companies": False, "company_ids": ["c-horizon"]},
                                   headers=referent(tokens)).json
    draft = service.client.post("/missions", json={**mission_payload, "title": "Brouillon pas encore publié"}, headers=referent(tokens)).json

    listed = service.client.get("/missions")
    assert listed.status_code == 200
    assert [m["id"] for m in listed.json["items"]] == [open_to_all["id"]]
    assert listed.json["total"] == 1
    (item,) = listed.json["items"]
    assert item["title"] == open_to_all["title"] and not {"contact_name", "contact_email", "contact_phone"} & set(item)
    sheet = service.client.get(f"/missions/{open_to_all['id']}")
    assert sheet.status_code == 200 and sheet.json["title"] == open_to_all["title"]
    assert sheet.json["contact_email"] is None and sheet.json["association"]["name"] == "Les Petits Savants"
    # Reserved missions and drafts stay hidden from anyone outside them: the same 404 as for an unknown mission.
    for hidden in (reserved["id"], draft["id"], "inconnue"):
        response = service.client.get(f"/missions/{hidden}")
        assert response.status_code == 404 and response.json["detail"] == "Cette mission n'existe pas ou n'est plus en ligne."
    # Logged in, the same sheet names the contact.
    assert service.client.get(f"/missions/{open_to_all['id']}", headers=employee(tokens)).json["contact_email"] == mission_payload["contact_email"]
    # What a visitor may not do still asks to log in.
    assert service.client.get("/missions/for-me").status_code == 401
    assert service.client.post("/missions", json=mission_payload).status_code == 401


def test_a_visitor_reads_the_association_directory_without_the_contact_address(service, tokens, association):
    listed = service.client.get("/associations")
    assert listed.status_code == 200 and [a["name"] for a in listed.json["items"]] == ["Les Petits Savants"]
    assert listed.json["items"][0]["contact_email"] is None
    page = service.client.get(f"/associations/{association}")
    assert page.status_code == 200 and page.json["contact_email"] is None
    assert service.client.get(f"/associations/{association}", headers=employee(tokens)).json["contact_email"]


def test_a_bad_token_is_still_refused_on_the_open_pages(service):
    assert service.client.get("/missions", headers={"Authorization": "Bearer pas-un-jeton"}).status_code == 401
