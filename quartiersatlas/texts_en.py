"""The English texts of the dashboard: the same catalogues and keys as
:mod:`quartiersatlas.texts_de` (``tests/test_language.py`` checks keys and placeholders).

Read through :mod:`quartiersatlas.texts`. Codes, file and column names, link parameters
and proper names (Oldenburg, the districts) stay as they are.
"""

STATUS_LABELS = {
    "active": "active",
    "planned": "planned",
    "ended": "ended",
    "unverified": "unverified",
}
COORD_QUALITY_LABELS = {
    "exact": "exact",
    "approximate": "approximate (estimated)",
    "none": "no coordinates",
}
ACCESS_LABELS = {
    "step_free": "step-free access",
    "accessible_toilet": "accessible toilet",
    "easy_language": "Easy Read",
    "sign_language": "sign language",
}
ACCESS_VALUE_LABELS = {"yes": "yes", "no": "no", "unknown": "unknown"}
TARGET_GROUP_LABELS = {
    "alle": "all",
    "kinder": "children",
    "jugendliche": "young people",
    "familien": "families",
    "senioren": "older people",
    "menschen_mit_behinderung": "disabled people",
    "zugewanderte": "migrants",
    "frauen": "women",
}
NETWORK_TYPE_LABELS = {
    "stadtteilteam": "district team",
    "runder_tisch": "round table",
    "quartiersrunde": "neighbourhood round",
    "projekt": "project",
    "netzwerk": "network",
}
JOIN_STATUS_LABELS = {
    "inside": "in the district",
    "nearest": "nearest district (gap/edge)",
    "outside": "outside the city",
    "no_coordinates": "no coordinates",
}
DATA_STATUS_NOTES = {
    "schematic_districts": (
        "District boundaries are schematic: built from district centre points, "
        "not official boundaries."
    ),
    "synthetic_population": "Residents per district are synthetic{total}, not official figures.",
    "synthetic_total": " (total = {source})",
    "estimated_population": "Residents per district are estimated.",
    "approximate_places": "{n} of {total} places with an estimated location (approximate "
    "coordinates).",
}
COLUMN_LABELS = {
    "district": "District",
    "district_id": "District ID",
    "residents": "Residents",
    "places": "Places in total",
    "teams": "District teams (active)",
    "networks": "Networks (active)",
    "name": "Name",
    "kind": "Type",
    "label": "Type",
    "address": "Address",
    "status": "Status",
    "coord_quality": "Location",
    "join_status": "Assignment",
    "active": "active",
    "with_coordinates": "with coordinates",
    "approximate": "location estimated",
    "assigned": "assigned to a district",
    "type": "Type",
    "districts": "Districts",
    "since": "since",
    "until": "until",
    "meeting_place": "Meeting place",
    "target_groups": "Target groups",
    "contact": "Contact",
    "source": "Source",
    "file": "File",
    "row": "Row",
    "column": "Column",
    "value": "Value",
    "message": "Problem",
    "hint": "How to fix",
    "severity": "Severity",
}


# --- Coverage & gaps (coverage and gap analysis) ----------------------------------------
# For quartiersatlas.coverage / gaps / census / need and pages/abdeckung.py.

TARGET_GROUP_OPTION_LABELS = {"all": "all", "under_18": "under 18", "65_plus": "65+"}
# {group} in GAP_REASON_TEXTS / GAP_RANK_TEXTS / REPORT_CRITERIA is one of these.
TARGET_GROUP_RESIDENTS = {
    "all": "residents",
    "under_18": "residents under 18",
    "65_plus": "residents aged 65+",
}
RESIDENTS_BASIS_LABELS = {
    "grid": "population grid",
    "area": "spread evenly",
}
COVERAGE_COLUMN_LABELS = {
    "gap_rank": "Rank",
    "district": "District",
    "area_km2": "Area (km²)",
    "residents": "Residents",
    "residents_under_18": "Residents under 18",
    "residents_65_plus": "Residents aged 65+",
    "group_residents": "Residents in the target group",
    "places": "Places",
    "places_per_1000": "Places per 1,000 residents",
    "residents_per_place": "Residents per place",
    "area_covered_share": "Area within reach (%)",
    "residents_covered_share": "Residents within reach (%)",
    "residents_basis": "Basis for residents",
    "covered_area_km2": "Area within reach (km²)",
    "uncovered_area_km2": "Area without provision within reach (km²)",
    "uncovered_share": "Share of area without provision (%)",
    "group_residents_covered": "Residents within reach (estimated)",
    "group_residents_uncovered": "Residents without provision within reach (estimated)",
    "residents_uncovered": "Residents without provision within reach (estimated)",
    "has_team": "District team",
    "teams": "District teams (active)",
    "active_networks": "Networks (active)",
    "accessible_places": "Places that meet the requirements",
    "accessible_area_covered_share": "Area within reach of an accessible place (%)",
    "accessible_residents_covered_share": "Residents within reach of an accessible place (%)",
    "cell_residents": "Residents according to the grid",
    "cells": "Grid cells",
    "cells_unknown": "Grid cells without a resident count",
    "gap_score": "criteria met",
    "gap_criteria": "criteria checked",
    "gap_all": "all criteria met",
    "gap_reasons": "Reasons",
    "gap_unknown": "cannot be checked",
    "sgb2_share_pct": "Share receiving SGB II benefits (%)",
    "need_data_status": "Need data status",
}
GAP_CRITERION_LABELS = {
    "no_team": "no active district team",
    "no_network": "no active network",
    "coverage": "coverage below X %",
    "per_1000": "fewer than Y places per 1,000 residents",
    "need": "need above Z",
}
# {provision}: a kind label or one of PROVISION_PHRASES; {group}: TARGET_GROUP_RESIDENTS.
GAP_REASON_TEXTS = {
    "no_team": "no district team",
    "no_network": "no active network",
    "coverage_area": "{pct} of the area has no {provision} within {radius}",
    "coverage_residents": "{pct} of {group} have no {provision} within {radius}",
    "per_1000": "{value} places per 1,000 {group} (threshold {threshold})",
    "per_1000_none": "no places in the district (threshold {threshold} per 1,000 {group})",
    "need": "{label} {value} (threshold {threshold})",
}
GAP_UNKNOWN_TEXTS = {
    "coverage": "coverage of residents cannot be calculated (resident count missing)",
    "per_1000": "places per 1,000 residents cannot be calculated (resident count missing)",
    "need": "need value missing",
}
# What is missing, without an article ("no … within 500 m").
PROVISION_PHRASES = {
    "all_kinds": "provision",
    "several_kinds": "provision of the selected types",
}
# German ranks carry an ordinal dot ("3.", "2.–19."); English ones do not.
GAP_RANK_TEXTS = {
    "single": "{rank}",
    "shared": "{first}–{last}",
    "criteria": "Criteria checked: {criteria}. One point for each criterion that applies.",
    "order": "Order: first by the number of criteria met (most first); if tied, by the "
    "{share} within reach (lowest first); then by the number of {group} without provision "
    "within reach (estimated; most first). Equal values = shared rank (e.g. “2–19”); within "
    "a shared rank, by name. The values are compared as the table shows them: the share "
    "rounded to whole per cent, residents rounded to whole numbers; “–” (cannot be "
    "calculated) comes last.",
    "share_area": "share of the area",
    "share_residents": "share of {group}",
    "shared_note": " {n} districts share this rank, with equal values for every sort criterion.",
}
SENSITIVITY_TEXTS = {
    "title": "How stable is the order?",
    "intro": "The first {n} districts when only one criterion counts at a time (ties in the "
    "same order as above). Only districts the criterion applies to are listed; “–”: not "
    "among the first {n} for this criterion.",
    "one_criterion": "Only one criterion selected: switch on at least two criteria to see "
    "how the order changes with the criteria.",
    "none": "None of the selected criteria applies to any district.",
    "combined": "Rank (all criteria)",
    "robust_column": "among the first {n} for every criterion",
    "beyond": "{rank} *",
    "beyond_note": "* Shared rank that reaches beyond position {n}: the whole group is listed.",
    "robust": "Among the first {n} for every single criterion: {districts}.",
    "no_robust": "No district is among the first {n} for every single criterion.",
    "csv": "Stability of the order (CSV)",
}
NEED_INDICATOR_LABELS = {
    "sgb2_share_pct": "Share receiving SGB II benefits",
}
COVERAGE_NOTES = {
    "evenly_spread": (
        "Residents are assumed to be spread evenly over the area of a district "
        "(no population grid set up): share of residents within reach = share "
        "of the area within reach."
    ),
    "grid": (
        "Residents by the cells of the population grid: a cell counts for the "
        "district its centre lies in, and counts as reached if its centre is at "
        "most R metres in a straight line from a place."
    ),
    "grid_network": (
        "Residents by the cells of the population grid: a cell counts for the "
        "district its centre lies in, and counts as reached if its centre is at "
        "most R metres from a place along paths and streets."
    ),
    "groups": (
        "Within a district, under-18s and residents aged 65+ are assumed to be spread "
        "in the same way as all residents."
    ),
    "groups_grid": (
        "Under-18s and residents aged 65+ are counted by the age groups of the grid "
        "cells: a cell counts with its residents in that group."
    ),
    "catchment": (
        "Radius = straight line of {radius} around each place; detours and barriers "
        "on the way are not taken into account."
    ),
    "catchment_method": (
        "Each radius is calculated as a polygon with 16 segments per quarter circle "
        "(64 corners), in the metric coordinate system {crs}; areas in km² are "
        "calculated there as well."
    ),
    "approximate": (
        "Places with an estimated location count at their estimated location ({n} of the "
        "places counted)."
    ),
    "outside": "Places just outside the district areas also serve the edges.",
    "synthetic_need": (
        "Need values are synthetic (made up, for trying things out), not official figures."
    ),
}


# --- Exports, district profile and city overview ----------------------------------------
# For quartiersatlas.profile / export / pdf / cli_report.

REPORT_TITLES = {
    "no_kinds": "none",  # kinds of places chosen: none
    "profile_kicker": "District profile",
    "overview_kicker": "City overview",
    "overview_title": "Places, district teams, networks and gaps",
    "subtitle": "{city} · As of: {date}",
    "footer_profile": "Quartiersatlas · District profile {district}",
    "footer_overview": "Quartiersatlas · City overview {city}",
    "page": "Page {page} of {pages}",
    "status": "Data status",
    "selection": "Selection",
    "map": "Map",
    "figures": "Key figures",
    "places": "Places in the district",
    "groups": "District teams and networks",
    "uncovered": "White spots",
    "ranking": "Gap ranking",
    "district_table": "Districts compared",
    "notes": "How it is calculated",
    "sources": "Data sources",
    "no_places": "No place of the selected types is recorded in this district.",
    "no_groups": "No district team and no network recorded for this district.",
    "no_team": "No active district team.",
    "no_uncovered": "No white spots: every point in the district is within {radius} of a "
    "selected place.",
    # {residents} comes with its word, e.g. "1,230 residents"
    "uncovered_text": "{area} ({share} of the area) lie more than {radius} from any "
    "selected place; an estimated {residents} live there.",
    "uncovered_text_nores": "{area} ({share} of the area) lie more than {radius} "
    "from any selected place; number of residents unknown.",
    "rank": "Rank {rank} of {total} in the gap ranking; criteria that apply: "
    "{score} of {criteria}.",
    "rank_no_criteria": "No gap criterion selected: no ranking.",
    "criteria": "Criteria checked: {criteria}. One point for each criterion that applies; "
    "if tied, the district with the lower coverage comes first.",
    "reasons": "Reasons: {reasons}.",
    "no_reasons": "None of the selected criteria applies.",
    "unknown": "Cannot be checked: {unknown}.",
    "selection_text": "Types of place: {kinds}. Places counted with status: {statuses}. "
    "Radius R = {radius}.",
    "require_text": " Accessible coverage: places must have: {require}.",
    "all_kinds": "all ({n})",
    "map_caption": "Map without a basemap; district areas {status}. The same content "
    "as tables in this document.",
    "map_caption_schematic": "schematic (not official boundaries)",
    "map_caption_official": "as given by the data source",
}
REPORT_FIGURE_LABELS = {
    "residents": "Residents",
    "residents_under_18": "of whom under 18",
    "residents_65_plus": "of whom aged 65+",
    "area_km2": "Area",
    "places": "Places (selection)",
    "places_per_1000": "Places per 1,000 residents",
    "area_covered_share": "Area within {radius}",
    "residents_covered_share": "Residents within {radius}",
    "uncovered": "Area without a place within reach (white spot)",
    "uncovered_residents": "Residents without a place within reach (estimated)",
    "teams": "District teams (active)",
    "networks": "Networks (active)",
    "districts": "Districts",
    "districts_with_team": "Districts with an active district team",
    "districts_all_gaps": "Districts that meet all gap criteria",
    "rank": "Rank in the gap ranking",
    "figure": "Key figure",
    "city": "City (comparison)",
    "value": "Value",
}
REPORT_CITY_BASIS = {
    "mean": "{value} (mean per district)",
    "city": "{value} (whole city)",
    "share": "{value} (share in the city)",
    "need_mean": "{value} (mean of the districts)",
    "teams": "{value} of {total} districts with a team",
    "no_data": "no data",
}
REPORT_COLUMNS = {
    "name": "Name",
    "kind": "Type",
    "status": "Status",
    "address": "Address",
    "location": "Location",
    "counts": "counted",
    "target_groups": "Target groups",
    "contact": "Contact",
    "source": "Source",
    "type": "Type",
    "since": "since",
    "until": "until",
    "meeting_place": "Meeting place",
    "districts": "Districts",
    "district": "District",
    "residents": "Residents",
    "places": "Places",
    "places_per_1000": "Places per 1,000 residents",
    "area_covered_share": "Area within reach (%)",
    "residents_covered_share": "Residents within reach (%)",
    "uncovered_area_km2": "Area without a place within reach (km²)",
    "residents_uncovered": "Residents without a place within reach (estimated)",
    "teams": "District teams (active)",
    "networks": "Networks (active)",
    "rank": "Rank",
    "score": "criteria that apply",
    "score_of": "criteria that apply (of {n})",
    "reasons": "Reasons",
    "unknown": "cannot be checked",
}
REPORT_LOCATION = {
    "stated_only": "no coordinates (district as stated by the source)",
}
REPORT_SOURCES = {
    "districts_schematic": "District areas: schematic, not official boundaries. File: {file}.",
    "districts_origin": " Origin: {source}.",
    "districts": "District areas: {file}.",
    "population_synthetic": "Residents per district: distributed synthetically (file {file}); "
    "total equal to the official total {total} according to {total_source}.",
    "population_estimated": "Residents per district: estimated (file {file}).",
    "grid_file": "Residents per grid cell (coverage by cells): file {file}.",
    "credit": "Credit: {credit}",
    "population_official": "Residents per district: {file}.",
    "population_total": "Population of the city: {total} according to {total_source}.",
    "records": "Places, district teams and networks: compiled from public sources "
    "(column ‘source’ of the files {files}); {n} source entries, most frequent: {domains}.",
    "records_district": "Sources of the places, district teams and networks in this district "
    "({n} entries, column ‘source’ of the files {files}):",
    "no_records": "Places, district teams and networks: no source entries in the files.",
    "need": "Need indicator {label}: file {file}{status}.",
    "need_synthetic": ", synthetic (not official figures)",
    "basemap": "Map without a basemap; geometries from the files named. Coordinates "
    "in {crs} (scale and areas).",
}
REPORT_CLI = {
    "unknown_district": "unknown district '{name}'.{hint} Existing districts: {names}",
    "did_you_mean": " Did you mean: {names}?",
    "unknown_kind": "unknown type(s): {kinds}; allowed: {allowed}",
    "unknown_status": "unknown status: {statuses}; allowed: {allowed}",
    "unknown_require": "unknown features: {items}; allowed: {allowed}",
    "no_folder": "Folder for the output file does not exist: {folder}",
    "written": "{what} written: {path} ({pages} pages, {size} kB)",
    "data_errors": "{n} errors in the data (details: python -m quartiersatlas check); "
    "the rows concerned are missing from the report.",
}
REPORT_MAP = {
    "legend": "Legend",
    "places": "Places (colour and shape by type)",
    "approximate": "pale, dashed: location estimated",
    "areas": "Areas",
    "selected": "selected district: {name}",
    "district": "District",
    "district_schematic": "District (schematic boundaries)",
    "outside": "outside the city",
    "uncovered": "more than {radius} from any selected place (white spot)",
    "uncovered_no_radius": "white spot: no selected place within reach",
    "scale": "Scale approx. 1:{scale} (A4 print)",
    "north": "North at the top; no basemap",
    "no_coordinates": " {n} places without coordinates are not shown.",
}
REPORT_PDF = {
    "flag": "Note the data status: {parts} (see page 1).",
    "flag_schematic": "district boundaries schematic",
    "flag_synthetic": "residents per district synthetic",
    "flag_estimated": "residents per district estimated",
    "reasons": "Reasons:",
    "counts_note": "‘counted’: place with a location and a selected status; counts towards "
    "coverage and places per 1,000 residents.",
    "table_note": "Empty fields (–): cannot be calculated (no resident count). Percentages: "
    "share of the area within {radius} of a selected place.",
    "missing_font": "Font file missing: {files} – reinstall matplotlib "
    "(pip install --force-reinstall matplotlib).",
}
REPORT_CRITERIA = {
    "no_team": "no active district team",
    "no_network": "no active network",
    "coverage": "coverage ({measure}) below {pct}",
    "coverage_area": "area",
    "per_1000": "fewer than {value} places per 1,000 {group}",
    "need": "{label} above {value}",
    "no_location": "{places} without coordinates: no radius and not assigned to a "
    "district, so not counted in coverage or in places per 1,000 residents "
    "(add the location).",
    "official_total": "official population figure",
}


