"""Abdeckung & Lücken: which districts lack what, and where exactly, with reasons."""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from quartiersatlas.coverage import TARGET_GROUP_COLUMNS, access_counts, city_totals
from quartiersatlas.export import to_geopackage
from quartiersatlas.gaps import (
    GapCriteria,
    evaluate_gaps,
    format_metres,
    format_number,
    format_percent,
    need_label,
    provision_phrase,
    rank_gaps,
)
from quartiersatlas.linkstate import ABDECKUNG_BARS
from quartiersatlas.maps import build_map
from quartiersatlas.need import indicator_columns
from quartiersatlas.pdf import overview_pdf
from quartiersatlas.profile import analyse, city_overview, report_layers
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.safe_text import markdown_code
from quartiersatlas.schema import ACCESSIBILITY_COLUMNS, STATUSES
from quartiersatlas.texts import (
    ACCESS_LABELS,
    COVERAGE_COLUMN_LABELS,
    COVERAGE_NOTES,
    RESIDENTS_BASIS_LABELS,
    STATUS_LABELS,
    TARGET_GROUP_OPTION_LABELS,
    TARGET_GROUP_RESIDENTS,
    label,
)
from ui import downloads as dl
from ui.common import data_status_lines, data_status_note, show_table
from ui.coverage_cache import coverage, data_key, grid_cells, need_table, uncovered
from ui.data import get_dataset
from ui.mapview import show_map
from ui.presentation import presenting
from ui.router import ensure_router
from ui.urlstate import init_from_url, stop, sync_url

PAGE = "abdeckung"
ensure_router()
ds = get_dataset()
s = ds.settings
ctx = init_from_url(PAGE, ds)
key = data_key(ds)

RADIUS_OPTIONS = ["300", "500", "1000", "custom"]
PCT = st.column_config.NumberColumn(format="%.0f %%")
KM2 = st.column_config.NumberColumn(format="localized")  # values rounded to 0.01 km²
COUNT = st.column_config.NumberColumn(format="localized")


def headers(frame: pd.DataFrame, extra: dict[str, str] | None = None) -> pd.DataFrame:
    """German column headers (with units) for a coverage table."""
    labels = {**COVERAGE_COLUMN_LABELS, **(extra or {})}
    return frame.rename(columns={c: labels.get(c, c) for c in frame.columns})


def percent(values: pd.Series) -> pd.Series:
    return (values.astype(float) * 100.0).round(1)


st.title("Abdeckung & Lücken")
st.write(
    "Wo sind Orte für Alle, Stadtteiltreffs und andere Angebote zu Fuß erreichbar – und wo "
    "fehlen sie? Diese Seite zeigt je Stadtteil, welcher Teil der Fläche und der Einwohner "
    "im Umkreis eines gewählten Orts liegt, ob es ein Stadtteilteam und Netzwerke gibt, und "
    "ordnet die Stadtteile nach den Lücken, die Sie als Kriterien auswählen."
)
data_status_note(ds)

# ---- selection (sidebar) ---------------------------------------------------------
kind_plural = {k.id: k.label_plural for k in s.kinds}
default_radius = float(s.default_radius_m)
default_choice = (
    str(int(default_radius))
    if default_radius.is_integer() and str(int(default_radius)) in RADIUS_OPTIONS
    else "custom"
)
need, need_problems = need_table(key, ds)
indicators = indicator_columns(need) if need is not None else []

