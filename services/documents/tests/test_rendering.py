"""The documents' PDFs, read back as a reader would: text through pdftotext, pages through pypdf, the seal through
pyHanko's validator."""
from __future__ import annotations

import hashlib
import re
import stat
import subprocess
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import jinja2
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from documents import rendering
from documents.consent import CONSENT_TEXT, CONSENT_VERSION
from documents.rendering import render_bilan, render_convention, render_signed_copy
from documents.sealing import Sealer, build_sealer

DOCUMENT_ID = "0f5c3b1e-7d1a-4c52-9a0e-3f1b2c4d5e6f"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def convention_context(**overrides) -> dict:
    context = {
        "document_id": DOCUMENT_ID,
        "version": 2,
        "year": 2027,
        "rendered_at": datetime(2027, 1, 4, 9, 30, tzinfo=timezone.utc),
        "company": {"name": "Aubay", "head_office_address": "13 rue Louis Pasteur, 92100 Boulogne-Billancourt",
                    "siren": "391504693", "rcs": "Nanterre 391 504 693", "representative_name": "Véronique Deraspe",
                    "representative_title": "Responsable de l'engagement"},
        "association": {"name": "Solidarité Culture Sartrouville", "rna": "W783001234", "siren": None,
                        "address": "12 rue de la Paix", "city": "78500 Sartrouville",
                        "representative_name": "Philippe Hayat", "representative_title": "Président",
                        "general_interest_category": "culturel", "general_interest_label": "Caractère culturel"},
        "employee": {"first_name": "Maëlys", "last_name": "Louvel", "email": "mlouvel@example.com",
                     "entity_name": "Direction financière"},
        "mission": {"title": "Animer des ateliers de journalisme", "description": "Accueillir les jeunes.\nAnimer.",
                    "address": "16 rue du Général Brunet", "city": "Paris", "department": "75",
                    "remote_possible": True},
        "dates": [{"date": date(2027, 1, 25), "format": "full_day"},
                  {"date": date(2027, 2, 1), "format": "half_day"},
                  {"date": date(2027, 2, 8), "format": "full_day"}],
        "total_days": 2.5,
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(context.get(key), dict):
            context[key] = {**context[key], **value}
        else:
            context[key] = value
    return context


def evidence_for(pdf: bytes, **overrides) -> dict:
    evidence = {
        "document_id": DOCUMENT_ID, "version": 2, "signer_id": "c3f6a0de-1111-4abc-9def-222233334444",
        "signer_name": "Maëlys Louvel", "signer_email": "mlouvel@example.com",
        "signed_at": datetime(2027, 1, 5, 10, 15, 3, tzinfo=timezone.utc), "ip_address": "203.0.113.7",
        "user_agent": USER_AGENT, "consent_version": CONSENT_VERSION, "consent_text": CONSENT_TEXT,
        "pdf_sha256": hashlib.sha256(pdf).hexdigest(),
    }
    evidence.update(overrides)
    return evidence


def pdf_text(pdf: bytes, page: int | None = None, layout: bool = True) -> str:
    """pdftotext's reading of the PDF (or of one 1-based page), whitespace collapsed and a word broken at the end of a
    line after its hyphen (« Boulogne-/Billancourt ») joined again.

    `layout`: rows read across (tables); without it, side-by-side blocks are read one after the other."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    mode = ["-layout"] if layout else []
    result = subprocess.run(["pdftotext", *mode, *pages, "-", "-"], input=pdf, capture_output=True, check=True)
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(result.stdout.decode().split()))


def squeezed(text: str) -> str:
    """Without any whitespace: for long values a table cell may wrap anywhere."""
    return "".join(text.split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def convention() -> bytes:
    return render_convention(convention_context())


@pytest.fixture(scope="module")
def dev_sealer(tmp_path_factory) -> Sealer:
    return build_sealer("", "", tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def signed_copy(convention, dev_sealer) -> bytes:
    return render_signed_copy(convention, evidence_for(convention), dev_sealer)


def validate_seal(pdf: bytes, trusted_pem: str):
    reader = PdfFileReader(BytesIO(pdf), strict=False)
    (signature,) = reader.embedded_signatures
    assert signature.field_name == "SceauTandem"
    trust = list(load_certs_from_pemder_data(trusted_pem.encode()))
    return validate_pdf_signature(signature, ValidationContext(trust_roots=trust, allow_fetching=False))


# -- French formatting ---------------------------------------------------------------------------------------


def test_french_formatting():
    assert rendering.french_date(date(2027, 1, 25)) == "lundi 25 janvier 2027"
    assert rendering.french_date(date(2027, 2, 1)) == "lundi 1er février 2027"
    assert rendering.french_date(date(2027, 8, 15)) == "dimanche 15 août 2027"
    assert [rendering.days(n) for n in (0.5, 1, 1.5, 2, 7.5)] == ["0,5 jour", "1 jour", "1,5 jour", "2 jours",
                                                                  "7,5 jours"]
    # French clock times: « 11 h 15 », never « 11:15 »; the spaces do not break.
    assert rendering.french_datetime(datetime(2027, 1, 5, 11, 15, 3, tzinfo=timezone(timedelta(hours=1))),
                                     seconds=True) == "mardi 5 janvier 2027 à 11\u00a0h\u00a015\u00a0min\u00a003\u00a0s (heure de Paris, UTC+1)"
    # Summer time is named by its own offset; the hour has no leading zero, the minutes keep theirs.
    assert rendering.french_datetime(datetime(2027, 7, 5, 7, 5, tzinfo=timezone.utc)) == "lundi 5 juillet 2027 à 9\u00a0h\u00a005 (heure de Paris, UTC+2)"
    # A naive datetime (SQLite) is UTC.
    assert rendering.french_datetime(datetime(2027, 1, 5, 10, 15)) == "mardi 5 janvier 2027 à 11\u00a0h\u00a015 (heure de Paris, UTC+1)"
    # ISO strings, as an event's JSON carries them, are accepted too.
    assert rendering.french_datetime("2027-01-05T11:15:00+01:00") == "mardi 5 janvier 2027 à 11\u00a0h\u00a015 (heure de Paris, UTC+1)"
    assert rendering.iso_utc("2027-01-05T10:15:03Z") == "2027-01-05T10:15:03Z"
    assert rendering.french_date("2027-02-01") == "lundi 1er février 2027"


def test_css_string_cannot_leave_the_string():
    escaped = str(rendering.css_string('x"; } </style><script>alert(1)</script> \\ é — ok'))
    assert escaped.startswith('"') and escaped.endswith('"')
    inner = escaped[1:-1]
    # Only plain characters, and hex escapes closed by their space.
    assert re.fullmatch(r'(?:[^"<>\\{};&\n]|\\[0-9a-f]{1,6} )*', inner), inner
    assert "é" in inner and "\\2014 " in inner and "\\22 " in inner and "\\3c /style" in inner


# -- the convention ------------------------------------------------------------------------------------------


def test_convention_names_the_parties_the_mission_and_the_dates(convention):
    text = pdf_text(convention)
    assert "Convention de mécénat de compétences — prêt de main-d'œuvre à but non lucratif" in text
    for expected in (
        # the company
        "L'entreprise Aubay", "13 rue Louis Pasteur, 92100 Boulogne-Billancourt", "SIREN 391504693",
        "RCS Nanterre 391 504 693", "représentée par Véronique Deraspe, en qualité de Responsable de l'engagement",
        # the association
        "L'association Solidarité Culture Sartrouville", "RNA W783001234", "12 rue de la Paix, 78500 Sartrouville",
        "Caractère culturel (« culturel »)", "représentée par Philippe Hayat, en qualité de Président",
        # the employee
        "Maëlys Louvel (mlouvel@example.com), personne salariée de l'Entreprise", "au sein de l'entité Direction financière",
        # the mission
        "Animer des ateliers de journalisme", "Accueillir les jeunes. Animer.",
        "16 rue du Général Brunet, Paris (département 75) — télétravail possible",
        # the dates, their formats and the total
        "lundi 25 janvier 2027 Journée 1 jour", "lundi 1er février 2027 1/2 journée 0,5 jour",
        "lundi 8 février 2027 Journée 1 jour", "Total 2,5 jours",
        "Année civile 2027 — 1 convention = 1 année civile",
    ):
        assert expected in text, expected
    # The three signature blocks, side by side: read block by block.
    blocks = pdf_text(convention, layout=False).split("Signatures Chacune des parties reçoit un exemplaire")[1]
    for expected in ("Pour l'Entreprise", "Aubay", "Véronique Deraspe, Responsable de l'engagement",
                     "Pour l'Association", "Solidarité Culture Sartrouville", "Philippe Hayat, Président",
                     "La Personne salariée", "Maëlys Louvel",
                     "Signature électronique de la personne salariée : voir le certificat de signature joint à la copie signée."):
        assert expected in blocks, expected
    assert blocks.count("Date et signature :") == 2  # the company's and the association's, on paper
    # No SIREN line for an association without one.
    assert "SIREN None" not in text and "None" not in text


def test_convention_carries_the_clauses_of_a_free_loan_of_staff(convention):
    text = pdf_text(convention)
    for phrase in (
        "L8241-1", "L8241-2",
        "La Personne salariée donne son accord écrit",  # the employee's written agreement
        "n'est ni rompu ni suspendu", "Son salaire, ses avantages et son ancienneté sont maintenus",
        "aucune sanction, d'aucun licenciement",
        "retrouve son poste de travail ou un poste équivalent",
        "Accident du travail", "est déclaré par l'employeur", "L'Association informe l'Entreprise sans délai",
        "Les frais de déplacement et de repas", "selon la politique de l'Entreprise",
        "Confidentialité", "résiliation anticipée", "par écrit", "la Personne salariée réintègre son poste",
        "prêt de main-d'œuvre à but non lucratif", "Il n'y a pas de refacturation",
        "article 238 bis du Code général des impôts", "réduction d'impôt mécénat",
        "L'Association certifie être un organisme d'intérêt général éligible au mécénat",
    ):
        assert phrase in text, phrase
    assert "238 bis" in text


def test_every_page_has_the_document_id_version_and_page_number(convention):
    pages = page_count(convention)
    assert pages >= 2
    for number in range(1, pages + 1):
        text = pdf_text(convention, number)
        assert f"Convention {DOCUMENT_ID} — version 2" in text, number
        assert f"page {number} / {pages}" in text, number
        assert "Année civile 2027" in text


def test_margin_boxes_use_the_body_font(convention):
    # The pitfall: margin boxes do not inherit the body's font; only DejaVu fonts may be embedded.
    reader = PdfReader(BytesIO(convention))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("DejaVu" in name for name in fonts), fonts


def test_convention_metadata(convention):
    metadata = PdfReader(BytesIO(convention)).metadata
    assert metadata.title == "Convention de mécénat de compétences — Maëlys Louvel — 2027 — version 2"
    assert metadata.author == "Tandem"


def test_optional_fields_are_left_out():
    context = convention_context(association={"rna": None, "siren": "498598747"},
                                 employee={"entity_name": None}, mission={"remote_possible": False})
    text = pdf_text(render_convention(context))
    assert "RNA" not in text and "SIREN 498598747" in text
    assert "au sein de l'entité" not in text
    assert "télétravail" not in text


def test_everything_is_escaped():
    context = convention_context(mission={"title": "<b>Atelier</b> & co"},
                                 company={"name": 'Acme "<script>alert(1)</script>'},
                                 document_id='doc"; } @page { @bottom-left { content: "pwned" } } /*')
    html = rendering.render_convention_html(context)
    assert "<b>Atelier</b>" not in html and "&lt;b&gt;Atelier&lt;/b&gt; &amp; co" in html
    assert "<script>" not in html
    pdf = render_convention(context)
    text = pdf_text(pdf)
    assert "<b>Atelier</b> & co" in text
    assert 'Acme "<script>alert(1)</script>' in text
    # The hostile id stays inside the footer's string, on every page.
    for number in range(1, page_count(pdf) + 1):
        assert 'Convention doc"; } @page { @bottom-left { content: "pwned" } } /* — version 2' in pdf_text(pdf, number)


def test_a_long_list_of_dates_spans_pages_with_one_total():
    first = date(2027, 1, 4)
    dates = [{"date": first + timedelta(days=7 * week + day), "format": "half_day"}
             for week in range(20) for day in range(3)]
    pdf = render_convention(convention_context(dates=dates, total_days=30.0))
    text = pdf_text(pdf)
    for entry in dates:
        assert rendering.french_date(entry["date"]) + " 1/2 journée 0,5 jour" in text
    assert text.count("Total 30 jours") == 1
    pages = page_count(pdf)
    for number in range(1, pages + 1):
        assert f"page {number} / {pages}" in pdf_text(pdf, number)


def test_a_missing_key_fails_instead_of_leaving_a_blank():
    context = convention_context()
    del context["company"]["siren"]
    with pytest.raises(jinja2.UndefinedError):
        render_convention(context)


# -- the signed copy -----------------------------------------------------------------------------------------


def test_signed_copy_keeps_the_pages_and_adds_the_certificate(convention, signed_copy):
    original, signed = PdfReader(BytesIO(convention)), PdfReader(BytesIO(signed_copy))
    assert len(signed.pages) == len(original.pages) + 1
    for before, after in zip(original.pages, signed.pages):
        assert after.get_contents().get_data() == before.get_contents().get_data()
        assert after.extract_text() == before.extract_text()
        assert after.mediabox == before.mediabox
    certificate = pdf_text(signed_copy, len(signed.pages))
    for expected in (
        "Certificat de signature électronique", f"Annexé à la convention {DOCUMENT_ID} — version 2",
        f"Identifiant du document {DOCUMENT_ID}", "Version version 2",
        f"Empreinte SHA-256 du {hashlib.sha256(convention).hexdigest()} document signé",
        "Nom Maëlys Louvel", "Adresse e-mail mlouvel@example.com", "c3f6a0de-1111-4abc-9def-222233334444",
        "Date et heure mardi 5 janvier 2027 à 11 h 15 min 03 s (heure de Paris, UTC+1)", "2027-01-05T10:15:03Z",
        "Adresse IP 203.0.113.7", f"Version du texte de {CONSENT_VERSION}",
        "J'ai lu la convention ci-dessus et je l'accepte.", "vaut signature électronique de ma part.",
        "scellée électroniquement par Tandem",
    ):
        assert expected in certificate, expected
    assert "Navigateur (user agent)" in certificate and squeezed(USER_AGENT) in squeezed(certificate)
    assert squeezed(CONSENT_TEXT) in squeezed(certificate)
    assert signed.metadata.title.endswith("— copie signée")


def test_unsealed_signed_copy(convention):
    signed = render_signed_copy(convention, evidence_for(convention), None)
    assert page_count(signed) == page_count(convention) + 1
    assert PdfFileReader(BytesIO(signed), strict=False).embedded_signatures == []
    assert "scellée" not in pdf_text(signed, page_count(signed))


def test_signed_copy_refuses_evidence_of_another_document(convention):
    with pytest.raises(ValueError):
        render_signed_copy(convention, evidence_for(b"another document"), None)


def test_seal_is_a_valid_pades_signature(signed_copy, dev_sealer):
    status = validate_seal(signed_copy, dev_sealer.certificate_pem)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.bottom_line
    reader = PdfFileReader(BytesIO(signed_copy), strict=False)
    signature = reader.embedded_signatures[0]
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signature.sig_object["/Reason"] == "Copie signée scellée par Tandem"
    assert status.md_algorithm == "sha256"


def test_a_changed_byte_breaks_the_seal(signed_copy, dev_sealer):
    reader = PdfFileReader(BytesIO(signed_copy), strict=False)
    start, length = list(reader.embedded_signatures[0].sig_object["/ByteRange"])[:2]
    assert start == 0
    # A byte inside the first page's compressed content stream: covered by the signed range.
    offset = signed_copy.index(b"stream\n", len(signed_copy) // 4) + 40
    assert offset < length
    tampered = bytearray(signed_copy)
    tampered[offset] ^= 0x01
    status = validate_seal(bytes(tampered), dev_sealer.certificate_pem)
    assert not status.intact
    assert not status.bottom_line


def test_a_later_change_is_reported(signed_copy, dev_sealer):
    # An incremental update after the seal that changes what the first page shows.
    writer = IncrementalPdfFileWriter(BytesIO(signed_copy), strict=False)
    page = writer.root["/Pages"]["/Kids"][0]
    stream = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (Avenant) Tj ET"))
    contents = page["/Contents"]
    page["/Contents"] = generic.ArrayObject(
        ([*contents] if isinstance(contents, generic.ArrayObject) else [page.raw_get("/Contents")]) + [stream])
    writer.update_container(page)
    output = BytesIO()
    writer.write(output)
    status = validate_seal(output.getvalue(), dev_sealer.certificate_pem)
    assert status.intact and status.valid  # the sealed revision itself is untouched...
    assert status.coverage == SignatureCoverageLevel.ENTIRE_REVISION  # ...but the file goes beyond it
    assert status.modification_level == ModificationLevel.OTHER
    assert not status.docmdp_ok
    assert not status.bottom_line


def test_a_seal_from_an_untrusted_certificate_is_not_trusted(signed_copy, tmp_path):
    other = build_sealer("", "", tmp_path)
    status = validate_seal(signed_copy, other.certificate_pem)
    assert status.intact and status.valid and not status.trusted


# -- build_sealer --------------------------------------------------------------------------------------------


def test_dev_seal_is_created_once_private_and_reused(tmp_path):
    first = build_sealer("", "", tmp_path)
    key_path, cert_path = tmp_path / "seal" / "seal-key.pem", tmp_path / "seal" / "seal-cert.pem"
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "seal").stat().st_mode) == 0o700
    key_bytes, cert_bytes = key_path.read_bytes(), cert_path.read_bytes()
    certificate = x509.load_pem_x509_certificate(cert_bytes)
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Tandem — sceau de développement"
    assert isinstance(first, Sealer)

    second = build_sealer("", "", tmp_path)
    assert key_path.read_bytes() == key_bytes and cert_path.read_bytes() == cert_bytes
    assert second.certificate_pem == first.certificate_pem
    assert sorted(p.name for p in (tmp_path / "seal").iterdir()) == ["seal-cert.pem", "seal-key.pem"]


def test_no_material_and_no_data_dir_means_no_seal():
    assert build_sealer("", "", None) is None


def _rsa_material(common_name: str) -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
                   .not_valid_after(now + timedelta(days=30))
                   .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), True)
                   .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption()).decode()
    return key_pem, certificate.public_bytes(serialization.Encoding.PEM).decode()


def test_configured_material_is_used(convention, tmp_path):
    key_pem, cert_pem = _rsa_material("Tandem — sceau")
    # As it may arrive from one environment variable line.
    sealer = build_sealer(key_pem.replace("\n", "\\n"), cert_pem, tmp_path)
    assert not (tmp_path / "seal").exists()
    signed = render_signed_copy(convention, evidence_for(convention), sealer)
    status = validate_seal(signed, cert_pem)
    assert status.intact and status.valid and status.trusted
    assert status.signing_cert.subject.native["common_name"] == "Tandem — sceau"


def test_incomplete_or_mismatched_material_is_refused(tmp_path):
    key_pem, cert_pem = _rsa_material("A")
    other_key, _ = _rsa_material("B")
    with pytest.raises(ValueError):
        build_sealer(key_pem, "", tmp_path)
    with pytest.raises(ValueError):
        build_sealer("", cert_pem, None)
    with pytest.raises(ValueError):
        build_sealer(other_key, cert_pem, None)


# -- the bilan -----------------------------------------------------------------------------------------------


def bilan_context(**answers) -> dict:
    return {
        "participation_id": "7a1e2f30-0000-4000-8000-00000000b11a", "year": 2027, "person_name": "Maëlys Louvel",
        "person_email": "mlouvel@example.com", "company_name": "Aubay",
        "mission_title": "Animer des ateliers de journalisme", "association_name": "Solidarité Culture Sartrouville",
        "days_present": 1.5, "completed_at": datetime(2027, 3, 1, 8, 0, tzinfo=timezone.utc),
        "answers": {"relevance": "Très bonne", "welcome": "Bonne", "welcome_reasons": "Une équipe <chaleureuse>.",
                    "expertise_match": "Non", "expertise_gap": "Plus proche de la communication que de mon métier.",
                    "advice_to_colleague": "Vas-y !\nC'est une belle expérience.", "would_do_again": "Peut-être",
                    **answers},
    }


def test_bilan_shows_the_questions_and_the_answers():
    pdf = render_bilan(bilan_context())
    text = pdf_text(pdf)
    for expected in (
        "Bilan de fin de mission", "Année civile 2027", "Maëlys Louvel (mlouvel@example.com)", "Entreprise Aubay",
        "Mission Animer des ateliers de journalisme", "Association Solidarité Culture Sartrouville",
        "Présence attestée 1,5 jour",
        "1. Que penses-tu de la pertinence des missions de mécénat de compétences qui te sont proposées sur la "
        "plateforme ? Très bonne",
        "2. As-tu bénéficié d'un bon accueil et d'une bonne intégration dans la structure et ses équipes ? Bonne",
        "Peux-tu en expliquer les raisons ? Une équipe <chaleureuse>.",
        "3. Penses-tu que la nature de la mission a correspondu complètement à tes expertises professionnelles ou "
        "personnelles ? Non",
        "Si tu as répondu NON, peux-tu expliquer pourquoi ? Plus proche de la communication",
        "4. Que dirais-tu à un collègue qui hésite ? Vas-y ! C'est une belle expérience.",
        "5. Referais-tu une mission de mécénat de compétences ? Peut-être",
    ):
        assert expected in text, expected
    pages = page_count(pdf)
    for number in range(1, pages + 1):
        assert re.search(rf"Bilan de fin de mission — participation 7a1e2f30-0000-4000-8000-00000000b11a .*"
                         rf"page {number} / {pages}", pdf_text(pdf, number))
    assert PdfReader(BytesIO(pdf)).metadata.author == "Tandem"


def test_bilan_leaves_out_unanswered_follow_up_questions():
    context = bilan_context(welcome_reasons=None, expertise_match="Oui", expertise_gap=None)
    context["company_name"] = None
    text = pdf_text(render_bilan(context))
    assert "expliquer les raisons" not in text and "Si tu as répondu NON" not in text
    assert "Entreprise" not in text
    assert "3. Penses-tu" in text and "4. Que dirais-tu" in text and "5. Referais-tu" in text


def test_bilan_labels_match_engagement():
    # Documents does not import engagement; this keeps the copied labels honest when both are installed.
    domain = pytest.importorskip("engagement.domain")
    assert [(q["key"], q["label"]) for q in domain.BILAN_QUESTIONS] == [
        (key, label) for key, label, _ in rendering.BILAN_QUESTIONS]


# -- text errors, as real data brings them (issue 16, point 9) -----------------------------------------------

# What companies and associations really type: the RCS with its « RCS », the city inside the address, and a
# mission description written to the volunteer (« tu »), as the platform speaks.
REAL_WORLD = {
    "company": {"rcs": "RCS Lyon 512 345 678", "head_office_address": "5 place Bellecour, 69002 Lyon"},
    "association": {"address": "14 rue Saint-Maurice, 69008 Lyon", "city": "Lyon"},
    "mission": {"description": "Tu aideras l'équipe à trier les légumes.", "address": "14 rue Saint-Maurice, 69008 Lyon",
                "city": "Lyon"},
}
# Checked in every PDF: doubled words, and a legal text speaking « tu » outside the quoted description.
DOUBLED = re.compile(r"\b(RCS|Lyon|Paris)\W+\1\b")
TUTOIEMENT = re.compile(r"\b(tu|ton|ta|tes|toi)\b", re.IGNORECASE)


def legal_text(text: str) -> str:
    """The text without the association's description, which the convention quotes as published."""
    return text.replace(REAL_WORLD["mission"]["description"], "")


@pytest.fixture(scope="module")
def real_world_convention() -> bytes:
    return render_convention(convention_context(**REAL_WORLD))


def test_no_doubled_rcs_nor_city_and_the_zone_is_named(real_world_convention, dev_sealer):
    signed = render_signed_copy(real_world_convention, evidence_for(real_world_convention), dev_sealer)
    for pdf in (real_world_convention, signed):
        text = pdf_text(pdf)
        assert DOUBLED.search(text) is None, DOUBLED.search(text)
        assert "RCS Lyon 512 345 678" in text and "14 rue Saint-Maurice, 69008 Lyon," in text
        assert "(UTC)" not in text and " UTC " not in text
        assert "(heure de Paris, UTC+1)" in text
    assert "établie le lundi 4 janvier 2027 à 10 h 30 (heure de Paris, UTC+1)" in pdf_text(real_world_convention)


def test_the_person_is_named_in_neutral_words_and_the_contract_never_says_tu(real_world_convention):
    text = pdf_text(real_world_convention)
    assert "Le salarié" not in text and "dénommé " not in text and "Le Salarié" not in text
    assert "ci-après désignée « la Personne salariée »" in text
    # The description is quoted as the association published it; the rest of the contract never says « tu ».
    assert "telle que l'Association l'a publiée (citée ci-dessous sans modification)" in text
    assert "Tu aideras l'équipe à trier les légumes." in text
    assert TUTOIEMENT.search(legal_text(text)) is None, TUTOIEMENT.search(legal_text(text))


def test_the_bilan_speaks_tu_throughout_and_names_the_zone():
    text = pdf_text(render_bilan(bilan_context()))
    assert re.search(r"\b(vous|votre|vos|pensez|avez)\b", text, re.IGNORECASE) is None
    assert "complété le lundi 1er mars 2027 à 9 h 00 (heure de Paris, UTC+1)" in text
    assert "(UTC)" not in text


@pytest.mark.parametrize(("amount", "words"), [
    ("612.45", "six cent douze euros et quarante-cinq centimes"),
    # num2words's own currency mode wrote « … euros et zéro centimes », « un million euros », « zéro euros et … ».
    ("570.00", "cinq cent soixante-dix euros"),
    ("1.00", "un euro"),
    ("80.01", "quatre-vingts euros et un centime"),
    ("0.50", "cinquante centimes"),
    ("1000000.00", "un million d'euros"),
    ("2000000.00", "deux millions d'euros"),
    ("1000001.10", "un million un euros et dix centimes"),
])
def test_the_amount_in_words_as_the_cerfa_asks_it(amount, words):
    assert rendering.euros_in_words(Decimal(amount)) == words


def test_the_city_is_not_written_twice_after_an_address_that_ends_with_it():
    from tandem_shared.french import postal_address
    assert postal_address("5 rue Gabriel Péri, 93200 Saint-Denis", "Saint-Denis") == "5 rue Gabriel Péri, 93200 Saint-Denis"
    assert postal_address("8 rue des Écoles", "Villeurbanne") == "8 rue des Écoles, Villeurbanne"
    assert postal_address("", "Lyon") == "Lyon" and postal_address("12 rue X,", None) == "12 rue X"
    for template in ("day_statement.html", "receipt_data.html", "mission_certificate.html"):
        source = (Path(rendering.__file__).parent / "templates" / template).read_text(encoding="utf-8")
        assert "association.city }}" not in source.replace("postal_address(association.address, association.city)", ""), template
