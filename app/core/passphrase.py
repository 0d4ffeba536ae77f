"""How hard a new passphrase would be to guess, in words a tired person can act on.

A deliberately simple, conservative estimate (no dictionary download, no network): the passphrase is split into
words at spaces and punctuation; each word counts at most as much as a word picked from a large dictionary, numbers
and symbols count by their length, and repeats, runs (``abcd``, ``4321``), keyboard walks (``qwerty``) and the
most common passwords count for almost nothing. It agrees with :func:`app.storage.vault.check_new_passphrase`:
anything that check refuses scores 0, "Too short"; anything it accepts scores at least 1.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from app.errors import WeakPassphrase
from app.storage.vault import MIN_PASSPHRASE_CHARS, check_new_passphrase

#: About what one word chosen from a large dictionary is worth to someone guessing (Diceware is 12.9 bits).
WORD_BITS = 11.0
#: A run of letters with no spaces counts as at most one dictionary word per this many letters.
LETTERS_PER_WORD = 6
#: A word from the list of the most common passwords is among the first few thousand an attacker tries.
COMMON_BITS = 3.0
#: A word that appears again adds next to nothing.
REPEAT_BITS = 1.0
#: Score thresholds in bits: below the first is 1 (Weak), then 2 (Fair), 3 (Strong), 4 (Very strong).
THRESHOLDS = (28.0, 40.0, 52.0)

LABELS = ("Too short", "Weak", "Fair", "Strong", "Very strong")

_SEPARATORS = re.compile(r"[\s\-_.,;:/+|]+")
_RUNS = re.compile(r"[^\W\d_]+|\d+|[\W_]+")
_YEAR = re.compile(r"(19|20)\d\d")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})

_KEYBOARD_ROWS = (
    "`1234567890-=",
    "qwertyuiop[]\\",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "~!@#$%^&*()_+",
    "qazwsxedcrfvtgbyhnujmikolp",  # columns, top to bottom
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "abcdefghijklmnopqrstuvwxyz",
)
_MIN_WALK = 4
#: What people add to either end of a common password to "make it strong".
_PADDING = "0123456789!@#$%^&*?~"
#: What one letter of a word is worth: written language is far from random letters (log2(26) would be 4.7).
LETTER_BITS = 4.0

#: The most common passwords and their parts (lower case, no separators), after breach lists such as the SecLists
#: top-10k; short ones matter because people lengthen them ("password2024!"). Also this app's own name and demo words.
_COMMON_WORDS = """
    password passw0rd passwort motdepasse contrasena senha parola wachtwoord salasana
    123456 1234567 12345678 123456789 1234567890 0987654321 987654321 654321 123123 111111 000000 121212 112233
    666666 696969 7777777 888888 11111111 123321 159753 147258369 123qwe qwe123 abc123 abcd1234 a1b2c3 1q2w3e4r
    qwerty qwertz azerty qwertyuiop asdfgh asdfghjkl zxcvbnm qazwsx 1qaz2wsx zaq12wsx zaq1zaq1 1qazxsw2
    iloveyou loveyou lovely letmein welcome welcome1 hello hello123 admin administrator root login guest
    changeme default secret private access master monkey dragon shadow sunshine princess football baseball
    soccer hockey superman batman spiderman starwars pokemon mustang ferrari trustno1 whatever freedom
    flower charlie michael jennifer jessica ashley daniel thomas jordan hunter buster killer computer internet
    summer winter spring autumn jesus christ angel blessed myspace facebook google yahoo letmein1 password1
    iloveu babygirl lovers friends family forever chocolate cookie pepper ginger maggie tigger
    offramp offrampdemo demo test testing testtest example
    correcthorsebatterystaple correct horse battery staple
