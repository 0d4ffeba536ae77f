"""The person's own copy of what they chose: a discreet printable PDF in plain, warm, second-person words.

Whoever finds the paper must learn nothing: no agency name, no app name, no "safety plan" title, no case number or
record id, no legal name, and no PDF metadata saying any of these (the file's properties are empty). Only the parts
the person chose are printed; parts they declined or left for later are left out.

Only the person's own words are printed: what they said about a part, their contacts, and their places. The
advocate's "details" on a part (say, "weapon in vehicle" under danger now) are the advocate's notes and never reach
the paper. Every line is a whole sentence in the second person ("Tia will call 911.", never "They will Calls 911").

Code words are printed only when the person chooses, for this copy, to carry them (off unless asked): a code word
written down and found stops protecting them and can warn the very person they are hiding from. Without code words
a contact is printed with their name and number only, so the paper does not describe the plan either.

The copy is in the person's language when we have its words (:mod:`app.reports.copy_text`: the first of the
person's languages that we have, else English), whatever the app's language: only the fixed words change, what the
person and their contacts said is printed as typed. Names and words in any script print (:mod:`app.reports.fonts`).

An office can turn printing and saving the copy off (``SURVIVOR_COPY_ALLOWED_BY_OFFICE``); :func:`make_copy` then
refuses with a plain sentence. The copy may be AES-256 protected with a password (:mod:`app.reports.protect`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.core import office_policy
from app.core.safety import PERSONS_OWN_DETAILS, PlanView, SafetyService
from app.core.settings import SURVIVOR_COPY_ALLOWED_BY_OFFICE, Settings
from app.errors import OfframpError, ValidationError
from app.models import AuditAction, Person, PlanComponent, SurvivorChoice
from app.protocol.office_policy import OfficePolicy
from app.reports import copy_text, fonts
from app.reports.pdf import Document

if TYPE_CHECKING:
    from app.core.workspace import Workspace

__all__ = [
    "CopySection",
    "SurvivorCopy",
    "contact_action_sentence",
    "copy_allowed",
    "copy_content",
    "make_copy",
    "survivor_copy_pdf",
]

TITLE = copy_text.ENGLISH["title"]
EMERGENCY = copy_text.ENGLISH["emergency"]
NOT_ALLOWED = (
    "Your office has turned off printing and saving the person's copy. You can go through the plan together on "
    "screen instead."
)
NOTHING_CHOSEN = "There is nothing to put in the copy yet: no part of the plan has been chosen by the person."

#: Second-person headings: they say what a part is for, never what the paper is (each language's in copy_text).
HEADINGS: dict[str, str] = {key: copy_text.ENGLISH[f"heading.{key}"] for key in PlanComponent}
#: The order on paper: people and places first, they are what is needed in a hurry.
ORDER: tuple[str, ...] = (
    PlanComponent.SAFE_CONTACTS,
    PlanComponent.SAFE_PLACES,
    PlanComponent.DANGER_NOW,
    PlanComponent.PHONE_TECHNOLOGY,
    PlanComponent.TRAFFICKER_ACCESS,
    PlanComponent.DOCUMENTS,
    PlanComponent.MONEY,
    PlanComponent.CHILDREN,
    PlanComponent.HEALTH,
    PlanComponent.LEAVING_PLAN,
    PlanComponent.AFTER_LEAVING,
    PlanComponent.COURT_DAY,
)


@dataclass(frozen=True)
class CopySection:
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class SurvivorCopy:
    sections: tuple[CopySection, ...]
    written_on: dt.date
    language: str = "en"  # a key of copy_text.CATALOGUE: the fixed words' language

    @property
    def headings(self) -> list[str]:
        return [s.heading for s in self.sections]


def _lines(*texts: str | None) -> list[str]:
    out: list[str] = []
    for text in texts:
        if text:
            out += [line.strip() for line in text.splitlines() if line.strip()]
    return out


def copy_content(view: PlanView, *, include_code_words: bool = False, language: str = "en") -> SurvivorCopy:
    """What the copy says: only the parts whose newest choice is "chosen", in the person's words.

    ``language`` (a key of :data:`copy_text.CATALOGUE`) is that of the fixed words: headings and code-word lines.
    """
    words = copy_text.CATALOGUE[language]
    sections: list[CopySection] = []
    for key in ORDER:
        part = view.component(key)
        current = part.current
        if current is None or current.survivor_choice != SurvivorChoice.CHOSEN:
            continue
        own_details = current.details if key in PERSONS_OWN_DETAILS else None
        lines = _lines(current.survivor_words, own_details)
        if key == PlanComponent.SAFE_CONTACTS:
            lines = [*_contact_lines(view, include_code_words, language), *lines]
        if lines:
            sections.append(CopySection(words[f"heading.{key}"], tuple(lines)))
    return SurvivorCopy(tuple(sections), view.today, language)


def _contact_lines(view: PlanView, include_code_words: bool, language: str = "en") -> list[str]:
    words = copy_text.CATALOGUE[language]
    out = []
    for contact in view.contacts:
        who = contact.name + (f" ({contact.relationship})" if contact.relationship else "")
        out.append(f"{who}: {contact.phone}" if contact.phone else who)
        if include_code_words:
            if contact.safe_word:
                out.append("    " + words["safe_word"].format(word=contact.safe_word))
            if contact.unsafe_word:
                said = "    " + words["unsafe_word"].format(word=contact.unsafe_word)
                action = _action(contact.name, contact.action_on_unsafe, language)
                out.append(f"{said} {action}" if action else said)
    return out


def _action(name: str, action: str | None, language: str) -> str:
    """What a contact does on the "not safe" word, as the copy's language says it ("" when nothing is recorded)."""
    if language == "en":
        sentence = contact_action_sentence(name, action)
        return copy_text.ENGLISH["unsafe_action"].format(sentence=sentence) if sentence else ""
    typed = " ".join((action or "").split()).rstrip(".;,")
    # Only English verbs are turned into a sentence of the person's own; elsewhere the words stand as typed.
    return copy_text.CATALOGUE[language]["unsafe_action"].format(name=name, action=typed) if typed else ""