with st.sidebar:
    st.header("Auswahl")
    kinds = st.multiselect(
        "Arten von Orten",
        options=list(s.kind_ids),
        default=list(s.kind_ids),
        format_func=lambda k: kind_plural.get(k, k),
        key="ab_kinds",
        placeholder="keine Art gewählt",
    )
    statuses = st.multiselect(
        "Es zählen Orte mit Status",
        options=list(STATUSES),
        default=["active"],
        format_func=lambda v: label(STATUS_LABELS, v),
        key="ab_status",
        placeholder="kein Status gewählt",
        help="Nur aktive Orte versorgen heute; geplante Orte können Sie dazunehmen, um "
        "zu sehen, welche Lücke sie schließen würden.",
    )
    choice = st.radio(
        "Umkreis R (Luftlinie)",
        RADIUS_OPTIONS,
        index=RADIUS_OPTIONS.index(default_choice),
        format_func=lambda v: "anderer Wert" if v == "custom" else format_metres(float(v)),
        horizontal=True,
        key="ab_radius_choice",
    )
    if choice == "custom":
        radius = float(
            st.number_input(
                "Umkreis in Metern",
                min_value=0,
                max_value=20_000,
                value=int(default_radius),
                step=50,
                key="ab_radius",
            )
        )
    else:
        radius = float(choice)
    group = st.radio(
        "Zielgruppe",
        list(TARGET_GROUP_COLUMNS),
        format_func=lambda v: TARGET_GROUP_OPTION_LABELS[v],
        horizontal=True,
        key="ab_group",
        help="Bezugsgröße für Orte je 1.000 Einwohner und für die Zahl der Einwohner im Umkreis.",
    )
    require = st.multiselect(
        "Barrierefreie Abdeckung: Orte müssen haben",
        options=list(ACCESSIBILITY_COLUMNS),
        format_func=lambda v: ACCESS_LABELS[v],
        key="ab_require",
        placeholder="keine Anforderung",
        help="Zusätzlich wird die Abdeckung nur mit Orten berechnet, bei denen jedes "
        "gewählte Merkmal mit ›ja‹ erfasst ist. ›unbekannt‹ zählt nicht als barrierefrei.",
    )

    st.header("Lücken-Kriterien")
    st.caption("Ein Stadtteil erhält je zutreffendem Kriterium einen Punkt.")
    c_team = st.checkbox("kein aktives Stadtteilteam", value=True, key="ab_c_team")
    c_net = st.checkbox("kein aktives Netzwerk", value=False, key="ab_c_net")
    c_cov = st.checkbox("Abdeckung unter X %", value=True, key="ab_c_cov")
    cov_pct = st.slider(
        "X: Abdeckung unter (%)", 0, 100, 50, step=5, key="ab_cov_pct", disabled=not c_cov
    )
    cov_measure = st.radio(
        "Abdeckung gemessen an",
        ["area", "residents"],
        format_func=lambda v: "Fläche" if v == "area" else "Einwohnern",
        horizontal=True,
        key="ab_cov_measure",
        disabled=not c_cov,
    )
    c_per = st.checkbox("weniger als Y Orte je 1.000 Einwohner", value=False, key="ab_c_per")
    per_thr = st.number_input(
        "Y: Orte je 1.000 Einwohner",
        min_value=0.0,
        max_value=100.0,
        value=0.5,
        step=0.1,
        key="ab_per",
        disabled=not c_per,
    )
    c_need = False
    need_col: str | None = None
    need_thr: float | None = None
    if need is not None and indicators:
        c_need = st.checkbox("Bedarf über Z", value=False, key="ab_c_need")
        need_col = st.selectbox(
            "Bedarfskennzahl",
            indicators,
            format_func=need_label,
            key="ab_need_col",
            disabled=not c_need,
        )
        median = float(np.nanmedian(need[need_col])) if need[need_col].notna().any() else 0.0
        need_thr = float(
            st.number_input(
                "Z: Bedarf über",
                value=round(median, 1),
                step=0.5,
                key="ab_need_thr",
                disabled=not c_need,
                help="Voreingestellt: der Median der Stadtteile.",
            )
        )
    only_all = st.toggle(
        "nur Stadtteile zeigen, auf die alle Kriterien zutreffen", value=False, key="ab_only"
    )

# ---- empty states ------------------------------------------------------------------
if not kinds:
    st.info("Keine Art von Orten gewählt: Wählen Sie in der Seitenleiste mindestens eine Art.")
    stop(PAGE, ctx)
