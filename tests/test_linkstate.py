"""Link state (quartiersatlas.linkstate): every parameter round-trips, every kind of bad
value falls back to the default with a German notice, unknown parameters are ignored
with a notice."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quartiersatlas.dataset import load_dataset
from quartiersatlas.linkcontext import LinkContext, default_need_threshold
from quartiersatlas.linkparams import (
    ABDECKUNG_RADIUS_OPTIONS,
    GAP_CRITERIA,
    PAGE_IDS,
    PAGE_PARAMS,
    RADII,
    Param,
    abdeckung_radius_choice,
    page_params,
    param,
)
from quartiersatlas.linkstate import (
    defaults,
    link_url,
    page_from_path,
    parse_link,
    parse_params,
    session_values,
    state_from_session,
    to_params,
)
from quartiersatlas.settings import load_settings

CTX = LinkContext(
    kind_ids=("ort_fuer_alle", "stadtteiltreff", "bibliothek"),
    districts=(
        ("kreyenbrueck", "Kreyenbrück"),
        ("ost", "Ost"),
        ("drielaker-moor", "Drielaker Moor"),
    ),
    default_radius_m=500.0,
    basemap="none",
    need_columns=("sgb2_share_pct",),
    need_threshold=8.4,
    bounds=(8.15, 53.09, 8.30, 53.20),
    agenda_length=3,
)


def _samples(p: Param, ctx: LinkContext) -> list[Any]:
    """Valid values of ``p`` that differ from its default."""
    default = p.default(ctx)
    options = list(p.options(ctx)) if p.options else []
    if p.kind == "bool":
        values: list[Any] = [not default]
    elif p.kind == "choice":
        values = options
    elif p.kind == "choices":
        values = [[], options[:1], options[1:], options[::2]]
    elif p.kind == "int":
        assert p.low is not None
        assert p.high is not None
        values = [int(p.low), int(p.high)]
    elif p.kind == "float":
        values = [0.0, 12.25, 99.5] if default is not None else []
    elif p.kind == "text":
        values = ["Kreyenbrück & Co, 100 %", "a=b?c#d"]
    elif p.kind == "view":
        values = [{"center": [53.12345, 8.21], "zoom": 14}, {"center": [53.1, 8.2], "zoom": 8}]
    elif p.kind == "district":
        values = ["kreyenbrueck", "drielaker-moor"]
    elif p.kind == "metres":
        values = [0, 300, 750, 1000, 20_000]
    elif p.kind == "slide":
        values = [1, 3]
    else:  # pragma: no cover
        raise AssertionError(p.kind)
    return [v for v in values if v != default]


ROUND_TRIP_CASES = [
    (page, p.name, value)
    for page in PAGE_IDS
    for p in page_params(page)
    for value in _samples(p, CTX)
]


def _through_url(page: str, params: dict[str, str]) -> tuple[str, dict[str, str]]:
    """What a browser makes of the link: URL-encoded, then decoded again."""
    return parse_link("http://127.0.0.1:8501" + link_url(page, params))


def test_defaults_make_an_empty_link() -> None:
    for page in PAGE_IDS:
        state = defaults(CTX, page)
        assert to_params(state, CTX, page) == {}
        assert parse_params({}, CTX, page) == (state, [])


@pytest.mark.parametrize(("page", "name", "value"), ROUND_TRIP_CASES)
def test_every_parameter_round_trips(page: str, name: str, value: Any) -> None:
    state = {**defaults(CTX, page), name: value}
    params = to_params(state, CTX, page)
    assert list(params) == [name]  # only the value that differs from the default
    parsed, notices = parse_params(params, CTX, page)
    assert notices == []
    assert parsed == state
    # and through a real URL (encoding of commas, spaces, umlauts, & and #)
    page_again, decoded = _through_url(page, params)
    assert page_again == page
    assert parse_params(decoded, CTX, page) == (state, [])


@pytest.mark.parametrize("page", PAGE_IDS)
def test_a_state_with_every_parameter_changed_round_trips(page: str) -> None:
    state = defaults(CTX, page)
    for p in page_params(page):
        samples = _samples(p, CTX)
        if samples:
            state[p.name] = samples[-1]
    params = to_params(state, CTX, page)
    assert parse_params(params, CTX, page) == (state, [])
    # stable order: the table's order, so the same view always gives the same link
    order = [p.name for p in page_params(page)]
    assert list(params) == [n for n in order if n in params]
    # the session keys hold the same state
    session = session_values(state, CTX, page)
    assert state_from_session(session, CTX, page) == state


def test_lists_are_comma_joined_in_option_order_and_view_has_five_decimals() -> None:
    state = {
        **defaults(CTX, "karte"),
        "kinds": ["bibliothek", "ort_fuer_alle"],
        "view": {"center": [53.123456789, 8.2], "zoom": 13},
    }
    params = to_params(state, CTX, "karte")
    assert params == {"kinds": "ort_fuer_alle,bibliothek", "view": "53.12346,8.20000,13"}


def test_repeated_parameter_values_are_joined() -> None:
    state, notices = parse_params({"kinds": ["bibliothek", "ort_fuer_alle"]}, CTX, "karte")
    assert notices == []
    assert state["kinds"] == ["ort_fuer_alle", "bibliothek"]


@pytest.mark.parametrize(
    "text", ["Kreyenbrück", "kreyenbrueck", "KREYENBRUCK", "kreyen-brück", " Kreyenbrück "]
)
def test_district_by_id_or_name_in_any_spelling(text: str) -> None:
    state, notices = parse_params({"district": text}, CTX, "stadtteil")
    assert (state["district"], notices) == ("kreyenbrueck", [])


BAD = [
    ("karte", {"district": "xyz"}, "district", "Unbekannter Stadtteil 'xyz' in der Adresse"),
    ("karte", {"kinds": "zzz"}, "kinds", "Ungültiger Wert 'zzz' für ›Arten von Orten‹"),
    ("karte", {"status": "aktiv"}, "status", "Ungültiger Wert 'aktiv'"),
    ("karte", {"indicator": "wealth"}, "indicator", "›Flächenfüllung‹"),
    ("karte", {"scheme": "jenks!"}, "scheme", "›Klassenbildung‹"),
    ("karte", {"k": "9"}, "k", "liegt nicht zwischen 3 und 7"),
    ("karte", {"k": "fünf"}, "k", "Ungültiger Wert 'fünf'"),
    ("karte", {"k": "4.5"}, "k", "Ungültiger Wert '4.5'"),
    ("karte", {"radius": "750"}, "radius", "Ungültiger Wert '750' für ›Umkreis‹"),
    ("karte", {"gaps": "vielleicht"}, "gaps", "›Weiße Flecken zeigen‹"),
    ("karte", {"basemap": "google"}, "basemap", "›Hintergrundkarte‹"),
    ("karte", {"view": "53.1,8.2"}, "view", "erwartet: Breite,Länge,Zoom"),
    ("karte", {"view": "a,b,c"}, "view", "erwartet: Breite,Länge,Zoom"),
    ("karte", {"view": "0,0,12"}, "view", "außerhalb der Stadt"),
    ("karte", {"view": "53.1,8.2,30"}, "view", "Zoomstufen 8–19"),
    ("karte", {"view": "nan,8.2,12"}, "view", "erwartet: Breite,Länge,Zoom"),
    ("abdeckung", {"cov": "37"}, "cov", "kein Vielfaches von 5"),
    ("abdeckung", {"radius": "-5"}, "radius", "liegt nicht zwischen 0 und 20000"),
    ("abdeckung", {"radius": "1e9"}, "radius", "Ungültiger Wert"),
    ("abdeckung", {"per": "-1"}, "per", "liegt nicht zwischen 0 und 100"),
    ("abdeckung", {"need": "income"}, "need", "›Bedarfskennzahl‹"),
    ("abdeckung", {"crit": "luck"}, "crit", "›Lücken-Kriterien‹"),
    ("abdeckung", {"group": "kids"}, "group", "›Zielgruppe‹"),
    ("datenpruefung", {"show": "nur Fehler"}, "show", "›Anzeigen‹"),
    ("uebersicht", {"folie": "9"}, "folie", "Folie 9 gibt es nicht (die Agenda hat 3 Folien)"),
    ("uebersicht", {"folie": "0"}, "folie", "Folie 0 gibt es nicht"),
    ("uebersicht", {"praesentation": "2"}, "praesentation", "›Präsentationsmodus‹"),
]


@pytest.mark.parametrize(("page", "params", "name", "notice"), BAD)
def test_bad_value_falls_back_to_default_with_notice(
    page: str, params: dict[str, str], name: str, notice: str
) -> None:
    state, notices = parse_params(params, CTX, page)
    assert state[name] == defaults(CTX, page)[name]
    assert len(notices) == 1, notices
    assert notice in notices[0]
    assert notices[0].endswith(("Standard verwendet.", "ignoriert."))


def test_list_keeps_its_valid_entries() -> None:
    state, notices = parse_params({"kinds": "bibliothek,zzz,yyy"}, CTX, "karte")
    assert state["kinds"] == ["bibliothek"]
    assert notices == [
        "Unbekannte Werte 'zzz, yyy' für ›Arten von Orten‹ in der Adresse – ignoriert."
    ]


def test_slide_without_agenda_is_ignored() -> None:
    ctx = LinkContext(kind_ids=CTX.kind_ids, districts=CTX.districts)
    state, notices = parse_params({"folie": "1", "praesentation": "1"}, ctx, "karte")
    assert state["folie"] is None
    assert state["praesentation"] is True
    assert notices == ["Folie 1: Es gibt keine Agenda – ignoriert."]


def test_need_parameters_without_need_data_fall_back() -> None:
    ctx = LinkContext(kind_ids=CTX.kind_ids, districts=CTX.districts)
    state, notices = parse_params(
        {"need": "sgb2_share_pct", "need_above": "3", "crit": "need,no_team"}, ctx, "abdeckung"
    )
    assert state["need"] is None
    assert state["need_above"] is None
    assert state["crit"] == ["no_team"]
    assert len(notices) == 3


def test_too_long_search_text_is_cut_with_notice() -> None:
    state, notices = parse_params({"q": "x" * 500}, CTX, "karte")
    assert state["q"] == "x" * 200
    assert notices == [
        "Text für ›Suche nach Name‹ in der Adresse zu lang – auf 200 Zeichen gekürzt."
    ]


def test_unknown_and_foreign_parameters_are_ignored_with_notice() -> None:
    state, notices = parse_params(
        {"bogus": "1", "indicator": "places", "kinds": "bibliothek"}, CTX, "abdeckung"
    )
    assert state == {**defaults(CTX, "abdeckung"), "kinds": ["bibliothek"]}
    assert notices == [
        "Unbekannter Parameter ›bogus‹ in der Adresse – ignoriert.",
        "Parameter ›indicator‹ gilt nicht für diese Seite – ignoriert.",
    ]


def test_several_bad_parameters_give_one_notice_each() -> None:
    state, notices = parse_params(
        {"district": "xyz", "kinds": "zzz", "k": "99", "view": "abc", "foo": "1"}, CTX, "karte"
    )
    assert state == defaults(CTX, "karte")
    assert len(notices) == 5


def test_session_values_of_multi_widget_parameters() -> None:
    page = "abdeckung"
    custom = session_values({"radius": 750}, CTX, page)
    assert custom == {"ab_radius_choice": "custom", "ab_radius": 750}
    assert session_values({"radius": 1000}, CTX, page) == {
        "ab_radius_choice": "1000",
        "ab_radius": 1000,
    }
    crit = session_values({"crit": ["no_network", "need"]}, CTX, page)
    assert crit == {
        "ab_c_team": False,
        "ab_c_net": True,
        "ab_c_cov": False,
        "ab_c_per": False,
        "ab_c_need": True,
    }
    assert set(crit) == set(GAP_CRITERIA.values())
    state = state_from_session({"ab_radius_choice": "custom", "ab_radius": 750, **crit}, CTX, page)
    assert state["radius"] == 750
    assert state["crit"] == ["no_network", "need"]


def test_state_from_session_ignores_unusable_values() -> None:
    session = {"f_k": "many", "f_indicator": "wealth", "karte_view": {"center": "x"}}
    assert state_from_session(session, CTX, "karte") == defaults(CTX, "karte")


def test_every_session_key_is_unique_per_page() -> None:
    for page, params in PAGE_PARAMS.items():
        keys = [p.key for p in params]
        assert len(keys) == len(set(keys)), page
        names = [p.name for p in page_params(page)]
        assert len(names) == len(set(names)), page


def test_links_and_paths() -> None:
    assert link_url("karte", {"kinds": "a,b", "q": "ä ö"}) == "/karte?kinds=a,b&q=%C3%A4+%C3%B6"
    assert link_url("uebersicht", {}) == "/"
    assert page_from_path("/") == "uebersicht"
    assert page_from_path("/stadtteil/") == "stadtteil"
    assert page_from_path("/app/abdeckung") == "abdeckung"
    assert page_from_path("/nirgends") is None
    assert parse_link("http://host:8501/karte?kinds=a%2Cb&view=53.1,8.2,12") == (
        "karte",
        {"kinds": "a,b", "view": "53.1,8.2,12"},
    )
    assert parse_link("/?praesentation=1") == ("uebersicht", {"praesentation": "1"})
    with pytest.raises(ValueError, match="Seite '/nirgends' gibt es nicht"):
        parse_link("/nirgends?x=1")


def test_unknown_page_raises() -> None:
    with pytest.raises(KeyError, match="Unbekannte Seite"):
        page_params("rathaus")


# ---------------------------------------------------------------- property-based

_kinds = st.lists(st.sampled_from(CTX.kind_ids), unique=True)
_views = st.builds(
    lambda lat, lon, zoom: {"center": [round(lat, 5), round(lon, 5)], "zoom": zoom},
    st.floats(53.0, 53.3, allow_nan=False),
    st.floats(8.0, 8.45, allow_nan=False),
    st.integers(8, 19),
)
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(kinds=_kinds, view=st.none() | _views, q=_text, k=st.integers(3, 7))
def test_random_karte_states_round_trip_through_a_url(
    kinds: list[str], view: dict[str, Any] | None, q: str, k: int
) -> None:
    state = {
        **defaults(CTX, "karte"),
        "kinds": [c for c in CTX.kind_ids if c in kinds],
        "view": view,
        "q": q,
        "k": k,
    }
    url = "http://127.0.0.1" + link_url("karte", to_params(state, CTX, "karte"))
    query = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    # only values that differ from the defaults are written: the default state is a bare path
    assert (query == {}) == (state == defaults(CTX, "karte"))
    page, params = parse_link(url)
    assert parse_params(params, CTX, page) == (state, [])


# ---------------------------------------------------------- defaults the pages start with


@pytest.mark.parametrize(
    ("radius", "choice"),
    [
        (300.0, "300"),
        (500, "500"),
        (1000.0, "1000"),
        (750.0, "custom"),
        (500.5, "custom"),
        (0.0, "custom"),
        (20_000.0, "custom"),
    ],
)
def test_abdeckung_radius_choice(radius: float, choice: str) -> None:
    assert abdeckung_radius_choice(radius) == choice
    assert choice in ABDECKUNG_RADIUS_OPTIONS


def test_abdeckung_radius_options_are_the_presets_and_a_field() -> None:
    assert (*(str(r) for r in RADII), "custom") == ABDECKUNG_RADIUS_OPTIONS


def test_abdeckung_radius_sets_the_radio_as_the_page_starts_it() -> None:
    """A radius from a link selects the same radio option as the page's default would."""
    p = param("abdeckung", "radius")
    assert p.to_session is not None
    for radius in (300, 500, 750, 1000, 4321):
        assert p.to_session(radius, CTX) == {
            "ab_radius_choice": abdeckung_radius_choice(radius),
            "ab_radius": radius,
        }


def test_default_need_threshold_is_the_rounded_median() -> None:
    need = pd.DataFrame({"a": [1.0, np.nan, 8.44, 20.0], "b": [np.nan, np.nan, np.nan, np.nan]})
    assert default_need_threshold(need, "a") == 8.4
    assert default_need_threshold(need, "b") is None
    assert default_need_threshold(pd.DataFrame({"a": [2.25, 2.35]}), "a") == 2.3


def test_link_context_takes_the_need_default_of_the_first_indicator(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    need = pd.DataFrame(
        {"district_id": ["a", "b", "c"], "x_pct": [3.0, 5.0, 9.96], "y": [1.0, 2.0, 3.0]}
    )
    ctx = LinkContext.from_dataset(ds, need)
    assert ctx.need_columns == ("x_pct", "y")
    assert ctx.need_threshold == default_need_threshold(need, "x_pct") == 5.0
    assert LinkContext.from_dataset(ds, need.assign(x_pct=np.nan)).need_threshold is None
    assert LinkContext.from_dataset(ds).need_threshold is None
