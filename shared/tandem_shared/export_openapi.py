"""Write each service's OpenAPI document into its folder: `python -m tandem_shared.export_openapi catalog ...`."""
from __future__ import annotations

import importlib
import json
import sys
import tempfile
from pathlib import Path

from .web import export_openapi


def main(packages: list[str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        for package in packages:
            settings = importlib.import_module(f"{package}.config").Settings.from_env({"TANDEM_DATA_DIR": scratch})
            app = importlib.import_module(f"{package}.app").create_app(settings)
            target = Path(importlib.import_module(package).__file__).resolve().parent.parent / "openapi.json"
            target.write_text(json.dumps(export_openapi(app), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            app.extensions["tandem_runtime"].db.dispose()
            print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
