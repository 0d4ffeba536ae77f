"""Cells a spreadsheet must read as text, never as a formula (OWASP's rule against CSV formula injection).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Google Sheets when the file is opened: a provider's note reading ``=HYPERLINK(...)`` would become a
live link, or worse. Such a cell is written with a single quote in front, which every spreadsheet shows as text.

Phone numbers are the usual innocent case (``+1 555 0100``): written as ``'+1 555 0100`` they stay whole and
dialable instead of turning into a ``#NAME?`` error, and :func:`unescape_cell` takes the quote off again when the
file is imported back, so an exported directory imports unchanged.
"""

from __future__ import annotations

#: What makes a spreadsheet treat a cell as a formula (OWASP; tab and CR also start one in some programs).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def escape_cell(value: str) -> str:
    """``value`` as it is safe to write in a CSV cell: a single quote in front when it could start a formula.

    Leading spaces are looked through, because a spreadsheet looks through them too.
    """
    if value.startswith(FORMULA_STARTS) or value.lstrip(" ").startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def unescape_cell(value: str) -> str:
    """The value :func:`escape_cell` was given: the added quote goes, any other leading quote stays."""
    if value.startswith(QUOTE) and value[1:].lstrip(" ").startswith(FORMULA_STARTS):
        return value[1:]
    return value


__all__ = ["FORMULA_STARTS", "escape_cell", "unescape_cell"]
