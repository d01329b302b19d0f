"""Write each service's OpenAPI document into its folder: `python -m tandem_shared.export_openapi catalog ...`."""
from __future__ import annotations

import importlib
import json
import sys
import tempfile
from pathlib import Path

from .keys import ensure_signing_key
from .web import export_openapi


def main(packages: list[str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        # A throw-away key pair under the platform's usual variables, as the embedded mode sets them.
        private_key, public_key = ensure_signing_key(Path(scratch) / "keys")
        environ = {
            "TANDEM_DATA_DIR": scratch,
            "TANDEM_JWT_PUBLIC_KEYS_FILE": str(public_key),
            "ENGAGEMENT_JWT_PRIVATE_KEY_FILE": str(private_key),
        }
        for package in packages:
            settings = importlib.import_module(f"{package}.config").Settings.from_env(environ)
            app = importlib.import_module(f"{package}.app").create_app(settings)
            target = Path(importlib.import_module(package).__file__).resolve().parent.parent / "openapi.json"
            target.write_text(json.dumps(export_openapi(app), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            app.extensions["tandem_runtime"].db.dispose()
            print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