#: Third-person verb endings turned back to the plain form after "will" ("calls" -> "call", "goes" -> "go").
_IRREGULAR = {"has": "have", "does": "do", "goes": "go", "is": "be"}
#: Words that already start a sentence of their own ("She calls 911", "I will hang up"): printed as they are.
_SUBJECTS = frozenset({"i", "i'll", "she", "he", "they", "we", "you", "it", "someone", "my", "her", "his", "their"})
#: The advocate types what the contact does in the person's voice ("come and collect me"); the paper speaks to the
#: person, so "me" reads as "you".
_TO_SECOND_PERSON = {"me": "you", "my": "your", "myself": "yourself", "mine": "yours", "i": "you", "i'm": "you're"}


def _plain_verb(word: str) -> str:
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


def _second_person(text: str) -> str:
    words = text.split(" ")
    out = []
    for word in words:
        core = word.rstrip(".,;:!?")
        tail = word[len(core) :]
        swap = _TO_SECOND_PERSON.get(core.lower())
        out.append((swap + tail) if swap else word)
    return " ".join(out)


def contact_action_sentence(name: str, action: str | None) -> str:
    """What a contact does on the "not safe" word, as one whole sentence: "Calls 911." -> "Tia will call 911."."""
    text = " ".join((action or "").split()).rstrip(".;,")
    if not text:
        return ""
    first, _, rest = text.partition(" ")
    if first.lower() in _SUBJECTS or first.lower() in ("will", "would", "can"):
        sentence = _second_person(text)
        if first.lower() in ("will", "would", "can"):
            sentence = f"{name} {sentence}"
        return sentence[:1].upper() + sentence[1:] + "."
    plain = _plain_verb(first)
    words = [plain, *rest.split()]
    if plain != first.lower():
        # "Hangs up and calls back": each verb joined by "and" / "then" / "or" takes the plain form too.
        for i in range(1, len(words)):
            if words[i - 1].lower() in ("and", "then", "or") and words[i].lower().endswith("s"):
                words[i] = _plain_verb(words[i])
    return f"{name} will {_second_person(' '.join(words))}."


