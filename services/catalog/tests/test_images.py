"""Logos and cover photos through the API: who may upload, what is refused, what is kept of the file, how it is served."""
import io
import struct
import zlib

import pytest
from PIL import ExifTags, Image

from catalog.imaging import ImageKind, ImageRefused, prepare

CAMERA_MAKE = "CameraDeTest"


def referent(tokens, subject="referent-1"):
    return tokens.headers(subject, roles=["association_referent"])


def operator(tokens):
    return tokens.headers("op-1", roles=["platform_operator"])


def employee(tokens):
    return tokens.headers("emp-1", roles=["employee"], company_id="c-horizon")


def photo(width=1200, height=900, orientation=None, fmt="JPEG", mode="RGB", colour=(30, 120, 90)) -> bytes:
    """A photo as phones take them: EXIF with the camera's make and a GPS position, an orientation tag."""
    image = Image.new(mode, (width, height), colour if mode != "RGBA" else (*colour, 0))
    if mode == "RGBA":
        image.paste((*colour, 255), (width // 4, height // 4, 3 * width // 4, 3 * height // 4))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA_MAKE
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (45.0, 45.0, 36.0),
                ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (4.0, 50.0, 24.0)})
    output = io.BytesIO()
    image.save(output, format=fmt, exif=exif.tobytes())
    return output.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A decompression bomb's shape: a few hundred bytes whose header announces a huge image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b"")


def upload(client, path, content: bytes, headers, filename="image.jpg"):
    return client.put(path, data={"file": (io.BytesIO(content), filename)}, content_type="multipart/form-data", headers=headers)


def fetch(client, url: str):
    # The URL is the one a browser follows behind the gateway; the test client talks to catalog directly.
    return client.get(url.removeprefix("/api/catalog"))


@pytest.fixture
def mission(service, tokens, mission_payload):
    return service.client.post("/missions", json={**mission_payload, "publish": True}, headers=referent(tokens)).json["id"]


# -- what is kept of a photo --------------------------------------------------------------------------------------------


def test_a_referent_uploads_a_logo_turned_upright_resized_and_stripped_of_its_metadata(service, tokens, association):
    raw = photo(1200, 900, orientation=6)
    assert CAMERA_MAKE.encode() in raw
    answer = upload(service.client, f"/associations/{association}/logo", raw, referent(tokens))
    assert answer.status_code == 200, answer.json
    url = answer.json["logo_url"]
    assert url.startswith("/images/") and url.endswith(".webp")

    served = fetch(service.client, url)
    assert served.status_code == 200
    assert served.headers["Content-Type"] == "image/webp"
    assert served.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert served.headers["ETag"].strip('"') in url
    image = Image.open(io.BytesIO(served.data))
    # Orientation 6 (turned 90°): stored upright, the long side within 512 pixels.
    assert image.format == "WEBP" and image.size == (384, 512)
    assert not image.getexif() and "exif" not in image.info and "xmp" not in image.info and "icc_profile" not in image.info
    assert CAMERA_MAKE.encode() not in served.data and b"EXIF" not in served.data and b"XMP " not in served.data
    # Visitors see the logo too (the directory is open to them).
    assert service.client.get(f"/associations/{association}").json["logo_url"] == url


def test_the_image_answers_not_modified_to_a_browser_that_has_it(service, tokens, association):
    url = upload(service.client, f"/associations/{association}/logo", photo(), referent(tokens)).json["logo_url"]
    etag = fetch(service.client, url).headers["ETag"]
    again = service.client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert service.client.get("/images/" + "0" * 64 + ".webp").status_code == 404


def test_a_png_logo_keeps_its_transparency(service, tokens, association):
    url = upload(service.client, f"/associations/{association}/logo", photo(300, 200, fmt="PNG", mode="RGBA"), referent(tokens),
                 filename="logo.png").json["logo_url"]
    image = Image.open(io.BytesIO(fetch(service.client, url).data))
    assert image.mode == "RGBA" and image.size == (300, 200)
    assert image.getpixel((0, 0))[3] == 0 and image.getpixel((150, 100))[3] == 255


