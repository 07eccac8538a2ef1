"""``python -m quartiersatlas report``: PDFs from the command line, exit codes.

Tested through a parser built with ``add_report_parser`` (the code path of
``python -m quartiersatlas`` once cli.py wires it in) and through
``quartiersatlas.cli.main`` when it is wired.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from quartiersatlas import cli
from quartiersatlas.cli_report import add_report_parser, run_report
from tests.conftest import PLACES_HEADER, X0, Y0, latlon_text, write_csv

REPO = Path(__file__).resolve().parents[1]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m quartiersatlas")
    sub = parser.add_subparsers(dest="command")
    add_report_parser(sub)
    return run_report(parser.parse_args(["report", *argv]))


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


@pytest.mark.parametrize("name", ["Gamma", "gamma", "GAMMA", " gamma "])
def test_profile_by_name_or_id_case_insensitive(
    data_dir: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "gamma.pdf"
    assert run(["--district", name, "--out", str(out), "--data", str(data_dir)]) == 0
    text = pdf_text(out)
    assert "STADTTEIL-STECKBRIEF" in text
    assert "Gamma" in text
    assert "3.000" in text
    printed = capsys.readouterr().out
    assert "Stadtteil-Steckbrief Gamma geschrieben" in printed
    assert "2 Seiten" in printed


def test_overview_honours_quartiersatlas_data(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUARTIERSATLAS_DATA", str(data_dir))
    out = tmp_path / "stadt.pdf"
    assert run(["--overview", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "STADTÜBERSICHT" in text
    assert "Teststadt" in text
    assert "Alpha" in text
    assert "Beta" in text
    assert "Gamma" in text


def test_radius_kinds_and_status_options(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "beta.pdf"
    args = ["--district", "beta", "--out", str(out), "--data", str(data_dir)]
    assert run([*args, "--radius", "1000", "--kinds", "Ort für Alle", "--status", "planned"]) == 0
    text = pdf_text(out)
    assert "Umkreis R = 1.000 m" in text
    assert "Arten von Orten: Orte für Alle" in text
    assert "Es zählen Orte mit Status: geplant" in text
    assert "Rang 3. von 3" in text  # the planned place now covers Beta


def test_unknown_district_is_a_usage_error_naming_the_districts(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert run(["--district", "Alfa", "--out", str(out), "--data", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "unbekannter Stadtteil 'Alfa'" in err
    assert "Meinten Sie: Alpha?" in err
    assert "Vorhandene Stadtteile: Alpha, Beta, Gamma" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--kinds", "schwimmbad"], "unbekannte Art(en): schwimmbad"),
        (["--status", "open"], "unbekannter Status: open"),
        (["--require", "lift"], "unbekannte Merkmale: lift"),
    ],
)
def test_other_usage_errors(
    data_dir: Path,
    tmp_path: Path,
    extra: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "x.pdf"
    assert run(["--overview", "--out", str(out), "--data", str(data_dir), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_missing_output_folder_and_data_folder(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope" / "x.pdf"
    assert run(["--overview", "--out", str(missing), "--data", str(data_dir)]) == 2
    assert "Ordner für die Ausgabedatei existiert nicht" in capsys.readouterr().err
    out = tmp_path / "x.pdf"
    assert run(["--overview", "--out", str(out), "--data", str(tmp_path / "none")]) == 2
    assert "existiert nicht" in capsys.readouterr().err


def test_district_and_overview_exclude_each_other(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        run(["--district", "alpha", "--overview", "--out", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        run(["--out", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2


def test_data_errors_exit_1_and_the_pdf_is_still_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lat, lon = latlon_text(X0 + 500, Y0 + 500)
    write_csv(
        data_dir / "places.csv",
        PLACES_HEADER,
        [
            ["ok", "Treff", "stadtteiltreff", lat, lon, "exact", "active"],
            ["bad", "Schwimmbad", "schwimmbad", lat, lon, "exact", "active"],
        ],
    )
    out = tmp_path / "alpha.pdf"
    assert run(["--district", "alpha", "--out", str(out), "--data", str(data_dir)]) == 1
    assert out.read_bytes().startswith(b"%PDF")
    assert "1 Fehler in den Daten" in capsys.readouterr().err


_WIRED = "report" in cli.build_parser().format_help()


@pytest.mark.skipif(not _WIRED, reason="report not yet wired into quartiersatlas/cli.py")
def test_wired_into_the_main_command_line(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "alpha.pdf"
    assert (
        cli.main(["report", "--district", "Alpha", "--out", str(out), "--data", str(data_dir)]) == 0
    )
    assert out.is_file()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "quartiersatlas",
            "report",
            "--overview",
            "--out",
            str(tmp_path / "o.pdf"),
            "--data",
            str(data_dir),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "o.pdf").read_bytes().startswith(b"%PDF")
