"""Printable recovery codes: 160 random bits as eight groups of five characters, each group with a check character.

The alphabet leaves out letters that look like digits (I, L, O, U), and reading is forgiving: case, spaces, dashes,
and O/I/L typed for 0/1/1 are all accepted. Each group carries a check character computed over its position and its
four data characters, so a mistyped or swapped group is named ("group 3 does not look right") instead of failing
as a wrong code after a slow key derivation.
"""

from __future__ import annotations

import hashlib
import os

from app.core.i18n import _, ngettext
from app.errors import MalformedRecoveryCode

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
GROUPS = 8
DATA_PER_GROUP = 4
SECRET_BITS = GROUPS * DATA_PER_GROUP * 5  # 160
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def _check_char(index: int, data: str) -> str:
    digest = hashlib.sha256(f"offramp-recovery/{index}/{data}".encode("ascii")).digest()
    return ALPHABET[digest[0] % 32]


def _encode(secret: bytes) -> str:
    value = int.from_bytes(secret, "big")
    chars = []
    for _step in range(GROUPS * DATA_PER_GROUP):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def _decode(chars: str) -> bytes:
    value = 0
    for ch in chars:
        value = (value << 5) | ALPHABET.index(ch)
    return value.to_bytes(SECRET_BITS // 8, "big")


def generate() -> tuple[str, bytes]:
    """A new code (for showing and printing once) and the secret it stands for."""
    secret = os.urandom(SECRET_BITS // 8)
    return format_code(secret), secret


def format_code(secret: bytes) -> str:
    data = _encode(secret)
    groups = []
    for i in range(GROUPS):
        chunk = data[i * DATA_PER_GROUP : (i + 1) * DATA_PER_GROUP]
        groups.append(chunk + _check_char(i, chunk))
    return "-".join(groups)


def parse(text: str) -> bytes:
    """The secret behind a typed code, or a message that says which group to look at again."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)
    expected = GROUPS * (DATA_PER_GROUP + 1)
    if len(cleaned) != expected:
        raise MalformedRecoveryCode(
            ngettext(
                "A recovery code has {groups} groups of {size} characters; "
                "this one has {n} character. Check it against the printed sheet.",
                "A recovery code has {groups} groups of {size} characters; "
                "this one has {n} characters. Check it against the printed sheet.",
                len(cleaned),
            ).format(groups=GROUPS, size=DATA_PER_GROUP + 1, n=len(cleaned))
        )
    bad = [ch for ch in cleaned if ch not in ALPHABET]
    if bad:
        raise MalformedRecoveryCode(_("The recovery code has a character that is not on the printed sheet."))
    data = []
    for i in range(GROUPS):
        group = cleaned[i * 5 : (i + 1) * 5]
        if _check_char(i, group[:4]) != group[4]:
            raise MalformedRecoveryCode(
                _("Group {n} of the recovery code does not look right. Check it against the printed sheet.").format(
                    n=i + 1
                )
            )
        data.append(group[:4])
    return _decode("".join(data))


def group_of(code: str, index: int) -> str:
    """Group ``index`` (0-based) of a formatted code, for "type back two groups" checks."""
    return code.split("-")[index]
