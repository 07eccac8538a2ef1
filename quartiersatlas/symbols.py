"""How places, teams and networks look on the maps: marker shapes as SVG, colours.

Kinds of places are told apart by colour AND shape (:func:`symbol_svg`); approximate
locations are drawn hollow and dashed. A colour from the settings reaches the map only
as ``#rrggbb`` (:func:`safe_color`), so it can never carry markup. The static PDF map
(:mod:`quartiersatlas.staticmap`) draws the same shapes with matplotlib.
"""

from __future__ import annotations

import html
import re
from typing import Any

__all__ = ["FALLBACK_COLOR", "GROUP_STYLES", "badge_html", "safe_color", "symbol_svg"]

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
FALLBACK_COLOR = "#777777"


def safe_color(value: Any) -> str:
    """``value`` if it is a ``#rrggbb`` colour, else neutral grey."""
    text = str(value)
    return text if _COLOR.fullmatch(text) else FALLBACK_COLOR


_SHAPES: dict[str, str] = {
    "circle": '<circle cx="12" cy="12" r="8"/>',
    "square": '<rect x="4.5" y="4.5" width="15" height="15"/>',
    "triangle": '<polygon points="12,3 21.5,20 2.5,20"/>',
    "diamond": '<polygon points="12,2 22,12 12,22 2,12"/>',
    "star": '<polygon points="12,2 14.9,8.6 22,9.3 16.6,14 18.2,21 12,17.3 5.8,21 7.4,14 '
    '2,9.3 9.1,8.6"/>',
    "house": '<polygon points="12,2.5 22,11 19,11 19,21 5,21 5,11 2,11"/>',
    "book": '<path d="M3 5h8v15H3z M13 5h8v15h-8z"/>',
    "hexagon": '<polygon points="12,2 20.7,7 20.7,17 12,22 3.3,17 3.3,7"/>',
}


def symbol_svg(symbol: str, color: str, approximate: bool = False, size: int = 22) -> str:
    """Inline SVG of a marker symbol; approximate locations are drawn hollow and dashed.

    ``color`` must be a ``#rrggbb`` value (settings validate it; anything else is
    drawn grey, so a colour can never carry markup into the map).
    """
    color = safe_color(color)
    shape = _SHAPES.get(symbol, _SHAPES["circle"])
    if approximate:
        style = (
            f'fill="{color}" fill-opacity="0.35" stroke="#1a1a1a" stroke-width="1.6" '
            'stroke-dasharray="2.5 1.5"'
        )
    else:
        style = f'fill="{color}" fill-opacity="0.95" stroke="#1a1a1a" stroke-width="1.4"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 24 24" aria-hidden="true"><g {style}>{shape}</g></svg>'
    )


def badge_html(letter: str, color: str) -> str:
    """A square badge with a letter (meeting places of teams and networks)."""
    text = html.escape(letter, quote=True)
    return f'<div class="qa-badge" style="border-color:{safe_color(color)}">{text}</div>'


GROUP_STYLES: dict[str, dict[str, Any]] = {
    # dark enough that line or white casing has 3:1 against every fill (tests/test_colours.py)
    "team": {"color": "#45237a", "dashArray": None, "weight": 3.5, "letter": "T"},
    "network": {"color": "#7f0a1a", "dashArray": "6 5", "weight": 2.5, "letter": "N"},
}
