"""``python -m quartiersatlas network prepare`` and ``coverage --network --profile``.

The real extract ``../shared/data/hoyerswerda-osm`` is used where present (skipped with
a reason otherwise); the coverage runs use a synthetic street grid over the test
districts of ``tests/conftest.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from quartiersatlas import cli
from quartiersatlas.cli_coverage import OUTPUT_COLUMNS
from quartiersatlas.network import Network
from quartiersatlas.network_io import read_network, write_network
from tests.conftest import HOYERSWERDA, X0, Y0, needs_extract


def street_grid(path: Path) -> Path:
    """Streets every 100 m over the test districts (EPSG:25832), written as a file."""
    xs, ys = np.meshgrid(X0 - 200 + np.arange(36) * 100.0, Y0 - 200 + np.arange(15) * 100.0)
    xy = np.column_stack([xs.ravel(), ys.ravel()])
    idx = np.arange(len(xy)).reshape(15, 36)
    u = np.concatenate([idx[:, :-1].ravel(), idx[:-1, :].ravel()])
    v = np.concatenate([idx[:, 1:].ravel(), idx[1:, :].ravel()])
    net = Network("EPSG:25832", xy, u, v, np.ones(len(u), dtype=bool), meta={"source_name": "t"})
    return write_network(net, path)


def coverage_args(data_dir: Path, *extra: str) -> list[str]:
    return [
        "coverage",
        "--districts",
        str(data_dir / "geo" / "stadtteile.geojson"),
        "--places",
        str(data_dir / "places.csv"),
        "--population",
        str(data_dir / "population.csv"),
        "--radius",
        "700",
        *extra,
    ]


def rows(text: str) -> dict[str, dict[str, object]]:
    return {str(r["district_id"]): r for r in json.loads(text)}


def test_coverage_with_network_has_the_same_fields_plus_the_mode(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    net = street_grid(tmp_path / "netz.npz")
    assert cli.main(coverage_args(data_dir)) == 0
    straight = rows(capsys.readouterr().out)
    assert cli.main(coverage_args(data_dir, "--network", str(net), "--profile", "walk")) == 0
    walk = rows(capsys.readouterr().out)
    assert cli.main(coverage_args(data_dir, "--network", str(net), "--profile", "wheelchair")) == 0
    wheel = rows(capsys.readouterr().out)
    assert set(straight) == set(walk) == set(wheel) == {"alpha", "beta", "gamma"}
    for d in straight:
        assert list(walk[d]) == list(straight[d])
        assert list(walk[d])[: len(OUTPUT_COLUMNS)] == list(OUTPUT_COLUMNS)
        assert straight[d]["distance_mode"] == "straight"
        assert walk[d]["distance_mode"] == "walk"
        assert wheel[d]["distance_mode"] == "wheelchair"
        assert walk[d]["places"] == straight[d]["places"]
    share = "area_covered_share"
    # Streets in a grid: walking (Manhattan) reaches less than the straight line.
    assert all(float(walk[d][share]) <= float(straight[d][share]) + 1e-12 for d in straight)  # type: ignore[arg-type]
    assert float(walk["alpha"][share]) < float(straight["alpha"][share])  # type: ignore[arg-type]
    assert float(walk["alpha"][share]) > 0  # type: ignore[arg-type]
    # No place in the test data has a confirmed step-free entrance: nothing covered.
    assert all(float(wheel[d][share]) == 0.0 for d in wheel)  # type: ignore[arg-type]


def test_coverage_network_from_the_data_folder(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    street_grid(data_dir / "netz.npz")
    settings = data_dir / "settings.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + '\n[network]\nfile = "netz.npz"\n',
        encoding="utf-8",
    )
    argv = ["coverage", "--data", str(data_dir), "--radius", "700", "--profile", "walk"]
    assert cli.main(argv) == 0
    out = rows(capsys.readouterr().out)
    assert {r["distance_mode"] for r in out.values()} == {"walk"}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--profile", "walk"], "braucht ein Wegenetz"),
        (["--network", "NETZ"], "braucht --profile"),
        (["--network", "MISSING", "--profile", "walk"], "Netzdatei nicht gefunden"),
        (["--profile", "bike"], "invalid choice"),
    ],
)
def test_coverage_network_usage_errors(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    net = str(street_grid(tmp_path / "netz.npz"))
    extra = [
        net if e == "NETZ" else str(tmp_path / "none.npz") if e == "MISSING" else e for e in extra
    ]
    try:
        code = cli.main(coverage_args(data_dir, *extra))
    except SystemExit as exc:  # argparse refuses an unknown choice
        code = int(exc.code or 0)
    assert code == 2
    assert message in capsys.readouterr().err


def test_coverage_with_a_broken_network_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"\x00" * 64)
    assert cli.main(coverage_args(data_dir, "--network", str(broken), "--profile", "walk")) == 1
    err = capsys.readouterr().err
    assert "broken.npz" in err
    assert "network prepare" in err  # how to make a new one


def test_coverage_network_far_from_the_districts(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    far = Network(
        "EPSG:25832",
        np.array([[0.0, 0.0], [100.0, 0.0]]),
        np.array([0]),
        np.array([1]),
        np.array([True]),
    )
    path = write_network(far, tmp_path / "far.npz")
    assert cli.main(coverage_args(data_dir, "--network", str(path), "--profile", "walk")) == 1
    assert "überdeckt die Stadtteile nicht" in capsys.readouterr().err


@needs_extract
def test_prepare_hoyerswerda(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "hoyerswerda.npz"
    code = cli.main(["network", "prepare", "--osm", str(HOYERSWERDA), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Netzdatei geschrieben" in captured.out
    assert "Profil wheelchair" in captured.out
    net = read_network(out)
    assert net.crs == "EPSG:25833"
    assert net.nodes > 1000
    assert 0 < net.edge_wheelchair.mean() < 1


@needs_extract
def test_prepare_with_a_boundary_elsewhere(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        [
            "network",
            "prepare",
            "--osm",
            str(HOYERSWERDA),
            "--boundary",
            str(data_dir / "geo" / "stadtteile.geojson"),
            "--out",
            str(tmp_path / "n.npz"),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "Hoyerswerda.osm.pbf" in err
    assert "überdeckt die Stadtteile nicht" in err
    assert not (tmp_path / "n.npz").exists()


def test_prepare_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = ["network", "prepare", "--osm", str(tmp_path / "x.osm.pbf"), "--out", "n.npz"]
    assert cli.main(missing) == 2
    assert "OSM-Auszug nicht gefunden" in capsys.readouterr().err
    broken = tmp_path / "broken.osm.pbf"
    broken.write_text("<html>not osm</html>", encoding="utf-8")
    argv = ["network", "prepare", "--osm", str(broken), "--out", str(tmp_path / "n.npz")]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "broken.osm.pbf" in err
    assert "kein lesbarer OpenStreetMap-Auszug" in err
    wrong = ["network", "prepare", "--osm", str(broken), "--out", str(tmp_path / "n.gpkg")]
    assert cli.main(wrong) == 2
    assert ".npz" in capsys.readouterr().err


def test_network_help_is_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["network", "prepare", "--help"])
    assert "OpenStreetMap-Auszug" in capsys.readouterr().out
