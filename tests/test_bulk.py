"""Bulk helpers: the collector paused only where asked and always switched back on;
object arrays filled like ``np.full``; numbers parsed by Arrow as by pandas."""

from __future__ import annotations

import argparse
import gc

import numpy as np
import pandas as pd
import pytest

from quartiersatlas._errors import DataError
from quartiersatlas.bulk import gc_paused, object_full
from quartiersatlas.cli_common import EXIT_PROBLEMS, run_guarded
from quartiersatlas.problems import Problem
from quartiersatlas.validate import parse_number


def test_collector_paused_inside_and_back_on_after_an_error() -> None:
    inside: list[bool] = []

    def fail() -> None:
        with gc_paused():
            inside.append(gc.isenabled())
            raise RuntimeError("x")

    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        fail()
    assert inside == [False]
    assert gc.isenabled()


def test_run_guarded_pauses_the_collector_only_when_asked() -> None:
    seen: list[bool] = []

    def command(args: argparse.Namespace) -> int:
        seen.append(gc.isenabled())
        raise DataError([Problem("orte.csv", 2, "lat", "kaputt")])

    args = argparse.Namespace()
    assert run_guarded(command, args, "prog", pause_gc=True) == EXIT_PROBLEMS
    assert run_guarded(command, args, "prog") == EXIT_PROBLEMS
    assert seen == [False, True]
    assert gc.isenabled()  # on again after the failed command


@pytest.mark.parametrize("value", ["none", "", None, 3])
def test_object_full_is_np_full(value: object) -> None:
    got = object_full(5, value)
    want = np.full(5, value, dtype=object)
    assert got.dtype == object
    assert got.tolist() == want.tolist()


@pytest.mark.parametrize(
    "cells",
    [
        ["53.1", "", "-8.25", "1e3", ".5", "5."],  # Arrow's cast
        ["53,1", "8.2", ""],  # a decimal comma: the general way
        ["53.1", "x", "1 000,5"],  # unparsable cells: NaN, reported by the caller
        ["0x10", "1_000", "١٢"],  # what pandas does not read, Arrow must not read either
    ],
)
def test_parse_number_agrees_with_pandas_rules(cells: list[str]) -> None:
    expected = []
    for c in cells:
        t = c.strip().replace(" ", "")
        if "," in t and "." not in t:
            t = t.replace(",", ".")
        expected.append(pd.to_numeric(t, errors="coerce") if t else np.nan)
    for dtype in (object, "str"):
        got = parse_number(pd.Series(cells, dtype=dtype)).to_numpy(dtype=float)
        np.testing.assert_array_equal(got, np.asarray(expected, dtype=float))
