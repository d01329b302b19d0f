"""Documents's configuration: the only place the service reads its environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from tandem_shared.config import CommonSettings, common_settings, read_key_material

SERVICE = "documents"


@dataclass(frozen=True)
class Settings(CommonSettings):
    # The key and certificate that seal signed conventions (PEM, inline or through `*_FILE`). Empty in the
    # embedded mode: the sealing module then makes its own under `data_dir` (see sealing.build_sealer).
    seal_key_pem: str
    seal_cert_pem: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        return cls(
            **common_settings(SERVICE, environ),
            seal_key_pem=read_key_material(environ, "DOCUMENTS_SEAL_KEY"),
            seal_cert_pem=read_key_material(environ, "DOCUMENTS_SEAL_CERT"),
        )
