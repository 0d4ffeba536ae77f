"""The passphrase policy (issue 16, item 6): zxcvbn judges how guessable a new passphrase is; the vault refuses what
it rates weakest (``aaaaaaaaaa``, ``password12``, ``Summer2024!``) with a kind sentence and zxcvbn's advice, the meter
agrees with the vault, and an office policy (CJIS-minded: 10+ characters, not a dictionary word) can require more."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import main
from app.core.passphrase import CJIS, LABELS, STANDARD, PassphrasePolicy, Strength, assess, check_passphrase_policy
from app.errors import WeakPassphrase
from app.storage.kdf import KdfParams
from app.storage.vault import MIN_PASSPHRASE_CHARS, Vault, check_new_passphrase

REFUSED = ["aaaaaaaaaa", "password12", "Summer2024!", "qwertyuiop", "1234567890", "abcdefghijkl", "p@ssw0rd2024!",
           "iloveyou123", "extraordinarily", "password password password"]  # fmt: skip
ACCEPTED = ["a long test passphrase", "lantern orbit cactus meadow", "kettle quasar", "offramp demo",
            "maple river lantern", "correct horse battery staple"]  # fmt: skip


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


@pytest.mark.parametrize("passphrase", REFUSED)
def test_what_zxcvbn_rates_weakest_is_refused_kindly_with_its_advice(passphrase: str) -> None:
    strength = assess(passphrase)
    assert strength.score in (1, 2) and not strength.acceptable
    with pytest.raises(WeakPassphrase) as caught:
        check_new_passphrase(passphrase)
    message = caught.value.message
    assert message.startswith("That passphrase would be easy for someone else to guess, so please choose another.")
    assert strength.hint in message  # the same advice the meter showed while typing
    assert passphrase not in message  # never repeated back


def test_the_three_from_the_issue_get_zxcvbns_own_words() -> None:
    assert assess("aaaaaaaaaa").hint.startswith('Repeats like "aaa" are easy to guess.')
    assert assess("password12").hint.startswith("This is a very common password.")
    assert assess("Summer2024!").hint.startswith("This is similar to a commonly used password.")


@pytest.mark.parametrize("passphrase", ACCEPTED)
def test_unrelated_words_are_accepted(passphrase: str) -> None:
    assert assess(passphrase).acceptable
    check_new_passphrase(passphrase)
    check_passphrase_policy(passphrase, CJIS)


def test_labels_and_hints_are_plain() -> None:
    assert LABELS == ("Too short", "Very easy to guess", "Easy to guess", "Strong", "Very strong")
    assert assess("kettle quasar").hint == "Good. One more unrelated word makes it even harder to guess."
    assert assess("maple river lantern").hint == "This will be very hard to guess. Make sure you can remember it."
    for text in ("x", *REFUSED, *ACCEPTED):
        strength = assess(text)
        assert strength.label == LABELS[strength.score]
        assert strength.hint and strength.hint.endswith(".")
        assert "\n" not in strength.hint


def test_strength_is_a_frozen_value() -> None:
    strength = assess("maple river lantern")
    with pytest.raises(dataclasses.FrozenInstanceError):
        strength.score = 4  # type: ignore[misc]


def test_an_office_policy_can_refuse_one_dictionary_word_dressed_up() -> None:
    # Strong enough for zxcvbn (score 3), but its letters are one dictionary word.
    assert assess("M0untainside#2024").acceptable
    check_passphrase_policy("M0untainside#2024", STANDARD)
    strict = assess("M0untainside#2024", CJIS)
    assert strict.score == 2 and not strict.acceptable
    assert "not a single dictionary word" in strict.hint
    with pytest.raises(WeakPassphrase, match="not a single dictionary word"):
        check_passphrase_policy("Unquestionably!!77", CJIS)
    longer = PassphrasePolicy(min_length=16)
    with pytest.raises(WeakPassphrase, match="at least 16 characters"):
        check_passphrase_policy("kettle quasar", longer)
    with pytest.raises(ValueError):
        PassphrasePolicy(min_length=8)  # never below the vault's own floor


def test_the_command_line_refuses_a_weak_passphrase_and_makes_no_vault(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("Summer2024!\n")
    data = tmp_path / "data"
    status = main(["vault", "create", "--data-dir", str(data), "--passphrase-file", str(secret), "--fast-kdf"])
    assert status == 1
    err = capsys.readouterr().err
    assert "easy for someone else to guess" in err and "Summer2024!" not in err
    assert not Vault(data).exists()
    with pytest.raises(WeakPassphrase):
        Vault(data).create("password12", kdf_params=KdfParams.floor())
    assert not Vault(data).exists()


# --- properties ---------------------------------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_meter_agrees_with_the_vaults_own_check(passphrase: str) -> None:
    strength = assess(passphrase)
    assert 0 <= strength.score <= 4
    assert strength.acceptable == vault_accepts(passphrase)
    assert (strength.score == 0) == (len(passphrase.strip()) < MIN_PASSPHRASE_CHARS)
