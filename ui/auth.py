"""Login for editing (issue 14): the city's identity provider through Streamlit's
``st.login`` (OpenID Connect) when ``[auth]`` is configured in Streamlit's secrets, and
local accounts with passwords (:mod:`quartiersatlas.accounts`); the account in the
session, logged out after :data:`TIMEOUT_S` seconds without a run.

With the identity provider, the provider says who someone is (the ``email`` claim, only
when the provider marks it verified, ``email_verified``) and the accounts file says
whether and as what they may edit: an account of that name made without a password
(``store users add --oidc`` or by an admin on the page; letter case does not matter). A
password account is never entered this way. Someone the provider knows but the file
does not is told so and can log out; nothing else."""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from quartiersatlas.accounts import Account, Accounts, Locked
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.texts import AUTH_TEXTS as T

USER = "qa_account"
SEEN = "qa_account_seen"
TIMEOUT_S = 30 * 60


# What st.login needs in Streamlit's secrets: shared, then per provider.
_AUTH_SHARED = ("redirect_uri", "cookie_secret")
_AUTH_PROVIDER = ("client_id", "client_secret", "server_metadata_url")


def oidc_provider() -> str | None:
    """The provider for ``st.login`` when the city's login is configured (``[auth]`` in
    Streamlit's secrets with ``client_id``: ``"default"``; else the first
    ``[auth.NAME]`` with one), ``None`` otherwise."""
    try:
        if not st.secrets.load_if_toml_exists():
            return None
        section = st.secrets.get("auth")
    except Exception:  # secrets that cannot be read: Streamlit logs why at start-up
        return None
    if not isinstance(section, Mapping) or not all(section.get(k) for k in _AUTH_SHARED):
        return None
    if all(section.get(k) for k in _AUTH_PROVIDER):
        return "default"
    for name, value in section.items():
        if (
            isinstance(value, Mapping)
            and "_" not in str(name)  # st.login refuses such names
            and all(value.get(k) for k in _AUTH_PROVIDER)
        ):
            return str(name)
    return None


def oidc_configured() -> bool:
    return oidc_provider() is not None


def _oidc_identity() -> str | None:
    """Who the identity provider says is logged in (``None``: nobody)."""
    if not oidc_configured() or not st.user.is_logged_in:
        return None
    email = st.user.get("email")
    if st.user.get("email_verified") is not True or not isinstance(email, str):
        return None  # an address the provider did not verify names nobody
    return email.strip() or None


def logout() -> None:
    """End the login; with the city's login the browser is sent to Streamlit's logout
    (its cookie goes, a new session follows), and this run stops."""
    st.session_state.pop(USER, None)
    st.session_state.pop(SEEN, None)
    if _oidc_identity() is not None:
        st.logout()
        st.stop()  # a rerun now would drop the redirect


def current_user(path: Path, now: float | None = None) -> Account | None:
    """The logged-in account of this session, or ``None``: also after the timeout
    (which is said) and when the account was removed from the file at ``path`` since
    the login (its role is read anew on every run). With the city's login, the
    identity it reports is the account's name."""
    account = st.session_state.get(USER)
    t = time.time() if now is None else now
    identity = None if isinstance(account, Account) else _oidc_identity()
    if identity is not None:  # logged in with the city's login: an account without password
        with Accounts(path) as accounts:
            external = accounts.external_account(identity)
        if external is None:
            return None  # login_form says that this identity has no account
        st.session_state[USER] = account = external
        st.session_state[SEEN] = t
    if not isinstance(account, Account):
        return None
    if t - float(st.session_state.get(SEEN, 0.0)) > TIMEOUT_S:
        logout()
        st.info(T["timed_out"].format(minutes=TIMEOUT_S // 60))
        return None
    with Accounts(path) as accounts:
        role = accounts.role(account.name)
    if role is None:
        logout()
        st.info(T["removed"])
        return None
    st.session_state[SEEN] = t
    return Account(account.name, role)


def login_form(path: Path) -> None:
    """The city's login (when configured), then name and password of a local account;
    the account goes into the session when they are right (the password field is
    emptied on every submit)."""
    st.subheader(T["title"])
    st.caption(T["intro"])
    provider = oidc_provider()
    identity = _oidc_identity()
    if provider is not None and st.user.is_logged_in:  # the provider knows them, we do not
        if identity is None:
            st.warning(T["oidc_unverified"])
        else:
            st.warning(md(T["oidc_no_account"].format(name=identity)))
        if st.button(T["logout"], key="qa_oidc_logout", icon=":material/logout:"):
            logout()
            st.logout()  # also when no identity was taken from it
        return
    if provider is not None:
        if st.button(T["oidc_login"], key="qa_oidc_login", type="primary"):
            try:
                st.login(provider)
            except Exception as exc:  # a setting st.login refuses: said, no traceback
                st.error(md(T["oidc_error"].format(error=exc)))
        st.caption(T["oidc_or_local"])
    with st.form("qa_login", clear_on_submit=True):
        name = st.text_input(T["name"], key="qa_login_name", autocomplete="username")
        password = st.text_input(
            T["password"], type="password", key="qa_login_password", autocomplete="current-password"
        )
        submitted = st.form_submit_button(T["login"], type="primary")
    if not submitted:
        return
    with Accounts(path) as accounts:
        try:
            account = accounts.verify(name.strip(), password)
        except Locked as exc:
            st.error(md(str(exc)))
            return
    if account is None:
        st.error(T["wrong"])
        return
    st.session_state[USER] = account
    st.session_state[SEEN] = time.time()
    st.rerun()


def account_bar(account: Account) -> None:
    """Who is logged in, and the logout button (in the sidebar)."""
    role = T["role_admin"] if account.admin else T["role_editor"]
    st.sidebar.markdown(T["logged_in"].format(name=md(account.name), role=role))
    if st.sidebar.button(T["logout"], key="qa_logout", icon=":material/logout:"):
        logout()
        st.rerun()
