"""The core's own messages in Spanish, as a person meets them: with the app's language set to Spanish, the real
error (a wrong passphrase on a real SQLCipher vault, a vault already open, a damaged key file, a wrong PIN, a full
disk, a file that is not a backup...) carries its sentence from the core catalogue; with English, the very same
words as before. All data is fictional."""

from __future__ import annotations

import datetime as dt
import errno
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.content.templates import TemplateError
from app.core import i18n
from app.core import vault_access as va
from app.core.providers import ProviderImportError, ProviderService
from app.core.safety import SafetyService
from app.core.workspace import Workspace
from app.errors import (
    DISK_FULL,
    KeyFileDamaged,
    MalformedRecoveryCode,
    ValidationError,
    VaultInUse,
    WeakPassphrase,
    WrongPassphrase,
    storage_problem,
)
from app.storage import backup, keyfile, recovery
from app.storage import quick_unlock as qu
from app.storage.engine import damaged_message
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from tests.conftest import TEST_PASSPHRASE, InMemoryKeyring

MORNING = dt.datetime(2030, 3, 4, 9, 30)


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language(i18n.DEFAULT)


@pytest.fixture
def unlocked(tmp_data_dir: Path, keyring_backend: InMemoryKeyring) -> Iterator[UnlockedVault]:
    opened, _code = Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    yield opened
    opened.lock()


# --- unlocking the vault -----------------------------------------------------------------------------------------


def test_a_wrong_passphrase_is_said_in_spanish(unlocked: UnlockedVault, spanish: None) -> None:
    vault = unlocked.vault
    unlocked.lock()
    with pytest.raises(WrongPassphrase) as err:
        va.unlock(vault, "not the passphrase at all")
    assert err.value.message == (
        "Esa frase de contraseña no abre esta bóveda. Revise las mayúsculas (Bloq Mayús) y el idioma del teclado, "
        "y vuelva a intentarlo."
    )


def test_a_wrong_passphrase_in_english_is_unchanged(unlocked: UnlockedVault) -> None:
    vault = unlocked.vault
    unlocked.lock()
    with pytest.raises(WrongPassphrase) as err:
        va.unlock(vault, "not the passphrase at all")
    assert err.value.message == (
        "That passphrase does not open this vault. Check Caps Lock and the keyboard language, then try again."
    )


def test_a_vault_open_elsewhere_is_said_in_spanish(unlocked: UnlockedVault, spanish: None) -> None:
    with pytest.raises(VaultInUse) as err:
        Vault(unlocked.vault.data_dir).unlock(TEST_PASSPHRASE)
    assert err.value.message.startswith("Esta bóveda ya está abierta en otra ventana o comando de Offramp")


def test_a_key_file_that_cannot_be_read_is_said_in_spanish(unlocked: UnlockedVault, spanish: None) -> None:
    vault = unlocked.vault
    unlocked.lock()
    vault.key_path.write_bytes(b"{ this is not a key file")
    with pytest.raises(KeyFileDamaged) as err:
        va.unlock(vault, TEST_PASSPHRASE)
    assert err.value.message == (
        "El archivo de clave de la bóveda está dañado y no se puede leer en absoluto. No se cambió nada. "
        "Restaure la bóveda desde su copia de seguridad más reciente."
    )
    assert keyfile.DAMAGED_BEYOND.startswith("The vault's key file is damaged")  # the constant stays English


def test_a_mistyped_recovery_code_names_its_group_in_spanish(spanish: None) -> None:
    code, _secret = recovery.generate()
    groups = code.split("-")
    groups[2] = groups[2][:4] + ("0" if groups[2][4] != "0" else "1")  # a wrong check character in group 3
    with pytest.raises(MalformedRecoveryCode) as err:
        recovery.parse("-".join(groups))
    assert err.value.message == (
        "El grupo 3 del código de recuperación no parece correcto. Compárelo con la hoja impresa."
    )
    with pytest.raises(MalformedRecoveryCode) as err:
        recovery.parse("ABCDE")
    assert err.value.message == (
        "Un código de recuperación tiene 8 grupos de 5 caracteres; este tiene 5 caracteres. "
        "Compárelo con la hoja impresa."
    )


# --- quick unlock ------------------------------------------------------------------------------------------------


