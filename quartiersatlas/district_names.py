"""District names as people write them: one matcher for every input.

A district may be named by its id or its name, in any case, with or without blanks
and hyphens, and with umlauts spelled ``ü``, ``ue`` or ``u`` ("Kreyenbrück",
"kreyenbrueck", "KREYENBRUCK", "Kreyenbruck"). Links, ``report --district``, the
``districts`` column of Stadtteilteams and networks, and the district column of the
population and need tables all use :class:`DistrictMatcher`.

Matching, in this order (the first level that finds a district decides):

1. the text exactly as an id, then exactly as a name;
2. :func:`quartiersatlas.text_utils.normalize_key` (case, blanks, hyphens ignored;
   ``ü`` = ``ue``, ``ß`` = ``ss``) of an id or a name;
3. :func:`fold` (as 2., and ``ü`` = ``ue`` = ``u``). A folded spelling that two
   districts share names neither of them.

The matcher is built once from the districts (dict lookups); :meth:`~DistrictMatcher.ids`
maps many texts at once, looking each distinct text up once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from quartiersatlas.text_utils import normalize_key

__all__ = ["DistrictMatcher", "fold"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGRAPHS = re.compile(r"([aou])e")


def fold(text: str) -> str:
    """A loose comparison key: ASCII letters and digits only, umlauts without dots and
    without the ``e`` of their spelling with two letters.

    >>> fold("Kreyenbrück") == fold("kreyenbrueck") == fold("KREYENBRUCK") == "kreyenbruck"
    True
    >>> fold("Drielaker Moor") == fold("drielaker-moor")
    True
    """
    t = unicodedata.normalize("NFKD", str(text).casefold())
    t = _NOT_ALNUM.sub("", t.encode("ascii", "ignore").decode("ascii"))
    return _DIGRAPHS.sub(r"\1", t)


class DistrictMatcher:
    """District id for a text naming a district (id or name), built once per district
    layer; see the module docstring for the rules."""

    def __init__(self, ids: Iterable[object], names: Iterable[object]) -> None:
        pairs = [(str(d), str(n)) for d, n in zip(ids, names, strict=True)]
        self._pairs = pairs
        exact: dict[str, str] = {}
        for did, _ in pairs:
            exact.setdefault(did, did)
        for did, name in pairs:
            exact.setdefault(name, did)
        self._exact = exact
        self._loose: tuple[dict[str, str], dict[str, str | None]] | None = None

    def _loose_keys(self) -> tuple[dict[str, str], dict[str, str | None]]:
        """Normalised key -> id and folded key -> id (``None`` where two districts share
        it); made at the first text that is not an exact id or name (usually never)."""
        if self._loose is None:
            keyed: dict[str, str] = {}
            folded: dict[str, str | None] = {}
            for did, name in self._pairs:
                for text in (did, name):
                    k = normalize_key(text)
                    if k:
                        keyed.setdefault(k, did)
                    f = fold(text)
                    if f:
                        if f in folded and folded[f] != did:
                            folded[f] = None  # shared by two districts: names neither
                        else:
                            folded[f] = did
            self._loose = (keyed, folded)
        return self._loose

    @classmethod
    def from_frame(cls, districts: pd.DataFrame) -> DistrictMatcher:
        """The matcher of a districts frame (columns ``id`` and ``name``)."""
        return cls(districts["id"].tolist(), districts["name"].tolist())

    @property
    def name_of(self) -> dict[str, str]:
        """District id -> name."""
        return dict(self._pairs)

    def find(self, text: object) -> str | None:
        """The id of the district ``text`` names, or ``None``."""
        if text is None:
            return None
        t = str(text)
        hit = self._exact.get(t) or self._exact.get(t.strip())
        if hit is not None:
            return hit
        k = normalize_key(t)
        if not k:
            return None
        keyed, folded = self._loose_keys()
        hit = keyed.get(k)
        if hit is not None:
            return hit
        return folded.get(fold(t))

    def ids(self, texts: Iterable[object]) -> list[str | None]:
        """:meth:`find` for many texts; each distinct text is looked up once."""
        values = list(texts)
        cache = {t: self.find(t) for t in dict.fromkeys(values)}
        return [cache[t] for t in values]
