"""Which OpenStreetMap ways a pedestrian and a wheelchair user can use: the two profiles.

Pure functions of tag dictionaries (``{key: value}``, both strings as OSM stores
them). Any value, however odd (empty, very long, markup, numbers in words), is just a
string here: an unknown value never raises, it counts as untagged.

Profile ``walk``
----------------
A way is walkable when its ``highway`` is one of :data:`WALK_HIGHWAYS` (footways,
paths, pedestrian zones, steps, residential and living streets, service roads, tracks,
all ordinary roads up to ``primary``, corridors, elevators, platforms), or a
cycleway/bridleway/trunk with explicit ``foot=yes|designated|permissive``, or a
``trunk``/``trunk_link`` with a sidewalk tagged on it (``sidewalk=both|left|right|yes``
or ``sidewalk:<side>=yes``). Excluded whatever else is tagged:
``motorway``/``motorway_link`` (unless ``foot=yes``), ways under construction,
proposed or abandoned, ``area:highway`` outlines, and ways tagged ``foot=no``,
``foot=private``, ``foot=use_sidepath`` or ``access=no|private`` (unless ``foot``
explicitly allows them).

Profile ``wheelchair`` (a subset of ``walk``)
---------------------------------------------
A walkable way is excluded when

* it is ``highway=steps`` (unless ``ramp:wheelchair=yes`` or ``wheelchair=yes``:
  steps with a usable ramp);
* ``wheelchair=no``;
* its ``incline`` is steeper than :data:`MAX_INCLINE_PCT` (6 %, the limit for ramps
  of DIN 18040), given as a percentage (``8%``, ``-10 %``) or in degrees (``5°``);
  ``up``/``down``/``yes`` say nothing about steepness and are ignored;
* its ``surface`` is loose or uneven (:data:`BAD_SURFACES`: sand, gravel, grass,
  dirt, mud, pebblestone, unhewn cobblestone, …) or its ``smoothness`` is
  ``very_bad`` or worse (:data:`BAD_SMOOTHNESS`).

``wheelchair=limited`` counts as passable (OSM: usable with some difficulty or help;
routers for wheelchairs such as openrouteservice allow it), and so does
``wheelchair=yes`` on otherwise unsuitable surfaces. A way carrying no such tag is
assumed passable: in OpenStreetMap most sidewalks say nothing about kerbs, surface or
incline, so the profile removes what is known to block, and no more.

Nodes (points on the ways) block a wheelchair when tagged ``wheelchair=no``, a raised
kerb (``kerb=raised``, or ``kerb:height`` above :data:`MAX_KERB_M` = 3 cm, the
lowered kerb of DIN 18040-3), or a barrier no wheelchair passes (:data:`BLOCKING_BARRIERS`:
stile, turnstile, kissing gate, step, …; ``wheelchair=yes`` on the barrier lifts it).
``kerb=lowered|flush|no|rolled`` and ``kerb=yes`` (height unknown) do not block. The
ways' edges that touch a blocking node are left out of the wheelchair profile.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Final, Literal

__all__ = [
    "BAD_SMOOTHNESS",
    "BAD_SURFACES",
    "BLOCKING_BARRIERS",
    "MAX_INCLINE_PCT",
    "MAX_KERB_M",
    "NODE_KEYS",
    "PROFILES",
    "WALK_HIGHWAYS",
    "Profile",
    "incline_percent",
    "node_blocks_wheelchair",
    "walkable",
    "wheelchair_passable",
]

Profile = Literal["walk", "wheelchair"]
PROFILES: Final[tuple[Profile, ...]] = ("walk", "wheelchair")

WALK_HIGHWAYS: Final = frozenset(
    {
        "footway",
        "path",
        "pedestrian",
        "steps",
        "living_street",
        "residential",
        "service",
        "unclassified",
        "road",
        "track",
        "tertiary",
        "tertiary_link",
        "secondary",
        "secondary_link",
        "primary",
        "primary_link",
        "corridor",
        "elevator",
        "platform",
    }
)
"""``highway`` values walkable unless an access tag forbids it."""
_FOOT_ONLY_IF_ALLOWED: Final = frozenset(
    {"cycleway", "bridleway", "trunk", "trunk_link", "motorway", "motorway_link", "busway"}
)
_SIDEWALK_ALLOWED: Final = frozenset({"trunk", "trunk_link"})
_FOOT_YES: Final = frozenset({"yes", "designated", "permissive", "destination", "official"})
_FOOT_NO: Final = frozenset({"no", "private", "use_sidepath", "discouraged"})
_ACCESS_NO: Final = frozenset({"no", "private"})
_SIDEWALK_YES: Final = frozenset({"both", "left", "right", "yes"})

MAX_INCLINE_PCT: Final = 6.0
"""Steepest incline (percent, either direction) a wheelchair way may have."""
MAX_KERB_M: Final = 0.03
"""Highest kerb (metres) a wheelchair passes (DIN 18040-3: kerbs lowered to 3 cm)."""
BAD_SURFACES: Final = frozenset(
    {
        "sand",
        "gravel",
        "pebblestone",
        "grass",
        "dirt",
        "earth",
        "ground",
        "mud",
        "rock",
        "woodchips",
        "stepping_stones",
        "unhewn_cobblestone",
        "snow",
        "ice",
    }
)
"""``surface`` values a wheelchair cannot be expected to cross."""
BAD_SMOOTHNESS: Final = frozenset({"very_bad", "horrible", "very_horrible", "impassable"})
BLOCKING_BARRIERS: Final = frozenset(
    {
        "stile",
        "turnstile",
        "full-height_turnstile",
        "kissing_gate",
        "step",
        "steps",
        "motorcycle_barrier",
        "log",
        "fence",
        "wall",
    }
)
NODE_KEYS: Final = ("wheelchair", "kerb", "kerb:height", "barrier")
"""Node tags that the wheelchair profile reads (other node tags are not kept)."""

_NUMBER = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*(%|°|deg)?\s*$")
_HEIGHT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(m|cm|mm)?\s*$")


def _value(tags: Mapping[str, str], key: str) -> str:
    value = tags.get(key)
    return value.strip().casefold() if isinstance(value, str) else ""


def walkable(tags: Mapping[str, str]) -> bool:
    """Whether a way with these tags belongs to the ``walk`` profile (see module)."""
    highway = _value(tags, "highway")
    foot = _value(tags, "foot")
    if foot in _FOOT_NO:
        return False
    if highway in ("construction", "proposed", "abandoned", "disused", "razed"):
        return False
    if _value(tags, "area:highway") or _value(tags, "construction") == "yes":
        return False
    if highway in WALK_HIGHWAYS:
        allowed = True
    elif highway in _FOOT_ONLY_IF_ALLOWED:
        allowed = foot in _FOOT_YES or (
            highway in _SIDEWALK_ALLOWED and _has_sidewalk(tags) and foot == ""
        )
    else:
        return False
    if not allowed:
        return False
    return not (_value(tags, "access") in _ACCESS_NO and foot not in _FOOT_YES)


def _has_sidewalk(tags: Mapping[str, str]) -> bool:
    if _value(tags, "sidewalk") in _SIDEWALK_YES:
        return True
    return any(_value(tags, f"sidewalk:{side}") == "yes" for side in ("both", "left", "right"))


def incline_percent(value: str | None) -> float | None:
    """An ``incline`` value as a percentage (sign kept), ``None`` when it gives none.

    >>> incline_percent("8%"), incline_percent("-10 %"), incline_percent("up")
    (8.0, -10.0, None)
    >>> round(incline_percent("5°") or 0, 2)
    8.75
    """
    if not isinstance(value, str) or len(value) > 40:
        return None
    m = _NUMBER.match(value)
    if not m:
        return None
    number = float(m.group(1).replace(",", "."))
    unit = m.group(2)
    if unit in ("°", "deg"):
        if abs(number) >= 90:
            return None
        return math.tan(math.radians(number)) * 100.0
    if unit is None and number != 0:
        return None  # a bare number is ambiguous (percent or degrees): ignored
    return number


def _kerb_height_m(value: str | None) -> float | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    m = _HEIGHT.match(value.casefold())
    if not m:
        return None
    number = float(m.group(1).replace(",", "."))
    scale = {"m": 1.0, "cm": 0.01, "mm": 0.001, None: 1.0}[m.group(2)]
    return number * scale


def wheelchair_passable(tags: Mapping[str, str]) -> bool:
    """Whether a walkable way with these tags belongs to the ``wheelchair`` profile.

    The caller checks :func:`walkable` first (the wheelchair profile is a subset).
    """
    wheelchair = _value(tags, "wheelchair")
    if wheelchair == "no":
        return False
    if _value(tags, "highway") == "steps":
        return wheelchair == "yes" or _value(tags, "ramp:wheelchair") == "yes"
    incline = incline_percent(tags.get("incline"))
    if incline is not None and abs(incline) > MAX_INCLINE_PCT:
        return False
    if wheelchair == "yes":
        return True
    if _value(tags, "surface") in BAD_SURFACES:
        return False
    return _value(tags, "smoothness") not in BAD_SMOOTHNESS


def node_blocks_wheelchair(tags: Mapping[str, str]) -> bool:
    """Whether a node (point on a way) with these tags stops a wheelchair."""
    wheelchair = _value(tags, "wheelchair")
    if wheelchair == "no":
        return True
    if wheelchair == "yes":
        return False
    if _value(tags, "barrier") in BLOCKING_BARRIERS:
        return True
    kerb = _value(tags, "kerb")
    if kerb == "raised":
        return True
    height = _kerb_height_m(tags.get("kerb:height"))
    return height is not None and height > MAX_KERB_M
