"""Argon2id key derivation with a floor the product never goes below, and calibration to this machine."""

from __future__ import annotations

import math
import statistics
import time
import unicodedata
from collections.abc import Callable
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


#: Each calibration step times this many derivations and goes by their median (one slow or fast run moves nothing).
TRIALS = 5
#: Calibration never adds passes past this many.
MAX_TIME_COST = 64
#: At most this many rounds of adjusting passes; each round is one set of trials.
MAX_ROUNDS = 8

#: Times one derivation with the given parameters, in seconds (injected in tests: no clock is read there).
Timer = Callable[["KdfParams"], float]


def _time_once(params: KdfParams) -> float:
    start = time.perf_counter()
    derive(b"calibration", b"\0" * SALT_BYTES, params)
    return time.perf_counter() - start


@dataclass(frozen=True)
class Calibration:
    """What calibration chose and what it measured for it: the median and the fastest of its last trials."""

    params: KdfParams
    median_seconds: float
    fastest_seconds: float
    trials: int


def _sample(timer: Timer, params: KdfParams, trials: int) -> tuple[float, float]:
    times = [timer(params) for _ in range(trials)]
    return statistics.median(times), min(times)


def _passes_for(seconds: float, points: list[tuple[int, float]], current: int) -> int:
    """The fewest passes expected to take ``seconds``, from times measured at several pass counts.

    Derivation time is about ``fixed + per_pass * passes``: with two pass counts measured, the line through the two
    nearest ``current`` is used; with one (or where timings wobble into a line that does not rise), time is taken
    as growing in proportion to the passes from the one at ``current``.
    """
    known = dict(points)
    near = sorted(known, key=lambda t: (abs(t - current), t))[:2]
    if len(near) == 2:
        (t1, y1), (t2, y2) = sorted((t, known[t]) for t in near)
        slope = (y2 - y1) / (t2 - t1)
        if slope > 0:
            return math.ceil((seconds - (y1 - slope * t1)) / slope - 1e-9)
    return math.ceil(current * seconds / max(known[current], 1e-9) - 1e-9)


def calibration(
    target: tuple[float, float] = TARGET_SECONDS, *, timer: Timer = _time_once, trials: int = TRIALS
) -> Calibration:
    """Choose Argon2id parameters whose derivation takes ``target`` on this machine, and say what was measured.

    Memory grows first (it is what hurts attackers most), up to :data:`MAX_MEMORY_KIB`, then passes. Every step
    times ``trials`` derivations and goes by their median, aiming at the middle of ``target``. It ends only where
    even the fastest trial took at least the low end: the fastest is what the machine does when nothing competes
    with it, so a machine that was busy while it measured, and looked slower than it is, is not left with too few
    passes. It takes passes away (when too slow) only while that stays true: the low end wins over the high end when
    both cannot hold. It never goes below the floor, nor above :data:`MAX_TIME_COST` passes.
    """
    low, high = target
    aim = (low + high) / 2
    trials = max(1, trials)
    memory = FLOOR_MEMORY_KIB
    time_cost = FLOOR_TIME_COST
    median, fastest = _sample(timer, KdfParams(time_cost, memory), trials)
    while fastest < low and memory < MAX_MEMORY_KIB:
        memory = min(memory * 2, MAX_MEMORY_KIB)
        median, fastest = _sample(timer, KdfParams(time_cost, memory), trials)
    seen = {time_cost: (median, fastest)}  # passes -> (median, fastest), at the memory chosen
    for _ in range(MAX_ROUNDS):
        too_few = max((t for t, (_m, f) in seen.items() if f < low), default=0)  # passes seen falling short
        wanted = _passes_for(aim, [(t, m) for t, (m, _f) in seen.items()], time_cost)
        lowest_ok = max(too_few + 1, _passes_for(low, [(t, f) for t, (_m, f) in seen.items()], time_cost))
        if fastest < low:
            chosen = min(MAX_TIME_COST, max(wanted, lowest_ok))
        elif median > high:
            chosen = min(time_cost, max(FLOOR_TIME_COST, wanted, lowest_ok))
        else:
            break
        if chosen == time_cost or chosen in seen:
            break
        time_cost = chosen
        median, fastest = _sample(timer, KdfParams(time_cost, memory), trials)
        seen[time_cost] = (median, fastest)
    if fastest < low:
        # Rounds ran out on a shortfall: take the measured choice nearest the aim of those that reached the low end.
        reached = [t for t, (_m, f) in seen.items() if f >= low]
        if reached:
            time_cost = min(reached, key=lambda t: abs(seen[t][0] - aim))
            median, fastest = seen[time_cost]
    return Calibration(KdfParams(time_cost, memory), median, fastest, trials)


def calibrate(target: tuple[float, float] = TARGET_SECONDS, *, timer: Timer = _time_once) -> KdfParams:
    """The parameters :func:`calibration` chooses for this machine."""
    return calibration(target, timer=timer).params
