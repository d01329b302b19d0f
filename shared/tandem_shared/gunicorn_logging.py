"""An access log that never keeps the secrets some URLs carry (single-use links: a manager's decision,
an e-mail verification, a password reset, an invitation).

Mechanism only: each service's gunicorn.conf.py names its own secret-bearing path prefixes
(`logger_class = redacting_logger(("/actions/",))`). The segment after a prefix is replaced by
`[redacted]` in the request line, the path and the Referer (a page opened from such a link sends its
address as Referer to the API it calls).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from gunicorn.glogging import Logger

REDACTED = "[redacted]"
# The atoms of gunicorn's access log format that can hold a URL.
_URL_ATOMS = ("r", "U", "f", "{raw_uri}e", "{referer}i")


def secret_pattern(prefixes: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(prefix) for prefix in prefixes)
    return re.compile(rf"({alternatives})[^/?#\s\"]+")


def redacting_logger(prefixes: Iterable[str]) -> type[Logger]:
    """A gunicorn Logger class whose access log replaces the path segment after each prefix by `[redacted]`."""
    pattern = secret_pattern(tuple(prefixes))

    class RedactingLogger(Logger):
        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for name in _URL_ATOMS:
                value = atoms.get(name)
                if isinstance(value, str):
                    atoms[name] = pattern.sub(rf"\1{REDACTED}", value)
            return atoms

    return RedactingLogger