# --- Links, presentation mode and agenda ------------------------------------------------
# For quartiersatlas.linkstate / agenda and ui/urlstate, ui/presentation.

PAGE_TITLES = {
    "uebersicht": "Overview",
    "karte": "Map",
    "abdeckung": "Coverage & gaps",
    "stadtteil": "District",
    "planung": "Planning",
    "datenpruefung": "Data check",
    "praesentation": "Presentation",
    "hilfe": "Help",
    "barrierefreiheit": "Accessibility",
    "daten_pflegen": "Maintain data",
    "aenderungen": "Changes",
}
# Labels of the link parameters (shown in notices and as widget labels).
LINK_LABELS = {
    "lang": "Language",
    "open": "Open",
    "praesentation": "Presentation mode",
    "dist": "Distance measured as",
    "folie": "Slide",
    "district": "District",
    "kinds": "Types of place",
    "status": "Status",
    "access": "Accessibility",
    "groups": "Target groups",
    "q": "Search by name",
    "szenario": "Scenario",
    "seit": "Changes since",
    "indicator": "Area shading",
    "scheme": "Classification",
    "k": "Number of classes",
    "gaps": "Show white spots",
    "radius": "Radius",
    "teams": "Show district teams",
    "networks": "Show networks",
    "basemap": "Basemap",
    "view": "Map view",
    "group": "Target group",
    "require": "Accessible coverage",
    "crit": "Gap criteria",
    "cov": "Coverage below X %",
    "cov_by": "Coverage measured by",
    "per": "Y: places per 1,000 residents",
    "need": "Need indicator",
    "need_above": "Z: need above",
    "only": "only districts meeting all criteria",
    "bars": "Show bars",
    "show": "Show",
}
LINK_NOTICES = {
    "unknown_param": "Unknown parameter ‘{name}’ in the address – ignored.",
    "other_page": "Parameter ‘{name}’ does not apply to this page – ignored.",
    "invalid": "Invalid value '{value}' for ‘{label}’ in the address – default used.",
    "unknown_values": "Unknown values '{values}' for ‘{label}’ in the address – ignored.",
    "unknown_district": "Unknown district '{value}' in the address – default used.",
    "range": "Value '{value}' for ‘{label}’ is not between {low} and {high} – default used.",
    "step": "Value '{value}' for ‘{label}’ is not a multiple of {step} – default used.",
    "too_long": "Text for ‘{label}’ in the address is too long – shortened to {n} characters.",
    "view": "Map view '{value}' in the address is invalid (expected: latitude,longitude,zoom) "
    "– default used.",
    "view_outside": "Map view '{value}' is outside the city or outside "
    "zoom levels 8–19 – default used.",
    "no_agenda": "Slide {value}: there is no agenda – ignored.",
    "slide_range": "Slide {value} does not exist (the agenda has {n} slides) – ignored.",
    "unknown_page": "Page '{value}' does not exist; available: {pages}.",
}
AGENDA_PROBLEMS = {
    "not_toml": "not a valid TOML file ({error})",
    "not_toml_hint": "Check the file in a text editor or save it again on the ‘Presentation’ page.",
    "no_views": "Entry ‘views’ must be a list of views ([[views]]).",
    "not_table": "View is not a table.",
    "title": "Title missing",
    "title_hint": 'Add title = "…".',
    "text": "must be text",
    "page": "unknown page",
    "page_hint": "allowed: {pages}",
    "params": "‘params’ must be a table of names and values",
    "link": "Link unusable: {error}",
    "param": "{notice}",
    "param_hint": "Correct the parameter in the view or record the view again.",
    "dropped": "View not taken over.",
    "not_file": "is not a file (a folder?); the agenda must be a TOML file",
    "figures": "‘figures’ must be a table of placeholder names and numbers; entry ignored",
}
PRESENTATION_TEXTS = {
    "toggle": "Presentation mode",
    "toggle_help": "Large text, high contrast, no sidebar and no controls – "
    "for projectors in meetings. Also as an address: …?praesentation=1",
    "exit": "End presentation",
    "start_agenda": "Show agenda",
    "previous": "◀ Back",
    "next": "Next ▶",
    "slide": "Slide {n} of {total}",
    "slide_region": "Slide",
    "link_title": "Link to this view",
    "link_help": "This address shows exactly this view – to copy into emails, "
    "meeting papers or the agenda.",
}

# --- Pages and their shared widgets -----------------------------------------------------
# Every text a page shows; values from data are escaped by the page before they are
# formatted into a text ({placeholders}), the texts themselves are trusted Markdown.

SEVERITY_LABELS = {"error": "Error", "warning": "Warning"}
COMMON_TEXTS = {
    # month names, space-separated (dates written in words: "5 December 2026")
    "month_names": "January February March April May June July August September October "
    "November December",
    "data_status": "**Data as of:** ",
    "no_data": "no data",
    "residents": "Residents",
    "synthetic_suffix": " (synthetic)",
    "estimated_suffix": " (estimated)",
    "selection": "Selection",
    "download": "Download",
    "district": "District",
    "districts": "Districts",
    "places": "Places",
    "teams": "District teams",
    "networks": "Networks",
    "kinds": "Kinds of places",
    "kinds_placeholder": "no kind selected",
    "statuses": "Count places with status",
    "statuses_placeholder": "no status selected",
    "statuses_help": "The default is the same on all pages (settings.toml, [coverage] "
    "statuses). Only active places provide anything today; you can add planned ones to "
    "see which gap they would close.",
    "radius": "Radius (straight line)",
    "radius_any": "Radius",
    "radius_help": "For coverage and white spots; more values on the page ‘Coverage & gaps’.",
    "no_kind": "No kind of place selected: please choose at least one kind in the sidebar.",
    "places_per_1000": "Places per 1,000 residents",
    "per_1000_of": "Places per 1,000 {group}",
    "covered_pct": "Area within {radius} (%)",
    "group_covered_pct": "{group} within {radius} (%)",
    "area_covered": "Area within {radius}",
    "uncovered_label": "more than {radius} from every selected place",
}
DOWNLOAD_TEXTS = {
    "csv_help": "For Excel: UTF-8, semicolon, decimal comma",
    "geojson_help": "GeoJSON (WGS84), e.g. for QGIS or web maps",
    "gpkg_help": "GeoPackage with one layer per content; opens in QGIS",
    "all_tables": "All tables (Excel)",
    "districts_csv": "Districts (CSV)",
    "districts_xlsx": "Districts (Excel)",
    "places_csv": "Places (CSV)",
    "places_xlsx": "Places (Excel)",
    "places_geojson": "Places (GeoJSON)",
    "layers_gpkg": "Layers (GeoPackage)",
    "uncovered_geojson": "White spots (GeoJSON)",
}
LOADING_TEXTS = {
    "data": "Loading data …",
    "grid": "Reading population grid …",
    "coverage": "Calculating coverage …",
    "uncovered": "Calculating white spots …",
    "network": "Reading street network …",
    "bands": "Calculating walking times …",
}
ERROR_PAGE_TEXTS = {
    "folder": "Data folder: {folder}",
    "settings": "**The settings cannot be read.**",
    "districts": "**The district layer cannot be loaded.**",
    "crash": "**This page could not be shown.** Cause: {cause}.",
    "file": "File affected: {files}.",
    "files": "Files affected: {files}.",
    "advice": "Please check the data (page ‘Data check’) or report the error with this message.",
}
UEBERSICHT_TEXTS = {
    "title": "Quartiersatlas {city}",
    "intro": "Where are there Places for All, district teams, networks and other provision – "
    "and where are they missing? This overview shows what is in the loaded data.",
    "residents_help": "Sum of the resident counts per district from {file}",
    "errors": "{n} errors were found in the data; the rows affected are missing from the "
    "analyses or have no location. Details on the page ‘Data check’.",
    "by_kind": "Places by kind",
    "empty_districts": "**Districts with no recorded place ({n}):** ",
    "none_in_data": "No {what} in the data.",
    "unassigned": "Places not clearly assigned",
    "unassigned_text": "These places have no coordinates or do not lie clearly within one "
    "district. They will not appear on maps until their location has been added.",
    "by_kind_csv": "Places by kind (CSV)",
    "map": "At a glance",
    "map_caption": "Districts by number of recorded places (all kinds, any status) and "
    "the areas of the active district teams; the page ‘Map’ shows the individual places. "
    "The same figures are in the tables below.",
    "kind_chart": "Number of places",
    "kind_chart_description": "Bar chart: number of places per kind, sorted in descending "
    "order. The same figures are in the table next to it.",
    "kinds_here": "Kinds present",
    "none_here": "–",
    "matrix": "All kinds per district (one column per kind)",
    "no_team_names": "**Districts without an active district team ({n} of {total}):** ",
    "about": "About the data",
    "about_intro": "Where the figures and areas come from, with licence and date:",
}
DATENPRUEFUNG_TEXTS = {
    "intro": "Data folder: {folder}. Every row that was not taken over, or only in part, is "
    "listed here with file, row, column and a fix. The same check is available on the "
    "command line: `python -m quartiersatlas check`.",
    "from_store": "Places, district teams and networks come from the inventory database "
    "{store} (changed on the page ‘Maintain data’ or with `python -m quartiersatlas "
    "store import`); their files in the data folder are then only used for import and "
    "export. The inventory is checked just like the files.",
    "errors": "Errors",
    "warnings": "Warnings",
    "no_problems": "No problems found: all rows were taken over.",
    "no_entries": "No entries for this selection.",
    "csv": "Problems (CSV)",
    "xlsx": "Problems (Excel)",
}
PROBLEM_FILTER_LABELS = {"all": "all", "errors": "errors only", "warnings": "warnings only"}
KARTE_INDICATOR_LABELS = {
    "places": "Number of places",
    "places_per_1000": "Places per 1,000 residents",
    "area_covered_share": "Area within reach of a place (%)",
    "residents_covered_share": "Residents within reach of a place (%)",
    "data_quality": "Data quality: places with incomplete details (%)",
    "none": "no area shading",
}
KARTE_INDICATOR_UNITS = {
    "places": "places",
    "places_per_1000": "per 1,000 res.",
    "area_covered_share": "%",
    "residents_covered_share": "%",
    "data_quality": "%",
    "none": "",
}
KARTE_TEXTS = {
    "basemap_none": "none (no requests to third parties)",
    "filter": "Filter",
    "access": "Accessibility (only places with …)",
    "access_placeholder": "no restriction",
    "access_help": "Only places where the feature is recorded as ‘yes’ count; "
    "‘unknown’ does not count.",
    "groups_placeholder": "all target groups",
    "groups_help": "Places for these target groups and places that are open to all.",
    "display": "Display",
    "indicator": "Area shading of the districts",
    "gaps_help": "Areas that are further than the radius from every selected place.",
    "basemap_help": "A background map loads tiles from its provider (requests to third "
    "parties). Without a background the map remains fully usable.",
    "note_synthetic": "Resident counts synthetic",
    "note_evenly": "Residents assumed to be spread evenly across the district",
    "note_quality": "Share of places with no location, an estimated location, unknown "
    "step-free access or no confirmation for {months} months; no shading: no place "
    "recorded (table on the page Data check)",
    "place": "place",
    "places_dative": "places",
    "uncovered_label": "more than {radius} from every place shown",
    "no_status": "none",
    "caption": "{n} of {total} match the filters (status: {statuses}); {located} "
    "of them have coordinates and are shown on the map. All figures on this page count "
    "exactly these places.",
    "select_hint": "Click a district on the map: its figures appear here, its places, "
    "district teams and networks below the map.",
    "no_match": "No place matches the filters. Relax the filters in the sidebar.",
    "no_match_short": "No place matches the filters.",
    "skip_to_panel": "Skip to the district selection next to the map",
    "panel_title": "District",
    "select": "Select a district (also without the map)",
    "select_none": "– none –",
    "district_title": "District {name}",
    "details_title": "{name} in detail",
    "open_profile": "Open district profile",
    "open_profile_help": "Everything about {name} on one page, with the district profile as PDF",
    "clear": "Clear selection",
    "places_filtered": "Places (filtered)",
    "teams_networks": "active district teams / networks",
    "teams_networks_help": "Ended and planned ones are in the table below; they do not count here.",
    "no_places_in": "There is no place in {name} that matches the filters.",
    "no_groups_in": "Neither a district team nor a network is recorded for {name}.",
    "tables": "Tables for the map",
    "per_place_help": "– : no place in the district or no resident count",
    "downloads": "Download map and layers",
    "html": "Map (HTML)",
    "html_help": "This map as a single file that works without the internet",
    "districts_geojson": "Districts with indicator (GeoJSON)",
    "search_found": "Name search “{text}”: {n}, outlined in magenta on the map – {places}. "
    "The area shading and the figures stay the same.",
    "search_help": "Finds places whose name contains the text: the map shows them and "
    "outlines them in magenta, and they are at the top of the table of places. The area "
    "shading and the figures do not change.",
    "search_none": "No place shown is called “{text}”: check the spelling or relax the filters.",
    "search_no_district": "no district",
    "match": "match",
    "matches": "matches",
    "export_title": "Quartiersatlas {city}: Map",
    "export_kinds": "Places: {kinds}; status: {statuses}",
    "export_access": "Accessibility (only places with): {access}",
    "export_groups": "Target groups: {groups}",
    "export_search": "Name search: “{text}” ({matches})",
    "export_fill": "Area shading: {title}; classes: {scheme}",
    "export_no_fill": "Area shading: none",
    "export_gaps": "White spots: more than {radius} from every place shown",
    "export_district": "Selected district: {name}",
    "none": "none",
}
ABDECKUNG_TEXTS = {
    "intro": "Where can Places for All, district meeting points and other provision be "
    "reached on foot – and where are they missing? For each district, this page shows what "
    "part of the area and of the residents is within reach of a selected place, whether "
    "there is a district team and networks, and ranks the districts by the gaps you choose "
    "as criteria.",
    "radius": "Radius R (straight line)",
    "radius_any": "Radius R",
    "radius_custom": "other value",
    "radius_metres": "Radius in metres",
    "group_help": "Reference group for places per 1,000 residents and for the number of "
    "residents within reach.",
    "require": "Accessible coverage: places must have",
    "require_placeholder": "no requirement",
    "require_help": "In addition, coverage is calculated using only places where every "
    "selected feature is recorded as ‘yes’. ‘unknown’ does not count as accessible.",
    "criteria_caption": "A district gets one point for each criterion that applies.",
    "cov_pct": "X: coverage below (%)",
    "measure_area": "area",
    "measure_residents": "residents",
    "need_thr_help": "Default: the median of the districts.",
    "only_all": "show only districts to which all criteria apply",
    "no_status": "No status selected: choose in the sidebar which places should count.",
    "group_covered": "Within reach: {group}",
    "group_covered_help": "about {covered} of {total}",
    "all_gaps": "Districts with all gap criteria",
    "n_of": "{n} of {total}",
    "no_criterion": "no criterion",
    "located": "Counted places with a location",
    "overview_pdf": "City overview (PDF)",
    "overview_pdf_help": "Indicators, gap ranking and district table for this selection "
    "(A4), for meeting papers",
    "notes": "**How it is calculated:** ",
    "nav": "On this page",
    "method": "Method in detail (for specialists)",
    "grid_unreadable": "The population grid {path} could not be read; the calculation "
    "assumes residents are spread evenly. ",
    "grid_notes": "Notices about the grid: ",
    "need_problems": "There are problems in the need file; the values affected are missing. "
    "Details on the page ‘Data check’ or: ",
    "nothing_located": "There is no place with a location for this selection: no part of the "
    "city is within reach of a selected place, the whole city is a gap.",
    "no_criteria": "No gap criterion selected: switch criteria on in the sidebar.",
    "none_all": "No district meets all the selected criteria.",
    "no_districts": "No districts in the data.",
    "ranking_csv": "Ranking (CSV)",
    "measures": "Indicators per district",
    "group_per_place": "{group} per place",
    "group_uncovered": "{group} with no provision within reach (estimated)",
    "pct_suffix": " (%)",
    "per_place_help": "no value: no place in the district or no resident count",
    "measures_caption": "“–”: cannot be calculated – no resident count or no place in the "
    "district. Places count for the district they are in; their radius also serves "
    "neighbouring districts.",
    "charts": "Charts",
    "group_covered_pct": "{group} within reach (%)",
    "sorted": "Districts, sorted",
    "bars_description": "Bar chart: {value} per district, one bar per district, sorted in "
    "ascending order. The same values are in the table next to it.",
    "scatter_description": "Scatter plot: {x} (horizontal) against {y} (vertical), one "
    "labelled point per district. The same values are in the table next to it.",
    "no_values": "No values: resident counts are missing.",
    "same_values": "The same values",
    "need": "Need and provision",
    "no_need": "No need file set up (settings.toml `[files] need`): need and provision "
    "cannot be compared.",
    "no_need_values": "No districts with a need value.",
    "scatter_caption": "Top left: little need, well provided. Bottom right: high need, "
    "little within reach – look there first.",
    "uncovered_text": "Areas that are more than {radius} from every selected place, "
    "hatched in red on the map; below, the same areas as a table.",
    "no_uncovered": "No white spots: every point of the city is within {radius}.",
    "uncovered_total": "In total {area} km² with no selected place within {radius}.",
    "uncovered_evenly": " Residents estimated: spread evenly across the area of the district.",
    "layers_help": "Districts with indicators, counted places and white spots; opens in QGIS",
    "accessible": "Accessible coverage",
    "no_require": "No requirement selected. Choose features in the sidebar (e.g. "
    "step-free access) to calculate coverage only with places that meet them.",
    "require_text": "Required: {wanted}. Of {n} counted places, {accessible} meet the "
    "requirements and {not_accessible} do not; for {unknown} it is unknown – they do not "
    "count as accessible until someone checks.",
    "covered_all": "Area within reach, all places (%)",
    "covered_accessible": "Area within reach, accessible places (%)",
    "tables": "Download tables",
    "measures_csv": "Indicators per district (CSV)",
}
STADTTEIL_TEXTS = {
    "kinds_help": "Places of these kinds count, with the statuses from the settings.",
    "choose": "Choose a district …",
    "choose_help": "Also from the page ‘Map’: click a district, then ‘Open district profile’.",
    "intro": "Choose a district: the district profile shows its indicators next to those "
    "of the city, its places, district teams and networks, its white spots and its "
    "rank in the gap ranking.",
    "places": "Places (counted)",
    "rank_of": "{rank} of {total}",
    "rank_help": "Rank 1 = largest gap by the standard criteria (see below).",
    "figures": "Indicators compared with the city",
    "uncovered_label": "in {name} more than {radius} from every selected place",
    "map_caption": "{name} outlined in black, its white spots hatched in red (more than "
    "{radius} from every counted place); places from the neighbouring districts too, "
    "because their radius reaches across the boundary. The same content is in the tables "
    "on this page.",
    "pdf": "District profile (PDF)",
    "pdf_help": "District profile for meeting papers (A4)",
    "xlsx": "Tables (Excel)",
    "figures_csv": "Indicators (CSV)",
    "groups_csv": "Teams and networks (CSV)",
    "pick_hint": "Click a district on the map or choose it from the list above.",
    "pick_map_caption": "The {n} districts with their names; a click opens the "
    "district profile. The same districts are in the list above.",
    "method": "Method in detail (for specialists)",
}
AGENDA_PAGE_TEXTS = {
    "title": "Prepare a presentation",
    "intro": "An agenda is a sequence of views of the Quartiersatlas – each with a "
    "title and a key message. In presentation mode (large text, no controls) "
    "you move through the views with ‘Next’ and ‘Back’ or the arrow keys. To "
    "add a view: open the page, set the filters and the map section, "
    "switch to this page and click ‘Add view’ below.",
    "saved_elsewhere": "The agenda has meanwhile been saved elsewhere; this page now shows the "
    "saved version.",
    "save_failed": "**The agenda could not be saved** ({error}). Is the "
    "data folder read-only? Download the agenda below and put the "
    "file into the data folder as {file}.",
    "saved": "Saved: {n} view(s) in {file}.",
    "col_number": "No.",
    "col_title": "Title",
    "col_page": "Page",
    "conflict": "**Not saved: the agenda has meanwhile been {what} elsewhere** (by another "
    "person or in another browser window). So that no change is lost, "
    "please decide: take over the saved version, add your new views "
    "to it, or save your version anyway. You can download both versions "
    "first.",
    "conflict_deleted": "deleted",
    "conflict_saved": "saved",
    "theirs": "Saved version",
    "file_gone": "The file no longer exists.",
    "untitled": "untitled",
    "version_line": "{title} – {n} view(s)",
    "version_problems": ", {n} problem(s) in the file",
    "mine": "Your version",
    "take_theirs": "Take over the saved version",
    "merge": "Add my {n} new view(s) and save",
    "merge_help": "The saved version stays as it is; the views you have newly added here "
    "go at the end.",
    "save_mine": "Save my version anyway",
    "save_mine_help": "Replaces the saved version; download it first.",
    "download_mine": "Download my version (TOML)",
    "download_mine_help": "Your version, as it stands here.",
    "download_theirs": "Download the saved version (TOML)",
    "download_theirs_help": "The file as it is now in the data folder.",
    "file_problems": "The agenda file {file} contains {n} problem(s); the views or "
    "details affected were not taken over.",
    "col_view": "View",
    "agenda": "Agenda",
    "agenda_title": "Title of the agenda",
    "agenda_title_placeholder": "e.g. Social Affairs Committee meeting on …",
    "empty": "The agenda is empty: add a first view below.",
    "long": "{n} views – edited {size} at a time.",
    "all_views": "All views at a glance",
    "edit_part": "Edit views",
    "part": "Views {first} to {last}",
    "view_head": "**View {n}** · page ‘{page}’ · [open]({link})",
    "up": "move up",
    "down": "move down",
    "remove": "Remove view",
    "view_title": "Title",
    "message": "Key message",
    "add": "Add view",
    "source_link": "pasted link (below)",
    "default_view": "Default view",
    "recent": "last shown: {page} ({details})",
    "which": "Which view?",
    "which_help": "The views you last had on the pages in this session, "
    "or a link (‘Link to this view’ at the bottom of the sidebar on every page).",
    "link": "Link",
    "link_placeholder": "http://…/karte?kinds=ort_fuer_alle",
    "title_placeholder": "e.g. White spots in the south",
    "message_one": "Key message (one sentence)",
    "message_placeholder": "What should the council take away from this view?",
    "bad_link": "The link does not fit: {error}",
    "not_agenda_page": "The page ‘Presentation’ itself cannot be a view of the agenda.",
    "no_title": "Please give a title – it is shown in large type above the view.",
    "save_header": "Save and present",
    "where": "The agenda is saved in the data folder: {where}. ",
    "unsaved": "**There are unsaved changes.**",
    "all_saved": "Everything saved.",
    "changed_elsewhere": "The agenda file has meanwhile been changed elsewhere. When saving, "
    "you can choose which version applies – nothing is lost.",
    "save": "Save",
    "save_start": "Save and start the presentation",
    "discard": "Discard changes",
    "download": "Download agenda (TOML)",
    "download_help": "For passing on or backing up; placed in the data folder, it becomes "
    "the agenda.",
    "handout": "Handout (PDF)",
    "handout_help": "The agenda as a PDF for the meeting papers: a cover page and, for each "
    "view, an A4 page with title, key message, map, indicators, selection, link and "
    "data date (saved version of the views as above).",
}
HANDOUT_TEXTS = {
    "kicker": "Meeting handout",
    "untitled": "Untitled agenda",
    "footer": "Quartiersatlas · Handout {title}",
    "views": "Views",
    "view_line": "{n}. {title} – {page}",
    "no_views": "The agenda does not contain any views yet.",
    "intro": "One page per view: title and key message, plus the figures and the map "
    "that the app shows for this view – calculated with the data as of {date}.",
    "view_kicker": "View {n} of {total} · {page}",
    "selection": "Selection: {text}",
    "criteria": "Gap criteria: {criteria}.",
    "all_gaps": "All criteria apply to ({n}): {names}.",
    "no_all_gaps": "All criteria apply to no district.",
    "link": "Link to the view in the app: {link}",
    "notices": "Notice about the link: {notices}",
    "stale": "This view no longer fits the data: {reason} Please create the view in the "
    "agenda again or adjust the link.",
    "no_district": "No district selected.",
    "problems_intro": "The data check lists what is missing or does not fit in the data files.",
    "errors": "Errors in the data",
    "warnings": "Notices (warnings)",
    # a view of the page "Planning" (a scenario: hypothetical places, never inventory)
    "no_scenario": "No scenario selected.",
    "scenario": "Scenario: {name} (hypothetical changes, not in the inventory)",
    "scenario_empty": "The scenario contains no changes.",
    "scenario_places": "Places that count",
    "scenario_covered": "{group} within {radius} m",
    "scenario_area": "Area within {radius} m",
    "before": "before",
    "after": "after",
    "scenario_districts": "Districts with the largest change",
    "scenario_added": "Hypothetical places (planning assumptions, not in the inventory): {places}.",
    "scenario_changed": "Also {off} place(s) switched off and {moved} place(s) moved.",
}