def test_a_wrong_pin_and_the_pins_status_are_said_in_spanish(unlocked: UnlockedVault, spanish: None) -> None:
    qu.enable_quick_unlock(unlocked, "482915", now=MORNING, day_ends_at_hour=18)
    unlocked.lock()
    vault = unlocked.vault
    state = va.quick_unlock_state(vault, MORNING)
    assert state.available and state.reason == "El desbloqueo rápido está activado hasta las 18:00."
    with pytest.raises(qu.WrongPin) as err:
        va.unlock_with_pin(vault, "0000", now=MORNING)
    assert err.value.message == (
        "Ese PIN no es correcto. Quedan 2 intentos antes de que haga falta la frase de contraseña."
    )
    with pytest.raises(qu.WrongPin) as err:
        va.unlock_with_pin(vault, "1111", now=MORNING)
    assert err.value.message == (
        "Ese PIN no es correcto. Queda 1 intento antes de que haga falta la frase de contraseña."
    )
    with pytest.raises(qu.WrongPin) as err:
        va.unlock_with_pin(vault, "2222", now=MORNING)
    assert err.value.message.endswith("así que el PIN queda desactivado. Escriba su frase de contraseña, por favor.")
    state = va.quick_unlock_state(vault, MORNING)
    assert state.reason == (
        "El PIN se desactivó después de tres intentos fallidos. Escriba su frase de contraseña, por favor."
    )
    assert state.worth_saying  # still recognised as worth saying on the unlock screen when it is in Spanish
    with pytest.raises(qu.InvalidPin) as invalid:
        va.check_pin("12ab")
    assert invalid.value.message == "Un PIN tiene de 4 a 12 dígitos, sin letras ni espacios."


def test_the_pins_words_in_english_are_unchanged(unlocked: UnlockedVault) -> None:
    qu.enable_quick_unlock(unlocked, "482915", now=MORNING, day_ends_at_hour=18)
    unlocked.lock()
    with pytest.raises(qu.WrongPin) as err:
        va.unlock_with_pin(unlocked.vault, "0000", now=MORNING)
    assert err.value.message == "That PIN is not right. 2 tries left before the passphrase is needed."
    with pytest.raises(qu.InvalidPin) as invalid:
        va.check_pin("12ab")
    assert invalid.value.message == "A PIN is 4 to 12 digits, with no letters or spaces."


# --- disks, backups, new passphrases -----------------------------------------------------------------------------


def test_a_full_disk_and_a_damaged_database_are_said_in_spanish(spanish: None) -> None:
    problem = storage_problem(OSError(errno.ENOSPC, "No space left on device"))
    assert problem is not None and problem.message.startswith("El disco está lleno, así que Offramp no puede abrir")
    assert DISK_FULL.startswith("The disk is full")
    assert "(se encontraron 3 partes dañadas)" in damaged_message([4, 9, 12])
    assert "(se encontró 1 parte dañada)" in damaged_message([4])


def test_a_damaged_database_in_english_is_unchanged() -> None:
    assert "(3 damaged parts found)" in damaged_message([4, 9, 12])
    assert "(1 damaged part found)" in damaged_message([4])
    assert "(damaged parts found)" in damaged_message([])


def test_a_file_that_is_not_a_backup_is_said_in_spanish(unlocked: UnlockedVault, tmp_path: Path, spanish: None) -> None:
    not_a_backup = tmp_path / "notes.offramp-backup"
    not_a_backup.write_bytes(b"just some bytes")
    with pytest.raises(backup.BackupError) as err:
        va.other_vault_question(unlocked.vault, not_a_backup)
    assert err.value.message == "Ese archivo no es una copia de seguridad de Offramp, o está dañado. No se cambió nada."


def test_another_vaults_backup_is_described_with_a_spanish_date(spanish: None) -> None:
    header: dict[str, object] = {"created_at": "2026-03-04T10:00:00+00:00", "device_id": "1a2b3c4d5e6f"}
    assert backup.describe_vault(header) == (
        "creada el 4 de marzo de 2026 en el equipo con identificador de dispositivo 1a2b3c4d"
    )
    assert backup.describe_vault({}) == (
        "creada en una fecha desconocida en el equipo con identificador de dispositivo desconocido"
    )


def test_another_vaults_backup_in_english_is_unchanged() -> None:
    header: dict[str, object] = {"created_at": "2026-03-04T10:00:00+00:00", "device_id": "1a2b3c4d5e6f"}
    assert backup.describe_vault(header) == "created on 4 March 2026 on the computer with device ID 1a2b3c4d"


