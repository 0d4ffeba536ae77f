"""The per-field three-way merge of app.protocol.merge, on its own (the server tests use it through push)."""

from __future__ import annotations

from app.protocol.merge import WHOLE_RECORD, Step, three_way

BASE = {"a": 1, "b": 1, "c": 1, "deleted": False}


def test_each_field_merges_on_its_own() -> None:
    theirs = {**BASE, "a": 2, "b": 3}
    steps = [Step("other", False, theirs)]
    result = three_way(BASE, theirs, steps, device_id="me", patch={"a": 2, "b": 4, "c": 5})
    assert result.same == ["a"]  # both made it 2
    assert result.conflicts == ["b"]  # 3 against 4: the current value stays
    assert result.apply == {"c": 5}  # only this device changed c


def test_a_devices_own_earlier_changes_never_conflict_with_its_later_ones() -> None:
    mine_before = {**BASE, "a": 2}
    steps = [Step("me", False, mine_before)]
    result = three_way(BASE, mine_before, steps, device_id="me", patch={"a": 3})
    assert result.apply == {"a": 3} and result.conflicts == []


def test_delete_against_edit_either_way_round_is_a_conflict() -> None:
    edited = {**BASE, "a": 9}
    assert three_way(
        BASE, edited, [Step("other", False, edited)], device_id="me", patch={}, deletes=True
    ).conflicts == [WHOLE_RECORD]
    gone = {**BASE, "deleted": True}
    result = three_way(BASE, gone, [Step("other", True, gone)], device_id="me", patch={"a": 2})
    assert result.conflicts == [WHOLE_RECORD] and not result.changes_anything
    # A delete nobody argued with simply applies; deleting what is already gone does nothing.
    assert three_way(BASE, BASE, [], device_id="me", patch={}, deletes=True).delete
    assert not three_way(BASE, gone, [Step("other", True, gone)], device_id="me", patch={}, deletes=True).conflicts
