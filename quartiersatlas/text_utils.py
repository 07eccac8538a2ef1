"""Small text helpers shared by the loaders and the sample-data builder."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_key", "slugify"]

_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)


def slugify(text: str) -> str:
    """A stable ASCII id for a German name.

    >>> slugify("Drielaker-Moor")
    'drielaker-moor'
    >>> slugify("Bürgeresch")
    'buergeresch'
    """
    t = text.strip().translate(_UMLAUTS).lower()
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    t = re.sub(r"[^a-z0-9]+", "-", t)
    return t.strip("-")


def normalize_key(text: str) -> str:
    """A comparison key that ignores case, blanks, hyphens and umlaut spelling.

    >>> normalize_key("Drielaker Moor") == normalize_key("drielaker-moor")
    True
    """
    return slugify(text).replace("-", "")
