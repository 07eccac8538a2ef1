#!/usr/bin/env python3
"""Build places, Stadtteilteams and networks of the Oldenburg sample data in ``data/``.

Run from the project root::

    .venv/bin/python scripts/build_sample_data.py            # (re)write the three files
    .venv/bin/python scripts/build_sample_data.py --check    # exit 1 if one is stale

Writes ``places.csv``, ``stadtteilteams.csv`` and ``networks.csv``, nothing else. The
district layer ``geo/stadtteile.geojson``, the population grid and ``population.csv`` are
real data built by ``scripts/build_real_data.py``; this script neither reads nor writes
them.

The output is deterministic: no randomness, no network, sorted rows, fixed number
formats; running the script twice gives byte-identical files. What it writes, and what
of it is estimated, is documented in ``data/README.md``.

Inputs (all embedded below, so the script works without any other file):

* ``DISTRICTS``: the names of the 31 OSM "Ortsbereiche" of Oldenburg with the centroid
  the research table uses as a location estimate (derived from OpenStreetMap,
  © OpenStreetMap contributors, ODbL). District names stated by the research must be
  among them, and a ``district_centroid_ESTIMATE`` must be the centroid of a stated
  district (otherwise a warning).
* ``ENTRIES``: the 44 rows of the third-party research table
  ``shared/reference/oldenburg-places-research.csv`` verbatim (``ResearchRow``), each
  with the editorial decisions for the sample data (``Curation``: id, display name,
  German notes, contact office). When the research table is present beside the project
  it is compared with the embedded copy and differences are reported; it is never
  needed.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the project is not installed as a package
    sys.path.insert(0, str(ROOT))

from quartiersatlas.schema import (  # noqa: E402
    ACCESS_VALUES,
    ACCESSIBILITY_COLUMNS,
    COORD_QUALITIES,
    GROUP_COLUMNS,
    NETWORK_TYPES,
    PLACE_COLUMNS,
    STATUSES,
    TARGET_GROUPS,
)

DATA_DIR = ROOT / "data"
REFERENCE_CSV = ROOT.parent / "shared" / "reference" / "oldenburg-places-research.csv"
SETTINGS_FILE = "settings.toml"

DECIMALS = 6  # coordinate decimals written (about 0.1 m)

# ---------------------------------------------------------------------------------------
# Districts
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    """One OSM district (Ortsbereich): name and centroid (WGS84)."""

    name: str
    lat: float
    lon: float


DISTRICTS: tuple[District, ...] = (
    District("Alexandersfeld", 53.18455, 8.19377),
    District("Bahnhofsviertel", 53.14232, 8.22293),
    District("Bloherfelde", 53.14188, 8.15887),
    District("Bornhorst", 53.16947, 8.27840),
    District("Bümmerstede", 53.09345, 8.22658),
    District("Bürgeresch", 53.15332, 8.22413),
    District("Bürgerfelde", 53.16772, 8.20577),
    District("Dietrichsfeld", 53.16376, 8.18975),
    District("Dobbenviertel", 53.13890, 8.20260),
    District("Donnerschwee", 53.15072, 8.24183),
    District("Drielake", 53.13522, 8.24385),
    District("Drielaker-Moor", 53.12269, 8.25099),
    District("Ehnernviertel", 53.15743, 8.21519),
    District("Etzhorn", 53.18837, 8.24270),
    District("Eversten", 53.12647, 8.17600),
    District("Fliegerhorst", 53.17459, 8.17473),
    District("Gerichtsviertel", 53.13392, 8.21707),
    District("Haarenesch", 53.14478, 8.20043),
    District("Haarentor", 53.14797, 8.18599),
    District("Innenstadt", 53.14087, 8.21300),
    District("Kreyenbrück", 53.10727, 8.21425),
    District("Krusenbusch", 53.09713, 8.25158),
    District("Nadorst", 53.17037, 8.22379),
    District("Neuenwege", 53.13958, 8.27764),
    District("Nordmoslesfehn", 53.11355, 8.15013),
    District("Ofenerdiek", 53.18918, 8.21309),
    District("Ohmstede", 53.16746, 8.24704),
    District("Osternburg", 53.12511, 8.22761),
    District("Tweelbäke", 53.11006, 8.26637),
    District("Wechloy", 53.15641, 8.16889),
    District("Ziegelhof", 53.15273, 8.20390),
)

# ---------------------------------------------------------------------------------------
# Research rows and editorial decisions
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResearchRow:
    """One row of the research table, verbatim (``source`` split at " ; ")."""

    category: str
    name: str
    address: str
    district_stated: str
    lat: str
    lon: str
    coord_quality: str
    status: str
    notes: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Curation:
    """Editorial decisions for one research row.

    ``id_text`` is slugified into the id; ``address`` and ``districts`` replace the
    research values when given (``districts`` as exact names joined by "; "); ``coord_ref``
    names the reference point of a nearby_reference_point_ESTIMATE in German;
    ``contact`` is an office or role named by the research, never a person.
    """

    id_text: str
    name: str
    notes: str = ""
    address: str | None = None
    districts: str | None = None
    contact: str = ""
    coord_ref: str = ""
    since: str = ""
    until: str = ""
    meeting_place: str = ""
    target_groups: tuple[str, ...] | None = None
    source_date: str = ""


@dataclass(frozen=True)
class Entry:
    """A research row with its editorial decisions."""

    research: ResearchRow
    cur: Curation


KITA_NOTE = (
    "Städtische Kita, genannt für die Infotage im Januar 2022; nicht unbedingt ein Familienzentrum."
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        ResearchRow(
            category="Gemeinwesenarbeit/Stadtteiltreff",
            name="Stadtteiltreff Kreyenbrück (Gemeinwesenarbeit, Stadt Oldenburg)",
            address="Alter Postweg 1 (Klingenbergplatz)",
            district_stated="Kreyenbrück",
            lat="53.10727",
            lon="8.21425",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes=(
                "In Stadtteilzentrum with Stadtteilbibliothek, ASD, Bezirk Süd Amt für Teilhabe "
                "und Soziales since 9 Mar 2020; earlier An den Voßbergen 58 (1996–2020), "
                "Frankfurter Weg (1991). PLZ not verified."
            ),
            sources=(
                "https://wahl.oldenburg.de/startseite/kultur/gemeinwesenarbeit/stadtteiltreff-kreyenbrueck/stadtteiltreff-kreyenbrueck-zieht-um.html",
                "https://www.oldenburg.de/startseite/kultur/gemeinwesenarbeit/stadtteiltreff-kreyenbrueck/30-jahre-stadtteiltreff.html",
            ),
        ),
        Curation(
            id_text="Stadtteiltreff Kreyenbrück",
            name="Stadtteiltreff Kreyenbrück",
            contact="Stadt Oldenburg, Gemeinwesenarbeit",
            notes=(
                "Seit 9. März 2020 im Stadtteilzentrum mit Stadtteilbibliothek, ASD und Bezirk "
                "Süd des Amts für Teilhabe und Soziales; vorher An den Voßbergen 58 (1996–2020) "
                "und Frankfurter Weg (1991). PLZ nicht geprüft."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Gemeinwesenarbeit/Stadtteiltreff",
            name="Stadtteiltreff Dietrichsfeld (Gemeinwesenarbeit)",
            address="Alexanderstraße 331",
            district_stated="Dietrichsfeld",
            lat="53.16376",
            lon="8.18975",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes=(
                'opened ~2007; hosts StoP project; Oct 2025 page: "eine der drei '
                'Gemeinwesenarbeiten"'
            ),
            sources=(
                "https://oldenburg.de/startseite/kultur/gemeinwesenarbeit/stadtteiltreff-dietrichsfeld/aktuelles.html",
            ),
        ),
        Curation(
            id_text="Stadtteiltreff Dietrichsfeld",
            name="Stadtteiltreff Dietrichsfeld",
            contact="Stadt Oldenburg, Gemeinwesenarbeit",
            source_date="2025-10",
            notes=(
                "Eröffnet um 2007; Sitz des Projekts StoP; Stadtseite vom Oktober 2025: „eine der"
                " drei Gemeinwesenarbeiten“."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Gemeinwesenarbeit/Stadtteiltreff",
            name="Treffpunkt Gemeinwesenarbeit Bloherfelde/Eversten (Kennedyviertel)",
            address="Bloherfelder Straße 173",
            district_stated="Bloherfelde/Eversten",
            lat="53.1358795",
            lon="8.1677425",
            coord_quality=(
                "nearby_reference_point_ESTIMATE (Sportanlage Kennedystraße, Ratslotse curated "
                "geocode)"
            ),
            status="active (as of source date)",
            notes="Opened Sept 1997; Kennedyviertel in Soziale Stadt since 2000",
            sources=(
                "https://www.ganz-oldenburg.de/rahmen.php?nid=61&stadtteil=Bloherfelde",
                "https://www.oldenburg.de/startseite/kultur/gemeinwesenarbeit/treffpunkt-bloherfelde/die-geschichte-des-treffpunktes.html",
            ),
        ),
        Curation(
            id_text="Treffpunkt Bloherfelde Eversten",
            name="Treffpunkt Gemeinwesenarbeit Bloherfelde/Eversten (Kennedyviertel)",
            contact="Stadt Oldenburg, Gemeinwesenarbeit",
            coord_ref="Sportanlage Kennedystraße",
            notes=(
                "Eröffnet im September 1997; das Kennedyviertel ist seit 2000 im Programm Soziale"
                " Stadt."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Gemeinwesenarbeit/Stadtteiltreff",
            name="Gemeinwesenarbeit Ohmstede",
            address="ADDRESS NOT FOUND",
            district_stated="Ohmstede",
            lat="53.16746",
            lon="8.24704",
            coord_quality="district_centroid_ESTIMATE",
            status="UNVERIFIED",
            notes=(
                "Listed as one of four Community Service Centres on EN page (changed 21 Nov "
                "2022); a 2025 city page speaks of three GWAs – current status unverified"
            ),
            sources=(
                "https://www.oldenburg.de/sprachversionen/gb/city-administration/families/community-service-centres.html",
            ),
        ),
        Curation(
            id_text="Gemeinwesenarbeit Ohmstede",
            name="Gemeinwesenarbeit Ohmstede",
            source_date="2022-11-21",
            notes=(
                "Auf der englischen Stadtseite (geändert am 21.11.2022) als eines von vier "
                "Gemeinwesenzentren genannt; eine Stadtseite von 2025 spricht von drei "
                "Gemeinwesenarbeiten – heutiger Stand nicht belegt."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Bibliothek",
            name="Stadtbibliothek im PFL",
            address="Peterstraße 3",
            district_stated="Innenstadt/Haarenesch border (OSM point-in-polygon: Haarenesch)",
            lat="53.142851",
            lon="8.207685",
            coord_quality=(
                "site (Kulturzentrum PFL point from a public repo demo GeoJSON; index id "
                "13145673882)"
            ),
            status="active (as of source date)",
            notes="",
            sources=(
                "https://oldenburg.de/metanavigation/presse/pressemitteilung/news/stadtteilbibliothek-eversten-bekommt-neues-mobiliar.html",
            ),
        ),
        Curation(
            id_text="Stadtbibliothek PFL",
            name="Stadtbibliothek im PFL",
            notes=(
                "Im Kulturzentrum PFL; Lage an der Grenze Innenstadt/Haarenesch (in den "
                "OSM-Stadtteilen: Haarenesch)."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Bibliothek",
            name="Kinderbibliothek am PFL",
            address="Peterstraße 1",
            district_stated="Innenstadt/Haarenesch",
            lat="53.142851",
            lon="8.207685",
            coord_quality="nearby_reference_point_ESTIMATE (PFL)",
            status="active (as of source date)",
            notes="",
            sources=(
                "https://oldenburg.de/metanavigation/presse/pressemitteilung/news/stadtteilbibliothek-eversten-bekommt-neues-mobiliar.html",
            ),
        ),
        Curation(
            id_text="Kinderbibliothek PFL",
            name="Kinderbibliothek am PFL",
            coord_ref="Kulturzentrum PFL, Peterstraße 3",
            notes="Koordinate des benachbarten Kulturzentrums PFL übernommen.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Bibliothek",
            name="Stadtteilbibliothek Eversten",
            address="Brandsweg 50",
            district_stated="Eversten",
            lat="53.12647",
            lon="8.176",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="opened 1969 (50 years in 2019, NWZ)",
            sources=(
                "https://oldenburg.de/metanavigation/presse/pressemitteilung/news/stadtteilbibliothek-eversten-bekommt-neues-mobiliar.html",
            ),
        ),
        Curation(
            id_text="Stadtteilbibliothek Eversten",
            name="Stadtteilbibliothek Eversten",
            notes="Eröffnet 1969.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Bibliothek",
            name="Stadtteilbibliothek Flötenteich",
            address="Hochheider Weg 169",
            district_stated="unverified (Ohmstede/Nadorst area)",
            lat="53.1667324",
            lon="8.2340567",
            coord_quality=(
                "nearby_reference_point_ESTIMATE (Flötenteichbad, Ratslotse curated; falls in OSM"
                " Nadorst)"
            ),
            status="active (as of source date)",
            notes="",
            sources=(
                "https://oldenburg.de/metanavigation/presse/pressemitteilung/news/stadtteilbibliothek-eversten-bekommt-neues-mobiliar.html",
            ),
        ),
        Curation(
            id_text="Stadtteilbibliothek Flötenteich",
            name="Stadtteilbibliothek Flötenteich",
            coord_ref="Flötenteichbad",
            notes=(
                "Stadtteil laut Quelle nicht belegt (Gegend Ohmstede/Nadorst); der Bezugspunkt "
                "liegt im OSM-Stadtteil Nadorst."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Bibliothek",
            name="Stadtteilbibliothek Kreyenbrück",
            address="Alter Postweg 1",
            district_stated="Kreyenbrück",
            lat="53.10727",
            lon="8.21425",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="moved from Ewigkeit 20 in 2020; ~17,000 media, 300 m²",
            sources=(
                "https://oldenburg.de/metanavigation/presse/pressemitteilung/news/stadtteilbibliothek-eversten-bekommt-neues-mobiliar.html",
                "https://www.oldenburg.de/metanavigation/presse/pressemitteilung/news/stadtteilbibliothek-kreyenbrueck-packt-die-umzugskartons.html",
            ),
        ),
        Curation(
            id_text="Stadtteilbibliothek Kreyenbrück",
            name="Stadtteilbibliothek Kreyenbrück",
            notes=(
                "2020 von Ewigkeit 20 ins Stadtteilzentrum umgezogen; rund 17.000 Medien auf 300 "
                "m²."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Bibliothek",
            name="Stadtteilbibliothek Ofenerdiek",
            address="Lagerstraße 39 (in Grundschule Ofenerdiek)",
            district_stated="Ofenerdiek",
            lat="53.1919913",
            lon="8.2120213",
            coord_quality=(
                "nearby_reference_point_ESTIMATE (Kunstrasenplatz Ofenerdiek, Ratslotse curated)"
            ),
            status="active (as of source date)",
            notes="",
            sources=(
                "https://oldenburg.de/metanavigation/presse/pressemitteilung/news/stadtteilbibliothek-eversten-bekommt-neues-mobiliar.html",
            ),
        ),
        Curation(
            id_text="Stadtteilbibliothek Ofenerdiek",
            name="Stadtteilbibliothek Ofenerdiek",
            coord_ref="Kunstrasenplatz Ofenerdiek",
            notes="In der Grundschule Ofenerdiek.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Ort für Alle",
            name="ViertelRaum (ViertelRaum e.V.)",
            address="Bodenburgallee 48 / Ecke Von-Thünen-Straße",
            district_stated="Eversten",
            lat="53.12647",
            lon="8.176",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes=(
                'Open since summer 2023; 4,000 EUR grant from "Orte für Alle" budget handed over '
                "30 May 2024"
            ),
            sources=(
                "https://oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/orte-fuer-alle.html",
                "https://www.gsg-oldenburg.de/magazin/nachbarschaftstreff-viertelraum",
            ),
        ),
        Curation(
            id_text="ViertelRaum",
            name="ViertelRaum",
            contact="ViertelRaum e.V.",
            notes=(
                "Geöffnet seit Sommer 2023; 4.000 € aus dem Budget „Orte für Alle“, übergeben am "
                "30.05.2024."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Ort für Alle",
            name="FiDi",
            address="ADDRESS NOT FOUND",
            district_stated="Bürgerfelde",
            lat="53.16772",
            lon="8.20577",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes='Named on city page as another "Ort für Alle" in Bürgerfelde',
            sources=(
                "https://oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/orte-fuer-alle.html",
            ),
        ),
        Curation(
            id_text="FiDi Bürgerfelde",
            name="FiDi",
            notes="Auf der Stadtseite als weiterer „Ort für Alle“ in Bürgerfelde genannt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Ort für Alle",
            name="Bürgerhaus Ofenerdiek",
            address="Lagerstraße 36",
            district_stated="Ofenerdiek",
            lat="53.1919913",
            lon="8.2120213",
            coord_quality="nearby_reference_point_ESTIMATE (Kunstrasenplatz Ofenerdiek)",
            status="planned/under construction (2024)",
            notes=(
                'Pilot project of Gesamtkonzept "Orte für alle"; under construction per 2024 city'
                " page; shares mensa of OBS Ofenerdiek"
            ),
            sources=(
                "https://oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/orte-fuer-alle.html",
                "https://buergerhaus-ofenerdiek.de/das-projekt",
            ),
        ),
        Curation(
            id_text="Bürgerhaus Ofenerdiek",
            name="Bürgerhaus Ofenerdiek",
            coord_ref="Kunstrasenplatz Ofenerdiek",
            notes=(
                "Pilotprojekt des Gesamtkonzepts „Orte für Alle“; laut Stadtseite 2024 im Bau; "
                "nutzt die Mensa der OBS Ofenerdiek mit."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Stadtteilteam",
            name="Stadtteilteam Bümmerstede und Kreyenbrück",
            address=(
                "no fixed address; events at St.-Johannes-Gemeinde (Pasteurstraße 1) and Kleiner "
                "Klingenbergplatz"
            ),
            district_stated="Kreyenbrück; Bümmerstede",
            lat="53.10727",
            lon="8.21425",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes=(
                'Grew out of "Leben im Quartier" pilot (2021); Repair Café of IGS Kreyenbrück; '
                "Spielefestival 10 Sep 2022"
            ),
            sources=(
                "https://gemeinsam.oldenburg.de/oldenburg/de/process/55285",
                "https://ganz-oldenburg.de/rahmen.php?nid=61&stadtteil=Kreyenbr%C3%BCck",
            ),
        ),
        Curation(
            id_text="Stadtteilteam Bümmerstede Kreyenbrück",
            name="Stadtteilteam Bümmerstede und Kreyenbrück",
            districts="Bümmerstede; Kreyenbrück",
            meeting_place="St.-Johannes-Gemeinde, Pasteurstraße 1; Kleiner Klingenbergplatz",
            notes=(
                "Kein fester Treffpunkt; Veranstaltungen an den genannten Orten. Hervorgegangen "
                "aus dem Pilotprojekt „Leben im Quartier“ (2021); Repair-Café der IGS "
                "Kreyenbrück; Spielefestival am 10.09.2022."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Stadtteilteam",
            name="Stadtteilteam Eversten (STT Eversten)",
            address="no fixed address found",
            district_stated="Eversten",
            lat="53.12647",
            lon="8.176",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes=(
                'Founded with city IQM, meets since Feb 2023; street festival "An der '
                'Kreuzkirche" Sept 2023; stands at Hauptstraße 2025'
            ),
            sources=(
                "https://erwachsenleben.de/index.php?option=com_content&view=article&id=296&Itemid=1322&lang=de",
                "https://lebendiges-eversten.de/index.php/unser-jahr-2025",
            ),
        ),
        Curation(
            id_text="Stadtteilteam Eversten",
            name="Stadtteilteam Eversten",
            contact="Stadt Oldenburg, Inklusives Quartiersmanagement",
            since="2023-02",
            notes=(
                "Kein fester Treffpunkt gefunden. Mit dem städtischen Inklusiven "
                "Quartiersmanagement gegründet, trifft sich seit Februar 2023; Straßenfest „An "
                "der Kreuzkirche“ im September 2023; Stände an der Hauptstraße 2025."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Runder Tisch",
            name="Runder Tisch Osternburg",
            address="met in Gemeindehaus Arche (address not given)",
            district_stated="Osternburg",
            lat="53.12511",
            lon="8.2276",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="long-standing; 2–4 meetings/year (city page)",
            sources=(
                "https://www.oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/netzwerke-und-gremien/engagement-in-den-stadtteilen/runde-tische.html",
                "https://www.nwzonline.de/politik/freizeitstaetten-sollen-laenger-oeffnen_a_10,4,3504759549.html",
            ),
        ),
        Curation(
            id_text="Runder Tisch Osternburg",
            name="Runder Tisch Osternburg",
            meeting_place="Gemeindehaus Arche (Adresse nicht angegeben)",
            notes="Besteht seit Langem; 2–4 Treffen im Jahr (Stadtseite).",
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Runder Tisch",
            name="Runder Tisch Bloherfelde",
            address="not given",
            district_stated="Bloherfelde",
            lat="53.14188",
            lon="8.15887",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="long-standing; preceded opening of GWA 1997",
            sources=(
                "https://www.oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/netzwerke-und-gremien/engagement-in-den-stadtteilen/runde-tische.html",
                "https://www.oldenburg.de/startseite/kultur/gemeinwesenarbeit/treffpunkt-bloherfelde/die-geschichte-des-treffpunktes.html",
            ),
        ),
        Curation(
            id_text="Runder Tisch Bloherfelde",
            name="Runder Tisch Bloherfelde",
            notes=(
                "Besteht seit Langem; bestand schon vor der Eröffnung der Gemeinwesenarbeit 1997."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Runder Tisch",
            name="Runder Tisch Krusenbusch",
            address="not given",
            district_stated="Krusenbusch",
            lat="53.09713",
            lon="8.25158",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="long-standing",
            sources=(
                "https://www.oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/netzwerke-und-gremien/engagement-in-den-stadtteilen/runde-tische.html",
            ),
        ),
        Curation(
            id_text="Runder Tisch Krusenbusch",
            name="Runder Tisch Krusenbusch",
            notes="Besteht seit Langem.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Runder Tisch",
            name="Runder Tisch Eversten",
            address="not given",
            district_stated="Eversten",
            lat="53.12647",
            lon="8.176",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="new (page undated, seen 2024/25 context)",
            sources=(
                "https://www.oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/netzwerke-und-gremien/engagement-in-den-stadtteilen/runde-tische.html",
            ),
        ),
        Curation(
            id_text="Runder Tisch Eversten",
            name="Runder Tisch Eversten",
            notes="Neu (Stadtseite undatiert, Kontext 2024/25).",
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Runder Tisch",
            name="Runder Tisch Donnerschwee",
            address="not given",
            district_stated="Donnerschwee",
            lat="53.15072",
            lon="8.24183",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="new",
            sources=(
                "https://www.oldenburg.de/startseite/leben-umwelt/soziales/sozialplanung/netzwerke-und-gremien/engagement-in-den-stadtteilen/runde-tische.html",
            ),
        ),
        Curation(
            id_text="Runder Tisch Donnerschwee",
            name="Runder Tisch Donnerschwee",
            notes="Neu (Stadtseite undatiert).",
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Quartiersrunde",
            name="Quartiersrunde Neu Donnerschwee",
            address="not given",
            district_stated="Donnerschwee",
            lat="53.15072",
            lon="8.24183",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes=(
                "since late 2015, inclusive (people with and without disabilities), city-led "
                "until 2021, now NeuDonnerschwee verbindet e.V.; 4 meetings/year"
            ),
            sources=("https://neudonnerschwee-verbindet.de/quartiersrunde.html",),
        ),
        Curation(
            id_text="Quartiersrunde Neu Donnerschwee",
            name="Quartiersrunde Neu Donnerschwee",
            contact="NeuDonnerschwee verbindet e.V.",
            since="2015",
            target_groups=(
                "alle",
                "menschen_mit_behinderung",
            ),
            notes=(
                "Seit Ende 2015; inklusiv (Menschen mit und ohne Behinderung); bis 2021 von der "
                "Stadt geleitet, jetzt von NeuDonnerschwee verbindet e.V.; 4 Treffen im Jahr."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Projekt",
            name="StoP – Stadtteile ohne Partnergewalt",
            address="at Stadtteiltreff Dietrichsfeld, Alexanderstraße 331",
            district_stated="Dietrichsfeld",
            lat="53.16376",
            lon="8.18975",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="since Sept 2021; weekly women's breakfast; neighbours group every 14 days",
            sources=(
                "https://archiv.ganz-oldenburg.de/rahmen.php?&nid=61&stadtteil=Dietrichsfeld",
            ),
        ),
        Curation(
            id_text="StoP Dietrichsfeld",
            name="StoP – Stadtteile ohne Partnergewalt",
            contact="Stadtteiltreff Dietrichsfeld",
            since="2021-09",
            meeting_place="Stadtteiltreff Dietrichsfeld, Alexanderstraße 331",
            notes=(
                "Seit September 2021; wöchentliches Frauenfrühstück, Nachbarschaftsgruppe alle 14"
                " Tage."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Projekt",
            name="LeNa – Lebendige Nachbarschaft im Ziegelhof (Paritätischer)",
            address="Ziegelhofstraße 125-127",
            district_stated="Ziegelhof",
            lat="53.15273",
            lon="8.2039",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="city-funded project (2022)",
            sources=("https://ganz-oldenburg.de/rahmen.php?nid=61&stadtteil=Ziegelhofviertel",),
        ),
        Curation(
            id_text="LeNa Ziegelhof",
            name="LeNa – Lebendige Nachbarschaft im Ziegelhof",
            contact="Paritätischer (Träger)",
            meeting_place="Ziegelhofstraße 125–127",
            notes="Von der Stadt gefördertes Projekt des Paritätischen (2022).",
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Projekt",
            name="Arrival Cities Oldenburg (URBACT) local group",
            address=(
                "various (IGS Kreyenbrück, GWA Kreyenbrück, IBIS e.V., Yezidisches Forum, BNW, IQ"
                " Netzwerk)"
            ),
            district_stated="mainly Kreyenbrück",
            lat="53.10727",
            lon="8.21425",
            coord_quality="district_centroid_ESTIMATE",
            status="completed project",
            notes="2015–2018; coordinated by Amt für Zuwanderung und Integration",
            sources=(
                "https://www.oldenburg.de/startseite/leben-umwelt/soziales/integration/integrationskonzept/arrival-cities/abschlussdokumentation-uebergeben.html",
            ),
        ),
        Curation(
            id_text="Arrival Cities Oldenburg",
            name="Arrival Cities Oldenburg (URBACT), lokale Gruppe",
            contact="Amt für Zuwanderung und Integration",
            since="2015",
            until="2018",
            meeting_place=(
                "verschiedene Orte (IGS Kreyenbrück, GWA Kreyenbrück, IBIS e.V., Yezidisches "
                "Forum, BNW, IQ Netzwerk)"
            ),
            target_groups=("zugewanderte",),
            notes=(
                "EU-Projekt (URBACT) 2015–2018, abgeschlossen; vor allem Kreyenbrück; koordiniert"
                " vom Amt für Zuwanderung und Integration."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Netzwerk/Projekt",
            name="Leben im Quartier (pilot Bümmerstede/Kreyenbrück)",
            address="conference venue IGS Kreyenbrück, Brandenburger Str. 40",
            district_stated="Kreyenbrück; Bümmerstede",
            lat="53.1111628",
            lon="8.2233552",
            coord_quality=(
                "nearby_reference_point_ESTIMATE (Sportpark Kreyenbrück at Brandenburger Straße)"
            ),
            status="pilot 2021",
            notes="2021 pilot with p+t planung Bremen; 30,000 EUR for up to six small projects",
            sources=(
                "https://www.oldenburg.de/metanavigation/presse/pressemitteilung/news/konferenz-leben-im-quartier-buemmerstede-und-kreyenbrueck.html",
            ),
        ),
        Curation(
            id_text="Leben im Quartier",
            name="Leben im Quartier (Pilot Bümmerstede/Kreyenbrück)",
            districts="Bümmerstede; Kreyenbrück",
            coord_ref="Sportpark Kreyenbrück an der Brandenburger Straße",
            since="2021",
            until="2021",
            meeting_place="Konferenz in der IGS Kreyenbrück, Brandenburger Straße 40",
            notes=(
                "Pilot 2021; heutiger Stand nicht belegt. Mit p+t planung (Bremen); 30.000 € für "
                "bis zu sechs Kleinprojekte. Koordinate geschätzt: Sportpark Kreyenbrück an der "
                "Brandenburger Straße."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Senioren",
            name="Senioren- und Pflegestützpunkt Niedersachsen (SPN) der Stadt Oldenburg",
            address="Straßburger Straße 8",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes="merged 1 July 2015 (Seniorenservicebüro + Pflegestützpunkt)",
            sources=(
                "https://wahl.oldenburg.de/metanavigation/presse/pressemitteilung/news/seniorenservicebuero-und-pflegestuetzpunkt-ab-1-juli-zusammengelegt.html",
            ),
        ),
        Curation(
            id_text="Senioren- und Pflegestützpunkt",
            name="Senioren- und Pflegestützpunkt Niedersachsen (SPN) der Stadt Oldenburg",
            notes="Am 1. Juli 2015 aus Seniorenservicebüro und Pflegestützpunkt zusammengelegt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Senioren",
            name="Bümmersteder Seniorenbüro (BSB)",
            address="Gemeindezentrum Erikaweg",
            district_stated="Bümmerstede",
            lat="53.09345",
            lon="8.22658",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="since 2008; offene Altenhilfe, Träger Ev.-luth. KG Osternburg, funded by city",
            sources=("https://www.ev-kirche-osternburg.de/ueber-uns/seniorenbueros/",),
        ),
        Curation(
            id_text="Bümmersteder Seniorenbüro",
            name="Bümmersteder Seniorenbüro (BSB)",
            contact="Ev.-luth. Kirchengemeinde Osternburg (Träger)",
            notes=(
                "Seit 2008; offene Altenhilfe, Träger Ev.-luth. Kirchengemeinde Osternburg, von "
                "der Stadt gefördert."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Senioren",
            name="Seniorenbegleitung Oldenburg-Süd (SOS)",
            address='"Kiosk" next to Jochen-Klepper-Haus, bus stop Bremer Straße',
            district_stated="not verified (Osternburg/Drielake area)",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes="since 2018/2019",
            sources=("https://www.ev-kirche-osternburg.de/ueber-uns/seniorenbueros/",),
        ),
        Curation(
            id_text="Seniorenbegleitung Oldenburg-Süd",
            name="Seniorenbegleitung Oldenburg-Süd (SOS)",
            address="„Kiosk“ neben dem Jochen-Klepper-Haus, Haltestelle Bremer Straße",
            notes=(
                "Seit 2018/2019. Stadtteil laut Quelle nicht belegt (Gegend Osternburg/Drielake)."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Senioren",
            name="Seniorenbegleitung Oldenburg-Nord (SON)",
            address="Gemeindehaus KG Ofenerdiek, Langenweg 165",
            district_stated="Ofenerdiek",
            lat="53.18918",
            lon="8.21309",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="founded early 2020",
            sources=("https://www.ev-kirche-osternburg.de/ueber-uns/seniorenbueros/",),
        ),
        Curation(
            id_text="Seniorenbegleitung Oldenburg-Nord",
            name="Seniorenbegleitung Oldenburg-Nord (SON)",
            notes="Gegründet Anfang 2020.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Migration/Integration",
            name="DRK Migrationsberatung für erwachsene Zuwanderer (MBE)",
            address="Kaiserstraße 17",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes="new location in former kiosk (article undated; earlier Kaiserstraße 13/15)",
            sources=("https://www.gruene-fraktion-ol.de/3469-2",),
        ),
        Curation(
            id_text="DRK Migrationsberatung",
            name="DRK Migrationsberatung für erwachsene Zuwanderer (MBE)",
            notes=(
                "Neuer Standort in einem ehemaligen Kiosk (Artikel undatiert; vorher Kaiserstraße"
                " 13/15). Stadtteil laut Quelle nicht belegt."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Migration/Integration",
            name="Städtische Migrationssozialarbeit (Amt für Zuwanderung und Integration)",
            address="open consultation hours in the Gemeinwesenarbeiten",
            district_stated="citywide",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes="restructured May 2024",
            sources=(
                "https://www.oldenburg.de/metanavigation/presse/pressemitteilung/news/weltfluechtlingstag-lenkt-den-blick-auf-schutzsuchende-weltweit.html",
            ),
        ),
        Curation(
            id_text="Städtische Migrationssozialarbeit",
            name="Städtische Migrationssozialarbeit",
            address="",
            contact="Amt für Zuwanderung und Integration",
            notes=(
                "Kein eigener Standort: offene Sprechstunden in den Gemeinwesenarbeiten, "
                "stadtweit; im Mai 2024 neu organisiert."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita",
            name="Servicebüro Kindertagesbetreuung (Amt für Jugend und Familie)",
            address="Bergstraße 25",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes="",
            sources=("https://altoka.pep-oldenburg.de/betreuungssituation.html",),
        ),
        Curation(
            id_text="Servicebüro Kindertagesbetreuung",
            name="Servicebüro Kindertagesbetreuung",
            contact="Amt für Jugend und Familie",
            notes="Stadtteil laut Quelle nicht belegt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita An der Beverbäke",
            address="Beverbäker Wiesen 12",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita An der Beverbäke",
            name="Kita An der Beverbäke",
            notes=KITA_NOTE + " Stadtteil laut Quelle nicht belegt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita Cloppenburger Straße",
            address="Cloppenburger Straße 73b",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita Cloppenburger Straße",
            name="Kita Cloppenburger Straße",
            notes=KITA_NOTE + " Stadtteil laut Quelle nicht belegt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita Dietrichsfeld",
            address="Alexanderstraße 300",
            district_stated="Dietrichsfeld",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita Dietrichsfeld",
            name="Kita Dietrichsfeld",
            notes=KITA_NOTE,
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita Eschenplatz",
            address="Eschenplatz 4a",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita Eschenplatz",
            name="Kita Eschenplatz",
            notes=KITA_NOTE + " Stadtteil laut Quelle nicht belegt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita Ernst-Löwenstein-Straße",
            address="Ernst-Löwenstein-Straße 56",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita Ernst-Löwenstein-Straße",
            name="Kita Ernst-Löwenstein-Straße",
            notes=KITA_NOTE + " Stadtteil laut Quelle nicht belegt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita Kennedystraße",
            address="Kennedystraße 55",
            district_stated="Bloherfelde/Eversten (Kennedyviertel)",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita Kennedystraße",
            name="Kita Kennedystraße",
            notes=KITA_NOTE,
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita Klingenbergstraße",
            address="Klingenbergstraße 195",
            district_stated="Kreyenbrück",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita Klingenbergstraße",
            name="Kita Klingenbergstraße",
            notes=KITA_NOTE,
        ),
    ),
    Entry(
        ResearchRow(
            category="Familie/Kita (städtisch)",
            name="Kita Kurlandallee",
            address="Kurlandallee 6",
            district_stated="Ohmstede",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes=(
                'municipal Kita listed for Jan 2022 info days; not necessarily a "Familienzentrum"'
            ),
            sources=(
                "https://oldenburgernachrichten.de/45884/in-krippen-und-kindergaerten-tag-der-offenen-tuer/",
            ),
        ),
        Curation(
            id_text="Kita Kurlandallee",
            name="Kita Kurlandallee",
            notes=KITA_NOTE,
        ),
    ),
    Entry(
        ResearchRow(
            category="Begegnung/Kultur",
            name="Kulturzentrum Rennplatz (Kulturzentrum Ohmstede)",
            address="Kurlandallee (no house number in source)",
            district_stated="Ohmstede",
            lat="53.16746",
            lon="8.24704",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="used by Bürgerverein Ohmstede",
            sources=(
                "https://www.nwzonline.de/wirtschaft/ohmstede-rollende-redaktion-bei-aller-liebe-auch-kritik-am-stadtteil_a_6,1,2422912457.html",
            ),
        ),
        Curation(
            id_text="Kulturzentrum Rennplatz",
            name="Kulturzentrum Rennplatz (Kulturzentrum Ohmstede)",
            address="Kurlandallee",
            notes="Vom Bürgerverein Ohmstede genutzt; Hausnummer in der Quelle nicht genannt.",
        ),
    ),
    Entry(
        ResearchRow(
            category="Begegnung/Kultur",
            name="Kulturzentrum Ofenerdiek",
            address="Weißenmoorstraße 289",
            district_stated="Ofenerdiek",
            lat="53.18918",
            lon="8.21309",
            coord_quality="district_centroid_ESTIMATE",
            status="active (as of source date)",
            notes="",
            sources=(
                "https://www.nwzonline.de/oldenburg/wirtschaft/ofenerdiek-suche-in-oldenburg-fuers-buergerhaus-fehlts-an-allem_a_50,7,2186827046.html",
            ),
        ),
        Curation(
            id_text="Kulturzentrum Ofenerdiek",
            name="Kulturzentrum Ofenerdiek",
            notes="",
        ),
    ),
    Entry(
        ResearchRow(
            category="Begegnung/Kultur",
            name="Kulturzentrum PFL / inForum (Fachdienst Bürgerschaftliches Engagement)",
            address="Peterstraße 3",
            district_stated="Innenstadt/Haarenesch",
            lat="53.142851",
            lon="8.207685",
            coord_quality="site (see Stadtbibliothek im PFL)",
            status="active (as of source date)",
            notes="",
            sources=("https://archiv.ganz-oldenburg.de/rahmen.php?nid=41&rubrik=Senioren",),
        ),
        Curation(
            id_text="Kulturzentrum PFL",
            name="Kulturzentrum PFL / inForum",
            contact="Stadt Oldenburg, Fachdienst Bürgerschaftliches Engagement",
            notes=(
                "Mit dem inForum des Fachdienstes Bürgerschaftliches Engagement; Lage an der "
                "Grenze Innenstadt/Haarenesch."
            ),
        ),
    ),
    Entry(
        ResearchRow(
            category="Begegnung/Jugend",
            name="Backyard e.V.",
            address="Alexanderstraße 488",
            district_stated="not verified",
            lat="",
            lon="",
            coord_quality="none",
            status="active (as of source date)",
            notes="",
            sources=("https://ganz-oldenburg.de/rahmen.php?nid=61&stadtteil=Dietrichsfeld",),
        ),
        Curation(
            id_text="Backyard",
            name="Backyard e.V.",
            notes=(
                "Stadtteil laut Quelle nicht belegt; genannt auf der Stadtteilseite Dietrichsfeld"
                " von ganz-oldenburg.de."
            ),
        ),
    ),
)

# Research category -> kind id (settings.toml [[kinds]]); None: a team or network row.
CATEGORY_KIND: dict[str, str] = {
    "Gemeinwesenarbeit/Stadtteiltreff": "stadtteiltreff",
    "Bibliothek": "bibliothek",
    "Ort für Alle": "ort_fuer_alle",
    "Senioren": "senioren",
    "Migration/Integration": "migration",
    "Familie/Kita": "kita_familie",
    "Familie/Kita (städtisch)": "kita_familie",
    "Begegnung/Kultur": "kultur",
    "Begegnung/Jugend": "jugend",
}
CATEGORY_GROUP_TYPE: dict[str, str] = {
    "Stadtteilteam": "stadtteilteam",
    "Netzwerk/Runder Tisch": "runder_tisch",
    "Netzwerk/Quartiersrunde": "quartiersrunde",
    "Netzwerk/Projekt": "projekt",
}
# Target groups only where the kind makes them obvious.
KIND_TARGET_GROUPS: dict[str, tuple[str, ...]] = {
    "ort_fuer_alle": ("alle",),
    "stadtteiltreff": ("alle",),
    "bibliothek": ("alle",),
    "kultur": ("alle",),
    "senioren": ("senioren",),
    "migration": ("zugewanderte",),
    "kita_familie": ("kinder", "familien"),
    "jugend": ("jugendliche",),
}
LIST_SEP = "; "
SOURCE_SEP = " ; "
ADDRESS_NOT_FOUND = "ADDRESS NOT FOUND"
UNKNOWN = "unknown"

COORD_NOTE_EXACT = "Standort laut Quelle"
COORD_NOTE_CENTROID = "Schätzung: Mittelpunkt des Stadtteils"
COORD_NOTE_NEARBY = "Schätzung: nahegelegener Bezugspunkt ({ref})"
COORD_NOTE_NONE = "Koordinaten fehlen"

PLACE_HEADER: tuple[str, ...] = tuple(c.name for c in PLACE_COLUMNS if c.name not in ("x", "y"))
GROUP_HEADER: tuple[str, ...] = tuple(c.name for c in GROUP_COLUMNS)

# ---------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slugify(text: str) -> str:
    """ASCII id of a German name: ``"Drielaker-Moor"`` -> ``"drielaker-moor"``."""
    t = text.strip().lower().translate(_UMLAUTS)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def fmt_coord(value: str | float) -> str:
    """A coordinate with at most DECIMALS decimals and no trailing zeros; "" stays ""."""
    if value == "":
        return ""
    text = f"{float(value):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def csv_text(header: Sequence[str], rows: Sequence[dict[str, str]]) -> str:
    """CSV as written to data/: UTF-8 text, comma, minimal quoting, "\\n" line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        if set(row) != set(header):
            raise ValueError(f"row columns {sorted(row)} differ from header {list(header)}")
        writer.writerow([row[h] for h in header])
    return buf.getvalue()