# --- Core modules: selection checks, map legends, exports ----------------------------------

ANALYSIS_TEXTS = {
    "unknown": "Unknown {what}: {bad}; allowed: {allowed}.",
    "kinds": "kind(s)",
    "statuses": "status",
    "require": "features",
    "unknown_group": "Unknown target group '{group}'; allowed: {allowed}.",
    "radius": "Radius {radius} m: expected a number of 0 or more (metres).",
    "place": "selected place",
    "places": "selected places",
}
PROFILE_TEXTS = {
    "sources_column": "Data date and sources",
    "sources_sheet": "Sources",
    "unknown_district": "District '{district}' unknown; available: {names}",
    "residents": "{n} residents",
}
CLASSIFICATION_SCHEME_LABELS = {
    "quantiles": "Quantiles (as equal a number of districts per class as possible)",
    "equal_interval": "Equal intervals",
    "natural_breaks": "Natural breaks (Jenks)",
}
LEGEND_TEXTS = {
    "above_range": "above {low} – {high}",
    "above": "above ",
    "district": "district",
    "districts": "districts",
    "ties": "Quantiles; equal values stay in one class, so the classes differ in size",
}
EXPORT_TEXTS = {
    "sheet": "Table",
    "no_crs": "Layer has no coordinate reference system; call set_crs() first "
    "(e.g. gdf.set_crs('EPSG:25832')).",
    "no_layers": "No layer passed for writing.",
    "script_missing": "Script {name!r} is not bundled and cannot be embedded "
    "(add it to quartiersatlas.assets.vendor_js).",
    "stylesheet_missing": "Stylesheet {name!r} is not bundled and cannot be "
    "embedded (add it to quartiersatlas.assets.vendor_css).",
    "remote": "The map still loads something from the internet: {url!r}",
    "csv_status": "Data as of: {lines}",
    "map_date": "As of: {date}",
    "unit_percent": "%",
    "unit_km2": "km²",
    "city_number": "City (number)",
    "unit": "Unit",
}
LINK_ERRORS = {
    "unknown_page": "Unknown page '{page}'; available: {pages}.",
}
HYPHENATION = {
    # Where long words in the headers of the PDF tables may break (soft hyphen).
    # Replaced in order, case-sensitive, also inside longer words.
    "Residents": "Resi\u00addents",
    "residents": "resi\u00addents",
    "District": "Dis\u00adtrict",
    "district": "dis\u00adtrict",
    "Networks": "Net\u00adworks",
    "recipients": "recip\u00adients",
    "estimated": "esti\u00admated",
    "accessibility": "accessi\u00adbility",
    "accessible": "acces\u00adsible",
    "criteria": "cri\u00adteria",
}
BASEMAP_LABELS = {
    "osm": "OpenStreetMap",
    "basemap_de": "basemap.de (colour)",
    "basemap_de_grau": "basemap.de (grey)",
}
MAP_TEXTS = {
    # the name of a district on a map to choose from, for screen readers ({name}: text)
    "select_district": "Select district {name}",
    # Markup around these words stays in quartiersatlas.maps; the words are trusted.
    "osm_contributors": "OpenStreetMap</a> contributors",
    "source_link": "Source",
    "address": "Address: ",
    "status": "Status: ",
    "access": "Accessibility: ",
    "groups": "Target groups: ",
    "approximate": "Location estimated",
    "approximate_note": "⚠ Location approximate: ",
    "group_districts": "{name}: districts covered",
    "meeting_place": "Meeting place: ",
    "districts": "Districts: ",
    "meeting_approximate": "⚠ Location of the meeting place approximate",
    "meeting_alt": "Meeting place {name}",
    "meeting_places": "{name}: meeting places",
    "legend": "Legend",
    "classes": "Classes: ",
    "approximate_symbol": "hollow/dashed: location estimated",
    "team": "District team: area (line), meeting place (T)",
    "network": "Network: area (dashed), meeting place (N)",
    "uncovered": "not reached (white spot)",
    "basemap": "Background: {label}",
    "approximate_tooltip": " – location approximate",
    "selected": "Selected district",
    "status_lines": "Data as of:",
    "labels": "District names",
    "matches": "Name search matches",
    # a scenario's hypothetical place (quartiersatlas.scenario): before its name, in its popup
    "hypothetical": "Hypothetical: ",
    "hypothetical_note": "Hypothetical place (scenario) – not in the inventory",
}

# --- Reading and checking data files ----------------------------------------------------
# Problem messages and hints of quartiersatlas.readers / validate / need / census / join.
# A hint that ends in a fragment ("; row not imported") is joined by the code.

