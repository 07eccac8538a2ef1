"""Sessions share cached work, never state (issue 16).

The data set, the analyses and the rendered maps are computed once and shared by every
session of a server process (``ui.data``, ``ui.coverage_cache``, ``ui.mapview``). What a
viewer chooses stays in that viewer's session:

- two AppTest sessions with different selections each keep their own filters, figures
  and map, also after the other one ran;
- page runs leave the shared objects as they were loaded (pages derive their own
  copies; pandas copies a frame on write).
"""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.settings import load_settings

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"
SHIPPED_DATA = REPO_ROOT / "data"


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


def _open(page: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=90).run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _map_args(at: AppTest) -> dict[str, Any]:
    [component] = [
        c for c in at.get("component_instance") if c.proto.component_name.endswith("st_folium")
    ]
    return dict(json.loads(component.proto.json_args))


def _frames(ds: Dataset) -> dict[str, pd.DataFrame]:
    return {
        "districts": ds.districts,
        "places": ds.places,
        "teams": ds.teams,
        "networks": ds.networks,
        "population": ds.population,
    }


def test_two_sessions_keep_their_own_selection_and_map() -> None:
    one = _open("karte")
    kinds = list(one.multiselect(key="f_kinds").value)
    assert len(kinds) > 1
    one.multiselect(key="f_kinds").set_value(kinds[:1]).run()
    assert not one.exception
    script_one = _map_args(one)["script"]

    two = _open("karte")  # a second viewer opens the page after the first one filtered
    assert list(two.multiselect(key="f_kinds").value) == kinds
    two.selectbox(key="f_indicator").set_value("none").run()
    assert not two.exception
    script_two = _map_args(two)["script"]
    assert script_two != script_one  # a different map for a different selection

    one.run()  # the first viewer's next run: still its own filter and map
    assert list(one.multiselect(key="f_kinds").value) == kinds[:1]
    assert one.selectbox(key="f_indicator").value != "none"
    assert _map_args(one)["script"] == script_one
    assert "f_kinds" not in two.session_state or list(two.session_state["f_kinds"]) == kinds

    # a third viewer with the first viewer's choice gets the same (shared) map
    three = _open("karte")
    three.multiselect(key="f_kinds").set_value(kinds[:1]).run()
    assert _map_args(three)["script"] == script_one


def _shared_values() -> dict[tuple[str, str], Any]:
    """Every value the app's ``st.cache_resource`` functions hold, by (function, key).

    Reads Streamlit's resource-cache registry (``_resource_caches``; checked with
    Streamlit 1.67): a test helper only, it fails loudly when that changes."""
    from streamlit.runtime.caching import cache_resource_api

    registry = cache_resource_api._resource_caches._function_caches
    out: dict[tuple[str, str], Any] = {}
    for caches in registry.values():
        for cache in caches.values():
            name = str(getattr(cache, "display_name", ""))
            for key, result in list(cache._mem_cache.items()):
                out[(name, key)] = result.value
    assert out, "no shared values found: has Streamlit's cache registry changed?"
    return out


def _assert_same(before: Any, now: Any, where: str) -> None:
    if isinstance(before, pd.DataFrame):
        pd.testing.assert_frame_equal(now, before, obj=where)
    elif isinstance(before, np.ndarray):
        np.testing.assert_array_equal(now, before, err_msg=where)
    elif dataclasses.is_dataclass(before) and not isinstance(before, type):
        for f in dataclasses.fields(before):
            if f.name.startswith("_"):
                continue  # a memo built on first use (a network's graphs), not content
            _assert_same(getattr(before, f.name), getattr(now, f.name), f"{where}.{f.name}")
    elif isinstance(before, tuple | list):
        assert len(now) == len(before), where
        for i, (b, n) in enumerate(zip(before, now, strict=True)):
            _assert_same(b, n, f"{where}[{i}]")
    elif isinstance(before, dict):
        assert now.keys() == before.keys(), where
        for k in before:
            _assert_same(before[k], now[k], f"{where}[{k!r}]")
    elif isinstance(before, float) and before != before:
        assert now != now, where  # NaN
    else:
        assert now == before, where


def test_page_runs_leave_the_shared_objects_unchanged() -> None:
    from ui.data import get_dataset

    karte = _open("karte")
    abdeckung = _open("abdeckung")
    snapshot = {k: pickle.dumps(v) for k, v in _shared_values().items()}
    assert any("analysis" in name for name, _ in snapshot)

    # more runs of both pages, with other choices, in these and new sessions
    karte.selectbox(key="f_indicator").set_value("area_covered_share").run()
    karte.checkbox(key="f_gaps").check().run()
    abdeckung.run()
    _open("abdeckung")
    _open("karte")

    now = _shared_values()
    for k, data in snapshot.items():
        if k in now:  # still cached (an entry may have been evicted)
            _assert_same(pickle.loads(data), now[k], f"{k[0]}")

    # and the shared data set is what the folder holds
    shared = get_dataset()  # the object every session was handed (outside a run)
    fresh = load_dataset(load_settings(SHIPPED_DATA), check_agenda=False)
    for name, frame in _frames(fresh).items():
        pd.testing.assert_frame_equal(_frames(shared)[name], frame, obj=name)
