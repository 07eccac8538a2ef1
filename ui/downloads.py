"""Download buttons for exports: the bytes are made only when a button is clicked.

Streamlit (≥ 1.50) accepts a callable as ``data`` of ``st.download_button``: it runs
when the user clicks, on a thread of its own, so a PDF is not rendered on every rerun.
The callables here call core functions only (no Streamlit commands, no caches).
Download buttons are not shown in the meeting mode.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeAlias

import geopandas as gpd
import pandas as pd
import streamlit as st

from quartiersatlas.export import (
    CSV_MEDIA_TYPE,
    GEOJSON_MEDIA_TYPE,
    GPKG_MEDIA_TYPE,
    HTML_MEDIA_TYPE,
    XLSX_MEDIA_TYPE,
    to_geojson,
    to_geopackage,
    to_german_csv,
    to_xlsx,
)
from quartiersatlas.language import current_language, use_language
from quartiersatlas.provenance import sources_table, status_lines
from quartiersatlas.text_utils import slugify
from quartiersatlas.texts import DOWNLOAD_TEXTS, PROFILE_TEXTS
from ui.data import get_dataset
from ui.presentation import presenting

PDF_MEDIA_TYPE = "application/pdf"


@dataclass(frozen=True)
class Download:
    """One download button: German label, file name, media type, bytes on demand."""

    label: str
    file_name: str
    mime: str
    data: Callable[[], bytes | str]
    help: str | None = None


def file_name(what: str, ext: str, today: date | None = None) -> str:
    """``quartiersatlas-<what>-<date>.<ext>``, e.g. ``quartiersatlas-orte-2026-11-22.csv``."""
    day = (today or date.today()).isoformat()
    return f"quartiersatlas-{slugify(what)}-{day}.{ext}"


def csv(label: str, what: str, frame: pd.DataFrame) -> Download:
    """A German CSV of the table, rounded, with the data-status line first (what is
    schematic, synthetic or estimated), made on click."""
    ds = get_dataset()  # the shared data set of this run (ui.data); read on click only
    return Download(
        label,
        file_name(what, "csv"),
        CSV_MEDIA_TYPE,
        lambda: to_german_csv(frame, status=status_lines(ds)),
        DOWNLOAD_TEXTS["csv_help"],
    )


def xlsx(label: str, what: str, frames: Mapping[str, pd.DataFrame]) -> Download:
    """An Excel workbook of the tables, plus the sheet "Quellen" (data status, sources and
    licences of the loaded data), made on click (the sheet too: it is the same for
    every viewer and not needed until then)."""
    ds = get_dataset()  # the shared data set of this run (ui.data); read on click only
    sheets = dict(frames)

    def make() -> bytes:
        return to_xlsx({**sheets, PROFILE_TEXTS["sources_sheet"]: sources_table(ds)})

    return Download(label, file_name(what, "xlsx"), XLSX_MEDIA_TYPE, make)


Layer: TypeAlias = gpd.GeoDataFrame | Callable[[], gpd.GeoDataFrame]
Layers: TypeAlias = Mapping[str, gpd.GeoDataFrame] | Callable[[], Mapping[str, gpd.GeoDataFrame]]


def geojson(label: str, what: str, layer: Layer) -> Download:
    """GeoJSON of a layer, or of the layer a function makes (on click)."""
    make = layer if callable(layer) else lambda: layer
    return Download(
        label,
        file_name(what, "geojson"),
        GEOJSON_MEDIA_TYPE,
        lambda: to_geojson(make()),
        DOWNLOAD_TEXTS["geojson_help"],
    )


def geopackage(label: str, what: str, layers: Layers) -> Download:
    """A GeoPackage of layers, or of the layers a function makes (on click)."""
    make = layers if callable(layers) else lambda: layers
    return Download(
        label,
        file_name(what, "gpkg"),
        GPKG_MEDIA_TYPE,
        lambda: to_geopackage(make()),
        DOWNLOAD_TEXTS["gpkg_help"],
    )


def html_file(label: str, what: str, make: Callable[[], str], help: str | None = None) -> Download:
    return Download(label, file_name(what, "html"), HTML_MEDIA_TYPE, make, help)


def pdf(label: str, what: str, make: Callable[[], bytes], help: str | None = None) -> Download:
    return Download(label, file_name(what, "pdf"), PDF_MEDIA_TYPE, make, help)


def _in_language(data: Any, language: str) -> Any:
    """``data`` as given; a function (made on click) runs in ``language``: Streamlit
    calls it later in a worker thread that has no language of its own."""
    if not callable(data):
        return data

    def make() -> Any:
        with use_language(language):
            return data()

    return make


def download_row(items: Sequence[Download], key: str, per_row: int = 4) -> None:
    """The buttons side by side (none in the meeting mode)."""
    if presenting() or not items:
        return
    for start in range(0, len(items), per_row):
        chunk = items[start : start + per_row]
        cols = st.columns(per_row)
        for i, (col, item) in enumerate(zip(cols, chunk, strict=False)):
            col.download_button(
                item.label,
                data=_in_language(item.data, current_language()),
                file_name=item.file_name,
                mime=item.mime,
                key=f"dl_{key}_{start + i}",
                help=item.help,
                on_click="ignore",
                icon=":material/download:",
                width="stretch",
            )
