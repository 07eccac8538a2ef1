"""The city's login (OpenID Connect through Streamlit's ``st.login``; issue 14) in real
Chromium, against a real provider process on a local port (tests/browser/oidc_provider.py):
an identity the accounts file does not know is told so and sees no edit control; after
an admin gave that identity an account (no password), the same person logs in through
the provider and edits, and the history names the identity; logging out ends it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from quartiersatlas.accounts import ACCOUNTS_ENV, Accounts
from quartiersatlas.store import SQLiteStore
from tests.ports import free_port

from .conftest import (
    AppServer,
    StartApp,
    assert_only_local,
    data_with_store,
    save_screenshot,
    wait_for_app,
)
from .oidc_provider import Provider, secrets_toml, start_provider
from .test_accessibility_browser import _findings
from .test_accessibility_browser import axe_source as axe_source  # the fixture

IDENTITY = "qm-eversten@stadt.example"
# as the page shows it: Markdown gets a word joiner before "@" (no automatic mail link)
SHOWN = re.escape(IDENTITY).replace("@", "\u2060?@")
STORED = "QM-Eversten@stadt.example"  # the account as the admin typed it (case differs)


@pytest.fixture(scope="module")
def oidc_app(
    start_app: StartApp, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AppServer, Provider, Path, Path]]:
    base = tmp_path_factory.mktemp("oidc")
    data = data_with_store(base)
    accounts = base / "konten" / "konten.db"
    with Accounts(accounts) as acc:
        acc.add("sozialplanung", "admin", "ein-langes-passwort-123")
    provider = start_provider(IDENTITY)
    port = free_port()
    secrets = base / "secrets.toml"
    secrets.write_text(secrets_toml(provider, port), encoding="utf-8")
    server = start_app(
        data_dir=data,
        env={ACCOUNTS_ENV: str(accounts)},
        port=port,
        options=["--secrets.files", str(secrets)],
    )
    yield server, provider, accounts, data / "bestand.gpkg"
    server.stop()
    provider.stop()


def _log_in_with_the_city(page: Page, server: AppServer) -> None:
    page.goto(server.url + "/daten_pflegen")
    wait_for_app(page)
    page.get_by_role("button", name="Mit dem Konto der Stadt anmelden").click()
    page.wait_for_url(server.url + "/")  # Streamlit returns to the start page
    wait_for_app(page)
    page.goto(server.url + "/daten_pflegen")
    wait_for_app(page)


def test_the_city_login_needs_an_account_then_edits(
    laptop: tuple[Page, list[str]],
    oidc_app: tuple[AppServer, Provider, Path, Path],
    axe_source: str,
) -> None:
    page, requests = laptop
    server, provider, accounts, store_path = oidc_app
    page.goto(server.url + "/daten_pflegen")
    wait_for_app(page)
    # both ways in: the city's login and a local account
    expect(page.get_by_role("button", name="Mit dem Konto der Stadt anmelden")).to_be_visible()
    expect(page.get_by_label("Kontoname")).to_be_visible()
    save_screenshot(page, "daten-pflegen-anmelden-stadt", full_page=False)

    # an address the provider does not call verified names nobody
    provider.verified = False
    _log_in_with_the_city(page, server)
    expect(page.get_by_text("meldet keine bestätigte E-Mail-Adresse")).to_be_visible()
    expect(page.get_by_text("Was bearbeiten?")).to_have_count(0)
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url(server.url + "/")
    wait_for_app(page)
    provider.verified = True

    # the provider knows the identity, the accounts file does not: no edit control
    _log_in_with_the_city(page, server)
    assert provider.logins == [IDENTITY, IDENTITY]
    expect(
        page.get_by_text(re.compile(f"meldet „{SHOWN}“, aber dafür gibt es hier kein Konto"))
    ).to_be_visible()
    expect(page.get_by_text("Was bearbeiten?")).to_have_count(0)

    # an admin gives the identity an account without a password (letter case as typed)
    with Accounts(accounts) as acc:
        acc.add(STORED, "editor", None)
    page.reload()
    wait_for_app(page)
    shown = re.escape(STORED).replace("@", "\u2060?@")
    expect(page.get_by_text(re.compile(f"Angemeldet als {shown}"))).to_be_visible()
    expect(page.get_by_text("Was bearbeiten?")).to_be_visible()

    with SQLiteStore(store_path) as store:
        networks = store.records("networks")
    network = networks[networks["status"] == "active"].iloc[0]
    page.get_by_text("Netzwerke", exact=True).click()
    wait_for_app(page)
    record = page.get_by_test_id("stSelectbox").filter(has_text="Eintrag")
    record.locator("input").fill(str(network["name"]))
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Beenden").click()
    wait_for_app(page)
    with SQLiteStore(store_path) as store:
        rec, _ = store.record("networks", str(network["id"]))  # type: ignore[misc]
        last = store.history(rid=str(network["id"])).iloc[-1]
    assert rec["status"] == "ended"
    assert last["who"] == STORED  # the account's name, as the history shows it
    save_screenshot(page, "daten-pflegen-stadt-angemeldet", full_page=False)

    # logging out ends it (the provider's cookie too): the login is offered again
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url(server.url + "/")  # Streamlit's logout returns to the start page
    wait_for_app(page)
    page.goto(server.url + "/daten_pflegen")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Mit dem Konto der Stadt anmelden")).to_be_visible()
    expect(page.get_by_text("Was bearbeiten?")).to_have_count(0)

    # an admin (local account) manages the accounts: the city's identity is listed
    page.get_by_label("Kontoname").fill("sozialplanung")
    page.get_by_label("Passwort").fill("ein-langes-passwort-123")
    page.get_by_role("button", name="Anmelden", exact=True).click()
    wait_for_app(page)
    page.get_by_text("Konten verwalten").click()
    wait_for_app(page)
    expect(page.get_by_role("button", name="Konto anlegen")).to_be_visible()
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    assert _findings(page, axe_source) == []
    save_screenshot(page, "daten-pflegen-konten", full_page=False)
    # the browser talked to the app and the provider only, both on this machine
    assert_only_local(requests)