if not statuses:
    st.info("Kein Status gewählt: Wählen Sie in der Seitenleiste, welche Orte zählen sollen.")
    stop(PAGE, ctx)

table = coverage(key, radius, tuple(kinds), tuple(statuses), tuple(require), group, ds)
criteria = GapCriteria(
    no_team=c_team,
    no_network=c_net,
    coverage_below=cov_pct / 100.0 if c_cov else None,
    coverage_measure=cov_measure,  # type: ignore[arg-type]
    per_1000_below=float(per_thr) if c_per else None,
    need_column=need_col if c_need else None,
    need_above=need_thr if c_need else None,
)
labels = [s.kind_label(k) for k in kinds]
provision = provision_phrase(labels, all_kinds=len(kinds) == len(s.kinds))
evaluated = evaluate_gaps(table, criteria, radius_m=radius, provision=provision)
totals = city_totals(table)
group_words = TARGET_GROUP_RESIDENTS[group]
cells, grid_problems, grid_path = grid_cells(key, ds)

selected = ds.places[ds.places["kind"].isin(kinds) & ds.places["status"].isin(statuses)]
located = selected[selected.geometry.notna()]
no_location = len(selected) - len(located)
approximate = int(located["coord_quality"].eq("approximate").sum())
outside = int((located["join_status"] == "outside").sum())
radius_text = format_metres(radius)

# ---- key figures -------------------------------------------------------------------
c1, c2, c3, c4 = st.columns(4)
area_share = totals["area_covered_share"]
c1.metric(
    f"Fläche im Umkreis von {radius_text}",
    "–" if area_share is None else format_percent(float(area_share)),
)
res_share = totals["residents_covered_share"]
c2.metric(
    f"{group_words} im Umkreis",
    "keine Daten" if res_share is None else format_percent(float(res_share)),
    help=None
    if totals["group_residents_covered"] is None
    else f"etwa {format_number(float(totals['group_residents_covered']))} von "
    f"{format_number(float(totals['group_residents'] or 0))}",
)
n_gap = int(evaluated["gap_all"].sum())
c3.metric(
    "Stadtteile mit allen Lücken-Kriterien",
    f"{n_gap} von {len(evaluated)}" if criteria.active() else "kein Kriterium",
)
c4.metric("gezählte Orte mit Lage", f"{len(located)}")


def _overview_pdf() -> bytes:
    """The city overview of this selection as PDF (made when the button is clicked, on
    another thread: core functions and values of this run only, no Streamlit)."""
    overview = city_overview(
        ds,
        radius,
        kinds,
        statuses=statuses,
        require=require,
        criteria=criteria,
        need=need,
        cells=cells,
    )
    return overview_pdf(overview, ds)


dl.download_row(
    [
        dl.pdf(
            "Stadtübersicht (PDF)",
            "stadtuebersicht",
            _overview_pdf,
            "Kennzahlen, Lücken-Rangliste und Stadtteiltabelle dieser Auswahl (A4), für "
            "Sitzungsunterlagen",
        )
    ],
    key="abdeckung_pdf",
)

# ---- assumptions in words ------------------------------------------------------------
notes = []
if cells is not None:
    notes.append(COVERAGE_NOTES["grid"])
else:
    notes.append(COVERAGE_NOTES["evenly_spread"])
if group != "all":
    notes.append(COVERAGE_NOTES["groups"])
notes.append(COVERAGE_NOTES["catchment"].format(radius=radius_text, crs=md(s.metric_crs)))
if approximate:
    notes.append(COVERAGE_NOTES["approximate"].format(n=approximate))
if outside:
    notes.append(COVERAGE_NOTES["outside"])
if no_location:
    notes.append(
        f"{no_location} gewählte(r) Ort(e) ohne Koordinaten: ohne Umkreis und keinem "
        "Stadtteil zugeordnet, daher hier nicht mitgezählt (Lage nachtragen)."
    )
if need is not None and "data_status" in need.columns and need["data_status"].eq("synthetic").any():
    notes.append(COVERAGE_NOTES["synthetic_need"])
