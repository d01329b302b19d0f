"""Text as catalog compares it: folded (no case, no accents), and an association's directory text."""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents: "Éducation" and "education" are the same word, "cœur" is "coeur"."""
    lowered = text.casefold().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def directory_text(name: str, description: str, city: str, themes: list[str]) -> str:
    """An association's words as the directory's keywords look for them: folded, one space before each, one after
    the last. A keyword matches when it begins one of them, that is when " keyword" is in the text."""
    words = fold(" ".join([name, description, city, " ".join(themes)])).split()
    return " " + " ".join(words) + " "
