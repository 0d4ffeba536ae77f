"""Sync now and enrolment in Spanish, against a real office server process: the progress lines, a revoked device's
refusal, a lost connection, the clock warning and an enrolment code that is not right come from the core catalogue
when the app's language is Spanish; in English they are the words they always were. All data is fictional."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.core import i18n
from app.core.conflicts import KINDS, REASON_ACCESS, REASON_CONSENT, kind_words
from app.protocol import certs
from app.server import admin
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.sync.client import SyncInterrupted, SyncRefused, SyncSession, clock_warning, office_words
from app.sync.enrol import EnrolmentError, enrol
from app.sync.run import REASON_WORDS, Removed, count_words
from tests.conftest import TEST_PASSPHRASE
from tests.server.conftest import Office
from tests.sync.conftest import Laptop


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language(i18n.DEFAULT)


class Unreachable(httpx.BaseTransport):
    """The office network dropping every request (what a pulled cable looks like to httpx)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)


def test_sync_now_speaks_spanish_from_connecting_to_a_revoked_device(office: Office, laptops, spanish: None) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    a.ws.records.create("person", {"preferred_name": "Rosa Ejemplo"})
    a.ws.records.create("person", {"preferred_name": "Luz Ejemplo"})
    a.sync()
    assert a.lines[0] == f"Conectando con {office.url}"
    assert "Enviando 2 cambios" in a.lines
    with pytest.raises(SyncInterrupted) as lost:
        SyncSession(a.ws, timeout=5, transport=Unreachable()).run()
    assert lost.value.message == (
        "Se perdió la conexión con el servidor de la oficina. No se perdió nada: sincronice de nuevo para continuar."
    )
    admin.revoke_device(office.engine, a.vault.identity.device_id)
    with pytest.raises(SyncRefused) as refused:
        a.sync()
    assert refused.value.reason == "device_revoked"
    assert refused.value.message == (
        "La oficina retiró la inscripción de este equipo. Consulte con la persona que administra Offramp en su oficina."
    )


def test_a_revoked_device_in_english_hears_the_offices_own_words(office: Office, laptops) -> None:  # type: ignore[no-untyped-def]
    a: Laptop = laptops("Advocacy A")
    a.sync()
    assert a.lines[0] == f"Connecting to {office.url}"
    admin.revoke_device(office.engine, a.vault.identity.device_id)
    with pytest.raises(SyncRefused) as refused:
        a.sync()
    assert refused.value.message == "This device's enrollment was withdrawn by the office. Ask your office admin."


def test_an_enrolment_code_that_is_not_right_is_refused_in_spanish(
    office: Office, tmp_path: Path, spanish: None
) -> None:
    unlocked, _code = Vault(tmp_path / "v").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        with pytest.raises(EnrolmentError) as err:
            enrol(
                unlocked,
                TEST_PASSPHRASE,
                server=office.url,
                code="NOT-A-REAL-CODE",
                fingerprint=certs.fingerprint(office.ca_pem),
            )
        assert err.value.message == "Ese código de inscripción no es correcto. Compárelo con la hoja, o pida uno nuevo."
        with pytest.raises(EnrolmentError) as err:
            enrol(
                unlocked,
                TEST_PASSPHRASE,
                server="http://office.example",
                code="x",
                fingerprint=certs.fingerprint(office.ca_pem),
            )
        assert err.value.message == (
            "La dirección del servidor empieza por https:// (está impresa en la hoja de inscripción)."
        )
        assert unlocked.identity.kind == "personal"
    finally:
        unlocked.lock()


def test_the_offices_sentences_and_the_summarys_lines_in_spanish(spanish: None) -> None:
    assert clock_warning(7).startswith("El reloj de este equipo tiene unos 7 minutos de diferencia")
    assert office_words("This account was switched off by the office.") == "La oficina desactivó esta cuenta."
    # A sentence the catalogue does not know (a newer server's) is shown as the server wrote it.
    assert office_words("Something a newer office says.") == "Something a newer office says."
    removed = Removed("person", 2, "the office did not accept it; your copy is kept here (see below)")
    assert removed.sentence == "2 personas: la oficina no lo aceptó; su copia se guarda aquí (vea más abajo)."
    assert Removed("referral", 1, REASON_ACCESS).sentence == "1 derivación: la oficina cambió quién puede verlo."
    assert count_words("safety_plan", 3) == "3 planes de seguridad"


def test_the_clock_warning_in_english_is_the_offices_sentence() -> None:
    assert clock_warning(7) == (
        "This computer's clock is about 7 minutes off the office server's. "
        "Times shown may be off until it is set right."
    )


def test_the_summarys_counts_and_reasons_in_english_are_the_words_they_always_were() -> None:
    # One source of the kind words (app/core/records.py's KINDS), said the same by the summary and the conflicts.
    assert {REASON_CONSENT, REASON_ACCESS} == set(REASON_WORDS)
    assert count_words("referral", 1) == kind_words("referral", 1) == "1 referral"
    assert count_words("person", 3) == "3 people"
    assert count_words("disclosure", 0) == "0 shared records"
    assert all(kind_words(record_type, 2).startswith("2 ") for record_type in KINDS)
    assert Removed("disclosure", 2, REASON_CONSENT).sentence == (
        "2 shared records: the consent it was shared under ended or was withdrawn."
    )
