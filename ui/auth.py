"""Login for editing (issue 14): local accounts (:mod:`quartiersatlas.accounts`), the
account in the session, logged out after :data:`TIMEOUT_S` seconds without a run."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from quartiersatlas.accounts import Account, Accounts, Locked
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.texts import AUTH_TEXTS as T

USER = "qa_account"
SEEN = "qa_account_seen"
TIMEOUT_S = 30 * 60


def logout() -> None:
    st.session_state.pop(USER, None)
    st.session_state.pop(SEEN, None)


def current_user(path: Path, now: float | None = None) -> Account | None:
    """The logged-in account of this session, or ``None``: also after the timeout
    (which is said) and when the account was removed from the file at ``path`` since
    the login (its role is read anew on every run)."""
    account = st.session_state.get(USER)
    if not isinstance(account, Account):
        return None
    t = time.time() if now is None else now
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
    """Name and password; the account goes into the session when they are right (the
    password field is emptied on every submit)."""
    st.subheader(T["title"])
    st.caption(T["intro"])
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