DATA_PROBLEMS = {
    # shared by several readers
    "not_found": "File not found",
    "empty": "File is empty",
    "missing_column": "Required column '{name}' is missing",
    "columns_present": "columns present: {columns}",
    "none": "(none)",
    "duplicate_column_hint": "rename or delete one of the two columns",
    "allowed": "allowed: {allowed}",
    "not_allowed": "Value not allowed",
    "row_dropped": "; row not imported",
    "area_dropped": "; area was not imported",
    "no_number": "not a number",
    "check_number_hint": "check the number (columns shifted?)",
    "no_status": "Data status missing",
    "status_hint": "enter official, estimated or synthetic; row not imported",
    "missing_row_hint": "add the row; until then the dashboard shows 'no data'",
    "unknown_district": "Unknown district",
    # a feature of a vector file: "Feature 3 ('Bürgerfelde'): …"
    "feature": "Feature {n}",
    "feature_named": "Feature {n} ('{name}')",
    "feature_message": "{feature}: {message}",
    "vertex_not_finite": "Vertex with an invalid coordinate (infinite or not a number)",
    "vertex_not_finite_hint": "correct or delete the vertex in QGIS",
}
READER_PROBLEMS = {
    # Excel's name of the file type to choose under "Save as"
    "save_as": "Excel: 'CSV UTF-8 (Comma delimited)'",
    "not_text": "File is not a text file (CSV) but {what}",
    "xlsx_or_zip": "an Excel file (.xlsx) or a ZIP archive",
    "xlsx_or_zip_hint": "give Excel files with the extension .xlsx, or save as CSV in Excel "
    "({save_as})",
    "old_excel": "an old Excel file (.xls)",
    "old_excel_hint": "save as .xlsx or as CSV in Excel ({save_as})",
    "pdf": "a PDF document",
    "pdf_hint": "give the table as CSV or .xlsx",
    "database": "a database (e.g. GeoPackage)",
    "database_hint": "give GeoPackage files with the extension .gpkg",
    "undecodable": "Characters not readable: bytes {bytes} are not valid {encoding}; "
    "replaced by '\ufffd'",
    "save_utf8_hint": "save the file as CSV UTF-8 ({save_as})",
    "binary": "File is not a text file (CSV): it contains {n} control characters",
    "binary_hint": "save the table as CSV ({save_as}) or give it as .xlsx",
    "unreadable": "File cannot be read",
    "unreadable_hint": "check the file's access permissions",
    "csv_unreadable": "CSV file not readable",
    "csv_unreadable_value": "line {line} of the file: {error}",
    "csv_unreadable_hint": "open the file in Excel and save it again ({save_as})",
    "bom": "Byte order mark (U+FEFF) removed from the middle of the file",
    "bom_hint": "this happens when files are joined together; check the file and save it as "
    "one file ({save_as})",
    "undecodable_hint": "save the file as CSV UTF-8 ({save_as}) and check the value",
    "undecodable_guess": "; read as Windows-1252 it would be {guess!r}",
    "control": "Control characters ({codes}) removed",
    "control_hint": "control characters come, for example, from copying out of other "
    "programs; check the value in the source",
    "lookalike": "Character sequence '{text}' looks like UTF-8 (would be '{meant}'); the file "
    "was read as Windows-1252",
    "lookalike_hint": "the file mixes two character encodings: save it consistently as CSV "
    "UTF-8 ({save_as}); the value was imported as it was read",
    "duplicate_column": "Column '{name}' appears twice (also column {other})",
    "duplicate_column_of": "Column '{name}' appears twice (also '{other}')",
    "column_n": "column {n}",
    "reserved_column": "Column name '{name}' is reserved for the row number",
    "renamed_hint": "rename the column; it is read as '{name}'",
    "unclosed_quote": "Field spans {lines} lines of the file, {rowlike} of them with "
    "delimiters like rows of their own – probably a closing quotation mark is missing",
    "unclosed_quote_hint": 'close or remove the quotation mark (a " in text is written as '
    '""); row was not imported',
    "long_row": "Row has {n} fields, the header only {width}",
    "long_row_hint": "put delimiters inside texts in quotation marks or remove the surplus "
    "fields; row was not imported",
    "repeated_header": "Row repeats the header",
    "repeated_header_hint": "this happens when files are joined together; delete the row; "
    "row was not imported",
    "short_row": "Row has only {n} fields, the header {named}",
    "short_row_hint": "add the missing fields or delimiters; imported with empty fields for "
    "{missing}",
    "save_points": "save places as points",
    "not_point": "Geometry is {type}, a point is expected",
    "not_point_hint": "save places as points; the place is imported without a location",
    "lat_lon_and_point": "Columns lat/lon and point geometry at the same time: for features "
    "with a point, the geometry applies",
    "lat_lon_and_point_hint": "remove the lat/lon columns; features without a point keep the "
    "values of the columns",
    "not_found_hint": "check the path (settings.toml [files] or command line)",
    "xls": "Old Excel format (.xls) is not read",
    "xls_hint": "save as .xlsx or as CSV UTF-8 in Excel",
    "excel_unreadable": "Excel file not readable: {error}",
    "first_sheet_hint": "the first worksheet is read; move the data there",
    "vector_unreadable": "File is not a readable geodata format (GeoJSON, GeoPackage, Shapefile)",
    "vector_unreadable_hint": "open the file in QGIS and save it again (e.g. as GeoPackage); "
    "the value shows the reader's technical message",
    "no_crs": "File has no coordinate reference system (CRS)",
    "no_crs_hint": "set the CRS: for shapefiles the .prj file is missing – in QGIS use 'Assign "
    "projection' or `ogr2ogr -a_srs EPSG:25832 new.gpkg old.shp`; GeoJSON is always WGS84 "
    "(EPSG:4326)",
    "no_geometry": "File contains no geometries",
    "no_geometry_hint": "{hint}; save as GeoJSON, GeoPackage or Shapefile",
    "crs_unconvertible": "Coordinate reference system (CRS) cannot be converted to WGS84",
    "crs_unconvertible_hint": "reproject the file in QGIS to an official CRS (e.g. "
    "EPSG:25832) and save it again",
    "layer_missing": "Layer '{layer}' not found",
    "layer_missing_hint": "layers present: {layers}",
    "layers": "File has {n} layers; reading '{layer}'",
    "layers_hint": "choose another layer with --layer",
    "name_field_missing": "Field with the district name not found",
    "no_name_field": "no name field recognised",
    "name_field_hint": "give the name field with --name-field; fields present: {fields}",
    "districts_table": "File is a table, not a layer with district areas",
    "districts_table_hint": "give the district areas as GeoJSON, GeoPackage or Shapefile "
    "(settings.toml [files] districts or --districts)",
    "save_areas": "save districts as areas",
    "no_areas": "File contains no areas",
    "empty_name": "Name is empty",
    "empty_name_hint": "enter a name; area was not imported",
    "empty_id": "ID is empty",
    "empty_id_hint": "enter an ID; area was not imported",
    "no_feature_geometry": "no geometry",
    "no_feature_geometry_hint": "draw the area or delete the feature",
    "not_polygon": "Geometry is {type}, polygon expected",
    "not_polygon_hint": "use only areas as districts",
    "invalid_geometry": "invalid geometry, cannot be repaired ({reason})",
    "invalid_geometry_hint": "check the geometry in QGIS (Vector › Check Geometries)",
    "repaired_geometry": "invalid geometry repaired ({reason})",
    "repaired_geometry_hint": "correct the geometry in the source",
    "duplicate_name": "Duplicate name (already feature {first})",
    "duplicate_name_hint": "make the names unique or merge the parts into one area; "
    "area was not imported",
    "duplicate_id": "Duplicate ID (already feature {first})",
    "duplicate_id_hint": "make the IDs unique; area was not imported",
    "no_valid_area": "no valid area",
}
VALIDATE_PROBLEMS = {
    "generated_id": "Column 'id' is missing: IDs were built from the names (name and "
    "checksum; for duplicate names, name and row number)",
    "generated_id_hint": "add an id column with fixed IDs: built IDs change when the name "
    "changes (links and agendas refer to IDs)",
    "missing_column_hint": "add the column (see data/README.md); {present}",
    "xy_no_crs": "x/y without a coordinate system",
    "xy_no_crs_hint": "give the CRS in settings.toml [places] xy_crs or with --crs, or use "
    "lat/lon (WGS84)",
    "coordinate_number_hint": "enter a decimal number such as 53.1435 or 53,1435; place "
    "imported without a location",
    "coordinate_incomplete": "Coordinate incomplete: {name} is missing",
    "coordinate_incomplete_hint": "fill in both {a} and {b} or leave both empty; place "
    "imported without a location",
    "xy_unconvertible": "x/y cannot be converted from {crs}",
    "xy_unconvertible_hint": "check the coordinate system",
    "swapped": "Latitude and longitude swapped",
    "swapped_hint": "swap the values of lat and lon (here: lat ≈ {lat}, lon ≈ {lon}); place "
    "imported without a location",
    "out_of_range": "Coordinate outside the valid range",
    "out_of_range_hint": "lat between -90 and 90, lon between -180 and 180 (WGS84 degrees); "
    "for UTM values use the x/y columns; place imported without a location",
    "missing_id": "ID missing",
    "missing_id_hint": "enter a unique ID (e.g. 'stadtteiltreff-kreyenbrueck')",
    "duplicate_id": "Duplicate ID (already in row {first})",
    "duplicate_id_hint": "make the IDs unique",
    "unknown_group": "unknown target group",
    "coordinate_columns": "Columns for coordinates are missing",
    "coordinate_columns_hint": "add the columns lat and lon (WGS84) or x and y (e.g. "
    "EPSG:25832) – leave them empty where the location is unknown",
    "missing_name": "Name missing",
    "missing_name_hint": "enter a name; row not imported",
    "unknown_kind": "unknown kind",
    "missing_kind": "Kind missing",
    "kind_hint": "allowed: {kinds} (or their label; add new kinds in settings.toml "
    "[[kinds]]); row not imported",
    "as_approximate": "; treated as 'approximate'",
    "quality_missing": "Location accuracy missing",
    "quality_hint": "enter exact or approximate; treated as 'approximate'",
    "quality_none": "Coordinates present, but location accuracy 'none'",
    "quality_column": "Column 'coord_quality' is missing: the location of the {n} places "
    "with coordinates is assumed to be 'approximate'",
    "quality_column_hint": "add a coord_quality column and enter exact, approximate or none "
    "for each place",
    "exact_without": "Location accuracy 'exact', but no coordinates",
    "exact_without_hint": "enter coordinates (lat/lon or x/y) or location accuracy 'none'; "
    "place imported without a location",
    "unknown_district_hint": "write names as in the district layer, separate several with "
    "';'; entry imported without this district",
    "missing_type": "Type missing",
    "no_districts": "no districts given",
    "no_districts_hint": "enter the districts covered, separate several with ';'",
    "missing_district": "District missing",
    "district_row_hint": "enter the ID or name as in the district layer; row not imported",
    "duplicate_district": "Duplicate district (already in row {first})",
    "duplicate_district_hint": "one row per district; row not imported",
    "not_count": "not a whole number ≥ 0",
    "count_too_big": "Number too large (at most {max:,})",
    "count_hint": "enter the number of people as a whole number; row not imported",
    "group_over": "larger than the number of all residents",
    "check_counts_hint": "check the numbers; row not imported",
    "groups_over": "under 18 and 65+ together are more than all residents",
    "no_residents": "no residents figure for district '{district}'",
    "total": "Sum of residents {total:,} differs{allowed} from the official total {expected:,}",
    "total_tolerance": " by more than {pct:.0f} %",
    "total_hint": "check the numbers or settings.toml [city] population_total",
    "area_of_use": "{name}: lon {west:g} to {east:g}, lat {south:g} to {north:g}",
    "centre": "centre of the districts: lat {lat:.4f}, lon {lon:.4f}",
    "metric_crs_hint": "enter a projected system in metres for the city, e.g. {crs} "
    "(the city's UTM zone)",
    "metric_crs_outside": "the city lies outside the area of use of {crs} "
    "({area}; {where}); areas and distances may be wrong",
    "metric_crs_undefined": "{crs} is not defined at the city ({where}); areas and "
    "distances cannot be calculated",
    "metric_crs_scale": "{crs} is not true to scale at the city: areas ×{areal}, "
    "distances {distances} ({where}); coverage, area shares and radii are distorted "
    "accordingly",
    "scale_range": "×{low} to ×{high}",
    "map_center": "The map's start view is not at the districts",
    "map_center_hint": "enter the centre of the city, e.g. center_lat = {lat:.4f}, "
    "center_lon = {lon:.4f}",
    "vertex_range": "Vertex outside the valid range (lon −180 to 180, lat −90 to 90)",
    "vertex_range_hint": "correct the coordinate in QGIS (typo? wrong coordinate system "
    "given for the file?)",
    "vertex_transform": "Vertex cannot be converted to {crs}",
    "vertex_transform_hint": "correct the coordinate in QGIS or check settings.toml [city] "
    "metric_crs",
    "vertex_far": "Vertex far outside the area of use of {crs} ({area}), in which the city lies",
    "vertex_far_hint": "correct the coordinate in QGIS (typo?)",
}
NEED_PROBLEMS = {
    "district_column_hint": "add a district_id column (ID or name of the district); {present}",
    "status_column_hint": "add a data_status column: official, estimated or synthetic",
    "duplicate_indicator": "Indicator column '{name}' appears twice; the later one is not used",
    "no_indicator": "no indicator column found",
    "no_indicator_hint": "add at least one column with numbers, e.g. sgb2_share_pct",
    "not_numeric": "Column contains no numbers; not used as an indicator",
    "not_numeric_hint": "name text columns 'notes' or 'source'",
    "number_hint": "enter a decimal number such as 12.5 or 12,5",
    "not_finite": "not a finite number",
    "too_big": "Number too large (absolute value must be below 10^15)",
    "percent": "Percentage outside 0 to 100",
    "percent_hint": "enter the share in per cent (the column name ends in _pct)",
    "value_empty": "; value left empty",
    "no_values": "no need values for district '{district}'",
}
CENSUS_PROBLEMS = {
    # 'Bevölkerungszahl in Gitterzellen' is the name of the Zensus 2022 download
    "residents_hint": "use the Census 2022 (Zensus) file 'Bevölkerungszahl in Gitterzellen' "
    "(population in grid cells); {present}",
    "no_location_columns": "no columns for the location of the cells",
    "no_location_columns_hint": "add GITTER_ID_100m or x_mp_100m and y_mp_100m (EPSG:3035)",
    "outside": "Location of the cell outside the area of use of EPSG:3035 (Europe)",
    "outside_hint": "give the centre in EPSG:3035 metres (x between {x0:,.0f} and "
    "{x1:,.0f}, y between {y0:,.0f} and {y1:,.0f}); row not imported",
    "outside_more": "cells outside Europe",
    "unlocated": "Location of the cell not readable",
    "unlocated_hint": "give GITTER_ID like CRS3035RES100mN3267000E4230000 or x_mp/y_mp in "
    "EPSG:3035; row not imported",
    "unlocated_more": "cells without a readable location",
    "cell_unknown": "; cell imported as 'residents unknown'",
    "too_big": "Residents count too large (at most {max:,} per cell)",
    "too_big_more": "residents counts that are too large",
    "invalid": "Residents count is not a whole number ≥ 0",
    "invalid_hint": "enter a whole number or a suppression symbol such as '–'",
    "invalid_more": "unreadable residents counts",
    "missing": "Residents count missing",
    "missing_hint": "enter a number or a suppression symbol",
    "suppressed": "{n} cell(s) with a suppressed residents count ({symbols}): counted as "
    "'unknown', not as 0",
    "suppressed_rows": "rows {rows}",
    "suppressed_hint": "nothing to do; the shares of residents within reach are based on the "
    "cells with a known count",
    "age_invalid": "Age group count is not a whole number ≥ 0",
    "age_invalid_hint": "enter a whole number or a suppression symbol; imported as 'unknown'",
    "duplicate": "Duplicate cell (same centre as an earlier row)",
    "duplicate_hint": "list each cell only once; row not imported",
    "duplicate_more": "duplicate cells",
    "more": "{total} {what} in total; only the first {n} are listed individually",
    "not_found_hint": "check the path to the census grid",
    "unreadable": "File not readable: {error}",
    "not_csv": "File cannot be read as CSV: {error}",
    "not_csv_hint": "save as CSV with a semicolon as the delimiter",
}
JOIN_PROBLEMS = {
    "outside": "Place lies outside the city ({distance:,.0f} m from the nearest district)",
    "outside_hint": "check the coordinates (swapped? wrong system?); the place is not "
    "assigned to any district",
    "nearest": "Place lies in no district area; assigned to the nearest district '{name}' "
    "({distance:.0f} m, tolerance {tolerance:.0f} m)",
    "mismatch": "Source gives '{stated}', the coordinates lie in '{name}'",
    "mismatch_hint": "check the coordinates or the district given (to be expected with "
    "estimated coordinates or schematic boundaries)",
}
PROBLEM_TEXTS = {
    # How quartiersatlas.problems.Problem.format words a problem line.
    "value": " (value: {value!r})",
    "hint": " – {hint}",
    "warning": "Warning: {text}",
}


# --- Errors of the core functions (raised for callers, shown by the app and the CLI) ---

CORE_ERRORS = {
    "unknown_attribute": "Unknown feature '{attr}'; allowed: {allowed}.",
    "geographic_crs": "'{crs}' is geographic; give a metric system.",
    "no_crs": "Layer has no coordinate reference system; call set_crs() first.",
    "crs_mismatch": "Districts and places are in different CRS; align both with to_crs().",
    "not_joined": "Places without a 'district_id' column: first assign them to the districts "
    "with quartiersatlas.dataset.join_places.",
    "radius": "Radius must be a number ≥ 0 (metres), is {radius!r}.",
    "districts_geographic": "Districts are in geographic coordinates (degrees); for areas "
    "and distances first convert them with to_crs() to a metric system (e.g. EPSG:25832).",
    "coordinates_shape": "Coordinates must be an array of shape (n, 2).",
    "no_figure": "The map is not embedded in an HTML page (branca Figure).",
    # {saved} / {expected}: a version, or "deleted" / "new"
    "agenda_conflict": "{file}: has been saved elsewhere in the meantime (saved version: "
    "{saved}; version being edited: {expected}).",
    "agenda_deleted": "deleted",
    "agenda_new": "new",
}


# --- Settings (quartiersatlas.settings: SettingsError) and loading a data folder ---------

SETTINGS_ERRORS = {
    "store_both": "{where}: file and url name two inventory databases; expected: one "
    "(file: a GeoPackage file in the data folder, url: a PostgreSQL database).",
    "store_url": "{where}: {value} is not a PostgreSQL address; expected: "
    "postgresql://[user@]host[:port]/database.",
    # how a value is shown in a message (as it would be written in TOML)
    "table_value": "{{…}} (a table)",
    "date_value": "{value} (a date)",
    "not_table": "{where}: '{name}' must be a table (section [{name}] with keys), "
    "but is {name} = {value}.",
    "wrong_value": "{where}: '{key}' must be {expected}, but is {value}.",
    "missing_key": "{where}: key '{key}' is missing – please add it to settings.toml.",
    # {expected} of "wrong_value"
    "text_nonempty": "a text in quotation marks (1 to {max_len} characters)",
    "text": "a text in quotation marks (at most {max_len} characters)",
    "number": "a number",
    "whole_number": "a whole number",
    "number_range": "{kind} from {low:g} to {high:g}{unit}",
    "number_range_open": "{kind} greater than {low:g} and at most {high:g}{unit}",
    "integer_range": "a whole number from {low} to {high:,}{unit}",
    "texts": 'a list of texts (1 to {max_len} characters each), e.g. ["…", "…"]',
    "choices": 'a list from {allowed} (at least one, e.g. ["active"])',
    # {unit} of a number range, with an example value
    "unit_metres": " (metres), e.g. {example}",
    "unit_degrees": " (degrees, WGS84), e.g. {example}",
    "unknown_choice": "{where}: {key} {value} unknown – allowed: {allowed}.",
    "unknown_crs": "{where}: {value} is not a known coordinate reference system "
    "(expected e.g. 'EPSG:25832').",
    "geographic_crs": "{where}: metric_crs '{value}' is geographic (degrees); areas and "
    "distances need a projected system in metres, e.g. EPSG:25832.",
    "not_metric_crs": "{where}: metric_crs '{value}' is not a projected system in metres "
    "(unit: {units}); areas and distances need one in metres, "
    "e.g. EPSG:25832 (the city's UTM zone).",
    "unknown_unit": "unknown",
    "invalid_path": "{where}: {key} = {value} is not a valid path ({error}) – give the path "
    'relative to the data folder, e.g. "places.csv".',
    "path_is_folder": "{where}: {key} = {value} names the data folder itself, not a file – "
    'give the file name relative to the data folder, e.g. "places.csv".',
    "path_outside": "{where}: {key} = {value} lies outside the data folder {folder} – put the "
    'file in the data folder and give the path relative to it (e.g. "places.csv" or '
    "\"geo/stadtteile.geojson\"); paths with '..' or links pointing outside are not "
    "allowed.",
    "no_folder": "Data folder '{folder}' does not exist – check the path (--data or "
    "environment variable {env}).",
    "no_settings": "{file}: settings file missing – copy data/settings.toml from "
    "Quartiersatlas into the data folder and adapt it.",
    "not_toml": "{file}: not a valid TOML file ({error}).",
    "unreadable": "{file}: file not readable ({error}).",
    "no_kinds": "{where}: no kinds of places defined – add [[kinds]] entries.",
    "kinds_not_list": "{where}: 'kinds' must be a list of tables ([[kinds]] entries "
    "with id, label, color, symbol), but is kinds = {value}.",
    # one [[kinds]] entry, in messages and in the list of unknown keys
    "kind_where": "{where} [[kinds]] no. {n}",
    "kind_key": "[[kinds]] no. {n} {key}",
    "kind_not_table": "{where}: must be a table ([[kinds]] with id, label, color, "
    "symbol), but is {value}.",
    "kind_id": "{where}: id {value} may only contain lower-case letters, digits and _.",
    "kind_duplicate": "{where}: id '{id}' is a duplicate.",
    "kind_color": "{where}: color {value} is not a colour like '#D55E00'.",
    "agenda_file": "{where}: agenda = {value} – the agenda needs a file of its own with "
    "the extension .toml (not settings.toml and none of the data files), e.g. agenda = "
    '"agenda.toml"; the "Presentation" page overwrites this file when saving.',
}
DATASET_PROBLEMS = {
    # quartiersatlas.dataset; the district layer given as a table reuses
    # READER_PROBLEMS["districts_table"] and its hint, followed by "districts_table_more"
    "districts_table_more": "; tables such as places or residents belong in the other "
    "entries of [files]",
    "unusable_layer": "District layer not usable: file contains no readable areas",
    "unusable_layer_hint": "open the file in QGIS and check (Vector › Check Geometries) "
    "whether it contains areas (polygons) with a coordinate system; save it again as "
    "GeoPackage or GeoJSON. The value shows the technical message",
    "no_area_left": "no usable area left",
    "no_area_left_hint": "correct the areas listed above",
    "optional_missing": "optional file not present; continuing {without}",
    "optional_missing_hint": "create the file, or change or remove the entry in settings.toml "
    "[files] {key}",
    "without_teams": "without district teams",
    "without_networks": "without networks",
    "without_need": "without need indicators",
    "without_grid": "without population grid (residents spread evenly over the area)",
    "without_file": "without this file",
    "unknown_key": "Unknown key; not used",
    "unknown_key_hint": "check the spelling; known in {section}: {keys} (README, section Settings)",
    "unknown_section_hint": "check the spelling; known sections: {sections} (README, "
    "section Settings)",
    # a metric CRS not defined where the districts are (a SettingsError)
    "metric_crs_error": "{file} {column}: {message} – {hint}.",
}


