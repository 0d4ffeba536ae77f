"""How hard a new passphrase would be to guess, in words a tired person can act on, and the office's rules for it.

The judgment is zxcvbn's (app/storage/strength.py), not rules of our own: ours accepted ``password12`` and
``Summer2024!``. The vault itself refuses anything zxcvbn rates below "safely unguessable" (score 3), whoever asks;
this module turns the same judgment into the meter the first-run window shows as the person types, and adds what
an office may require on top (:class:`PassphrasePolicy`; CJIS-minded offices: 10 characters or more and not a
dictionary word). :func:`assess` agrees with :func:`app.storage.vault.check_new_passphrase`: what the vault refuses
scores 0-2 and is not ``acceptable``; what it accepts scores 3 or 4.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.i18n import N_, _
from app.errors import WeakPassphrase
from app.storage.strength import MIN_SCORE, judge, refusal
from app.storage.vault import MIN_PASSPHRASE_CHARS, check_new_passphrase

#: In English; assess() gives them in the app's language (app.core.i18n).
LABELS = (N_("Too short"), N_("Very easy to guess"), N_("Easy to guess"), N_("Strong"), N_("Very strong"))

_TOO_SHORT = N_("Use at least {n} characters. A few unrelated words are easiest to remember.")
TOO_SHORT_HINT = _TOO_SHORT.format(n=MIN_PASSPHRASE_CHARS)
STRONG_HINT = N_("Good. One more unrelated word makes it even harder to guess.")
VERY_STRONG_HINT = N_("This will be very hard to guess. Make sure you can remember it.")
DEFAULT_ADVICE = N_("Add another word or two. Uncommon words are better.")


@dataclass(frozen=True)
class PassphrasePolicy:
    """What an office requires of a new passphrase beyond the vault's own floor (never less than it)."""

    min_length: int = MIN_PASSPHRASE_CHARS
    #: Refuse a passphrase whose letters are one dictionary word, whatever capitals, digits or symbols are added.
    no_dictionary_word: bool = False

    def __post_init__(self) -> None:
        if self.min_length < MIN_PASSPHRASE_CHARS:
            raise ValueError(f"an office policy cannot allow fewer than {MIN_PASSPHRASE_CHARS} characters")


#: The vault's own rules: 10 characters and zxcvbn's score 3 or more.
STANDARD = PassphrasePolicy()
#: For offices that follow the CJIS Security Policy's password rules: 10 or more characters, not a dictionary word.
CJIS = PassphrasePolicy(min_length=10, no_dictionary_word=True)


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too short) to 4 (very strong); 3 and 4 are accepted
    label: str
    hint: str
    guesses_log10: float = 0.0  # zxcvbn's estimate behind the score, for tests and tuning; never shown

    @property
    def acceptable(self) -> bool:
        """The vault (and the office's policy) would accept it."""
        return self.score >= MIN_SCORE


def _policy_problem(passphrase: str, policy: PassphrasePolicy, *, one_dictionary_word: bool) -> str | None:
    if len(passphrase.strip()) < policy.min_length:
        return (
            f"Your office asks for at least {policy.min_length} characters. "
            "A few unrelated words are easiest to remember."
        )
    if policy.no_dictionary_word and one_dictionary_word:
        return (
            "Your office asks for a passphrase that is not a single dictionary word, even with capitals, "
            "numbers or symbols added. A few unrelated words work well."
        )
    return None


def assess(passphrase: str, policy: PassphrasePolicy = STANDARD) -> Strength:
    """Score a candidate passphrase 0-4 with a label and one plain hint (zxcvbn's own advice when it is weak)."""
    # The label and our own hints in the app's language; zxcvbn's advice (weak passphrases) and the office's rules
    # are English still.
    if _too_short(passphrase):  # the vault's length rule, as check_new_passphrase applies it
        return Strength(0, _(LABELS[0]), _(_TOO_SHORT).format(n=MIN_PASSPHRASE_CHARS))
    judgment = judge(passphrase)
    if judgment.score < MIN_SCORE:
        score = 1 if judgment.score <= 1 else 2
        advice = [judgment.warning] if judgment.warning else []
        advice.append(judgment.suggestions[0] if judgment.suggestions else _(DEFAULT_ADVICE))
        return Strength(score, _(LABELS[score]), " ".join(advice), judgment.guesses_log10)
    problem = _policy_problem(passphrase, policy, one_dictionary_word=judgment.one_dictionary_word)
    if problem is not None:
        return Strength(2, _(LABELS[2]), problem, judgment.guesses_log10)
    score = judgment.score
    hint = STRONG_HINT if score == 3 else VERY_STRONG_HINT
    return Strength(score, _(LABELS[score]), _(hint), judgment.guesses_log10)


def _too_short(passphrase: str) -> bool:
    return len(passphrase.strip()) < MIN_PASSPHRASE_CHARS


def check_passphrase_policy(passphrase: str, policy: PassphrasePolicy = STANDARD) -> None:
    """Raise :class:`WeakPassphrase` (one kind sentence with advice) unless the vault and ``policy`` accept it."""
    check_new_passphrase(passphrase)
    judgment = judge(passphrase)
    if judgment.score < MIN_SCORE:  # the vault checks this too; kept here so the message is the same either way
        raise WeakPassphrase(refusal(judgment))
    problem = _policy_problem(passphrase, policy, one_dictionary_word=judgment.one_dictionary_word)
    if problem is not None:
        raise WeakPassphrase(problem)


__all__ = [
    "CJIS",
    "LABELS",
    "STANDARD",
    "PassphrasePolicy",
    "Strength",
    "assess",
    "check_passphrase_policy",
]
