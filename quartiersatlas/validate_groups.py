"""The Stadtteilteams and networks tables: type, status, target groups, the districts
each group covers (matched by the one district-name matcher) and the meeting place
(rules: :mod:`quartiersatlas.validate`)."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd

from quartiersatlas.district_names import DistrictMatcher
from quartiersatlas.problems import Problem
from quartiersatlas.readers import RawTable
from quartiersatlas.schema import COORD_QUALITIES, GROUP_COLUMNS, NETWORK_TYPES, STATUSES
from quartiersatlas.table_frame import ROW
from quartiersatlas.texts import DATA_PROBLEMS, VALIDATE_PROBLEMS
from quartiersatlas.validate import (
    SYNONYMS,
    Collector,
    Extent,
    check_ids,
    check_names,
    enum_column,
    map_enum,
    match_district_list,
    parse_target_groups,
    require_columns,
    text_column,
    with_made_ids,
)
from quartiersatlas.validate_coordinates import parse_coordinates, points_at

_T = VALIDATE_PROBLEMS
_D = DATA_PROBLEMS

__all__ = ["parse_groups"]


def parse_groups(
    raw: RawTable,
    districts: pd.DataFrame,
    allowed_types: Sequence[str] = NETWORK_TYPES,
    extent: Extent | None = None,
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check a Stadtteilteams or networks table.

    Each row names the districts it covers (names or ids, ';'-separated); they are
    matched against ``districts`` (columns ``id``, ``name``). Returns the usable rows
    with ``district_ids`` (tuple of ids), ``districts`` (their names, '; '-joined),
    the meeting place as point geometry where known (EPSG:4326), and the problems.
    """
    raw, made_ids = with_made_ids(raw)
    require_columns(raw, GROUP_COLUMNS)
    frame = raw.frame
    col = Collector(raw.file, list(raw.problems) + made_ids)
    n = len(frame)
    rows = frame[ROW].to_numpy()
    keep = np.ones(n, dtype=bool)
    ids = check_ids(frame, col, keep)
    names = check_names(frame, col, keep)
    gtype = enum_column(
        frame, "type", allowed_types, {"runder tisch": "runder_tisch"}, "", col, keep
    )
    for i in np.flatnonzero(gtype.eq("").to_numpy() & keep).tolist():
        col.add(
            int(rows[i]),
            "type",
            _T["missing_type"],
            hint=_D["allowed"].format(allowed=", ".join(allowed_types)) + _D["row_dropped"],
            code="enum",
        )
        keep[i] = False
    status = enum_column(frame, "status", STATUSES, SYNONYMS["status"], "active", col, keep)
    groups = parse_target_groups(text_column(frame, "target_groups"), rows, col, keep)
    matcher = DistrictMatcher.from_frame(districts)
    name_of = matcher.name_of
    dcells = text_column(frame, "districts")
    district_ids: list[tuple[str, ...]] = []
    for i, cell in enumerate(dcells):
        if not cell:
            col.add(
                int(rows[i]),
                "districts",
                _T["no_districts"],
                hint=_T["no_districts_hint"],
                code="no_districts",
            )
            district_ids.append(())
            continue
        district_ids.append(tuple(match_district_list(cell, matcher, int(rows[i]), col)))
    lat, lon = parse_coordinates(frame, col, None, extent)
    have = ~np.isnan(lat)
    quality, _ = map_enum(
        text_column(frame, "coord_quality"), COORD_QUALITIES, SYNONYMS["coord_quality"], ""
    )
    q = np.where(
        have,
        np.where(np.isin(quality.to_numpy(dtype=object), ["exact"]), "exact", "approximate"),
        "none",
    )
    out = pd.DataFrame(
        {
            "id": ids,
            "name": names,
            "type": gtype,
            "district_ids": district_ids,
            "districts": ["; ".join(name_of[d] for d in ds) for ds in district_ids],
            "status": status,
            "since": text_column(frame, "since"),
            "until": text_column(frame, "until"),
            "meeting_place": text_column(frame, "meeting_place"),
            "lat": lat,
            "lon": lon,
            "coord_quality": q,
            "target_groups": groups,
            "contact": text_column(frame, "contact"),
            "source": text_column(frame, "source"),
            "notes": text_column(frame, "notes"),
            "row": rows,
        },
        index=frame.index,
    )
    gdf = gpd.GeoDataFrame(out, geometry=points_at(lon, lat, have), crs="EPSG:4326")
    return gdf.loc[keep].reset_index(drop=True), col.problems
