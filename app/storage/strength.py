"""How guessable a new passphrase is, judged by zxcvbn rather than by rules of our own.

zxcvbn (Dropbox's estimator, kept by its port's maintainers) knows the common passwords, names, English words,
keyboard walks, dates, repeats and the usual "make it strong" tricks (``Summer2024!``); our own counting rules did
not, and accepted ``password12``. Its score runs from 0 (among the first guesses) to 4; the vault refuses anything
below :data:`MIN_SCORE`, whoever asks (the first-run window, the recovery dialog or ``offramp vault create``).

Only this much of a passphrase is judged: zxcvbn's matching grows fast with length, and a passphrase this long is
never short of guesses for its length alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.core.i18n import N_, _

#: zxcvbn's score a new passphrase needs (3: "safely unguessable", about 10^8 guesses or more).
MIN_SCORE = 3
#: How many characters are handed to the estimator (see the module's note).
JUDGED_CHARS = 64

#: zxcvbn's own warnings and suggestions (its feedback.py), word for word, marked for our catalogue: zxcvbn speaks
#: English only, so the refusal and the strength hint say them in the app's language through :func:`_advice`.
_ZXCVBN_WORDS = frozenset(
    {
        N_("Add another word or two. Uncommon words are better."),
        N_("Capitalization doesn't help very much."),
        N_("Reversed words aren't much harder to guess."),
        N_("Predictable substitutions like '@' instead of 'a' don't help very much."),
        N_("Use a few words, avoid common phrases."),
        N_("No need for symbols, digits, or uppercase letters."),
        N_("Straight rows of keys are easy to guess."),
        N_("Short keyboard patterns are easy to guess."),
        N_("This is a top-10 common password."),
        N_("This is similar to a commonly used password."),
        N_("A word by itself is easy to guess."),
        N_("All-uppercase is almost as easy to guess as all-lowercase."),
        N_("Use a longer keyboard pattern with more turns."),
        N_("Repeats like \"aaa\" are easy to guess."),
        N_("Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"."),
        N_("This is a top-100 common password."),
        N_("This is a very common password."),
        N_("Names and surnames by themselves are easy to guess."),
        N_("Common names and surnames are easy to guess."),
        N_("Avoid repeated words and characters."),
        N_("Sequences like \"abc\" or \"6543\" are easy to guess."),
        N_("Avoid sequences."),
        N_("Recent years are easy to guess."),
        N_("Dates are often easy to guess."),
        N_("Avoid recent years."),
        N_("Avoid years that are associated with you."),
        N_("Avoid dates and years that are associated with you."),
    }
)

_ENDS = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@dataclass(frozen=True)
class Judgment:
    score: int  # zxcvbn's 0-4
    warning: str  # zxcvbn's warning, or ""
    suggestions: tuple[str, ...]
    guesses_log10: float
    one_dictionary_word: bool  # all its letters are one dictionary word (capitals, leetspeak, digits aside)


def _zxcvbn(text: str) -> dict[str, Any]:
    from zxcvbn import zxcvbn  # imported on first use: its word lists take a tenth of a second to load

    return dict(zxcvbn(text[:JUDGED_CHARS]))


def judge(passphrase: str) -> Judgment:
    """zxcvbn's judgment of ``passphrase``, with plain sentences (each ending in a full stop)."""
    result = _zxcvbn(passphrase)
    feedback = result.get("feedback") or {}
    core = _ENDS.sub("", passphrase)
    one_word = False
    if core and " " not in core.strip():
        sequence = _zxcvbn(core).get("sequence") or []
        one_word = len(sequence) == 1 and sequence[0].get("pattern") == "dictionary"
    return Judgment(
        score=int(result["score"]),
        warning=_sentence(_advice(str(feedback.get("warning") or ""))),
        suggestions=tuple(_sentence(_advice(str(s))) for s in feedback.get("suggestions") or () if s),
        guesses_log10=float(result.get("guesses_log10") or 0.0),
        one_dictionary_word=one_word,
    )


def _advice(text: str) -> str:
    """One of zxcvbn's sentences in the app's language when the catalogue has it ("" stays "")."""
    return _(text) if text in _ZXCVBN_WORDS else text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def too_easy_to_guess(passphrase: str) -> str | None:
    """``None`` when zxcvbn rates ``passphrase`` at least :data:`MIN_SCORE`, else a kind sentence saying what to do."""
    judgment = judge(passphrase)
    if judgment.score >= MIN_SCORE:
        return None
    return refusal(judgment)


def refusal(judgment: Judgment) -> str:
    """Why a passphrase is refused, warmly, with zxcvbn's own advice."""
    parts = [_("That passphrase would be easy for someone else to guess, so please choose another.")]
    if judgment.warning:
        parts.append(judgment.warning)
    parts.append(judgment.suggestions[0] if judgment.suggestions else _("A few unrelated words work well."))
    return " ".join(parts)


__all__ = ["MIN_SCORE", "Judgment", "judge", "refusal", "too_easy_to_guess"]
