"""The consent the employee gives next to the « Je signe » button.

Its own module, free of WeasyPrint, so that the web process can show and check it without loading the renderer.
The version is recorded with each signature and printed on the certificate: change the text, change the version.
"""
from __future__ import annotations

CONSENT_VERSION = "2026-11-v1"
CONSENT_TEXT = (
    "J'ai lu la convention ci-dessus et je l'accepte. Je reconnais que cocher cette case et cliquer sur "
    "« Je signe » vaut signature électronique de ma part."
)
