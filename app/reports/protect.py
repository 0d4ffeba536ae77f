"""Password protection for PDFs that leave the vault: AES-256 (PDF 2.0, revision 6), via pypdf.

A PDF written to disk is outside the vault's encryption. When the user sets a password, every string and stream
of the document is encrypted with AES-256 and the file does not open without it. The owner password is random and
thrown away: nobody, including us, can lift the protection without the user's password.
"""

from __future__ import annotations

import io
import secrets

from pypdf import PdfReader, PdfWriter

from app.errors import ValidationError

#: A password shorter than this protects little; the dialogs ask for at least this many characters.
MIN_PASSWORD_LENGTH = 8


def check_password(password: str) -> None:
    """Raise :class:`ValidationError` with a plain message when ``password`` is too weak to protect a file."""
    if len(password.strip()) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Please use a password of at least {MIN_PASSWORD_LENGTH} characters. A short one can be guessed.",
            field="password",
        )


def protect_pdf(pdf: bytes, password: str) -> bytes:
    """The same document, encrypted with AES-256 so it opens only with ``password``.

    Raises :class:`ValidationError` when the password is too short.
    """
    check_password(password)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(32),
        algorithm="AES-256",
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def is_protected(pdf: bytes) -> bool:
    """True when the document is encrypted (opening it needs a password)."""
    return bool(PdfReader(io.BytesIO(pdf)).is_encrypted)
