"""German user-facing labels, in one place (a second language is a second file).

Codes stay English in data files and code; these are what people read.
"""

from __future__ import annotations

__all__ = [
    "ABDECKUNG_TEXTS",
    "ACCESS_LABELS",
    "ACCESS_VALUE_LABELS",
    "AGENDA_PAGE_TEXTS",
    "AGENDA_PROBLEMS",
    "ANALYSIS_TEXTS",
    "BASEMAP_LABELS",
    "CLASSIFICATION_SCHEME_LABELS",
    "COLUMN_LABELS",
    "COMMON_TEXTS",
    "COORD_QUALITY_LABELS",
    "COVERAGE_COLUMN_LABELS",
    "COVERAGE_NOTES",
    "DATA_STATUS_NOTES",
    "DATENPRUEFUNG_TEXTS",
    "DOWNLOAD_TEXTS",
    "ERROR_PAGE_TEXTS",
    "EXPORT_TEXTS",
    "GAP_CRITERION_LABELS",
    "GAP_REASON_TEXTS",
    "GAP_UNKNOWN_TEXTS",
    "HYPHENATION",
    "JOIN_STATUS_LABELS",
    "KARTE_INDICATOR_LABELS",
    "KARTE_INDICATOR_UNITS",
    "KARTE_TEXTS",
    "LEGEND_TEXTS",
    "LINK_ERRORS",
    "LINK_LABELS",
    "LINK_NOTICES",
    "LOADING_TEXTS",
    "MAP_TEXTS",
    "NEED_INDICATOR_LABELS",
    "NETWORK_TYPE_LABELS",
    "PAGE_TITLES",
    "PRESENTATION_TEXTS",
    "PROBLEM_FILTER_LABELS",
    "PROFILE_TEXTS",
    "PROVISION_PHRASES",
    "REPORT_CITY_BASIS",
    "REPORT_CLI",
    "REPORT_COLUMNS",
    "REPORT_CRITERIA",
    "REPORT_FIGURE_LABELS",
    "REPORT_LOCATION",
    "REPORT_MAP",
    "REPORT_PDF",
    "REPORT_SOURCES",
    "REPORT_TITLES",
    "RESIDENTS_BASIS_LABELS",
    "SEVERITY_LABELS",
    "STADTTEIL_TEXTS",
    "STATUS_LABELS",
    "TARGET_GROUP_LABELS",
    "TARGET_GROUP_OPTION_LABELS",
    "TARGET_GROUP_RESIDENTS",
    "UEBERSICHT_TEXTS",
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
    "synthetic_population": "Einwohnerzahlen je Stadtteil synthetisch{total}, keine amtlichen "
    "Werte.",
    "synthetic_total": " (Summe = {source})",
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
    "groups_grid": (
        "Unter 18-Jährige und ab 65-Jährige werden nach den Altersgruppen der Gitterzellen "
        "gezählt: eine Zelle zählt mit ihren Einwohnern dieser Gruppe."
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


# --- Exporte, Stadtteil-Steckbrief und Stadtübersicht ---------------------------------
# Appended for quartiersatlas.profile / export / pdf / cli_report.

REPORT_TITLES = {
    "profile_kicker": "Stadtteil-Steckbrief",
    "overview_kicker": "Stadtübersicht",
    "overview_title": "Orte, Stadtteilteams, Netzwerke und Lücken",
    "subtitle": "{city} · Stand: {date}",
    "footer_profile": "Quartiersatlas · Stadtteil-Steckbrief {district}",
    "footer_overview": "Quartiersatlas · Stadtübersicht {city}",
    "page": "Seite {page} von {pages}",
    "status": "Datenstand",
    "selection": "Auswahl",
    "map": "Karte",
    "figures": "Kennzahlen",
    "places": "Orte im Stadtteil",
    "groups": "Stadtteilteams und Netzwerke",
    "uncovered": "Weiße Flecken",
    "ranking": "Lücken-Rangliste",
    "district_table": "Stadtteile im Vergleich",
    "notes": "So wird gerechnet",
    "sources": "Datenquellen",
    "no_places": "Für die gewählten Arten ist in diesem Stadtteil kein Ort erfasst.",
    "no_groups": "Kein Stadtteilteam und kein Netzwerk für diesen Stadtteil erfasst.",
    "no_team": "Kein aktives Stadtteilteam.",
    "no_uncovered": "Keine weißen Flecken: Jeder Punkt des Stadtteils liegt im Umkreis von "
    "{radius} um einen gewählten Ort.",
    "uncovered_text": "{area} ({share} der Fläche) liegen weiter als {radius} (Luftlinie) von "
    "jedem gewählten Ort entfernt; dort wohnen geschätzt {residents}.",
    "uncovered_text_nores": "{area} ({share} der Fläche) liegen weiter als {radius} "
    "(Luftlinie) von jedem gewählten Ort entfernt; Einwohnerzahl unbekannt.",
    "rank": "Rang {rank} von {total} in der Lücken-Rangliste; zutreffende Kriterien: "
    "{score} von {criteria}.",
    "rank_no_criteria": "Kein Lücken-Kriterium gewählt: keine Rangliste.",
    "criteria": "Geprüfte Kriterien: {criteria}. Je zutreffendem Kriterium ein Punkt; bei "
    "Gleichstand zuerst der Stadtteil mit der geringeren Abdeckung.",
    "reasons": "Gründe: {reasons}.",
    "no_reasons": "Keines der gewählten Kriterien trifft zu.",
    "unknown": "Nicht prüfbar: {unknown}.",
    "selection_text": "Arten von Orten: {kinds}. Es zählen Orte mit Status: {statuses}. "
    "Umkreis R = {radius} (Luftlinie).",
    "require_text": " Barrierefreie Abdeckung: Orte müssen haben: {require}.",
    "all_kinds": "alle ({n})",
    "map_caption": "Karte ohne Hintergrundkarte; Stadtteilflächen {status}. Gleiche Inhalte "
    "als Tabellen in diesem Dokument.",
    "map_caption_schematic": "schematisch (keine amtlichen Grenzen)",
    "map_caption_official": "laut Datenquelle",
}
REPORT_FIGURE_LABELS = {
    "residents": "Einwohner",
    "residents_under_18": "davon unter 18 Jahre",
    "residents_65_plus": "davon ab 65 Jahre",
    "area_km2": "Fläche",
    "places": "Orte (Auswahl)",
    "places_per_1000": "Orte je 1.000 Einwohner",
    "area_covered_share": "Fläche im Umkreis von {radius}",
    "residents_covered_share": "Einwohner im Umkreis von {radius}",
    "uncovered": "Fläche ohne Ort im Umkreis (weißer Fleck)",
    "uncovered_residents": "Einwohner ohne Ort im Umkreis (geschätzt)",
    "teams": "Stadtteilteams (aktiv)",
    "networks": "Netzwerke (aktiv)",
    "districts": "Stadtteile",
    "districts_with_team": "Stadtteile mit aktivem Stadtteilteam",
    "districts_all_gaps": "Stadtteile, auf die alle Lücken-Kriterien zutreffen",
    "rank": "Rang in der Lücken-Rangliste",
    "figure": "Kennzahl",
    "city": "Stadt (Vergleich)",
    "value": "Wert",
}
REPORT_CITY_BASIS = {
    "mean": "{value} (Mittel je Stadtteil)",
    "city": "{value} (ganze Stadt)",
    "share": "{value} (Anteil in der Stadt)",
    "need_mean": "{value} (Mittel der Stadtteile)",
    "teams": "{value} von {total} Stadtteilen mit Team",
    "no_data": "keine Daten",
}
REPORT_COLUMNS = {
    "name": "Name",
    "kind": "Art",
    "status": "Status",
    "address": "Adresse",
    "location": "Lage",
    "counts": "zählt mit",
    "target_groups": "Zielgruppen",
    "contact": "Kontakt",
    "source": "Quelle",
    "type": "Typ",
    "since": "seit",
    "until": "bis",
    "meeting_place": "Treffpunkt",
    "districts": "Stadtteile",
    "district": "Stadtteil",
    "residents": "Einwohner",
    "places": "Orte",
    "places_per_1000": "Orte je 1.000 Einwohner",
    "area_covered_share": "Fläche im Umkreis (%)",
    "residents_covered_share": "Einwohner im Umkreis (%)",
    "uncovered_area_km2": "Fläche ohne Ort im Umkreis (km²)",
    "residents_uncovered": "Einwohner ohne Ort im Umkreis (geschätzt)",
    "teams": "Stadtteilteams (aktiv)",
    "networks": "Netzwerke (aktiv)",
    "rank": "Rang",
    "score": "zutreffende Kriterien",
    "reasons": "Gründe",
    "unknown": "nicht prüfbar",
}
REPORT_LOCATION = {
    "stated_only": "keine Koordinaten (Stadtteil laut Quelle)",
}
REPORT_SOURCES = {
    "districts_schematic": "Stadtteilflächen: schematisch, keine amtlichen Grenzen. Datei: {file}.",
    "districts_origin": " Herkunft: {source}.",
    "districts": "Stadtteilflächen: {file}.",
    "population_synthetic": "Einwohner je Stadtteil: synthetisch verteilt (Datei {file}); "
    "Summe gleich der amtlichen Gesamtzahl {total} laut {total_source}.",
    "population_estimated": "Einwohner je Stadtteil: geschätzt (Datei {file}).",
    "population_official": "Einwohner je Stadtteil: {file}.",
    "population_total": "Einwohnerzahl der Stadt: {total} laut {total_source}.",
    "records": "Orte, Stadtteilteams und Netzwerke: zusammengestellt aus öffentlichen Quellen "
    "(Spalte ›source‹ der Dateien {files}); {n} Quellenangaben, meistgenannt: {domains}.",
    "records_district": "Quellen der Orte, Stadtteilteams und Netzwerke dieses Stadtteils "
    "({n} Angaben, Spalte ›source‹ der Dateien {files}):",
    "no_records": "Orte, Stadtteilteams und Netzwerke: keine Quellenangaben in den Dateien.",
    "need": "Bedarfskennzahl {label}: Datei {file}{status}.",
    "need_synthetic": ", synthetisch (keine amtlichen Zahlen)",
    "basemap": "Karte ohne Hintergrundkarte; Geometrien aus den genannten Dateien. Koordinaten "
    "in {crs} (Maßstab und Flächen).",
}
REPORT_CLI = {
    "unknown_district": "unbekannter Stadtteil '{name}'.{hint} Vorhandene Stadtteile: {names}",
    "did_you_mean": " Meinten Sie: {names}?",
    "unknown_kind": "unbekannte Art(en): {kinds}; erlaubt: {allowed}",
    "unknown_status": "unbekannter Status: {statuses}; erlaubt: {allowed}",
    "unknown_require": "unbekannte Merkmale: {items}; erlaubt: {allowed}",
    "no_folder": "Ordner für die Ausgabedatei existiert nicht: {folder}",
    "written": "{what} geschrieben: {path} ({pages} Seiten, {size} kB)",
    "data_errors": "{n} Fehler in den Daten (Details: python -m quartiersatlas check); "
    "betroffene Zeilen fehlen im Bericht.",
}
REPORT_MAP = {
    "legend": "Legende",
    "places": "Orte (Farbe und Form je Art)",
    "approximate": "blass, gestrichelt: Lage geschätzt",
    "areas": "Flächen",
    "selected": "ausgewählter Stadtteil: {name}",
    "district": "Stadtteil",
    "district_schematic": "Stadtteil (Grenzen schematisch)",
    "outside": "außerhalb der Stadt",
    "uncovered": "weiter als {radius} von jedem gewählten Ort (weißer Fleck)",
    "uncovered_no_radius": "weißer Fleck: kein gewählter Ort im Umkreis",
    "scale": "Maßstab etwa 1:{scale} (A4-Druck)",
    "north": "Norden oben; ohne Hintergrundkarte",
    "no_coordinates": " {n} Orte ohne Koordinaten sind nicht eingezeichnet.",
}
REPORT_PDF = {
    "flag": "Datenstand beachten: {parts} (siehe Seite 1).",
    "flag_schematic": "Stadtteilgrenzen schematisch",
    "flag_synthetic": "Einwohner je Stadtteil synthetisch",
    "flag_estimated": "Einwohner je Stadtteil geschätzt",
    "reasons": "Gründe:",
    "counts_note": "›zählt mit‹: Ort mit Lage und gewähltem Status, zählt für Abdeckung und "
    "Orte je 1.000 Einwohner.",
    "table_note": "Leere Felder (–): nicht berechenbar (keine Einwohnerzahl). Prozentwerte: "
    "Anteil der Fläche im Umkreis von {radius} um einen gewählten Ort.",
    "missing_font": "Schriftdatei fehlt: {files} – matplotlib neu installieren "
    "(pip install --force-reinstall matplotlib).",
}
REPORT_CRITERIA = {
    "no_team": "kein aktives Stadtteilteam",
    "no_network": "kein aktives Netzwerk",
    "coverage": "Abdeckung ({measure}) unter {pct}",
    "coverage_area": "Fläche",
    "per_1000": "weniger als {value} Orte je 1.000 {group}",
    "need": "{label} über {value}",
    "no_location": "{places} ohne Koordinaten: ohne Umkreis und keinem "
    "Stadtteil zugeordnet, daher in Abdeckung und Orten je 1.000 Einwohner nicht "
    "mitgezählt (Lage nachtragen).",
    "official_total": "amtliche Einwohnerzahl",
}


# --- Links, Präsentationsmodus und Agenda ----------------------------------------------
# Appended for quartiersatlas.linkstate / agenda and ui/urlstate, ui/presentation.

PAGE_TITLES = {
    "uebersicht": "Übersicht",
    "karte": "Karte",
    "abdeckung": "Abdeckung & Lücken",
    "stadtteil": "Stadtteil",
    "datenpruefung": "Datenprüfung",
    "praesentation": "Präsentation",
}
LINK_LABELS = {
    "praesentation": "Präsentationsmodus",
    "folie": "Folie",
    "district": "Stadtteil",
    "kinds": "Arten von Orten",
    "status": "Status",
    "access": "Barrierefreiheit",
    "groups": "Zielgruppen",
    "q": "Suche nach Name",
    "indicator": "Flächenfüllung",
    "scheme": "Klassenbildung",
    "k": "Anzahl Klassen",
    "gaps": "Weiße Flecken zeigen",
    "radius": "Umkreis",
    "teams": "Stadtteilteams zeigen",
    "networks": "Netzwerke zeigen",
    "basemap": "Hintergrundkarte",
    "view": "Kartenausschnitt",
    "group": "Zielgruppe",
    "require": "Barrierefreie Abdeckung",
    "crit": "Lücken-Kriterien",
    "cov": "Abdeckung unter X %",
    "cov_by": "Abdeckung gemessen an",
    "per": "Y: Orte je 1.000 Einwohner",
    "need": "Bedarfskennzahl",
    "need_above": "Z: Bedarf über",
    "only": "nur Stadtteile mit allen Kriterien",
    "bars": "Balken zeigen",
    "show": "Anzeigen",
}
LINK_NOTICES = {
    "unknown_param": "Unbekannter Parameter ›{name}‹ in der Adresse – ignoriert.",
    "other_page": "Parameter ›{name}‹ gilt nicht für diese Seite – ignoriert.",
    "invalid": "Ungültiger Wert '{value}' für ›{label}‹ in der Adresse – Standard verwendet.",
    "unknown_values": "Unbekannte Werte '{values}' für ›{label}‹ in der Adresse – ignoriert.",
    "unknown_district": "Unbekannter Stadtteil '{value}' in der Adresse – Standard verwendet.",
    "range": "Wert '{value}' für ›{label}‹ liegt nicht zwischen {low} und {high} – "
    "Standard verwendet.",
    "step": "Wert '{value}' für ›{label}‹ ist kein Vielfaches von {step} – Standard verwendet.",
    "too_long": "Text für ›{label}‹ in der Adresse zu lang – auf {n} Zeichen gekürzt.",
    "view": "Kartenausschnitt '{value}' in der Adresse ungültig (erwartet: Breite,Länge,Zoom) "
    "– Standard verwendet.",
    "view_outside": "Kartenausschnitt '{value}' liegt außerhalb der Stadt oder außerhalb der "
    "Zoomstufen 8–19 – Standard verwendet.",
    "no_agenda": "Folie {value}: Es gibt keine Agenda – ignoriert.",
    "slide_range": "Folie {value} gibt es nicht (die Agenda hat {n} Folien) – ignoriert.",
    "unknown_page": "Seite '{value}' gibt es nicht; vorhanden: {pages}.",
}
AGENDA_PROBLEMS = {
    "not_toml": "keine gültige TOML-Datei ({error})",
    "not_toml_hint": "Datei mit einem Texteditor prüfen oder auf der Seite ›Präsentation‹ "
    "neu speichern.",
    "no_views": "Eintrag ›views‹ muss eine Liste von Ansichten sein ([[views]]).",
    "not_table": "Ansicht ist keine Tabelle.",
    "title": "Titel fehlt",
    "title_hint": 'title = "…" ergänzen.',
    "text": "muss Text sein",
    "page": "unbekannte Seite",
    "page_hint": "erlaubt: {pages}",
    "params": "›params‹ muss eine Tabelle aus Namen und Werten sein",
    "link": "Link unbrauchbar: {error}",
    "param": "{notice}",
    "param_hint": "Parameter in der Ansicht korrigieren oder die Ansicht neu aufnehmen.",
    "dropped": "Ansicht nicht übernommen.",
    "not_file": "ist keine Datei (ein Ordner?); die Agenda muss eine TOML-Datei sein",
}
PRESENTATION_TEXTS = {
    "toggle": "Präsentationsmodus",
    "toggle_help": "Große Schrift, hoher Kontrast, ohne Seitenleiste und Bedienelemente – "
    "für Beamer in Sitzungen. Auch als Adresse: …?praesentation=1",
    "exit": "Präsentation beenden",
    "start_agenda": "Agenda zeigen",
    "previous": "◀ Zurück",
    "next": "Weiter ▶",
    "slide": "Folie {n} von {total}",
    "slide_region": "Folie",
    "link_title": "Link zu dieser Ansicht",
    "link_help": "Diese Adresse zeigt genau diese Ansicht – zum Kopieren in E-Mails, "
    "Sitzungsunterlagen oder die Agenda.",
}


# --- Pages and their shared widgets -----------------------------------------------------
# Every text a page shows; values from data are escaped by the page before they are
# formatted into a text ({placeholders}), the texts themselves are trusted Markdown.

SEVERITY_LABELS = {"error": "Fehler", "warning": "Warnung"}
COMMON_TEXTS = {
    "data_status": "**Datenstand:** ",
    "no_data": "keine Daten",
    "residents": "Einwohner",
    "synthetic_suffix": " (synthetisch)",
    "estimated_suffix": " (geschätzt)",
    "selection": "Auswahl",
    "download": "Herunterladen",
    "district": "Stadtteil",
    "districts": "Stadtteile",
    "places": "Orte",
    "teams": "Stadtteilteams",
    "networks": "Netzwerke",
    "kinds": "Arten von Orten",
    "kinds_placeholder": "keine Art gewählt",
    "statuses": "Es zählen Orte mit Status",
    "statuses_placeholder": "kein Status gewählt",
    "statuses_help": "Voreingestellt auf allen Seiten gleich (settings.toml, [coverage] "
    "statuses). Nur aktive Orte versorgen heute; geplante können Sie dazunehmen, um zu "
    "sehen, welche Lücke sie schließen würden.",
    "radius": "Umkreis (Luftlinie)",
    "radius_help": "Für Abdeckung und weiße Flecken; weitere Werte auf der Seite "
    "›Abdeckung & Lücken‹.",
    "no_kind": "Keine Art von Orten gewählt: Wählen Sie in der Seitenleiste mindestens eine Art.",
    "places_per_1000": "Orte je 1.000 Einwohner",
    "per_1000_of": "Orte je 1.000 {group}",
    "covered_pct": "Fläche im Umkreis von {radius} (%)",
    "group_covered_pct": "{group} im Umkreis von {radius} (%)",
    "area_covered": "Fläche im Umkreis von {radius}",
    "uncovered_label": "weiter als {radius} von jedem gewählten Ort",
}
DOWNLOAD_TEXTS = {
    "csv_help": "Für Excel: UTF-8, Semikolon, Dezimalkomma",
    "geojson_help": "GeoJSON (WGS84), z. B. für QGIS oder Webkarten",
    "gpkg_help": "GeoPackage mit einer Ebene je Inhalt; öffnet in QGIS",
    "all_tables": "Alle Tabellen (Excel)",
    "districts_csv": "Stadtteile (CSV)",
    "districts_xlsx": "Stadtteile (Excel)",
    "places_csv": "Orte (CSV)",
    "places_xlsx": "Orte (Excel)",
    "places_geojson": "Orte (GeoJSON)",
    "layers_gpkg": "Ebenen (GeoPackage)",
    "uncovered_geojson": "Weiße Flecken (GeoJSON)",
}
LOADING_TEXTS = {
    "data": "Daten werden geladen …",
    "grid": "Bevölkerungsgitter wird gelesen …",
    "coverage": "Abdeckung wird berechnet …",
    "uncovered": "Weiße Flecken werden berechnet …",
}
ERROR_PAGE_TEXTS = {
    "folder": "Datenordner: {folder}",
    "settings": "**Einstellungen können nicht gelesen werden.**",
    "districts": "**Die Stadtteil-Ebene kann nicht geladen werden.**",
    "crash": "**Diese Seite konnte nicht angezeigt werden.** Ursache: {cause}.",
    "file": "Betroffene Datei: {files}.",
    "files": "Betroffene Dateien: {files}.",
    "advice": "Bitte Daten prüfen (Seite ›Datenprüfung‹) oder den Fehler mit dieser "
    "Meldung melden.",
}
UEBERSICHT_TEXTS = {
    "title": "Quartiersatlas {city}",
    "intro": "Wo gibt es Orte für Alle, Stadtteilteams, Netzwerke und weitere Angebote – und "
    "wo fehlen sie? Diese Übersicht zeigt, was in den geladenen Daten steht.",
    "residents_help": "Summe der Einwohnerzahlen je Stadtteil aus population.csv",
    "errors": "In den Daten wurden {n} Fehler gefunden; betroffene Zeilen fehlen in den "
    "Auswertungen oder haben keine Lage. Details auf der Seite ›Datenprüfung‹.",
    "by_kind": "Orte je Art",
    "empty_districts": "**Stadtteile ohne erfassten Ort ({n}):** ",
    "no_team": "**Stadtteile ohne aktives Stadtteilteam:** {n} von {total}",
    "none_in_data": "Keine {what} in den Daten.",
    "unassigned": "Orte ohne sichere Zuordnung",
    "unassigned_text": "Diese Orte haben keine Koordinaten oder liegen nicht eindeutig in "
    "einem Stadtteil. Sie erscheinen nicht auf Karten, bis ihre Lage nachgetragen ist.",
    "by_kind_csv": "Orte je Art (CSV)",
}
DATENPRUEFUNG_TEXTS = {
    "intro": "Datenordner: {folder}. Jede Zeile, die nicht oder nur teilweise übernommen "
    "wurde, steht hier mit Datei, Zeile, Spalte und Abhilfe. Dieselbe Prüfung gibt es auf "
    "der Kommandozeile: `python -m quartiersatlas check`.",
    "errors": "Fehler",
    "warnings": "Warnungen",
    "no_problems": "Keine Probleme gefunden: alle Zeilen wurden übernommen.",
    "no_entries": "Keine Einträge für diese Auswahl.",
    "csv": "Probleme (CSV)",
    "xlsx": "Probleme (Excel)",
}
PROBLEM_FILTER_LABELS = {"all": "alle", "errors": "nur Fehler", "warnings": "nur Warnungen"}
KARTE_INDICATOR_LABELS = {
    "places": "Anzahl Orte",
    "places_per_1000": "Orte je 1.000 Einwohner",
    "area_covered_share": "Fläche im Umkreis eines Ortes (%)",
    "residents_covered_share": "Einwohner im Umkreis eines Ortes (%)",
    "none": "keine Flächenfüllung",
}
KARTE_INDICATOR_UNITS = {
    "places": "Orte",
    "places_per_1000": "je 1.000 EW",
    "area_covered_share": "%",
    "residents_covered_share": "%",
    "none": "",
}
KARTE_TEXTS = {
    "basemap_none": "keine (ohne Anfragen an Dritte)",
    "filter": "Filter",
    "access": "Barrierefreiheit (nur Orte mit …)",
    "access_placeholder": "keine Einschränkung",
    "access_help": "Es zählen nur Orte, bei denen das Merkmal mit ›ja‹ erfasst ist; "
    "›unbekannt‹ zählt nicht.",
    "groups_placeholder": "alle Zielgruppen",
    "groups_help": "Orte für diese Zielgruppen und Orte, die sich an alle richten.",
    "display": "Darstellung",
    "indicator": "Flächenfüllung der Stadtteile",
    "gaps_help": "Flächen, die weiter als der Umkreis von jedem gewählten Ort entfernt sind.",
    "basemap_help": "Eine Hintergrundkarte lädt Kacheln vom jeweiligen Anbieter (Anfragen an "
    "Dritte). Ohne Hintergrund bleibt die Karte voll nutzbar.",
    "note_synthetic": "Einwohnerzahlen synthetisch",
    "note_evenly": "Einwohner gleichmäßig über den Stadtteil verteilt angenommen",
    "place": "Ort",
    "places_dative": "Orten",
    "uncovered_label": "weiter als {radius} von jedem gezeigten Ort",
    "no_status": "keinem",
    "caption": "{n} von {total} entsprechen den Filtern (Status: {statuses}); {located} "
    "davon haben Koordinaten und stehen auf der Karte. Alle Zahlen dieser Seite – Anzahl, "
    "Abdeckung, weiße Flecken – zählen genau diese Orte. Klicken Sie auf einen Stadtteil, "
    "um ihn auszuwählen.",
    "no_match": "Kein Ort entspricht den Filtern. Filter in der Seitenleiste lockern.",
    "no_match_short": "Kein Ort entspricht den Filtern.",
    "select": "Stadtteil auswählen (auch ohne Karte)",
    "select_none": "– keiner –",
    "district_title": "Stadtteil {name}",
    "open_profile": "Steckbrief öffnen",
    "open_profile_help": "Alles über {name} auf einer Seite, mit Steckbrief als PDF",
    "clear": "Auswahl aufheben",
    "places_filtered": "Orte (gefiltert)",
    "teams_networks": "aktive Stadtteilteams / Netzwerke",
    "teams_networks_help": "Beendete und geplante stehen in der Tabelle unten, zählen hier nicht.",
    "no_places_in": "In {name} gibt es keinen Ort, der den Filtern entspricht.",
    "no_groups_in": "Für {name} ist weder ein Stadtteilteam noch ein Netzwerk erfasst.",
    "tables": "Tabellen zur Karte",
    "per_place_help": "– : kein Ort im Stadtteil oder keine Einwohnerzahl",
    "downloads": "Karte und Ebenen herunterladen",
    "html": "Karte (HTML)",
    "html_help": "Diese Karte als eine Datei, die ohne Internet funktioniert",
    "districts_geojson": "Stadtteile mit Kennzahl (GeoJSON)",
}
ABDECKUNG_TEXTS = {
    "intro": "Wo sind Orte für Alle, Stadtteiltreffs und andere Angebote zu Fuß erreichbar – "
    "und wo fehlen sie? Diese Seite zeigt je Stadtteil, welcher Teil der Fläche und der "
    "Einwohner im Umkreis eines gewählten Orts liegt, ob es ein Stadtteilteam und Netzwerke "
    "gibt, und ordnet die Stadtteile nach den Lücken, die Sie als Kriterien auswählen.",
    "radius": "Umkreis R (Luftlinie)",
    "radius_custom": "anderer Wert",
    "radius_metres": "Umkreis in Metern",
    "group_help": "Bezugsgröße für Orte je 1.000 Einwohner und für die Zahl der Einwohner im "
    "Umkreis.",
    "require": "Barrierefreie Abdeckung: Orte müssen haben",
    "require_placeholder": "keine Anforderung",
    "require_help": "Zusätzlich wird die Abdeckung nur mit Orten berechnet, bei denen jedes "
    "gewählte Merkmal mit ›ja‹ erfasst ist. ›unbekannt‹ zählt nicht als barrierefrei.",
    "criteria_caption": "Ein Stadtteil erhält je zutreffendem Kriterium einen Punkt.",
    "cov_pct": "X: Abdeckung unter (%)",
    "measure_area": "Fläche",
    "measure_residents": "Einwohnern",
    "need_thr_help": "Voreingestellt: der Median der Stadtteile.",
    "only_all": "nur Stadtteile zeigen, auf die alle Kriterien zutreffen",
    "no_status": "Kein Status gewählt: Wählen Sie in der Seitenleiste, welche Orte zählen sollen.",
    "group_covered": "{group} im Umkreis",
    "group_covered_help": "etwa {covered} von {total}",
    "all_gaps": "Stadtteile mit allen Lücken-Kriterien",
    "n_of": "{n} von {total}",
    "no_criterion": "kein Kriterium",
    "located": "gezählte Orte mit Lage",
    "overview_pdf": "Stadtübersicht (PDF)",
    "overview_pdf_help": "Kennzahlen, Lücken-Rangliste und Stadtteiltabelle dieser Auswahl "
    "(A4), für Sitzungsunterlagen",
    "notes": "**So wird gerechnet:** ",
    "grid_unreadable": "Das Bevölkerungsgitter {path} konnte nicht gelesen werden; es wird "
    "mit gleichmäßig verteilten Einwohnern gerechnet. ",
    "grid_notes": "Hinweise zum Gitter: ",
    "need_problems": "In der Bedarfsdatei gibt es Probleme; betroffene Werte fehlen. Details "
    "auf der Seite ›Datenprüfung‹ oder: ",
    "nothing_located": "Für diese Auswahl gibt es keinen Ort mit Lage: Kein Teil der Stadt "
    "liegt im Umkreis eines gewählten Orts, die ganze Stadt ist eine Lücke.",
    "no_criteria": "Kein Lücken-Kriterium gewählt: Schalten Sie in der Seitenleiste Kriterien ein.",
    "none_all": "Kein Stadtteil erfüllt alle gewählten Kriterien.",
    "no_districts": "Keine Stadtteile in den Daten.",
    "ranking_csv": "Rangliste (CSV)",
    "measures": "Kennzahlen je Stadtteil",
    "group_per_place": "{group} je Ort",
    "group_uncovered": "{group} ohne Angebot im Umkreis (geschätzt)",
    "pct_suffix": " (%)",
    "per_place_help": "ohne Wert: kein Ort im Stadtteil oder keine Einwohnerzahl",
    "measures_caption": "»–«: nicht berechenbar – keine Einwohnerzahl oder kein Ort im "
    "Stadtteil. Orte zählen für den Stadtteil, in dem sie liegen; ihr Umkreis versorgt auch "
    "Nachbar-Stadtteile.",
    "charts": "Diagramme",
    "group_covered_pct": "{group} im Umkreis (%)",
    "sorted": "Stadtteile, sortiert",
    "no_values": "Keine Werte: Einwohnerzahlen fehlen.",
    "same_values": "Dieselben Werte",
    "need": "Bedarf und Versorgung",
    "no_need": "Keine Bedarfsdatei eingerichtet (settings.toml `[files] need`): Bedarf und "
    "Versorgung können nicht gegenübergestellt werden.",
    "no_need_values": "Keine Stadtteile mit Bedarfswert.",
    "scatter_caption": "Oben links: wenig Bedarf, gut versorgt. Unten rechts: hoher Bedarf, "
    "wenig im Umkreis – dort zuerst hinsehen.",
    "uncovered_text": "Flächen, die weiter als {radius} (Luftlinie) von jedem gewählten Ort "
    "entfernt sind, rot schraffiert auf der Karte; darunter dieselben Flächen als Tabelle.",
    "no_uncovered": "Keine weißen Flecken: Jeder Punkt der Stadt liegt im Umkreis von {radius}.",
    "uncovered_total": "Insgesamt {area} km² ohne gewählten Ort im Umkreis von {radius}.",
    "uncovered_evenly": " Einwohner geschätzt: gleichmäßig über die Fläche des Stadtteils "
    "verteilt.",
    "layers_help": "Stadtteile mit Kennzahlen, gezählte Orte und weiße Flecken; öffnet in QGIS",
    "accessible": "Barrierefreie Abdeckung",
    "no_require": "Keine Anforderung gewählt. Wählen Sie in der Seitenleiste Merkmale (z. B. "
    "stufenloser Zugang), um die Abdeckung nur mit Orten zu berechnen, die sie erfüllen.",
    "require_text": "Verlangt: {wanted}. Von {n} gezählten Orten erfüllen {accessible} die "
    "Anforderungen, {not_accessible} nicht; bei {unknown} ist es unbekannt – sie zählen "
    "nicht als barrierefrei, bis jemand es prüft.",
    "covered_all": "Fläche im Umkreis, alle Orte (%)",
    "covered_accessible": "Fläche im Umkreis, barrierefreie Orte (%)",
    "tables": "Tabellen herunterladen",
    "measures_csv": "Kennzahlen je Stadtteil (CSV)",
}
STADTTEIL_TEXTS = {
    "kinds_help": "Es zählen Orte dieser Arten mit den Status der Einstellungen.",
    "choose": "Stadtteil wählen …",
    "choose_help": "Auch von der Seite ›Karte‹: Stadtteil anklicken, dann ›Steckbrief öffnen‹.",
    "intro": "Wählen Sie einen Stadtteil: Der Steckbrief zeigt seine Kennzahlen neben denen "
    "der Stadt, seine Orte, Stadtteilteams und Netzwerke, seine weißen Flecken und seinen "
    "Rang in der Lücken-Rangliste.",
    "places": "Orte (gezählt)",
    "rank_of": "{rank} von {total}",
    "rank_help": "Rang 1 = größte Lücke nach den Standard-Kriterien (siehe unten).",
    "figures": "Kennzahlen im Vergleich zur Stadt",
    "uncovered_label": "in {name} weiter als {radius} von jedem gewählten Ort",
    "map_caption": "{name} schwarz umrandet, rot schraffiert seine weißen Flecken (weiter als "
    "{radius} Luftlinie von jedem gezählten Ort); Orte auch aus den Nachbar-Stadtteilen, "
    "denn ihr Umkreis reicht über die Grenze. Dieselben Inhalte stehen in den Tabellen "
    "dieser Seite.",
    "pdf": "Steckbrief (PDF)",
    "pdf_help": "Stadtteil-Steckbrief für Sitzungsunterlagen (A4)",
    "xlsx": "Tabellen (Excel)",
    "figures_csv": "Kennzahlen (CSV)",
    "groups_csv": "Teams und Netzwerke (CSV)",
}
AGENDA_PAGE_TEXTS = {
    "title": "Präsentation vorbereiten",
    "intro": "Eine Agenda ist eine Folge von Ansichten des Quartiersatlas – jede mit einem "
    "Titel und einer Kernaussage. Im Präsentationsmodus (große Schrift, ohne Bedienelemente) "
    "blättern Sie mit ›Weiter‹ und ›Zurück‹ oder den Pfeiltasten durch die Ansichten. So "
    "nehmen Sie eine Ansicht auf: die Seite öffnen, Filter und Kartenausschnitt einstellen, "
    "hierher wechseln und unten ›Ansicht hinzufügen‹.",
    "saved_elsewhere": "Die Agenda wurde inzwischen anderswo gespeichert; hier steht jetzt die "
    "gespeicherte Fassung.",
    "save_failed": "**Die Agenda konnte nicht gespeichert werden** ({error}). Ist der "
    "Datenordner schreibgeschützt? Laden Sie die Agenda unten herunter und legen Sie die "
    "Datei als {file} in den Datenordner.",
    "saved": "Gespeichert: {n} Ansicht(en) in {file}.",
    "col_number": "Nr.",
    "col_title": "Titel",
    "col_page": "Seite",
    "conflict": "**Nicht gespeichert: Die Agenda wurde inzwischen anderswo {what}** (von einer "
    "anderen Person oder in einem anderen Browserfenster). Damit keine Änderung verloren "
    "geht, entscheiden Sie bitte: die gespeicherte Fassung übernehmen, Ihre neuen Ansichten "
    "an sie anhängen oder Ihre Fassung trotzdem speichern. Beide Fassungen können Sie vorher "
    "herunterladen.",
    "conflict_deleted": "gelöscht",
    "conflict_saved": "gespeichert",
    "theirs": "Gespeicherte Fassung",
    "file_gone": "Die Datei gibt es nicht mehr.",
    "untitled": "ohne Titel",
    "version_line": "{title} – {n} Ansicht(en)",
    "version_problems": ", {n} Problem(e) in der Datei",
    "mine": "Ihre Fassung",
    "take_theirs": "Gespeicherte Fassung übernehmen",
    "merge": "Meine {n} neue(n) Ansicht(en) anhängen und speichern",
    "merge_help": "Die gespeicherte Fassung bleibt, wie sie ist; Ihre hier neu aufgenommenen "
    "Ansichten kommen ans Ende.",
    "save_mine": "Meine Fassung trotzdem speichern",
    "save_mine_help": "Ersetzt die gespeicherte Fassung; laden Sie sie vorher herunter.",
    "download_mine": "Meine Fassung herunterladen (TOML)",
    "download_mine_help": "Ihre Fassung, so wie sie hier steht.",
    "download_theirs": "Gespeicherte Fassung herunterladen (TOML)",
    "download_theirs_help": "Die Datei, wie sie jetzt im Datenordner liegt.",
    "file_problems": "Die Agenda-Datei {file} enthält {n} Problem(e); betroffene Ansichten "
    "oder Angaben wurden nicht übernommen.",
    "col_view": "Ansicht",
    "agenda": "Agenda",
    "agenda_title": "Titel der Agenda",
    "agenda_title_placeholder": "z. B. Sitzung des Sozialausschusses am …",
    "empty": "Die Agenda ist leer: Nehmen Sie unten eine erste Ansicht auf.",
    "long": "{n} Ansichten – bearbeitet werden je {size}.",
    "all_views": "Alle Ansichten im Überblick",
    "edit_part": "Ansichten bearbeiten",
    "part": "Ansicht {first} bis {last}",
    "view_head": "**Ansicht {n}** · Seite ›{page}‹ · [öffnen]({link})",
    "up": "nach oben",
    "down": "nach unten",
    "remove": "Ansicht entfernen",
    "view_title": "Titel",
    "message": "Kernaussage",
    "add": "Ansicht hinzufügen",
    "source_link": "eingefügter Link (unten)",
    "default_view": "Standardansicht",
    "recent": "zuletzt gezeigt: {page} ({details})",
    "which": "Welche Ansicht?",
    "which_help": "Die Ansichten, die Sie in dieser Sitzung zuletzt auf den Seiten hatten, "
    "oder ein Link (›Link zu dieser Ansicht‹ unten in der Seitenleiste jeder Seite).",
    "link": "Link",
    "link_placeholder": "http://…/karte?kinds=ort_fuer_alle",
    "title_placeholder": "z. B. Weiße Flecken im Süden",
    "message_one": "Kernaussage (ein Satz)",
    "message_placeholder": "Was soll der Rat aus dieser Ansicht mitnehmen?",
    "bad_link": "Der Link passt nicht: {error}",
    "not_agenda_page": "Die Seite ›Präsentation‹ selbst kann keine Ansicht der Agenda sein.",
    "no_title": "Bitte einen Titel angeben – er steht groß über der Ansicht.",
    "save_header": "Speichern und präsentieren",
    "where": "Die Agenda wird im Datenordner gespeichert: {where}. ",
    "unsaved": "**Es gibt ungespeicherte Änderungen.**",
    "all_saved": "Alles gespeichert.",
    "changed_elsewhere": "Die Agenda-Datei wurde inzwischen anderswo geändert. Beim Speichern "
    "können Sie wählen, welche Fassung gilt – es geht nichts verloren.",
    "save": "Speichern",
    "save_start": "Speichern und Präsentation starten",
    "discard": "Änderungen verwerfen",
    "download": "Agenda herunterladen (TOML)",
    "download_help": "Zum Weitergeben oder Sichern; in den Datenordner gelegt, gilt sie als "
    "Agenda.",
}


# --- Core modules: selection checks, map legends, exports ----------------------------------

ANALYSIS_TEXTS = {
    "unknown": "Unbekannte {what}: {bad}; erlaubt: {allowed}.",
    "kinds": "Art(en)",
    "statuses": "Status",
    "require": "Merkmale",
    "unknown_group": "Unbekannte Zielgruppe '{group}'; erlaubt: {allowed}.",
    "radius": "Umkreis {radius} m: erwartet eine Zahl ab 0 (Meter).",
    "place": "gewählter Ort",
    "places": "gewählte Orte",
}
PROFILE_TEXTS = {
    "unknown_district": "Stadtteil '{district}' unbekannt; vorhanden: {names}",
    "residents": "{n} Einwohner",
}
CLASSIFICATION_SCHEME_LABELS = {
    "quantiles": "Quantile (gleich viele Stadtteile je Klasse)",
    "equal_interval": "Gleiche Abstände",
    "natural_breaks": "Natürliche Unterbrechungen (Jenks)",
}
LEGEND_TEXTS = {
    "above_range": "über {low} – {high}",
    "above": "über ",
}
EXPORT_TEXTS = {
    "sheet": "Tabelle",
    "no_crs": "Ebene hat kein Koordinatenreferenzsystem; erst set_crs() aufrufen "
    "(z. B. gdf.set_crs('EPSG:25832')).",
    "no_layers": "Keine Ebene zum Schreiben übergeben.",
    "script_missing": "Skript {name!r} ist nicht mitgeliefert und kann nicht eingebettet "
    "werden (quartiersatlas.assets.vendor_js ergänzen).",
    "stylesheet_missing": "Stylesheet {name!r} ist nicht mitgeliefert und kann nicht "
    "eingebettet werden (quartiersatlas.assets.vendor_css ergänzen).",
    "remote": "Die Karte lädt noch etwas aus dem Netz: {url!r}",
}
LINK_ERRORS = {
    "unknown_page": "Unbekannte Seite '{page}'; vorhanden: {pages}.",
}
HYPHENATION = {
    # Where long German header words of the PDF tables may break (soft hyphen).
    "Stadtteilteams": "Stadtteil\u00adteams",
    "Leistungsberechtigte": "Leistungs\u00adberechtigte",
    "Netzwerke": "Netz\u00adwerke",
    "Einwohner": "Ein\u00adwohner",
    "zutreffende": "zu\u00adtreffende",
    "Kriterien": "Krite\u00adrien",
}
BASEMAP_LABELS = {
    "osm": "OpenStreetMap",
    "basemap_de": "basemap.de (farbig)",
    "basemap_de_grau": "basemap.de (grau)",
}
MAP_TEXTS = {
    # Markup around these words stays in quartiersatlas.maps; the words are trusted.
    "osm_contributors": "OpenStreetMap</a>-Mitwirkende",
    "source_link": "Quelle",
    "address": "Adresse: ",
    "status": "Status: ",
    "access": "Barrierefreiheit: ",
    "groups": "Zielgruppen: ",
    "approximate": "Lage geschätzt",
    "approximate_note": "⚠ Lage ungefähr: ",
    "group_districts": "{name}: abgedeckte Stadtteile",
    "meeting_place": "Treffpunkt: ",
    "districts": "Stadtteile: ",
    "meeting_approximate": "⚠ Lage des Treffpunkts ungefähr",
    "meeting_alt": "Treffpunkt {name}",
    "meeting_places": "{name}: Treffpunkte",
    "legend": "Legende",
    "classes": "Klassen: ",
    "approximate_symbol": "hohl/gestrichelt: Lage geschätzt",
    "team": "Stadtteilteam: Gebiet (Linie), Treffpunkt (T)",
    "network": "Netzwerk: Gebiet (gestrichelt), Treffpunkt (N)",
    "uncovered": "nicht erreicht (weißer Fleck)",
    "basemap": "Hintergrund: {label}",
    "approximate_tooltip": " – Lage ungefähr",
    "selected": "Ausgewählter Stadtteil",
    "status_lines": "Datenstand:",
}