# --- Command line (python -m quartiersatlas) --------------------------------------------

CLI_METAVARS: dict[str, str] = {
    # Placeholders of the command-line options in `--help` (argparse metavars).
    "command": "COMMAND",
    "crs": "CRS",
    "file": "FILE",
    "store": "FILE|URL",
    "geojson_file": "FILE.geojson",
    "network_file": "FILE.npz",
    "osm_file": "FILE.osm.pbf",
    "pdf_file": "FILE.pdf",
    "layer": "LAYER",
    "field": "FIELD",
    "kinds": "K1,K2",
    "list": "LIST",
    "requirements": "R1,R2",
    "metres": "METRES",
    "minutes": "MINUTES",
    "who": "WHO",
    "text": "TEXT",
    "date": "DATE",
    "id": "ID",
    "count": "N",
    "name": "NAME",
    "folder": "FOLDER",
    "percent": "PERCENT",
    "statuses": "S1,S2",
    "step": "STEP",
    "column": "COLUMN",
    "per_1000": "Y",
    "need_value": "Z",
}

CLI_TEXTS = {
    "lang_help": "Language of the output and the help: de (German), en (English), ls (Leichte "
    "Sprache, easy German; German where it has none). Default: $QUARTIERSATLAS_LANG or de",
    "lang_unknown": "Unknown language in --lang or $QUARTIERSATLAS_LANG; known: {known}",
    "error": "{prog}: error: {message}",
    "description": "Quartiersatlas: check data, assign places to districts, calculate "
    "coverage and gaps, reports as PDF.",
    "epilog": "Exit codes: 0 = no errors, 1 = problems found in the data, 2 = usage "
    "or settings error.",
    "check_help": "check a data folder (settings, districts, places, teams, networks, "
    "residents, need, census grid, agenda)",
    "check_description": "Checks settings.toml and all files it names in a data folder and "
    "lists every problem as FILE:ROW: COLUMN: message (for settings.toml: "
    "FILE: [SECTION] KEY: message).",
    "data_help": "data folder (default: $QUARTIERSATLAS_DATA or data/)",
    "data_folder_help": "data folder: its settings.toml provides files and defaults; "
    "{options} replace individual files",
    "join_file_options": "--districts and --places",
    "strict_help": "warnings also lead to exit code 1",
    "quiet_help": "do not print a summary",
    "join_help": "assign places to districts",
    "join_description": "Prints one row per place with id,name,district,join_status "
    "(join_status: inside, nearest, outside, no_coordinates). Problems go to stderr.",
    "name_field_help": "attribute with the district name",
    "name_field_default": " (default: name/stadtteil/...)",
    "layer_help": "layer in a GeoPackage file",
    "format_help": "output format (default: {default})",
    "crs_help": "CRS of the places' x/y columns",
    "crs_default": " (default: settings.toml, EPSG:25832)",
    "tolerance_help": "tolerance for 'nearest'",
    "tolerance_default": " in metres (default: settings.toml, 50)",
    "output_help": "write to a file instead of stdout",
    "radius_help": "radius R in metres",
    "unusable_districts": "{n} problem(s); district layer not usable.",
    "data_folder": "Data folder: {folder}",
    "summary_districts": "{n} districts",
    "summary_schematic": " (schematic)",
    "summary_rest": ", {places} places, {teams} district teams, {networks} networks, "
    "residents for {population} districts",
    "summary_join": "Assignment: {counts}",
    "summary_kinds": "Places per kind: {counts}",
    "summary_without": "Districts without a place: {names}",
    "summary_problems": "{errors} error(s), {warnings} warning(s).",
    "missing_files": "missing {options} (or --data FOLDER, whose settings.toml names the files)",
    # values on the command line (cli_coverage, cli_report)
    "not_metres": "'{text}' is not a number (metres)",
    "negative_radius": "radius must be ≥ 0, is {text}",
    "percent": "percentage must be between 0 and 100: {text}",
    "not_a_number": "'{text}' is not a number",
    # cli_common
    "status_help": "status of the places that count (default: active; allowed: {allowed})",
    "require_help": "features required for accessible coverage: {allowed}",
    "file_districts": "district areas (GeoJSON, GeoPackage, Shapefile, also .zip)",
    "file_places": "places (CSV, XLSX, GeoJSON points)",
    "file_population": "residents per district (CSV)",
    # GITTER_ID_100m … Einwohner are the column names of the Zensus 2022 file
    "file_grid": "Census 2022 (Zensus) grid (100 m; CSV with GITTER_ID_100m;x_mp_100m;"
    "y_mp_100m;Einwohner): residents within reach by grid cell instead of spread evenly",
    "file_teams": "district teams (CSV)",
    "file_networks": "networks (CSV)",
    "file_need": "need indicators per district (CSV)",
    "file_default": "{text} (default: [files] {key} in the settings.toml of --data)",
    "and": " and ",
    "missing_required": "{options} missing: give the file or use --data FOLDER (with "
    "settings.toml)",
    "settings": "Settings: {error}",
    "file_error": "File: {error}",
    "unexpected": "{prog}: unexpected error while processing the data ({text}). Please check "
    "the most recently changed file and report the error with this message; with {env}=1 "
    "the technical traceback is printed.",
}
CLI_COVERAGE_HELP = {
    "help": "coverage and gaps per district (radius R around the chosen places)",
    "description": "Per district: places, places per 1,000 residents, share of the area and "
    "of the residents within R metres (straight line) of at least one chosen place, "
    "district team, active networks and gap criteria with reasons. Shares as "
    "fractions 0..1; null where they cannot be calculated. Problems in the data go to "
    "stderr.",
    "epilog": "Exit codes: 0 = no errors, 1 = problems in the data (the table is still "
    "printed), 2 = usage or settings error.",
    "kinds": "only these kinds of places (IDs; default: all)",
    "group": "target group for places per 1,000 residents (default: all)",
    "criteria": "gap criteria, comma-separated, from {criteria} (default: {default}; 'none' "
    "for none)",
    "coverage_below": "criterion coverage: coverage below this value (default: 50)",
    "coverage_measure": "criterion coverage by area or by residents (default: area)",
    "per_1000_below": "criterion per_1000: fewer places per 1,000 residents (default: 0.5)",
    "need_column": "criterion need: indicator (default: the first)",
    "need_above": "criterion need: threshold",
    "uncovered_out": "write the areas not covered per district as GeoJSON (WGS84)",
    "add_places": "add hypothetical places (a file in the schema of the places file) to the "
    "places: the coverage as it would be with them; they never become part of the inventory",
    "add_places_taken": "The ID “{id}” already exists in the places file; a "
    "hypothetical place needs an ID of its own.",
    "workers": "threads (default: {n})",
    "file_options": "the file options",
    "unknown_criteria": "unknown criteria: {criteria}; allowed: {allowed}",
    "need_without_above": "criterion need requires --need-above Z",
    "need_without_file": "criterion need requires --need FILE",
    "need_column_unknown": "indicator '{column}' not in the need file; available: {available}",
}
CLI_REPORT_HELP = {
    "help": "PDF: district profile (--district) or city overview (--overview)",
    "description": "Writes a district profile or a city overview as PDF (A4, map without "
    "basemap, key figures, tables, gap ranking with reasons, data sources and date of the "
    "data).",
    "epilog": "Exit codes: 0 = written, 1 = written, but errors in the data (or district "
    "layer unusable), 2 = usage or settings error. Example: python -m "
    "quartiersatlas report --district Kreyenbrück --out kb.pdf",
    "district": "district (name or ID, not case-sensitive)",
    "overview": "city overview instead of district profile",
    "out": "output file",
    "radius_default": " (default: settings.toml [coverage] default_radius_m)",
    "kinds": "only these kinds of places (ID or label; default: all)",
}

# --- Accessibility statement and help (pages/barrierefreiheit.py, pages/hilfe.py) -------
STATEMENT_TEXTS = {
    "title": "Accessibility statement",
    # when the statement was last checked against the dashboard (with its audit)
    "checked_on": "6 December 2026",
    "intro": "Quartiersatlas is meant to be usable by everyone – including with a screen reader, "
    "with the keyboard alone, with magnification or with colour vision deficiency. This "
    "statement applies to Quartiersatlas {city}.",
    "status_title": "Compliance status",
    "status": "The dashboard is **partially** compliant with the requirements of WCAG 2.1, "
    "level AA (and therefore with BITV 2.0). The parts listed below are not yet accessible.",
    "checked_title": "How we check",
    "done_title": "What already works",
    "limits_title": "What is not yet accessible",
    "feedback_title": "Feedback and contact",
    "feedback": "Have you noticed something that is not accessible, or do you need content in "
    "a different format? Write to us:",
    "contact": "Contact: {contact}",
    "email": "Email: {email}",
    "no_contact": "No contact point has been entered for this dashboard yet. "
    "(For the council: in `settings.toml`, under `[accessibility]`, enter the responsible "
    "office as `contact` and its address as `email` – an office or role, not a person's "
    "name.)",
    "enforcement_title": "Enforcement procedure",
    "enforcement": "If you do not receive a satisfactory answer to your feedback, you can "
    "contact: {enforcement}",
    "no_enforcement": "The body responsible for the enforcement procedure has not yet been "
    "entered for this dashboard (`settings.toml`, `[accessibility] enforcement`).",
    "date": "This statement was prepared on {date} and checked against the dashboard.",
}
STATEMENT_POINTS = {
    "checked": [
        (
            "With every change, an automated test checks every page, the map and the "
            "presentation mode with axe-core against the rules of WCAG 2.0 and 2.1 (A and AA): "
            "it finds no serious or critical issues."
        ),
        (
            "A test calculates that outlines on the map have a contrast of at least 3:1 against "
            "every fill colour, and that the colour classes stay distinguishable and in order "
            "even with red or green colour vision deficiency (simulation)."
        ),
        "A review by people with disabilities and with screen readers is still to come.",
    ],
    "done": [
        (
            'Every page has its own title; the page language is set to English (lang="en"), '
            "in German to German. Choose the language at the top of the sidebar (‘Language · "
            "Sprache’: Deutsch, English, Leichte Sprache) or in the link (?lang=en, ?lang=ls)."
        ),
        (
            "Every map is named for screen readers. Below the map on the ‘Map’ page, what it "
            "shows is written out in words; the same figures are also on every page as a table."
        ),
        ("Every chart is described for screen readers; its values are in the table next to it."),
        (
            "Every place on the map has a name (name and kind); colour is never the only "
            "feature: kinds have their own shapes, teams and networks their own lines and "
            "letters."
        ),
        (
            "You can choose a district on the map with the keyboard too (Tab, then Enter or "
            "Space) or with the selection list next to the map; the link ‘Skip to the district "
            "selection next to the map’ above the map takes you there without going through the "
            "map."
        ),
        (
            "The maps on the ‘Map’ and ‘District’ pages and the map of white spots on ‘Coverage "
            "& gaps’ are also written out in words below them (‘The map in words’)."
        ),
        "The presentation mode can be operated with the arrow keys and shows large text.",
        "Every table is named for screen readers after the heading above it.",
        (
            "At 200 % magnification the sidebar starts closed; it can be opened and closed with "
            "the keyboard."
        ),
    ],
    "limits": [
        (
            "The maps on the ‘Planning’ and ‘Changes’ pages have no section of their own called "
            "‘The map in words’; what they show is in the sentences above the map "
            "(Planning: before and after) and in the list of changes."
        ),
        (
            "The sortable tables are drawn (not made of text); screen readers can read them only "
            "in part. The tables can be downloaded as CSV and Excel files."
        ),
        (
            "Easy Read (Leichte Sprache) covers the Overview, the ‘District’ page and the "
            "presentation; the other pages are then in German. Some controls of the underlying "
            "framework, Streamlit (opening and closing the sidebar, ‘Skip to content’), are "
            "labelled in English for screen readers in every language."
        ),
        "The PDF reports are not tagged for screen readers (not PDF/UA).",
        (
            "The dashboard sets the page language only after loading (the underlying framework, "
            "Streamlit, first reports English)."
        ),
    ],
}
HELP_TEXTS = {
    "title": "Help",
    "intro": "Quartiersatlas shows where in {city} there are Places for All, district teams, "
    "networks and other provision – and where they are missing.",
    "pages_title": "The pages",
    "links_title": "Links and meetings",
    "keyboard_title": "Using the keyboard",
    "data_title": "Where the data comes from",
    "data": "What is estimated, schematic or synthetic is stated on every page in the "
    "‘Data status’ notice. Sources and licences are in the Excel files (sheet "
    "‘Sources’) and in the PDF reports.",
    "statement": "Go to the accessibility statement",
}
HELP_POINTS = {
    "pages": [
        "**Overview:** the city's key figures and a map of the districts.",
        (
            "**Map:** all places on the map; on the left you filter by kind, status, "
            "accessibility and target group. Clicking a district – or using the "
            "selection list next to the map – shows its figures."
        ),
        (
            "**Coverage & gaps:** which districts have no provision within reach, by the "
            "criteria you choose, with a ranking and white spots."
        ),
        "**District:** the district profile of one district, also as a PDF.",
        (
            "**Planning:** imagined new or moved places compared with the inventory, and "
            "suggestions for where one more place would reach the most people."
        ),
        "**Presentation:** a sequence of views for a meeting (agenda).",
        (
            "**Data check:** every problem in the data files, with file, row and column; "
            "the data quality of each district and what needs doing."
        ),
        (
            "**Changes:** what has changed in the inventory since a given day (default: since "
            "the agenda was saved), as a list, on the map and as coverage "
            "then and now."
        ),
        (
            "**Maintain data:** with an account, change, add, end and restore places, district "
            "teams and networks; every change is recorded in the history with account, time and "
            "reason, and can be undone. If someone else has changed the same entry "
            "in the meantime, the page shows both versions instead of overwriting."
        ),
    ],
    "links": [
        (
            "Every view has a link (at the bottom of the sidebar): anyone who opens it sees "
            "the same selection."
        ),
        (
            "The presentation mode (switch in the sidebar) shows large text without "
            "controls. Use the arrow keys or Page Up/Page Down to move through the "
            "agenda."
        ),
    ],
    "keyboard": [
        "Tab and Shift+Tab move from control to control; Space or Enter selects.",
        "On the map, the arrow keys move the view, + and − zoom.",
    ],
}

# --- The map in words (quartiersatlas.mapwords; below the map on the Map page) ----------
# {radius} comes from NETWORK_TEXTS radius_* ("500 m", "500 m on foot", ...);
# {group} from TARGET_GROUP_RESIDENTS ("residents", "residents aged 65+", ...).
MAP_WORDS_TEXTS = {
    "title": "The map in words",
    "no_places": "No {provision} matching the selection is counted on the map.",
    "places": "Counted places with a district: {places}, in {with_place} of {districts} districts.",
    "place": "place",
    "places_word": "places",
    "district_one": "district",
    "district_many": "districts",
    "without": "Without a counted place ({n}): {names}.",
    "and_more": "{names} and {n} more",
    "residents": "{pct} of {group} ({covered} of {total}) live within {radius} of a counted place.",
    "groups": "There is an active district team in {teams} and an active network in "
    "{networks} of {total} districts.",
    "district": "{name}: {figures}.",
    "district_residents": "{pct} of {group} within {radius}",
    "district_area": "{pct} of the area within reach",
    "district_groups": "active district teams {teams}, active networks {networks}",
    "district_places": "{places}",  # "2 places"
    "figures_join": "; ",  # between the figures of one district
    "frame_title": "Interactive map of the districts. The same figures are given in words and "
    "as tables below the map.",
    "no_uncovered": "No white spots: every point in the districts lies within {radius} of "
    "a counted place.",
    "uncovered": "There are white spots (farther than {radius} from every counted place) in "
    "{n} of {total}, {area} km² in all.",
    "districts_dative_one": "district",  # "in 1 of 1 district"
    "districts_dative_many": "districts",  # "in 3 of 31 districts"
    "uncovered_residents": "An estimated {residents} {group} live there.",
    "uncovered_item": "{name} ({area} km², {pct} of the area)",
    "uncovered_largest": "The largest: {items}.",
}

APP_TEXTS = {
    "name": "Quartiersatlas",
    "tagline": "Quartiersatlas – making inclusive neighbourhoods visible",
    "page_title": "{page} – Quartiersatlas",  # the browser tab, read first by screen readers
    "language": "Language · Sprache",
    "language_help": "Deutsch, English or Leichte Sprache (easy German). Leichte Sprache "
    "covers the Overview, District and Presentation pages; other pages are then shown in "
    "German. The link to this view includes the language.",
}


