"""The Leichte Sprache texts (German easy language) of the dashboard.

The pages council members and residents see: Übersicht, Stadtteil (with the map in
words) and the meeting slides, and the sentences they are built from. Every other text
falls back to standard German (:mod:`quartiersatlas.texts_de`). Short sentences, one
statement each, hard words explained, long words split with a Mediopunkt (Stadt·teil).
Same names, keys and placeholders as the German file (``tests/test_language.py``).
"""

# Leichte Sprache (German easy language): the texts of the pages council members and
# residents see (Übersicht, Stadtteil, the meeting slides and the page Präsentation, the
# map in words). Same names and keys as quartiersatlas/texts_de.py; every key missing here
# falls back to standard German.
#
# Words split with a Mediopunkt, always the same way: Stadt·teil, Stadt·teile,
# Stadt·teil·team, Treff·punkt, Luft·linie, Fuß·weg, Wege·netz, Steck·brief, Rang·liste,
# Prüf·punkt (= criterion), Platz·halter, Kern·aussage, Daten·ordner, Durch·schnitt,
# Einwohner·zahl. Netzwerk, Einwohner, Rollstuhl and Quartiersatlas stay whole.

STATUS_LABELS = {
    "unverified": "nicht geprüft",
}
COORD_QUALITY_LABELS = {
    "approximate": "ungefähr",
    "none": "Lage fehlt",
}
ACCESS_LABELS = {
    "step_free": "Zugang ohne Stufen",
    "accessible_toilet": "Barriere·freie Toilette",
    "sign_language": "Gebärden·sprache",
}
TARGET_GROUP_LABELS = {
    "alle": "alle Menschen",
    "zugewanderte": "Zugewanderte Menschen",
}
NETWORK_TYPE_LABELS = {
    "stadtteilteam": "Stadt·teil·team",
    "quartiersrunde": "Quartiers·runde",
}
JOIN_STATUS_LABELS = {
    "inside": "im Stadt·teil",
    "nearest": "zum nächsten Stadt·teil gezählt (am Rand)",
    "no_coordinates": "kein Stadt·teil (Lage fehlt)",
}
DATA_STATUS_NOTES = {
    "schematic_districts": (
        "Die Stadt·teil·grenzen sind vereinfacht. Wir haben sie aus den Mittel·punkten von "
        "den Stadt·teilen berechnet. Es sind nicht die offiziellen Grenzen."
    ),
    "synthetic_population": "Die Einwohner·zahlen von den Stadt·teilen sind ausgedacht{total}. "
    "Es sind keine offiziellen Zahlen.",
    "synthetic_total": " (zusammen sind es so viele wie bei {source})",
    "estimated_population": "Die Einwohner·zahlen von den Stadt·teilen sind geschätzt.",
    "approximate_places": "Bei {n} von {total} Orten ist die Lage nur geschätzt.",
}
COLUMN_LABELS = {
    "district": "Stadt·teil",
    "places": "Orte insgesamt",
    "teams": "Aktive Stadt·teil·teams",
    "networks": "Aktive Netzwerke",
    "join_status": "Zuordnung zum Stadt·teil",
    "active": "davon aktiv",
    "with_coordinates": "mit Lage",
    "assigned": "mit Stadt·teil",
    "type": "Art von Gruppe",
    "districts": "Stadt·teile",
    "since": "Beginn",
    "until": "Ende",
    "meeting_place": "Treff·punkt",
    "hint": "Was Sie tun können",
    "severity": "Wie wichtig",
}
TARGET_GROUP_RESIDENTS = {
    "under_18": "Einwohner unter 18 Jahren",
    "65_plus": "Einwohner ab 65 Jahren",
}
GAP_REASON_TEXTS = {
    "no_team": "Kein Stadt·teil·team",
    "no_network": "Kein aktives Netzwerk",
    "coverage_area": "{pct} von der Fläche sind ohne {provision} in der Nähe (bis {radius})",
    "coverage_residents": "{group}: {pct} wohnen ohne {provision} in der Nähe (bis {radius})",
    "per_1000": "{value} Orte für 1.000 {group} (Grenze: {threshold})",
    "per_1000_none": "Kein Ort im Stadt·teil (Grenze: {threshold} Orte für 1.000 {group})",
    "need": "{label}: {value} (Grenze: {threshold})",
}
GAP_UNKNOWN_TEXTS = {
    "coverage": "Einwohner in der Nähe: Die Einwohner·zahl fehlt",
    "per_1000": "Orte für 1.000 Einwohner: Die Einwohner·zahl fehlt",
    "need": "Bedarf: Der Wert fehlt",
}
PROVISION_PHRASES = {
    "several_kinds": "Angebot (gewählte Arten)",
}
GAP_RANK_TEXTS = {
    "single": "{rank}",
    "shared": "{first} bis {last}",
    "shared_note": " {n} Stadt·teile haben den gleichen Platz. Denn sie haben die gleichen Werte.",
}
NEED_INDICATOR_LABELS = {
    "sgb2_share_pct": "Anteil Menschen mit Bürger·geld (SGB II)",
}
COVERAGE_NOTES = {
    "evenly_spread": (
        "Wir wissen nicht genau, wo die Menschen im Stadt·teil wohnen. Denn es gibt kein "
        "Bevölkerungs·gitter. Darum nehmen wir an: Die Einwohner wohnen überall im "
        "Stadt·teil gleich dicht. Ein Beispiel: 30 % von der Fläche liegen in der Nähe von "
        "einem Ort. Dann wohnen dort auch 30 % von den Einwohnern."
    ),
    "grid": (
        "Die Einwohner·zahlen kommen aus einem Bevölkerungs·gitter. Das Gitter teilt die "
        "Stadt in kleine Quadrate. Für jedes Quadrat wissen wir: So viele Menschen wohnen "
        "dort. Ein Quadrat gehört zu dem Stadt·teil, in dem seine Mitte liegt. Ein Quadrat "
        "ist erreicht, wenn seine Mitte nah genug an einem Ort liegt. Nah genug heißt: "
        "höchstens so weit wie die gewählte Entfernung in Luft·linie."
    ),
    "grid_network": (
        "Die Einwohner·zahlen kommen aus einem Bevölkerungs·gitter. Das Gitter teilt die "
        "Stadt in kleine Quadrate. Für jedes Quadrat wissen wir: So viele Menschen wohnen "
        "dort. Ein Quadrat gehört zu dem Stadt·teil, in dem seine Mitte liegt. Ein Quadrat "
        "ist erreicht, wenn seine Mitte nah genug an einem Ort liegt. Nah genug heißt: "
        "höchstens so weit wie die gewählte Entfernung auf den Wegen."
    ),
    "groups": (
        "Für Menschen unter 18 Jahren und ab 65 Jahren nehmen wir an: Sie wohnen im "
        "Stadt·teil genauso verteilt wie alle Einwohner."
    ),
    "groups_grid": (
        "Menschen unter 18 Jahren und ab 65 Jahren zählen wir mit dem Bevölkerungs·gitter. "
        "Für jedes Quadrat wissen wir: So viele Menschen aus dieser Alters·gruppe wohnen dort."
    ),
    "catchment": (
        "In der Nähe heißt hier: höchstens {radius} Luft·linie von einem Ort entfernt. "
        "Luft·linie ist der gerade Weg. Umwege und Hindernisse auf dem Weg zählen nicht mit."
    ),
    "approximate": (
        "Bei {n} von den gezählten Orten ist die Lage nur geschätzt. Wir rechnen mit der "
        "geschätzten Lage."
    ),
    "outside": "Manche Orte liegen knapp außerhalb von den Stadt·teilen. Sie zählen trotzdem "
    "für den Rand von den Stadt·teilen.",
    "synthetic_need": (
        "Die Zahlen zum Bedarf sind ausgedacht. Sie sind nur zum Ausprobieren. Es sind keine "
        "offiziellen Zahlen."
    ),
}
REPORT_TITLES = {
    "no_kinds": "keine",  # kinds of places chosen: none
    "profile_kicker": "Steck·brief vom Stadt·teil",
    "figures": "Wichtige Zahlen",
    "places": "Orte im Stadt·teil",
    "groups": "Stadt·teil·teams und Netzwerke",
    "ranking": "Rang·liste: Wo fehlt am meisten?",
    "notes": "So rechnen wir",
    "sources": "Woher die Daten kommen",
    "no_places": "In diesem Stadt·teil gibt es keinen Ort von den gewählten Arten in unseren "
    "Daten.",
    "no_groups": "Für diesen Stadt·teil gibt es kein Stadt·teil·team und kein Netzwerk in "
    "unseren Daten.",
    "no_team": "Es gibt kein aktives Stadt·teil·team.",
    "no_uncovered": "Es gibt keine weißen Flecken. Das heißt: Von jedem Punkt im Stadt·teil "
    "ist ein gewählter Ort höchstens {radius} entfernt.",
    "uncovered_text": "{area} sind weiter als {radius} von jedem gewählten Ort entfernt. Das "
    "sind {share} von der Fläche. Diese Flächen heißen weiße Flecken. Dort wohnen ungefähr "
    "{residents}.",
    "uncovered_text_nores": "{area} sind weiter als {radius} von jedem gewählten Ort "
    "entfernt. Das sind {share} von der Fläche. Diese Flächen heißen weiße Flecken. Wie "
    "viele Menschen dort wohnen, wissen wir nicht.",
    "rank": "Platz {rank} von {total} in der Rang·liste. So viele Prüf·punkte treffen zu: "
    "{score} von {criteria}.",
    "rank_no_criteria": "Sie haben keinen Prüf·punkt gewählt. Darum gibt es keine Rang·liste.",
    "criteria": "Wir prüfen: {criteria}. Für jeden Prüf·punkt, der zutrifft, bekommt der "
    "Stadt·teil 1 Punkt. Haben 2 Stadt·teile gleich viele Punkte? Dann kommt zuerst der "
    "Stadt·teil, der schlechter versorgt ist.",
    "no_reasons": "Keiner von den gewählten Prüf·punkten trifft zu.",
    "unknown": "Das können wir nicht prüfen: {unknown}.",
    "selection_text": "Arten von Orten: {kinds}. Es zählen Orte mit diesem Status: "
    "{statuses}. Entfernung: höchstens {radius}.",
    "require_text": " Es zählen nur Orte mit: {require}.",
    "all_kinds": "alle {n}",
}
REPORT_FIGURE_LABELS = {
    "residents_under_18": "davon unter 18 Jahre alt",
    "residents_65_plus": "davon 65 Jahre und älter",
    "places": "Orte (gewählte Arten)",
    "places_per_1000": "Orte für 1.000 Einwohner",
    "area_covered_share": "Fläche in der Nähe von einem Ort (bis {radius})",
    "residents_covered_share": "Einwohner in der Nähe von einem Ort (bis {radius})",
    "uncovered": "Fläche ohne Ort in der Nähe (weißer Fleck)",
    "uncovered_residents": "Einwohner ohne Ort in der Nähe (geschätzt)",
    "teams": "Aktive Stadt·teil·teams",
    "networks": "Aktive Netzwerke",
    "rank": "Platz in der Rang·liste",
    "figure": "Zahl",
    "city": "Zum Vergleich: ganze Stadt",
}
REPORT_CITY_BASIS = {
    "mean": "{value} (Durch·schnitt pro Stadt·teil)",
    "share": "{value} (Anteil in der ganzen Stadt)",
    "need_mean": "{value} (Durch·schnitt von allen Stadt·teilen)",
    "teams": "{value} von {total} Stadt·teilen haben ein Team",
}
REPORT_COLUMNS = {
    "counts": "Zählt mit?",
    "target_groups": "Für wen?",
    "type": "Art von Gruppe",
    "since": "Beginn",
    "until": "Ende",
    "meeting_place": "Treff·punkt",
    "districts": "Stadt·teile",
}
REPORT_LOCATION = {
    "stated_only": "Lage fehlt (Stadt·teil laut Quelle)",
}
REPORT_SOURCES = {
    "districts_schematic": "Flächen von den Stadt·teilen: vereinfacht, keine offiziellen "
    "Grenzen. Datei: {file}.",
    "districts": "Flächen von den Stadt·teilen: Datei {file}.",
    "population_synthetic": "Einwohner pro Stadt·teil: ausgedacht und verteilt (Datei "
    "{file}). Zusammen sind es so viele wie in der offiziellen Zahl: {total} laut "
    "{total_source}.",
    "population_estimated": "Einwohner pro Stadt·teil: geschätzt (Datei {file}).",
    "grid_file": "Einwohner in kleinen Quadraten (Bevölkerungs·gitter): Datei {file}.",
    "credit": "Quelle: {credit}",
    "population_official": "Einwohner pro Stadt·teil: Datei {file}.",
    "population_total": "Einwohner in der ganzen Stadt: {total} laut {total_source}.",
    "records": "Orte, Stadt·teil·teams und Netzwerke: gesammelt aus öffentlichen Quellen. "
    "Die Quellen stehen in der Spalte ›source‹ in den Dateien {files}. Es sind {n} "
    "Angaben. Am häufigsten: {domains}.",
    "records_district": "Quellen für die Orte, Stadt·teil·teams und Netzwerke in diesem "
    "Stadt·teil. Es sind {n} Angaben. Sie stehen in der Spalte ›source‹ in den Dateien "
    "{files}:",
    "no_records": "Orte, Stadt·teil·teams und Netzwerke: In den Dateien stehen keine Quellen.",
    "need": "Zahl zum Bedarf – {label}: Datei {file}{status}.",
    "need_synthetic": ", ausgedacht (keine offiziellen Zahlen)",
    "basemap": "Die Karte hat keine Hintergrund·karte. Die Formen kommen aus den genannten "
    "Dateien. Für Maßstab und Flächen rechnen wir mit dem Koordinaten·system {crs}.",
}
REPORT_PDF = {
    "counts_note": "›Zählt mit?‹ – ja heißt: Der Ort hat eine Lage und den gewählten Status. "
    "Dann zählt er mit: für die Fläche in der Nähe und für die Orte für 1.000 Einwohner.",
}
REPORT_CRITERIA = {
    "no_team": "kein aktives Stadt·teil·team",
    "coverage": "{measure}: weniger als {pct} in der Nähe von einem Ort",
    "per_1000": "weniger als {value} Orte für 1.000 {group}",
    "need": "{label}: mehr als {value}",
    "no_location": "Ohne Lage: {places}. Orte ohne Lage gehören zu keinem Stadt·teil. Darum "
    "zählen sie bei den Rechnungen nicht mit. Bitte tragen Sie die Lage nach.",
    "official_total": "offizielle Einwohner·zahl",
}
PAGE_TITLES = {
    "stadtteil": "Stadt·teil",
}
LINK_LABELS = {
    "dist": "Gemessen als",
}
AGENDA_PROBLEMS = {
    "not_toml": "Wir können die Datei nicht lesen. Sie ist keine gültige TOML-Datei ({error})",
    "not_toml_hint": "Prüfen Sie die Datei mit einem Text·programm. Oder speichern Sie die "
    "Agenda neu auf der Seite ›Präsentation‹.",
    "no_views": "Der Eintrag ›views‹ muss eine Liste von Ansichten sein ([[views]]).",
    "not_table": "Die Ansicht ist keine Tabelle.",
    "title": "Der Titel fehlt",
    "title_hint": 'Schreiben Sie: title = "…"',
    "text": "Hier muss ein Text stehen",
    "page": "Diese Seite gibt es nicht",
    "page_hint": "Erlaubt sind: {pages}",
    "link": "Der Link funktioniert nicht: {error}",
    "param_hint": "Bitte korrigieren Sie die Angaben in der Ansicht. Oder nehmen Sie die "
    "Ansicht neu auf.",
    "dropped": "Wir haben die Ansicht nicht übernommen.",
    "not_file": "ist keine Datei (vielleicht ein Ordner?). Die Agenda muss eine TOML-Datei sein",
    "figures": "›figures‹ muss eine Tabelle aus Namen von Platz·haltern und Zahlen sein. "
    "Wir beachten den Eintrag nicht",
}
PRESENTATION_TEXTS = {
    "toggle": "Präsentations·modus",
    "toggle_help": "Große Schrift, gut lesbar. Ohne Seiten·leiste und ohne Knöpfe. Für "
    "Sitzungen mit einer großen Lein·wand. Das geht auch über die Adresse: …?praesentation=1",
    "link_title": "Link zu dieser Seite",
    "link_help": "Mit dieser Adresse sehen andere genau diese Seite mit Ihrer Auswahl. Sie "
    "können die Adresse kopieren. Zum Beispiel für eine E-Mail, für Sitzungs·unterlagen oder "
    "für die Agenda.",
}
COMMON_TEXTS = {
    "data_status": "**Hinweis zu den Daten:** ",
    "synthetic_suffix": " (ausgedacht)",
    "district": "Stadt·teil",
    "districts": "Stadt·teile",
    "teams": "Stadt·teil·teams",
    "radius": "Entfernung zum Ort (Luft·linie)",
    "radius_any": "Entfernung zum Ort",
    "radius_help": "Wie weit darf ein Ort höchstens weg sein? Luft·linie ist der gerade Weg "
    "vom Ort. Die Entfernung gilt für die Fläche in der Nähe und für die weißen Flecken. Mehr "
    "Werte gibt es auf der Seite ›Abdeckung & Lücken‹.",
    "no_kind": "Sie haben keine Art von Orten gewählt. Bitte wählen Sie links in der "
    "Seiten·leiste mindestens 1 Art.",
    "area_covered": "Fläche in der Nähe (bis {radius})",
}
DOWNLOAD_TEXTS = {
    "csv_help": "Eine Tabelle für Excel. Für Fach·leute: UTF-8, Semikolon, Dezimal·komma",
    "geojson_help": "Eine Karten·datei, zum Beispiel für QGIS oder für Karten im Internet. "
    "Für Fach·leute: GeoJSON (WGS84)",
    "gpkg_help": "Eine Karten·datei mit einer Ebene für jeden Inhalt. Sie können die Datei "
    "zum Beispiel mit QGIS öffnen.",
    "districts_csv": "Stadt·teile (CSV)",
    "layers_gpkg": "Karten·ebenen (GeoPackage)",
}
LOADING_TEXTS = {
    "data": "Wir laden die Daten …",
    "grid": "Wir lesen das Bevölkerungs·gitter …",
    "coverage": "Wir rechnen. Bitte warten Sie …",
    "uncovered": "Wir berechnen die weißen Flecken …",
    "network": "Wir lesen das Wege·netz …",
}
UEBERSICHT_TEXTS = {
    "intro": (
        "Wo gibt es Orte für Alle, Stadt·teil·teams und Netzwerke? Und wo fehlen sie?\n\n"
        "Orte für Alle sind Treff·punkte für alle Menschen.\n\n"
        "Stadt·teil·teams sind Gruppen von Bürgerinnen und Bürgern. Sie kümmern sich um "
        "ihren Stadt·teil.\n\n"
        "Netzwerke sind Gruppen, die zusammenarbeiten. Zum Beispiel Runde Tische und "
        "Quartiers·runden.\n\n"
        "Es gibt auch andere Angebote. Zum Beispiel Bibliotheken.\n\n"
        "Diese Seite zeigt: Das steht in unseren Daten."
    ),
    "residents_help": "Die Einwohner von allen Stadt·teilen zusammen. Die Zahlen kommen aus "
    "der Datei {file}.",
    "errors": (
        "Wir haben {n} Fehler in den Daten gefunden.\n\n"
        "Die Einträge mit Fehlern fehlen darum in den Zahlen. Oder sie haben keine Lage.\n\n"
        "Mehr dazu steht auf der Seite ›Datenprüfung‹."
    ),
    "by_kind": "Orte nach Art",
    "empty_districts": "**Stadt·teile ohne Ort in unseren Daten ({n}):** ",
    "none_in_data": "In den Daten gibt es keine {what}.",
    "unassigned": "Orte ohne klaren Stadt·teil",
    "unassigned_text": (
        "Bei diesen Orten fehlt die Lage. Oder sie liegen nicht klar in einem Stadt·teil.\n\n"
        "Diese Orte sind nicht auf den Karten. Erst muss jemand ihre Lage eintragen."
    ),
    "by_kind_csv": "Orte nach Art (CSV)",
    "map_caption": (
        "Die Karte zeigt: So viele Orte gibt es in jedem Stadt·teil. Es zählen alle Arten "
        "und jeder Status.\n\n"
        "Die Karte zeigt auch die Gebiete von den aktiven Stadt·teil·teams.\n\n"
        "Die einzelnen Orte sehen Sie auf der Seite ›Karte‹.\n\n"
        "Die gleichen Zahlen stehen auch in den Tabellen unten."
    ),
    "kind_chart": "Anzahl Orte",
    "kind_chart_description": "Balken·diagramm: So viele Orte gibt es von jeder Art. Die "
    "größte Zahl steht oben. Die gleichen Zahlen stehen in der Tabelle daneben.",
    "kinds_here": "Welche Orte?",
    "matrix": "Alle Arten in jedem Stadt·teil (eine Spalte für jede Art)",
    "no_team_names": "**Stadt·teile ohne aktives Stadt·teil·team ({n} von {total}):** ",
    "about_intro": (
        "Woher kommen die Zahlen und die Flächen? Das steht in dieser Liste.\n\n"
        "Dort steht auch: Wer darf die Daten nutzen? Und von wann sind die Daten?"
    ),
}
KARTE_TEXTS = {
    "district_title": "Stadt·teil {name}",
}
STADTTEIL_TEXTS = {
    "kinds_help": "Es zählen Orte von diesen Arten. Welcher Status zählt, steht in den "
    "Einstellungen.",
    "choose": "Stadt·teil wählen …",
    "choose_help": "Das geht auch auf der Seite ›Karte‹: Klicken Sie dort auf einen "
    "Stadt·teil. Klicken Sie dann auf ›Steckbrief öffnen‹.",
    "intro": (
        "Bitte wählen Sie einen Stadt·teil.\n\n"
        "Dann sehen Sie den Steck·brief. Ein Steck·brief ist eine Seite mit den wichtigen "
        "Infos zu einem Stadt·teil.\n\n"
        "Der Steck·brief zeigt wichtige Zahlen. Daneben stehen die Zahlen für die ganze "
        "Stadt.\n\n"
        "Er zeigt die Orte, die Stadt·teil·teams und die Netzwerke.\n\n"
        "Er zeigt die weißen Flecken. Das sind Gebiete ohne Ort in der Nähe.\n\n"
        "Und er zeigt den Platz in der Rang·liste. Die Rang·liste zeigt: Wo fehlt am "
        "meisten?"
    ),
    "places": "Gezählte Orte",
    "rank_help": "Platz 1 heißt: Hier fehlt am meisten. Wir prüfen dafür die Prüf·punkte, "
    "die schon eingestellt sind. Sie stehen weiter unten.",
    "figures": "Wichtige Zahlen im Vergleich mit der ganzen Stadt",
    "uncovered_label": "weißer Fleck in {name}: weiter als {radius} von jedem gewählten Ort",
    "map_caption": (
        "{name} hat einen schwarzen Rand.\n\n"
        "Die weißen Flecken haben rote Streifen. Dort ist jeder gezählte Ort weiter als "
        "{radius} entfernt.\n\n"
        "Die Karte zeigt auch Orte aus den Stadt·teilen nebenan. Denn diese Orte sind auch "
        "für Menschen in diesem Stadt·teil in der Nähe.\n\n"
        "Die gleichen Infos stehen auch in den Tabellen auf dieser Seite."
    ),
    "pdf": "Steck·brief (PDF)",
    "pdf_help": "Der Steck·brief als PDF für Sitzungs·unterlagen (Papier·größe A4)",
    "figures_csv": "Wichtige Zahlen (CSV)",
    "pick_hint": (
        "\n\nKlicken Sie auf einen Stadt·teil in der Karte.\n\n"
        "Oder wählen Sie den Stadt·teil oben aus der Liste."
    ),
    "pick_map_caption": (
        "Die Karte zeigt die {n} Stadt·teile mit Namen.\n\n"
        "Klicken Sie auf einen Stadt·teil. Dann öffnet sich sein Steck·brief.\n\n"
        "Die gleichen Stadt·teile stehen auch oben in der Liste."
    ),
    "method": "Genaue Rechnung (für Fach·leute)",
}
AGENDA_PAGE_TEXTS = {
    "intro": (
        "Hier bereiten Sie eine Präsentation für eine Sitzung vor.\n\n"
        "Präsentation heißt: Sie zeigen in der Sitzung Seiten vom Quartiersatlas auf einer "
        "großen Lein·wand.\n\n"
        "Dazu machen Sie eine Agenda. Eine Agenda ist eine Liste mit Ansichten. Eine "
        "Ansicht ist eine Seite vom Quartiersatlas mit Ihrer Auswahl.\n\n"
        "Jede Ansicht hat einen Titel und eine Kern·aussage. Die Kern·aussage ist das "
        "Wichtigste in 1 Satz.\n\n"
        "Im Präsentations·modus ist die Schrift groß. Es gibt keine Knöpfe zum Einstellen. "
        "Mit ›Weiter‹ und ›Zurück‹ gehen Sie durch die Ansichten. Das geht auch mit den "
        "Pfeil·tasten.\n\n"
        "So nehmen Sie eine Ansicht auf:\n\n"
        "1. Öffnen Sie die Seite.\n"
        "2. Stellen Sie die Filter und den Karten·ausschnitt ein.\n"
        "3. Kommen Sie hierher zurück.\n"
        "4. Klicken Sie unten auf ›Ansicht hinzufügen‹."
    ),
    "saved_elsewhere": (
        "Jemand hat die Agenda inzwischen woanders gespeichert.\n\n"
        "Hier sehen Sie jetzt die gespeicherte Fassung."
    ),
    "save_failed": (
        "**Wir konnten die Agenda nicht speichern.** ({error})\n\n"
        "Vielleicht darf niemand im Daten·ordner speichern.\n\n"
        "Laden Sie die Agenda unten herunter. Legen Sie die Datei dann als {file} in den "
        "Daten·ordner."
    ),
    "saved": "Gespeichert. Ansichten: {n}. Datei: {file}.",
    "col_number": "Nummer",
    "conflict": (
        "**Nicht gespeichert. Jemand hat die Agenda inzwischen woanders {what}.**\n\n"
        "Das war eine andere Person. Oder Sie selbst in einem anderen Browser·fenster.\n\n"
        "Nichts soll verloren gehen. Bitte entscheiden Sie:\n\n"
        "- Sie nehmen die gespeicherte Fassung.\n"
        "- Sie hängen Ihre neuen Ansichten an die gespeicherte Fassung an.\n"
        "- Sie speichern trotzdem Ihre Fassung.\n\n"
        "Vorher können Sie beide Fassungen herunterladen."
    ),
    "version_line": "{title} – Ansichten: {n}",
    "version_problems": ", Probleme in der Datei: {n}",
    "take_theirs": "Gespeicherte Fassung nehmen",
    "merge": "Meine neuen Ansichten anhängen ({n})",
    "merge_help": "Die gespeicherte Fassung bleibt, wie sie ist. Ihre neuen Ansichten kommen "
    "ans Ende.",
    "save_mine_help": "Dann ist die gespeicherte Fassung weg. Laden Sie die gespeicherte "
    "Fassung vorher herunter.",
    "download_theirs_help": "Die Datei, so wie sie jetzt im Daten·ordner liegt.",
    "file_problems": (
        "In der Agenda·datei {file} gibt es Probleme. Anzahl: {n}.\n\n"
        "Die Ansichten oder Angaben mit Problemen fehlen darum."
    ),
    "agenda_title": "Titel für die Agenda",
    "agenda_title_placeholder": "Zum Beispiel: Sitzung vom Sozial·ausschuss am …",
    "empty": "Die Agenda ist leer.\n\nNehmen Sie unten eine erste Ansicht auf.",
    "long": "Die Agenda hat {n} Ansichten.\n\nSie bearbeiten immer {size} Ansichten auf einmal.",
    "up": "Nach oben schieben",
    "down": "Nach unten schieben",
    "remove": "Ansicht löschen",
    "message": "Kern·aussage",
    "source_link": "Link (unten einfügen)",
    "default_view": "Grund·einstellung",
    "recent": "Zuletzt gesehen: {page} ({details})",
    "which_help": "Sie können eine Seite wählen, die Sie gerade eben angesehen haben. Oder "
    "Sie fügen einen Link ein. Den Link finden Sie auf jeder Seite unten in der "
    "Seiten·leiste: ›Link zu dieser Seite‹.",
    "title_placeholder": "Zum Beispiel: Weiße Flecken im Süden",
    "message_one": "Kern·aussage (1 Satz)",
    "message_placeholder": "Was soll sich der Rat merken?",
    "not_agenda_page": "Die Seite ›Präsentation‹ kann keine Ansicht in der Agenda sein.",
    "no_title": "Bitte schreiben Sie einen Titel.\n\nDer Titel steht groß über der Ansicht.",
    "where": "Wir speichern die Agenda im Daten·ordner: {where}.\n\n",
    "unsaved": "**Es gibt Änderungen, die noch nicht gespeichert sind.**",
    "all_saved": "Alles ist gespeichert.",
    "changed_elsewhere": (
        "Jemand hat die Agenda·datei inzwischen woanders geändert.\n\n"
        "Beim Speichern können Sie wählen: Welche Fassung gilt? Es geht nichts verloren."
    ),
    "discard": "Änderungen zurücknehmen",
    "download_help": "Zum Weitergeben oder als Sicherung. Legen Sie die Datei in den "
    "Daten·ordner. Dann gilt sie als Agenda.",
    "handout_help": "Ein Handout ist ein Papier zum Mitnehmen. Hier ist es die Agenda als PDF "
    "für die Sitzungs·unterlagen. Es hat ein Deck·blatt. Für jede Ansicht gibt es eine "
    "Seite in A4. Darauf stehen: Titel, Kern·aussage, Karte, wichtige Zahlen, Auswahl, Link "
    "und Hinweise zu den Daten. Es gilt die gespeicherte Fassung von den Ansichten.",
}
PROFILE_TEXTS = {
    "residents": "{n} Menschen",
}
CLASSIFICATION_SCHEME_LABELS = {
    "natural_breaks": "Natürliche Gruppen (Jenks)",
}
MAP_TEXTS = {
    "select_district": "Stadt·teil {name} wählen",
    "group_districts": "{name}: Stadt·teile von dieser Gruppe",
    "meeting_place": "Treff·punkt: ",
    "districts": "Stadt·teile: ",
    "meeting_approximate": "⚠ Lage vom Treff·punkt nur ungefähr",
    "meeting_alt": "Treff·punkt {name}",
    "meeting_places": "{name}: Treff·punkte",
    "classes": "Einteilung: ",
    "approximate_symbol": "hohl und gestrichelt: Lage nur geschätzt",
    "team": "Stadt·teil·team: Gebiet (Linie), Treff·punkt (T)",
    "network": "Netzwerk: Gebiet (gestrichelt), Treff·punkt (N)",
    "uncovered": "kein Ort in der Nähe (weißer Fleck)",
    "selected": "Ausgewählter Stadt·teil",
    "status_lines": "Hinweis zu den Daten:",
    "labels": "Namen von den Stadt·teilen",
}
MAP_WORDS_TEXTS = {
    "no_places": "Auf der Karte gibt es nichts, was zur Auswahl passt ({provision}).",
    "places": "Gezählte Orte in den Stadt·teilen: {places}. Diese Orte liegen in {with_place} "
    "von {districts} Stadt·teilen.",
    "district_one": "Stadt·teil",
    "district_many": "Stadt·teile",
    "residents": "{group}: {pct} wohnen höchstens {radius} von einem gezählten Ort entfernt. "
    "Das sind {covered} von {total}.",
    "groups": "Es gibt {total} Stadt·teile. In {teams} davon gibt es ein aktives "
    "Stadt·teil·team. In {networks} davon gibt es ein aktives Netzwerk.",
    "district": "Das sind die Zahlen für {name}. {figures}.",
    "district_residents": "{group}: {pct} wohnen in der Nähe von einem Ort (bis {radius})",
    "district_area": "{pct} von der Fläche sind in der Nähe von einem Ort",
    "district_groups": "Aktive Stadt·teil·teams: {teams}. Aktive Netzwerke: {networks}",
    "district_places": "Dort gibt es {places}",
    "figures_join": ". ",  # one statement per sentence
    "frame_title": "Karte von den Stadt·teilen zum Anklicken. Die gleichen Zahlen stehen auch "
    "als Text und als Tabellen unter der Karte.",
    "no_uncovered": "Es gibt keine weißen Flecken. Das heißt: Von jedem Punkt in den "
    "Stadt·teilen ist ein gezählter Ort höchstens {radius} entfernt.",
    "uncovered": "Weiße Flecken sind Gebiete, die weiter als {radius} von jedem gezählten Ort "
    "entfernt sind. Es gibt sie in {n} von {total}. Zusammen sind das {area} "
    "Quadrat·kilometer.",
    "districts_dative_one": "Stadt·teil",  # "in 1 von 1 Stadt·teil"
    "districts_dative_many": "Stadt·teilen",  # "in 3 von 31 Stadt·teilen"
    "uncovered_residents": "Dort wohnen ungefähr {residents} {group}.",
    "uncovered_item": "{name} ({area} Quadrat·kilometer, {pct} von der Fläche)",
    "uncovered_largest": "Die größten weißen Flecken sind in: {items}.",
}
PLACEHOLDER_LABELS = {
    "stadtteile": "Stadt·teile",
    "stadtteile_mit_ort": "Stadt·teile mit Ort",
    "stadtteile_ohne_ort": "Stadt·teile ohne Ort",
    "stadtteile_mit_team": "Stadt·teile mit Stadt·teil·team",
    "stadtteile_ohne_team": "Stadt·teile ohne Stadt·teil·team",
    "stadtteile_ohne_netzwerk": "Stadt·teile ohne Netzwerk",
    "stadtteile_alle_kriterien": "Stadt·teile, auf die alle Prüf·punkte zutreffen",
    "orte": "Gezählte Orte",
    "umkreis": "Entfernung (Umkreis)",
    "einwohner_im_umkreis": "Einwohner in der Nähe von einem Ort",
    "einwohner_ohne_angebot": "Einwohner ohne Ort in der Nähe",
    "anteil_einwohner_im_umkreis": "Anteil Einwohner in der Nähe",
    "anteil_flaeche_im_umkreis": "Anteil Fläche in der Nähe",
    "stadtteil": "Stadt·teil",
    "stadtteil_einwohner": "Einwohner im Stadt·teil",
    "stadtteil_orte": "Orte im Stadt·teil",
    "stadtteil_einwohner_ohne_angebot": "Einwohner im Stadt·teil ohne Ort in der Nähe",
    "stadtteil_anteil_flaeche_im_umkreis": "Anteil Stadt·teil·fläche in der Nähe",
}
PLACEHOLDER_TEXTS = {
    "unknown": "Diesen Platz·halter gibt es nicht: {token}. Diese Platz·halter gibt es: {known}.",
    "unavailable": "Der Platz·halter {token} hat in dieser Ansicht keinen Wert. Zahlen für "
    "einen Stadt·teil gibt es nur, wenn ein Stadt·teil gewählt ist. Einwohner·zahlen gibt "
    "es nur mit Daten zu Einwohnern. ›Alle Kriterien‹ gibt es nur, wenn Lücken-Kriterien "
    "gewählt sind.",
    "malformed": "Hier ist eine geschweifte Klammer ohne gültigen Platz·halter: {token}. So "
    "schreiben Sie einen Platz·halter: {{name}}. Erlaubt sind kleine Buchstaben, Ziffern "
    "und _. Sonst bleibt der Text so, wie er ist.",
}
AGENDA_FIGURE_TEXTS = {
    "help_title": "Platz·halter für aktuelle Zahlen",
    "help_intro": (
        "Im Titel und in der Kern·aussage können Platz·halter stehen. Ein Platz·halter ist "
        "ein Name in geschweiften Klammern. Zum Beispiel: ›In {{stadtteile_ohne_team}} von "
        "{{stadtteile}} Stadt·teilen fehlt ein Team‹.\n\n"
        "In der Präsentation und im Handout steht dann dort die aktuelle Zahl. Die Zahl "
        "passt zur Auswahl von der Ansicht."
    ),
    "col_name": "Platz·halter",
    "preview": "So sieht es mit aktuellen Zahlen aus: **{title}** – {message}",
    "problems": "Problem mit Platz·haltern in Ansicht {n}: {problems}",
    "stale": (
        "Ansicht {n}: Der Text passt zu älteren Daten.\n\n"
        "Das hat sich geändert: {changes}.\n\n"
        "Bitte prüfen Sie den Titel und die Kern·aussage."
    ),
    "change": "{label}: früher {saved}, jetzt {now}",
    "literal": " (als feste Zahl im Text)",
    "literal_hint": (
        "\n\nTipp: Schreiben Sie einen Platz·halter statt einer festen Zahl. Zum Beispiel "
        "{{stadtteile_ohne_team}}. Dann stimmt die Zahl auch mit neuen Daten."
    ),
    "accept": "Geprüft – neue Zahlen merken",
    "accept_help": "Der Quartiersatlas merkt sich die Zahlen von heute. Dann gilt: Der Text "
    "passt zu diesen Zahlen. Das gilt erst nach dem Speichern.",
    "no_figures": "Ansicht {n}: Wir können die Zahlen für diese Ansicht nicht berechnen ({error}).",
}
SLIDE_TEXTS = {
    "status": "Hinweis zu den Daten:",
    "evidence": "Beleg für die Kern·aussage",
    "figures": "Wichtige Zahlen",
    "problems": "Einige Platz·halter haben keinen Wert. Bitte prüfen Sie das auf der Seite "
    "›Präsentation‹.",
}
NETWORK_TEXTS = {
    "mode_straight": "Luft·linie",
    "mode_walk": "Fuß·weg",
    "radius_straight": "{radius} (Luft·linie)",
    "radius_walk": "{radius} Fuß·weg",
    "mode_help": "Luft·linie: der gerade Abstand vom Ort. Fuß·weg: auf Straßen und Wegen "
    "(aus OpenStreetMap). Der Fuß·weg geht um Flüsse, Bahn·linien und Schnell·straßen herum. "
    "Rollstuhl: die gleichen Wege, aber ohne Treppen. Dann zählen nur Orte mit Zugang ohne "
    "Stufen.",
    "mode_unavailable": "Es geht nur Luft·linie. Denn es gibt noch kein Wege·netz. Für "
    "Fach·leute: Das Wege·netz für Fuß·weg und Rollstuhl einmal aus einem "
    "OpenStreetMap-Auszug der Stadt erzeugen (.osm.pbf, zum Beispiel ein Regional·auszug): "
    "python -m quartiersatlas network prepare --osm STADT.osm.pbf --boundary "
    'geo/stadtteile.geojson --out netz.npz, dann in settings.toml [network] file = "netz.npz" '
    "eintragen.",
    "network_unreadable": "Wir können das Wege·netz nicht lesen. Darum gibt es nur "
    "Luft·linie. Grund: {problem}",
    "network_mismatch": "Das Wege·netz passt nicht zu den Stadt·teilen. Darum gibt es nur "
    "Luft·linie. Grund: {problem}",
    "fallback": "Die Entfernung ›{mode}‹ geht nicht. Darum zeigen wir die Luft·linie. "
    "Grund: {reason}",
    "radius_equals": "{radius} sind ungefähr {minutes} Minuten (bei {speed} Kilometern pro Stunde)",
    "note_walk": "In der Nähe heißt hier: höchstens {radius} Fuß·weg auf Straßen und Wegen (aus "
    "OpenStreetMap, {source}). Autobahnen zählen nicht. Schnell·straßen ohne Geh·weg zählen "
    "nicht. Wege, auf denen Fußgänger verboten sind, zählen nicht. Private Wege zählen auch "
    "nicht. Vom Ort und von der Mitte von jedem Quadrat geht es gerade bis zum nächsten Weg. "
    "Die Fläche rechnen wir mit Quadraten von 100 mal 100 Metern. Ein Quadrat zählt, wenn "
    "seine Mitte erreicht wird.",
    "note_wheelchair": (
        "In der Nähe heißt hier: höchstens {radius} mit dem Rollstuhl auf Wegen (aus "
        "OpenStreetMap, {source}). Diese Wege zählen nicht: Treppen, Wege mit wheelchair=no, "
        "hohe Bordsteine, Steigungen über 6 % und lose Böden. Das gilt, wenn es in den Daten "
        "steht. Steht nichts in den Daten, dann zählt der Weg. Es zählen nur Orte mit Zugang "
        "ohne Stufen (step_free = ja). Die Fläche rechnen wir mit Quadraten von 100 mal 100 "
        "Metern."
    ),
    "note_excluded": "Zugang ohne Stufen nicht bestätigt: {places}. Diese Orte zählen beim "
    "Rollstuhl nicht mit.",
    "note_off_main": "{share} von den Quadraten liegen an Wegen ohne Verbindung zum übrigen "
    "Wege·netz. Von dort erreicht man nur Orte im selben Teil. Bitte prüfen Sie das "
    "Wege·netz.",
    "note_minutes": "{minutes} Minuten bei {speed} Kilometern pro Stunde sind {radius}.",
}