st.info("**So wird gerechnet:** " + " ".join(notes), icon=":material/calculate:")
if grid_path and cells is None:
    st.warning(
        f"Das Bevölkerungsgitter {markdown_code(grid_path)} konnte nicht gelesen werden; es "
        "wird mit gleichmäßig verteilten Einwohnern gerechnet. "
        + md(" ".join(p.format() for p in grid_problems[:3]))
    )
elif cells is not None and grid_problems:
    st.caption("Hinweise zum Gitter: " + md(" ".join(p.format() for p in grid_problems[:3])))
if need_problems and any(p.severity == "error" for p in need_problems):
    st.warning(
        "In der Bedarfsdatei gibt es Probleme; betroffene Werte fehlen. "
        "Details auf der Seite ›Datenprüfung‹ oder: "
        + md(" ".join(p.format() for p in need_problems if p.severity == "error")[:600])
    )
if located.empty:
    st.warning(
        "Für diese Auswahl gibt es keinen Ort mit Lage: Kein Teil der Stadt liegt im "
        "Umkreis eines gewählten Orts, die ganze Stadt ist eine Lücke."
    )

# ---- gap ranking -----------------------------------------------------------------------
st.header("Lücken-Rangliste")
if not criteria.active():
    st.write("Kein Lücken-Kriterium gewählt: Schalten Sie in der Seitenleiste Kriterien ein.")
else:
    active_words = ", ".join(
        {
            "no_team": "kein aktives Stadtteilteam",
            "no_network": "kein aktives Netzwerk",
            "coverage": f"Abdeckung ({'Fläche' if cov_measure == 'area' else group_words}) "
            f"unter {cov_pct} %",
            "per_1000": f"weniger als {format_number(float(per_thr), 1)} Orte je 1.000 "
            f"{group_words}",
            "need": f"{md(need_label(need_col or ''))} über {format_number(need_thr or 0.0, 1)}",
        }[c]
        for c in criteria.active()
    )
    st.write(
        f"Geprüfte Kriterien: {active_words}. Je zutreffendem Kriterium ein Punkt; bei "
        "Gleichstand zuerst der Stadtteil mit der geringeren Abdeckung."
    )
    ranked = rank_gaps(evaluated, only_all=only_all)
    if ranked.empty:
        st.success(
            "Kein Stadtteil erfüllt alle gewählten Kriterien."
            if only_all
            else "Keine Stadtteile in den Daten."
        )
    else:
        shown = ranked[["gap_rank", "district", "gap_score", "gap_reasons", "gap_unknown"]].copy()
        shown["gap_score"] = shown["gap_score"].map(lambda v: f"{v} von {len(criteria.active())}")
        shown["gap_reasons"] = shown["gap_reasons"].replace("", "–")
        ranking_table = headers(shown)
        show_table(ranking_table)
        dl.download_row(
            [dl.csv("Rangliste (CSV)", "luecken-rangliste", ranking_table)], key="ab_rank"
        )

# ---- measures per district -------------------------------------------------------------
st.header("Kennzahlen je Stadtteil")
cols = [
    "district",
    "area_km2",
    "residents",
    "group_residents",
    "places",
    "places_per_1000",
    "residents_per_place",
    "area_covered_share",
    "residents_covered_share",
    "group_residents_uncovered",
    "residents_basis",
    "has_team",
    "active_networks",
    *indicators,
]
measures = table[[c for c in cols if c in table.columns]].copy()
if group == "all":
    measures = measures.drop(columns=["group_residents"])
for c in ("area_covered_share", "residents_covered_share"):
    measures[c] = percent(measures[c])
