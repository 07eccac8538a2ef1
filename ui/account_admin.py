"""Account management for the role ``admin`` (issue 14), on the page "Daten pflegen":
the accounts listed, one added (with a password, or for the city's login only), a role
changed, a password set, an account removed. The rules (names, passwords, the last
admin stays) are :mod:`quartiersatlas.accounts`'s; every refusal is its message."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from quartiersatlas.accounts import MIN_PASSWORD, ROLES, Account, AccountError, Accounts
from quartiersatlas.safe_text import escape_markdown as md
from quartiersatlas.texts import ACCOUNT_ADMIN_TEXTS as T
from ui.common import show_table

KEY = "pf_acc"
FLASH = f"{KEY}_flash"


def _role(role: str) -> str:
    return T[f"role_{role}"]


def _done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def account_admin(path: Path, me: Account, *, oidc: bool) -> None:
    """The accounts of the file at ``path``, managed by the admin ``me``; ``oidc``:
    the city's login is configured (accounts without a password can then log in)."""
    done = st.session_state.pop(FLASH, None)
    if done:
        st.success(md(done))
    with Accounts(path) as accounts:
        rows = accounts.list()
    table = pd.DataFrame(
        [
            {
                T["col_name"]: name,
                T["col_role"]: _role(role),
                T["col_login"]: T["login_password" if local else "login_oidc"],
                T["col_created"]: created.replace("T", " ").removesuffix("Z"),
            }
            for name, role, created, local in rows
        ],
        columns=[T["col_name"], T["col_role"], T["col_login"], T["col_created"]],
    )
    st.markdown(T["list_caption"].format(n=len(rows)))
    show_table(table)

    st.markdown(f"**{T['add_title']}**")
    with st.form(f"{KEY}_add", clear_on_submit=True):
        name = st.text_input(T["name"], key=f"{KEY}_add_name", help=T["name_help"])
        role = st.radio(T["role"], ROLES, format_func=_role, horizontal=True, key=f"{KEY}_add_role")
        password = st.text_input(
            T["password"],
            type="password",
            key=f"{KEY}_add_password",
            autocomplete="new-password",
            help=T["password_help_oidc" if oidc else "password_help"].format(n=MIN_PASSWORD),
        )
        add = st.form_submit_button(T["add"])
    if add:
        if not password and not oidc:
            st.error(T["password_needed"].format(n=MIN_PASSWORD))
        else:
            try:
                with Accounts(path) as accounts:
                    accounts.add(name.strip(), str(role), password or None)
            except AccountError as exc:
                st.error(md(str(exc)))
            else:
                _done(T["added"].format(name=name.strip(), role=_role(str(role))))

    names = [n for n, *_ in rows]
    if not names:
        return
    st.markdown(f"**{T['change_title']}**")
    chosen = str(st.selectbox(T["account"], names, key=f"{KEY}_chosen"))
    current = next(r for n, r, *_ in rows if n == chosen)
    left, right = st.columns(2)
    with left:
        new_role = str(
            st.radio(
                T["role"],
                ROLES,
                index=ROLES.index(current),
                format_func=_role,
                horizontal=True,
                key=f"{KEY}_role_{chosen}",
            )
        )
        if st.button(T["set_role"], key=f"{KEY}_set_role", disabled=new_role == current):
            _apply(path, lambda a: a.set_role(chosen, new_role), T["role_set"], chosen, new_role)
    with right, st.form(f"{KEY}_pw_{chosen}", clear_on_submit=True):
        new_password = st.text_input(
            T["new_password"],
            type="password",
            key=f"{KEY}_pw_value",
            autocomplete="new-password",
            help=T["password_help"].format(n=MIN_PASSWORD),
        )
        if st.form_submit_button(T["set_password"]):
            _apply(path, lambda a: a.set_password(chosen, new_password), T["password_set"], chosen)
    if chosen == me.name:
        st.caption(T["own_account"])
        return
    sure = st.checkbox(T["remove_sure"].format(name=md(chosen)), key=f"{KEY}_sure_{chosen}")
    if st.button(T["remove"], key=f"{KEY}_remove", disabled=not sure, type="secondary"):
        _apply(path, lambda a: a.remove(chosen), T["removed"], chosen)


def _apply(path: Path, action: object, message: str, name: str, role: str = "") -> None:
    assert callable(action)
    try:
        with Accounts(path) as accounts:
            action(accounts)
    except AccountError as exc:
        st.error(md(str(exc)))
        return
    _done(message.format(name=name, role=_role(role) if role else ""))