# --- the PDF ----------------------------------------------------------------------------------------------------


def survivor_copy_pdf(content: SurvivorCopy, *, password: str | None = None) -> bytes:
    """The copy as a PDF with empty document properties; AES-256 protected when a password is given."""
    if not content.sections:
        raise ValidationError(NOTHING_CHOSEN)
    if password:
        from app.reports.protect import check_password

        check_password(password)  # before any work: a short password loses nothing
    doc = Document(  # empty properties; tagged in the copy's language, whatever the app's
        title="", side_margin=1 * inch, top_margin=0.9 * inch, discreet=True, language=content.language
    )
    ink = colors.HexColor("#222222")
    quiet = colors.HexColor("#555555")
    title = ParagraphStyle("title", fontName=fonts.BOLD, fontSize=20, leading=26, textColor=ink, spaceAfter=6)
    heading = ParagraphStyle(
        "heading", fontName=fonts.BOLD, fontSize=15, leading=20, textColor=ink, spaceBefore=16, spaceAfter=6
    )
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=13, leading=19, textColor=ink, spaceAfter=4)
    indent = ParagraphStyle("indent", parent=body, leftIndent=18)
    small = ParagraphStyle("small", fontName=fonts.REGULAR, fontSize=11, leading=15, textColor=quiet)
    width = doc.width - 18 - 12  # the indented line, inside the frame's padding

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        # Names, places and the person's own words may be in any script: each run in a font that has it, and a
        # line all in Arabic or Hebrew flush right, where its reader starts.
        if fonts.right_to_left(text):
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        return Paragraph(fonts.style_markup(text, style, width=width), style)

    words = copy_text.CATALOGUE[content.language]
    story: list[Flowable] = [
        para(words["title"], title),
        para(copy_text.written_on(content.written_on, content.language), small),
        Spacer(1, 8),
        para(words["emergency"], body),
    ]
    for section in content.sections:
        paragraphs = [para(section.heading, heading)]
        for line in section.lines:
            style = indent if line.startswith("    ") else body
            paragraphs.append(para(line.strip(), style))
        story.append(KeepTogether(paragraphs[:3]))
        story.extend(paragraphs[3:])
    return doc.render(story, password=password or None)


# --- the whole act ----------------------------------------------------------------------------------------------


def copy_allowed(settings: Settings, policy: OfficePolicy | None = None) -> bool:
    """The office's word when the vault has an office (``policy``, kept in the vault), else the settings'."""
    if policy is not None:
        return policy.survivor_copy_allowed
    return bool(settings.get(SURVIVOR_COPY_ALLOWED_BY_OFFICE))


def make_copy(
    ws: Workspace,
    person_id: str,
    settings: Settings,
    *,
    include_code_words: bool = False,
    password: str | None = None,
) -> bytes:
    """The person's copy as PDF bytes, after checking the office's policy; the export is audited (no values)."""
    if not copy_allowed(settings, office_policy.load(ws)):  # the vault's policy: no settings file can lift it
        raise OfframpError(NOT_ALLOWED)
    view = SafetyService(ws).view(person_id)
    if view is None:
        raise ValidationError(NOTHING_CHOSEN)
    # The person's language, whatever the app's: the copy is theirs.
    person = ws.records.get("person", person_id)
    language = copy_text.copy_language(person.languages if isinstance(person, Person) else None)
    content = copy_content(view, include_code_words=include_code_words, language=language)
    pdf = survivor_copy_pdf(content, password=password)
    fields = ["password" if password else "no_password"] + (["code_words"] if include_code_words else [])
    ws.log_event(
        AuditAction.EXPORT.value, record_type="safety_plan", record_id=view.plan.id, person_id=person_id, fields=fields
    )
    return pdf
