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
    "districts_schematic": "Stadtteilflächen: schematisch, aus den Mittelpunkten und Flächen "
    "der OpenStreetMap-Stadtteile konstruiert (© OpenStreetMap-Mitwirkende, Open Database "
    "License ODbL 1.0); keine amtlichen Grenzen. Datei: {file}.",
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
    "no_location": "{n} gewählte(r) Ort(e) ohne Koordinaten: ohne Umkreis und keinem "
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
    "link_title": "Link zu dieser Ansicht",
    "link_help": "Diese Adresse zeigt genau diese Ansicht – zum Kopieren in E-Mails, "
    "Sitzungsunterlagen oder die Agenda.",
}
