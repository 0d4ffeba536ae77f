"""The Office Recovery Kit: the office recovery private key, printed once, never kept by the server.

It opens enrolled vaults whose passphrase is forgotten and it is the only key to the server's backups, which are
sealed to its public half (``app.server.backup``); ``offramp-server restore`` asks for it as typed from the sheet.

The key (32 bytes, X25519 for PyNaCl sealed boxes) is shown as 13 groups of four Crockford base32 data characters,
each group followed by a check character over its position and data, so a mistyped group is named. The PDF names
the office (not any person) and says plainly what the kit does and where to keep it.
"""

from __future__ import annotations

import hashlib
import html
from datetime import date

from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer

from app.errors import OfframpError
from app.reports.pdf import Document
from app.reports.recovery_sheet import code_sheet_styles, group_grid, sections_story

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 13
DATA_PER_GROUP = 4
GROUPS_PER_ROW = 4
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
TITLE = "Office Recovery Kit"


class MalformedOfficeKey(OfframpError):
    code = "malformed_office_key"


def _check(index: int, data: str) -> str:
    return ALPHABET[hashlib.sha256(f"offramp-office-recovery/{index}/{data}".encode("ascii")).digest()[0] % 32]


def format_key(private_key: bytes) -> str:
    if len(private_key) != 32:
        raise ValueError("an office recovery key is 32 bytes")
    value = int.from_bytes(private_key, "big") << 4  # 256 bits padded to 260 = 52 characters
    chars = []
    for _ in range(GROUPS * DATA_PER_GROUP):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    data = "".join(reversed(chars))
    groups = []
    for i in range(GROUPS):
        chunk = data[i * DATA_PER_GROUP : (i + 1) * DATA_PER_GROUP]
        groups.append(chunk + _check(i, chunk))
    return "-".join(groups)


def parse_key(text: str) -> bytes:
    """The private key behind a typed kit, or a message naming the group to look at again."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(cleaned) != GROUPS * (DATA_PER_GROUP + 1) or any(ch not in ALPHABET for ch in cleaned):
        raise MalformedOfficeKey(
            f"An office recovery key has {GROUPS} groups of {DATA_PER_GROUP + 1} characters. Check it against "
            "the printed kit."
        )
    data = []
    for i in range(GROUPS):
        group = cleaned[i * 5 : (i + 1) * 5]
        if _check(i, group[:4]) != group[4]:
            raise MalformedOfficeKey(f"Group {i + 1} of the office recovery key does not look right.")
        data.append(group[:4])
    value = 0
    for ch in "".join(data):
        value = (value << 5) | ALPHABET.index(ch)
    return (value >> 4).to_bytes(32, "big")


SECTIONS: tuple[tuple[str, str], ...] = (
    (
        "What this kit does",
        "Every Offramp vault enrolled with this office can be opened with this key when its passphrase is "
        "forgotten, so that a new passphrase can be set, and it is the only key that restores the office server "
        "from its backups. The office server does not keep this key: if this sheet is lost, no one can make "
        "another.",
    ),
    (
        "Keep it safe",
        "Keep this sheet in a locked place away from the office computers, ideally in two sealed copies in two "
        "places. Anyone holding it and a copy of a vault could open that vault. Please do not photograph it, "
        "scan it or keep the file once it is printed.",
    ),
    (
        "Checking it belongs to this office",
        "The public key check printed under the key must match what 'offramp-server init' showed on screen. "
        "It is safe to share.",
    ),
    (
        "Typing it in",
        "Capital or small letters, spaces and dashes do not matter. There is no letter O, I, L or U, so 0 and 1 "
        "are always numbers. Each group ends with a check character, so a mistyped group is pointed out.",
    ),
)


def public_check(public_key: bytes) -> str:
    """A short, shareable check of the public key: the first 16 hex characters of its SHA-256, in four groups."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def kit_pdf(private_key: bytes, public_key: bytes, *, office_name: str, created: date) -> bytes:
    groups = format_key(private_key).split("-")
    doc = Document(title=TITLE, side_margin=0.9 * inch, top_margin=0.8 * inch)
    # The recovery sheet's look with a smaller code: 13 groups of five need four rows, and the page stays one page.
    styles = code_sheet_styles(group_size=22, heading_space=10, body_leading=15)
    story = [
        Paragraph(html.escape(TITLE), styles["title"]),
        Paragraph(
            html.escape(f"{office_name} · made on {created:%B} {created.day}, {created.year}"),
            styles["subtitle"],
        ),
        Spacer(1, 0.25 * inch),
        group_grid(groups, styles["number"], styles["group"], doc.width, per_row=GROUPS_PER_ROW, gap=10),
        Spacer(1, 0.1 * inch),
        Paragraph(html.escape(f"Public key check: {public_check(public_key)}"), styles["subtitle"]),
        *sections_story(SECTIONS, styles),
    ]
    return doc.render(story)
