"""Argon2id key derivation with a floor the product never goes below, and calibration to this machine."""

from __future__ import annotations

import math
import time
import unicodedata
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

from app.memory import wipe_bytes

KEY_BYTES = 32
SALT_BYTES = 16
#: Never below this (DESIGN.md section 2): t=3, m=64 MiB.
FLOOR_TIME_COST = 3
FLOOR_MEMORY_KIB = 64 * 1024
#: Calibration aims for about 0.5–1 s of derivation on the machine that creates the vault.
TARGET_SECONDS = (0.5, 1.0)
# 128 MiB keeps an old 4 GB laptop comfortable (the peak memory target is 300 MB with 100,000 people);
# past it, calibration adds passes instead.
MAX_MEMORY_KIB = 128 * 1024


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int = 1

    def __post_init__(self) -> None:
        if self.time_cost < FLOOR_TIME_COST or self.memory_kib < FLOOR_MEMORY_KIB or self.parallelism < 1:
            raise ValueError("Argon2id parameters below the floor (t=3, m=64 MiB) are never used")

    @classmethod
    def floor(cls) -> KdfParams:
        """The minimum parameters: for tests and scripts that ask for speed explicitly."""
        return cls(FLOOR_TIME_COST, FLOOR_MEMORY_KIB, 1)

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> KdfParams:
        return cls(int(data["time_cost"]), int(data["memory_kib"]), int(data.get("parallelism", 1)))  # type: ignore[call-overload]


def normalise_passphrase(passphrase: str) -> bytes:
    """The same passphrase typed on another keyboard or system must give the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytearray:
    """A 32-byte key as a bytearray, so the caller can zero it when done (argon2's own bytes result is zeroed)."""
    raw = hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    key = bytearray(raw)
    wipe_bytes(raw)
    return key


def derive_from_passphrase(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    """:func:`derive` from a passphrase; the UTF-8 copy made for argon2 is zeroed as soon as it has been used."""
    secret = normalise_passphrase(passphrase)
    try:
        return derive(secret, salt, params)
    finally:
        wipe_bytes(secret)


def _time_once(params: KdfParams) -> float:
    start = time.perf_counter()
    derive(b"calibration", b"\0" * SALT_BYTES, params)
    return time.perf_counter() - start


def calibrate(target: tuple[float, float] = TARGET_SECONDS) -> KdfParams:
    """Grow memory first (it is what hurts attackers most), then passes, until derivation takes ``target``."""
    low, high = target
    aim = (low + high) / 2  # passes scale time linearly but timings wobble: aim for the middle, not the edge
    memory = FLOOR_MEMORY_KIB
    time_cost = FLOOR_TIME_COST
    elapsed = _time_once(KdfParams(time_cost, memory))
    while elapsed < low and memory < MAX_MEMORY_KIB:
        memory *= 2
        elapsed = _time_once(KdfParams(time_cost, memory))
    while elapsed < low and time_cost < 64:
        factor = max(1.0, aim / max(elapsed, 1e-3))
        time_cost = max(time_cost + 1, math.ceil(time_cost * factor))
        elapsed = _time_once(KdfParams(time_cost, memory))
    return KdfParams(time_cost, memory)
