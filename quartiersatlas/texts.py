"""German user-facing labels, in one place (a second language is a second file).

Codes stay English in data files and code; these are what people read.
"""

from __future__ import annotations

__all__ = [
    "ACCESS_LABELS",
    "ACCESS_VALUE_LABELS",
    "COLUMN_LABELS",
    "COORD_QUALITY_LABELS",
    "DATA_STATUS_NOTES",
    "JOIN_STATUS_LABELS",
    "NETWORK_TYPE_LABELS",
    "STATUS_LABELS",
    "TARGET_GROUP_LABELS",
    "label",
]

STATUS_LABELS = {
    "active": "aktiv",
    "planned": "geplant",
    "ended": "beendet",
    "unverified": "ungeprüft",
}
COORD_QUALITY_LABELS = {
    "exact": "genau",
    "approximate": "ungefähr (geschätzt)",
    "none": "keine Koordinaten",
}
ACCESS_LABELS = {
    "step_free": "stufenloser Zugang",
    "accessible_toilet": "barrierefreies WC",
    "easy_language": "Leichte Sprache",
    "sign_language": "Gebärdensprache",
}
ACCESS_VALUE_LABELS = {"yes": "ja", "no": "nein", "unknown": "unbekannt"}
TARGET_GROUP_LABELS = {
    "alle": "alle",
    "kinder": "Kinder",
    "jugendliche": "Jugendliche",
    "familien": "Familien",
    "senioren": "Ältere Menschen",
    "menschen_mit_behinderung": "Menschen mit Behinderung",
    "zugewanderte": "Zugewanderte",
    "frauen": "Frauen",
}
NETWORK_TYPE_LABELS = {
    "stadtteilteam": "Stadtteilteam",
    "runder_tisch": "Runder Tisch",
    "quartiersrunde": "Quartiersrunde",
    "projekt": "Projekt",
    "netzwerk": "Netzwerk",
}
JOIN_STATUS_LABELS = {
    "inside": "im Stadtteil",
    "nearest": "nächster Stadtteil (Lücke/Rand)",
    "outside": "außerhalb der Stadt",
    "no_coordinates": "ohne Koordinaten",
}
DATA_STATUS_NOTES = {
    "schematic_districts": (
        "Stadtteilgrenzen schematisch: aus Stadtteil-Mittelpunkten konstruiert, "
        "keine amtlichen Grenzen."
    ),
    "synthetic_population": (
        "Einwohnerzahlen je Stadtteil synthetisch (Summe = Zensus 2022), keine amtlichen Werte."
    ),
    "estimated_population": "Einwohnerzahlen je Stadtteil geschätzt.",
    "approximate_places": "{n} von {total} Orten mit geschätzter Lage (ungefähre Koordinaten).",
}
COLUMN_LABELS = {
    "district": "Stadtteil",
    "district_id": "Stadtteil-Kennung",
    "residents": "Einwohner",
    "places": "Orte gesamt",
    "teams": "Stadtteilteams (aktiv)",
    "networks": "Netzwerke (aktiv)",
    "name": "Name",
    "kind": "Art",
    "label": "Art",
    "address": "Adresse",
    "status": "Status",
    "coord_quality": "Lage",
    "join_status": "Zuordnung",
    "active": "aktiv",
    "with_coordinates": "mit Koordinaten",
    "approximate": "Lage geschätzt",
    "assigned": "einem Stadtteil zugeordnet",
    "type": "Typ",
    "districts": "Stadtteile",
    "since": "seit",
    "until": "bis",
    "meeting_place": "Treffpunkt",
    "target_groups": "Zielgruppen",
    "contact": "Kontakt",
    "source": "Quelle",
    "file": "Datei",
    "row": "Zeile",
    "column": "Spalte",
    "value": "Wert",
    "message": "Problem",
    "hint": "Abhilfe",
    "severity": "Schwere",
}


def label(mapping: dict[str, str], code: object) -> str:
    """The German label of a code, or the code itself when none is defined."""
    text = str(code)
    return mapping.get(text, text)


# --- Abdeckung & Lücken (coverage and gap analysis) -----------------------------------
# Appended for quartiersatlas.coverage / gaps / census / need and pages/abdeckung.py.

