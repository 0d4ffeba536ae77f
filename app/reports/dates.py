"""Dates as the reports print them, in the app's language, with month names from the message catalogue.

Never ``strftime``: its month names come from the C library's locale, which is English on most offices' computers
whatever the app's language. Each whole date is one catalogue entry per month, so a language orders day, month and
year its own way and adds its own little words ("5 de marzo de 2026") without any sentence being glued together
here. The English forms are exactly what the reports printed before they spoke Spanish.

The entries are %-formats (``%(day)02d``) rather than braces, because gettext's check lets a translation drop the
English two-digit day (``%(day)d``) only in a %-format. The long forms write the year as ``%(year)04d`` (the same
four digits) so that the long "05 May 2026" is an entry apart from the short one ("5 de mayo de 2026" and "5 may
2026" in Spanish).
"""

from __future__ import annotations

import datetime as dt

from app.core.i18n import N_, _

__all__ = ["long_date", "month_day_year", "month_year", "short_date"]

#: "05 Mar 2026" (the day with two digits in English, as the reports always printed it).
_SHORT = (
    N_("%(day)02d Jan %(year)d"), N_("%(day)02d Feb %(year)d"), N_("%(day)02d Mar %(year)d"),
    N_("%(day)02d Apr %(year)d"), N_("%(day)02d May %(year)d"), N_("%(day)02d Jun %(year)d"),
    N_("%(day)02d Jul %(year)d"), N_("%(day)02d Aug %(year)d"), N_("%(day)02d Sep %(year)d"),
    N_("%(day)02d Oct %(year)d"), N_("%(day)02d Nov %(year)d"), N_("%(day)02d Dec %(year)d"),
)  # fmt: skip
#: "05 March 2026".
_LONG = (
    N_("%(day)02d January %(year)04d"), N_("%(day)02d February %(year)04d"), N_("%(day)02d March %(year)04d"),
    N_("%(day)02d April %(year)04d"), N_("%(day)02d May %(year)04d"), N_("%(day)02d June %(year)04d"),
    N_("%(day)02d July %(year)04d"), N_("%(day)02d August %(year)04d"), N_("%(day)02d September %(year)04d"),
    N_("%(day)02d October %(year)04d"), N_("%(day)02d November %(year)04d"), N_("%(day)02d December %(year)04d"),
)  # fmt: skip
#: "March 5, 2026": how a date reads in a US letter.
_LETTER = (
    N_("January %(day)d, %(year)d"), N_("February %(day)d, %(year)d"), N_("March %(day)d, %(year)d"),
    N_("April %(day)d, %(year)d"), N_("May %(day)d, %(year)d"), N_("June %(day)d, %(year)d"),
    N_("July %(day)d, %(year)d"), N_("August %(day)d, %(year)d"), N_("September %(day)d, %(year)d"),
    N_("October %(day)d, %(year)d"), N_("November %(day)d, %(year)d"), N_("December %(day)d, %(year)d"),
)  # fmt: skip
#: "Mar 26": a month under a chart's bar.
_MONTH_YEAR = (
    N_("Jan %(yy)02d"), N_("Feb %(yy)02d"), N_("Mar %(yy)02d"), N_("Apr %(yy)02d"), N_("May %(yy)02d"),
    N_("Jun %(yy)02d"), N_("Jul %(yy)02d"), N_("Aug %(yy)02d"), N_("Sep %(yy)02d"), N_("Oct %(yy)02d"),
    N_("Nov %(yy)02d"), N_("Dec %(yy)02d"),
)  # fmt: skip


def short_date(day: dt.date) -> str:
    """ "05 Mar 2026" ("5 mar 2026" in Spanish)."""
    return _(_SHORT[day.month - 1]) % {"day": day.day, "year": day.year}


def long_date(day: dt.date) -> str:
    """ "05 March 2026" ("5 de marzo de 2026" in Spanish)."""
    return _(_LONG[day.month - 1]) % {"day": day.day, "year": day.year}


def month_day_year(day: dt.date) -> str:
    """ "March 5, 2026" ("5 de marzo de 2026" in Spanish)."""
    return _(_LETTER[day.month - 1]) % {"day": day.day, "year": day.year}


def month_year(day: dt.date) -> str:
    """ "Mar 26" ("mar 26" in Spanish)."""
    return _(_MONTH_YEAR[day.month - 1]) % {"yy": day.year % 100}
