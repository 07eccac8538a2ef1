"""What every viewer of a view shares (issue 16): ``ui.viewcache`` and its users.

- keys are plain values; anything else is refused, so a key cannot silently stand for an
  object whose content it does not name;
- a value is made once per key, and a different key makes a different value;
- the data folder is looked at once per page run however often a page asks for the data
  set, and again on the next run (a saved file is seen);
- a table shared between sessions follows the selection (no stale table for another view).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from quartiersatlas.analysis import Selection

REPO_ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = REPO_ROOT / "dashboard.py"


@pytest.fixture(autouse=True)
def _repo_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))
    monkeypatch.delenv("QUARTIERSATLAS_DATA", raising=False)


@dataclasses.dataclass
class _Mutable:
    value: int = 1


@pytest.mark.parametrize(
    "part",
    [pd.DataFrame({"a": [1]}), [1, 2], {"a": 1}, _Mutable(), object(), ("ok", [1])],
    ids=["frame", "list", "dict", "mutable-dataclass", "object", "nested-list"],
)
def test_a_key_part_that_is_not_plain_is_refused(part: object) -> None:
    from ui.viewcache import key_text

    with pytest.raises(TypeError, match="not a plain view-cache key part"):
        key_text(("table", part))


def test_a_selection_is_a_plain_key_and_its_text_names_every_choice() -> None:
    from ui.viewcache import key_text

    one = Selection(kinds=("ort_fuer_alle",), statuses=("active",), radius_m=500.0)
    other = dataclasses.replace(one, radius_m=500.5)
    assert key_text(("x", one)) == key_text(("x", dataclasses.replace(one)))
    assert key_text(("x", one)) != key_text(("x", other))
    assert key_text(("x", one)) != key_text(("x", dataclasses.replace(one, require=("ramp",))))


def test_a_value_is_made_once_per_key() -> None:
    from ui.viewcache import shared

    calls: list[str] = []

    def make(tag: str) -> list[str]:
        calls.append(tag)
        return [tag]

    token = f"test-{id(calls)}"  # keys of this test only
    first = shared((token, "a"), lambda: make("a"))
    again = shared((token, "a"), lambda: make("a-again"))
    other = shared((token, "b"), lambda: make("b"))
    assert first is again
    assert first == ["a"]
    assert other == ["b"]
    assert calls == ["a", "b"]


def _open(page: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=90).run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_data_folder_is_looked_at_once_per_page_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ui.data

    at = _open("abdeckung")
    calls: list[Path] = []
    real = ui.data.data_fingerprint

    def counting(folder: Path) -> tuple[tuple[str, int, int], ...]:
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(ui.data, "data_fingerprint", counting)
    at.run()
    assert not at.exception
    assert len(calls) == 1  # the page, its download buttons and its link state share it
    at.run()
    assert len(calls) == 2  # and every run looks again


def _table(at: AppTest, header: str) -> pd.DataFrame:
    for frame in at.dataframe:
        value = frame.value
        if header in value.columns:
            return value
    raise AssertionError(f"no table with the column {header!r}")


def test_a_shared_table_follows_the_selection() -> None:
    from quartiersatlas.texts import COVERAGE_COLUMN_LABELS

    district = COVERAGE_COLUMN_LABELS["district"]
    one = _open("abdeckung")
    one.radio(key="ab_radius_choice").set_value("300").run()
    assert not one.exception
    two = _open("abdeckung")
    two.radio(key="ab_radius_choice").set_value("1000").run()
    assert not two.exception
    small = _table(one, district)
    large = _table(two, district)
    covered = [c for c in small.columns if "%" in c and "300" in c]
    assert covered, list(small.columns)  # the header names the radius: 300 m
    assert not any("300" in c for c in large.columns)
    # the same districts, each at least as covered within 1,000 m as within 300 m
    wide = [c for c in large.columns if "%" in c and "1.000" in c]
    assert wide, list(large.columns)
    merged = small[[district, covered[0]]].merge(large[[district, wide[0]]], on=district)
    assert len(merged) == len(small)
    assert (merged[wide[0]].fillna(0) >= merged[covered[0]].fillna(0) - 1e-9).all()
    assert (merged[wide[0]].fillna(0) > merged[covered[0]].fillna(0)).any()

    one.run()  # the first viewer's next run: still its own table
    assert _table(one, district).equals(small)


def test_the_shipped_server_config_keeps_page_runs_cheap_and_private() -> None:
    """`.streamlit/config.toml`, which `make run` uses: no source watching and no full
    garbage collection after every run (each about as costly as a whole page run), no
    usage statistics sent to a third party."""
    import tomllib

    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
    assert config["runner"]["postScriptGC"] is False
    assert config["browser"]["gatherUsageStats"] is False