TARGET_GROUP_OPTION_LABELS = {"all": "alle", "under_18": "unter 18", "65_plus": "ab 65"}
TARGET_GROUP_RESIDENTS = {
    "all": "Einwohner",
    "under_18": "Einwohner unter 18",
    "65_plus": "Einwohner ab 65",
}
RESIDENTS_BASIS_LABELS = {
    "grid": "Zensus-Gitter",
    "area": "gleichmäßig verteilt",
}
COVERAGE_COLUMN_LABELS = {
    "gap_rank": "Rang",
    "district": "Stadtteil",
    "area_km2": "Fläche (km²)",
    "residents": "Einwohner",
    "residents_under_18": "Einwohner unter 18",
    "residents_65_plus": "Einwohner ab 65",
    "group_residents": "Einwohner der Zielgruppe",
    "places": "Orte",
    "places_per_1000": "Orte je 1.000 Einwohner",
    "residents_per_place": "Einwohner je Ort",
    "area_covered_share": "Fläche im Umkreis (%)",
    "residents_covered_share": "Einwohner im Umkreis (%)",
    "residents_basis": "Einwohner-Grundlage",
    "covered_area_km2": "Fläche im Umkreis (km²)",
    "uncovered_area_km2": "Fläche ohne Angebot im Umkreis (km²)",
    "uncovered_share": "Anteil der Fläche ohne Angebot (%)",
    "group_residents_covered": "Einwohner im Umkreis (geschätzt)",
    "group_residents_uncovered": "Einwohner ohne Angebot im Umkreis (geschätzt)",
    "residents_uncovered": "Einwohner ohne Angebot im Umkreis (geschätzt)",
    "has_team": "Stadtteilteam",
    "teams": "Stadtteilteams (aktiv)",
    "active_networks": "Netzwerke (aktiv)",
    "accessible_places": "Orte, die die Anforderungen erfüllen",
    "accessible_area_covered_share": "Fläche im Umkreis eines barrierefreien Orts (%)",
    "accessible_residents_covered_share": "Einwohner im Umkreis eines barrierefreien Orts (%)",
    "cell_residents": "Einwohner laut Gitter",
    "cells": "Gitterzellen",
    "cells_unknown": "Gitterzellen ohne Einwohnerzahl",
    "gap_score": "erfüllte Kriterien",
    "gap_criteria": "geprüfte Kriterien",
    "gap_all": "alle Kriterien erfüllt",
    "gap_reasons": "Gründe",
    "gap_unknown": "nicht prüfbar",
    "sgb2_share_pct": "Anteil SGB-II-Leistungsberechtigte (%)",
    "need_data_status": "Datenstatus Bedarf",
}
GAP_CRITERION_LABELS = {
    "no_team": "kein aktives Stadtteilteam",
    "no_network": "kein aktives Netzwerk",
    "coverage": "Abdeckung unter X %",
    "per_1000": "weniger als Y Orte je 1.000 Einwohner",
    "need": "Bedarf über Z",
}
GAP_REASON_TEXTS = {
    "no_team": "kein Stadtteilteam",
    "no_network": "kein aktives Netzwerk",
    "coverage_area": "{pct} der Fläche ohne {provision} im Umkreis von {radius}",
    "coverage_residents": "{pct} der {group} ohne {provision} im Umkreis von {radius}",
    "per_1000": "{value} Orte je 1.000 {group} (Schwelle {threshold})",
    "per_1000_none": "keine Orte im Stadtteil (Schwelle {threshold} je 1.000 {group})",
    "need": "{label} {value} (Schwelle {threshold})",
}
GAP_UNKNOWN_TEXTS = {
    "coverage": "Abdeckung der Einwohner nicht berechenbar (Einwohnerzahl fehlt)",
    "per_1000": "Orte je 1.000 Einwohner nicht berechenbar (Einwohnerzahl fehlt)",
    "need": "Bedarfswert fehlt",
}
PROVISION_PHRASES = {
    "all_kinds": "Angebot",
    "several_kinds": "Angebot der gewählten Arten",
}
NEED_INDICATOR_LABELS = {
    "sgb2_share_pct": "Anteil SGB-II-Leistungsberechtigte",
}
COVERAGE_NOTES = {
    "evenly_spread": (
        "Einwohner gelten als gleichmäßig über die Fläche eines Stadtteils verteilt "
        "(kein Bevölkerungsgitter eingerichtet): Anteil der Einwohner im Umkreis = Anteil "
        "der Fläche im Umkreis."
    ),
    "grid": (
        "Einwohner nach dem Zensus-Gitter (100-m-Zellen): eine Zelle zählt für den "
        "Stadtteil, in dem ihr Mittelpunkt liegt, und gilt als erreicht, wenn ihr "
        "Mittelpunkt höchstens R Meter Luftlinie von einem Ort entfernt ist."
    ),
    "groups": (
        "Für unter 18-Jährige und ab 65-Jährige gilt innerhalb eines Stadtteils dieselbe "
        "räumliche Verteilung wie für alle Einwohner."
    ),
    "catchment": (
        "Umkreis = Luftlinie von {radius} um jeden Ort, als Vieleck mit 16 Segmenten je "
        "Viertelkreis (64 Ecken) gerechnet, in {crs}; Wege und Barrieren unterwegs sind "
        "nicht berücksichtigt."
    ),
    "approximate": (
        "Orte mit geschätzter Lage zählen mit ihrer geschätzten Lage ({n} der gezählten Orte)."
    ),
    "outside": "Orte knapp außerhalb der Stadtteilflächen versorgen den Rand mit.",
    "synthetic_need": (
        "Bedarfswerte synthetisch (erfunden, zum Ausprobieren), keine amtlichen Zahlen."
    ),
}
