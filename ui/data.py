"""Cached loading edge of the app: files are read and joined once per change on disk.

Cached functions take plain values (paths, fingerprints) and return core objects;
a filter change or any other rerun reuses them.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from quartiersatlas._errors import DataError, SettingsError
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.problems import format_problems
from quartiersatlas.settings import load_settings, resolve_data_dir


def data_fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of every data file in the folder (cheap stat calls),
    so that caches are renewed when a quarter manager saves a new file.

    TOML files other than settings.toml (the meeting agenda) are left out: saving an
    agenda does not change the data.
    """
    items = []
    for root, _dirs, files in os.walk(folder):
        for f in files:
            if f.endswith(".toml") and f != "settings.toml":
                continue
            p = Path(root) / f
            try:
                st_ = p.stat()
            except OSError:
                continue
            items.append((str(p), st_.st_size, st_.st_mtime_ns))
    return tuple(sorted(items))


@st.cache_data(show_spinner="Daten werden geladen …", max_entries=4)
def _load(data_dir: str, fingerprint: tuple[tuple[str, int, int], ...]) -> Dataset:
    del fingerprint  # part of the cache key only
    return load_dataset(load_settings(data_dir))


def get_dataset() -> Dataset:
    """The data set of the configured data folder, or stop the page with a clear message."""
    folder = resolve_data_dir()
    try:
        return _load(str(folder), data_fingerprint(folder))
    except SettingsError as exc:
        st.error(f"**Einstellungen können nicht gelesen werden.**\n\n{exc}")
    except DataError as exc:
        st.error(
            "**Die Stadtteil-Ebene kann nicht geladen werden.**\n\n"
            + format_problems(exc.problems).replace("\n", "  \n")
        )
    st.stop()
    raise AssertionError("unreachable")  # st.stop() raises