def test_a_cover_photo_is_cropped_to_16_9_in_a_large_and_a_small_size_shown_on_the_cards(service, tokens, mission):
    answer = upload(service.client, f"/missions/{mission}/cover", photo(2400, 2400, fmt="PNG"), referent(tokens), filename="photo.png")
    assert answer.status_code == 200, answer.json
    large = Image.open(io.BytesIO(fetch(service.client, answer.json["cover_url"]).data))
    small = Image.open(io.BytesIO(fetch(service.client, answer.json["cover_thumbnail_url"]).data))
    assert large.size == (1600, 900) and small.size == (640, 360)
    listed = service.client.get("/missions", headers=employee(tokens)).json["items"]
    assert [item["cover_thumbnail_url"] for item in listed] == [answer.json["cover_thumbnail_url"]]


def test_a_photo_smaller_than_the_frame_is_cropped_not_enlarged():
    (cover,) = prepare(photo(800, 800), ImageKind.COVER)
    assert (cover.width, cover.height) == (800, 450)


def test_replacing_or_removing_an_image_deletes_the_file_nobody_uses_any_more(service, tokens, association, mission):
    first = upload(service.client, f"/associations/{association}/logo", photo(colour=(200, 30, 30)), referent(tokens)).json["logo_url"]
    second = upload(service.client, f"/associations/{association}/logo", photo(colour=(30, 30, 200)), referent(tokens)).json["logo_url"]
    assert first != second
    assert fetch(service.client, first).status_code == 404 and fetch(service.client, second).status_code == 200

    removed = service.client.delete(f"/associations/{association}/logo", headers=referent(tokens))
    assert removed.status_code == 204
    assert service.client.get(f"/associations/{association}", headers=referent(tokens)).json["logo_url"] is None
    assert fetch(service.client, second).status_code == 404

    cover = upload(service.client, f"/missions/{mission}/cover", photo(), referent(tokens)).json
    assert service.client.delete(f"/missions/{mission}/cover", headers=referent(tokens)).status_code == 204
    sheet = service.client.get(f"/missions/{mission}", headers=employee(tokens)).json
    assert sheet["cover_url"] is None and sheet["cover_thumbnail_url"] is None
    assert fetch(service.client, cover["cover_url"]).status_code == 404


# -- who may upload ------------------------------------------------------------------------------------------------------


def test_only_the_associations_referents_and_the_operator_change_its_images(service, tokens, association, mission, referent_of):
    referent_of("referent-2", ["a-other"])
    for headers, expected in ((referent(tokens, "referent-2"), 403), (employee(tokens), 403), ({}, 401)):
        assert upload(service.client, f"/associations/{association}/logo", photo(), headers).status_code == expected
        assert upload(service.client, f"/missions/{mission}/cover", photo(), headers).status_code == expected
        assert service.client.delete(f"/associations/{association}/logo", headers=headers).status_code == expected
        assert service.client.delete(f"/missions/{mission}/cover", headers=headers).status_code == expected
    assert upload(service.client, f"/associations/{association}/logo", photo(), operator(tokens)).status_code == 200
    assert upload(service.client, f"/missions/{mission}/cover", photo(), operator(tokens)).status_code == 200


def test_a_cover_for_a_mission_one_may_not_see_is_a_404(service, tokens, association, mission_payload, referent_of):
    draft = service.client.post("/missions", json=mission_payload, headers=referent(tokens)).json["id"]
    referent_of("referent-2", ["a-other"])
    assert upload(service.client, f"/missions/{draft}/cover", photo(), referent(tokens, "referent-2")).status_code == 404


