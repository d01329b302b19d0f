"""Print the Debian packages the given services need at run time, one line, space-separated.

Each service lists them in its own pyproject.toml, `[tool.tandem] system-packages` (documents: the
libraries WeasyPrint renders with). The service image (services/Dockerfile) installs its service's
list; scripts/setup installs every service's list on a development machine. One list, two readers.

    python scripts/system_packages.py services/documents/pyproject.toml
"""
from __future__ import annotations

import sys
import tomllib
from pathlib import Path


def system_packages(pyproject: Path) -> list[str]:
    with pyproject.open("rb") as manifest:
        return list(tomllib.load(manifest).get("tool", {}).get("tandem", {}).get("system-packages", []))


def main(paths: list[str]) -> None:
    packages: list[str] = []
    for path in paths:
        packages += [package for package in system_packages(Path(path)) if package not in packages]
    print(" ".join(packages))


if __name__ == "__main__":
    main(sys.argv[1:])
