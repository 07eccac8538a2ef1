"""Data is text, never code: text from data files shown literally in Markdown.

Streamlit renders the text of ``st.title`` ... ``st.markdown``, ``st.write``, captions,
alerts, toasts, metric labels, widget labels and help texts, radio options and every
cell of ``st.table`` as Markdown: CommonMark with GitHub's extensions (tables, links
and ``www.`` / e-mail autolinks, strikethrough), formulas (``$x^2$``), directives
(``:red[rot]``), emoji shortcodes (``:smile:``), icons (``:material/home:``) and
typographic replacements (`` -> `` becomes an arrow). A place named
``![x](http://evil.example/x.png)`` would make every browser that shows it load an
image from that host.

:func:`escape_markdown` turns any text into Markdown that shows exactly that text;
:func:`markdown_code` shows it as inline code (file paths). Pure string functions (the
core never imports streamlit); the pages call them for every value from data, and only
for those: the app's own German text keeps its formatting.

Text for HTML (``st.html``, map popups) is escaped with :func:`html.escape` instead.
"""

from __future__ import annotations

import itertools
import re
import string

__all__ = ["WORD_JOINER", "escape_markdown", "markdown_code"]

WORD_JOINER = "\u2060"
"""An invisible character that keeps two characters from forming a shortcode."""

# CommonMark: any ASCII punctuation character may be backslash-escaped and is then shown
# as itself (no emphasis, link, image, heading, list, table, HTML, entity, code span,
# autolink, math or directive can start at it).
_PUNCTUATION_RE = re.compile("[" + re.escape(string.punctuation) + "]")
# Line breaks, tabs and runs of blanks: one blank. A line break from data must not start
# a new Markdown block (heading, list, table, indented code), and Markdown shows a run
# of blanks as one anyway.
_BLANKS = re.compile(r"[ \t\r\n\v\f\x85\u2028\u2029]+")
# Shortcodes are replaced in the text after escapes are resolved, so escaping the
# colon does not stop them: remark-emoji ``:[\w-]+:`` (and ``:+1:``), Streamlit's
# icons ``:material_name:`` (its source is searched for ``:material/`` first) and
# ``:streamlit:``. A word joiner after such a colon breaks each of them.
_SHORTCODE = re.compile(r":(?=[A-Za-z0-9_+\-]+:|material/)")
# Streamlit's typographic replacements between blanks: <-> -> <- -- >= <= ~=
_TYPOGRAPHIC = re.compile(r"(?<!\S)(?:<->|->|<-|--|>=|<=|~=)(?!\S)")
# GitHub's autolinks are also found in the text after escapes are resolved
# (mdast-util-gfm-autolink-literal): ``http://`` and ``https://``, ``www.`` and e-mail
# addresses. A word joiner after the scheme, after ``www`` and before the ``@`` breaks
# them (the match is where the joiner goes).
_AUTOLINK = re.compile(r"(?i:https?(?=://)|www(?=\.))|[-.A-Za-z0-9_+](?=@)")


def _flat(text: object) -> str:
    return _BLANKS.sub(" ", "" if text is None else str(text))


def escape_markdown(text: object) -> str:
    r"""Markdown source that Streamlit shows as exactly ``text`` (on one line).

    Every ASCII punctuation character is backslash-escaped, line breaks and runs of
    blanks become one blank, and shortcodes, autolinks (web and e-mail addresses) and
    typographic replacements are broken by an invisible word joiner. ``None`` gives an
    empty text.

    >>> escape_markdown("![x](http://evil.example/x.png)").replace(WORD_JOINER, "+")
    '\\!\\[x\\]\\(http+\\:\\/\\/evil\\.example\\/x\\.png\\)'
    >>> escape_markdown("1. Liste\n# Titel")
    '1\\. Liste \\# Titel'
    >>> escape_markdown("Kreyenbrück")
    'Kreyenbrück'
    """
    flat = _flat(text)
    breaks = {m.end() for m in _SHORTCODE.finditer(flat)}
    breaks |= {m.start() + 1 for m in _TYPOGRAPHIC.finditer(flat)}
    breaks |= {m.end() for m in _AUTOLINK.finditer(flat)}
    if breaks:
        cuts = [0, *sorted(breaks), len(flat)]
        flat = WORD_JOINER.join(flat[a:b] for a, b in itertools.pairwise(cuts))
    return _PUNCTUATION_RE.sub(r"\\\g<0>", flat)


def markdown_code(text: object) -> str:
    """``text`` as inline code (e.g. a file path), shown exactly (on one line).

    The fence is one backtick longer than the longest run of backticks in the text.

    >>> markdown_code("/daten/places.csv")
    '` /daten/places.csv `'
    >>> markdown_code("a`b")
    '`` a`b ``'
    """
    flat = _flat(text).replace(":material/", ":" + WORD_JOINER + "material/")
    if not flat.strip():
        return escape_markdown(flat)
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    # one blank inside each end: CommonMark strips it, and a backtick at either end of
    # the text cannot join the fence
    return f"{fence} {flat} {fence}"