# -- what is refused -----------------------------------------------------------------------------------------------------

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def truncated_jpeg() -> bytes:
    whole = photo(1200, 900)
    return whole[: len(whole) // 2]


@pytest.mark.parametrize(("content", "status", "words"), [
    (SVG, 415, "SVG ne sont pas acceptées"),
    (b"Bonjour, ceci est un texte et pas une image.", 415, "n'est pas une image JPEG, PNG ou WebP"),
    (b"GIF89a" + photo(fmt="GIF")[6:], 415, "n'est pas une image JPEG, PNG ou WebP"),
    (png_claiming(30_000, 30_000), 422, "trop de pixels"),
    (png_claiming(8_000, 8_000), 422, "trop de pixels"),
    (truncated_jpeg(), 422, "abîmée ou incomplète"),
    (photo(40, 40), 422, "trop petite (40 × 40 pixels)"),
    (b"", 422, "vide"),
], ids=["svg", "text", "gif", "bomb", "too-many-pixels", "truncated", "tiny", "empty"])
def test_an_upload_that_is_not_an_image_we_keep_is_refused_in_french_and_nothing_is_written(service, tokens, association, content, status, words):
    answer = upload(service.client, f"/associations/{association}/logo", content, referent(tokens))
    assert answer.status_code == status, answer.json
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert words in answer.json["detail"], answer.json
    assert service.client.get(f"/associations/{association}", headers=referent(tokens)).json["logo_url"] is None


def test_a_truncated_photo_is_refused_even_when_weasyprint_shares_the_process(monkeypatch):
    # WeasyPrint turns Pillow's process-wide LOAD_TRUNCATED_IMAGES on when imported (documents and impact do, in the
    # embedded mode's single process): catalog must still refuse a half-sent photo, and leave the flag as it found it.
    from PIL import ImageFile
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(ImageRefused) as refused:
        prepare(truncated_jpeg(), ImageKind.LOGO)
    assert refused.value.status == 422 and "abîmée ou incomplète" in refused.value.message
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True


def test_a_file_over_two_megabytes_is_refused_before_it_is_read(service, tokens, association):
    ten_megabytes = b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024)
    answer = upload(service.client, f"/associations/{association}/logo", ten_megabytes, referent(tokens))
    assert answer.status_code == 413 and "trop volumineux" in answer.json["detail"]
    just_over = b"\xff\xd8\xff" + b"\x00" * (2 * 1024 * 1024 - 16 * 1024)
    with pytest.raises(ImageRefused) as refused:
        prepare(just_over, ImageKind.LOGO)
    assert refused.value.status == 413 and "2 Mo" in refused.value.message


def test_a_logo_upload_without_a_file_names_the_missing_field(service, tokens, association):
    answer = service.client.put(f"/associations/{association}/logo", data={}, content_type="multipart/form-data", headers=referent(tokens))
    assert answer.status_code == 422 and answer.json["errors"] == {"file": ["Ce champ est obligatoire."]}


# -- the demo --------------------------------------------------------------------------------------------------------------


def test_every_demo_association_shows_a_logo_of_its_initials_and_missions_fall_back_on_their_theme(service, tokens):
    from catalog import demo
    from catalog.demo_logos import initials

    assert demo.load_demo_data(service.runtime, service.settings) is True
    directory = service.client.get("/associations", query_string={"per_page": 100}).json
    assert directory["total"] >= 40 and all(item["logo_url"] for item in directory["items"])
    logo = Image.open(io.BytesIO(fetch(service.client, directory["items"][0]["logo_url"]).data))
    assert logo.format == "WEBP" and logo.size == (256, 256)
    assert initials("Les Petits Savants") == "PS" and initials("Le Relais juridique des Hauts-de-Seine") == "RJ"
    assert initials("L'Épicerie du Panier") == "EP"  # Pillow's default font has no « É »
    # No demo mission has a photo: the web client shows the illustration of its first theme.
    missions = service.client.get("/missions", headers=employee(tokens)).json["items"]
    assert missions and all(item["cover_url"] is None and item["themes"] for item in missions)
