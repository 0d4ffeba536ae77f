"""The message catalogue of the layers below the window (core, reports, sync): ``_()`` and ``ngettext()``.

The window's own text goes through Qt Linguist (``self.tr()``, ``app/ui/i18n/offramp_<lang>.ts``); everything else
that a person reads (settings' labels, errors, report text, sync summaries) goes through this module, which never
imports Qt, so the command line and the reports speak the same language without a window. The catalogue is GNU
gettext: sources in ``app/core/locale/<lang>/LC_MESSAGES/offramp.po``, compiled to ``offramp.mo`` by
``make translations`` and shipped as package data.

The language is chosen once, at start (:func:`set_language`), by the UI from the ``language`` setting, or by the
environment variable ``OFFRAMP_LANGUAGE`` (which wins, for screenshots and tests). Besides the real languages there
is ``pseudo``: every string accented and padded by about a third, built from the English source strings, so a
screenshot shows where a longer language would be clipped and which strings never reach a catalogue.

Strings declared at import time (a setting's label) are marked with :func:`N_` and translated where they are shown.
Plurals always go through :func:`ngettext`: Spanish, like English, has two forms, other languages have more.
"""

from __future__ import annotations

import gettext
import locale
import os
import re
from collections.abc import Mapping
from pathlib import Path

#: The languages Offramp has a catalogue for, by code, each named in its own language (how a chooser shows them).
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
#: The pseudo-locale: English text, accented and padded (see :func:`pseudo`).
PSEUDO = "pseudo"
#: The setting's value meaning "whatever this computer uses".
SYSTEM = "system"
#: The environment variable that overrides the setting (``es``, ``en`` or ``pseudo``).
ENV_VAR = "OFFRAMP_LANGUAGE"
DEFAULT = "en"
DOMAIN = "offramp"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_current = DEFAULT
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (it is translated where it is shown)."""
    return message


def system_language(env: Mapping[str, str] | None = None) -> str:
    """The language of this computer's locale, if Offramp has it, else English."""
    env = os.environ if env is None else env
    names = [env.get(var, "") for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    if not any(names):
        names = [locale.getlocale()[0] or ""]
    for value in names:
        for name in value.split(":"):  # LANGUAGE may list several, best first
            code = name.split(".")[0].split("_")[0].split("-")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in {"c", "posix"}:
                return DEFAULT
    return DEFAULT


def resolve(chosen: str, *, system: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """The language to use: ``OFFRAMP_LANGUAGE`` if set to one Offramp has, else the setting's ``chosen`` value
    (``system`` meaning this computer's; ``system`` may be given, e.g. from Qt's idea of the system locale)."""
    env = os.environ if env is None else env
    forced = env.get(ENV_VAR, "").strip().lower()
    if forced in LANGUAGES or forced == PSEUDO:
        return forced
    if chosen in LANGUAGES:
        return chosen
    if system is not None:
        code = system.split(".")[0].split("_")[0].split("-")[0].lower()
        return code if code in LANGUAGES else DEFAULT
    return system_language(env)


def set_language(language: str) -> None:
    """Use ``language``'s catalogue from now on (English, or a language without a compiled catalogue, is the
    source text itself)."""
    global _current, _catalogue
    _current = language if language in LANGUAGES or language == PSEUDO else DEFAULT
    if _current in (DEFAULT, PSEUDO):
        _catalogue = gettext.NullTranslations()
    else:
        _catalogue = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[_current], fallback=True)


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """``message`` in the current language."""
    if _current == PSEUDO:
        return pseudo(message)
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` that fits ``n`` in the current language (``{n}`` is left to format)."""
    if _current == PSEUDO:
        return pseudo(singular if n == 1 else plural)
    return _catalogue.ngettext(singular, plural, n)


# --- the pseudo-locale --------------------------------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ",
)
#: What must come through untouched: placeholders ({name}, %1, %n, %s, %(name)s, %(day)02d), markup, entities, and
#: the letter after a mnemonic's "&" (so Alt+letter still works).
_KEEP = re.compile(r"\{[^{}]*\}|%\(\w+\)[-+ #0]*\d*[sd]|%L?[0-9n]|%[sd]|<[^>]*>|&\w+;|&&|&.")
#: How much longer the pseudo text is than the source (Spanish and German run 20-35% longer than English).
PADDING = 0.3


def pseudo(text: str) -> str:
    """``text`` accented and padded by about 30%, between brackets, so clipping and untranslated text both show."""
    if not text.strip():
        return text
    out: list[str] = []
    last = 0
    for match in _KEEP.finditer(text):
        out.append(text[last : match.start()].translate(_ACCENTED))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(_ACCENTED))
    # In runs of at most eight, so a long sentence's padding wraps like words (one run of 180 dots made the under-18
    # prompt 1,222 px wide at twice the text size, a width no language's words would ever need).
    dots = max(1, round(len(text) * PADDING) - 2)
    padding = " ".join("·" * min(8, dots - start) for start in range(0, dots, 8))
    return f"[{''.join(out)}{padding}]"


__all__ = [
    "DEFAULT",
    "ENV_VAR",
    "LANGUAGES",
    "N_",
    "PSEUDO",
    "SYSTEM",
    "_",
    "current_language",
    "ngettext",
    "pseudo",
    "resolve",
    "set_language",
    "system_language",
]