def district_names() -> dict[str, District]:
    """DISTRICTS by exact name."""
    return {d.name: d for d in DISTRICTS}


def normalise_districts(stated: str) -> list[str]:
    """District names a research text states, in the order stated.

    "not verified ...", "unverified ..." and "citywide" state none. Parentheses and the
    words "border" and "mainly" are dropped; "/" and ";" separate names. Every name must be
    a district of DISTRICTS exactly, otherwise ValueError.
    """
    text = stated.strip()
    if not text or text.lower().startswith(("not verified", "unverified", "citywide")):
        return []
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"\b(border|mainly)\b", " ", text)
    names = [n.strip() for n in re.split(r"[/;]", text) if n.strip()]
    known = district_names()
    for n in names:
        if n not in known:
            raise ValueError(f"research district {n!r} (from {stated!r}) is not a district")
    return names


def map_status(research_status: str) -> str:
    """Research status -> schema status (STATUSES)."""
    s = research_status.strip().lower()
    if s.startswith("active"):
        return "active"
    if s.startswith("unverified"):
        return "unverified"
    if s.startswith(("planned", "under construction")):
        return "planned"
    # "completed project"; a pilot of a past year ("pilot 2021") is over as well.
    if s.startswith(("completed", "pilot")):
        return "ended"
    raise ValueError(f"unknown research status {research_status!r}")


