"""Small text helpers shared by the loaders and the sample-data builder."""

from __future__ import annotations

import math
import re
import unicodedata

__all__ = ["normalize_key", "slugify", "split_list"]

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


def split_list(text: object, seps: str = ";") -> list[str]:
    """The entries of a list cell, split at any of ``seps`` and stripped; ``[]`` for an
    empty or missing cell.

    >>> split_list("a; b ;;c")
    ['a', 'b', 'c']
    >>> split_list("jugend, senioren|alle", ";,|")
    ['jugend', 'senioren', 'alle']
    """
    import pandas as pd  # here, not at the top: ``--help`` imports this module

    if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
        return []
    parts = [str(text)]
    for sep in seps:
        parts = [q for p in parts for q in p.split(sep)]
    return [p.strip() for p in parts if p.strip()]
