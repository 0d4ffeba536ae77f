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

from app.core.i18n import _

#: zxcvbn's score a new passphrase needs (3: "safely unguessable", about 10^8 guesses or more).
MIN_SCORE = 3
#: How many characters are handed to the estimator (see the module's note).
JUDGED_CHARS = 64

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
        warning=_sentence(str(feedback.get("warning") or "")),
        suggestions=tuple(_sentence(str(s)) for s in feedback.get("suggestions") or () if s),
        guesses_log10=float(result.get("guesses_log10") or 0.0),
        one_dictionary_word=one_word,
    )


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