def map_coord_quality(row: ResearchRow) -> str:
    """Research coord_quality -> exact | approximate | none."""
    has_lat, has_lon = row.lat.strip() != "", row.lon.strip() != ""
    if has_lat != has_lon:
        raise ValueError(f"{row.name}: lat and lon must be given together")
    if not has_lat:
        return "none"
    cq = row.coord_quality.strip()
    if cq.startswith("site"):
        return "exact"
    if "_ESTIMATE" in cq:
        return "approximate"
    raise ValueError(f"{row.name}: unknown coord_quality {cq!r}")


def coord_note(row: ResearchRow, cur: Curation, quality: str) -> str:
    """German note on how the coordinate was obtained."""
    if quality == "none":
        return COORD_NOTE_NONE
    if quality == "exact":
        return COORD_NOTE_EXACT
    if row.coord_quality.startswith("district_centroid_ESTIMATE"):
        return COORD_NOTE_CENTROID
    if row.coord_quality.startswith("nearby_reference_point_ESTIMATE"):
        if not cur.coord_ref:
            raise ValueError(f"{row.name}: coord_ref missing for a nearby reference point")
        return COORD_NOTE_NEARBY.format(ref=cur.coord_ref)
    raise ValueError(f"{row.name}: unknown estimate {row.coord_quality!r}")


