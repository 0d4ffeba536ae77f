"""The fixed words of the person's copy, in each language we have them in, and which one a person gets.

The copy is handed to the person, so it speaks their language whatever the app's language is: the first of the
person's languages (``Person.languages``, as the office typed them: "Spanish", "español", "es", "Spanish
(Mexico)") that we have words for, else English. Only the fixed words change; what the person and their contacts
said is printed as it was typed.

Each language is one dictionary with exactly the same keys as :data:`ENGLISH` (a test holds them to it), so a new
language is a new dictionary here and a line in :data:`NAMES`. The Spanish is our own wording, plain and warm,
addressing the person as "usted", and follows DOMAIN.md section 8 in Spanish too: it names no one by what happened
to them, and never uses "prostituta", "ilegal" or words of blame.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

__all__ = ["CATALOGUE", "ENGLISH", "NAMES", "SPANISH", "copy_language", "written_on"]

ENGLISH: dict[str, str] = {
    "title": "Things to remember",
    "written_on": "Written on {month} {day}, {year}",
    "emergency": "In an emergency, call 911.",
    "safe_word": "If you say “{word}”, it means you are safe to talk.",
    "unsafe_word": "If you say “{word}”, it means you are not safe.",
    # English turns the contact's action into a whole sentence ("Tia will call 911."), see survivor_copy.
    "unsafe_action": "{sentence}",
    "heading.danger_now": "When you feel unsafe",
    "heading.trafficker_access": "Staying out of reach",
    "heading.phone_technology": "Your phone",
    "heading.safe_contacts": "People you can call",
    "heading.safe_places": "Places you can go",
    "heading.documents": "Your papers",
    "heading.money": "Money",
    "heading.children": "Your children",
    "heading.health": "Your health",
    "heading.leaving_plan": "When you decide to go",
    "heading.after_leaving": "Afterwards",
    "heading.court_day": "Days you go to court",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
}

SPANISH: dict[str, str] = {
    "title": "Cosas para recordar",
    "written_on": "Escrito el {day} de {month} de {year}",
    "emergency": "En una emergencia, llame al 911.",
    "safe_word": "Si usted dice «{word}», quiere decir que puede hablar sin peligro.",
    "unsafe_word": "Si usted dice «{word}», quiere decir que no está a salvo.",
    # The contact's action is printed as it was typed, after the contact's name.
    "unsafe_action": "{name} hará esto: {action}.",
    "heading.danger_now": "Cuando no se sienta a salvo",
    "heading.trafficker_access": "Mantener la distancia",
    "heading.phone_technology": "Su teléfono",
    "heading.safe_contacts": "Personas a las que puede llamar",
    "heading.safe_places": "Lugares a donde puede ir",
    "heading.documents": "Sus documentos",
    "heading.money": "Dinero",
    "heading.children": "Sus hijos",
    "heading.health": "Su salud",
    "heading.leaving_plan": "Cuando decida irse",
    "heading.after_leaving": "Después",
    "heading.court_day": "Los días que vaya a la corte",
    "month.1": "enero",
    "month.2": "febrero",
    "month.3": "marzo",
    "month.4": "abril",
    "month.5": "mayo",
    "month.6": "junio",
    "month.7": "julio",
    "month.8": "agosto",
    "month.9": "septiembre",
    "month.10": "octubre",
    "month.11": "noviembre",
    "month.12": "diciembre",
}

#: Language code -> the copy's words.
CATALOGUE: dict[str, dict[str, str]] = {"en": ENGLISH, "es": SPANISH}

#: How an office may write a language in ``Person.languages`` (lower case, without accents) -> its code.
NAMES: dict[str, str] = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "ingles": "en",
    "es": "es",
    "spa": "es",
    "spanish": "es",
    "espanol": "es",
    "castellano": "es",
}


def _plain(word: str) -> str:
    """Lower case without accents: "Español" -> "espanol"."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def copy_language(languages: list[str] | tuple[str, ...] | None) -> str:
    """The code of the first of ``languages`` we have the copy's words in ("en" when none is).

    Each entry may carry a region or a note ("Spanish (Mexico)", "es-MX", "Spanish, some English"): its first
    word decides.
    """
    for entry in languages or ():
        for part in entry.replace("(", ",").replace(";", ",").split(","):
            words = _plain(part).replace("-", " ").replace("_", " ").split()
            if words and words[0] in NAMES:
                return NAMES[words[0]]
            break  # only the entry's first word names its language
    return "en"


def written_on(day: dt.date, language: str) -> str:
    """ "Written on November 24, 2026" / "Escrito el 24 de noviembre de 2026": month names from the catalogue."""
    words = CATALOGUE[language]
    return words["written_on"].format(month=words[f"month.{day.month}"], day=day.day, year=day.year)
