"""The platform's token-signing key pair on disk, made once when a development set-up has none."""
from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def ensure_signing_key(directory: Path) -> tuple[Path, Path]:
    """Return (private, public) PEM paths under `directory`, generating an Ed25519 pair if missing."""
    directory.mkdir(parents=True, exist_ok=True)
    private_path = directory / "jwt-private.pem"
    public_path = directory / "jwt-public.pem"
    if not private_path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        # Created with 0600 from the start: the private key is never world-readable, even briefly.
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        public_path.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return private_path, public_path
