"""Static maps for the PDF reports, drawn with matplotlib *without tiles*.

What a map shows:

- districts (boundaries; the profile's district highlighted),
- places by kind with the kind's colour **and** a marker shape like the app's symbols
  (approximate locations pale with a dashed edge),
- uncovered areas ("weiße Flecken") hatched,
- legend, scale bar in km, north arrow (grid north of the metric CRS; in UTM the
  difference to true north is below 1° for a city near its zone's central meridian).

:func:`static_map` returns a figure not attached to pyplot; :func:`map_svg` renders it
as SVG with text as text, which :mod:`quartiersatlas.pdf` embeds in its pages.
"""

from __future__ import annotations

import io
import re
import textwrap
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import matplotlib
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon as MplPolygon
from matplotlib.patches import Rectangle
from matplotlib.path import Path as MplPath

from quartiersatlas.analysis import filter_places
from quartiersatlas.coverage import to_metric
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_number
from quartiersatlas.selection_words import radius_words
from quartiersatlas.settings import Kind
from quartiersatlas.texts import REPORT_MAP

__all__ = ["FONT_FAMILY", "MapStyle", "map_svg", "static_map"]

FONT_FAMILY = "DejaVu Sans"
"""Font of the map's text (and of the PDFs, which embed it as TrueType)."""

_UNCOVERED_COLOR = "#b2182b"
_HIGHLIGHT_FILL = "#fff2b3"
_OUTSIDE_FILL = "#ececec"
_A4_CONTENT_W = 180.0  # an A4 page (210 mm) less 15 mm margins, as the PDFs lay it out
# rcParams are global: one map at a time (the app serves several sessions in threads).
_MPL_LOCK = threading.RLock()
_MAP_RC: dict[str, object] = {
    "svg.fonttype": "none",  # text stays text (DejaVu Sans, embedded by fpdf2)
    "svg.hashsalt": "quartiersatlas",  # stable ids
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "path.simplify": True,
}