def test_a_short_new_passphrase_is_refused_in_spanish(tmp_data_dir: Path, spanish: None) -> None:
    with pytest.raises(WeakPassphrase) as err:
        Vault(tmp_data_dir).create("short", kdf_params=KdfParams.floor())
    assert err.value.message.startswith("Elija una frase de contraseña de al menos 10 caracteres, por favor.")
    with pytest.raises(WeakPassphrase) as err:
        Vault(tmp_data_dir).create("password1234", kdf_params=KdfParams.floor())
    assert err.value.message == (
        "Esa frase de contraseña sería fácil de adivinar para otra persona, así que, por favor, elija otra. "
        "Esta es una contraseña muy común. Agregue una o dos palabras más. Las palabras poco comunes son mejores."
    )  # zxcvbn's own advice too, through the catalogue


# --- forms, template and provider imports -------------------------------------------------------------------------

TEMPLATE = Path(__file__).resolve().parents[2] / "app" / "content" / "bundled" / "example-indicator-screening.toml"


def test_a_bundled_template_cannot_be_replaced_said_in_spanish(workspace: Workspace, spanish: None) -> None:
    with pytest.raises(TemplateError) as err:
        workspace.templates.import_text(TEMPLATE.read_text(encoding="utf-8"), name="office.toml")
    assert err.value.message == (
        "office.toml: la versión 1 de 'example-indicator-screening' viene con Offramp y no se puede reemplazar. "
        "Dé a la plantilla de la oficina su propio id o un número de versión nuevo."
    )
    with pytest.raises(TemplateError) as err:
        workspace.templates.get("demo-office-screening", "7")
    assert err.value.message.startswith("La versión 7 de la plantilla 'demo-office-screening' no está en este equipo.")


def test_a_provider_file_with_bad_rows_is_refused_in_spanish(workspace: Workspace, spanish: None) -> None:
    bad = "name,categories,email\n,medical,clinic@example.org\nWillow Demo Centre,mental_health,not-an-email\n"
    with pytest.raises(ProviderImportError) as err:
        ProviderService(workspace).import_bytes(bad.encode())
    assert err.value.message == "No se importó nada: hay que corregir primero 2 filas (filas 2, 3)."
    rows = [str(problem) for problem in err.value.problems]
    assert "Fila 2: falta el nombre del proveedor" in rows
    assert "Fila 3: 'not-an-email' no parece una dirección de correo electrónico" in rows
    with pytest.raises(ProviderImportError) as err:
        ProviderService(workspace).import_bytes(b"name,colour\n")
    assert err.value.message.startswith(
        "La primera fila tiene que nombrar las columnas, y no tiene la columna 'categories' y tiene columnas que "
        "Offramp no conoce ('colour')."
    )


def test_a_provider_file_in_english_is_refused_in_the_same_words_as_before(workspace: Workspace) -> None:
    bad = "name,categories,email\n,medical,clinic@example.org\n"
    with pytest.raises(ProviderImportError) as err:
        ProviderService(workspace).import_bytes(bad.encode())
    assert err.value.message == "Nothing was imported: 1 row needs fixing first (row 2)."
    assert str(err.value.problems[0]) == "Row 2: the provider's name is missing"


def test_form_checks_are_said_in_spanish(workspace: Workspace, spanish: None) -> None:
    ws = workspace
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        ws.records.create("person", {"preferred_name": "Ana Ejemplo", "date_of_birth": tomorrow})
    assert err.value.message == "La fecha de nacimiento no puede ser en el futuro."
    person = ws.records.create("person", {"preferred_name": "Ana Ejemplo"}).id
    rid = ws.sessions.start(person, "checklist", "interview-checklist", "1")
    with pytest.raises(ValidationError) as err:
        ws.sessions.finish("checklist_response", rid, "complete")
    assert err.value.message.startswith(
        "Antes de marcar esto como completo, registre 5 elementos del final de la sesión"
    )
    plan = SafetyService(ws).open_plan(person)
    with pytest.raises(ValidationError) as err:
        SafetyService(ws).change_item(plan.id, {"survivor_choice": "declined"})
    assert err.value.message == (
        "Lo que la persona eligió y dijo se conserva tal como se registró. "
        "En su lugar, guarde una revisión nueva con fecha."
    )
    with pytest.raises(ValidationError) as err:
        ws.records.create("consent", {"recipient": "x", "starts_on": "pronto"}, person_id=person)
    assert err.value.message.startswith("Escriba el campo «")


def test_form_checks_in_english_are_unchanged(workspace: Workspace) -> None:
    person = workspace.records.create("person", {"preferred_name": "Ana Ejemplo"}).id
    rid = workspace.sessions.start(person, "checklist", "interview-checklist", "1")
    with pytest.raises(ValidationError) as err:
        workspace.sessions.finish("checklist_response", rid, "complete")
    assert err.value.message.startswith("Before this can be marked complete, please record 5 items from the end")
