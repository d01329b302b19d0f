"""The look of issue 16, in Chromium at 1280 and 375 px, each screen checked like test_screens (one <h1>, axe, no
sideways scroll at 375 px, no console error):
- a referent uploads the association's logo and a mission's photo; an SVG is refused in French; the photo shows on the
  mission sheet and on the cards, the logo beside the association's name;
- compact mission cards: three a row at desktop width, at most three tags then « +n », a list much shorter than the
  3,400 px (1280) and 7,000 px (375) it took before;
- on a phone the filters wait in a drawer whose sticky button names the live count (« Voir 20 missions »);
- the association filter shows its most counted values, « Afficher les N autres », and finds any by its name;
- « Mon compte » shows the year's allowance as a bar with its figures.
"""
from __future__ import annotations

import io
import re
import uuid

import pytest
from browser_support import DEMO, WIDTHS, ApiUser, check_screen
from PIL import ExifTags, Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PETITS_SAVANTS = str(uuid.uuid5(uuid.NAMESPACE_URL, "tandem-demo-association:Les Petits Savants"))
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def picture(fmt: str, size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    """A picture as a phone saves it: EXIF with the camera's make and a GPS position."""
    image = Image.new("RGB", size, colour)
    image.paste((255, 255, 255), (size[0] // 3, size[1] // 3, 2 * size[0] // 3, 2 * size[1] // 3))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TelephoneDeTest"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (45.0, 45.0, 36.0)})
    output = io.BytesIO()
    image.save(output, format=fmt, exif=exif.tobytes())
    return output.getvalue()


def a_mission_of_the_petits_savants(base: str) -> dict:
    """A published demo mission of the referent's association that test_screens does not show. Not a new one: a new
    publication would send Camille an alert, which test_new_user_defects checks the demo never does."""
    referent = ApiUser(base, DEMO["referent"])
    mine = referent.get("/api/catalog/missions/mine?per_page=100")["items"]
    shown_elsewhere = {"Faites découvrir les sciences en menant des expériences avec des enfants",
                       "Encadrez un atelier de programmation pour des collégiens"}
    candidates = [m for m in mine if m["status"] == "published" and m["association_id"] == PETITS_SAVANTS and m["title"] not in shown_elsewhere]
    return sorted(candidates, key=lambda mission: mission["title"])[-1]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_referent_gives_the_association_a_logo_and_a_mission_a_photo_and_an_svg_is_refused(open_page, platform, width):
    mission = a_mission_of_the_petits_savants(platform.base)
    watched = open_page(DEMO["referent"], width)
    page = watched.page

    page.goto("/association/presentation")
    expect(page.get_by_role("link", name="Présentation")).to_have_attribute("aria-current", "page")
    logo_input = page.get_by_label("Nouveau logo de l'association Les Petits Savants")
    # The file field reads in French whatever the browser's language (this Chromium's own button says « Choose
    # File »), and a click on that button opens the system's file picker.
    # Playwright asks the browser to report file pickers without waiting for its answer (fire and forget): a
    # listener added now has that done before the click below, where `expect_file_chooser` alone raced it.
    opened: list = []

    def count_picker(chooser) -> None:
        opened.append(chooser)

    page.on("filechooser", count_picker)
    picker = page.locator(".file-picker").filter(has=logo_input)
    expect(picker).to_contain_text("Choisir un fichier")
    expect(picker).to_contain_text("Aucun fichier choisi")
    expect(picker).not_to_contain_text("Choose")
    picker.scroll_into_view_if_needed()
    button = picker.locator(".file-picker__button").bounding_box()
    with page.expect_file_chooser() as chooser:
        page.mouse.click(button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)
    page.remove_listener("filechooser", count_picker)
    assert len(opened) == 1  # one click, one picker
    chooser.value.set_files(files=[{"name": "logo.svg", "mimeType": "image/svg+xml", "buffer": SVG}])
    expect(picker).to_contain_text("logo.svg")
    page.get_by_role("button", name="Enregistrer le logo").click()
    expect(page.get_by_text("Les images SVG ne sont pas acceptées")).to_be_visible()
    expect(logo_input).to_have_attribute("aria-invalid", "true")
    check_screen(watched, f"look-01-logo-svg-refused-{width}")
    # An SVG named and typed as a PNG passes the browser's check: catalog reads the content and refuses it in French.
    watched.allow(r"/api/catalog/associations/[^/]+/logo$")
    logo_input.set_input_files(files=[{"name": "logo.png", "mimeType": "image/png", "buffer": SVG}])
    page.get_by_role("button", name="Enregistrer le logo").click()
    expect(page.get_by_text("Les images SVG ne sont pas acceptées (elles peuvent contenir du code) : envoie un fichier")).to_be_visible()

    logo_input.set_input_files(files=[{"name": "logo.png", "mimeType": "image/png", "buffer": picture("PNG", (400, 400), (163, 58, 36))}])
    page.get_by_role("button", name="Enregistrer le logo").click()
    expect(page.get_by_text("Logo enregistré.", exact=True).first).to_be_visible()
    preview = page.locator(".image-field__preview img")
    expect(preview).to_have_attribute("src", re.compile(r"^/api/catalog/images/[0-9a-f]{64}\.webp$"))
    check_screen(watched, f"look-02-logo-saved-{width}")

    page.goto(f"/association/missions/{mission['id']}/modifier")
    photo_input = page.get_by_label("Nouvelle photo de la mission")
    photo_input.set_input_files(files=[{"name": "atelier.jpg", "mimeType": "image/jpeg", "buffer": picture("JPEG", (1600, 1200), (31, 79, 143))}])
    page.get_by_role("button", name="Enregistrer la photo").click()
    expect(page.get_by_text("Photo enregistrée.", exact=True).first).to_be_visible()
    check_screen(watched, f"look-03-mission-photo-saved-{width}")

    # The sheet shows the large photo and the association's logo; the served file kept nothing of the phone's EXIF.
    page.goto(f"/missions/{mission['id']}")
    cover = page.locator(".mission-sheet__cover img")
    expect(cover).to_have_attribute("src", re.compile(r"^/api/catalog/images/[0-9a-f]{64}\.webp$"))
    expect(page.locator(".mission-sheet__association img.logo")).to_have_attribute("src", re.compile(r"/api/catalog/images/"))
    # Its referent is not asked to apply to it: the sheet sends them to where it is edited.
    aside = page.locator(".mission-sheet__aside")
    expect(aside.get_by_role("link", name="JE POSTULE")).to_have_count(0)
    expect(aside.get_by_role("button", name=re.compile("favoris"))).to_have_count(0)
    expect(aside.get_by_role("link", name="Modifier la mission")).to_have_attribute("href", f"/association/missions/{mission['id']}/modifier")
    check_screen(watched, f"look-04-mission-sheet-photo-{width}")
    served = page.request.get(cover.get_attribute("src"))
    assert served.ok and served.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert b"TelephoneDeTest" not in served.body() and Image.open(io.BytesIO(served.body())).size == (1600, 900)


@pytest.mark.parametrize("width", WIDTHS)
def test_mission_cards_are_compact_three_a_row_at_desktop_width_with_at_most_three_tags(open_page, width):
    watched = open_page(DEMO["employee"], width)
    page = watched.page
    page.goto("/missions")
    cards = page.locator("#resultats .mission-card")
    expect(cards).to_have_count(20)
    check_screen(watched, f"look-05-cards-{width}")
    lefts = sorted({round(box["x"]) for box in (cards.nth(index).bounding_box() for index in range(6))})
    assert len(lefts) == (3 if width == 1280 else 1), lefts
    for index in range(cards.count()):
        tags = cards.nth(index).locator(".tags > li")
        more = cards.nth(index).locator(".tag--more")
        assert tags.count() <= 4 and tags.count() - more.count() <= 3
        if more.count():
            assert re.fullmatch(r"\+\d+", more.locator("[aria-hidden=true]").inner_text())
        # Every card shows a picture: its photo, or its theme's illustration.
        assert cards.nth(index).locator("img.cover").get_attribute("src")
    height = page.locator("#resultats .grid").bounding_box()["height"]
    # Before issue 16: 3,400 px at 1280 and about 7,000 px at 375 for a page of cards.
    assert height < (2_600 if width == 1280 else 5_200), f"the list is {height:.0f} px tall at {width} px"


def test_on_a_phone_the_filters_wait_in_a_drawer_that_names_the_live_count(open_page):
    watched = open_page(DEMO["employee"], 375)
    page = watched.page
    page.goto("/missions")
    # The results come first: the first card starts within the first screen.
    first = page.locator("#resultats .mission-card").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < 812
    expect(page.get_by_label("Mots clés")).to_be_hidden()

    everything = page.locator(".results-count").inner_text()
    page.get_by_role("button", name="Filtres").click()
    drawer = page.get_by_role("dialog", name="Filtres")
    expect(drawer).to_be_visible()
    drawer.get_by_text("Thématiques", exact=True).click()
    drawer.get_by_role("button", name=re.compile("^environnement")).click()
    page.wait_for_url(re.compile(r"theme=environnement"))
    expect(page.locator(".results-count")).not_to_have_text(everything)
    count = page.locator(".results-count").inner_text()
    see = drawer.get_by_role("button", name=re.compile(r"^Voir \d+ missions?$"))
    expect(see).to_have_text(f"Voir {count}")
    check_screen(watched, "look-06-filter-drawer-375")
    see.click()
    expect(drawer).to_be_hidden()
    assert page.evaluate("() => document.activeElement.id") == "resultats"
    expect(page.get_by_role("button", name=re.compile("Filtres"))).to_contain_text("1")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_association_filter_shows_the_most_counted_and_finds_any_other_by_its_name(open_page, width):
    """The demo's 46 associations were 46 chips; a real platform has thousands."""
    watched = open_page(DEMO["employee"], width)
    page = watched.page
    page.goto("/missions")
    expect(page.locator("#resultats .mission-card").first).to_be_visible()
    if width < 992:
        page.get_by_role("button", name="Filtres").click()
    panel = page.locator(".filters")
    panel.get_by_text("Associations", exact=True).click()
    group = panel.locator("details", has=page.get_by_text("Associations", exact=True))
    chips = group.get_by_role("list", name="Associations").get_by_role("button")
    expect(chips).to_have_count(8)
    counts = [int(re.search(r"\((\d+)", text).group(1)) for text in chips.all_inner_texts()]
    assert counts == sorted(counts, reverse=True), counts
    more = group.get_by_role("button", name=re.compile(r"^Afficher les \d+ autres associations$"))
    hidden = int(re.search(r"\d+", more.inner_text()).group(0))
    assert hidden >= 20  # the demo has 46 associations with published missions
    check_screen(watched, f"look-08-association-filter-most-counted-{width}")
    more.click()
    expect(chips).to_have_count(8 + hidden)
    group.get_by_role("button", name="Afficher moins").click()
    expect(chips).to_have_count(8)

    group.get_by_label("Chercher une association").fill("GUILLOTIERE")
    expect(chips).to_have_count(1)
    expect(group.get_by_role("status")).to_have_text("1 association trouvée")
    found = chips.first
    expect(found).to_contain_text("Graines de Guillotière")
    expected = int(re.search(r"\((\d+)", found.inner_text()).group(1))
    check_screen(watched, f"look-08-association-filter-found-{width}")
    found.click()
    page.wait_for_url(re.compile(r"association="))
    expect(page.locator(".results-count")).to_have_text(f"{expected} mission" + ("s" if expected > 1 else ""))
    group.get_by_label("Chercher une association").fill("")
    expect(chips.first).to_have_attribute("aria-pressed", "true")
    expect(chips.first).to_contain_text("Graines de Guillotière")
    group.get_by_label("Chercher une association").fill("zzz")
    expect(group).to_contain_text("Aucune association de la liste ne porte ce nom.")


@pytest.mark.parametrize("who, width", [("employee", 1280), ("employee", 375), ("visitor", 1280)])
def test_a_cause_of_the_actu_solidaire_opens_the_search_on_as_many_missions_as_it_announces(open_page, who, width):
    """A visitor sees it too, as the guide's home page shows it before « Se connecter »: counted on the missions a
    visitor may see, which the search then lists."""
    watched = open_page(DEMO[who] if who != "visitor" else None, width)
    page = watched.page
    page.goto("/")
    link = re.compile("Postule à une mission en lien avec cette actu")
    card = page.locator("article.spotlight").filter(has=page.get_by_role("link", name=link)).first
    expect(card).to_be_visible()
    title = card.locator("h4").inner_text()
    announced = int(re.search(r"\((\d+) missions? liées?\)", card.inner_text()).group(1))
    assert announced > 0
    card.get_by_role("link", name=link).click()
    page.wait_for_url(re.compile(r"/missions\?spotlight="))
    chip = page.get_by_role("button", name=f"En lien avec l'actu : {title} : retirer ce filtre")
    expect(chip).to_be_visible()
    expect(page.locator(".results-count")).to_have_text(f"{announced} mission" + ("s" if announced > 1 else ""))
    check_screen(watched, f"look-07-search-linked-to-a-cause-{who}-{width}")
    chip.click()
    page.wait_for_url(re.compile(r"/missions$"))
    expect(chip).to_be_hidden()
    expect(page.locator(".results-count")).not_to_have_text(f"{announced} mission" + ("s" if announced > 1 else ""))


@pytest.mark.parametrize("width", WIDTHS)
def test_mon_compte_shows_the_years_allowance_as_a_bar_with_its_figures(open_page, width):
    watched = open_page(DEMO["employee"], width)
    page = watched.page
    page.goto("/mon-compte")
    bar = page.get_by_role("img", name=re.compile(r"^Ton allocation \d{4} : "))
    expect(bar).to_be_visible()
    name = bar.get_attribute("aria-label")
    for words in ("utilisé", "prévu", "en attente de ton manager", "restant"):
        assert words in name, name
    expect(page.locator(".progress__legend")).to_contain_text("restant")
    check_screen(watched, f"look-07-my-account-allowance-{width}")
