"""Render a folium map to one HTML document, passing data through a template engine once.

Why not ``m.get_root().render()``: branca renders every element's macros (once, with
the data as *values*, which is safe), wraps each result in a new ``Element(text)`` and
then renders the figure, which compiles that text as a Jinja2 template a second
time. Text from a data file that reaches the map (a place name like ``{{ 7*7 }}`` or an
expression reaching ``os.popen``) would then be evaluated on the server. Here the
already-rendered pieces are emitted as they are, so data is text, never code.

The result is the same document as branca's (a test compares both on harmless data),
including folium's element references in style maps (``{{'name'}}``), which branca's
second pass resolves; here they are replaced by a pattern that only accepts the names of
the map's own elements (random 32-hex ids), see :func:`_resolve_element_refs`.
"""

from __future__ import annotations

import html
import re
from typing import Any

from branca.element import Element, Figure

from quartiersatlas.texts import CORE_ERRORS

__all__ = ["render_map_html"]

# folium's GeoJsonStyleMapper writes ``{{'var_name'}}`` for a style value that is a map
# element (a fill pattern) and relies on the second template pass to turn it into the
# bare variable name. Only folium's generated variable names (``kind_<32 hex>``) are
# accepted, so a place name cannot be turned into code this way.
_ELEMENT_REF = re.compile(r"\{\{\s*'([a-z_]+_[0-9a-f]{32})'\s*\}\}")


def _resolve_element_refs(text: str, names: set[str]) -> str:
    def repl(match: re.Match[str]) -> str:
        name = match.group(1)
        return name if name in names else match.group(0)

    return _ELEMENT_REF.sub(repl, text)


def _walk(el: Element) -> Any:
    yield el
    for child in el._children.values():
        yield from _walk(child)


def _emit(el: Element) -> str:
    """The text of one rendered piece, without compiling it again.

    A plain ``Element`` made from a string holds text that is already rendered (a
    macro's output); it is emitted verbatim. Any other element (a script or stylesheet
    link, a container) renders its own fixed template, whose values are not compiled.
    """
    if type(el) is Element:
        if el._template_str is not None:
            return el._template_str
        if el._template_name is None:
            return _children(el)
    return str(el.render())


def _children(el: Element) -> str:
    # The layout of branca's default container template, so that the document is the
    # same as branca's to the character.
    return "".join("\n    " + _emit(child) for child in el._children.values())


def render_map_html(m: Element) -> str:
    """The map (or any branca element in a figure) as a complete HTML document.

    Parameters
    ----------
    m
        A ``folium.Map`` or another element whose root is a branca ``Figure``.

    Returns
    -------
    str
        ``<!DOCTYPE html>`` document with the map's header (scripts, stylesheets),
        body and script, as branca would write it, but with every piece of data text
        passed through the template engine exactly once.
    """
    root = m.get_root()
    if not isinstance(root, Figure):
        raise TypeError(CORE_ERRORS["no_figure"])
    for child in root._children.values():
        child.render()
    names = {el.get_name() for el in _walk(root)}
    header = _children(root.header)
    body = _children(root.html)
    script = _resolve_element_refs(_children(root.script), names)
    title = ""
    if root.title:
        title = f"<title>{html.escape(str(root.title))}</title>"
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        f"{title}    {header}\n</head>\n<body>\n    {body}\n</body>\n"
        f"<script>\n    {script}\n</script>\n</html>"
    )