# --- Meeting slides and live figures in agenda texts (quartiersatlas.placeholders, -------
# --- ui/presentation.py, pages/praesentation.py; owned by the meeting-mode work) ---------
# The keys are the placeholder names users type ({{stadtteile_ohne_team}}): they stay German.
PLACEHOLDER_LABELS = {
    "stadtteile": "Districts",
    "stadtteile_mit_ort": "Districts with a place",
    "stadtteile_ohne_ort": "Districts without a place",
    "stadtteile_mit_team": "Districts with a district team",
    "stadtteile_ohne_team": "Districts without a district team",
    "stadtteile_ohne_netzwerk": "Districts without a network",
    "stadtteile_alle_kriterien": "Districts that meet all criteria",
    "orte": "Places (counted)",
    "umkreis": "Radius",
    "einwohner": "Residents",
    "einwohner_im_umkreis": "Residents within reach of a place",
    "einwohner_ohne_angebot": "Residents without a place within reach",
    "anteil_einwohner_im_umkreis": "Share of residents within reach",
    "anteil_flaeche_im_umkreis": "Share of the area within reach",
    "stadtteil": "District",
    "stadtteil_einwohner": "Residents in the district",
    "stadtteil_orte": "Places in the district",
    "stadtteil_einwohner_ohne_angebot": "Residents in the district without a place within reach",
    "stadtteil_anteil_flaeche_im_umkreis": "Share of the district's area within reach",
}
PLACEHOLDER_TEXTS = {
    "unknown": "Unknown placeholder {token}. Known placeholders: {known}.",
    "unavailable": "The placeholder {token} has no value in this view (district figures "
    "exist only with a district chosen, resident figures only with resident data, "
    "‘all criteria’ only with gap criteria chosen).",
    "malformed": "Curly bracket without a valid placeholder: {token}. Write placeholders "
    "as {{name}} (lower-case letters, digits, _); otherwise the text stays as "
    "it is.",
    "missing": "–",
}
AGENDA_FIGURE_TEXTS = {
    "help_title": "Placeholders for current figures",
    "help_intro": "The title and key message may contain figures of the view as placeholders, "
    "e.g. ‘{{stadtteile_ohne_team}} of {{stadtteile}} districts have no team’. In "
    "the presentation and in the handout, the current figure of this view appears there "
    "(same selection as on its page).",
    "col_name": "Placeholder",
    "col_meaning": "Meaning",
    "preview": "With current figures: **{title}** – {message}",
    "problems": "Placeholders in view {n}: {problems}",
    "stale": "View {n}: this message was written for different data: {changes}. "
    "Please check the title and key message.",
    "change": "{label} then {saved}, now {now}",
    "literal": " (written as a fixed number)",
    "literal_hint": "Tip: write placeholders such as {{stadtteile_ohne_team}} instead of fixed "
    "numbers; then the figure stays right with new data too.",
    "accept": "Checked: take over the current figures",
    "accept_help": "Remembers today's figures as the ones this message was written "
    "for (takes effect after saving).",
    "no_figures": "View {n}: the figures of this view cannot be calculated ({error}).",
}
SLIDE_TEXTS = {
    "errors": "Errors in the data",
    "warnings": "Warnings",
    "status": "Data status:",
    "evidence": "Evidence for the key message",
    "figures": "Key figures",
    "problems": "Placeholders not filled – please check on the ‘Presentation’ page.",
}


# --- Street network: walking and wheelchair reach (issue 12; quartiersatlas.network*,
# --- cli_network, the network options of coverage) ---------------------------------------
# File names in examples (geo/stadtteile.geojson, netz.npz) stay as they are; CITY.osm.pbf
# is a stand-in for the user's own extract.

NETWORK_TEXTS = {
    # prepared-network file (quartiersatlas.network_io)
    "file_missing": "Network file not found (expected: an .npz file created with 'python -m "
    "quartiersatlas network prepare')",
    "file_not_network": "not a Quartiersatlas network file (expected: .npz with node_xy, "
    "edge_u, edge_v, edge_flags; found: {found})",
    "file_unreadable": "Network file cannot be read or is damaged ({error})",
    "file_version": "Network file has version {version}, version {expected} is expected",
    "file_inconsistent": "Network file contradicts itself (edges refer to missing nodes or "
    "coordinates are not finite numbers)",
    "file_crs": "Network file names no projected coordinate system in metres ({crs})",
    "file_hint": "Create the network again: python -m quartiersatlas network prepare --osm "
    "CITY.osm.pbf --boundary geo/stadtteile.geojson --out netz.npz",
    # the OSM extract (quartiersatlas.network_osm)
    "osm_missing": "OSM extract not found (expected: an .osm.pbf file)",
    "osm_missing_hint": "check the path; get an extract of the city as .osm.pbf (e.g. a "
    "regional extract, cut to the city)",
    "osm_unreadable": "File is not a readable OpenStreetMap extract ({error})",
    "osm_unreadable_hint": "give an .osm.pbf file (OpenStreetMap binary format); the file "
    "is damaged or in another format",
    "osm_no_ways": "Extract contains no walkable ways ({ways} ways with a highway tag, "
    "none of them usable on foot)",
    "osm_no_ways_hint": "give an extract with the city's streets and paths",
    "osm_no_overlap": "Extract does not cover the districts (no walkable way within "
    "{margin} m of the boundary)",
    "osm_no_overlap_hint": "give an extract of the same city or the right boundary file "
    "(--boundary)",
    "osm_crs": "Coordinate system '{crs}' is not projected; give a metric system (e.g. EPSG:25832)",
    "boundary_unusable": "Boundary file contains no usable areas",
    # the analysis (quartiersatlas.analysis, network_coverage)
    "no_network": "The distance '{mode}' needs a path network. It is created once from "
    "an OpenStreetMap extract of the city: python -m quartiersatlas network prepare "
    "--osm CITY.osm.pbf --boundary geo/stadtteile.geojson --out netz.npz, then enter "
    'it in settings.toml as [network] file = "netz.npz".',
    "unknown_mode": "Unknown distance '{mode}'; allowed: {allowed}.",
    "minutes": "Minutes must be a number ≥ 0, got {minutes!r}.",
    "no_overlap_analysis": "The path network ({source}) does not cover the districts: no "
    "network node near them. Create the network again with an extract of this city (python "
    "-m quartiersatlas network prepare).",
    # distance options; also used inside sentences ("Straight line vs Walking")
    "mode_straight": "Straight line",
    "mode_walk": "Walking",
    "mode_wheelchair": "Wheelchair",
    "radius_straight": "{radius} (straight line)",
    "radius_walk": "{radius} on foot",
    "radius_wheelchair": "{radius} by wheelchair",
    # the app (ui.selection, pages)
    "mode_help": "Straight line: direct distance from the place. Walking: along streets and "
    "paths (OpenStreetMap), around rivers, railway lines and major roads. Wheelchair: the "
    "same paths without steps, and only places with step-free access count.",
    "mode_unavailable": "Straight line only: no path network set up. For walking and "
    "wheelchair, create one once from an OpenStreetMap extract of the city (.osm.pbf, e.g. a "
    "regional extract): python -m quartiersatlas network prepare --osm CITY.osm.pbf "
    "--boundary geo/stadtteile.geojson --out netz.npz, then enter it in settings.toml as "
    '[network] file = "netz.npz".',
    "network_unreadable": "The path network cannot be read, so straight line only: {problem}",
    "network_mismatch": "The path network does not match the districts, so straight line "
    "only: {problem}",
    "fallback": "Distance ‘{mode}’ is not possible; showing straight line instead: {reason}",
    "radius_equals": "{radius} ≈ {minutes} min at {speed} km/h",
    "method_network": "Distance along paths: places and cell centres are connected to the "
    "nearest node of the path network by a straight link; shortest paths from all chosen "
    "places at once (Dijkstra, up to R). A cell counts as reached if link + path + link "
    "is at most R; a path is never shorter than the straight line. Area within reach: "
    "100 m squares whose centre is reached, inside the straight-line R.",
    "bands_layer_walk": "Walk to the nearest place",
    "bands_layer_wheelchair": "Wheelchair to the nearest step-free place",
    "bands_title": "{layer} (at {speed} km/h)",
    "band_row": "≤ {minutes} min",
    "band_residents": "{residents} residents",
    "bands_beyond": "no colour: farther or not reachable",
    "bands_no_grid": "The walking-time layer needs the resident grid ([files] grid in "
    "settings.toml); without a grid the map shows coverage only.",
    "compare_header": "Straight line vs {mode}",  # also an Excel sheet name: keep it short
    "compare_caption": "{group} within {radius}: measured in a straight line and along paths "
    "({mode}). Where the straight line counts more, it overstates how many people really "
    "reach the place at this distance.",
    "compare_nav": "Straight line and path",
    "compare_district": "District",
    "compare_straight": "{group} within reach, straight line",
    "compare_network": "{group} within reach, {mode}",
    "compare_over": "overcounted by the straight line",
    "compare_factor": "Factor straight line / {mode}",
    "compare_city": "Whole city, {group} within reach: straight line {straight}, {mode} "
    "{network} (factor {factor}).",
    "note_walk": "Radius = {radius} on foot along the street and path network "
    "(OpenStreetMap, {source}; without motorways, roads for motor vehicles without a pavement, "
    "and ways with foot=no or access=private). Places and cell centres are connected to the "
    "nearest network node by a straight link; area from 100 m cells whose centre is reached.",
    "note_wheelchair": "Radius = {radius} by wheelchair along the path network "
    "(OpenStreetMap, {source}; without steps, wheelchair=no, high kerbs, slopes over "
    "6 % and loose surfaces, where recorded; anything not recorded counts as passable). Only "
    "places with step-free access (step_free = yes) count; area from 100 m cells.",
    "note_excluded": "{places} without confirmed step-free access cover nothing in "
    "wheelchair mode.",
    "note_off_main": "{share} of the cells lie on parts of the network not connected to the "
    "main network and from there reach only places in the same part (network in pieces; "
    "check the extract).",
    "note_minutes": "{minutes} minutes at {speed} km/h = {radius}.",
    # python -m quartiersatlas network ...
    "cli_help": "Prepare a path network from an OpenStreetMap extract (for walking and wheelchair)",
    "cli_description": "Preparation of the path network for the walking and wheelchair distances.",
    "prepare_help": "read an OSM extract (.osm.pbf) and write a network file (.npz)",
    "prepare_description": "Reads an OpenStreetMap extract (.osm.pbf) once, keeps the "
    "walkable ways (profiles walk and wheelchair) and writes the prepared network file. "
    "No Java, no server, no download.",
    "prepare_epilog": "Exit codes: 0 = written; 1 = extract unusable or network in pieces "
    "(the file is still written in that case); 2 = usage error (file missing). Example: "
    "python -m quartiersatlas network prepare --osm oldenburg.osm.pbf --boundary "
    "data/geo/stadtteile.geojson --out data/netz.npz",
    "osm_option": "OpenStreetMap extract (.osm.pbf)",
    "boundary_option": "districts or city boundary (GeoJSON, GeoPackage, …): cut the network "
    "to this area plus a margin and check that the extract covers it",
    "out_option": "network file to write (.npz)",
    "crs_option": "metric coordinate system (default: UTM zone of the extract, e.g. EPSG:25832)",
    "margin_option": "margin around the boundary in metres (default: {default:g})",
    "out_suffix": "Network file must end in .npz: {out}",
    "summary_ways": "{walk} of {highway} ways walkable, {wheelchair} passable by "
    "wheelchair; {blocking} barrier points (kerb, gate, wheelchair=no)",
    "summary_graph": "{nodes} nodes, {edges} edges; walking {walk_km} km, wheelchair "
    "{wheelchair_km} km; coordinate system {crs}",
    "summary_pieces": "Profile {profile}: {components} connected pieces; {share} of "
    "{cells} 100 m cells do not reach the main network",
    "summary_written": "Network file written: {out} ({seconds} s)",
    "pieces_error": "{out}: path network in pieces: {share} of the 100 m cells do not reach "
    "the main network (profile walk) (allowed: at most {limit}). The file was still "
    "written. Check the extract: does it cut off part of the city, are bridges or paths "
    "missing?",
    "pieces_warning": "{out}: notice: {share} of the 100 m cells do not reach the main "
    "network (profile {profile}).",
    # python -m quartiersatlas coverage --network FILE --profile walk|wheelchair
    "network_option": "prepared network file (.npz, from 'network prepare'); default with "
    "--data: settings.toml [network] file",
    "profile_option": "distance along the network: walk (walking) or wheelchair "
    "(wheelchair; only places with step_free = yes); without it: straight line",
    "profile_without_network": "--profile {profile} needs a path network: --network FILE or "
    "[network] file in settings.toml of the data folder",
    "network_without_profile": "--network needs --profile walk or --profile wheelchair",
    # settings.toml [network] (a number range's {unit})
    "unit_kmh": " (km/h), e.g. {example}",
}

# Scenarios (quartiersatlas.scenario; issue 13): hypothetical places, never inventory.
SCENARIO_TEXTS = {
    "not_toml": "The scenario file is not valid TOML: {error}",
    "no_name": "The scenario has no name (key name).",
    "bad_list": "switched_off must be a list of IDs (text values).",
    "bad_table": "[[{key}]] must be a list of tables.",
    "bad_entry": "This [[{key}]] entry is incomplete (ID, lat and lon expected).",
    "no_coordinates": "Coordinates are missing or are not numbers (lat and lon in WGS84 expected).",
    "no_place_name": "The hypothetical place has no name.",
    "bad_slug": "“{slug}” is not the name of a scenario file.",
    "missing": "The scenario “{slug}” does not exist (any more) in the scenarios folder.",
    "unreadable": "The scenario file cannot be read: {error}",
    "source": "Hypothetical: scenario “{name}” (not in the inventory)",
    "unknown_id": "The place “{id}” does not exist (any more) in the inventory; "
    "the change has no effect.",
    "id_taken": "The ID “{id}” already belongs to a place in the inventory; "
    "a hypothetical place needs an ID of its own.",
    "gained": "{n} residents newly within {radius}.",
    "gained_older": "{n} residents, {older} of them aged 65+, newly within {radius}.",
    "lost": "{n} would no longer be within reach.",
    "lost_actual": "{n} are no longer within reach.",
    "gained_even": "{n} {group} within {radius} "
    "(estimated: residents spread evenly across the districts).",
    "group_change": "{group} within reach: {before} before, {after} after.",
    "group_change_actual": "{group} within reach: {before} then, {after} now.",
    "top_out": "{district} drops out of the top {n} gaps.",
    "top_in": "{district} enters the top {n} gaps.",
}
# the target group in a scenario's headline without a grid (SCENARIO_TEXTS gained_even)
SCENARIO_GROUP_WORDS = {
    "all": "residents",
    "under_18": "residents under 18",
    "65_plus": "residents aged 65+",
}

# Siting assistant (quartiersatlas.siting, candidates, cli_siting; issue 13): where the
# next places should go.
SITING_TEXTS = {
    # options (ValueError of the core; argparse messages of the command line)
    "bad_k": "k must be a whole number ≥ 1 (number of sites), is {k}",
    "bad_radius": "Radius must be a number > 0 (metres), is {radius}",
    "bad_group": "Unknown target group '{group}'; allowed: {allowed}.",
    "bad_limits": "Limits of the exact solution: count ≥ 0 and time limit > 0 seconds.",
    "no_group_column": "The population grid has no values for {group} (column {column}).",
    "no_step_free_column": "Only step-free sites requested, but the candidates have no "
    "step_free column: no candidate is eligible.",
    "no_step_free_column_hint": "add a step_free column (yes, no or unknown) or calculate "
    "without --require step_free",
    "none_step_free": "Only step-free sites requested, but no candidate has step_free = "
    "yes: no candidate is eligible.",
    # candidate file (quartiersatlas.candidates)
    "no_rows": "The candidate file has no row with data",
    "no_rows_hint": "enter one row per possible site, with lat and lon (or x and y)",
    "no_usable": "No candidate is usable (every row has an error, see above)",
    "no_usable_hint": "correct the rows listed",
    "ids_from_rows": "Column 'id' is missing: the row numbers are the candidates' IDs",
    "ids_from_rows_hint": "add an id column with fixed IDs",
    "no_coordinates": "No coordinates: candidate not included",
    "no_coordinates_hint": "enter lat and lon (WGS84) or x and y, or delete the row",
    "outside": "Point is not in any district: candidate not included",
    "outside_hint": "check the coordinates (swapped? different coordinate system?); only sites "
    "within the districts are eligible",
    "point": "lat={lat}, lon={lon}",
    "place_kept": "Place without location included",
    "candidate_dropped": "Candidate not included",
    # python -m quartiersatlas siting
    "cli_help": "Suggest sites: where would k new places reach the most residents not yet reached?",
    "cli_description": "Picks the k sites from the candidates that together reach the most "
    "residents of the target group within radius R (straight line) who are not yet reached by "
    "any existing place (population grid needed). Without --candidates, every centre of an "
    "inhabited grid cell is a candidate.",
    "cli_epilog": "Exit codes: 0 = no errors; 1 = problems in the data or the "
    "candidate file (skipped rows are listed on stderr); 2 = usage error (k, radius, "
    "no grid, file missing). Example: python -m quartiersatlas siting --candidates "
    "candidates.csv --k 3 --radius 500 --group 65_plus",
    "candidates_help": "possible sites (CSV, XLSX, GeoJSON points; lat/lon or x/y, "
    "optional id, name, step_free); without: every inhabited grid cell",
    "k_help": "number of new sites (≥ 1)",
    "radius_help": "radius R in metres (> 0): straight line, with --profile along the paths",
    "minutes_help": "instead of --radius: radius as a time in minutes (> 0) at the speed "
    "from settings.toml [network] (on foot 4.8 km/h, wheelchair 3.6 km/h if not set)",
    "bad_minutes": "Minutes must be a number > 0, are {minutes}",
    "group_help": "target group: all (all residents), under_18, 65_plus (default: all)",
    "require_help": "only candidates with step_free = yes; only the radius of existing "
    "places with step_free = yes counts as already reached",
    "no_grid": "Site suggestions need a population grid: [files] grid in "
    "settings.toml of the data folder or --grid FILE",
    "grid_without_group": "Grid without values for the target group {group}",
    "grid_without_group_hint": "add age columns (unter18, ab65) or use --group all",
    "note_line": "Notice: {note}",
    # notes of the result (sentences for every view)
    "place": "existing place",
    "places": "existing places",
    "note_reach": "Reached = centre of the 100 m grid cell at most {radius} in a straight line "
    "from the site; counted: {group}.",
    "note_reach_walk": "Reached = centre of the 100 m grid cell at most {radius} "
    "on foot along streets and paths from the site; counted: {group}.",
    "note_reach_wheelchair": "Reached = centre of the 100 m grid cell at most "
    "{radius} along paths usable by wheelchair from the site; "
    "counted: {group}.",
    "note_grid_candidates": "No candidate file: every centre of an inhabited "
    "grid cell is a candidate ({n} candidates).",
    "note_grid_step_free": "These imagined sites are treated as step-free (a new place "
    "is planned to be step-free).",
    "note_step_free": "Only step-free sites (step_free = yes) are eligible; only people who "
    "live within reach of an existing step-free place count as already reached.",
    "note_not_step_free": "{n} candidates without step_free = yes were not considered.",
    "note_not_located": "{n} candidates without a location were not considered.",
    "note_already": "Already within {radius} of {places}: {residents} {group}; "
    "they are not counted again.",
    "note_none_reaching": "No existing place counts as reaching anyone: all {group} are "
    "not yet reached.",
    "note_no_eligible": "No candidate is eligible: no site suggested.",
    "note_nobody_new": "No candidate reaches {group} who are not yet reached: no site suggested.",
    "note_exact": "Solved exactly (integer optimisation, HiGHS): no other choice of "
    "at most {k} candidates reaches more.",
    "note_greedy": "Chosen step by step (each time the site that adds the most), "
    "because {reason}; the best choice reaches at most {bound} {group}.",
    "note_greedy_optimal": "Chosen step by step because {reason}; the choice is nevertheless "
    "provably the best (upper bound of {bound} {group} reached).",
    "reason_size": "{n} candidates are left (excluding those that reach nobody new or "
    "only part of what another one reaches; exact calculation is used up to {limit})",
    "reason_time": "the exact calculation hit its time limit ({seconds} s)",
    "note_fewer": "Only {n} of {k} sites reach anyone new: further sites "
    "reach nobody who is not already reached.",
    "note_unknown": "{n} newly reached grid cells have an unknown (confidential) "
    "number of residents and count as 0.",
}

