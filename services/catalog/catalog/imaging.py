"""Turning an uploaded file into an image catalog can serve: checked, decoded, resized, stripped and re-encoded.

Pillow only, no Flask, SQLAlchemy nor bus. Nothing of the upload reaches the stored file but its pixels: the
image is decoded, turned upright (EXIF orientation), copied into a fresh image that carries no metadata (EXIF,
GPS position, XMP, ICC profile, comments) and encoded again as WebP. What is refused raises `ImageRefused`
with a French message and the HTTP status that says why (413 too heavy, 415 not an accepted image, 422 an
image we will not decode or keep).
"""
from __future__ import annotations

import hashlib
import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

# The formats people's cameras, phones and design tools produce. SVG is refused on purpose: it is a document
# that may hold scripts and links, not pixels. GIF and the rest are refused to keep the surface small.
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
ACCEPTED_LABEL = "JPEG, PNG ou WebP"
# Within the request limit (tandem_shared.inputs.MAX_BODY_BYTES, 2 Mo): the form's part headers take the rest.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024 - 16 * 1024
# A photo of a 48-megapixel phone is 8,000 × 6,000: anything larger is refused before its pixels are decoded,
# so a small file that claims huge dimensions (a decompression bomb) costs nothing.
MAX_PIXELS = 50_000_000
MEDIA_TYPE = "image/webp"
EXTENSION = "webp"
WEBP_QUALITY = 82


class ImageKind(Enum):
    """What the image is for: its largest size, its smallest acceptable size, and whether it is cropped.

    A logo keeps its proportions and its transparency; a cover photo is cropped to 16:9 around its centre (cards
    and the mission sheet show it in that frame), in a large and a small rendition."""

    LOGO = ("logo", (512, 512), (64, 64), False)
    COVER = ("cover", (1600, 900), (480, 270), True)
    COVER_THUMBNAIL = ("cover thumbnail", (640, 360), (480, 270), True)

    def __init__(self, label: str, largest: tuple[int, int], smallest: tuple[int, int], cropped: bool):
        self.label = label
        self.largest = largest
        self.smallest = smallest
        self.cropped = cropped


class ImageRefused(Exception):
    """The upload is not an image we keep; `message` is French, for the person who sent it."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class PreparedImage:
    """An image ready to store: WebP bytes without metadata, named by their SHA-256 (the URL never changes meaning)."""

    data: bytes
    width: int
    height: int
    sha256: str
    media_type: str = MEDIA_TYPE


def looks_like_svg(raw: bytes) -> bool:
    head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in raw[:4096].lower()) or b"<svg" in head[:256]


def decode(raw: bytes) -> Image.Image:
    """The upload decoded into pixels, upright, after every check that can be made before decoding."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ImageRefused(413, "Cette image pèse plus de 2 Mo : réduis-la (ou exporte-la en JPEG) avant de l'envoyer.")
    if not raw:
        raise ImageRefused(422, "Le fichier envoyé est vide : choisis une image.")
    if looks_like_svg(raw):
        raise ImageRefused(415, "Les images SVG ne sont pas acceptées (elles peuvent contenir du code) : envoie un fichier "
                                f"{ACCEPTED_LABEL}.")
    with warnings.catch_warnings():
        # Pillow warns of a possible decompression bomb before raising: treat the warning as the refusal it is.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw), formats=list(ACCEPTED_FORMATS))
        except UnidentifiedImageError:
            raise ImageRefused(415, f"Ce fichier n'est pas une image {ACCEPTED_LABEL}.") from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels() from None
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _too_many_pixels()
        try:
            image.seek(0)  # an animated WebP or PNG: its first frame
            with _strict_decoding():
                image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels() from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise ImageRefused(422, "Cette image est abîmée ou incomplète : ouvre-la et enregistre-la à nouveau, puis renvoie-la.") from None
    return ImageOps.exif_transpose(image)


_strict_decoding_lock = threading.Lock()


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Pillow pads a truncated file with grey when its process-wide `LOAD_TRUNCATED_IMAGES` is on, and WeasyPrint turns
    it on when it is imported: in the embedded mode (`make run`, one process) documents and impact import it, so a
    half-sent photo would be kept. Decode with the flag off, and give it back unless someone changed it meanwhile."""
    with _strict_decoding_lock:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            if ImageFile.LOAD_TRUNCATED_IMAGES is False:
                ImageFile.LOAD_TRUNCATED_IMAGES = before


def _too_many_pixels() -> ImageRefused:
    return ImageRefused(422, f"Cette image compte trop de pixels (plus de {MAX_PIXELS // 1_000_000} millions) : réduis ses dimensions.")


def _pixels_only(image: Image.Image) -> Image.Image:
    """A fresh image holding the pixels alone: no EXIF, GPS, XMP, ICC profile nor comment can follow it."""
    keeps_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    converted = image.convert("RGBA" if keeps_alpha else "RGB")
    clean = Image.new(converted.mode, converted.size)
    clean.paste(converted)
    return clean


def render(image: Image.Image, kind: ImageKind) -> PreparedImage:
    """One rendition of a decoded image for `kind`, encoded as WebP."""
    width, height = image.size
    smallest_width, smallest_height = kind.smallest
    if width < smallest_width or height < smallest_height:
        raise ImageRefused(422, f"Cette image est trop petite ({width} × {height} pixels) : il faut au moins "
                                f"{smallest_width} × {smallest_height} pixels.")
    pixels = _pixels_only(image)
    if kind.cropped:
        target_width, target_height = kind.largest
        # Never enlarge: a photo smaller than the frame is only cropped to the frame's proportions.
        scale = min(1.0, width / target_width, height / target_height)
        size = (round(target_width * scale), round(target_height * scale))
        pixels = ImageOps.fit(pixels, size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    else:
        pixels.thumbnail(kind.largest, Image.Resampling.LANCZOS)
    output = io.BytesIO()
    pixels.save(output, format="WEBP", quality=WEBP_QUALITY, method=4)
    data = output.getvalue()
    return PreparedImage(data=data, width=pixels.width, height=pixels.height, sha256=hashlib.sha256(data).hexdigest())


def prepare(raw: bytes, *kinds: ImageKind) -> list[PreparedImage]:
    """Check and decode the upload once, then one rendition per kind, in the order asked."""
    image = decode(raw)
    return [render(image, kind) for kind in kinds]
