"""The import wizard of the page "Daten pflegen" (issue 14): an office's file (CSV in
German dialects, Excel, GeoJSON/GeoPackage points) is read, its unknown columns are
mapped to the schema (the mapping is remembered in the store per header), every problem
is shown with the files' messages, and a preview says which records are new, changed
(with the fields) and missing against the inventory; applied as one change set, which
"Meine letzte Änderung zurücknehmen" undoes. Columns the file does not have keep their
stored values. UI only: the reading, checking and writing are the core's
(:mod:`quartiersatlas.inventory`, :mod:`quartiersatlas.store`)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from quartiersatlas._errors import DataError
from quartiersatlas.inventory import check_records, complete_records, records_from_raw
from quartiersatlas.problems import Problem, count_errors
from quartiersatlas.readers import RawTable, read_table
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.schema import GROUP_COLUMNS, PLACE_COLUMNS
from quartiersatlas.settings import Settings
from quartiersatlas.store import RECORD_COLUMNS, Conflict, Store, StoreError, diff_records
from quartiersatlas.texts import FIELD_LABELS, IMPORT_TEXTS, SEVERITY_LABELS
from ui.common import german_columns, show_table

T = IMPORT_TEXTS
KEY = "pf_import"
TYPES = ["csv", "txt", "tsv", "xlsx", "xlsm", "geojson", "json", "gpkg"]


def _problems_table(problems: list[Problem]) -> None:
    frame = pd.DataFrame([p.as_dict() for p in problems]).drop(columns=["code"])
    frame["severity"] = frame["severity"].map(SEVERITY_LABELS)
    frame["column"] = frame["column"].map(lambda c: FIELD_LABELS.get(c, c) if c else "")
    show_table(german_columns(frame))


def _read(upload: UploadedFile, kind: str) -> RawTable | None:
    """The uploaded file as a table read as text (problems named by its own name)."""
    name = str(getattr(upload, "name", "upload"))
    suffix = Path(name).suffix.lower()
    columns = PLACE_COLUMNS if kind == "places" else GROUP_COLUMNS
    with tempfile.TemporaryDirectory(prefix="quartiersatlas-import-") as folder:
        path = Path(folder) / f"datei{suffix}"
        path.write_bytes(upload.getvalue())
        try:
            raw = read_table(path, columns)
        except DataError as exc:
            st.error(T["unreadable"].format(file=md(name)))
            _problems_table([_named(p, path, name) for p in exc.problems])
            return None
    return dataclasses.replace(
        raw, file=name, problems=[_named(p, path, name) for p in raw.problems]
    )


def _named(p: Problem, path: Path, name: str) -> Problem:
    """``p`` named by the uploaded file's own name instead of the temporary copy's."""
    if p.file in (path.name, str(path)):
        return dataclasses.replace(p, file=name)
    return p


def import_wizard(
    store: Store,
    kind: str,
    settings: Settings,
    districts: gpd.GeoDataFrame,
    editor: str,
    kind_label: str,
) -> int | None:
    """The wizard for ``kind``; returns the number of the change set it wrote (the page
    then shows the new state), else ``None``."""
    st.caption(T["intro"].format(kind=kind_label))
    upload = st.file_uploader(T["file"], type=TYPES, key=f"{KEY}_file_{kind}")
    if upload is None:
        return None
    raw = _read(upload, kind)
    if raw is None:
        return None
    problems = list(raw.problems)
    frame, extra, name = raw.frame, list(raw.extra_columns), str(upload.name)
    # the choices belong to this file: a keyed widget would carry its value over to
    # another file's column at the same place
    file_key = f"{kind}_{getattr(upload, 'file_id', '') or name}"

    # ---- 1. columns ------------------------------------------------------------------
    st.markdown(f"**{T['step_columns']}**")
    known = [c for c in RECORD_COLUMNS[kind] if c in frame.columns]
    st.caption(
        T["recognised"].format(columns=", ".join(FIELD_LABELS.get(c, c) for c in known) or "–")
    )
    remembered = store.mappings(kind)
    free = [c for c in RECORD_COLUMNS[kind] if c not in frame.columns]
    mapping: dict[str, str] = {}
    for i, header in enumerate(extra):
        options = ["", *free]
        start = remembered.get(header, "")
        choice = st.selectbox(
            T["map_to"].format(header=md(header)),
            options,
            index=options.index(start) if start in options else 0,
            format_func=lambda c: FIELD_LABELS.get(c, c) if c else T["ignore"],
            key=f"{KEY}_map_{file_key}_{i}",
        )
        if choice:
            mapping[header] = str(choice)
    twice = sorted({c for c in mapping.values() if list(mapping.values()).count(c) > 1})
    if twice:
        st.error(T["twice"].format(columns=", ".join(FIELD_LABELS.get(c, c) for c in twice)))
        return None
    raw = dataclasses.replace(raw, frame=frame.rename(columns=mapping))
    records, rprob = records_from_raw(raw, kind)
    current = store.records(kind)
    checked = complete_records(current, records, kind)
    problems = problems + rprob + check_records(kind, checked, settings, districts, name)
    if "id" not in records.columns or records.empty:
        st.error(T["no_ids"])
        return None

    # ---- 2. problems -----------------------------------------------------------------
    st.markdown(f"**{T['step_problems']}**")
    errors = count_errors(problems)
    if problems:
        (st.error if errors else st.warning)(
            T["problems"].format(n=len(problems), errors=errors, file=md(name))
        )
        _problems_table(problems)
    else:
        st.success(T["no_problems"])

    # ---- 3. preview ------------------------------------------------------------------
    st.markdown(f"**{T['step_preview']}**")
    diff = diff_records(current, records, RECORD_COLUMNS[kind])
    names = dict(zip(current["id"].astype(str), current["name"].astype(str), strict=True))
    new_names = dict(
        zip(records["id"].astype(str), records.get("name", records["id"]).astype(str), strict=True)
    )
    remove = st.checkbox(
        T["remove_missing"].format(n=len(diff.removed)),
        key=f"{KEY}_remove_{file_key}",
        disabled=not diff.removed,
        help=T["remove_help"],
    )
    st.markdown(
        md(
            T["preview"].format(
                added=len(diff.added),
                changed=len(diff.changed),
                missing=len(diff.removed),
                fate=T["fate_removed"] if remove else T["fate_kept"],
            )
        )
    )
    rows = [
        {T["col_what"]: T["what_added"], T["col_id"]: i, T["col_name"]: new_names.get(i, ""),
         T["col_fields"]: "–"}
        for i in diff.added
    ] + [
        {T["col_what"]: T["what_changed"], T["col_id"]: i, T["col_name"]: new_names.get(i, ""),
         T["col_fields"]: ", ".join(FIELD_LABELS.get(c, c) for c in fields)}
        for i, fields in diff.changed.items()
    ] + [
        {T["col_what"]: T["what_removed"] if remove else T["what_missing"], T["col_id"]: i,
         T["col_name"]: names.get(i, ""), T["col_fields"]: "–"}
        for i in diff.removed
    ]  # fmt: skip
    if rows:
        show_table(pd.DataFrame(rows))
    why = st.text_input(
        T["why"], key=f"{KEY}_why_{kind}", placeholder=T["why_default"].format(file=name)
    )
    nothing = diff.empty or (not diff.added and not diff.changed and not remove)
    if errors:
        st.info(T["blocked"].format(n=errors))
        return None
    if not st.button(
        T["apply"],
        type="primary",
        key=f"{KEY}_apply_{kind}",
        disabled=nothing,
        icon=":material/upload:",
    ):
        return None
    try:
        _, change = store.import_records(
            kind,
            records,
            editor,
            why.strip() or T["why_default"].format(file=name),
            remove_missing=remove,
        )
        store.remember_mappings(kind, mapping)
    except (Conflict, StoreError) as exc:
        st.error(md(str(exc)))
        return None
    return change.id if change is not None else 0
