"""The phone number people give (applying, proposing, their profile): one rule, one set of French messages."""
from __future__ import annotations

import re

from marshmallow import ValidationError

_PHONE = re.compile(r"^\+?[0-9 .()-]{6,30}$")


def phone_number(value: str) -> None:
    """An empty field asks for a number; a wrong one shows what a number looks like."""
    if not value.strip():
        raise ValidationError("Indique ton numéro de téléphone : l'association en a besoin pour te joindre.")
    if not _PHONE.match(value):
        raise ValidationError("Ce numéro de téléphone n'est pas valide : écris-le avec des chiffres, par exemple 06 12 34 56 78.")
