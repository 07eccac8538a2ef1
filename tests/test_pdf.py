"""PDF reports: A4, expected pages, German text that pypdf can extract, fonts embedded.

The Oldenburg sample data gives the realistic case (31 districts, need file); the tiny
data folder of ``tests/conftest.py`` the exact page counts and the pagination of long
tables.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from quartiersatlas.analysis import analyse
from quartiersatlas.dataset import Dataset, load_dataset
from quartiersatlas.formatting import format_number
from quartiersatlas.need import read_need
from quartiersatlas.overview import city_overview
from quartiersatlas.pdf import overview_pdf, profile_pdf
from quartiersatlas.profile import district_profile
from quartiersatlas.settings import load_settings
from quartiersatlas.staticmap import MapStyle, map_svg, static_map
from tests.conftest import PLACES_HEADER, X0, Y0, latlon_text, write_csv

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data"
A4 = (595.28, 841.89)
TODAY = date(2025, 3, 7)


def text_of(reader: PdfReader) -> list[str]:
    """Text per page with runs of whitespace (and soft hyphens) collapsed."""
    return [
        re.sub(r"\s+", " ", (p.extract_text() or "").replace("\u00ad", "").replace("\u200b", ""))
        for p in reader.pages
    ]


def font_descriptors(reader: PdfReader) -> list[tuple[str, Any]]:
    """(font name, font descriptor) of every font used on any page."""
    found = []
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        fonts = resources.get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if font.get("/Subtype") == "/Type0":
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            else:
                desc = font.get("/FontDescriptor")
            found.append((str(font.get("/BaseFont")), desc.get_object() if desc else None))
    return found


@pytest.fixture(scope="module")
def oldenburg() -> Dataset:
    if not (SHIPPED / "settings.toml").is_file():
        pytest.skip("shipped sample data missing")
    return load_dataset(load_settings(SHIPPED))


@pytest.fixture(scope="module")
def oldenburg_pdfs(oldenburg: Dataset) -> dict[str, bytes]:
    ds = oldenburg
    assert ds.settings.need_path is not None
    need, _ = read_need(ds.settings.need_path, ds.districts)
    a = analyse(ds, need=need)
    return {
        "profile": profile_pdf(district_profile(ds, "kreyenbrueck", analysis=a, today=TODAY), ds),
        "overview": overview_pdf(city_overview(ds, analysis=a, today=TODAY), ds),
    }


@pytest.mark.parametrize("which", ["profile", "overview"])
def test_a4_small_embedded_fonts(oldenburg_pdfs: dict[str, bytes], which: str) -> None:
    data = oldenburg_pdfs[which]
    assert data.startswith(b"%PDF-")
    assert len(data) < 1_000_000  # vector map, subset font
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=0.5)
    fonts = font_descriptors(reader)
    assert fonts, "no fonts found"
    for name, desc in fonts:
        assert "DejaVuSans" in name, name  # no unembedded standard font (Helvetica ...)
        assert desc is not None, f"{name} has no font descriptor"
        assert "/FontFile2" in desc, f"{name} not embedded as TrueType"
    assert reader.metadata is not None
    assert reader.metadata.title


def test_profile_pdf_text(oldenburg: Dataset, oldenburg_pdfs: dict[str, bytes]) -> None:
    reader = PdfReader(io.BytesIO(oldenburg_pdfs["profile"]))
    pages = text_of(reader)
    assert 2 <= len(pages) <= 3
    first, everything = pages[0], " ".join(pages)
    assert "STADTTEIL-STECKBRIEF" in first
    assert "Kreyenbrück" in first
    assert "Stand: 07.03.2025" in first
    pop = oldenburg.population.set_index("district_id")["residents"]
    assert (
        format_number(float(pop["kreyenbrueck"])) in first
    )  # "13.516": German thousands separator
    assert "Datenstand:" in first
    assert oldenburg.settings.districts_note[:40] in first  # what the districts are
    assert "Kennzahlen" in first
    assert "Stadt (Vergleich)" in first
    assert "Legende" in first
    assert "km" in first
    assert "Lücken-Rangliste" in everything
    assert re.search(r"Rang \d+\.(–\d+\.)? von 31", everything)
    assert "Orte im Stadtteil" in everything
    assert "Stadtteiltreff Kreyenbrück" in everything
    assert "Stadtteilteam Bümmerstede und Kreyenbrück" in everything
    assert "Datenquellen" in " ".join(pages[-2:])  # the sources close the document
    assert "ODbL" in everything
    assert "Zensus 2022" in everything
    for page in pages:  # the status flag on every page
        assert "Datenstand beachten" in page


def test_overview_pdf_text(oldenburg: Dataset, oldenburg_pdfs: dict[str, bytes]) -> None:
    reader = PdfReader(io.BytesIO(oldenburg_pdfs["overview"]))
    pages = text_of(reader)
    assert 3 <= len(pages) <= 4
    everything = " ".join(pages)
    assert "STADTÜBERSICHT" in pages[0]
    assert "Oldenburg (Oldb)" in pages[0]
    assert "172.759" in everything
    for name in oldenburg.districts["name"]:
        assert name in everything
    assert "Lücken-Rangliste" in everything
    assert "kein Stadtteilteam" in everything
    # The ranking explains its order: every sort key in words and as a column.
    assert "Reihenfolge: zuerst nach Zahl der erfüllten Kriterien" in everything
    assert "gleiche Werte = geteilter Rang" in everything
    assert "treffende Kriterien (von 2) Fläche im Umkreis (%) Einwohner ohne Ort" in everything
    # a row: rank, district, score, share (%), residents without provision
    assert re.search(r"\b1\. [A-ZÄÖÜ][\w-]* \d \d+ [\d.]+ ", everything)
    assert "Stadtteile im Vergleich" in everything
    assert "Anteil SGB-II-" in everything
    assert "Datenquellen" in pages[-1]
    assert oldenburg.settings.population_note[:40] in pages[0]


def test_tiny_profile_and_overview_pages(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    profile = district_profile(ds, "beta", today=TODAY)
    reader = PdfReader(io.BytesIO(profile_pdf(profile, ds)))
    pages = text_of(reader)
    assert len(pages) == 2
    assert "Beta" in pages[0]
    assert "2.000" in pages[0]
    assert "Seite 1 von 2" in pages[0]
    assert "Seite 2 von 2" in pages[1]
    assert "Rang 1. von 3" in " ".join(pages)
    assert "100 % der Fläche ohne Angebot im Umkreis von 500 m" in " ".join(pages)
    overview = PdfReader(io.BytesIO(overview_pdf(city_overview(ds, today=TODAY), ds)))
    assert len(overview.pages) == 2
    assert "Teststadt" in text_of(overview)[0]


def test_long_tables_continue_with_their_header(data_dir: Path) -> None:
    rows = []
    for i in range(90):
        lat, lon = latlon_text(X0 + 100 + (i % 9) * 100, Y0 + 100 + (i // 9) * 80)
        rows.append(
            [
                f"p{i:03d}",
                f"Treffpunkt Nummer {i:03d}",
                "stadtteiltreff",
                lat,
                lon,
                "exact",
                "active",
            ]
        )
    write_csv(data_dir / "places.csv", PLACES_HEADER, rows)
    ds = load_dataset(load_settings(data_dir))
    reader = PdfReader(io.BytesIO(profile_pdf(district_profile(ds, "alpha"), ds)))
    pages = text_of(reader)
    with_rows = [p for p in pages if "Treffpunkt Nummer" in p]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert "Adresse" in page  # the header is repeated
    everything = " ".join(pages)
    for i in (0, 45, 89):
        assert f"Treffpunkt Nummer {i:03d}" in everything


def test_static_map_svg_has_text_and_no_tiles(data_dir: Path) -> None:
    ds = load_dataset(load_settings(data_dir))
    a = analyse(ds)
    fig = static_map(
        ds,
        kinds=ds.settings.kind_ids,
        uncovered=a.uncovered,
        radius_m=500.0,
        highlight="beta",
        style=MapStyle(),
    )
    svg = map_svg(fig).decode("utf-8")
    assert "<image" not in svg  # no raster (no tiles)
    assert "<metadata" not in svg
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert any(t.endswith(" km") for t in texts)  # scale bar
    for expected in ("Beta", "Legende", "N", "ausgewählter Stadtteil: Beta"):
        assert expected in texts, f"{expected!r} not among {texts}"
    assert any(t.startswith("weiter als 500 m") for t in texts)
    assert any(t.startswith("Maßstab etwa 1:") for t in texts)
