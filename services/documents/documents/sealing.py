"""Tandem's seal on signed copies: a PAdES signature (pyHanko) that makes any later change to the file visible.

Production supplies a key and its X.509 certificate (PEM); a development set-up without them gets a self-signed
« Tandem — sceau de développement » made once under the data directory.
"""
from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

from cryptography import x509 as pyca_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.keys.internal import translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

FIELD_NAME = "SceauTandem"
REASON = "Copie signée scellée par Tandem"
DEV_COMMON_NAME = "Tandem — sceau de développement"
DEV_KEY_FILE = "seal-key.pem"
DEV_CERT_FILE = "seal-cert.pem"
DEV_VALIDITY = timedelta(days=3650)


class Sealer:
    """Seals PDFs with one key and certificate (PAdES baseline B-B: no timestamp authority is reachable)."""

    def __init__(self, key_pem: str | bytes, cert_pem: str | bytes):
        key_data, cert_data = _pem_bytes(key_pem, "la clé privée"), _pem_bytes(cert_pem, "le certificat")
        private_key = serialization.load_pem_private_key(key_data, password=None)
        # The first certificate is the seal's; any that follow are its chain, embedded in the signature.
        certificates = list(load_certs_from_pemder_data(cert_data))
        if not certificates:
            raise ValueError("Sceau : aucun certificat dans le PEM fourni.")
        own = pyca_x509.load_der_x509_certificate(certificates[0].dump())
        spki = serialization.PublicFormat.SubjectPublicKeyInfo
        if (own.public_key().public_bytes(serialization.Encoding.DER, spki)
                != private_key.public_key().public_bytes(serialization.Encoding.DER, spki)):
            raise ValueError("Sceau : la clé privée ne correspond pas au certificat.")
        self.certificate_pem: str = own.public_bytes(serialization.Encoding.PEM).decode()
        self._signer = signers.SimpleSigner(
            signing_cert=certificates[0],
            signing_key=translate_pyca_cryptography_key_to_asn1(private_key),
            cert_registry=SimpleCertificateStore.from_certs(certificates),
        )
        self._metadata = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            reason=REASON,
            name="Tandem",
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )

    def seal(self, pdf: bytes) -> bytes:
        """`pdf` with the seal appended as an incremental update (the bytes before it are kept as they are)."""
        writer = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        output = signers.sign_pdf(writer, self._metadata, signer=self._signer)
        return output.getvalue()


def build_sealer(key_pem: str, cert_pem: str, data_dir: Path | None) -> Sealer | None:
    """The sealer the configuration asks for.

    Both PEMs given: use them. Both empty with a data directory: development, the key pair under
    data_dir/"seal" (made on first use). Both empty and no data directory: None, copies go unsealed.
    Only one of the two given is a configuration error."""
    key_pem, cert_pem = (key_pem or "").strip(), (cert_pem or "").strip()
    if key_pem and cert_pem:
        return Sealer(key_pem, cert_pem)
    if key_pem or cert_pem:
        raise ValueError("Sceau : il faut à la fois la clé privée et le certificat (ou ni l'une ni l'autre).")
    if data_dir is None:
        return None
    key_path, cert_path = ensure_dev_seal(Path(data_dir) / "seal")
    return Sealer(key_path.read_bytes(), cert_path.read_bytes())


def ensure_dev_seal(directory: Path) -> tuple[Path, Path]:
    """Return the (key, certificate) PEM paths of the development seal under `directory`, creating them if missing.

    The key is written 0600 from the start and published with a hard link, so a concurrent process sees either no
    key or a complete one, and the first one made wins."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    key_path, cert_path = directory / DEV_KEY_FILE, directory / DEV_CERT_FILE
    if not key_path.exists():
        key = ec.generate_private_key(ec.SECP256R1())
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        fd, name = tempfile.mkstemp(dir=directory, prefix=f".{DEV_KEY_FILE}.")  # mode 0600
        temporary = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
            try:
                os.link(temporary, key_path)
            except FileExistsError:
                pass  # another process made it first: use theirs
        finally:
            temporary.unlink(missing_ok=True)
    if not cert_path.exists():
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        fd, name = tempfile.mkstemp(dir=directory, prefix=f".{DEV_CERT_FILE}.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(_self_signed(key).public_bytes(serialization.Encoding.PEM))
        os.chmod(name, 0o644)  # a certificate is public
        os.replace(name, cert_path)
    return key_path, cert_path


def _self_signed(key) -> pyca_x509.Certificate:
    name = pyca_x509.Name([
        pyca_x509.NameAttribute(NameOID.COMMON_NAME, DEV_COMMON_NAME),
        pyca_x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Tandem"),
        pyca_x509.NameAttribute(NameOID.COUNTRY_NAME, "FR"),
    ])
    now = datetime.now(timezone.utc)
    return (
        pyca_x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(pyca_x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + DEV_VALIDITY)
        .add_extension(pyca_x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(pyca_x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                          data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                          crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(pyca_x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )


def _pem_bytes(value: str | bytes, what: str) -> bytes:
    data = value.encode() if isinstance(value, str) else value
    data = data.strip()
    if b"-----BEGIN" not in data:
        raise ValueError(f"Sceau : {what} doit être au format PEM.")
    if b"\n" not in data and b"\\n" in data:
        data = data.replace(b"\\n", b"\n")  # a PEM squeezed into one environment variable line
    return data + b"\n"