def check_centroid_estimate(row: ResearchRow) -> list[str]:
    """Warnings when a district_centroid_ESTIMATE is not the centroid of a stated district."""
    if not row.coord_quality.startswith("district_centroid_ESTIMATE"):
        return []
    known = district_names()
    lat, lon = float(row.lat), float(row.lon)
    for name in normalise_districts(row.district_stated):
        d = known[name]
        if abs(d.lat - lat) < 1e-4 and abs(d.lon - lon) < 1e-4:
            return []
    return [f"{row.name}: centroid estimate is not the centroid of {row.district_stated!r}"]


# ---------------------------------------------------------------------------------------
# Places, teams, networks
# ---------------------------------------------------------------------------------------


def _join_notes(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def place_row(e: Entry) -> dict[str, str]:
    """One places.csv row from a research row of a place."""
    r, c = e.research, e.cur
    kind = CATEGORY_KIND[r.category]
    quality = map_coord_quality(r)
    not_found = r.address.strip() == ADDRESS_NOT_FOUND
    address = c.address if c.address is not None else ("" if not_found else r.address)
    groups = c.target_groups if c.target_groups is not None else KIND_TARGET_GROUPS[kind]
    row = {
        "id": slugify(c.id_text),
        "name": c.name,
        "kind": kind,
        "address": address,
        "district_stated": c.districts
        if c.districts is not None
        else LIST_SEP.join(normalise_districts(r.district_stated)),
        "lat": fmt_coord(r.lat) if quality != "none" else "",
        "lon": fmt_coord(r.lon) if quality != "none" else "",
        "coord_quality": quality,
        "coord_note": coord_note(r, c, quality),
        "status": map_status(r.status),
        "target_groups": LIST_SEP.join(groups),
        "contact": c.contact,
        "source": SOURCE_SEP.join(r.sources),
        "source_date": c.source_date,
        "notes": _join_notes("Adresse nicht gefunden." if not_found else "", c.notes),
    }
    row.update(dict.fromkeys(ACCESSIBILITY_COLUMNS, UNKNOWN))
    return row


def group_row(e: Entry) -> dict[str, str]:
    """One stadtteilteams.csv / networks.csv row from a research row of a team or network.

    A district centroid is not a meeting place: such rows get no coordinates. A nearby
    reference point of a named venue is kept as approximate.
    """
    r, c = e.research, e.cur
    quality = map_coord_quality(r)
    if quality == "approximate" and r.coord_quality.startswith("district_centroid_ESTIMATE"):
        quality = "none"
    districts = (
        c.districts
        if c.districts is not None
        else LIST_SEP.join(normalise_districts(r.district_stated))
    )
    return {
        "id": slugify(c.id_text),
        "name": c.name,
        "type": CATEGORY_GROUP_TYPE[r.category],
        "districts": districts,
        "status": map_status(r.status),
        "since": c.since,
        "until": c.until,
        "meeting_place": c.meeting_place,
        "lat": fmt_coord(r.lat) if quality != "none" else "",
        "lon": fmt_coord(r.lon) if quality != "none" else "",
        "coord_quality": quality,
        "target_groups": LIST_SEP.join(c.target_groups or ()),
        "contact": c.contact,
        "source": SOURCE_SEP.join(r.sources),
        "notes": c.notes,
    }


def split_entries() -> tuple[list[Entry], list[Entry], list[Entry]]:
    """ENTRIES as (places, teams, networks); an unknown category raises ValueError."""
    places: list[Entry] = []
    teams: list[Entry] = []
    networks: list[Entry] = []
    for e in ENTRIES:
        cat = e.research.category
        if cat in CATEGORY_KIND:
            places.append(e)
        elif cat == "Stadtteilteam":
            teams.append(e)
        elif cat in CATEGORY_GROUP_TYPE:
            networks.append(e)
        else:
            raise ValueError(f"{e.research.name}: research category {cat!r} has no mapping")
    return places, teams, networks


def validate_rows(
    kind: str, rows: Sequence[dict[str, str]], kinds: Sequence[str] | None
) -> list[str]:
    """Problems of generated rows against the schema (empty when all is well)."""
    problems: list[str] = []
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        problems.append(f"{kind}: duplicate ids")
    known = district_names()
    for r in rows:
        where = f"{kind} {r['id']}"
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]):
            problems.append(f"{where}: id is not a slug")
        if r["status"] not in STATUSES:
            problems.append(f"{where}: status {r['status']!r}")
        if r["coord_quality"] not in COORD_QUALITIES:
            problems.append(f"{where}: coord_quality {r['coord_quality']!r}")
        if (r["lat"] == "") != (r["coord_quality"] == "none") or (r["lat"] == "") != (
            r["lon"] == ""
        ):
            problems.append(f"{where}: lat/lon do not match coord_quality")
        for g in filter(None, r["target_groups"].split(LIST_SEP)):
            if g not in TARGET_GROUPS:
                problems.append(f"{where}: target group {g!r}")
        field_ = "district_stated" if "district_stated" in r else "districts"
        for n in filter(None, r[field_].split(LIST_SEP)):
            if n not in known:
                problems.append(f"{where}: district {n!r}")
        if "kind" in r and kinds is not None and r["kind"] not in kinds:
            problems.append(f"{where}: kind {r['kind']!r} not in settings.toml")
        if "type" in r and r["type"] not in NETWORK_TYPES:
            problems.append(f"{where}: type {r['type']!r}")
        for col in ACCESSIBILITY_COLUMNS:
            if col in r and r[col] not in ACCESS_VALUES:
                problems.append(f"{where}: {col} {r[col]!r}")
    return problems