measures["places_per_1000"] = measures["places_per_1000"].round(2)
measures["area_km2"] = measures["area_km2"].round(2)
measures["residents_per_place"] = measures["residents_per_place"].round(0)
measures["group_residents_uncovered"] = measures["group_residents_uncovered"].round(0)
measures["has_team"] = measures["has_team"].map({True: "ja", False: "nein"})
measures["residents_basis"] = measures["residents_basis"].map(
    lambda v: RESIDENTS_BASIS_LABELS.get(str(v), "keine Daten") if v is not None else "keine Daten"
)
per_label = f"Orte je 1.000 {group_words}"
extra = {
    "places_per_1000": per_label,
    "residents_per_place": f"{group_words} je Ort",
    "group_residents_uncovered": f"{group_words} ohne Angebot im Umkreis (geschätzt)",
    "area_covered_share": f"Fläche im Umkreis von {radius_text} (%)",
    "residents_covered_share": f"{group_words} im Umkreis von {radius_text} (%)",
    **{c: need_label(c) + (" (%)" if c.endswith("_pct") else "") for c in indicators},
}
measures_table = headers(measures, extra)
show_table(
    measures_table,
    column_config={
        COVERAGE_COLUMN_LABELS["area_km2"]: KM2,
        COVERAGE_COLUMN_LABELS["residents"]: COUNT,
        extra["area_covered_share"]: PCT,
        extra["residents_covered_share"]: PCT,
        extra["group_residents_uncovered"]: COUNT,
        extra["residents_per_place"]: st.column_config.NumberColumn(
            format="localized", help="ohne Wert: kein Ort im Stadtteil oder keine Einwohnerzahl"
        ),
    },
)
st.caption(
    "»–«: nicht berechenbar – keine Einwohnerzahl oder kein Ort im "
    "Stadtteil. Orte zählen für den Stadtteil, in dem sie liegen; ihr Umkreis versorgt "
    "auch Nachbar-Stadtteile."
)

# ---- charts with the same data as tables -------------------------------------------------
st.header("Diagramme")
if presenting():
    # no widgets in the meeting mode: the choice (e.g. from the link) is kept
    st.session_state["ab_bar_measure"] = st.session_state.get("ab_bar_measure", ABDECKUNG_BARS[0])
    measure = st.session_state["ab_bar_measure"]
else:
    measure = st.radio(
        "Balken zeigen",
        list(ABDECKUNG_BARS),
        format_func=lambda v: {
            "area_covered_share": f"Fläche im Umkreis von {radius_text} (%)",
            "residents_covered_share": f"{group_words} im Umkreis von {radius_text} (%)",
            "places_per_1000": per_label,
        }[v],
        horizontal=True,
        key="ab_bar_measure",
    )
FONT = 20 if presenting() else 12  # chart type readable on a projector in meeting mode
value_title = {
    "area_covered_share": f"Fläche im Umkreis von {radius_text} (%)",
    "residents_covered_share": f"{group_words} im Umkreis (%)",
    "places_per_1000": per_label,
}[measure]
bars = pd.DataFrame(
    {
        "Stadtteil": table["district"],
        value_title: (
            percent(table[measure]) if measure != "places_per_1000" else table[measure].round(2)
        ),
    }
).sort_values(value_title, na_position="first")
left, right = st.columns([3, 2])
with left:
    st.subheader("Stadtteile, sortiert")
    if bars[value_title].notna().any():
        chart = (
            alt.Chart(bars.dropna())
            .mark_bar(color="#0072B2")
            .encode(
                x=alt.X(f"{value_title}:Q", title=value_title),
                y=alt.Y("Stadtteil:N", sort="x", title=None),
                tooltip=["Stadtteil", alt.Tooltip(f"{value_title}:Q", format=".1f")],
            )
            .properties(height=max(200, (30 if presenting() else 18) * len(bars)))
            .configure_axis(labelFontSize=FONT, titleFontSize=FONT)
        )
        st.altair_chart(chart, width="stretch")
    else:
        st.write("Keine Werte: Einwohnerzahlen fehlen.")
with right:
    st.subheader("Dieselben Werte")
    show_table(
        bars,
        column_config={value_title: PCT} if measure != "places_per_1000" else None,
    )

