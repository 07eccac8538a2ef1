"""Colours of the map for everyone (issue 15): outline contrast and colour-blind classes.

- the colour arithmetic (``quartiersatlas.colours``) against published values: WCAG
  contrast, the CIEDE2000 test data of Sharma, Wu and Dalal (2005), the fixed points of
  the colour-vision simulation;
- every outline (districts, Stadtteilteams, networks) has a part with 3:1 contrast
  against every fill a district can have on the map (WCAG 2.1, 1.4.11), and the line
  stands out from its white casing;
- the classes of every palette and number of classes stay distinguishable and in order
  for viewers with protanopia or deuteranopia (simulated, not judged by eye).

That the map draws the two-tone outlines is checked in ``tests/test_maps.py``
(``test_teams_and_networks_are_own_layers``).
"""

from __future__ import annotations

import itertools

import pytest

from quartiersatlas.classify import NO_DATA_COLOR, PALETTES
from quartiersatlas.colours import (
    blend,
    contrast_ratio,
    delta_e,
    delta_e_lab,
    lightness,
    simulate_cvd,
)
from quartiersatlas.maplayers import (
    CASING_COLOR,
    DISTRICT_FILL_OPACITY,
    DISTRICT_LINE_COLOR,
    MAP_BACKGROUND,
)
from quartiersatlas.symbols import GROUP_STYLES

MIN_OUTLINE_CONTRAST = 3.0  # WCAG 2.1 success criterion 1.4.11 (non-text contrast)
MIN_CLASS_DIFFERENCE = 3.0  # CIEDE2000 between neighbouring classes (2.3: just noticeable)


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")


def test_blend_is_linear_in_opacity() -> None:
    assert blend("#ff0000", "#0000ff", 1.0) == "#ff0000"
    assert blend("#ff0000", "#0000ff", 0.0) == "#0000ff"
    assert blend("#ffffff", "#000000", 0.5) == "#808080"
    with pytest.raises(ValueError, match="opacity"):
        blend("#ffffff", "#000000", 1.5)


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 13, 17, 19, 25, 31, 34
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0011), 7.2195),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
        ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
    ],
)
def test_ciede2000_matches_the_published_test_data(
    lab1: tuple[float, float, float], lab2: tuple[float, float, float], expected: float
) -> None:
    assert delta_e_lab(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert delta_e_lab(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_colour_vision_simulation_keeps_greys_and_confuses_red_with_green() -> None:
    for grey in ("#000000", "#808080", "#ffffff"):
        for kind in ("protan", "deutan"):
            assert delta_e(simulate_cvd(grey, kind), grey) < 1.0  # type: ignore[arg-type]
    for kind in ("protan", "deutan"):
        red, green = simulate_cvd("#d62728", kind), simulate_cvd("#2ca02c", kind)  # type: ignore[arg-type]
        # the classic confusion: far apart for normal vision, close for red-green blindness
        assert delta_e(red, green) < delta_e("#d62728", "#2ca02c") / 2
    assert delta_e("#123456", "#123456") == 0.0


def _fills() -> list[tuple[str, str]]:
    """Every fill a district can have on the map, as seen (name, colour)."""
    seen = [
        (f"{name} k={k} class {i + 1}", blend(colour, MAP_BACKGROUND, DISTRICT_FILL_OPACITY))
        for name, by_k in PALETTES.items()
        for k, colours in by_k.items()
        for i, colour in enumerate(colours)
    ]
    seen.append(("no data", blend(NO_DATA_COLOR, MAP_BACKGROUND, DISTRICT_FILL_OPACITY)))
    seen.append(("no choropleth", blend("#ffffff", MAP_BACKGROUND, 0.05)))
    return seen


@pytest.mark.parametrize(
    ("what", "line"),
    [
        ("district", DISTRICT_LINE_COLOR),
        ("team", str(GROUP_STYLES["team"]["color"])),
        ("network", str(GROUP_STYLES["network"]["color"])),
    ],
)
def test_every_outline_has_three_to_one_against_every_fill(what: str, line: str) -> None:
    weak = [
        f"{name} {fill}: line {contrast_ratio(line, fill):.2f}, "
        f"casing {contrast_ratio(CASING_COLOR, fill):.2f}"
        for name, fill in _fills()
        if max(contrast_ratio(line, fill), contrast_ratio(CASING_COLOR, fill))
        < MIN_OUTLINE_CONTRAST
    ]
    assert not weak, f"{what} outline {line}: " + "; ".join(weak)
    assert contrast_ratio(line, CASING_COLOR) >= 4.5  # the line stands out from its casing


@pytest.mark.parametrize("vision", ["normal", "protan", "deutan"])
def test_classes_stay_distinguishable_and_in_order_for_colour_blind_viewers(vision: str) -> None:
    problems = []
    for name, by_k in PALETTES.items():
        for k, colours in by_k.items():
            seen = [blend(c, MAP_BACKGROUND, DISTRICT_FILL_OPACITY) for c in colours]
            if vision != "normal":
                seen = [simulate_cvd(c, vision) for c in seen]  # type: ignore[arg-type]
            light = [lightness(c) for c in seen]
            if any(b >= a for a, b in itertools.pairwise(light)):
                problems.append(f"{name} k={k}: lightness not falling {light}")
            for i, (a, b) in enumerate(itertools.pairwise(seen)):
                if delta_e(a, b) < MIN_CLASS_DIFFERENCE:
                    problems.append(f"{name} k={k} classes {i + 1}/{i + 2}: ΔE {delta_e(a, b):.1f}")
    assert not problems, "\n".join(problems)