# --- Supply against need (issue 13): capacity, opening hours, benchmark, 2SFCA ----------
SUPPLY_TEXTS = {
    # places file: capacity (quartiersatlas.validate_supply)
    "capacity_bad": "Capacity not readable; the place stays, its capacity counts as unknown",
    "capacity_hint": "Expected: number of spaces as a whole number without point or comma, 0 to "
    "{max}, e.g. 25; leave empty if unknown",
    "duplicate_column": "Column for '{name}' appears twice (already as '{first}'); this column "
    "is not used",
    # places file: opening hours
    "hours_bad": "Opening hours not readable ({reason}); the place stays, its opening hours "
    "count as unknown",
    "hours_hint": "Expected: rules such as “Mo-Fr 09:00-17:00; Sa 10:00-14:00; Tu,Th "
    "17:00-21:00” (days Mo Tu We Th Fr Sa Su or Mo Di Mi Do Fr Sa So, several times separated "
    "by commas, “off” = closed, “24/7”); separate rules with “;”, a later rule replaces the "
    "times of its days; public holidays (PH), months and dates are not read; leave empty if "
    "unknown",
    "hours_time": "Time “{time}” is not a time from 00:00 to 24:00",
    "hours_span": "“{span}” is not a time span like 09:00-17:00",
    "hours_empty_span": "Time span “{span}” starts and ends at the same time",
    "hours_day": "“{day}” is not a day of the week",
    "hours_nothing": "no rule",
    "hours_no_times": "Rule “{rule}” names days but no times",
    "hours_rule": "Rule “{rule}” contains more than days and times",
    # settings.toml [supply]
    "unit_residents": " (residents per place), e.g. {example}",
    "boolean": "true or false",
    "unknown_group": "{where}: target group '{group}' unknown – allowed: {allowed}.",
    "groups_not_table": "{where}: 'groups' must be a table ([supply.groups] with "
    "target group = residents per place, e.g. 65_plus = 2000), but is {value}.",
    # the opening-time filter (page, links, notes)
    "open_label": "Open",
    "open_placeholder": "at any time",
    "open_help": "Only places that are open at that time according to their opening hours "
    "count. Places without (readable) opening hours do not count: unknown is not open.",
    "open_evenings": "in the evening",
    "open_weekends": "at the weekend",
    "open_and": " and ",
    "open_what": "opening time(s)",
    # counted nouns: "1 place", "3 places" (German has a separate dative form)
    "place": "place",
    "places": "places",
    "place_dat": "place",
    "places_dat": "places",
    "note_open": "Only places open {when} according to their opening hours are counted; not "
    "counted: {closed} closed at that time, {unknown} with unknown opening hours (unknown "
    "does not count as open).",
    # notes of the analysis
    "note_benchmark": "Provision ratio = places counted ÷ places needed; needed: 1 place per "
    "{per} {group} (benchmark from the settings, not an official standard).",
    "note_kinds": " Only these count towards the provision ratio: {kinds}.",
    "note_no_benchmark": "No benchmark is set for {group}: no provision ratio.",
    "note_no_kinds": "The benchmark applies to {kinds}; none of these kinds is selected: no "
    "provision ratio.",
    "note_capacity_unknown": "Capacity (spaces) unknown for {places}: spaces per 1,000 "
    "residents are not calculated in {districts} (unknown is not 0).",
    "note_fsca_capacity": "Within the catchment area (two-step method over the grid cells, "
    "{radius} straight line): each place with its spaces, divided by the {group} within its "
    "radius; per cell the sum of the places within reach, per district the average weighted by "
    "residents.",
    "note_fsca_places": "Within the catchment area (two-step method over the grid cells, "
    "{radius} straight line): each place counts as 1 ({reason}), divided by the {group} within "
    "its radius; per cell the sum of the places within reach, per district the average "
    "weighted by residents.",
    "note_fsca_none": "No counted place with a location: 0 everywhere in the catchment area.",
    "note_fsca_network": "Places and spaces per 1,000 residents in the catchment area are not "
    "calculated along the paths.",
    "reason_unknown": "capacity not known for all places",
    "reason_off": "capacity not used according to the settings",
    "note_fsca_no_grid": "The catchment-area ratio needs a population grid "
    "([files] grid): not calculated.",
    "note_fsca_no_group": "The population grid has no figures for {group}: catchment-area "
    "ratio not calculated.",
    # counted nouns: "1 district", "3 districts"
    "district": "district",
    "districts": "districts",
    # columns (page "Coverage & gaps", exports)
    "supply_ratio": "Provision ratio (%)",
    "need_places": "places needed (benchmark)",
    "supply_places": "places for the provision ratio",
    "capacity_per_1000": "spaces per 1,000 {group}",
    "capacity_unknown": "places with unknown capacity",
    "fsca_capacity": "spaces per 1,000 {group} in the catchment area",
    "fsca_places": "places per 1,000 {group} in the catchment area",
    "supply_caption": "Provision ratio: places counted ÷ places needed; 1 place is needed per "
    "{per} {group} – a benchmark from the settings, not an official standard. 100 % = as many "
    "places as the benchmark requires. {note}",
    "capacity_caption": "Unknown capacity stays unknown, not 0: where a counted place "
    "has no number of spaces, “spaces per 1,000” stays empty.",
    "supply_no_benchmark": "Provision ratio: no benchmark is set for {group}.",
    # python -m quartiersatlas coverage --open
    "cli_open": "only places open at that time according to their opening hours: "
    "comma-separated from {allowed} (unknown opening hours do not count)",
    "cli_open_unknown": "unknown opening time(s): {items}; allowed: {allowed}",
    "cli_note": "Notice: {note}",
}

# Page "Planning" (pages/planung.py; issue 13): scenarios before and after.
PLANUNG_TEXTS = {
    "title": "Planning: What if …?",
    "intro": "Add hypothetical places, move or switch off existing ones and see "
    "what changes: residents within reach, area, gap ranking. Scenarios are saved as "
    "files in the data folder; they never change the inventory.",
    "group_help": "Whose reach is compared (population grid by age).",
    "scenario": "Scenario",
    "new_scenario": "New scenario (not saved)",
    "scenario_help": "Saved scenarios are kept in the scenarios folder of the data folder.",
    "edit": "Edit scenario",
    "name": "Scenario name",
    "description": "Description (optional)",
    "add_title": "Add a hypothetical place",
    "position": "Set location by",
    "position_coordinates": "Coordinates",
    "position_address": "Address of an existing place",
    "position_click": "Clicking on the map",
    "lat": "Latitude (WGS84, degrees)",
    "lon": "Longitude (WGS84, degrees)",
    "address": "Address",
    "address_option": "{address} ({name})",
    "address_placeholder": "Choose an address",
    "clicked": "Chosen location: {lat} / {lon} (latitude / longitude)",
    "click_hint": "No location chosen yet: click on the map below.",
    "place_name": "Name of the place",
    "kind": "Kind",
    "step_free": "Step-free",
    "add": "Add place",
    "need_place_name": "Please give the place a name.",
    "need_position": "Please set the location of the place first.",
    "added_title": "Hypothetical places in this scenario",
    "added_row": "**{name}** ({kind}), {lat} / {lon}",
    "remove": "Remove",
    "change_title": "Change existing places",
    "switch_off": "Switch off places (not counted in the scenario)",
    "switch_off_placeholder": "Choose places",
    "switch_off_help": "For example a place whose funding is running out.",
    "move": "Move place",
    "move_placeholder": "Choose a place",
    "move_here": "Move to the clicked spot",
    "moved_list": "Moved: {places}",
    "undo_moves": "Undo moves",
    "save": "Save",
    "delete": "Delete scenario",
    "need_name": "Please give the scenario a name before you save it.",
    "name_taken": "A scenario “{name}” already exists. Please choose a different name.",
    "not_saved": "The scenario could not be saved: {error}",
    "saved": "Scenario “{name}” saved.",
    "problems": "The scenario has {n} problem(s); anything that cannot be used is not counted:",
    "col_entry": "Entry",
    "uncovered_after": "Still outside {radius} after the scenario",
    "ring_label": "Hypothetical: new or moved (not in the inventory)",
    "empty": "The scenario contains no changes yet: before and after are the same.",
    "result_title": "Before and after: {name}",
    "unnamed": "New scenario",
    "hypothetical_note": "Hypothetical places are planning assumptions: they are outlined "
    "on the map, are called “Hypothetical: …” and appear in no list and no download "
    "of the inventory.",
    "covered": "{group} within {radius}",
    "covered_help": "Before: {before}",
    "area": "Area within reach",
    "points": "{n} percentage points",
    "places": "Places that count",
    "map_caption": "Map: places of the scenario; hypothetical and moved ones are outlined. "
    "Hatched: what is still outside the radius after the scenario. Clicking on the "
    "map chooses a location for a new or moved place.",
    "table_title": "By district",
    "col_places_before": "Places before",
    "col_places_after": "Places after",
    "col_covered_before": "{group} within reach before",
    "col_covered_after": "{group} within reach after",
    "col_change": "Change",
    "col_area_before": "Area before (%)",
    "col_area_after": "Area after (%)",
    "col_rank_before": "Gap rank before",
    "col_rank_after": "Gap rank after",
    "csv": "Before/after (CSV)",
    "xlsx": "Before/after (Excel)",
    "toml": "Scenario file (TOML)",
    "toml_help": "The scenario file as it is saved in the scenarios folder: "
    "hypothetical places, not the inventory.",
    "table_caption": "Gap rank: 1 = largest gap (criteria of the “Coverage & gaps” page "
    "with its default settings); empty = no gap.",
    "siting_title": "Site search: where would new places reach the most people?",
    "siting_intro": "Finds the sites that together bring the most {group} newly within "
    "{radius} – in addition to the places in this scenario. "
    "Candidates: every inhabited grid cell, a file (e.g. public buildings, schools, "
    "community rooms) or points you choose on the map. The result is a suggestion "
    "for the scenario, not a decision.",
    "siting_no_grid": "The site search needs a population grid ([files] grid in "
    "settings.toml); this data folder has none.",
    "siting_source": "Candidates",
    "siting_source_grid": "every inhabited grid cell",
    "siting_source_file": "from a file",
    "siting_source_map": "points on the map",
    "siting_add_point": "Use clicked spot as candidate",
    "siting_clear_points": "Clear points",
    "siting_points": "{n} points chosen as candidates (assumed to be planned step-free). "
    "To add more: click on the map, then “Use clicked spot as candidate”.",
    "siting_no_points": "No point chosen yet: click on the map, then “Use clicked "
    "spot as candidate”.",
    "siting_point": "Point {n}",
    "siting_map": "Points on the map",
    "siting_point_outside": "The point is not in any district and is not used.",
    "siting_k": "Number of sites",
    "siting_kind": "Kind of the new places",
    "siting_step_free": "step-free sites only",
    "siting_step_free_wheelchair": "By wheelchair only step-free places count, as in the "
    "coverage: the search only uses step-free sites.",
    "siting_file": "Candidate file",
    "siting_file_help": "CSV, Excel, GeoJSON or GeoPackage with lat/lon (or x/y), "
    "optional id, name and step_free.",
    "siting_run": "Find sites",
    "siting_stale": "The selection has changed: please click “Find sites” again.",
    "siting_problems": "{n} problems in the candidate file (rows that are not used "
    "are not counted):",
    "siting_none": "No site reaches additional residents: everyone who can be reached already is.",
    "siting_total": "{k} sites together reach {n} additional {group}.",
    "siting_rank": "Rank",
    "siting_name": "Site",
    "siting_site": "Suggestion {rank}",
    "siting_added": "additionally reached",
    "siting_cumulative": "cumulative",
    "siting_take": "Add to the scenario as hypothetical places",
    "siting_note": "Suggestion {rank} of the site search",
    "siting_exact": "Best possible selection (provably optimal).",
    "siting_greedy": "Approximation: no selection reaches more than {bound}; this one is "
    "at most {gap} % below that.",
    "compare_title": "Scenarios side by side",
    "compare": "Saved scenarios",
    "col_scenario": "Scenario",
    "col_added": "new places",
    "col_moved": "moved",
    "col_off": "switched off",
    "col_new_all": "Residents newly within reach",
    "col_new_older": "of whom aged 65+",
    "col_top_out": "drops out of the top 5 gaps",
    "compare_caption": "All with the selection on the left (radius {radius}); “newly within "
    "reach” from the population grid.",
    "agenda_hint": "For the meeting: save the scenario, then on the “Presentation” page "
    "put this view on the agenda (before/after as a slide).",
}

# Inventory store (quartiersatlas.store, inventory, cli_store; issue 14). Messages of the
# store and of `python -m quartiersatlas store`. {kind} is a code: places, stadtteilteams,
# networks.
STORE_TEXTS = {
    "unknown_kind": "Unknown kind of records “{kind}”; allowed: {allowed}.",
    "no_store": "No inventory database at {path}.",
    "not_sqlite": "{path} is not an SQLite/GeoPackage file ({error}).",
    "not_a_store": "{path} is not a Quartiersatlas inventory database.",
    "exists": "{path} already exists; an inventory database is never overwritten.",
    "no_psycopg": "An inventory database in PostgreSQL needs the package psycopg, which is "
    "missing (pip install 'quartiersatlas[postgres]').",
    "no_connection": "No connection to the inventory database {store}: {error}",
    "database_error": "The inventory database {store} reports an error: {error}",
    "no_postgis": "PostGIS is missing in the database {store} and cannot be set up "
    "({error}). The database administrators can set it up with: CREATE EXTENSION postgis;",
    "no_who": "A change needs to say who is making it.",
    "no_id": "Record without an identifier (id): it cannot be saved like this.",
    "repeated_id": "The identifier “{id}” is already in a row above: this record is not "
    "taken over.",
    "twice": "{kind} “{id}” appears twice in one change.",
    "unknown_columns": "Unknown columns for {kind}: {columns}.",
    "no_change_set": "No change no. {n}.",
    "conflict": "{kind} “{id}” has been changed in the meantime (version {base} was edited, "
    "version {current} is saved); nothing was saved.",
    "conflict_exists": "{kind} “{id}” already exists (created in the meantime); nothing was saved.",
    "conflict_gone": "{kind} “{id}” no longer exists (removed in the meantime; version "
    "{base} was edited); nothing was saved.",
    "undone_already": "Change no. {n} has already been undone (by change no. {by}).",
    "no_file": "No file for {kind} in the data folder: not taken over.",
    "initial": "Initial inventory from {file}",
    "unusable": "The inventory database ([store] in settings.toml) cannot be read: "
    "{error} "
    "Places, district teams and networks are read from their files instead.",
    "unusable_hint": "create it with python -m quartiersatlas store init --store FILE|URL "
    "--who OFFICE, check the connection to the database, or remove [store] from "
    "settings.toml",
    "file_newer": "The file was changed on {when} (UTC), after the latest version in the "
    "inventory database {store}, and differs from it ({added} new, {changed} changed, "
    "{missing} missing from the file). The app shows the inventory; the change to the file "
    "has not been taken over yet.",
    "file_newer_hint": "take it over with python -m quartiersatlas store import --store FILE "
    "--kind {kind} {file} --who OFFICE (shows what will change first: --dry-run)",
}

