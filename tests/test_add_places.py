"""``coverage --add-places FILE``: hypothetical places on top of the inventory.

The output must equal ``coverage`` on the union of both files (same shares to 1e-9), and
adding places must never lower a share. Ids already in the places file are rejected
with a message naming the file, row and id; the other hypothetical places still count.
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest

from quartiersatlas import cli

DATA = Path(__file__).resolve().parent.parent / "data"
SHARES = ("area_covered_share", "residents_covered_share", "group_residents_covered")


def coverage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str, radius: str = "500"
) -> tuple[int, dict[str, dict[str, object]], str]:
    out = tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}.json"
    code = cli.main(
        [
            "coverage",
            "--data",
            str(DATA),
            "--radius",
            radius,
            "--format",
            "json",
            "-o",
            str(out),
            *list(extra),
        ]
    )
    err = capsys.readouterr().err
    rows = json.loads(out.read_text(encoding="utf-8"))
    return code, {str(r["district_id"]): r for r in rows}, err


def shipped_places() -> tuple[list[str], list[list[str]]]:
    with (DATA / "places.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def hypothetical_rows(header: list[str], seed: int, n: int) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        row = dict.fromkeys(header, "")
        row.update(
            id=f"hypo-{seed}-{i}",
            name=f"Hypothetischer Ort {i}",
            kind=rng.choice(["ort_fuer_alle", "stadtteiltreff", "bibliothek"]),
            lat=f"{rng.uniform(53.09, 53.19):.6f}",
            lon=f"{rng.uniform(8.15, 8.29):.6f}",
            coord_quality="exact",
            status="active",
            step_free=rng.choice(["yes", "no", "unknown"]),
            target_groups="alle",
        )
        rows.append([row[c] for c in header])
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.mark.parametrize(("seed", "n", "radius"), [(1, 1, "500"), (2, 4, "300"), (3, 12, "1000")])
def test_add_places_equals_coverage_of_the_union(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: int, n: int, radius: str
) -> None:
    header, rows = shipped_places()
    extra = hypothetical_rows(header, seed, n)
    add = write(tmp_path / "neu.csv", header, extra)
    union = write(tmp_path / "union.csv", header, rows + extra)
    code_a, added, _ = coverage(tmp_path, capsys, "--add-places", str(add), radius=radius)
    code_u, joint, _ = coverage(tmp_path, capsys, "--places", str(union), radius=radius)
    code_0, before, _ = coverage(tmp_path, capsys, radius=radius)
    assert code_a == code_u  # the same problems (points outside the city) either way
    assert code_0 == 0
    assert added.keys() == joint.keys() == before.keys()
    changed = 0
    for district, row in added.items():
        assert row["places"] == joint[district]["places"]
        for col in SHARES:
            a, u, b = (float(str(r[district][col] or 0.0)) for r in (added, joint, before))
            assert a == pytest.approx(u, abs=1e-9), (district, col)
            assert a >= b - 1e-12, (district, col)  # adding places never lowers a share
            changed += a > b + 1e-12
    assert changed > 0  # the hypothetical places reach someone


def test_taken_ids_are_refused_by_row_and_the_rest_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header, rows = shipped_places()
    extra = hypothetical_rows(header, 7, 2)
    extra[0][header.index("id")] = rows[0][header.index("id")]  # an inventory id
    add = write(tmp_path / "neu.csv", header, extra)
    code, added, err = coverage(tmp_path, capsys, "--add-places", str(add))
    _, before, _ = coverage(tmp_path, capsys)
    assert code == 1
    assert f"neu.csv:2: id: Die Kennung „{rows[0][0]}“ gibt es schon" in err
    total = sum(int(str(r["places"])) for r in added.values())
    assert total == sum(int(str(r["places"])) for r in before.values()) + 1


def test_a_bad_add_file_is_named_with_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = tmp_path / "neu.csv"
    add.write_text(
        "id,name,kind,lat,lon,coord_quality,status\n"
        "a,Ort A,ort_fuer_alle,dreiundfünfzig,8.2,exact,active\n"
        "b,Ort B,keine_art,53.14,8.21,exact,active\n",
        encoding="utf-8",
    )
    code, _, err = coverage(tmp_path, capsys, "--add-places", str(add))
    assert code == 1
    assert "neu.csv:2: lat:" in err
    assert "neu.csv:3: kind:" in err
