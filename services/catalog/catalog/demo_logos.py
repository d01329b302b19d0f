"""The demo associations' logos: their initials on a colour, drawn here with Pillow, then stored through the same
checks and re-encoding as an upload (`images.prepare_logo`), so the demo shows what a real logo looks like."""
from __future__ import annotations

import io
import unicodedata

from PIL import Image, ImageDraw, ImageFont

# Deep colours that white initials read well on (each above 4.5:1 with white), one per association in turn.
COLOURS = ("#0f5f58", "#9a3412", "#1e4f91", "#6b3fa0", "#8a5a00", "#a4264f", "#2f6b2f", "#334155")
SIZE = 256
# Words that make no initial: « Les Petits Savants » is PS, « Graines de Guillotière » GG.
SMALL_WORDS = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "au", "aux", "a", "à", "pour", "sur", "un", "une"}


def initials(name: str) -> str:
    """Without accents: Pillow's own font, the one found everywhere, has no « É » (it drew a box for L'Épicerie)."""
    words = [word for word in name.replace("'", " ").replace("’", " ").replace("-", " ").split() if word.lower() not in SMALL_WORDS]
    letters = "".join(word[0] for word in words[:2]) or name[:2]
    bare = "".join(char for char in unicodedata.normalize("NFD", letters) if not unicodedata.combining(char))
    return bare.upper()


def logo_png(name: str, index: int) -> bytes:
    """A 256-pixel PNG: a rounded square of the association's colour with its initials in white."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=56, fill=COLOURS[index % len(COLOURS)])
    font = ImageFont.load_default(size=104)
    draw.text((SIZE / 2, SIZE / 2), initials(name), font=font, fill="#ffffff", anchor="mm")
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()