st.subheader("Bedarf und Versorgung")
if need is None or not indicators:
    st.write(
        "Keine Bedarfsdatei eingerichtet (settings.toml `[files] need`): Bedarf und "
        "Versorgung können nicht gegenübergestellt werden."
    )
else:
    x_col = need_col if need_col in indicators else indicators[0]
    x_title = need_label(x_col) + (" (%)" if x_col.endswith("_pct") else "")
    y_title = f"Fläche im Umkreis von {radius_text} (%)"
    scatter = pd.DataFrame(
        {
            "Stadtteil": table["district"],
            x_title: table[x_col] if x_col in table.columns else np.nan,
            y_title: percent(table["area_covered_share"]),
            per_label: table["places_per_1000"].round(2),
        }
    )
    sleft, sright = st.columns([3, 2])
    with sleft:
        points = scatter.dropna(subset=[x_title, y_title])
        if points.empty:
            st.write("Keine Stadtteile mit Bedarfswert.")
        else:
            # plain field names: a need column's name (from data) may hold ':' '.' '['
            # which Altair and Vega-Lite would read as syntax; the titles show the names
            plot = points.set_axis(["district", "need", "covered", "per_1000"], axis=1)
            chart = (
                alt.Chart(plot)
                .mark_circle(size=90, color="#D55E00", opacity=0.8)
                .encode(
                    x=alt.X("need:Q", title=x_title),
                    y=alt.Y("covered:Q", title=y_title, scale=alt.Scale(domain=[0, 100])),
                    tooltip=[
                        alt.Tooltip("district:N", title="Stadtteil"),
                        alt.Tooltip("need:Q", title=x_title),
                        alt.Tooltip("covered:Q", title=y_title),
                        alt.Tooltip("per_1000:Q", title=per_label),
                    ],
                )
                .properties(height=520 if presenting() else 380)
                .configure_axis(labelFontSize=FONT, titleFontSize=FONT)
            )
            st.altair_chart(chart, width="stretch")
            st.caption(
                "Oben links: wenig Bedarf, gut versorgt. Unten rechts: hoher Bedarf, wenig "
                "im Umkreis – dort zuerst hinsehen."
            )
    with sright:
        show_table(
            scatter.sort_values(x_title, ascending=False, na_position="last"),
            column_config={y_title: PCT},
        )
    if need["data_status"].eq("synthetic").any():
        st.caption(COVERAGE_NOTES["synthetic_need"])

# ---- uncovered areas ----------------------------------------------------------------------
st.header("Weiße Flecken")
st.write(
    f"Flächen, die weiter als {radius_text} (Luftlinie) von jedem gewählten Ort entfernt "
    "sind, rot schraffiert auf der Karte; darunter dieselben Flächen als Tabelle."
)
holes = uncovered(key, radius, tuple(kinds), tuple(statuses), group, ds)
if holes.empty:
    st.success(f"Keine weißen Flecken: Jeder Punkt der Stadt liegt im Umkreis von {radius_text}.")