"""
COMMON_PASSWORDS = frozenset(_COMMON_WORDS.split())


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (too short) to 4 (very strong)
    label: str
    hint: str
    bits: float = 0.0  # the estimate behind the score, for tests and tuning; never shown

    @property
    def acceptable(self) -> bool:
        """Long enough for the vault to accept (the meter may still suggest more)."""
        return self.score > 0


def assess(passphrase: str) -> Strength:
    """Score a candidate passphrase 0-4 with a label and one plain hint."""
    try:
        check_new_passphrase(passphrase)
    except WeakPassphrase:
        return Strength(
            0,
            LABELS[0],
            f"Use at least {MIN_PASSPHRASE_CHARS} characters. A few unrelated words are easiest to remember.",
        )
    squashed = "".join(_SEPARATORS.split(passphrase.lower()))
    if _is_common(squashed) or _walk_or_run_only(squashed):
        return Strength(1, LABELS[1], "This is one of the first things people try. Choose a few unrelated words.")

    seen: set[str] = set()
    bits = 0.0
    common = patterned = False
    for word in _SEPARATORS.split(passphrase):
        if not word:
            continue
        key = word.lower()
        if key in seen:
            bits += REPEAT_BITS
            patterned = True
            continue
        seen.add(key)
        if _is_common(key):
            bits += COMMON_BITS
            common = True
            continue
        word_bits, found = _word_bits(word)
        bits += word_bits
        patterned = patterned or found

    score = 1 + sum(bits >= limit for limit in THRESHOLDS)
    return Strength(score, LABELS[score], _hint(score, common=common, patterned=patterned), round(bits, 1))


def _hint(score: int, *, common: bool, patterned: bool) -> str:
    if score >= 4:
        return "This will be very hard to guess. Make sure you can remember it."
    if score == 3:
        return "Good. One more unrelated word makes it even harder to guess."
    if common:
        return "Swap very common words (like password or hello) for less usual ones."
    if patterned:
        return "Avoid repeated words, runs like abcd or 1234, and keyboard patterns."
    return "Add another unrelated word."


def _is_common(text: str) -> bool:
    """A common password, maybe in leetspeak, maybe with a year, digits or symbols added at either end."""
    core = text.strip(_PADDING)
    candidates = {text, text.translate(_LEET), core, core.translate(_LEET)}
    return any(candidate in COMMON_PASSWORDS for candidate in candidates if candidate)


def _walk_or_run_only(text: str) -> bool:
    """Nothing but keyboard walks, alphabet or digit runs and repeated characters."""
    return bool(text) and _effective_length(text)[0] <= 4.0


def _word_bits(word: str) -> tuple[float, bool]:
    """What one (not common) word is worth, and whether a run or a keyboard walk was found in it."""
    total = 0.0
    patterned = False
    for run in _RUNS.findall(word):
        effective, found = _effective_length(run.lower())
        patterned = patterned or found
        if run.isalpha():
            cap = WORD_BITS * max(1.0, len(run) / LETTERS_PER_WORD)
            value = min(effective * LETTER_BITS, cap)
            if any(ch.isupper() for ch in run[1:]):
                value += 2.0  # capitals inside a word, not just the first letter
            elif run[0].isupper():
                value += 1.0
        elif run.isdigit():
            value = effective * math.log2(10)
            if len(run) == 4 and _YEAR.fullmatch(run):
                value = min(value, 7.0)  # a year: about a hundred likely values
        else:
            value = effective * math.log2(33)
        total += value
    return total, patterned


def _effective_length(text: str) -> tuple[float, bool]:
    """Characters that carry information, and whether a pattern was found.

    A keyboard walk of 4+ keys counts as one character; a run of 3+ repeated or stepping characters (``aaa``,
    ``abcd``, ``4321``) as its first character plus 0.2 for each further one.
    """
    effective = 0.0
    found = False
    i = 0
    while i < len(text):
        walk = _walk_length(text, i)
        if walk >= _MIN_WALK:
            effective += 1.0
            found = True
            i += walk
            continue
        run = _step_run_length(text, i)
        if run >= 3:
            effective += 1.0 + 0.2 * (run - 1)
            found = True
            i += run
            continue
        effective += 1.0
        i += 1
    return effective, found


def _step_run_length(text: str, start: int) -> int:
    """Length of the run from ``start`` in which each character repeats or steps by one from the one before."""
    if start + 1 >= len(text):
        return 1
    step = ord(text[start + 1]) - ord(text[start])
    if abs(step) > 1:
        return 1
    end = start + 1
    while end + 1 < len(text) and ord(text[end + 1]) - ord(text[end]) == step:
        end += 1
    return end - start + 1


def _walk_length(text: str, start: int) -> int:
    """Length of the longest keyboard walk (forwards or backwards along a row) starting at ``start``."""
    best = 0
    for row in _KEYBOARD_ROWS:
        for line in (row, row[::-1]):
            length = _MIN_WALK
            while start + length <= len(text) and text[start : start + length] in line:
                length += 1
            best = max(best, length - 1 if length > _MIN_WALK else 0)
    return best if best >= _MIN_WALK else 0