def _svg_path(points: Sequence[tuple[float, float]]) -> MplPath:
    """A closed marker path from points of the app's 24x24 SVG symbols (y down)."""
    verts = [((x - 12.0) / 10.0, (12.0 - y) / 10.0) for x, y in points]
    verts.append(verts[0])
    codes = [MplPath.MOVETO] + [MplPath.LINETO] * (len(verts) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(verts, codes)


def _book_path() -> MplPath:
    left = [(3.0, 5.0), (11.0, 5.0), (11.0, 20.0), (3.0, 20.0)]
    right = [(13.0, 5.0), (21.0, 5.0), (21.0, 20.0), (13.0, 20.0)]
    a, b = _svg_path(left), _svg_path(right)
    return MplPath(np.concatenate([a.vertices, b.vertices]), np.concatenate([a.codes, b.codes]))


# Marker shapes matching the app's symbols (quartiersatlas.symbols._SHAPES); scale per
# symbol so that they look about equally large.
_MARKERS: dict[str, tuple[object, float]] = {
    "circle": ("o", 1.0),
    "square": ("s", 0.9),
    "triangle": ("^", 1.15),
    "diamond": ("D", 0.85),
    "star": ("*", 1.6),
    "hexagon": ("h", 1.1),
    "house": (_svg_path([(12, 2.5), (22, 11), (19, 11), (19, 21), (5, 21), (5, 11), (2, 11)]), 1.2),
    "book": (_book_path(), 1.15),
}


@dataclass(frozen=True)
class MapStyle:
    """Size and look of a static map (millimetres on paper)."""

    width_mm: float = _A4_CONTENT_W
    height_mm: float = 100.0
    legend_mm: float = 58.0
    marker_pt: float = 6.5
    label_pt: float = 4.8
    hatch_mm: float = 1.2


def _nice_length(target_m: float) -> float:
    for v in (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000):
        if v >= target_m * 0.999:
            return float(v)
    return float(10 ** np.ceil(np.log10(target_m)))


def _km_text(metres: float) -> str:
    km = metres / 1000.0
    return format_number(km, 0 if km.is_integer() else (1 if (km * 10).is_integer() else 2))


def _hatch_segments(geom: shapely.Geometry, spacing: float) -> list[np.ndarray]:
    """Diagonal hatch lines (45°) clipped to ``geom``, as coordinate arrays."""
    if geom is None or shapely.is_empty(geom):
        return []
    minx, miny, maxx, maxy = shapely.bounds(geom)
    step = spacing * np.sqrt(2.0)
    offsets = np.arange(miny - maxx, maxy - minx + step, step)
    lines = shapely.linestrings(
        [[(minx - 1, minx - 1 + c), (maxx + 1, maxx + 1 + c)] for c in offsets]
    )
    cut = shapely.intersection(lines, geom)
    parts = shapely.get_parts(cut[~shapely.is_empty(cut)])
    return [
        np.asarray(shapely.get_coordinates(p))
        for p in parts
        if shapely.get_type_id(p) == 1  # LineString
    ]


def _label_point(
    poly: shapely.Geometry,
    text: str,
    size_pt: float,
    metres_per_mm: float,
    avoid: np.ndarray,
) -> tuple[float, float] | None:
    """Where to put a district's name: inside the polygon, away from place markers.

    Candidates are the representative point and a 9 x 9 grid over the polygon; each is
    scored by how much of the label box lies inside the polygon, its distance to the
    nearest place (up to 3 mm on paper) and, a little, its distance to the
    representative point. ``None`` when the polygon is empty (outside the view).
    """
    if poly is None or shapely.is_empty(poly) or shapely.area(poly) <= 0:
        return None
    w = len(text) * size_pt * 0.3528 * 0.62 * metres_per_mm
    h = size_pt * 0.3528 * 1.3 * metres_per_mm
    rep = shapely.get_coordinates(shapely.point_on_surface(poly))[0]
    minx, miny, maxx, maxy = shapely.bounds(poly)
    gx, gy = np.meshgrid(np.linspace(minx, maxx, 11)[1:-1], np.linspace(miny, maxy, 11)[1:-1])
    cand = np.vstack([rep[None, :], np.column_stack([gx.ravel(), gy.ravel()])])
    boxes = shapely.box(
        cand[:, 0] - w / 2, cand[:, 1] - h / 2, cand[:, 0] + w / 2, cand[:, 1] + h / 2
    )
    inside = np.asarray(shapely.area(shapely.intersection(boxes, poly))) / (w * h)
    clearance = 3.0 * metres_per_mm
    if len(avoid):
        near = np.asarray(shapely.distance(boxes, shapely.multipoints(avoid)), dtype=float)
        free = np.minimum(near / clearance, 1.0)
    else:
        free = np.ones(len(cand))
    diag = max(np.hypot(maxx - minx, maxy - miny), 1.0)
    away = np.hypot(cand[:, 0] - rep[0], cand[:, 1] - rep[1]) / diag
    score = 2.0 * inside + 1.5 * free - 0.6 * away
    best = int(np.argmax(score))
    return float(cand[best, 0]), float(cand[best, 1])


def _spread(xy: np.ndarray, radius: float) -> np.ndarray:
    """Markers at the same spot (within ``radius``) moved onto a small circle around it,
    so that none hides another (e.g. several places estimated at a district centre)."""
    out = xy.copy()
    if len(xy) < 2 or radius <= 0:
        return out
    keys = np.round(xy / radius).astype(np.int64)
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (kx, ky) in enumerate(keys):
        groups.setdefault((int(kx), int(ky)), []).append(i)
    for members in groups.values():
        n = len(members)
        if n < 2:
            continue
        centre = xy[members].mean(axis=0)
        for j, i in enumerate(members):
            angle = np.pi / 2 + 2 * np.pi * j / n
            out[i] = centre + radius * np.array([np.cos(angle), np.sin(angle)])
    return out


def _fit(bounds: Sequence[float], aspect: float, pad: float) -> tuple[float, float, float, float]:
    """Bounds padded by ``pad`` and widened to the axes' aspect ratio (width/height)."""
    x0, y0, x1, y1 = (float(b) for b in bounds)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        extra = (h * aspect - w) / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (w / aspect - h) / 2
        y0, y1 = y0 - extra, y1 + extra
    return x0, y0, x1, y1


def static_map(
    ds: Dataset,
    *,
    kinds: Sequence[str],
    statuses: Sequence[str] = ("active",),
    uncovered: gpd.GeoDataFrame | None = None,
    radius_m: float | None = None,
    highlight: str | None = None,
    style: MapStyle | None = None,
    distance: str = "straight",
) -> Figure:
    """A static map (matplotlib figure, no tiles) of the city or of one district.

    Parameters
    ----------
    ds
        The loaded data set.
    kinds, statuses
        The places drawn (those that count for the coverage).
    uncovered
        Uncovered areas (any CRS), drawn hatched.
    radius_m
        Radius for the legend text of the uncovered areas.
    distance
        How the radius is measured (``straight``, ``walk``, ``wheelchair``), for that
        text.
    highlight
        Id of the district to highlight and zoom to (``None``: the whole city).
    style
        Size and look.

    Returns
    -------
    matplotlib.figure.Figure
        Not attached to pyplot (no global state); render with :func:`map_svg`.
    """
    st = style or MapStyle()
    s = ds.settings
    crs = s.metric_crs
    districts = to_metric(ds.districts, crs)
    places = filter_places(to_metric(ds.places, crs), list(kinds), list(statuses))
    places = places[places.geometry.notna() & ~places.geometry.is_empty]
    map_w = st.width_mm - st.legend_mm
    aspect = map_w / st.height_mm
    hl = districts[districts["id"].astype(str) == str(highlight)] if highlight else None
    if hl is not None and not hl.empty:
        b = hl.total_bounds
        pad = max(0.25 * max(b[2] - b[0], b[3] - b[1]), 500.0)
    else:
        hl = None
        b = districts.total_bounds
        pad = 0.02 * max(b[2] - b[0], b[3] - b[1])
    x0, y0, x1, y1 = _fit(b, aspect, pad)
    metres_per_mm = (x1 - x0) / map_w
    view = shapely.box(x0, y0, x1, y1)

    with _MPL_LOCK, matplotlib.rc_context(_MAP_RC):  # type: ignore[arg-type]
        fig = Figure(figsize=(st.width_mm / 25.4, st.height_mm / 25.4))
        ax = fig.add_axes((0.0, 0.0, map_w / st.width_mm, 1.0))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_linewidth(0.6)
            spine.set_edgecolor("#555555")

        ax.set_facecolor(_OUTSIDE_FILL)
        # Clip everything to the view: the PDF embedding does not honour every SVG
        # clip path, and what is not drawn does not cost bytes.
        clipped = districts.copy()
        clipped["geometry"] = shapely.intersection(districts.geometry.to_numpy(), view)
        clipped = clipped[~clipped.geometry.is_empty]
        hl_clipped = (
            clipped[clipped["id"].astype(str) == str(highlight)] if hl is not None else None
        )
        # Markers at the same spot side by side; only markers wholly inside the frame.
        places = places.copy()
        xy = _spread(
            np.asarray(shapely.get_coordinates(places.geometry.to_numpy()), dtype=float),
            st.marker_pt * 0.3528 * 0.75 * metres_per_mm,
        ).reshape(-1, 2)
        places["_x"], places["_y"] = xy[:, 0], xy[:, 1]
        inside = shapely.within(shapely.points(xy), view.buffer(-2.2 * metres_per_mm))
        places = places[np.asarray(inside, dtype=bool)]
        xy = places[["_x", "_y"]].to_numpy(dtype=float)
        clipped.plot(ax=ax, facecolor="#ffffff", edgecolor="none", linewidth=0)
        if hl_clipped is not None:
            hl_clipped.plot(ax=ax, facecolor=_HIGHLIGHT_FILL, edgecolor="none", linewidth=0)
        has_uncovered = False
        if uncovered is not None and not uncovered.empty:
            unc = shapely.intersection(
                shapely.union_all(to_metric(uncovered, crs).geometry.to_numpy()), view
            )
            if not shapely.is_empty(unc):
                has_uncovered = True
                gpd.GeoSeries([unc], crs=crs).plot(
                    ax=ax,
                    facecolor=_UNCOVERED_COLOR,
                    alpha=0.10,
                    edgecolor="none",
                )
                segments = _hatch_segments(unc, st.hatch_mm * metres_per_mm)
                ax.add_collection(
                    LineCollection(segments, colors=_UNCOVERED_COLOR, linewidths=0.35)
                )
                gpd.GeoSeries([unc], crs=crs).boundary.plot(
                    ax=ax, color=_UNCOVERED_COLOR, linewidth=0.4
                )
        boundaries = shapely.intersection(districts.boundary.to_numpy(), view)
        gpd.GeoSeries(boundaries, crs=crs).plot(ax=ax, color="#555555", linewidth=0.5)
        if hl is not None:
            gpd.GeoSeries(shapely.intersection(hl.boundary.to_numpy(), view), crs=crs).plot(
                ax=ax, color="#000000", linewidth=1.8
            )

        # district names, placed away from the place markers
        inner = view.buffer(-0.02 * (x1 - x0))
        avoid = xy
        for did, name, geom in zip(
            districts["id"], districts["name"], districts.geometry, strict=True
        ):
            is_hl = hl is not None and str(did) == str(highlight)
            size_pt = 7.5 if is_hl else st.label_pt
            at = _label_point(
                shapely.intersection(geom, inner), str(name), size_pt, metres_per_mm, avoid
            )
            if at is None:
                continue
            ax.text(
                at[0],
                at[1],
                str(name),
                fontsize=size_pt,
                fontweight="bold" if is_hl else "normal",
                color="#000000" if is_hl else "#444444",
                ha="center",
                va="center",
                zorder=4,
                bbox={
                    "boxstyle": "square,pad=0.15",
                    "facecolor": "#ffffff",
                    "edgecolor": "none",
                    "alpha": 0.75,
                },
            )

        # places by kind: colour and shape
        shown: list[Kind] = []
        for kind in s.kinds:
            sel = places[places["kind"].astype(str) == kind.id]
            if sel.empty:
                continue
            shown.append(kind)
            marker, scale = _MARKERS.get(kind.symbol, _MARKERS["circle"])
            size = (st.marker_pt * scale) ** 2
            approx = sel["coord_quality"].astype(str).eq("approximate").to_numpy()
            for mask, pale in ((~approx, False), (approx, True)):
                if not mask.any():
                    continue
                ax.scatter(
                    sel["_x"].to_numpy()[mask],
                    sel["_y"].to_numpy()[mask],
                    s=size,
                    marker=marker,  # type: ignore[arg-type]
                    facecolors=matplotlib.colors.to_rgba(kind.color, 0.4 if pale else 1.0),
                    edgecolors="#1a1a1a",
                    linewidths=0.7 if pale else 0.5,
                    linestyles="--" if pale else "-",
                    zorder=5,
                )

        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        _scale_bar(ax, x0, y0, x1, y1)
        _north_arrow(ax)

        lax = fig.add_axes((map_w / st.width_mm, 0.0, st.legend_mm / st.width_mm, 1.0))
        lax.set_axis_off()
        lax.set_xlim(0, st.legend_mm)
        lax.set_ylim(0, st.height_mm)
        _legend(
            lax,
            st,
            shown=shown,
            highlight_name=str(hl["name"].iloc[0]) if hl is not None else None,
            schematic=ds.districts_schematic,
            uncovered_text=(
                REPORT_MAP["uncovered"].format(radius=radius_words(radius_m, distance))
                if radius_m is not None
                else REPORT_MAP["uncovered_no_radius"]
            )
            if has_uncovered
            else None,
            any_approx=bool(places["coord_quality"].astype(str).eq("approximate").any()),
            scale=REPORT_MAP["scale"].format(
                scale=format_number(_round_scale(metres_per_mm * 1000), 0)
            ),
        )
    return fig


def _round_scale(value: float) -> float:
    mag = 10 ** np.floor(np.log10(value)) / 10
    return float(np.round(value / mag) * mag)


def _scale_bar(ax: Axes, x0: float, y0: float, x1: float, y1: float) -> None:
    """Scale bar in km (two segments) with a white backing, bottom left."""
    w, h = x1 - x0, y1 - y0
    length = _nice_length(0.22 * w)
    bx, by = x0 + 0.04 * w, y0 + 0.045 * h
    bh = 0.012 * h
    ax.add_patch(
        Rectangle(
            (bx - 0.015 * w, by - 0.03 * h),
            length + 0.06 * w,
            bh + 0.075 * h,
            facecolor="white",
            edgecolor="none",
            alpha=0.85,
            zorder=6,
        )
    )
    half = length / 2
    for i, fill in enumerate(("#000000", "#ffffff")):
        ax.add_patch(
            Rectangle(
                (bx + i * half, by),
                half,
                bh,
                facecolor=fill,
                edgecolor="#000000",
                linewidth=0.5,
                zorder=7,
            )
        )
    for pos, text in ((0.0, "0"), (half, _km_text(half)), (length, f"{_km_text(length)} km")):
        ax.text(
            bx + pos, by + bh + 0.008 * h, text, fontsize=5.5, ha="center", va="bottom", zorder=7
        )


def _north_arrow(ax: Axes) -> None:
    """North arrow (grid north of the metric CRS) with a white backing, top right."""
    cx, top, width, height = 0.93, 0.95, 0.035, 0.075
    tr = ax.transAxes
    ax.add_patch(
        Rectangle(
            (cx - 0.035, top - height - 0.055),
            0.07,
            height + 0.075,
            facecolor="white",
            edgecolor="none",
            alpha=0.85,
            transform=tr,
            zorder=6,
        )
    )
    left = MplPolygon(
        [(cx, top), (cx - width / 2, top - height), (cx, top - height * 0.72)],
        closed=True,
        facecolor="#000000",
        edgecolor="#000000",
        linewidth=0.5,
        transform=tr,
        zorder=7,
    )
    right = MplPolygon(
        [(cx, top), (cx + width / 2, top - height), (cx, top - height * 0.72)],
        closed=True,
        facecolor="#ffffff",
        edgecolor="#000000",
        linewidth=0.5,
        transform=tr,
        zorder=7,
    )
    ax.add_patch(left)
    ax.add_patch(right)
    ax.text(
        cx,
        top - height - 0.005,
        "N",
        transform=tr,
        fontsize=7,
        fontweight="bold",
        ha="center",
        va="top",
        zorder=7,
    )


def _legend(
    lax: Axes,
    st: MapStyle,
    *,
    shown: Sequence[Kind],
    highlight_name: str | None,
    schematic: bool,
    uncovered_text: str | None,
    any_approx: bool,
    scale: str,
) -> None:
    """The legend, drawn into its own axes (millimetre coordinates)."""
    x_sym, x_text = 5.0, 10.0
    y = st.height_mm - 4.0
    wrap = max(18, int((st.legend_mm - x_text - 1) / 1.35))
    fs = 6.3
    line_mm = fs * 0.3528 * 1.25

    def entry(t: str, bold: bool = False, size: float = fs, gap: float = 1.3) -> None:
        """Write ``t`` (wrapped) at the current line and move below it."""
        nonlocal y
        lines = textwrap.wrap(t, wrap) or [""]
        lax.text(
            2.0 if bold else x_text,
            y,
            "\n".join(lines),
            fontsize=size,
            fontweight="bold" if bold else "normal",
            va="top",
            ha="left",
            linespacing=1.15,
        )
        y -= gap + len(lines) * line_mm * size / fs

    def symbol(marker: object, scale_: float, face: object, dashed: bool = False) -> None:
        lax.scatter(
            [x_sym],
            [y - 1.1],
            s=(st.marker_pt * scale_) ** 2,
            marker=marker,  # type: ignore[arg-type]
            facecolors=face,
            edgecolors="#1a1a1a",
            linewidths=0.7 if dashed else 0.5,
            linestyles="--" if dashed else "-",
            clip_on=False,
        )

    def swatch(face: str, edge: str, lw: float, hatch: bool = False) -> None:
        x, yy, w, h = x_sym - 2.5, y - 2.6, 5.0, 3.2
        lax.add_patch(
            Rectangle((x, yy), w, h, facecolor=face, edgecolor=edge, linewidth=lw, clip_on=False)
        )
        if hatch:
            box = shapely.box(x, yy, x + w, yy + h)
            lax.add_collection(
                LineCollection(_hatch_segments(box, 0.9), colors=_UNCOVERED_COLOR, linewidths=0.35)
            )

    entry(REPORT_MAP["legend"], bold=True, size=7.5)
    if shown:
        entry(REPORT_MAP["places"], bold=True)
    for kind in shown:
        marker, scale_ = _MARKERS.get(kind.symbol, _MARKERS["circle"])
        symbol(marker, scale_, kind.color)
        entry(kind.label_plural)
    if any_approx:
        symbol("o", 1.0, matplotlib.colors.to_rgba("#888888", 0.4), dashed=True)
        entry(REPORT_MAP["approximate"])
    y -= 0.8
    entry(REPORT_MAP["areas"], bold=True)
    if highlight_name is not None:
        swatch(_HIGHLIGHT_FILL, "#000000", 1.5)
        entry(REPORT_MAP["selected"].format(name=highlight_name))
    swatch("#ffffff", "#555555", 0.5)
    entry(REPORT_MAP["district_schematic" if schematic else "district"])
    swatch(_OUTSIDE_FILL, "#555555", 0.5)
    entry(REPORT_MAP["outside"])
    if uncovered_text:
        swatch("#f7e3e5", _UNCOVERED_COLOR, 0.4, hatch=True)
        entry(uncovered_text)
    y -= 0.8
    entry(scale)
    entry(REPORT_MAP["north"])


def map_svg(fig: Figure) -> bytes:
    """The figure as SVG (text as text), without metadata, for embedding in a PDF."""
    buf = io.StringIO()
    with _MPL_LOCK, matplotlib.rc_context(_MAP_RC):  # type: ignore[arg-type]
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = re.sub(r"<metadata>.*?</metadata>", "", buf.getvalue(), flags=re.S)
    return svg.encode("utf-8")