# Help and messages of the command line `python -m quartiersatlas store`.
STORE_CLI = {
    "help": "inventory database (GeoPackage): create, read in files, export, "
    "show history, undo changes",
    "init_help": "create a new inventory database from the files in the data folder",
    "import_help": "check a file (CSV, Excel, GeoJSON) and read it in as one change",
    "export_help": "export the records of one kind as CSV (columns as in the files)",
    "history_help": "history: every changed field with who, when and why",
    "undo_help": "undo a change (number from the history)",
    "store": "the inventory database: a GeoPackage file (.gpkg) or a "
    "PostgreSQL database with PostGIS (postgresql://host/database; for init the "
    "database must already exist)",
    "who": "who is making the change (an office or account, not a private person)",
    "why": "why (shown in the history)",
    "kind": "kind of records: places, stadtteilteams or networks",
    "import_file": "the file to read in",
    "remove_missing": "remove records that are missing from the file (otherwise they stay)",
    "dry_run": "only check and say what would change; write nothing",
    "since": "only changes from this date (YYYY-MM-DD, UTC)",
    "id": "only changes to this record",
    "change": "number of the change (column change_set in the history)",
    "initialised": "Inventory database {path} created: {places} places, {stadtteilteams} "
    "district teams, {networks} networks.",
    "diff": "{added} new, {changed} changed (fields: {fields}), {removed}.",
    "removed": "{n} missing from the file and will be removed",
    "kept": "{n} missing from the file and will stay (remove with --remove-missing)",
    "not_written": "{n} errors: nothing was written.",
    "imported": "Read in from {file}",
    "written": "Saved as change no. {n} ({changes} records).",
    "undone": "Change no. {n} undone (as change no. {new}).",
}

# Accounts of the editors (quartiersatlas.accounts, ui.auth, `store users`; issue 14).
ACCOUNT_TEXTS = {
    "locked": "Too many failed sign-ins: this name is locked for about {minutes} minutes.",
    "inside_repo": "The accounts file {path} is inside the program folder; it belongs "
    "outside it (e.g. /etc/quartiersatlas/konten.db), so that it is never passed on with "
    "the code.",
    "unreadable": "The accounts file {path} cannot be read ({error}).",
    "bad_role": "Unknown role “{role}”; allowed: {allowed}.",
    "exists": "The account “{name}” already exists.",
    "unknown": "No account “{name}”.",
    "bad_name": "“{name}” cannot be used as an account name: 3 to 64 characters from "
    "letters, digits and . _ @ - (an office or role, not a person's name).",
    "short_password": "The password is too short: at least {n} characters.",
    "no_accounts": "No accounts file: the environment variable QUARTIERSATLAS_ACCOUNTS "
    "names it (outside the program folder), or --accounts FILE.",
    "users_help": "editor accounts: create, list, set password, change role, remove",
    "accounts_option": "accounts file (default: environment variable QUARTIERSATLAS_ACCOUNTS)",
    "name_option": "account name (an office or role, e.g. qm-kreyenbrueck)",
    "role_option": "role: editor (edits the inventory) or admin (also manages accounts)",
    "password_stdin": "read the password from standard input (first line) instead of asking",
    "password_prompt": "Password (at least {n} characters): ",
    "password_again": "Repeat password: ",
    "password_mismatch": "The two passwords do not match.",
    "added": "Account “{name}” ({role}) created.",
    "password_set": "Password of “{name}” set.",
    "removed": "Account “{name}” removed.",
    "no_users": "No accounts yet.",
    "last_admin": "“{name}” is the only administration account (admin): it stays, so that "
    "someone can manage the accounts. First make another account an administration account.",
    "login_password": "Password",
    "oidc_option": "without a password: signs in only through the city's sign-in (OpenID "
    "Connect); the name is the identifier reported there (the office's email address)",
    "role_set": "Account “{name}” now has the role {role}.",
    "login_oidc": "City sign-in (OpenID Connect)",
}

# Sign-in (ui.auth) and the page "Maintain data" (pages/daten_pflegen.py; issue 14).
AUTH_TEXTS = {
    "title": "Sign in",
    "intro": "Viewing works without signing in; editing only with an account.",
    "name": "Account name",
    "password": "Password",
    "login": "Sign in",
    "wrong": "Account name or password is wrong.",
    "logged_in": "Signed in as **{name}** ({role})",
    "logout": "Sign out",
    "timed_out": "You were signed out after {minutes} minutes without activity. Please sign "
    "in again.",
    "removed": "Your account no longer exists; you have been signed out.",
    "role_editor": "Editing",
    "role_admin": "Administration",
    "oidc_login": "Sign in with your city account",
    "oidc_or_local": "After signing in, the start page opens; go back to “Maintain data” "
    "from there. Or sign in with an account of this app:",
    "oidc_unverified": "The city sign-in does not report a confirmed email address; "
    "without one, no account can be matched here. Please sign out and ask the "
    "Quartiersatlas administrators.",
    "oidc_error": "The city sign-in is not set up correctly ([auth] in the "
    "Streamlit secrets): {error}",
    "oidc_no_account": "The city sign-in reports “{name}”, but there is no editing account "
    "for it here. The Quartiersatlas administrators can create one (an account without a "
    "password with exactly this name).",
}
# Account management for admins (ui/account_admin.py; issue 14).
ACCOUNT_ADMIN_TEXTS = {
    "title": "Manage accounts",
    "list_caption": "{n} accounts. Account names are offices or roles, not people's names.",
    "col_name": "Account",
    "col_role": "Role",
    "col_login": "Sign-in",
    "col_created": "created (UTC)",
    "role_editor": "Editing",
    "role_admin": "Administration",
    "login_password": "Password",
    "login_oidc": "City sign-in",
    "add_title": "Create account",
    "name": "Account name",
    "name_help": "3 to 64 characters from letters, digits and . _ @ - (an office or "
    "role, e.g. qm-kreyenbrueck). For the city sign-in: the identifier reported there "
    "(the office's email address).",
    "role": "Role",
    "password": "First password",
    "password_help": "at least {n} characters; pass it on to the person by a secure route.",
    "password_help_oidc": "at least {n} characters; leave empty for an account that signs "
    "in only through the city sign-in.",
    "password_needed": "A password of at least {n} characters is needed (no city sign-in "
    "is set up).",
    "add": "Create account",
    "added": "Account “{name}” ({role}) created.",
    "change_title": "Change account",
    "account": "Account",
    "set_role": "Set role",
    "role_set": "Account “{name}” now has the role {role}.",
    "new_password": "New password",
    "set_password": "Set password",
    "password_set": "New password set for “{name}”.",
    "own_account": "Your own account cannot be removed here (another administration "
    "account can do it).",
    "remove_sure": "Yes, remove the account “{name}” (current sign-ins end at the next "
    "step; the history keeps the name).",
    "remove": "Remove account",
    "removed": "Account “{name}” removed.",
}

DATEN_PFLEGEN_TEXTS = {
    "title": "Maintain data",
    "intro": "Change, create, end and restore places, district teams and networks in the "
    "inventory. Every change is recorded in the history with name, time and reason; "
    "nothing is overwritten without a trace.",
    "no_store": "The data in this folder is read from files: editing in the app needs an "
    "inventory database. To set one up: `python -m quartiersatlas store init "
    "--store data/bestand.gpkg --who OFFICE --data data`, then in settings.toml "
    '`[store]` with `file = "bestand.gpkg"` (or `url = "postgresql://…"` for a '
    "PostgreSQL database).",
    "no_accounts": "Editing needs accounts: the environment variable QUARTIERSATLAS_ACCOUNTS "
    "names the accounts file (outside the program folder); accounts are created with "
    "`python -m quartiersatlas store users add --name OFFICE --role editor`.",
    "store_error": "The inventory database cannot be opened: {error}",
    "kind": "What to edit?",
    "kind_places": "Places",
    "kind_stadtteilteams": "District teams",
    "kind_networks": "Networks",
    "record": "Record",
    "new": "➕ New record",
    "version": "Version {version} · identifier {id}",
    "form": "Details",
    "why": "Reason for the change (shown in the history)",
    "save": "Save",
    "saved": "Saved (change no. {n}). All pages show the new version.",
    "unchanged": "Nothing changed: there was no new value.",
    "errors": "{n} errors: nothing was saved. Please correct them.",
    "warnings": "Saved with {n} notices:",
    "conflict": "Not saved: someone has changed this record in the meantime "
    "(you edited version {base}, version {current} is saved). Both versions are shown "
    "here, field by field. Nothing is lost: load the saved version (your entries will "
    "then only be in this table) or save your changed fields into the new version; "
    "fields that only the other person changed stay as saved.",
    "conflict_seen": "Version {base} (edited by you)",
    "conflict_untouched": "(not changed)",
    "conflict_reload": "Load saved version",
    "conflict_keep": "Save my version anyway",
    "conflict_keep_help": "Writes your changed fields into the saved version; "
    "where both changed the same field, your version applies and the other stays visible "
    "in the history.",
    "moved_on": "This record has been changed in the meantime (version {current} is saved, "
    "the form shows version {seen}).",
    "reload": "Reload",
    "conflict_field": "Field",
    "conflict_mine": "Your version",
    "conflict_theirs": "saved",
    "end": "End",
    "end_help": "Status “ended” (for teams and networks with the month as “until”); the "
    "record stays in the inventory and can be restored.",
    "restore": "Restore",
    "restore_help": "Status back to “active”.",
    "end_why": "ended",
    "restore_why": "restored",
    "undo": "Undo my last change (no. {n}: {why})",
    "undone": "Change no. {n} undone.",
    "history": "History of this record",
    "no_history": "No history yet.",
    "no_id": "A new record needs an identifier (id).",
    "id_taken": "The identifier “{id}” already exists.",
    "location": "Location: latitude (lat) and longitude (lon) in degrees (WGS84), e.g. "
    "53.1435 and 8.2146, or a click on the map above.",
    "map_title": "Location",
    "map_caption": "A click on the map sets the location of this record (latitude and "
    "longitude in the form); it is saved with “Save”. The ring shows the location in the "
    "form.",
    "map_ring": "Location of this record",
    "map_clicked": "Location taken from the map. Check “Location” (exact or approximate) and save.",
    "col_action": "Action",
    "col_at": "Time (UTC)",
    "col_who": "who",
    "col_why": "why",
    "col_field": "Field",
    "col_old": "before",
    "col_new": "after",
    "action_add": "created",
    "action_edit": "changed",
    "action_remove": "removed",
}
# Labels of the record fields in the editor (the columns of the files' schema).
FIELD_LABELS = {
    "id": "Identifier (id)",
    "name": "Name",
    "kind": "Kind",
    "address": "Address",
    "district_stated": "District according to source",
    "lat": "Latitude (lat)",
    "lon": "Longitude (lon)",
    "x": "Easting (x)",
    "y": "Northing (y)",
    "coord_quality": "Location",
    "coord_note": "Note on location",
    "status": "Status",
    "step_free": "step-free",
    "accessible_toilet": "accessible toilet",
    "easy_language": "Easy Read (Leichte Sprache)",
    "sign_language": "Sign language",
    "target_groups": "Target groups (separated by ;)",
    "contact": "Contact (office or role, not a person's name)",
    "source": "Source",
    "source_date": "Source date",
    "notes": "Remarks",
    "capacity": "Capacity (places)",
    "opening_hours": "Opening hours (OSM notation)",
    "type": "Type",
    "districts": "Districts (separated by ;)",
    "since": "since",
    "until": "until",
    "meeting_place": "Meeting place",
}

# --- What has changed (pages/aenderungen.py; quartiersatlas.changes; issue 14) -------
AENDERUNGEN_TEXTS = {
    "intro": "What has changed in the inventory of places, district teams and networks "
    "since a given day: as a list, on the map and in the coverage then and now.",
    "no_store": "This page needs the inventory database with its history "
    "(`[store]` in settings.toml, or `make run`); the data in this folder is read "
    "from files.",
    "store_error": "The inventory database cannot be read: {error}",
    "since": "Changes since",
    "since_help": "Everything saved from 00:00 (UTC) on this day is counted.",
    "since_agenda": "Default: the day the agenda was last saved ({date}).",
    "since_days": "Default: {days} days ago.",
    "bad_date": "“{value}” is not a date (expected: YYYY-MM-DD); the default is shown.",
    "future": "{date} is in the future; today is shown.",
    "created": "The inventory database has only existed since {date} (UTC, initial "
    "inventory from the files): what has changed since then is counted.",
    "none": "Nothing in the inventory has changed since {date}.",
    "summary": "Since {date}: {parts}.",
    "summary_kind": "{kind} {counts}",
    "kind_places": "Places",
    "kind_stadtteilteams": "District teams",
    "kind_networks": "Networks",
    "list_title": "The changes",
    "col_kind": "Kind",
    "col_name": "Name",
    "col_id": "Identifier",
    "col_change": "Change",
    "col_fields": "Changed fields",
    "col_who": "changed by",
    "col_at": "last (UTC)",
    "map_title": "On the map",
    "map_ring": "Changed since {date}",
    "map_caption": "The ring marks places and meeting places that are new or have changed "
    "since {date} (removed ones at their former location). {unplaced}",
    "unplaced": "{n} of the changes have no location and appear only in the list.",
    "coverage_title": "Coverage then and now",
    "coverage_intro": "The same analysis as on “Coverage & gaps” (defaults from the "
    "settings: {radius}), once with the inventory of {date} and once with today's.",
    "coverage_same": "Coverage is unchanged.",
    "col_district": "District",
    "col_places_then": "Places then",
    "col_places_now": "Places now",
    "col_covered_then": "within reach then",
    "col_covered_now": "within reach now",
    "col_area_then": "Area within reach then (%)",
    "col_area_now": "Area within reach now (%)",
    "csv": "Changes as CSV",
    "xlsx": "Changes as Excel",
}
# Kinds of change (counted after a number: "3 new, 2 changed").
CHANGE_LABELS = {
    "added": "new",
    "ended": "ended",
    "restored": "restored",
    "edited": "changed",
    "removed": "removed",
}

# --- Data quality per district (quartiersatlas.quality; Data check, Map) ---------------
QUALITY_TEXTS = {
    "title": "Data quality per district",
    "intro": "How reliable the details on a district's places are – so that an apparent "
    "gap can be told apart from missing data. Places that have not ended are counted "
    "(those without a location: in the district according to the source). A place is "
    "patchy if it has no location, an estimated location, unknown step-free access or "
    "no confirmation for {months} months (source date missing or older).",
    "summary": "Of {districts} districts with places: {poor} weak, {patchy} "
    "patchy, {good} well documented; {empty} districts without a recorded place.",
    "col_district": "District",
    "col_rating": "Data quality",
    "col_places": "Places",
    "col_no_location": "no location",
    "col_estimated": "location estimated",
    "col_access_unknown": "step-free access unknown",
    "col_stale": "not confirmed",
    "col_weak_share": "patchy (%)",
    "todo_title": "To do",
    "todo_none": "Nothing to do: all places have an exact location, known "
    "accessibility and a current source.",
    "todo_count": "{n} {problem}",
    "col_problem": "What is missing",
    "col_name": "Name",
    "col_source_date": "Source date",
    "col_id": "Identifier",
    "col_row": "Row",
    "csv": "To-do list as CSV",
    "xlsx": "Data quality as Excel",
    "indicator": "Places with patchy details (%)",
    "indicator_unit": "%",
}
RATING_LABELS = {
    "good": "good",
    "patchy": "patchy",
    "poor": "weak",
    "none": "no place recorded",
}
# Shown after a count: "{n} {problem}".
TODO_LABELS = {
    "no_location": "without location",
    "stale": "not confirmed (source date missing or old)",
    "estimated": "location only estimated",
    "access_unknown": "step-free access unknown",
}

# --- The import wizard (ui/import_wizard.py, page "Maintain data"; issue 14) ----------
IMPORT_TEXTS = {
    "tab_edit": "Edit record",
    "tab_import": "Read in file",
    "intro": "A list of {kind} as a file (CSV, also with semicolons and a decimal comma, "
    "Excel, GeoJSON or GeoPackage): match the columns, look at problems and "
    "preview, then take it over as one change (can be undone). Columns that "
    "the file does not have keep their saved value.",
    "file": "File",
    "unreadable": "The file {file} cannot be read:",
    "step_columns": "1. Columns",
    "recognised": "Recognised: {columns}.",
    "map_to": "Take over column “{header}” as",
    "ignore": "do not take over",
    "twice": "Several columns are matched to {columns}: please only one.",
    "no_ids": "The file has no records with an identifier (id): match the column with "
    "the identifier.",
    "step_problems": "2. Check",
    "problems": "Notices in {file}: {n}, of which errors: {errors}.",
    "no_problems": "No problems found.",
    "step_preview": "3. Preview",
    "preview": "{added} new, {changed} changed; {missing} records of the inventory are "
    "missing from the file ({fate}).",
    "fate_kept": "they stay",
    "fate_removed": "they will be removed",
    "remove_missing": "Remove records that are missing from the file ({n})",
    "remove_help": "Only if the file is the complete list. Removed records are "
    "kept in the history and can be restored with “Undo my last change”.",
    "col_what": "what",
    "col_id": "Identifier",
    "col_name": "Name",
    "col_fields": "Fields",
    "what_added": "new",
    "what_changed": "changed",
    "what_removed": "will be removed",
    "what_missing": "missing from the file (stays)",
    "why": "Reason (shown in the history)",
    "why_default": "Import from {file}",
    "blocked": "{n} errors: nothing can be taken over. Please correct the file "
    "and upload it again.",
    "apply": "Take over",
    "done": "Taken over (change no. {n}). All pages show the new version.",
    "nothing": "Nothing to take over: the inventory matches the file.",
}