def settings_kinds(data_dir: Path) -> list[str] | None:
    """Kind ids of settings.toml in ``data_dir`` (or the project's data/), if present."""
    for folder in (data_dir, DATA_DIR):
        path = folder / SETTINGS_FILE
        if path.is_file():
            with path.open("rb") as fh:
                settings = tomllib.load(fh)
            return [str(k["id"]) for k in settings.get("kinds", [])]
    return None


def compare_with_reference(path: Path = REFERENCE_CSV) -> list[str]:
    """Differences between ENTRIES and the research CSV, when that file exists."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    embedded = [e.research for e in ENTRIES]
    diffs: list[str] = []
    if len(rows) != len(embedded):
        diffs.append(f"research table has {len(rows)} rows, embedded {len(embedded)}")
    for i, (row, emb) in enumerate(zip(rows, embedded, strict=False), start=2):
        ref = ResearchRow(
            category=row["category"],
            name=row["name"],
            address=row["address"],
            district_stated=row["district_stated"],
            lat=row["lat"],
            lon=row["lon"],
            coord_quality=row["coord_quality"],
            status=row["status"],
            notes=row["notes"],
            sources=tuple(s.strip() for s in row["source"].split(SOURCE_SEP.strip())),
        )
        if ref != emb:
            diffs.append(f"research table row {i} ({row['name']}) differs from embedded copy")
    return diffs


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------


def build(data_dir: Path) -> tuple[dict[str, str], list[str]]:
    """All output files as {relative path: text}, and report lines."""
    places_e, teams_e, networks_e = split_entries()
    places = sorted((place_row(e) for e in places_e), key=lambda r: r["id"])
    teams = sorted((group_row(e) for e in teams_e), key=lambda r: r["id"])
    networks = sorted((group_row(e) for e in networks_e), key=lambda r: r["id"])
    kinds = settings_kinds(data_dir)
    problems = (
        validate_rows("places", places, kinds)
        + validate_rows("stadtteilteams", teams, None)
        + validate_rows("networks", networks, None)
    )
    if problems:
        raise ValueError("generated rows fail their checks:\n" + "\n".join(problems))
    warnings = compare_with_reference()
    for e in ENTRIES:
        warnings += check_centroid_estimate(e.research)
    report = [
        f"places: {len(places)}, teams: {len(teams)}, networks: {len(networks)}",
        *(f"warning: {w}" for w in warnings),
    ]
    files = {
        "places.csv": csv_text(PLACE_HEADER, places),
        "stadtteilteams.csv": csv_text(GROUP_HEADER, teams),
        "networks.csv": csv_text(GROUP_HEADER, networks),
    }
    return files, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out", type=Path, default=DATA_DIR, help="data folder to write (default: data/)"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    files, report = build(out)
    stale: list[str] = []
    for rel, text in files.items():
        path = out / rel
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for line in report:
        print(line)
    verb = "would change" if args.check else "written"
    print(f"{verb}: {', '.join(stale) if stale else 'nothing (all files up to date)'}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
