"""The German texts of the dashboard: every user-facing string, by catalogue and key.

Read through :mod:`quartiersatlas.texts`, which answers in the language of the current
context; :mod:`quartiersatlas.texts_en` (English) and :mod:`quartiersatlas.texts_ls`
(Leichte Sprache) have the same names and keys. Codes stay English in data files and
code; these are what people read.
"""

from __future__ import annotations

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


# --- Abdeckung & Lücken (coverage and gap analysis) -----------------------------------
# Appended for quartiersatlas.coverage / gaps / census / need and pages/abdeckung.py.

TARGET_GROUP_OPTION_LABELS = {"all": "alle", "under_18": "unter 18", "65_plus": "ab 65"}
TARGET_GROUP_RESIDENTS = {
    "all": "Einwohner",
    "under_18": "Einwohner unter 18",
    "65_plus": "Einwohner ab 65",
}
RESIDENTS_BASIS_LABELS = {
    "grid": "Bevölkerungsgitter",
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
GAP_RANK_TEXTS = {
    "single": "{rank}.",
    "shared": "{first}.–{last}.",
    "criteria": "Geprüfte Kriterien: {criteria}. Je zutreffendem Kriterium ein Punkt.",
    "order": "Reihenfolge: zuerst nach Zahl der erfüllten Kriterien (meiste zuerst), bei "
    "Gleichstand nach dem {share} im Umkreis (geringster zuerst), dann nach der Zahl der "
    "{group} ohne Angebot im Umkreis (geschätzt; meiste zuerst); gleiche Werte = geteilter "
    "Rang (z. B. »2.–19.«), innerhalb eines geteilten Rangs nach Namen. Verglichen werden die "
    "Werte, wie die Tabelle sie zeigt: der Anteil auf ganze Prozent, die Einwohner auf ganze "
    "Zahlen gerundet; »–« (nicht berechenbar) steht hinten.",
    "share_area": "Anteil der Fläche",
    "share_residents": "Anteil der {group}",
    "shared_note": " Den Rang teilen sich {n} Stadtteile mit gleichen Werten bei allen "
    "Sortierkriterien.",
}
SENSITIVITY_TEXTS = {
    "title": "Wie stabil ist die Reihenfolge?",
    "intro": "Die ersten {n} Stadtteile, wenn jeweils nur ein Kriterium zählt (bei Gleichstand "
    "dieselbe Reihenfolge wie oben). Aufgeführt sind nur Stadtteile, auf die das Kriterium "
    "zutrifft; »–«: bei diesem Kriterium nicht unter den ersten {n}.",
    "one_criterion": "Nur ein Kriterium gewählt: Schalten Sie mindestens zwei Kriterien ein, "
    "um zu sehen, wie sich die Reihenfolge mit den Kriterien ändert.",
    "none": "Keines der gewählten Kriterien trifft auf einen Stadtteil zu.",
    "combined": "Rang (alle Kriterien)",
    "robust_column": "bei jedem Kriterium unter den ersten {n}",
    "beyond": "{rank} *",
    "beyond_note": "* Geteilter Rang, der über Platz {n} hinausreicht: Die ganze Gruppe ist "
    "aufgeführt.",
    "robust": "Bei jedem einzelnen Kriterium unter den ersten {n}: {districts}.",
    "no_robust": "Kein Stadtteil ist bei jedem einzelnen Kriterium unter den ersten {n}.",
    "csv": "Stabilität der Reihenfolge (CSV)",
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
        "Einwohner nach den Zellen des Bevölkerungsgitters: eine Zelle zählt für den "
        "Stadtteil, in dem ihr Mittelpunkt liegt, und gilt als erreicht, wenn ihr "
        "Mittelpunkt höchstens R Meter Luftlinie von einem Ort entfernt ist."
    ),
    "grid_network": (
        "Einwohner nach den Zellen des Bevölkerungsgitters: eine Zelle zählt für den "
        "Stadtteil, in dem ihr Mittelpunkt liegt, und gilt als erreicht, wenn ihr "
        "Mittelpunkt entlang der Wege höchstens R Meter von einem Ort entfernt ist."
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
        "Umkreis = Luftlinie von {radius} um jeden Ort; Umwege und Barrieren unterwegs "
        "sind nicht berücksichtigt."
    ),
    "catchment_method": (
        "Jeder Umkreis wird als Vieleck mit 16 Segmenten je Viertelkreis (64 Ecken) "
        "gerechnet, im metrischen Koordinatensystem {crs}; Flächen in km² ebenfalls dort."
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
    "no_kinds": "keine",  # kinds of places chosen: none
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
    "uncovered_text": "{area} ({share} der Fläche) liegen weiter als {radius} von "
    "jedem gewählten Ort entfernt; dort wohnen geschätzt {residents}.",
    "uncovered_text_nores": "{area} ({share} der Fläche) liegen weiter als {radius} "
    "von jedem gewählten Ort entfernt; Einwohnerzahl unbekannt.",
    "rank": "Rang {rank} von {total} in der Lücken-Rangliste; zutreffende Kriterien: "
    "{score} von {criteria}.",
    "rank_no_criteria": "Kein Lücken-Kriterium gewählt: keine Rangliste.",
    "criteria": "Geprüfte Kriterien: {criteria}. Je zutreffendem Kriterium ein Punkt; bei "
    "Gleichstand zuerst der Stadtteil mit der geringeren Abdeckung.",
    "reasons": "Gründe: {reasons}.",
    "no_reasons": "Keines der gewählten Kriterien trifft zu.",
    "unknown": "Nicht prüfbar: {unknown}.",
    "selection_text": "Arten von Orten: {kinds}. Es zählen Orte mit Status: {statuses}. "
    "Umkreis R = {radius}.",
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
    "score_of": "zutreffende Kriterien (von {n})",
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
    "grid_file": "Einwohner je Gitterzelle (Abdeckung nach Zellen): Datei {file}.",
    "credit": "Nachweis: {credit}",
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
    "planung": "Planung",
    "datenpruefung": "Datenprüfung",
    "praesentation": "Präsentation",
    "hilfe": "Hilfe",
    "barrierefreiheit": "Barrierefreiheit",
    "daten_pflegen": "Daten pflegen",
    "aenderungen": "Änderungen",
}
LINK_LABELS = {
    "lang": "Sprache",
    "open": "Geöffnet",
    "praesentation": "Präsentationsmodus",
    "dist": "Entfernung gemessen als",
    "folie": "Folie",
    "district": "Stadtteil",
    "kinds": "Arten von Orten",
    "status": "Status",
    "access": "Barrierefreiheit",
    "groups": "Zielgruppen",
    "q": "Suche nach Name",
    "szenario": "Szenario",
    "seit": "Änderungen seit",
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
    "figures": "›figures‹ muss eine Tabelle aus Platzhalter-Namen und Zahlen sein; "
    "Eintrag ignoriert",
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
    # month names, space-separated (dates written in words; German dates use digits)
    "month_names": "Januar Februar März April Mai Juni Juli August September Oktober "
    "November Dezember",
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
    "radius_any": "Umkreis",
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
    "network": "Wegenetz wird gelesen …",
    "bands": "Gehzeiten werden berechnet …",
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
    "residents_help": "Summe der Einwohnerzahlen je Stadtteil aus {file}",
    "errors": "In den Daten wurden {n} Fehler gefunden; betroffene Zeilen fehlen in den "
    "Auswertungen oder haben keine Lage. Details auf der Seite ›Datenprüfung‹.",
    "by_kind": "Orte je Art",
    "empty_districts": "**Stadtteile ohne erfassten Ort ({n}):** ",
    "none_in_data": "Keine {what} in den Daten.",
    "unassigned": "Orte ohne sichere Zuordnung",
    "unassigned_text": "Diese Orte haben keine Koordinaten oder liegen nicht eindeutig in "
    "einem Stadtteil. Sie erscheinen nicht auf Karten, bis ihre Lage nachgetragen ist.",
    "by_kind_csv": "Orte je Art (CSV)",
    "map": "Auf einen Blick",
    "map_caption": "Stadtteile nach Zahl der erfassten Orte (alle Arten, jeder Status) und "
    "die Gebiete der aktiven Stadtteilteams; die einzelnen Orte zeigt die Seite ›Karte‹. "
    "Dieselben Zahlen stehen in den Tabellen unten.",
    "kind_chart": "Zahl der Orte",
    "kind_chart_description": "Balkendiagramm: Zahl der Orte je Art, absteigend sortiert. "
    "Dieselben Zahlen stehen in der Tabelle daneben.",
    "kinds_here": "Arten vor Ort",
    "none_here": "–",
    "matrix": "Alle Arten je Stadtteil (eine Spalte je Art)",
    "no_team_names": "**Stadtteile ohne aktives Stadtteilteam ({n} von {total}):** ",
    "about": "Über die Daten",
    "about_intro": "Woher die Zahlen und Flächen kommen, mit Lizenz und Stand:",
}
DATENPRUEFUNG_TEXTS = {
    "intro": "Datenordner: {folder}. Jede Zeile, die nicht oder nur teilweise übernommen "
    "wurde, steht hier mit Datei, Zeile, Spalte und Abhilfe. Dieselbe Prüfung gibt es auf "
    "der Kommandozeile: `python -m quartiersatlas check`.",
    "from_store": "Orte, Stadtteilteams und Netzwerke kommen aus der Bestandsdatenbank "
    "{store} (geändert auf der Seite „Daten pflegen“ oder mit `python -m quartiersatlas "
    "store import`); ihre Dateien im Datenordner dienen dann nur dem Import und Export. "
    "Geprüft wird der Bestand wie die Dateien.",
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
    "data_quality": "Datenlage: Orte mit lückenhaften Angaben (%)",
    "none": "keine Flächenfüllung",
}
KARTE_INDICATOR_UNITS = {
    "places": "Orte",
    "places_per_1000": "je 1.000 EW",
    "area_covered_share": "%",
    "residents_covered_share": "%",
    "data_quality": "%",
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
    "note_quality": "Anteil der Orte ohne Lage, mit geschätzter Lage, unbekanntem "
    "stufenlosem Zugang oder ohne Bestätigung seit {months} Monaten; ohne Füllung: kein Ort "
    "erfasst (Tabelle auf der Seite Datenprüfung)",
    "place": "Ort",
    "places_dative": "Orten",
    "uncovered_label": "weiter als {radius} von jedem gezeigten Ort",
    "no_status": "keinem",
    "caption": "{n} von {total} entsprechen den Filtern (Status: {statuses}); {located} "
    "davon haben Koordinaten und stehen auf der Karte. Alle Zahlen dieser Seite zählen "
    "genau diese Orte.",
    "select_hint": "Klicken Sie auf einen Stadtteil in der Karte: Seine Zahlen erscheinen "
    "hier, seine Orte, Stadtteilteams und Netzwerke unter der Karte.",
    "no_match": "Kein Ort entspricht den Filtern. Filter in der Seitenleiste lockern.",
    "no_match_short": "Kein Ort entspricht den Filtern.",
    "skip_to_panel": "Zur Stadtteilauswahl neben der Karte springen",
    "panel_title": "Stadtteil",
    "select": "Stadtteil auswählen (auch ohne Karte)",
    "select_none": "– keiner –",
    "district_title": "Stadtteil {name}",
    "details_title": "{name} im Einzelnen",
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
    "search_found": "Namenssuche »{text}«: {n}, auf der Karte magenta umrandet – {places}. "
    "Die Flächenfüllung und die Zahlen bleiben dieselben.",
    "search_help": "Findet Orte, deren Name den Text enthält: Die Karte zeigt sie und "
    "umrandet sie magenta, in der Tabelle der Orte stehen sie oben. Flächenfüllung und "
    "Zahlen ändern sich dadurch nicht.",
    "search_none": "Kein gezeigter Ort heißt »{text}«: Schreibweise prüfen oder Filter lockern.",
    "search_no_district": "ohne Stadtteil",
    "match": "Treffer",
    "matches": "Treffer",
    "export_title": "Quartiersatlas {city}: Karte",
    "export_kinds": "Orte: {kinds}; Status: {statuses}",
    "export_access": "Barrierefreiheit (nur Orte mit): {access}",
    "export_groups": "Zielgruppen: {groups}",
    "export_search": "Namenssuche: »{text}« ({matches})",
    "export_fill": "Flächenfüllung: {title}; Klassen: {scheme}",
    "export_no_fill": "Flächenfüllung: keine",
    "export_gaps": "Weiße Flecken: weiter als {radius} von jedem gezeigten Ort",
    "export_district": "Ausgewählter Stadtteil: {name}",
    "none": "keine",
}
ABDECKUNG_TEXTS = {
    "intro": "Wo sind Orte für Alle, Stadtteiltreffs und andere Angebote zu Fuß erreichbar – "
    "und wo fehlen sie? Diese Seite zeigt je Stadtteil, welcher Teil der Fläche und der "
    "Einwohner im Umkreis eines gewählten Orts liegt, ob es ein Stadtteilteam und Netzwerke "
    "gibt, und ordnet die Stadtteile nach den Lücken, die Sie als Kriterien auswählen.",
    "radius": "Umkreis R (Luftlinie)",
    "radius_any": "Umkreis R",
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
    "nav": "Auf dieser Seite",
    "method": "Methode im Detail (für Fachleute)",
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
    "bars_description": "Balkendiagramm: {value} je Stadtteil, ein Balken je Stadtteil, "
    "aufsteigend sortiert. Dieselben Werte stehen in der Tabelle daneben.",
    "scatter_description": "Streudiagramm: {x} (waagerecht) gegen {y} (senkrecht), ein "
    "benannter Punkt je Stadtteil. Dieselben Werte stehen in der Tabelle daneben.",
    "no_values": "Keine Werte: Einwohnerzahlen fehlen.",
    "same_values": "Dieselben Werte",
    "need": "Bedarf und Versorgung",
    "no_need": "Keine Bedarfsdatei eingerichtet (settings.toml `[files] need`): Bedarf und "
    "Versorgung können nicht gegenübergestellt werden.",
    "no_need_values": "Keine Stadtteile mit Bedarfswert.",
    "scatter_caption": "Oben links: wenig Bedarf, gut versorgt. Unten rechts: hoher Bedarf, "
    "wenig im Umkreis – dort zuerst hinsehen.",
    "uncovered_text": "Flächen, die weiter als {radius} von jedem gewählten Ort "
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
    "{radius} von jedem gezählten Ort); Orte auch aus den Nachbar-Stadtteilen, "
    "denn ihr Umkreis reicht über die Grenze. Dieselben Inhalte stehen in den Tabellen "
    "dieser Seite.",
    "pdf": "Steckbrief (PDF)",
    "pdf_help": "Stadtteil-Steckbrief für Sitzungsunterlagen (A4)",
    "xlsx": "Tabellen (Excel)",
    "figures_csv": "Kennzahlen (CSV)",
    "groups_csv": "Teams und Netzwerke (CSV)",
    "pick_hint": "Klicken Sie auf einen Stadtteil in der Karte oder wählen Sie ihn oben aus "
    "der Liste.",
    "pick_map_caption": "Die {n} Stadtteile mit ihren Namen; ein Klick öffnet den "
    "Steckbrief. Dieselben Stadtteile stehen in der Auswahlliste oben.",
    "method": "Methode im Detail (für Fachleute)",
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
    "handout": "Handout (PDF)",
    "handout_help": "Die Agenda als PDF für die Sitzungsunterlagen: ein Deckblatt und je "
    "Ansicht eine A4-Seite mit Titel, Kernaussage, Karte, Kennzahlen, Auswahl, Link und "
    "Datenstand (gespeicherte Fassung der Ansichten wie oben).",
}
HANDOUT_TEXTS = {
    "kicker": "Handout zur Sitzung",
    "untitled": "Agenda ohne Titel",
    "footer": "Quartiersatlas · Handout {title}",
    "views": "Ansichten",
    "view_line": "{n}. {title} – {page}",
    "no_views": "Die Agenda enthält noch keine Ansicht.",
    "intro": "Je Ansicht eine Seite: Titel und Kernaussage, dazu die Zahlen und die Karte, "
    "die die App für diese Ansicht zeigt – berechnet mit dem Datenstand vom {date}.",
    "view_kicker": "Ansicht {n} von {total} · {page}",
    "selection": "Auswahl: {text}",
    "criteria": "Lücken-Kriterien: {criteria}.",
    "all_gaps": "Alle Kriterien treffen zu auf ({n}): {names}.",
    "no_all_gaps": "Auf keinen Stadtteil treffen alle Kriterien zu.",
    "link": "Link der Ansicht in der App: {link}",
    "notices": "Hinweis zum Link: {notices}",
    "stale": "Diese Ansicht passt nicht mehr zu den Daten: {reason} Bitte die Ansicht in der "
    "Agenda neu anlegen oder den Link anpassen.",
    "no_district": "Kein Stadtteil gewählt.",
    "problems_intro": "Die Datenprüfung listet, was in den Datendateien fehlt oder nicht passt.",
    "errors": "Fehler in den Daten",
    "warnings": "Hinweise (Warnungen)",
    # a view of the page "Planung" (a scenario: hypothetical places, never inventory)
    "no_scenario": "Kein Szenario gewählt.",
    "scenario": "Szenario: {name} (hypothetische Änderungen, nicht im Bestand)",
    "scenario_empty": "Das Szenario enthält keine Änderung.",
    "scenario_places": "Orte, die zählen",
    "scenario_covered": "{group} im Umkreis von {radius} m",
    "scenario_area": "Fläche im Umkreis von {radius} m",
    "before": "vorher",
    "after": "nachher",
    "scenario_districts": "Stadtteile mit der größten Veränderung",
    "scenario_added": "Hypothetische Orte (Planungsannahmen, nicht im Bestand): {places}.",
    "scenario_changed": "Außerdem {off} Ort(e) abgeschaltet und {moved} Ort(e) verlegt.",
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
    "sources_column": "Datenstand und Quellen",
    "sources_sheet": "Quellen",
    "unknown_district": "Stadtteil '{district}' unbekannt; vorhanden: {names}",
    "residents": "{n} Einwohner",
}
CLASSIFICATION_SCHEME_LABELS = {
    "quantiles": "Quantile (möglichst gleich viele Stadtteile je Klasse)",
    "equal_interval": "Gleiche Abstände",
    "natural_breaks": "Natürliche Unterbrechungen (Jenks)",
}
LEGEND_TEXTS = {
    "above_range": "über {low} – {high}",
    "above": "über ",
    "district": "Stadtteil",
    "districts": "Stadtteile",
    "ties": "Quantile; gleiche Werte bleiben in einer Klasse, darum ungleich groß",
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
    "csv_status": "Datenstand: {lines}",
    "map_date": "Stand: {date}",
    "unit_percent": "%",
    "unit_km2": "km²",
    "city_number": "Stadt (Zahl)",
    "unit": "Einheit",
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
    # the name of a district on a map to choose from, for screen readers ({name}: text)
    "select_district": "Stadtteil {name} wählen",
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
    "labels": "Stadtteilnamen",
    "matches": "Treffer der Namenssuche",
    # a scenario's hypothetical place (quartiersatlas.scenario): before its name, in its popup
    "hypothetical": "Hypothetisch: ",
    "hypothetical_note": "Hypothetischer Ort (Szenario) – nicht im Bestand",
}


# --- Reading and checking data files ----------------------------------------------------
# Problem messages and hints of quartiersatlas.readers / validate / need / census / join.
# A hint that ends in a fragment ("; Zeile nicht übernommen") is joined by the code.

DATA_PROBLEMS = {
    # shared by several readers
    "not_found": "Datei nicht gefunden",
    "empty": "Datei ist leer",
    "missing_column": "Pflichtspalte '{name}' fehlt",
    "columns_present": "vorhandene Spalten: {columns}",
    "none": "(keine)",
    "duplicate_column_hint": "eine der beiden Spalten umbenennen oder löschen",
    "allowed": "erlaubt: {allowed}",
    "not_allowed": "Wert nicht erlaubt",
    "row_dropped": "; Zeile nicht übernommen",
    "area_dropped": "; Fläche wurde nicht übernommen",
    "no_number": "keine Zahl",
    "check_number_hint": "Zahl prüfen (Spalten verrutscht?)",
    "no_status": "Datenstatus fehlt",
    "status_hint": "official, estimated oder synthetic eintragen; Zeile nicht übernommen",
    "missing_row_hint": "Zeile ergänzen; bis dahin zeigt das Dashboard 'keine Daten'",
    "unknown_district": "Stadtteil unbekannt",
    # a feature of a vector file: "Objekt 3 ('Bürgerfelde'): …"
    "feature": "Objekt {n}",
    "feature_named": "Objekt {n} ('{name}')",
    "feature_message": "{feature}: {message}",
    "vertex_not_finite": "Stützpunkt mit ungültiger Koordinate (unendlich oder keine Zahl)",
    "vertex_not_finite_hint": "Stützpunkt in QGIS korrigieren oder löschen",
}
READER_PROBLEMS = {
    "save_as": "Excel: 'CSV UTF-8 (durch Trennzeichen getrennt)'",
    "not_text": "Datei ist keine Textdatei (CSV), sondern {what}",
    "xlsx_or_zip": "eine Excel-Datei (.xlsx) oder ein ZIP-Archiv",
    "xlsx_or_zip_hint": "Excel-Dateien mit der Endung .xlsx angeben oder in Excel als CSV "
    "speichern ({save_as})",
    "old_excel": "eine alte Excel-Datei (.xls)",
    "old_excel_hint": "in Excel als .xlsx oder als CSV speichern ({save_as})",
    "pdf": "ein PDF-Dokument",
    "pdf_hint": "die Tabelle als CSV oder .xlsx angeben",
    "database": "eine Datenbank (z. B. GeoPackage)",
    "database_hint": "GeoPackage-Dateien mit der Endung .gpkg angeben",
    "undecodable": "Zeichen nicht lesbar: Bytes {bytes} sind kein gültiges {encoding}; "
    "ersetzt durch '\ufffd'",
    "save_utf8_hint": "Datei als CSV UTF-8 speichern ({save_as})",
    "binary": "Datei ist keine Textdatei (CSV): sie enthält {n} Steuerzeichen",
    "binary_hint": "Tabelle als CSV speichern ({save_as}) oder als .xlsx angeben",
    "unreadable": "Datei kann nicht gelesen werden",
    "unreadable_hint": "Zugriffsrechte der Datei prüfen",
    "csv_unreadable": "CSV-Datei nicht lesbar",
    "csv_unreadable_value": "Zeile {line} der Datei: {error}",
    "csv_unreadable_hint": "Datei in Excel öffnen und neu speichern ({save_as})",
    "bom": "Byte-Order-Mark (U+FEFF) mitten in der Datei entfernt",
    "bom_hint": "entsteht, wenn Dateien aneinandergehängt werden; Datei prüfen und als eine "
    "Datei speichern ({save_as})",
    "undecodable_hint": "Datei als CSV UTF-8 speichern ({save_as}) und den Wert prüfen",
    "undecodable_guess": "; als Windows-1252 gelesen hieße er {guess!r}",
    "control": "Steuerzeichen ({codes}) entfernt",
    "control_hint": "Steuerzeichen entstehen z. B. beim Kopieren aus anderen Programmen; Wert "
    "in der Quelle prüfen",
    "lookalike": "Zeichenfolge '{text}' sieht nach UTF-8 aus (wäre '{meant}'); die Datei wurde "
    "als Windows-1252 gelesen",
    "lookalike_hint": "die Datei mischt zwei Zeichenkodierungen: einheitlich als CSV UTF-8 "
    "speichern ({save_as}); der Wert wurde so übernommen, wie er gelesen wurde",
    "duplicate_column": "Spalte '{name}' kommt doppelt vor (auch Spalte {other})",
    "duplicate_column_of": "Spalte '{name}' kommt doppelt vor (auch '{other}')",
    "column_n": "Spalte {n}",
    "reserved_column": "Spaltenname '{name}' ist für die Zeilennummer reserviert",
    "renamed_hint": "Spalte umbenennen; sie wird als '{name}' gelesen",
    "unclosed_quote": "Feld reicht über {lines} Zeilen der Datei, {rowlike} davon mit "
    "Trennzeichen wie eigene Zeilen – vermutlich fehlt ein schließendes Anführungszeichen",
    "unclosed_quote_hint": 'Anführungszeichen schließen oder entfernen (ein " im Text wird als '
    '"" geschrieben); Zeile wurde nicht übernommen',
    "long_row": "Zeile hat {n} Felder, die Kopfzeile nur {width}",
    "long_row_hint": "Trennzeichen in Texten in Anführungszeichen setzen oder überzählige "
    "Felder entfernen; Zeile wurde nicht übernommen",
    "repeated_header": "Zeile wiederholt die Kopfzeile",
    "repeated_header_hint": "entsteht, wenn Dateien aneinandergehängt werden; Zeile löschen; "
    "Zeile wurde nicht übernommen",
    "short_row": "Zeile hat nur {n} Felder, die Kopfzeile {named}",
    "short_row_hint": "fehlende Felder bzw. Trennzeichen ergänzen; übernommen mit leeren "
    "Feldern für {missing}",
    "save_points": "Orte als Punkte speichern",
    "not_point": "Geometrie ist {type}, erwartet wird ein Punkt",
    "not_point_hint": "Orte als Punkte speichern; der Ort wird ohne Lage übernommen",
    "lat_lon_and_point": "Spalten lat/lon und Punktgeometrie zugleich: für Objekte mit Punkt "
    "gilt die Geometrie",
    "lat_lon_and_point_hint": "Spalten lat/lon entfernen; Objekte ohne Punkt behalten die "
    "Werte der Spalten",
    "not_found_hint": "Pfad prüfen (settings.toml [files] oder Kommandozeile)",
    "xls": "Altes Excel-Format (.xls) wird nicht gelesen",
    "xls_hint": "in Excel als .xlsx oder als CSV UTF-8 speichern",
    "excel_unreadable": "Excel-Datei nicht lesbar: {error}",
    "first_sheet_hint": "gelesen wird das erste Tabellenblatt; Daten dorthin verschieben",
    "vector_unreadable": "Datei ist kein lesbares Geodaten-Format (GeoJSON, GeoPackage, Shapefile)",
    "vector_unreadable_hint": "Datei in QGIS öffnen und neu speichern (z. B. als GeoPackage); "
    "der Wert zeigt die technische Meldung des Lesers",
    "no_crs": "Datei hat kein Koordinatenreferenzsystem (CRS)",
    "no_crs_hint": "CRS angeben: bei Shapefiles fehlt die .prj-Datei – in QGIS 'Projektion "
    "zuweisen' oder `ogr2ogr -a_srs EPSG:25832 neu.gpkg alt.shp`; GeoJSON ist immer WGS84 "
    "(EPSG:4326)",
    "no_geometry": "Datei enthält keine Geometrien",
    "no_geometry_hint": "{hint}; als GeoJSON, GeoPackage oder Shapefile speichern",
    "crs_unconvertible": "Koordinatenreferenzsystem (CRS) lässt sich nicht in WGS84 umrechnen",
    "crs_unconvertible_hint": "Datei in QGIS in ein amtliches CRS (z. B. EPSG:25832) "
    "umprojizieren und neu speichern",
    "layer_missing": "Ebene '{layer}' nicht gefunden",
    "layer_missing_hint": "vorhandene Ebenen: {layers}",
    "layers": "Datei hat {n} Ebenen; gelesen wird '{layer}'",
    "layers_hint": "andere Ebene mit --layer wählen",
    "name_field_missing": "Feld mit dem Stadtteilnamen nicht gefunden",
    "no_name_field": "kein Namensfeld erkannt",
    "name_field_hint": "Namensfeld mit --name-field angeben; vorhandene Felder: {fields}",
    "districts_table": "Datei ist eine Tabelle, keine Ebene mit Stadtteilflächen",
    "districts_table_hint": "Stadtteilflächen als GeoJSON, GeoPackage oder Shapefile angeben "
    "(settings.toml [files] districts bzw. --districts)",
    "save_areas": "Stadtteile als Flächen speichern",
    "no_areas": "Datei enthält keine Flächen",
    "empty_name": "Name ist leer",
    "empty_name_hint": "Namen eintragen; Fläche wurde nicht übernommen",
    "empty_id": "Kennung ist leer",
    "empty_id_hint": "Kennung eintragen; Fläche wurde nicht übernommen",
    "no_feature_geometry": "keine Geometrie",
    "no_feature_geometry_hint": "Fläche zeichnen oder Objekt löschen",
    "not_polygon": "Geometrie ist {type}, erwartet Polygon",
    "not_polygon_hint": "nur Flächen als Stadtteile verwenden",
    "invalid_geometry": "ungültige Geometrie, nicht reparierbar ({reason})",
    "invalid_geometry_hint": "Geometrie in QGIS prüfen (Vektor › Geometrie prüfen)",
    "repaired_geometry": "ungültige Geometrie repariert ({reason})",
    "repaired_geometry_hint": "Geometrie in der Quelle korrigieren",
    "duplicate_name": "Name doppelt (schon Objekt {first})",
    "duplicate_name_hint": "Namen eindeutig machen oder Teile zu einer Fläche zusammenfassen; "
    "Fläche wurde nicht übernommen",
    "duplicate_id": "Kennung doppelt (schon Objekt {first})",
    "duplicate_id_hint": "Kennungen eindeutig machen; Fläche wurde nicht übernommen",
    "no_valid_area": "keine gültige Fläche",
}
VALIDATE_PROBLEMS = {
    "generated_id": "Spalte 'id' fehlt: Kennungen aus den Namen gebildet (Name und Prüfsumme, "
    "bei doppelten Namen Name und Zeilennummer)",
    "generated_id_hint": "Spalte id mit festen Kennungen ergänzen: gebildete Kennungen ändern "
    "sich, wenn sich der Name ändert (Links und Tagesordnungen verweisen auf Kennungen)",
    "missing_column_hint": "Spalte ergänzen (siehe data/README.md); {present}",
    "xy_no_crs": "x/y ohne Angabe des Koordinatensystems",
    "xy_no_crs_hint": "CRS in settings.toml [places] xy_crs oder mit --crs angeben, oder "
    "lat/lon (WGS84) verwenden",
    "coordinate_number_hint": "Dezimalzahl wie 53.1435 oder 53,1435 eintragen; Ort ohne Lage "
    "übernommen",
    "coordinate_incomplete": "Koordinate unvollständig: {name} fehlt",
    "coordinate_incomplete_hint": "{a} und {b} beide eintragen oder beide leer lassen; Ort "
    "ohne Lage übernommen",
    "xy_unconvertible": "x/y lassen sich nicht aus {crs} umrechnen",
    "xy_unconvertible_hint": "Koordinatensystem prüfen",
    "swapped": "Breite und Länge vertauscht",
    "swapped_hint": "Werte von lat und lon tauschen (hier: lat ≈ {lat}, lon ≈ {lon}); Ort ohne "
    "Lage übernommen",
    "out_of_range": "Koordinate außerhalb des gültigen Bereichs",
    "out_of_range_hint": "lat zwischen -90 und 90, lon zwischen -180 und 180 (WGS84-Grad); bei "
    "UTM-Werten Spalten x/y verwenden; Ort ohne Lage übernommen",
    "missing_id": "Kennung fehlt",
    "missing_id_hint": "eindeutige Kennung eintragen (z. B. 'stadtteiltreff-kreyenbrueck')",
    "duplicate_id": "Kennung doppelt (schon in Zeile {first})",
    "duplicate_id_hint": "Kennungen eindeutig machen",
    "unknown_group": "unbekannte Zielgruppe",
    "coordinate_columns": "Spalten für Koordinaten fehlen",
    "coordinate_columns_hint": "Spalten lat und lon (WGS84) oder x und y (z. B. EPSG:25832) "
    "ergänzen – leer lassen, wo die Lage unbekannt ist",
    "missing_name": "Name fehlt",
    "missing_name_hint": "Namen eintragen; Zeile nicht übernommen",
    "unknown_kind": "unbekannte Art",
    "missing_kind": "Art fehlt",
    "kind_hint": "erlaubt: {kinds} (oder ihre Bezeichnung; neue Arten in settings.toml "
    "[[kinds]] anlegen); Zeile nicht übernommen",
    "as_approximate": "; als 'approximate' behandelt",
    "quality_missing": "Lagegenauigkeit fehlt",
    "quality_hint": "exact oder approximate eintragen; als 'approximate' behandelt",
    "quality_none": "Koordinaten vorhanden, aber Lagegenauigkeit 'none'",
    "quality_column": "Spalte 'coord_quality' fehlt: die Lage der {n} Orte mit Koordinaten "
    "wird als 'approximate' (ungefähr) angenommen",
    "quality_column_hint": "Spalte coord_quality ergänzen und je Ort exact, approximate oder "
    "none eintragen",
    "exact_without": "Lagegenauigkeit 'exact', aber keine Koordinaten",
    "exact_without_hint": "Koordinaten (lat/lon oder x/y) eintragen oder Lagegenauigkeit "
    "'none'; Ort ohne Lage übernommen",
    "unknown_district_hint": "Namen wie in der Stadtteil-Ebene schreiben, mehrere mit ';' "
    "trennen; Eintrag ohne diesen Stadtteil übernommen",
    "missing_type": "Typ fehlt",
    "no_districts": "keine Stadtteile angegeben",
    "no_districts_hint": "abgedeckte Stadtteile eintragen, mehrere mit ';' trennen",
    "missing_district": "Stadtteil fehlt",
    "district_row_hint": "Kennung oder Namen wie in der Stadtteil-Ebene eintragen; Zeile nicht "
    "übernommen",
    "duplicate_district": "Stadtteil doppelt (schon in Zeile {first})",
    "duplicate_district_hint": "eine Zeile je Stadtteil; Zeile nicht übernommen",
    "not_count": "keine ganze Zahl ≥ 0",
    "count_too_big": "Zahl zu groß (höchstens {max:,})",
    "count_hint": "Anzahl Personen als ganze Zahl eintragen; Zeile nicht übernommen",
    "group_over": "größer als die Zahl aller Einwohner",
    "check_counts_hint": "Zahlen prüfen; Zeile nicht übernommen",
    "groups_over": "unter 18 und ab 65 zusammen mehr als alle Einwohner",
    "no_residents": "keine Einwohnerzahl für Stadtteil '{district}'",
    "total": "Summe der Einwohner {total:,} weicht{allowed} von der amtlichen Gesamtzahl "
    "{expected:,} ab",
    "total_tolerance": " um mehr als {pct:.0f} %",
    "total_hint": "Zahlen oder settings.toml [city] population_total prüfen",
    "area_of_use": "{name}: lon {west:g} bis {east:g}, lat {south:g} bis {north:g}",
    "centre": "Mitte der Stadtteile: lat {lat:.4f}, lon {lon:.4f}",
    "metric_crs_hint": "ein projiziertes System in Metern für die Stadt eintragen, z. B. {crs} "
    "(UTM-Zone der Stadt)",
    "metric_crs_outside": "die Stadt liegt außerhalb des Gültigkeitsbereichs von {crs} "
    "({area}; {where}); Flächen und Abstände können falsch sein",
    "metric_crs_undefined": "{crs} ist an der Stadt nicht definiert ({where}); Flächen und "
    "Abstände lassen sich nicht berechnen",
    "metric_crs_scale": "{crs} ist an der Stadt nicht maßstabstreu: Flächen ×{areal}, "
    "Abstände {distances} ({where}); Abdeckung, Flächenanteile und Umkreise werden "
    "entsprechend verzerrt",
    "scale_range": "×{low} bis ×{high}",
    "map_center": "Startansicht der Karte liegt nicht bei den Stadtteilen",
    "map_center_hint": "Mitte der Stadt eintragen, z. B. center_lat = {lat:.4f}, "
    "center_lon = {lon:.4f}",
    "vertex_range": "Stützpunkt außerhalb des gültigen Bereichs (lon −180 bis 180, lat −90 bis 90)",
    "vertex_range_hint": "Koordinate in QGIS korrigieren (Tippfehler? Koordinatensystem der "
    "Datei falsch angegeben?)",
    "vertex_transform": "Stützpunkt lässt sich nicht in {crs} umrechnen",
    "vertex_transform_hint": "Koordinate in QGIS korrigieren oder settings.toml [city] "
    "metric_crs prüfen",
    "vertex_far": "Stützpunkt weit außerhalb des Gültigkeitsbereichs von {crs} ({area}), in "
    "dem die Stadt liegt",
    "vertex_far_hint": "Koordinate in QGIS korrigieren (Tippfehler?)",
}
NEED_PROBLEMS = {
    "district_column_hint": "Spalte district_id (Kennung oder Name des Stadtteils) ergänzen; "
    "{present}",
    "status_column_hint": "Spalte data_status ergänzen: official, estimated oder synthetic",
    "duplicate_indicator": "Kennzahl-Spalte '{name}' kommt doppelt vor; die spätere wird nicht "
    "verwendet",
    "no_indicator": "keine Kennzahl-Spalte gefunden",
    "no_indicator_hint": "mindestens eine Spalte mit Zahlen ergänzen, z. B. sgb2_share_pct",
    "not_numeric": "Spalte enthält keine Zahlen; nicht als Kennzahl verwendet",
    "not_numeric_hint": "Textspalten 'notes' oder 'source' nennen",
    "number_hint": "Dezimalzahl wie 12.5 oder 12,5 eintragen",
    "not_finite": "keine endliche Zahl",
    "too_big": "Zahl zu groß (Betrag unter 10^15)",
    "percent": "Prozentwert außerhalb von 0 bis 100",
    "percent_hint": "Anteil in Prozent eintragen (Spaltenname endet auf _pct)",
    "value_empty": "; Wert bleibt leer",
    "no_values": "keine Bedarfswerte für Stadtteil '{district}'",
}
CENSUS_PROBLEMS = {
    "residents_hint": "Zensus-Datei 'Bevölkerungszahl in Gitterzellen' verwenden; {present}",
    "no_location_columns": "keine Spalten für die Lage der Zellen",
    "no_location_columns_hint": "GITTER_ID_100m oder x_mp_100m und y_mp_100m (EPSG:3035) ergänzen",
    "outside": "Lage der Zelle außerhalb des Gültigkeitsbereichs von EPSG:3035 (Europa)",
    "outside_hint": "Mittelpunkt in EPSG:3035-Metern angeben (x zwischen {x0:,.0f} und "
    "{x1:,.0f}, y zwischen {y0:,.0f} und {y1:,.0f}); Zeile nicht übernommen",
    "outside_more": "Zellen außerhalb Europas",
    "unlocated": "Lage der Zelle nicht lesbar",
    "unlocated_hint": "GITTER_ID wie CRS3035RES100mN3267000E4230000 oder x_mp/y_mp in "
    "EPSG:3035 angeben; Zeile nicht übernommen",
    "unlocated_more": "Zellen ohne lesbare Lage",
    "cell_unknown": "; Zelle als 'Einwohner unbekannt' übernommen",
    "too_big": "Einwohnerzahl zu groß (höchstens {max:,} je Zelle)",
    "too_big_more": "zu große Einwohnerzahlen",
    "invalid": "Einwohnerzahl keine ganze Zahl ≥ 0",
    "invalid_hint": "ganze Zahl oder ein Geheimhaltungszeichen wie '–' eintragen",
    "invalid_more": "unlesbare Einwohnerzahlen",
    "missing": "Einwohnerzahl fehlt",
    "missing_hint": "Zahl oder Geheimhaltungszeichen eintragen",
    "suppressed": "{n} Zelle(n) mit geheim gehaltener Einwohnerzahl ({symbols}): als "
    "'unbekannt' gezählt, nicht als 0",
    "suppressed_rows": "Zeilen {rows}",
    "suppressed_hint": "nichts zu tun; die Anteile der Einwohner im Umkreis beruhen auf den "
    "Zellen mit bekannter Zahl",
    "age_invalid": "Zahl der Altersgruppe keine ganze Zahl ≥ 0",
    "age_invalid_hint": "ganze Zahl oder Geheimhaltungszeichen eintragen; als 'unbekannt' "
    "übernommen",
    "duplicate": "Zelle doppelt (gleicher Mittelpunkt wie eine frühere Zeile)",
    "duplicate_hint": "jede Zelle nur einmal aufführen; Zeile nicht übernommen",
    "duplicate_more": "doppelte Zellen",
    "more": "insgesamt {total} {what}; nur die ersten {n} einzeln aufgeführt",
    "not_found_hint": "Pfad zum Zensus-Gitter prüfen",
    "unreadable": "Datei nicht lesbar: {error}",
    "not_csv": "Datei nicht als CSV lesbar: {error}",
    "not_csv_hint": "als CSV mit Semikolon als Trennzeichen speichern",
}
JOIN_PROBLEMS = {
    "outside": "Ort liegt außerhalb der Stadt ({distance:,.0f} m vom nächsten Stadtteil entfernt)",
    "outside_hint": "Koordinaten prüfen (vertauscht? falsches System?); Ort wird keinem "
    "Stadtteil zugeordnet",
    "nearest": "Ort liegt in keiner Stadtteilfläche; dem nächsten Stadtteil '{name}' "
    "zugeordnet ({distance:.0f} m, Toleranz {tolerance:.0f} m)",
    "mismatch": "Quelle nennt '{stated}', die Koordinaten liegen in '{name}'",
    "mismatch_hint": "Koordinaten oder Stadtteilangabe prüfen (bei geschätzten Koordinaten "
    "oder schematischen Grenzen zu erwarten)",
}
PROBLEM_TEXTS = {
    # How quartiersatlas.problems.Problem.format words a problem line.
    "value": " (Wert: {value!r})",
    "hint": " – {hint}",
    "warning": "Warnung: {text}",
}


# --- Errors of the core functions (raised for callers, shown by the app and the CLI) ---

CORE_ERRORS = {
    "unknown_attribute": "Unbekanntes Merkmal '{attr}'; erlaubt: {allowed}.",
    "geographic_crs": "'{crs}' ist geografisch; ein metrisches System angeben.",
    "no_crs": "Ebene hat kein Koordinatenreferenzsystem; erst set_crs() aufrufen.",
    "crs_mismatch": "Stadtteile und Orte in verschiedenen CRS; beide mit to_crs() angleichen.",
    "not_joined": "Orte ohne Spalte 'district_id': erst mit quartiersatlas.dataset.join_places "
    "den Stadtteilen zuordnen.",
    "radius": "Radius muss eine Zahl ≥ 0 sein (Meter), ist {radius!r}.",
    "districts_geographic": "Stadtteile liegen in geografischen Koordinaten (Grad); für Flächen "
    "und Abstände erst mit to_crs() in ein metrisches System (z. B. EPSG:25832) umrechnen.",
    "coordinates_shape": "Koordinaten müssen ein Feld der Form (n, 2) sein.",
    "no_figure": "Die Karte ist in keine HTML-Seite (branca Figure) eingebettet.",
    "agenda_conflict": "{file}: wurde inzwischen anderswo gespeichert (Fassung {saved}, "
    "bearbeitet wurde Fassung {expected}).",
    "agenda_deleted": "gelöscht",
    "agenda_new": "neu",
}


# --- Settings (quartiersatlas.settings: SettingsError) and loading a data folder ---------

SETTINGS_ERRORS = {
    "store_both": "{where}: file und url nennen zwei Bestandsdatenbanken; erwartet: eine "
    "(file: eine GeoPackage-Datei im Datenordner, url: eine PostgreSQL-Datenbank).",
    "store_url": "{where}: {value} ist keine PostgreSQL-Adresse; erwartet: "
    "postgresql://[benutzer@]rechner[:port]/datenbank.",
    # how a value is shown in a message (as it would be written in TOML)
    "table_value": "{{…}} (eine Tabelle)",
    "date_value": "{value} (ein Datum)",
    "not_table": "{where}: '{name}' muss eine Tabelle sein (Abschnitt [{name}] mit Schlüsseln), "
    "ist aber {name} = {value}.",
    "wrong_value": "{where}: '{key}' muss {expected} sein, ist aber {value}.",
    "missing_key": "{where}: Schlüssel '{key}' fehlt – bitte in settings.toml ergänzen.",
    # {expected} of "wrong_value"
    "text_nonempty": "ein Text in Anführungszeichen (1 bis {max_len} Zeichen)",
    "text": "ein Text in Anführungszeichen (höchstens {max_len} Zeichen)",
    "number": "eine Zahl",
    "whole_number": "eine ganze Zahl",
    "number_range": "{kind} von {low:g} bis {high:g}{unit}",
    "number_range_open": "{kind} größer als {low:g} und höchstens {high:g}{unit}",
    "integer_range": "eine ganze Zahl von {low} bis {high:,}{unit}",
    "texts": 'eine Liste von Texten (je 1 bis {max_len} Zeichen), z. B. ["…", "…"]',
    "choices": 'eine Liste aus {allowed} (mindestens einer, z. B. ["active"])',
    # {unit} of a number range, with an example value
    "unit_metres": " (Meter), z. B. {example}",
    "unit_degrees": " (Grad, WGS84), z. B. {example}",
    "unknown_choice": "{where}: {key} {value} unbekannt – erlaubt: {allowed}.",
    "unknown_crs": "{where}: {value} ist kein bekanntes Koordinatenreferenzsystem "
    "(erwartet z. B. 'EPSG:25832').",
    "geographic_crs": "{where}: metric_crs '{value}' ist geografisch (Grad); für Flächen und "
    "Abstände wird ein projiziertes System in Metern gebraucht, z. B. EPSG:25832.",
    "not_metric_crs": "{where}: metric_crs '{value}' ist kein projiziertes System in Metern "
    "(Einheit: {units}); für Flächen und Abstände wird eines in Metern gebraucht, "
    "z. B. EPSG:25832 (UTM-Zone der Stadt).",
    "unknown_unit": "unbekannt",
    "invalid_path": "{where}: {key} = {value} ist kein gültiger Pfad ({error}) – Pfad relativ "
    'zum Datenordner angeben, z. B. "places.csv".',
    "path_is_folder": "{where}: {key} = {value} nennt den Datenordner selbst, keine Datei – "
    'Dateinamen relativ zum Datenordner angeben, z. B. "places.csv".',
    "path_outside": "{where}: {key} = {value} liegt außerhalb des Datenordners {folder} – Datei "
    'in den Datenordner legen und den Pfad relativ zu ihm angeben (z. B. "places.csv" oder '
    "\"geo/stadtteile.geojson\"); Pfade mit '..' oder Verknüpfungen nach außen sind nicht "
    "erlaubt.",
    "no_folder": "Datenordner '{folder}' existiert nicht – Pfad prüfen (--data oder "
    "Umgebungsvariable {env}).",
    "no_settings": "{file}: Einstellungsdatei fehlt – kopieren Sie data/settings.toml aus "
    "Quartiersatlas in den Datenordner und passen Sie sie an.",
    "not_toml": "{file}: keine gültige TOML-Datei ({error}).",
    "unreadable": "{file}: Datei nicht lesbar ({error}).",
    "no_kinds": "{where}: keine Arten von Orten definiert – [[kinds]]-Einträge ergänzen.",
    "kinds_not_list": "{where}: 'kinds' muss eine Liste von Tabellen sein ([[kinds]]-Einträge "
    "mit id, label, color, symbol), ist aber kinds = {value}.",
    # one [[kinds]] entry, in messages and in the list of unknown keys
    "kind_where": "{where} [[kinds]] Nr. {n}",
    "kind_key": "[[kinds]] Nr. {n} {key}",
    "kind_not_table": "{where}: muss eine Tabelle sein ([[kinds]] mit id, label, color, "
    "symbol), ist aber {value}.",
    "kind_id": "{where}: id {value} darf nur Kleinbuchstaben, Ziffern und _ enthalten.",
    "kind_duplicate": "{where}: id '{id}' ist doppelt.",
    "kind_color": "{where}: color {value} ist keine Farbe wie '#D55E00'.",
    "agenda_file": "{where}: agenda = {value} – die Tagesordnung braucht eine eigene Datei mit "
    "der Endung .toml (nicht settings.toml und keine der Datendateien), z. B. agenda = "
    '"agenda.toml"; die Seite "Präsentation" überschreibt diese Datei beim Speichern.',
}
DATASET_PROBLEMS = {
    # quartiersatlas.dataset; the district layer given as a table reuses
    # READER_PROBLEMS["districts_table"] and its hint, followed by "districts_table_more"
    "districts_table_more": "; Tabellen wie Orte oder Einwohner gehören in die anderen "
    "Einträge von [files]",
    "unusable_layer": "Stadtteil-Ebene nicht nutzbar: Datei enthält keine lesbaren Flächen",
    "unusable_layer_hint": "Datei in QGIS öffnen und prüfen (Vektor › Geometrie prüfen), ob sie "
    "Flächen (Polygone) mit Koordinatensystem enthält; als GeoPackage oder GeoJSON neu "
    "speichern. Der Wert zeigt die technische Meldung",
    "no_area_left": "keine nutzbare Fläche übrig",
    "no_area_left_hint": "die oben genannten Flächen korrigieren",
    "optional_missing": "optionale Datei nicht vorhanden; weiter {without}",
    "optional_missing_hint": "Datei anlegen oder den Eintrag in settings.toml [files] {key} "
    "anpassen bzw. entfernen",
    "without_teams": "ohne Stadtteilteams",
    "without_networks": "ohne Netzwerke",
    "without_need": "ohne Bedarfskennzahlen",
    "without_grid": "ohne Bevölkerungsgitter (Einwohner gleichmäßig über die Fläche verteilt)",
    "without_file": "ohne diese Datei",
    "unknown_key": "Schlüssel unbekannt; wird nicht verwendet",
    "unknown_key_hint": "Schreibweise prüfen; bekannt in {section}: {keys} (README, Abschnitt "
    "Settings)",
    "unknown_section_hint": "Schreibweise prüfen; bekannte Abschnitte: {sections} (README, "
    "Abschnitt Settings)",
    # a metric CRS not defined where the districts are (a SettingsError)
    "metric_crs_error": "{file} {column}: {message} – {hint}.",
}


# --- Command line (python -m quartiersatlas) --------------------------------------------

CLI_METAVARS: dict[str, str] = {
    # Placeholders of the command-line options in `--help` (argparse metavars).
    "command": "BEFEHL",
    "crs": "CRS",
    "file": "DATEI",
    "store": "DATEI|URL",
    "geojson_file": "DATEI.geojson",
    "network_file": "DATEI.npz",
    "osm_file": "DATEI.osm.pbf",
    "pdf_file": "DATEI.pdf",
    "layer": "EBENE",
    "field": "FELD",
    "kinds": "K1,K2",
    "list": "LISTE",
    "requirements": "M1,M2",
    "metres": "METER",
    "minutes": "MINUTEN",
    "who": "WER",
    "text": "TEXT",
    "date": "DATUM",
    "id": "KENNUNG",
    "count": "N",
    "name": "NAME",
    "folder": "ORDNER",
    "percent": "PROZENT",
    "statuses": "S1,S2",
    "step": "SCHRITT",
    "column": "SPALTE",
    "per_1000": "Y",
    "need_value": "Z",
}

CLI_TEXTS = {
    "lang_help": "Sprache der Ausgabe und der Hilfe: de (Deutsch), en (Englisch), ls (Leichte "
    "Sprache; wo es sie nicht gibt: Deutsch). Standard: $QUARTIERSATLAS_LANG oder de",
    "lang_unknown": "Unbekannte Sprache bei --lang oder $QUARTIERSATLAS_LANG; bekannt: {known}",
    "error": "{prog}: Fehler: {message}",
    "description": "Quartiersatlas: Daten prüfen, Orte Stadtteilen zuordnen, Abdeckung und "
    "Lücken berechnen, Berichte als PDF.",
    "epilog": "Exit-Codes: 0 = ohne Fehler, 1 = Probleme in den Daten gefunden, 2 = Aufruf- "
    "oder Einstellungsfehler.",
    "check_help": "Datenordner prüfen (Einstellungen, Stadtteile, Orte, Teams, Netzwerke, "
    "Einwohner, Bedarf, Zensus-Gitter, Agenda)",
    "check_description": "Prüft settings.toml und alle darin genannten Dateien eines "
    "Datenordners und listet jedes Problem als DATEI:ZEILE: SPALTE: Meldung (bei settings.toml: "
    "DATEI: [ABSCHNITT] SCHLÜSSEL: Meldung).",
    "data_help": "Datenordner (Standard: $QUARTIERSATLAS_DATA oder data/)",
    "data_folder_help": "Datenordner: seine settings.toml liefert Dateien und Standards; "
    "{options} ersetzen einzelne Dateien",
    "join_file_options": "--districts und --places",
    "strict_help": "auch Warnungen führen zu Exit-Code 1",
    "quiet_help": "keine Zusammenfassung ausgeben",
    "join_help": "Orte Stadtteilen zuordnen",
    "join_description": "Gibt je Ort eine Zeile mit id,name,district,join_status aus "
    "(join_status: inside, nearest, outside, no_coordinates). Probleme auf stderr.",
    "name_field_help": "Attribut mit dem Stadtteilnamen",
    "name_field_default": " (Standard: name/Stadtteil/...)",
    "layer_help": "Ebene in einer GeoPackage-Datei",
    "format_help": "Ausgabeformat (Standard: {default})",
    "crs_help": "CRS der x/y-Spalten der Orte",
    "crs_default": " (Standard: settings.toml, EPSG:25832)",
    "tolerance_help": "Toleranz für 'nearest'",
    "tolerance_default": " in Metern (Standard: settings.toml, 50)",
    "output_help": "in Datei statt auf stdout",
    "radius_help": "Umkreis R in Metern",
    "unusable_districts": "{n} Problem(e); Stadtteil-Ebene nicht nutzbar.",
    "data_folder": "Datenordner: {folder}",
    "summary_districts": "{n} Stadtteile",
    "summary_schematic": " (schematisch)",
    "summary_rest": ", {places} Orte, {teams} Stadtteilteams, {networks} Netzwerke, Einwohner "
    "für {population} Stadtteile",
    "summary_join": "Zuordnung: {counts}",
    "summary_kinds": "Orte je Art: {counts}",
    "summary_without": "Stadtteile ohne Ort: {names}",
    "summary_problems": "{errors} Fehler, {warnings} Warnung(en).",
    "missing_files": "es fehlt {options} (oder --data ORDNER, dessen settings.toml die Dateien "
    "nennt)",
    # values on the command line (cli_coverage, cli_report)
    "not_metres": "'{text}' ist keine Zahl (Meter)",
    "negative_radius": "Radius muss ≥ 0 sein, ist {text}",
    "percent": "Prozentwert muss zwischen 0 und 100 liegen: {text}",
    "not_a_number": "'{text}' ist keine Zahl",
    # cli_common
    "status_help": "Status der Orte, die zählen (Standard: active; erlaubt: {allowed})",
    "require_help": "für die barrierefreie Abdeckung verlangte Merkmale: {allowed}",
    "file_districts": "Stadtteilflächen (GeoJSON, GeoPackage, Shapefile, auch .zip)",
    "file_places": "Orte (CSV, XLSX, GeoJSON-Punkte)",
    "file_population": "Einwohner je Stadtteil (CSV)",
    "file_grid": "Zensus-2022-Gitter (100 m; CSV mit GITTER_ID_100m;x_mp_100m;y_mp_100m;"
    "Einwohner): Einwohner im Umkreis nach Gitterzellen statt gleichmäßig verteilt",
    "file_teams": "Stadtteilteams (CSV)",
    "file_networks": "Netzwerke (CSV)",
    "file_need": "Bedarfskennzahlen je Stadtteil (CSV)",
    "file_default": "{text} (Standard: [files] {key} in settings.toml von --data)",
    "and": " und ",
    "missing_required": "{options} fehlt: Datei angeben oder --data ORDNER (mit settings.toml) "
    "verwenden",
    "settings": "Einstellungen: {error}",
    "file_error": "Datei: {error}",
    "unexpected": "{prog}: unerwarteter Fehler beim Verarbeiten der Daten ({text}). Bitte die "
    "zuletzt geänderte Datei prüfen und den Fehler mit dieser Meldung melden; mit {env}=1 "
    "wird der technische Ablauf ausgegeben.",
}
CLI_COVERAGE_HELP = {
    "help": "Abdeckung und Lücken je Stadtteil (Umkreis R um die gewählten Orte)",
    "description": "Je Stadtteil: Orte, Orte je 1.000 Einwohner, Anteil der Fläche und der "
    "Einwohner im Umkreis von R Metern (Luftlinie) um mindestens einen gewählten Ort, "
    "Stadtteilteam, aktive Netzwerke und Lücken-Kriterien mit Begründung. Anteile als "
    "Bruch 0..1; null, wo nicht berechenbar. Probleme in den Daten auf stderr.",
    "epilog": "Exit-Codes: 0 = ohne Fehler, 1 = Probleme in den Daten (Tabelle wird trotzdem "
    "ausgegeben), 2 = Aufruf- oder Einstellungsfehler.",
    "kinds": "nur diese Arten von Orten (Kennungen; Standard: alle)",
    "group": "Zielgruppe für Orte je 1.000 Einwohner (Standard: all)",
    "criteria": "Lücken-Kriterien, kommagetrennt aus {criteria} (Standard: {default}; 'none' "
    "für keine)",
    "coverage_below": "Kriterium coverage: Abdeckung unter diesem Wert (Standard: 50)",
    "coverage_measure": "Kriterium coverage nach Fläche oder Einwohnern (Standard: area)",
    "per_1000_below": "Kriterium per_1000: weniger Orte je 1.000 Einwohner (Standard: 0,5)",
    "need_column": "Kriterium need: Kennzahl (Standard: erste)",
    "need_above": "Kriterium need: Schwelle",
    "uncovered_out": "nicht abgedeckte Flächen je Stadtteil als GeoJSON (WGS84) schreiben",
    "add_places": "hypothetische Orte (Datei im Schema der Orte-Datei) zu den Orten hinzunehmen: "
    "die Abdeckung, wie sie mit ihnen wäre; sie werden nie Teil des Bestands",
    "add_places_taken": "Die Kennung „{id}“ gibt es schon in der Orte-Datei; ein "
    "hypothetischer Ort braucht eine eigene Kennung.",
    "workers": "Threads (Standard: {n})",
    "file_options": "die Datei-Optionen",
    "unknown_criteria": "unbekannte Kriterien: {criteria}; erlaubt: {allowed}",
    "need_without_above": "Kriterium need braucht --need-above Z",
    "need_without_file": "Kriterium need braucht --need DATEI",
    "need_column_unknown": "Kennzahl '{column}' nicht in der Bedarfsdatei; vorhanden: {available}",
}
CLI_REPORT_HELP = {
    "help": "PDF: Stadtteil-Steckbrief (--district) oder Stadtübersicht (--overview)",
    "description": "Schreibt einen Stadtteil-Steckbrief oder eine Stadtübersicht als PDF (A4, "
    "Karte ohne Hintergrundkarte, Kennzahlen, Tabellen, Lücken-Rangliste mit Gründen, "
    "Datenquellen und Datenstand).",
    "epilog": "Exit-Codes: 0 = geschrieben, 1 = geschrieben, aber Fehler in den Daten (oder "
    "Stadtteil-Ebene unbrauchbar), 2 = Aufruf- oder Einstellungsfehler. Beispiel: python -m "
    "quartiersatlas report --district Kreyenbrück --out kb.pdf",
    "district": "Stadtteil (Name oder Kennung, Groß-/Kleinschreibung egal)",
    "overview": "Stadtübersicht statt Steckbrief",
    "out": "Ausgabedatei",
    "radius_default": " (Standard: settings.toml [coverage] default_radius_m)",
    "kinds": "nur diese Arten von Orten (Kennung oder Bezeichnung; Standard: alle)",
}
# --- Accessibility statement and help (pages/barrierefreiheit.py, pages/hilfe.py) -------
STATEMENT_TEXTS = {
    "title": "Erklärung zur Barrierefreiheit",
    # when the statement was last checked against the dashboard (with its audit)
    "checked_on": "06.12.2026",
    "intro": "Quartiersatlas soll von allen genutzt werden können – auch mit Screenreader, nur "
    "mit der Tastatur, mit Vergrößerung oder mit Farbsehschwäche. Diese Erklärung gilt für "
    "den Quartiersatlas {city}.",
    "status_title": "Stand der Vereinbarkeit",
    "status": "Das Dashboard ist **teilweise** mit den Anforderungen der WCAG 2.1, Stufe AA "
    "(und damit der BITV 2.0) vereinbar. Die unten genannten Teile sind noch nicht "
    "barrierefrei.",
    "checked_title": "Wie wir prüfen",
    "done_title": "Was schon geht",
    "limits_title": "Was noch nicht barrierefrei ist",
    "feedback_title": "Rückmeldung und Kontakt",
    "feedback": "Ist Ihnen etwas aufgefallen, das nicht barrierefrei ist, oder brauchen Sie "
    "Inhalte in einer anderen Form? Schreiben Sie uns:",
    "contact": "Kontakt: {contact}",
    "email": "E-Mail: {email}",
    "no_contact": "Für dieses Dashboard ist noch keine Kontaktstelle eingetragen. "
    "(Für die Verwaltung: in `settings.toml` unter `[accessibility]` die zuständige Stelle "
    "als `contact` und ihre Adresse als `email` eintragen – eine Stelle oder Funktion, "
    "keinen Personennamen.)",
    "enforcement_title": "Durchsetzungsverfahren",
    "enforcement": "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, "
    "können Sie sich wenden an: {enforcement}",
    "no_enforcement": "Die zuständige Stelle für das Durchsetzungsverfahren ist für dieses "
    "Dashboard noch nicht eingetragen (`settings.toml`, `[accessibility] enforcement`).",
    "date": "Diese Erklärung wurde am {date} erstellt und mit dem Dashboard geprüft.",
}
STATEMENT_POINTS = {
    "checked": [
        "Bei jeder Änderung prüft ein automatischer Test jede Seite, die Karte und den "
        "Präsentationsmodus mit axe-core auf die Regeln der WCAG 2.0 und 2.1 (A und AA): Er "
        "findet keine schwerwiegenden oder kritischen Mängel.",
        "Ein Test rechnet nach, dass Umrisse auf der Karte gegen jede Füllfarbe mindestens "
        "3:1 Kontrast haben und dass die Farbklassen auch bei Rot- oder Grün-Sehschwäche "
        "unterscheidbar und geordnet bleiben (Simulation).",
        "Eine Prüfung durch Menschen mit Behinderungen und mit Screenreadern steht noch aus.",
    ],
    "done": [
        "Jede Seite hat einen eigenen Titel; die Seitensprache ist Deutsch, auf Englisch "
        "Englisch. Die Sprache wählen Sie oben in der Seitenleiste („Sprache · Language“: "
        "Deutsch, English, Leichte Sprache) oder im Link (?lang=en, ?lang=ls).",
        "Jede Karte ist für Screenreader benannt. Unter der Karte der Seite „Karte“ steht "
        "in Worten, was sie zeigt; dieselben Zahlen stehen auf jeder Seite auch als Tabelle.",
        "Jedes Diagramm ist für Screenreader beschrieben; seine Werte stehen in der Tabelle "
        "daneben.",
        "Jeder Ort auf der Karte hat einen Namen (Name und Art); Farbe ist nie das einzige "
        "Merkmal: Arten haben eigene Formen, Teams und Netzwerke eigene Linien und Buchstaben.",
        "Einen Stadtteil wählen Sie auf der Karte auch mit der Tastatur (Tab, dann Enter oder "
        "Leertaste) oder über die Auswahlliste neben der Karte; der Link „Zur "
        "Stadtteilauswahl neben der Karte springen“ über der Karte führt ohne den Weg durch "
        "die Karte dorthin.",
        "Die Karten der Seiten „Karte“ und „Stadtteil“ und die Karte der weißen Flecken auf "
        "„Abdeckung & Lücken“ stehen auch in Worten darunter („Die Karte in Worten“).",
        "Der Präsentationsmodus lässt sich mit den Pfeiltasten bedienen und zeigt große Schrift.",
        "Jede Tabelle ist für Screenreader nach der Überschrift darüber benannt.",
        "Bei 200 % Vergrößerung bleibt die Seitenleiste zunächst geschlossen; sie lässt sich "
        "mit der Tastatur öffnen und schließen.",
    ],
    "limits": [
        "Die Karten der Seiten „Planung“ und „Änderungen“ haben keinen eigenen Abschnitt "
        "„Die Karte in Worten“; was sie zeigen, steht in den Sätzen über der Karte "
        "(Planung: vorher und nachher) und in der Liste der Änderungen.",
        "Die Tabellen zum Sortieren sind gezeichnet (nicht aus Text); Screenreader lesen "
        "sie nur eingeschränkt. Die Tabellen stehen als CSV- und Excel-Datei zum Download.",
        "Leichte Sprache gibt es für die Übersicht, die Seite „Stadtteil“ und die "
        "Präsentation; die anderen Seiten sind dann auf Deutsch. Einige Bedienelemente der "
        "Grundlage Streamlit (Seitenleiste öffnen und schließen, „Zum Inhalt springen“) sind "
        "für Screenreader in jeder Sprache englisch benannt.",
        "Die PDF-Berichte sind nicht für Screenreader ausgezeichnet (kein PDF/UA).",
        "Die Seitensprache setzt das Dashboard erst nach dem Laden (die Grundlage Streamlit "
        "meldet zunächst Englisch).",
    ],
}
HELP_TEXTS = {
    "title": "Hilfe",
    "intro": "Quartiersatlas zeigt, wo es in {city} Orte für Alle, Stadtteilteams, Netzwerke "
    "und andere Angebote gibt – und wo sie fehlen.",
    "pages_title": "Die Seiten",
    "links_title": "Links und Sitzungen",
    "keyboard_title": "Mit der Tastatur",
    "data_title": "Woher die Daten kommen",
    "data": "Was geschätzt, schematisch oder synthetisch ist, steht auf jeder Seite im "
    "Hinweis „Datenstand“. Quellen und Lizenzen stehen in den Excel-Dateien (Blatt "
    "„Quellen“) und in den PDF-Berichten.",
    "statement": "Zur Erklärung zur Barrierefreiheit",
}
HELP_POINTS = {
    "pages": [
        "**Übersicht:** die wichtigsten Zahlen der Stadt und eine Karte der Stadtteile.",
        "**Karte:** alle Orte auf der Karte; links filtern Sie nach Art, Status, "
        "Barrierefreiheit und Zielgruppe. Ein Klick auf einen Stadtteil – oder die "
        "Auswahlliste neben der Karte – zeigt seine Zahlen.",
        "**Abdeckung & Lücken:** welche Stadtteile kein Angebot im Umkreis haben, nach den "
        "Kriterien, die Sie wählen, mit Rangliste und weißen Flecken.",
        "**Stadtteil:** der Steckbrief eines Stadtteils, auch als PDF.",
        "**Planung:** gedachte neue oder verlegte Orte im Vergleich zum Bestand, und "
        "Vorschläge, wo ein weiterer Ort die meisten Menschen erreicht.",
        "**Präsentation:** eine Folge von Ansichten für eine Sitzung (Tagesordnung).",
        "**Datenprüfung:** jedes Problem in den Datendateien, mit Datei, Zeile und Spalte; "
        "die Datenlage je Stadtteil und was zu erledigen ist.",
        "**Änderungen:** was sich im Bestand seit einem Tag geändert hat (Vorgabe: seit "
        "die Tagesordnung gespeichert wurde), als Liste, auf der Karte und als Abdeckung "
        "damals und heute.",
        "**Daten pflegen:** mit einem Konto Orte, Stadtteilteams und Netzwerke ändern, "
        "anlegen, beenden und wiederherstellen; jede Änderung steht mit Konto, Zeit und "
        "Grund im Verlauf und lässt sich zurücknehmen. Hat jemand denselben Eintrag "
        "inzwischen geändert, zeigt die Seite beide Fassungen, statt zu überschreiben.",
    ],
    "links": [
        "Jede Ansicht hat einen Link (unten in der Seitenleiste): Wer ihn öffnet, sieht "
        "dieselbe Auswahl.",
        "Der Präsentationsmodus (Schalter in der Seitenleiste) zeigt große Schrift ohne "
        "Bedienelemente. Mit den Pfeiltasten oder Bild auf/ab blättern Sie durch die "
        "Tagesordnung.",
    ],
    "keyboard": [
        "Mit Tab und Umschalt+Tab gehen Sie von Bedienelement zu Bedienelement, mit der "
        "Leertaste oder Enter wählen Sie aus.",
        "Auf der Karte verschieben die Pfeiltasten den Ausschnitt, + und − zoomen.",
    ],
}

# --- The map in words (quartiersatlas.mapwords; under the map of the Karte) -----------
MAP_WORDS_TEXTS = {
    "title": "Die Karte in Worten",
    "no_places": "Auf der Karte ist kein {provision} gezählt, der der Auswahl entspricht.",
    "places": "Gezählte Orte mit Stadtteil: {places}, in {with_place} von {districts} Stadtteilen.",
    "place": "Ort",
    "places_word": "Orte",
    "district_one": "Stadtteil",
    "district_many": "Stadtteile",
    "without": "Ohne gezählten Ort ({n}): {names}.",
    "and_more": "{names} und {n} weitere",
    "residents": "Im Umkreis von {radius} eines gezählten Ortes wohnen {pct} der {group} "
    "({covered} von {total}).",
    "groups": "Ein aktives Stadtteilteam gibt es in {teams}, ein aktives Netzwerk in "
    "{networks} von {total} Stadtteilen.",
    "district": "{name}: {figures}.",
    "district_residents": "{pct} der {group} im Umkreis von {radius}",
    "district_area": "{pct} der Fläche im Umkreis",
    "district_groups": "aktive Stadtteilteams {teams}, aktive Netzwerke {networks}",
    "district_places": "{places}",  # "2 Orte"
    "figures_join": "; ",  # between the figures of one district
    "frame_title": "Interaktive Karte der Stadtteile. Dieselben Zahlen stehen in Worten und "
    "als Tabellen unter der Karte.",
    "no_uncovered": "Keine weißen Flecken: jeder Punkt der Stadtteile liegt im Umkreis von "
    "{radius} eines gezählten Ortes.",
    "uncovered": "Weiße Flecken (weiter als {radius} von jedem gezählten Ort) gibt es in "
    "{n} von {total}, zusammen {area} km².",
    "districts_dative_one": "Stadtteil",  # "in 1 von 1 Stadtteil"
    "districts_dative_many": "Stadtteilen",  # "in 3 von 31 Stadtteilen"
    "uncovered_residents": "Dort wohnen geschätzt {residents} {group}.",
    "uncovered_item": "{name} ({area} km², {pct} der Fläche)",
    "uncovered_largest": "Die größten: {items}.",
}

APP_TEXTS = {
    "name": "Quartiersatlas",
    "tagline": "Quartiersatlas – Inklusive Quartiere sichtbar machen",
    "page_title": "{page} – Quartiersatlas",  # the browser tab, read first by screen readers
    "language": "Sprache · Language",
    "language_help": "Deutsch, English oder Leichte Sprache. Leichte Sprache gibt es für die "
    "Übersicht, die Stadtteil-Seite und die Präsentation; andere Seiten zeigen dann "
    "Deutsch. Der Link zu dieser Ansicht enthält die Sprache.",
}


# --- Meeting slides and live figures in agenda texts (quartiersatlas.placeholders, -------
# --- ui/presentation.py, pages/praesentation.py; owned by the meeting-mode work) ---------
PLACEHOLDER_LABELS = {
    "stadtteile": "Stadtteile",
    "stadtteile_mit_ort": "Stadtteile mit Ort",
    "stadtteile_ohne_ort": "Stadtteile ohne Ort",
    "stadtteile_mit_team": "Stadtteile mit Stadtteilteam",
    "stadtteile_ohne_team": "Stadtteile ohne Stadtteilteam",
    "stadtteile_ohne_netzwerk": "Stadtteile ohne Netzwerk",
    "stadtteile_alle_kriterien": "Stadtteile, auf die alle Kriterien zutreffen",
    "orte": "Orte (gezählt)",
    "umkreis": "Umkreis",
    "einwohner": "Einwohner",
    "einwohner_im_umkreis": "Einwohner im Umkreis eines Ortes",
    "einwohner_ohne_angebot": "Einwohner ohne Ort im Umkreis",
    "anteil_einwohner_im_umkreis": "Anteil der Einwohner im Umkreis",
    "anteil_flaeche_im_umkreis": "Anteil der Fläche im Umkreis",
    "stadtteil": "Stadtteil",
    "stadtteil_einwohner": "Einwohner im Stadtteil",
    "stadtteil_orte": "Orte im Stadtteil",
    "stadtteil_einwohner_ohne_angebot": "Einwohner im Stadtteil ohne Ort im Umkreis",
    "stadtteil_anteil_flaeche_im_umkreis": "Anteil der Stadtteilfläche im Umkreis",
}
PLACEHOLDER_TEXTS = {
    "unknown": "Unbekannter Platzhalter {token}. Bekannt sind: {known}.",
    "unavailable": "Der Platzhalter {token} hat in dieser Ansicht keinen Wert (Stadtteil-Zahlen "
    "gibt es nur mit gewähltem Stadtteil, Einwohnerzahlen nur mit Einwohnerdaten, "
    "›alle Kriterien‹ nur mit gewählten Lücken-Kriterien).",
    "malformed": "Geschweifte Klammer ohne gültigen Platzhalter: {token}. Platzhalter "
    "schreiben Sie als {{name}} (Kleinbuchstaben, Ziffern, _); sonst bleibt der Text, wie "
    "er ist.",
    "missing": "–",
}
AGENDA_FIGURE_TEXTS = {
    "help_title": "Platzhalter für aktuelle Zahlen",
    "help_intro": "Titel und Kernaussage dürfen Zahlen der Ansicht als Platzhalter enthalten, "
    "z. B. ›In {{stadtteile_ohne_team}} von {{stadtteile}} Stadtteilen fehlt ein Team‹. In "
    "der Präsentation und im Handout steht dort die aktuelle Zahl dieser Ansicht (gleiche "
    "Auswahl wie auf ihrer Seite).",
    "col_name": "Platzhalter",
    "col_meaning": "Bedeutung",
    "preview": "Mit aktuellen Zahlen: **{title}** – {message}",
    "problems": "Platzhalter in Ansicht {n}: {problems}",
    "stale": "Ansicht {n}: Diese Botschaft wurde für andere Daten geschrieben: {changes}. "
    "Bitte Titel und Kernaussage prüfen.",
    "change": "{label} damals {saved}, jetzt {now}",
    "literal": " (als feste Zahl geschrieben)",
    "literal_hint": "Tipp: Schreiben Sie Platzhalter wie {{stadtteile_ohne_team}} statt fester "
    "Zahlen, dann stimmt die Zahl auch mit neuen Daten.",
    "accept": "Geprüft: aktuelle Zahlen übernehmen",
    "accept_help": "Merkt sich die heutigen Zahlen als die, für die diese Botschaft geschrieben "
    "ist (wirksam nach dem Speichern).",
    "no_figures": "Ansicht {n}: Die Zahlen dieser Ansicht lassen sich nicht berechnen ({error}).",
}
SLIDE_TEXTS = {
    "errors": "Fehler in den Daten",
    "warnings": "Warnungen",
    "status": "Datenstand:",
    "evidence": "Beleg zur Kernaussage",
    "figures": "Kennzahlen",
    "problems": "Platzhalter nicht gefüllt – bitte auf der Seite ›Präsentation‹ prüfen.",
}


# --- Street network: walking and wheelchair reach (issue 12; quartiersatlas.network*,
# --- cli_network, the network options of coverage) ---------------------------------------

NETWORK_TEXTS = {
    # prepared-network file (quartiersatlas.network_io)
    "file_missing": "Netzdatei nicht gefunden (erwartet: eine mit 'python -m quartiersatlas "
    "network prepare' erzeugte .npz-Datei)",
    "file_not_network": "keine Quartiersatlas-Netzdatei (erwartet: .npz mit node_xy, edge_u, "
    "edge_v, edge_flags; gefunden: {found})",
    "file_unreadable": "Netzdatei nicht lesbar oder beschädigt ({error})",
    "file_version": "Netzdatei hat Version {version}, erwartet wird Version {expected}",
    "file_inconsistent": "Netzdatei ist in sich widersprüchlich (Kanten verweisen auf fehlende "
    "Knoten oder Koordinaten sind keine endlichen Zahlen)",
    "file_crs": "Netzdatei nennt kein projiziertes Koordinatensystem in Metern ({crs})",
    "file_hint": "Netz neu erzeugen: python -m quartiersatlas network prepare --osm "
    "STADT.osm.pbf --boundary geo/stadtteile.geojson --out netz.npz",
    # the OSM extract (quartiersatlas.network_osm)
    "osm_missing": "OSM-Auszug nicht gefunden (erwartet: eine .osm.pbf-Datei)",
    "osm_missing_hint": "Pfad prüfen; einen Auszug der Stadt als .osm.pbf besorgen (z. B. "
    "einen Regionalauszug, auf die Stadt zugeschnitten)",
    "osm_unreadable": "Datei ist kein lesbarer OpenStreetMap-Auszug ({error})",
    "osm_unreadable_hint": "eine .osm.pbf-Datei angeben (OpenStreetMap-Binärformat); die Datei "
    "ist beschädigt oder hat ein anderes Format",
    "osm_no_ways": "Auszug enthält keine begehbaren Wege ({ways} Wege mit highway-Merkmal, "
    "davon keiner zu Fuß nutzbar)",
    "osm_no_ways_hint": "einen Auszug mit Straßen und Wegen der Stadt angeben",
    "osm_no_overlap": "Auszug überdeckt die Stadtteile nicht (kein begehbarer Weg innerhalb von "
    "{margin} m um die Grenze)",
    "osm_no_overlap_hint": "einen Auszug derselben Stadt angeben oder die richtige Grenzdatei "
    "(--boundary)",
    "osm_crs": "Koordinatensystem '{crs}' ist nicht projiziert; ein metrisches System angeben "
    "(z. B. EPSG:25832)",
    "boundary_unusable": "Grenzdatei enthält keine nutzbaren Flächen",
    # the analysis (quartiersatlas.analysis, network_coverage)
    "no_network": "Für die Entfernung '{mode}' wird ein Wegenetz gebraucht. Es wird einmal aus "
    "einem OpenStreetMap-Auszug der Stadt erzeugt: python -m quartiersatlas network prepare "
    "--osm STADT.osm.pbf --boundary geo/stadtteile.geojson --out netz.npz, dann in "
    'settings.toml [network] file = "netz.npz" eintragen.',
    "unknown_mode": "Unbekannte Entfernung '{mode}'; erlaubt: {allowed}.",
    "minutes": "Minuten müssen eine Zahl ≥ 0 sein, sind {minutes!r}.",
    "no_overlap_analysis": "Das Wegenetz ({source}) überdeckt die Stadtteile nicht: kein "
    "Netzknoten in ihrer Nähe. Netz mit einem Auszug dieser Stadt neu erzeugen (python -m "
    "quartiersatlas network prepare).",
    "mode_straight": "Luftlinie",
    "mode_walk": "Fußweg",
    "mode_wheelchair": "Rollstuhl",
    "radius_straight": "{radius} (Luftlinie)",
    "radius_walk": "{radius} Fußweg",
    "radius_wheelchair": "{radius} mit dem Rollstuhl",
    # the app (ui.selection, pages)
    "mode_help": "Luftlinie: gerader Abstand vom Ort. Fußweg: entlang der Straßen und Wege "
    "(OpenStreetMap), um Flüsse, Bahnlinien und Schnellstraßen herum. Rollstuhl: dieselben "
    "Wege ohne Treppen, und nur Orte mit stufenlosem Zugang zählen.",
    "mode_unavailable": "Nur Luftlinie: kein Wegenetz eingerichtet. Für Fußweg und Rollstuhl "
    "einmal aus einem OpenStreetMap-Auszug der Stadt (.osm.pbf, z. B. ein Regionalauszug) "
    "erzeugen: python -m quartiersatlas network prepare --osm STADT.osm.pbf --boundary "
    'geo/stadtteile.geojson --out netz.npz, dann in settings.toml [network] file = "netz.npz" '
    "eintragen.",
    "network_unreadable": "Das Wegenetz kann nicht gelesen werden, darum nur Luftlinie: {problem}",
    "network_mismatch": "Das Wegenetz passt nicht zu den Stadtteilen, darum nur Luftlinie: "
    "{problem}",
    "fallback": "Entfernung {mode} nicht möglich, gezeigt wird die Luftlinie: {reason}",
    "radius_equals": "{radius} ≈ {minutes} Min. bei {speed} km/h",
    "method_network": "Entfernung entlang der Wege: Orte und Zellmittelpunkte werden mit "
    "geradem Zugang an den nächsten Knoten des Wegenetzes angeschlossen; kürzeste Wege von "
    "allen gewählten Orten zugleich (Dijkstra, bis R). Eine Zelle gilt als erreicht, wenn "
    "Zugang + Weg + Zugang höchstens R sind; ein Weg ist nie kürzer als die Luftlinie. "
    "Fläche im Umkreis: 100-m-Quadrate, deren Mitte erreicht wird, innerhalb der Luftlinie R.",
    "bands_layer_walk": "Fußweg zum nächsten Ort",
    "bands_layer_wheelchair": "Rollstuhl zum nächsten stufenlosen Ort",
    "bands_title": "{layer} (bei {speed} km/h)",
    "band_row": "≤ {minutes} Min.",
    "band_residents": "{residents} Einw.",
    "bands_beyond": "ohne Farbe: weiter oder nicht erreichbar",
    "bands_no_grid": "Die Gehzeiten-Ebene braucht das Einwohnergitter ([files] grid in "
    "settings.toml); ohne Gitter zeigt die Karte nur die Abdeckung.",
    "compare_header": "Luftlinie und {mode} im Vergleich",
    "compare_caption": "{group} im Umkreis von {radius}: gerade gemessen und entlang der Wege "
    "({mode}). Wo die Luftlinie mehr zählt, überschätzt sie, wie viele den Ort in dieser "
    "Entfernung wirklich erreichen.",
    "compare_nav": "Luftlinie und Weg",
    "compare_district": "Stadtteil",
    "compare_straight": "{group} im Umkreis, Luftlinie",
    "compare_network": "{group} im Umkreis, {mode}",
    "compare_over": "von der Luftlinie zu viel gezählt",
    "compare_factor": "Faktor Luftlinie / {mode}",
    "compare_city": "Ganze Stadt: Luftlinie {straight}, {mode} {network} {group} im Umkreis "
    "(Faktor {factor}).",
    "note_walk": "Umkreis = {radius} Fußweg entlang des Straßen- und Wegenetzes "
    "(OpenStreetMap, {source}; ohne Autobahnen, Kraftfahrstraßen ohne Gehweg und Wege mit "
    "foot=no oder access=private). Orte und Zellmittelpunkte werden mit geradem Zugang an den "
    "nächsten Netzknoten angeschlossen; Fläche aus 100-m-Zellen, deren Mitte erreicht wird.",
    "note_wheelchair": "Umkreis = {radius} mit dem Rollstuhl entlang des Wegenetzes "
    "(OpenStreetMap, {source}; ohne Treppen, wheelchair=no, hohe Bordsteine, Steigungen über "
    "6 % und lose Oberflächen, wo erfasst; Unerfasstes gilt als befahrbar). Nur Orte mit "
    "stufenlosem Zugang (step_free = ja) zählen; Fläche aus 100-m-Zellen.",
    "note_excluded": "{places} ohne bestätigten stufenlosen Zugang decken im Rollstuhl-Modus "
    "nichts ab.",
    "note_off_main": "{share} der Zellen liegen an Netzteilen ohne Verbindung zum Hauptnetz "
    "und erreichen von dort nur Orte im selben Teil (Netz in Teilen; Auszug prüfen).",
    "note_minutes": "{minutes} Minuten bei {speed} km/h = {radius}.",
    # python -m quartiersatlas network ...
    "cli_help": "Wegenetz aus einem OpenStreetMap-Auszug vorbereiten (für Fußweg und Rollstuhl)",
    "cli_description": "Vorbereitung des Wegenetzes für die Entfernungen Fußweg und Rollstuhl.",
    "prepare_help": "OSM-Auszug (.osm.pbf) einlesen und Netzdatei (.npz) schreiben",
    "prepare_description": "Liest einen OpenStreetMap-Auszug (.osm.pbf) einmal ein, behält die "
    "begehbaren Wege (Profile walk und wheelchair) und schreibt die vorbereitete Netzdatei. "
    "Ohne Java, ohne Server, ohne Download.",
    "prepare_epilog": "Exit-Codes: 0 = geschrieben; 1 = Auszug unbrauchbar oder Netz in Teilen "
    "(die Datei wird dann trotzdem geschrieben); 2 = Aufruffehler (Datei fehlt). Beispiel: "
    "python -m quartiersatlas network prepare --osm oldenburg.osm.pbf --boundary "
    "data/geo/stadtteile.geojson --out data/netz.npz",
    "osm_option": "OpenStreetMap-Auszug (.osm.pbf)",
    "boundary_option": "Stadtteile oder Stadtgrenze (GeoJSON, GeoPackage, …): Netz auf diese "
    "Fläche plus Rand zuschneiden und prüfen, dass der Auszug sie überdeckt",
    "out_option": "Netzdatei, die geschrieben wird (.npz)",
    "crs_option": "metrisches Koordinatensystem (Standard: UTM-Zone des Auszugs, z. B. EPSG:25832)",
    "margin_option": "Rand um die Grenze in Metern (Standard: {default:g})",
    "out_suffix": "Netzdatei muss auf .npz enden: {out}",
    "summary_ways": "{walk} von {highway} Wegen begehbar, {wheelchair} mit dem Rollstuhl "
    "befahrbar; {blocking} Hindernispunkte (Bordstein, Schranke, wheelchair=no)",
    "summary_graph": "{nodes} Knoten, {edges} Kanten; Fußweg {walk_km} km, Rollstuhl "
    "{wheelchair_km} km; Koordinatensystem {crs}",
    "summary_pieces": "Profil {profile}: {components} zusammenhängende Teile; {share} von "
    "{cells} 100-m-Zellen erreichen das Hauptnetz nicht",
    "summary_written": "Netzdatei geschrieben: {out} ({seconds} s)",
    "pieces_error": "{out}: Wegenetz in Teilen: {share} der 100-m-Zellen erreichen das "
    "Hauptnetz (Profil walk) nicht (erlaubt: höchstens {limit}). Die Datei wurde trotzdem "
    "geschrieben. Auszug prüfen: schneidet er die Stadt ab, fehlen Brücken oder Wege?",
    "pieces_warning": "{out}: Hinweis: {share} der 100-m-Zellen erreichen das Hauptnetz "
    "(Profil {profile}) nicht.",
    # python -m quartiersatlas coverage --network FILE --profile walk|wheelchair
    "network_option": "vorbereitete Netzdatei (.npz, aus 'network prepare'); Standard mit "
    "--data: settings.toml [network] file",
    "profile_option": "Entfernung entlang des Netzes: walk (Fußweg) oder wheelchair "
    "(Rollstuhl; nur Orte mit step_free = yes); ohne: Luftlinie",
    "profile_without_network": "--profile {profile} braucht ein Wegenetz: --network DATEI oder "
    "[network] file in settings.toml des Datenordners",
    "network_without_profile": "--network braucht --profile walk oder --profile wheelchair",
    # settings.toml [network] (a number range's {unit})
    "unit_kmh": " (km/h), z. B. {example}",
}

# Scenarios (quartiersatlas.scenario; issue 13): hypothetical places, never inventory.
SCENARIO_TEXTS = {
    "not_toml": "Die Szenario-Datei ist kein gültiges TOML: {error}",
    "no_name": "Das Szenario hat keinen Namen (Schlüssel name).",
    "bad_list": "switched_off muss eine Liste von Kennungen (Texten) sein.",
    "bad_table": "[[{key}]] muss eine Liste von Tabellen sein.",
    "bad_entry": "Dieser [[{key}]]-Eintrag ist unvollständig (Kennung, lat und lon erwartet).",
    "no_coordinates": "Koordinaten fehlen oder sind keine Zahlen (lat und lon in WGS84 erwartet).",
    "no_place_name": "Der hypothetische Ort hat keinen Namen.",
    "bad_slug": "„{slug}“ ist kein Name einer Szenario-Datei.",
    "missing": "Das Szenario „{slug}“ gibt es nicht (mehr) im Ordner scenarios.",
    "unreadable": "Die Szenario-Datei kann nicht gelesen werden: {error}",
    "source": "Hypothetisch: Szenario „{name}“ (nicht im Bestand)",
    "unknown_id": "Den Ort „{id}“ gibt es im Bestand nicht (mehr); die Änderung wirkt nicht.",
    "id_taken": "Die Kennung „{id}“ gehört schon einem Ort im Bestand; "
    "ein hypothetischer Ort braucht eine eigene Kennung.",
    "gained": "{n} Einwohnerinnen und Einwohner neu im Umkreis von {radius}.",
    "gained_older": "{n} Einwohnerinnen und Einwohner, davon {older} ab 65, "
    "neu im Umkreis von {radius}.",
    "lost": "{n} wären nicht mehr im Umkreis.",
    "lost_actual": "{n} sind nicht mehr im Umkreis.",
    "gained_even": "{n} {group} im Umkreis von {radius} "
    "(geschätzt: Einwohner gleichmäßig über die Stadtteile verteilt).",
    "group_change": "{group} im Umkreis: {before} vorher, {after} nachher.",
    "group_change_actual": "{group} im Umkreis: {before} damals, {after} heute.",
    "top_out": "{district} fällt aus den Top {n} der Lücken.",
    "top_in": "{district} kommt in die Top {n} der Lücken.",
}
# the target group in a scenario's headline without a grid (SCENARIO_TEXTS gained_even)
SCENARIO_GROUP_WORDS = {
    "all": "Einwohnerinnen und Einwohner",
    "under_18": "Einwohnerinnen und Einwohner unter 18",
    "65_plus": "Einwohnerinnen und Einwohner ab 65",
}


# Siting assistant (quartiersatlas.siting, candidates, cli_siting; issue 13): where the
# next places should go. Added to __all__ here, at the end, so the list above stays as is.
SITING_TEXTS = {
    # options (ValueError of the core; argparse messages of the command line)
    "bad_k": "k muss eine ganze Zahl ≥ 1 sein (Anzahl Standorte), ist {k}",
    "bad_radius": "Radius muss eine Zahl > 0 sein (Meter), ist {radius}",
    "bad_group": "Unbekannte Zielgruppe '{group}'; erlaubt: {allowed}.",
    "bad_limits": "Grenzen der exakten Lösung: Anzahl ≥ 0 und Zeitlimit > 0 Sekunden.",
    "no_group_column": "Das Bevölkerungsgitter hat keine Werte für {group} (Spalte {column}).",
    "no_step_free_column": "Nur stufenlose Standorte verlangt, aber die Kandidaten haben keine "
    "Spalte step_free: kein Kandidat kommt in Frage.",
    "no_step_free_column_hint": "Spalte step_free (yes, no oder unknown) ergänzen oder ohne "
    "--require step_free rechnen",
    "none_step_free": "Nur stufenlose Standorte verlangt, aber kein Kandidat hat step_free = "
    "yes: kein Kandidat kommt in Frage.",
    # candidate file (quartiersatlas.candidates)
    "no_rows": "Die Kandidatendatei hat keine Zeile mit Daten",
    "no_rows_hint": "je möglichem Standort eine Zeile mit lat und lon (oder x und y) eintragen",
    "no_usable": "Kein Kandidat ist nutzbar (jede Zeile hat einen Fehler, siehe oben)",
    "no_usable_hint": "die genannten Zeilen berichtigen",
    "ids_from_rows": "Spalte 'id' fehlt: die Zeilennummern sind die Kennungen der Kandidaten",
    "ids_from_rows_hint": "Spalte id mit festen Kennungen ergänzen",
    "no_coordinates": "Keine Koordinaten: Kandidat nicht übernommen",
    "no_coordinates_hint": "lat und lon (WGS84) oder x und y eintragen, oder die Zeile löschen",
    "outside": "Punkt liegt in keinem Stadtteil: Kandidat nicht übernommen",
    "outside_hint": "Koordinaten prüfen (vertauscht? anderes Koordinatensystem?); nur Standorte "
    "in den Stadtteilen kommen in Frage",
    "point": "lat={lat}, lon={lon}",
    "place_kept": "Ort ohne Lage übernommen",
    "candidate_dropped": "Kandidat nicht übernommen",
    # python -m quartiersatlas siting
    "cli_help": "Standorte vorschlagen: wo erreichen k neue Orte die meisten noch nicht "
    "erreichten Einwohner?",
    "cli_description": "Wählt aus den Kandidaten die k Standorte, die zusammen die meisten "
    "Einwohner der Zielgruppe im Umkreis R (Luftlinie) erreichen, die noch kein bestehender "
    "Ort erreicht (Bevölkerungsgitter nötig). Ohne --candidates ist jeder Mittelpunkt einer "
    "bewohnten Gitterzelle ein Kandidat.",
    "cli_epilog": "Exit-Codes: 0 = ohne Fehler; 1 = Probleme in den Daten oder der "
    "Kandidatendatei (übergangene Zeilen stehen auf stderr); 2 = Aufruffehler (k, Radius, "
    "kein Gitter, Datei fehlt). Beispiel: python -m quartiersatlas siting --candidates "
    "kandidaten.csv --k 3 --radius 500 --group 65_plus",
    "candidates_help": "mögliche Standorte (CSV, XLSX, GeoJSON-Punkte; lat/lon oder x/y, "
    "optional id, name, step_free); ohne: jede bewohnte Gitterzelle",
    "k_help": "Anzahl der neuen Standorte (≥ 1)",
    "radius_help": "Umkreis R in Metern (> 0): Luftlinie, mit --profile entlang der Wege",
    "minutes_help": "statt --radius: Umkreis als Zeit in Minuten (> 0) bei der Geschwindigkeit "
    "aus settings.toml [network] (zu Fuß 4,8 km/h, Rollstuhl 3,6 km/h, wenn nicht gesetzt)",
    "bad_minutes": "Minuten müssen eine Zahl > 0 sein, sind {minutes}",
    "group_help": "Zielgruppe: all (alle Einwohner), under_18, 65_plus (Standard: all)",
    "require_help": "nur Kandidaten mit step_free = yes; als schon erreicht zählt nur der "
    "Umkreis bestehender Orte mit step_free = yes",
    "no_grid": "Standortvorschläge brauchen ein Bevölkerungsgitter: [files] grid in "
    "settings.toml des Datenordners oder --grid DATEI",
    "grid_without_group": "Gitter ohne Werte für die Zielgruppe {group}",
    "grid_without_group_hint": "Altersspalten (unter18, ab65) ergänzen oder --group all nehmen",
    "note_line": "Hinweis: {note}",
    # notes of the result (German sentences for every view)
    "place": "bestehender Ort",
    "places": "bestehende Orte",
    "note_reach": "Erreicht = Mittelpunkt der 100-m-Gitterzelle höchstens {radius} Luftlinie "
    "vom Standort entfernt; gezählt: {group}.",
    "note_reach_walk": "Erreicht = Mittelpunkt der 100-m-Gitterzelle höchstens {radius} "
    "Fußweg entlang der Straßen und Wege vom Standort entfernt; gezählt: {group}.",
    "note_reach_wheelchair": "Erreicht = Mittelpunkt der 100-m-Gitterzelle höchstens "
    "{radius} entlang der mit dem Rollstuhl nutzbaren Wege vom Standort entfernt; "
    "gezählt: {group}.",
    "note_grid_candidates": "Keine Kandidatendatei: jeder Mittelpunkt einer bewohnten "
    "Gitterzelle ist ein Kandidat ({n} Kandidaten).",
    "note_grid_step_free": "Diese gedachten Standorte gelten als stufenlos (ein neuer Ort "
    "wird stufenlos geplant).",
    "note_step_free": "Nur stufenlose Standorte (step_free = yes) kommen in Frage; schon "
    "erreicht ist nur, wer im Umkreis eines bestehenden stufenlosen Ortes wohnt.",
    "note_not_step_free": "{n} Kandidaten ohne step_free = yes wurden nicht betrachtet.",
    "note_not_located": "{n} Kandidaten ohne Lage wurden nicht betrachtet.",
    "note_already": "{places} erreichen im Umkreis von {radius} schon {residents} {group}; "
    "sie zählen nicht noch einmal.",
    "note_none_reaching": "Kein bestehender Ort zählt als erreichend: alle {group} sind noch "
    "nicht erreicht.",
    "note_no_eligible": "Kein Kandidat kommt in Frage: kein Standort vorgeschlagen.",
    "note_nobody_new": "Kein Kandidat erreicht {group}, die noch nicht erreicht sind: kein "
    "Standort vorgeschlagen.",
    "note_exact": "Exakt gelöst (ganzzahlige Optimierung, HiGHS): keine andere Wahl von "
    "höchstens {k} Kandidaten erreicht mehr.",
    "note_greedy": "Schrittweise gewählt (jeweils der Standort, der am meisten hinzufügt), "
    "weil {reason}; die beste Wahl erreicht höchstens {bound} {group}.",
    "note_greedy_optimal": "Schrittweise gewählt, weil {reason}; die Wahl ist trotzdem "
    "nachweislich die beste (Obergrenze {bound} {group} erreicht).",
    "reason_size": "{n} Kandidaten übrig sind (ohne solche, die niemanden neu erreichen oder "
    "nur einen Teil dessen, was ein anderer erreicht; exakt gerechnet wird bis {limit})",
    "reason_time": "die exakte Rechnung ihr Zeitlimit ({seconds} s) erreichte",
    "note_fewer": "Nur {n} von {k} Standorten erreichen jemanden neu: weitere Standorte "
    "erreichen niemanden, der nicht schon erreicht ist.",
    "note_unknown": "{n} neu erreichte Gitterzellen haben eine unbekannte (geheim gehaltene) "
    "Einwohnerzahl und zählen 0.",
}

# --- Supply against need (issue 13): capacity, opening hours, benchmark, 2SFCA ----------
SUPPLY_TEXTS = {
    # places file: capacity (quartiersatlas.validate_supply)
    "capacity_bad": "Kapazität nicht lesbar; der Ort bleibt, seine Kapazität gilt als unbekannt",
    "capacity_hint": "Erwartet: Zahl der Plätze als ganze Zahl ohne Punkt oder Komma, 0 bis "
    "{max}, z. B. 25; leer lassen, wenn unbekannt",
    "duplicate_column": "Spalte für '{name}' doppelt (schon als '{first}'); diese Spalte wird "
    "nicht verwendet",
    # places file: opening hours
    "hours_bad": "Öffnungszeiten nicht lesbar ({reason}); der Ort bleibt, seine Öffnungszeiten "
    "gelten als unbekannt",
    "hours_hint": "Erwartet: Regeln wie „Mo-Fr 09:00-17:00; Sa 10:00-14:00; Di,Do 17:00-21:00“ "
    "(Tage Mo Di Mi Do Fr Sa So oder Mo Tu We Th Fr Sa Su, mehrere Zeiten mit Komma, „off“ = "
    "geschlossen, „24/7“); Regeln mit „;“ trennen, eine spätere Regel ersetzt die Zeiten ihrer "
    "Tage; Feiertage (PH), Monate und Daten werden nicht gelesen; leer lassen, wenn unbekannt",
    "hours_time": "Uhrzeit „{time}“ ist keine Zeit von 00:00 bis 24:00",
    "hours_span": "„{span}“ ist keine Zeitspanne wie 09:00-17:00",
    "hours_empty_span": "Zeitspanne „{span}“ beginnt und endet zur selben Zeit",
    "hours_day": "„{day}“ ist kein Wochentag",
    "hours_nothing": "keine Regel",
    "hours_no_times": "Regel „{rule}“ nennt Tage, aber keine Zeiten",
    "hours_rule": "Regel „{rule}“ hat mehr als Tage und Zeiten",
    # settings.toml [supply]
    "unit_residents": " (Einwohner je Ort), z. B. {example}",
    "boolean": "true oder false",
    "unknown_group": "{where}: Zielgruppe '{group}' unbekannt – erlaubt: {allowed}.",
    "groups_not_table": "{where}: 'groups' muss eine Tabelle sein ([supply.groups] mit "
    "Zielgruppe = Einwohner je Ort, z. B. 65_plus = 2000), ist aber {value}.",
    # the opening-time filter (page, links, notes)
    "open_label": "Geöffnet",
    "open_placeholder": "zu jeder Zeit",
    "open_help": "Nur Orte zählen, die laut ihren Öffnungszeiten dann geöffnet sind. Orte ohne "
    "(lesbare) Öffnungszeiten zählen nicht: unbekannt ist nicht geöffnet.",
    "open_evenings": "abends",
    "open_weekends": "am Wochenende",
    "open_and": " und ",
    "open_what": "Öffnungszeit(en)",
    "place": "Ort",
    "places": "Orte",
    "place_dat": "Ort",
    "places_dat": "Orten",
    "note_open": "Gezählt nur Orte, die laut Öffnungszeiten {when} geöffnet sind; nicht "
    "gezählt: {closed} dann geschlossen, {unknown} mit unbekannten Öffnungszeiten (unbekannt "
    "zählt nicht als geöffnet).",
    # notes of the analysis
    "note_benchmark": "Versorgungsgrad = gezählte Orte ÷ benötigte Orte; benötigt: 1 Ort je "
    "{per} {group} (Richtwert aus den Einstellungen, keine amtliche Norm).",
    "note_kinds": " Für den Versorgungsgrad zählen nur: {kinds}.",
    "note_no_benchmark": "Für {group} ist kein Richtwert eingestellt: kein Versorgungsgrad.",
    "note_no_kinds": "Der Richtwert gilt für {kinds}; keine dieser Arten ist gewählt: kein "
    "Versorgungsgrad.",
    "note_capacity_unknown": "Kapazität (Plätze) unbekannt bei {places}: Plätze je 1.000 "
    "Einwohner sind in {districts} nicht berechnet (unbekannt ist nicht 0).",
    "note_fsca_capacity": "Im Einzugsbereich (Zwei-Schritt-Verfahren über die Gitterzellen, "
    "{radius} Luftlinie): jeder Ort mit seinen Plätzen, geteilt durch die {group} in seinem "
    "Umkreis; je Zelle die Summe der erreichbaren Orte, je Stadtteil das Mittel nach "
    "Einwohnern.",
    "note_fsca_places": "Im Einzugsbereich (Zwei-Schritt-Verfahren über die Gitterzellen, "
    "{radius} Luftlinie): jeder Ort zählt 1 ({reason}), geteilt durch die {group} in seinem "
    "Umkreis; je Zelle die Summe der erreichbaren Orte, je Stadtteil das Mittel nach "
    "Einwohnern.",
    "note_fsca_none": "Kein gezählter Ort mit Lage: im Einzugsbereich überall 0.",
    "note_fsca_network": "Orte und Plätze je 1.000 Einwohner im Einzugsbereich werden entlang "
    "der Wege nicht berechnet.",
    "reason_unknown": "Kapazität nicht bei allen Orten bekannt",
    "reason_off": "Kapazität laut Einstellungen nicht verwendet",
    "note_fsca_no_grid": "Das Verhältnis im Einzugsbereich braucht ein Einwohnergitter "
    "([files] grid): nicht berechnet.",
    "note_fsca_no_group": "Das Einwohnergitter hat keine Zahlen für {group}: Verhältnis im "
    "Einzugsbereich nicht berechnet.",
    "district": "Stadtteil",
    "districts": "Stadtteilen",
    # columns (page "Abdeckung & Lücken", exports)
    "supply_ratio": "Versorgungsgrad (%)",
    "need_places": "benötigte Orte (Richtwert)",
    "supply_places": "Orte für den Versorgungsgrad",
    "capacity_per_1000": "Plätze je 1.000 {group}",
    "capacity_unknown": "Orte mit unbekannter Kapazität",
    "fsca_capacity": "Plätze je 1.000 {group} im Einzugsbereich",
    "fsca_places": "Orte je 1.000 {group} im Einzugsbereich",
    "supply_caption": "Versorgungsgrad: gezählte Orte ÷ benötigte Orte, benötigt ist 1 Ort je "
    "{per} {group} – ein Richtwert aus den Einstellungen, keine amtliche Norm. 100 % = so viele "
    "Orte wie der Richtwert verlangt. {note}",
    "capacity_caption": "Unbekannte Kapazität bleibt unbekannt, nicht 0: wo ein gezählter Ort "
    "keine Platzzahl hat, bleibt „Plätze je 1.000“ leer.",
    "supply_no_benchmark": "Versorgungsgrad: für {group} ist kein Richtwert eingestellt.",
    # python -m quartiersatlas coverage --open
    "cli_open": "nur Orte, die laut Öffnungszeiten dann geöffnet sind: kommagetrennt aus "
    "{allowed} (unbekannte Öffnungszeiten zählen nicht)",
    "cli_open_unknown": "unbekannte Öffnungszeit(en): {items}; erlaubt: {allowed}",
    "cli_note": "Hinweis: {note}",
}

# Page "Planung" (pages/planung.py; issue 13): scenarios before and after.
PLANUNG_TEXTS = {
    "title": "Planung: Was wäre, wenn …?",
    "intro": "Hypothetische Orte hinzufügen, bestehende verlegen oder abschalten und sehen, "
    "was sich ändert: Einwohner im Umkreis, Fläche, Lücken-Rangfolge. Szenarien werden als "
    "Dateien im Datenordner gespeichert; sie ändern den Bestand nie.",
    "group_help": "Wessen Erreichbarkeit verglichen wird (Bevölkerungsgitter nach Alter).",
    "scenario": "Szenario",
    "new_scenario": "Neues Szenario (nicht gespeichert)",
    "scenario_help": "Gespeicherte Szenarien liegen im Ordner scenarios des Datenordners.",
    "edit": "Szenario bearbeiten",
    "name": "Name des Szenarios",
    "description": "Beschreibung (optional)",
    "add_title": "Hypothetischen Ort hinzufügen",
    "position": "Lage bestimmen über",
    "position_coordinates": "Koordinaten",
    "position_address": "Adresse eines bestehenden Orts",
    "position_click": "Klick in die Karte",
    "lat": "Breite (WGS84, Grad)",
    "lon": "Länge (WGS84, Grad)",
    "address": "Adresse",
    "address_option": "{address} ({name})",
    "address_placeholder": "Adresse wählen",
    "clicked": "Gewählte Lage: {lat} / {lon} (Breite / Länge)",
    "click_hint": "Noch keine Lage gewählt: Klicken Sie in die Karte unten.",
    "place_name": "Name des Orts",
    "kind": "Art",
    "step_free": "Stufenlos",
    "add": "Ort hinzufügen",
    "need_place_name": "Bitte geben Sie dem Ort einen Namen.",
    "need_position": "Bitte bestimmen Sie zuerst die Lage des Orts.",
    "added_title": "Hypothetische Orte in diesem Szenario",
    "added_row": "**{name}** ({kind}), {lat} / {lon}",
    "remove": "Entfernen",
    "change_title": "Bestehende Orte verändern",
    "switch_off": "Orte abschalten (zählen im Szenario nicht mit)",
    "switch_off_placeholder": "Orte wählen",
    "switch_off_help": "Zum Beispiel ein Ort, dessen Förderung ausläuft.",
    "move": "Ort verlegen",
    "move_placeholder": "Ort wählen",
    "move_here": "An die geklickte Stelle verlegen",
    "moved_list": "Verlegt: {places}",
    "undo_moves": "Verlegungen zurücknehmen",
    "save": "Speichern",
    "delete": "Szenario löschen",
    "need_name": "Bitte geben Sie dem Szenario einen Namen, bevor Sie es speichern.",
    "name_taken": "Ein Szenario „{name}“ gibt es schon. Bitte wählen Sie einen anderen Namen.",
    "not_saved": "Das Szenario konnte nicht gespeichert werden: {error}",
    "saved": "Szenario „{name}“ gespeichert.",
    "problems": "Das Szenario hat {n} Problem(e); was nicht verwendet werden kann, zählt "
    "nicht mit:",
    "col_entry": "Eintrag",
    "uncovered_after": "Nach dem Szenario weiter außerhalb von {radius}",
    "ring_label": "Hypothetisch: neu oder verlegt (nicht im Bestand)",
    "empty": "Das Szenario enthält noch keine Änderung: vorher und nachher sind gleich.",
    "result_title": "Vorher und nachher: {name}",
    "unnamed": "Neues Szenario",
    "hypothetical_note": "Hypothetische Orte sind Planungsannahmen: Sie sind in der Karte "
    "umrandet, heißen „Hypothetisch: …“ und erscheinen in keiner Liste und keinem Download "
    "des Bestands.",
    "covered": "{group} im Umkreis von {radius}",
    "covered_help": "Vorher: {before}",
    "area": "Fläche im Umkreis",
    "points": "{n} Prozentpunkte",
    "places": "Orte, die zählen",
    "map_caption": "Karte: Orte des Szenarios; umrandet die hypothetischen und verlegten. "
    "Schraffiert: was auch nach dem Szenario außerhalb des Umkreises liegt. Ein Klick in die "
    "Karte wählt eine Lage für einen neuen oder verlegten Ort.",
    "table_title": "Je Stadtteil",
    "col_places_before": "Orte vorher",
    "col_places_after": "Orte nachher",
    "col_covered_before": "{group} im Umkreis vorher",
    "col_covered_after": "{group} im Umkreis nachher",
    "col_change": "Veränderung",
    "col_area_before": "Fläche vorher (%)",
    "col_area_after": "Fläche nachher (%)",
    "col_rank_before": "Lücken-Rang vorher",
    "col_rank_after": "Lücken-Rang nachher",
    "csv": "Vorher/nachher (CSV)",
    "xlsx": "Vorher/nachher (Excel)",
    "toml": "Szenario-Datei (TOML)",
    "toml_help": "Die Szenario-Datei, wie sie im Ordner scenarios gespeichert wird: "
    "hypothetische Orte, kein Bestand.",
    "table_caption": "Lücken-Rang: 1 = größte Lücke (Kriterien der Seite „Abdeckung & "
    "Lücken“ in der Grundeinstellung); leer = keine Lücke.",
    "siting_title": "Standortsuche: Wo erreichen neue Orte die meisten?",
    "siting_intro": "Sucht die Standorte, die zusammen die meisten {group} neu in den Umkreis "
    "von {radius} bringen – zusätzlich zu den Orten dieses Szenarios. "
    "Kandidaten: jede bewohnte Gitterzelle, eine Datei (z. B. öffentliche Gebäude, Schulen, "
    "Gemeinderäume) oder Punkte, die Sie in der Karte wählen. Das Ergebnis ist ein Vorschlag "
    "für das Szenario, keine Entscheidung.",
    "siting_no_grid": "Die Standortsuche braucht ein Bevölkerungsgitter ([files] grid in "
    "settings.toml); dieser Datenordner hat keines.",
    "siting_source": "Kandidaten",
    "siting_source_grid": "jede bewohnte Gitterzelle",
    "siting_source_file": "aus einer Datei",
    "siting_source_map": "Punkte in der Karte",
    "siting_add_point": "Geklickte Stelle als Kandidat",
    "siting_clear_points": "Punkte löschen",
    "siting_points": "{n} Punkte als Kandidaten gewählt (als stufenlos geplant angenommen). "
    "Weitere: in die Karte klicken, dann „Geklickte Stelle als Kandidat“.",
    "siting_no_points": "Noch kein Punkt gewählt: in die Karte klicken, dann „Geklickte "
    "Stelle als Kandidat“.",
    "siting_point": "Punkt {n}",
    "siting_map": "Punkte in der Karte",
    "siting_point_outside": "Der Punkt liegt in keinem Stadtteil und wird nicht verwendet.",
    "siting_k": "Anzahl Standorte",
    "siting_kind": "Art der neuen Orte",
    "siting_step_free": "nur stufenlose Standorte",
    "siting_step_free_wheelchair": "Mit dem Rollstuhl zählen nur stufenlose Orte, wie in der "
    "Abdeckung: die Suche nimmt nur stufenlose Standorte.",
    "siting_file": "Kandidaten-Datei",
    "siting_file_help": "CSV, Excel, GeoJSON oder GeoPackage mit lat/lon (oder x/y), "
    "optional id, name und step_free.",
    "siting_run": "Standorte suchen",
    "siting_stale": "Die Auswahl hat sich geändert: bitte erneut „Standorte suchen“.",
    "siting_problems": "{n} Probleme in der Kandidaten-Datei (nicht verwendete Zeilen "
    "zählen nicht mit):",
    "siting_none": "Kein Standort erreicht zusätzliche Einwohner: alle, die erreichbar "
    "sind, sind es schon.",
    "siting_total": "{k} Standorte erreichen zusammen {n} {group} zusätzlich.",
    "siting_rank": "Rang",
    "siting_name": "Standort",
    "siting_site": "Vorschlag {rank}",
    "siting_added": "zusätzlich erreicht",
    "siting_cumulative": "zusammen",
    "siting_take": "Als hypothetische Orte ins Szenario übernehmen",
    "siting_note": "Vorschlag {rank} der Standortsuche",
    "siting_exact": "Beste mögliche Auswahl (nachweislich optimal).",
    "siting_greedy": "Näherung: keine Auswahl erreicht mehr als {bound}; diese liegt "
    "höchstens {gap} % darunter.",
    "compare_title": "Szenarien nebeneinander",
    "compare": "Gespeicherte Szenarien",
    "col_scenario": "Szenario",
    "col_added": "neue Orte",
    "col_moved": "verlegt",
    "col_off": "abgeschaltet",
    "col_new_all": "Einwohner neu im Umkreis",
    "col_new_older": "davon ab 65",
    "col_top_out": "fällt aus den Top 5 der Lücken",
    "compare_caption": "Alle mit der Auswahl links (Umkreis {radius}); „neu im Umkreis“ aus "
    "dem Bevölkerungsgitter.",
    "agenda_hint": "Für die Sitzung: Szenario speichern, dann auf der Seite „Präsentation“ "
    "diese Ansicht auf die Tagesordnung setzen (Vorher/Nachher als Folie).",
}


# Inventory store (quartiersatlas.store, inventory, cli_store; issue 14). Messages of the
# store and of `python -m quartiersatlas store`.
STORE_TEXTS = {
    "unknown_kind": "Unbekannte Art von Einträgen „{kind}“; erlaubt: {allowed}.",
    "no_store": "Keine Bestandsdatenbank unter {path}.",
    "not_sqlite": "{path} ist keine SQLite-/GeoPackage-Datei ({error}).",
    "not_a_store": "{path} ist keine Quartiersatlas-Bestandsdatenbank.",
    "exists": "{path} gibt es schon; eine Bestandsdatenbank wird nie überschrieben.",
    "no_psycopg": "Für eine Bestandsdatenbank in PostgreSQL fehlt das Paket psycopg "
    "(pip install 'quartiersatlas[postgres]').",
    "no_connection": "Keine Verbindung zur Bestandsdatenbank {store}: {error}",
    "database_error": "Die Bestandsdatenbank {store} meldet einen Fehler: {error}",
    "no_postgis": "In der Datenbank {store} fehlt PostGIS und kann nicht eingerichtet werden "
    "({error}). Die Datenbankverwaltung richtet es ein mit: CREATE EXTENSION postgis;",
    "no_who": "Eine Änderung braucht die Angabe, wer sie macht.",
    "no_id": "Eintrag ohne Kennung (id): so kann er nicht gespeichert werden.",
    "repeated_id": "Die Kennung „{id}“ steht schon in einer Zeile darüber: dieser Eintrag "
    "wird nicht übernommen.",
    "twice": "{kind} „{id}“ kommt in einer Änderung zweimal vor.",
    "unknown_columns": "Unbekannte Spalten für {kind}: {columns}.",
    "no_change_set": "Keine Änderung Nr. {n}.",
    "conflict": "{kind} „{id}“ wurde inzwischen geändert (bearbeitet wurde Stand {base}, "
    "gespeichert ist Stand {current}); nichts wurde gespeichert.",
    "conflict_exists": "{kind} „{id}“ gibt es schon (inzwischen angelegt); nichts wurde "
    "gespeichert.",
    "conflict_gone": "{kind} „{id}“ gibt es nicht mehr (inzwischen entfernt; bearbeitet "
    "wurde Stand {base}); nichts wurde gespeichert.",
    "undone_already": "Änderung Nr. {n} ist schon zurückgenommen (mit Änderung Nr. {by}).",
    "no_file": "Keine Datei für {kind} im Datenordner: nicht übernommen.",
    "initial": "Erstbestand aus {file}",
    "unusable": "Die Bestandsdatenbank ([store] in settings.toml) kann nicht gelesen werden: "
    "{error} "
    "Orte, Stadtteilteams und Netzwerke werden stattdessen aus ihren Dateien gelesen.",
    "unusable_hint": "mit python -m quartiersatlas store init --store DATEI|URL --who STELLE "
    "anlegen, die Verbindung zur Datenbank prüfen, oder [store] aus settings.toml entfernen",
    "file_newer": "Die Datei wurde am {when} (UTC) geändert, nach dem letzten Stand in der "
    "Bestandsdatenbank {store}, und weicht von ihm ab ({added} neu, {changed} geändert, "
    "{missing} fehlen in der Datei). Die App zeigt den Bestand; die Änderung der Datei ist "
    "noch nicht übernommen.",
    "file_newer_hint": "übernehmen mit python -m quartiersatlas store import --store DATEI "
    "--kind {kind} {file} --who STELLE (zeigt vorher, was sich ändert: --dry-run)",
}

STORE_CLI = {
    "help": "Bestandsdatenbank (GeoPackage): anlegen, Dateien einlesen, ausgeben, "
    "Verlauf zeigen, Änderungen zurücknehmen",
    "init_help": "neue Bestandsdatenbank aus den Dateien des Datenordners anlegen",
    "import_help": "eine Datei (CSV, Excel, GeoJSON) prüfen und als eine Änderung einlesen",
    "export_help": "die Einträge einer Art als CSV ausgeben (Spalten wie in den Dateien)",
    "history_help": "Verlauf: jedes geänderte Feld mit wer, wann und warum",
    "undo_help": "eine Änderung (Nummer aus dem Verlauf) zurücknehmen",
    "store": "die Bestandsdatenbank: eine GeoPackage-Datei (.gpkg) oder eine "
    "PostgreSQL-Datenbank mit PostGIS (postgresql://rechner/datenbank; bei init muss die "
    "Datenbank bestehen)",
    "who": "wer die Änderung macht (Stelle oder Konto, keine Privatperson)",
    "why": "warum (steht im Verlauf)",
    "kind": "Art der Einträge: places, stadtteilteams oder networks",
    "import_file": "die einzulesende Datei",
    "remove_missing": "Einträge, die in der Datei fehlen, entfernen (sonst bleiben sie)",
    "dry_run": "nur prüfen und sagen, was sich ändern würde; nichts schreiben",
    "since": "nur Änderungen ab diesem Datum (JJJJ-MM-TT, UTC)",
    "id": "nur Änderungen dieses Eintrags",
    "change": "Nummer der Änderung (Spalte change_set im Verlauf)",
    "initialised": "Bestandsdatenbank {path} angelegt: {places} Orte, {stadtteilteams} "
    "Stadtteilteams, {networks} Netzwerke.",
    "diff": "{added} neu, {changed} geändert (Felder: {fields}), {removed}.",
    "removed": "{n} fehlen in der Datei und werden entfernt",
    "kept": "{n} fehlen in der Datei und bleiben (entfernen mit --remove-missing)",
    "not_written": "{n} Fehler: nichts wurde geschrieben.",
    "imported": "Eingelesen aus {file}",
    "written": "Gespeichert als Änderung Nr. {n} ({changes} Einträge).",
    "undone": "Änderung Nr. {n} zurückgenommen (als Änderung Nr. {new}).",
}

# Accounts of the editors (quartiersatlas.accounts, ui.auth, `store users`; issue 14).
ACCOUNT_TEXTS = {
    "locked": "Zu viele fehlgeschlagene Anmeldungen: dieser Name ist für etwa {minutes} "
    "Minuten gesperrt.",
    "inside_repo": "Die Kontendatei {path} liegt im Programmordner; sie gehört außerhalb "
    "(z. B. /etc/quartiersatlas/konten.db), damit sie nie mit dem Code weitergegeben wird.",
    "unreadable": "Die Kontendatei {path} kann nicht gelesen werden ({error}).",
    "bad_role": "Unbekannte Rolle „{role}“; erlaubt: {allowed}.",
    "exists": "Das Konto „{name}“ gibt es schon.",
    "unknown": "Kein Konto „{name}“.",
    "bad_name": "„{name}“ taugt nicht als Kontoname: 3 bis 64 Zeichen aus Buchstaben, "
    "Ziffern und . _ @ - (eine Stelle oder Rolle, kein Personenname).",
    "short_password": "Das Passwort ist zu kurz: mindestens {n} Zeichen.",
    "no_accounts": "Keine Kontendatei: die Umgebungsvariable QUARTIERSATLAS_ACCOUNTS nennt "
    "sie (außerhalb des Programmordners), oder --accounts DATEI.",
    "users_help": "Konten der Bearbeitenden: anlegen, auflisten, Passwort setzen, Rolle "
    "ändern, entfernen",
    "accounts_option": "Kontendatei (Standard: Umgebungsvariable QUARTIERSATLAS_ACCOUNTS)",
    "name_option": "Kontoname (eine Stelle oder Rolle, z. B. qm-kreyenbrueck)",
    "role_option": "Rolle: editor (bearbeitet den Bestand) oder admin (verwaltet auch Konten)",
    "password_stdin": "Passwort aus der Standardeingabe lesen (erste Zeile) statt nachzufragen",
    "password_prompt": "Passwort (mindestens {n} Zeichen): ",
    "password_again": "Passwort wiederholen: ",
    "password_mismatch": "Die beiden Passwörter stimmen nicht überein.",
    "added": "Konto „{name}“ ({role}) angelegt.",
    "password_set": "Passwort von „{name}“ gesetzt.",
    "removed": "Konto „{name}“ entfernt.",
    "no_users": "Noch kein Konto.",
    "last_admin": "„{name}“ ist das einzige Verwaltungskonto (admin): es bleibt, damit "
    "jemand die Konten verwalten kann. Erst ein anderes Konto zur Verwaltung machen.",
    "login_password": "Passwort",
    "oidc_option": "ohne Passwort: meldet sich nur über die Anmeldung der Stadt (OpenID "
    "Connect) an; der Name ist die dort gemeldete Kennung (E-Mail-Adresse der Stelle)",
    "role_set": "Konto „{name}“ hat jetzt die Rolle {role}.",
    "login_oidc": "Anmeldung der Stadt (OpenID Connect)",
}

# Login (ui.auth) and the page "Daten pflegen" (pages/daten_pflegen.py; issue 14).
AUTH_TEXTS = {
    "title": "Anmelden",
    "intro": "Ansehen geht ohne Anmeldung; Bearbeiten nur mit einem Konto.",
    "name": "Kontoname",
    "password": "Passwort",
    "login": "Anmelden",
    "wrong": "Kontoname oder Passwort stimmt nicht.",
    "logged_in": "Angemeldet als **{name}** ({role})",
    "logout": "Abmelden",
    "timed_out": "Sie wurden nach {minutes} Minuten ohne Aktivität abgemeldet. Bitte neu anmelden.",
    "removed": "Ihr Konto gibt es nicht mehr; Sie wurden abgemeldet.",
    "role_editor": "Bearbeitung",
    "role_admin": "Verwaltung",
    "oidc_login": "Mit dem Konto der Stadt anmelden",
    "oidc_or_local": "Nach der Anmeldung öffnet sich die Startseite; von dort zurück zu "
    "„Daten pflegen“. Oder mit einem Konto dieser App anmelden:",
    "oidc_unverified": "Die Anmeldung der Stadt meldet keine bestätigte E-Mail-Adresse; "
    "ohne sie kann hier kein Konto zugeordnet werden. Bitte abmelden und die Verwaltung "
    "des Quartiersatlas fragen.",
    "oidc_error": "Die Anmeldung der Stadt ist nicht richtig eingerichtet ([auth] in den "
    "Streamlit-Geheimnissen): {error}",
    "oidc_no_account": "Die Anmeldung der Stadt meldet „{name}“, aber dafür gibt es hier "
    "kein Konto zum Bearbeiten. Die Verwaltung des Quartiersatlas legt es an (Konto ohne "
    "Passwort mit genau diesem Namen).",
}
# Account management for admins (ui/account_admin.py; issue 14).
ACCOUNT_ADMIN_TEXTS = {
    "title": "Konten verwalten",
    "list_caption": "{n} Konten. Kontonamen sind Stellen oder Rollen, keine Personennamen.",
    "col_name": "Konto",
    "col_role": "Rolle",
    "col_login": "Anmeldung",
    "col_created": "angelegt (UTC)",
    "role_editor": "Bearbeitung",
    "role_admin": "Verwaltung",
    "login_password": "Passwort",
    "login_oidc": "Anmeldung der Stadt",
    "add_title": "Konto anlegen",
    "name": "Kontoname",
    "name_help": "3 bis 64 Zeichen aus Buchstaben, Ziffern und . _ @ - (eine Stelle oder "
    "Rolle, z. B. qm-kreyenbrueck). Für die Anmeldung der Stadt: die dort gemeldete "
    "Kennung (E-Mail-Adresse der Stelle).",
    "role": "Rolle",
    "password": "Erstes Passwort",
    "password_help": "mindestens {n} Zeichen; der Person auf sicherem Weg mitteilen.",
    "password_help_oidc": "mindestens {n} Zeichen; leer lassen für ein Konto, das sich nur "
    "über die Anmeldung der Stadt anmeldet.",
    "password_needed": "Ein Passwort mit mindestens {n} Zeichen ist nötig (eine Anmeldung "
    "der Stadt ist nicht eingerichtet).",
    "add": "Konto anlegen",
    "added": "Konto „{name}“ ({role}) angelegt.",
    "change_title": "Konto ändern",
    "account": "Konto",
    "set_role": "Rolle setzen",
    "role_set": "Konto „{name}“ hat jetzt die Rolle {role}.",
    "new_password": "Neues Passwort",
    "set_password": "Passwort setzen",
    "password_set": "Neues Passwort für „{name}“ gesetzt.",
    "own_account": "Das eigene Konto kann hier nicht entfernt werden (ein anderes "
    "Verwaltungskonto kann es).",
    "remove_sure": "Ja, das Konto „{name}“ entfernen (laufende Anmeldungen enden beim "
    "nächsten Schritt; der Verlauf behält den Namen).",
    "remove": "Konto entfernen",
    "removed": "Konto „{name}“ entfernt.",
}

DATEN_PFLEGEN_TEXTS = {
    "title": "Daten pflegen",
    "intro": "Orte, Stadtteilteams und Netzwerke im Bestand ändern, anlegen, beenden und "
    "wiederherstellen. Jede Änderung steht mit Name, Zeit und Grund im Verlauf; nichts "
    "wird ohne Spur überschrieben.",
    "no_store": "Die Daten dieses Ordners werden aus Dateien gelesen: Bearbeiten in der App "
    "braucht eine Bestandsdatenbank. Einrichten: `python -m quartiersatlas store init "
    "--store data/bestand.gpkg --who STELLE --data data`, dann in settings.toml "
    '`[store]` mit `file = "bestand.gpkg"` (oder `url = "postgresql://…"` für eine '
    "PostgreSQL-Datenbank).",
    "no_accounts": "Bearbeiten braucht Konten: die Umgebungsvariable QUARTIERSATLAS_ACCOUNTS "
    "nennt die Kontendatei (außerhalb des Programmordners); Konten legt "
    "`python -m quartiersatlas store users add --name STELLE --role editor` an.",
    "store_error": "Die Bestandsdatenbank kann nicht geöffnet werden: {error}",
    "kind": "Was bearbeiten?",
    "kind_places": "Orte",
    "kind_stadtteilteams": "Stadtteilteams",
    "kind_networks": "Netzwerke",
    "record": "Eintrag",
    "new": "➕ Neuer Eintrag",
    "version": "Stand {version} · Kennung {id}",
    "form": "Angaben",
    "why": "Grund der Änderung (steht im Verlauf)",
    "save": "Speichern",
    "saved": "Gespeichert (Änderung Nr. {n}). Alle Seiten zeigen den neuen Stand.",
    "unchanged": "Nichts geändert: es gab keinen neuen Wert.",
    "errors": "{n} Fehler: nichts wurde gespeichert. Bitte berichtigen.",
    "warnings": "Gespeichert mit {n} Hinweisen:",
    "conflict": "Nicht gespeichert: jemand hat diesen Eintrag inzwischen geändert "
    "(Sie haben Stand {base} bearbeitet, gespeichert ist Stand {current}). Hier beide "
    "Fassungen, Feld für Feld. Nichts ist verloren: laden Sie den gespeicherten Stand "
    "(Ihre Eingaben stehen dann nur noch in dieser Tabelle) oder speichern Sie Ihre "
    "geänderten Felder in den neuen Stand; Felder, die nur die andere Stelle geändert hat, "
    "bleiben dabei wie gespeichert.",
    "conflict_seen": "Stand {base} (von Ihnen bearbeitet)",
    "conflict_untouched": "(nicht geändert)",
    "conflict_reload": "Gespeicherten Stand laden",
    "conflict_keep": "Meine Fassung trotzdem speichern",
    "conflict_keep_help": "Schreibt Ihre geänderten Felder in den gespeicherten Stand; "
    "wo beide dasselbe Feld geändert haben, gilt Ihre Fassung, die andere bleibt im "
    "Verlauf sichtbar.",
    "moved_on": "Dieser Eintrag wurde inzwischen geändert (gespeichert ist Stand {current}, "
    "das Formular zeigt Stand {seen}).",
    "reload": "Neu laden",
    "conflict_field": "Feld",
    "conflict_mine": "Ihre Fassung",
    "conflict_theirs": "gespeichert",
    "end": "Beenden",
    "end_help": "Status „beendet“ (bei Teams und Netzwerken mit dem Monat als „bis“); der "
    "Eintrag bleibt im Bestand und kann wiederhergestellt werden.",
    "restore": "Wiederherstellen",
    "restore_help": "Status wieder „aktiv“.",
    "end_why": "beendet",
    "restore_why": "wiederhergestellt",
    "undo": "Meine letzte Änderung zurücknehmen (Nr. {n}: {why})",
    "undone": "Änderung Nr. {n} zurückgenommen.",
    "history": "Verlauf dieses Eintrags",
    "no_history": "Noch kein Verlauf.",
    "no_id": "Ein neuer Eintrag braucht eine Kennung (id).",
    "id_taken": "Die Kennung „{id}“ gibt es schon.",
    "location": "Lage: Breite (lat) und Länge (lon) in Grad (WGS84), z. B. 53.1435 und 8.2146, "
    "oder ein Klick in die Karte oben.",
    "map_title": "Lage",
    "map_caption": "Ein Klick in die Karte setzt die Lage dieses Eintrags (Breite und Länge im "
    "Formular); gespeichert wird sie mit „Speichern“. Der Ring zeigt die Lage im Formular.",
    "map_ring": "Lage dieses Eintrags",
    "map_clicked": "Lage aus der Karte übernommen. Prüfen Sie „Lage“ (genau oder ungefähr) "
    "und speichern Sie.",
    "col_action": "Aktion",
    "col_at": "Zeit (UTC)",
    "col_who": "wer",
    "col_why": "warum",
    "col_field": "Feld",
    "col_old": "vorher",
    "col_new": "nachher",
    "action_add": "angelegt",
    "action_edit": "geändert",
    "action_remove": "entfernt",
}
# Labels of the record fields in the editor (the columns of the files' schema).
FIELD_LABELS = {
    "id": "Kennung (id)",
    "name": "Name",
    "kind": "Art",
    "address": "Adresse",
    "district_stated": "Stadtteil laut Quelle",
    "lat": "Breite (lat)",
    "lon": "Länge (lon)",
    "x": "Rechtswert (x)",
    "y": "Hochwert (y)",
    "coord_quality": "Lage",
    "coord_note": "Hinweis zur Lage",
    "status": "Status",
    "step_free": "stufenlos",
    "accessible_toilet": "barrierefreies WC",
    "easy_language": "Leichte Sprache",
    "sign_language": "Gebärdensprache",
    "target_groups": "Zielgruppen (mit ; getrennt)",
    "contact": "Kontakt (Stelle oder Rolle, kein Personenname)",
    "source": "Quelle",
    "source_date": "Stand der Quelle",
    "notes": "Bemerkungen",
    "capacity": "Plätze",
    "opening_hours": "Öffnungszeiten (OSM-Schreibweise)",
    "type": "Typ",
    "districts": "Stadtteile (mit ; getrennt)",
    "since": "seit",
    "until": "bis",
    "meeting_place": "Treffpunkt",
}

# --- What has changed (pages/aenderungen.py; quartiersatlas.changes; issue 14) -------
AENDERUNGEN_TEXTS = {
    "intro": "Was sich im Bestand an Orten, Stadtteilteams und Netzwerken seit einem Tag "
    "geändert hat: als Liste, auf der Karte und in der Abdeckung damals und heute.",
    "no_store": "Diese Seite braucht die Bestandsdatenbank mit ihrem Verlauf "
    "(`[store]` in settings.toml, oder `make run`); die Daten dieses Ordners werden "
    "aus Dateien gelesen.",
    "store_error": "Die Bestandsdatenbank kann nicht gelesen werden: {error}",
    "since": "Änderungen seit",
    "since_help": "Gezählt wird alles, was ab 0 Uhr (UTC) dieses Tages gespeichert wurde.",
    "since_agenda": "Vorgabe: der Tag, an dem die Tagesordnung zuletzt gespeichert wurde ({date}).",
    "since_days": "Vorgabe: vor {days} Tagen.",
    "bad_date": "„{value}“ ist kein Datum (erwartet: JJJJ-MM-TT); gezeigt wird die Vorgabe.",
    "future": "Der {date} liegt in der Zukunft; gezeigt wird heute.",
    "created": "Die Bestandsdatenbank gibt es erst seit dem {date} (UTC, Erstbestand aus "
    "den Dateien): gezählt wird, was sich seitdem geändert hat.",
    "none": "Seit dem {date} hat sich im Bestand nichts geändert.",
    "summary": "Seit dem {date}: {parts}.",
    "summary_kind": "{kind} {counts}",
    "kind_places": "Orte",
    "kind_stadtteilteams": "Stadtteilteams",
    "kind_networks": "Netzwerke",
    "list_title": "Die Änderungen",
    "col_kind": "Art",
    "col_name": "Name",
    "col_id": "Kennung",
    "col_change": "Änderung",
    "col_fields": "Geänderte Felder",
    "col_who": "geändert von",
    "col_at": "zuletzt (UTC)",
    "map_title": "Auf der Karte",
    "map_ring": "Geändert seit dem {date}",
    "map_caption": "Der Ring markiert Orte und Treffpunkte, die seit dem {date} neu sind oder "
    "sich geändert haben (entfernte an ihrer früheren Lage). {unplaced}",
    "unplaced": "{n} der Änderungen haben keine Lage und stehen nur in der Liste.",
    "coverage_title": "Abdeckung damals und heute",
    "coverage_intro": "Dieselbe Auswertung wie auf „Abdeckung & Lücken“ (Vorgaben der "
    "Einstellungen: {radius}), einmal mit dem Bestand vom {date} und einmal mit dem "
    "heutigen.",
    "coverage_same": "Die Abdeckung ist unverändert.",
    "col_district": "Stadtteil",
    "col_places_then": "Orte damals",
    "col_places_now": "Orte heute",
    "col_covered_then": "im Umkreis damals",
    "col_covered_now": "im Umkreis heute",
    "col_area_then": "Fläche im Umkreis damals (%)",
    "col_area_now": "Fläche im Umkreis heute (%)",
    "csv": "Änderungen als CSV",
    "xlsx": "Änderungen als Excel",
}
CHANGE_LABELS = {
    "added": "neu",
    "ended": "beendet",
    "restored": "wiederhergestellt",
    "edited": "geändert",
    "removed": "entfernt",
}

# --- Data quality per district (quartiersatlas.quality; Datenprüfung, Karte) ----------
QUALITY_TEXTS = {
    "title": "Datenlage je Stadtteil",
    "intro": "Wie belastbar die Angaben zu den Orten eines Stadtteils sind – damit eine "
    "scheinbare Lücke von fehlenden Daten unterschieden werden kann. Gezählt werden die "
    "nicht beendeten Orte (ohne Lage: im Stadtteil laut Quelle). Lückenhaft ist ein Ort "
    "ohne Lage, mit geschätzter Lage, mit unbekanntem stufenlosem Zugang oder ohne "
    "Bestätigung seit {months} Monaten (Stand der Quelle fehlt oder ist älter).",
    "summary": "Von {districts} Stadtteilen mit Orten: {poor} schwach, {patchy} "
    "lückenhaft, {good} gut belegt; {empty} Stadtteile ohne erfassten Ort.",
    "col_district": "Stadtteil",
    "col_rating": "Datenlage",
    "col_places": "Orte",
    "col_no_location": "ohne Lage",
    "col_estimated": "Lage geschätzt",
    "col_access_unknown": "stufenloser Zugang unbekannt",
    "col_stale": "nicht bestätigt",
    "col_weak_share": "lückenhaft (%)",
    "todo_title": "Zu erledigen",
    "todo_none": "Nichts zu erledigen: alle Orte haben eine genaue Lage, bekannte "
    "Barrierefreiheit und eine aktuelle Quelle.",
    "todo_count": "{n} {problem}",
    "col_problem": "Was fehlt",
    "col_name": "Name",
    "col_source_date": "Stand der Quelle",
    "col_id": "Kennung",
    "col_row": "Zeile",
    "csv": "Zu erledigen als CSV",
    "xlsx": "Datenlage als Excel",
    "indicator": "Orte mit lückenhaften Angaben (%)",
    "indicator_unit": "%",
}
RATING_LABELS = {
    "good": "gut",
    "patchy": "lückenhaft",
    "poor": "schwach",
    "none": "kein Ort erfasst",
}
TODO_LABELS = {
    "no_location": "ohne Lage",
    "stale": "nicht bestätigt (Stand der Quelle fehlt oder ist alt)",
    "estimated": "Lage nur geschätzt",
    "access_unknown": "stufenloser Zugang unbekannt",
}

# --- The import wizard (ui/import_wizard.py, page "Daten pflegen"; issue 14) ----------
IMPORT_TEXTS = {
    "tab_edit": "Eintrag bearbeiten",
    "tab_import": "Datei einlesen",
    "intro": "Eine Liste der {kind} als Datei (CSV, auch mit Semikolon und Komma als "
    "Dezimalzeichen, Excel, GeoJSON oder GeoPackage): Spalten zuordnen, Probleme und "
    "Vorschau ansehen, dann als eine Änderung übernehmen (zurücknehmbar). Spalten, die "
    "die Datei nicht hat, behalten ihren gespeicherten Wert.",
    "file": "Datei",
    "unreadable": "Die Datei {file} kann nicht gelesen werden:",
    "step_columns": "1. Spalten",
    "recognised": "Erkannt: {columns}.",
    "map_to": "Spalte „{header}“ übernehmen als",
    "ignore": "nicht übernehmen",
    "twice": "Mehrere Spalten sind {columns} zugeordnet: bitte nur eine.",
    "no_ids": "Die Datei hat keine Einträge mit Kennung (id): ordnen Sie die Spalte mit "
    "der Kennung zu.",
    "step_problems": "2. Prüfung",
    "problems": "Hinweise in {file}: {n}, davon Fehler: {errors}.",
    "no_problems": "Keine Probleme gefunden.",
    "step_preview": "3. Vorschau",
    "preview": "{added} neu, {changed} geändert; {missing} Einträge des Bestands fehlen in "
    "der Datei ({fate}).",
    "fate_kept": "sie bleiben",
    "fate_removed": "sie werden entfernt",
    "remove_missing": "Einträge entfernen, die in der Datei fehlen ({n})",
    "remove_help": "Nur wenn die Datei die vollständige Liste ist. Entfernte Einträge "
    "stehen im Verlauf und lassen sich mit „Meine letzte Änderung zurücknehmen“ "
    "wiederherstellen.",
    "col_what": "was",
    "col_id": "Kennung",
    "col_name": "Name",
    "col_fields": "Felder",
    "what_added": "neu",
    "what_changed": "geändert",
    "what_removed": "wird entfernt",
    "what_missing": "fehlt in der Datei (bleibt)",
    "why": "Grund (steht im Verlauf)",
    "why_default": "Import aus {file}",
    "blocked": "{n} Fehler: nichts kann übernommen werden. Bitte die Datei berichtigen "
    "und neu hochladen.",
    "apply": "Übernehmen",
    "done": "Übernommen (Änderung Nr. {n}). Alle Seiten zeigen den neuen Stand.",
    "nothing": "Nichts zu übernehmen: der Bestand entspricht der Datei.",
}