else:
    m = build_map(
        ds.districts,
        located,
        s.kinds,
        metric_crs=s.metric_crs,
        center=s.map_center,
        zoom=s.map_zoom,
        uncovered=holes,
        uncovered_label=f"weiter als {radius_text} von jedem gewählten Ort",
        status_lines=data_status_lines(ds),
        basemap=s.basemap,
        presentation=presenting(),
    )
    show_map(m, "abdeckung_map", height=760 if presenting() else 560)
    unc_table = holes.drop(columns="geometry").sort_values("uncovered_area_km2", ascending=False)
    unc_table = unc_table[
        ["district", "uncovered_area_km2", "uncovered_share", "residents_uncovered"]
    ].copy()
    unc_table["uncovered_share"] = percent(unc_table["uncovered_share"])
    unc_table["residents_uncovered"] = unc_table["residents_uncovered"].round(0)
    unc_table["uncovered_area_km2"] = unc_table["uncovered_area_km2"].round(2)
    unc_extra = {"residents_uncovered": f"{group_words} ohne Angebot im Umkreis (geschätzt)"}
    uncovered_table = headers(unc_table, unc_extra)
    show_table(
        uncovered_table,
        column_config={
            COVERAGE_COLUMN_LABELS["uncovered_area_km2"]: KM2,
            COVERAGE_COLUMN_LABELS["uncovered_share"]: PCT,
            unc_extra["residents_uncovered"]: COUNT,
        },
    )
    st.caption(
        f"Insgesamt {format_number(float(holes['uncovered_area_km2'].sum()), 1)} km² ohne "
        f"gewählten Ort im Umkreis von {radius_text}."
        + (
            ""
            if cells is not None
            else " Einwohner geschätzt: gleichmäßig über die Fläche des Stadtteils verteilt."
        )
    )

    def _layers() -> dict[str, Any]:
        """Districts with figures, counted places and uncovered areas (metric CRS)."""
        a = analyse(
            ds,
            radius_m=radius,
            kinds=kinds,
            statuses=statuses,
            require=require,
            criteria=criteria,
            need=need,
            cells=cells,
        )
        return report_layers(ds, a)

    dl.download_row(
        [
            dl.geojson("Weiße Flecken (GeoJSON)", f"weisse-flecken-{int(radius)}m", holes),
            dl.Download(
                "Ebenen (GeoPackage)",
                dl.file_name(f"abdeckung-{int(radius)}m", "gpkg"),
                dl.GPKG_MEDIA_TYPE,
                lambda: to_geopackage(_layers()),
                "Stadtteile mit Kennzahlen, gezählte Orte und weiße Flecken; öffnet in QGIS",
            ),
        ],
        key="ab_layers",
    )

# ---- accessible coverage --------------------------------------------------------------------
st.header("Barrierefreie Abdeckung")
if not require:
    st.write(
        "Keine Anforderung gewählt. Wählen Sie in der Seitenleiste Merkmale (z. B. stufenloser "
        "Zugang), um die Abdeckung nur mit Orten zu berechnen, die sie erfüllen."
    )
else:
    counts = access_counts(located, require)
    wanted = ", ".join(ACCESS_LABELS[a] for a in require)
    st.write(
        f"Verlangt: {wanted}. Von {len(located)} gezählten Orten erfüllen {counts.accessible} "
        f"die Anforderungen, {counts.not_accessible} nicht; bei {counts.unknown} ist es "
        "unbekannt – sie zählen nicht als barrierefrei, bis jemand es prüft."
    )
    acc = table[
        [
            "district",
            "places",
            "accessible_places",
            "area_covered_share",
            "accessible_area_covered_share",
        ]
    ].copy()
    acc["area_covered_share"] = percent(acc["area_covered_share"])
    acc["accessible_area_covered_share"] = percent(acc["accessible_area_covered_share"])
    acc_extra = {
        "area_covered_share": "Fläche im Umkreis, alle Orte (%)",
        "accessible_area_covered_share": "Fläche im Umkreis, barrierefreie Orte (%)",
    }
    accessible_table = headers(acc, acc_extra)
    show_table(
        accessible_table,
        column_config={
            acc_extra["area_covered_share"]: PCT,
            acc_extra["accessible_area_covered_share"]: PCT,
        },
    )

# ---- all tables of the page ---------------------------------------------------------------
sheets = {"Kennzahlen je Stadtteil": measures_table}
if criteria.active() and not ranked.empty:
    sheets = {"Lücken-Rangliste": ranking_table, **sheets}
if not holes.empty:
    sheets["Weiße Flecken"] = uncovered_table
if require:
    sheets["Barrierefreie Abdeckung"] = accessible_table
if not presenting():
    st.header("Tabellen herunterladen")
dl.download_row(
    [
        dl.xlsx("Alle Tabellen (Excel)", f"abdeckung-{int(radius)}m", sheets),
        dl.csv("Kennzahlen je Stadtteil (CSV)", f"kennzahlen-{int(radius)}m", measures_table),
    ],
    key="ab_tables",
)

sync_url(PAGE, ctx)
