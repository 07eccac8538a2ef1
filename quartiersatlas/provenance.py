"""What the data is and where it comes from, in German sentences: the data-status note
(schematic districts, synthetic or estimated residents, approximate locations, synthetic
need values) and the data sources with their licences, for the pages, the PDF reports,
the handout and the sheet "Quellen" of every Excel download.

Pure functions of a loaded :class:`~quartiersatlas.dataset.Dataset`; what the districts
and the residents are, and every credit, come from the settings (``[sources]``), never
from the code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from quartiersatlas.analysis import need_is_synthetic
from quartiersatlas.dataset import Dataset
from quartiersatlas.formatting import format_number
from quartiersatlas.gaps import need_label
from quartiersatlas.text_utils import split_list
from quartiersatlas.texts import (
    COVERAGE_NOTES,
    DATA_STATUS_NOTES,
    PROFILE_TEXTS,
    REPORT_CRITERIA,
    REPORT_SOURCES,
)

__all__ = ["data_sources", "sources_table", "status_lines", "synthetic_population_note"]


def synthetic_population_note(ds: Dataset) -> str:
    """ "Einwohnerzahlen je Stadtteil synthetisch (Summe = <official source>), ...": the
    source of the official total comes from the settings (``population_total_source``)."""
    s = ds.settings
    total = (
        DATA_STATUS_NOTES["synthetic_total"].format(source=s.population_total_source)
        if s.population_total and s.population_total_source
        else ""
    )
    return DATA_STATUS_NOTES["synthetic_population"].format(total=total)


def status_lines(ds: Dataset, need: pd.DataFrame | None = None) -> list[str]:
    """What is schematic, synthetic or estimated in the data, in German sentences.

    The same note as the app shows on every page (``ui.common.data_status_lines``),
    plus a line for synthetic need values when ``need`` is given. What the districts
    and the residents are comes from the settings (``[sources]``) when given there.
    """
    s = ds.settings
    lines = []
    if s.source_text("districts_note"):
        lines.append(s.source_text("districts_note"))
    if ds.districts_schematic:
        lines.append(DATA_STATUS_NOTES["schematic_districts"])
    if ds.population_status == "synthetic":
        lines.append(synthetic_population_note(ds))
    elif s.source_text("population_note"):
        lines.append(s.source_text("population_note"))  # says where the figures come from
    elif ds.population_status == "estimated":
        lines.append(DATA_STATUS_NOTES["estimated_population"])
    if ds.approximate_places:
        lines.append(
            DATA_STATUS_NOTES["approximate_places"].format(
                n=ds.approximate_places, total=len(ds.places)
            )
        )
    if need_is_synthetic(need):
        lines.append(COVERAGE_NOTES["synthetic_need"])
    return lines


def _file_label(ds: Dataset, path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return str(Path(path).relative_to(ds.settings.data_dir))
    except ValueError:
        return Path(path).name


def _source_urls(frames: Sequence[pd.DataFrame]) -> list[str]:
    urls: list[str] = []
    for frame in frames:
        if "source" not in frame.columns:
            continue
        for cell in frame["source"]:
            urls += split_list(cell, ";")
    return urls


def _domain(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def data_sources(
    ds: Dataset,
    *,
    need: pd.DataFrame | None = None,
    need_column: str | None = None,
    records: Sequence[pd.DataFrame] | None = None,
) -> list[str]:
    """Where the data comes from, in German sentences (for the PDF's "Datenquellen").

    Parameters
    ----------
    ds
        The loaded data set (settings name the files and the population total).
    need
        The need table, when one is used.
    need_column
        The need indicator shown.
    records
        The rows whose ``source`` URLs are listed one by one (a district's places and
        groups); ``None`` summarises every place, team and network by web site.
    """
    s = ds.settings
    lines = []
    dfile = _file_label(ds, s.districts_path)
    if ds.districts_schematic:
        lines.append(REPORT_SOURCES["districts_schematic"].format(file=dfile))
    else:
        lines.append(REPORT_SOURCES["districts"].format(file=dfile))
    if s.districts_source:
        lines[-1] += REPORT_SOURCES["districts_origin"].format(
            source=s.source_text("districts_source")
        )
    total = format_number(float(s.population_total), 0)
    total_source = s.population_total_source or REPORT_CRITERIA["official_total"]
    pfile = _file_label(ds, s.population_path)
    status = ds.population_status
    if status == "synthetic":
        lines.append(
            REPORT_SOURCES["population_synthetic"].format(
                file=pfile, total=total, total_source=total_source
            )
        )
    elif status == "estimated":
        lines.append(REPORT_SOURCES["population_estimated"].format(file=pfile))
    elif status == "official":
        lines.append(REPORT_SOURCES["population_official"].format(file=pfile))
    if status != "synthetic" and s.population_total:
        lines.append(
            REPORT_SOURCES["population_total"].format(total=total, total_source=total_source)
        )
    if s.grid_path is not None:
        lines.append(REPORT_SOURCES["grid_file"].format(file=_file_label(ds, s.grid_path)))
    files = ", ".join(_file_label(ds, p) for p in (s.places_path, s.teams_path, s.networks_path))
    if records is None:
        urls = _source_urls([ds.places, ds.teams, ds.networks])
        if urls:
            top = Counter(_domain(u) for u in urls).most_common(5)
            lines.append(
                REPORT_SOURCES["records"].format(
                    files=files,
                    n=len(urls),
                    domains=", ".join(f"{d} ({n})" for d, n in top),
                )
            )
        else:
            lines.append(REPORT_SOURCES["no_records"])
    else:
        urls = list(dict.fromkeys(_source_urls(records)))
        if urls:
            lines.append(REPORT_SOURCES["records_district"].format(n=len(urls), files=files))
            lines += urls
    if need is not None and need_column:
        synthetic = need_is_synthetic(need)
        lines.append(
            REPORT_SOURCES["need"].format(
                label=need_label(need_column),
                file=_file_label(ds, s.need_path),
                status=REPORT_SOURCES["need_synthetic"] if synthetic else "",
            )
        )
    lines.append(REPORT_SOURCES["basemap"].format(crs=s.metric_crs))
    lines += [REPORT_SOURCES["credit"].format(credit=c) for c in s.source_text("credits")]
    return lines


def sources_table(ds: Dataset) -> pd.DataFrame:
    """The data status and every source as a one-column table: the sheet "Quellen" that
    every Excel download carries, so a file that travels alone still names its sources,
    licences and what is estimated."""
    lines = [*status_lines(ds), *data_sources(ds)]
    return pd.DataFrame({PROFILE_TEXTS["sources_column"]: lines})
