"""The passphrase strength estimate: plain examples, agreement with the vault's own check, and monotonicity."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.passphrase import LABELS, Strength, assess
from app.errors import WeakPassphrase
from app.storage.vault import MIN_PASSPHRASE_CHARS, check_new_passphrase


def vault_accepts(passphrase: str) -> bool:
    try:
        check_new_passphrase(passphrase)
    except WeakPassphrase:
        return False
    return True


@pytest.mark.parametrize("passphrase", ["", "abc", "short one", "123456789", "   spaced   ", "\t\n x y z \n"])
def test_too_short_scores_zero(passphrase: str) -> None:
    strength = assess(passphrase)
    assert strength == Strength(0, "Too short", strength.hint, 0.0)
    assert str(MIN_PASSPHRASE_CHARS) in strength.hint
    assert not strength.acceptable


@pytest.mark.parametrize(
    "passphrase",
    [
        "password1234",
        "p@ssw0rd2024!",
        "Password2024!",
        "qwertyuiop",
        "1234567890",
        "0987654321",
        "abcdefghijkl",
        "aaaaaaaaaaaa",
        "1111122222",
        "qwerty qwerty",
        "password password password",
        "iloveyou123",
        "letmein letmein",
        "correct horse battery staple",  # famous, so among the first guesses
        "offramp demo",  # the demo vault's passphrase
        "abcd efgh ijkl mnop",
    ],
)
def test_common_passwords_walks_and_repeats_are_weak(passphrase: str) -> None:
    strength = assess(passphrase)
    assert strength.score == 1
    assert strength.label == "Weak"


@pytest.mark.parametrize(
    ("passphrase", "score"),
    [
        ("kettle quasar", 1),  # two words: a start
        ("maple river lantern", 2),
        ("maple river lantern orbit", 3),
        ("maple river lantern orbit cactus", 4),
        ("8394027561", 2),  # ten random digits
        ("extraordinarily", 1),  # one long word is still one word
    ],
)
def test_more_unrelated_words_score_higher(passphrase: str, score: int) -> None:
    assert assess(passphrase).score == score


def test_labels_and_hints_are_plain() -> None:
    assert LABELS == ("Too short", "Weak", "Fair", "Strong", "Very strong")
    assert assess("maple river lantern").hint == "Add another unrelated word."
    assert assess("lantern orbit lantern orbit").hint.startswith("Avoid repeated words")
    assert assess("a long test passphrase").hint.startswith("Swap very common words")
    assert assess("maple river lantern orbit").hint.startswith("Good.")
    assert assess("qwertyuiop").hint == "This is one of the first things people try. Choose a few unrelated words."
    for text in ("x", "maple river lantern orbit cactus", "password1234", "kettle quasar"):
        strength = assess(text)
        assert strength.label == LABELS[strength.score]
        assert strength.hint and strength.hint.endswith(".")
        assert "\n" not in strength.hint


def test_strength_is_a_frozen_value() -> None:
    strength = assess("maple river lantern")
    with pytest.raises(dataclasses.FrozenInstanceError):
        strength.score = 4  # type: ignore[misc]


def test_capitals_inside_words_count_a_little() -> None:
    assert assess("maple River lanTern").bits > assess("maple river lantern").bits


# --- properties ---------------------------------------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=40
)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_agrees_with_the_vaults_own_check(passphrase: str) -> None:
    strength = assess(passphrase)
    assert 0 <= strength.score <= 4
    assert (strength.score == 0) == (not vault_accepts(passphrase))


@settings(max_examples=400, deadline=None)
@given(_TEXT.filter(vault_accepts), _WORD)
def test_appending_an_unrelated_word_never_lowers_the_score(passphrase: str, word: str) -> None:
    before = assess(passphrase)
    after = assess(f"{passphrase} {word}")
    assert after.score >= before.score
    assert after.score >= 1


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=8))
def test_word_lists_never_lower_the_score_as_they_grow(words: list[str]) -> None:
    scores = [assess(" ".join(["windowsill", *words[:n]])).score for n in range(len(words) + 1)]
    assert scores == sorted(scores)
