"""The screen reader's side of tests/ui/test_atspi_walk.py: run by the system's python3 (python3-gi with
gir1.2-atspi-2.0, ``from gi.repository import Atspi``), never imported by the tests, outside the app's process.

    python3 atspi_walker.py PASSPHRASE_FILE

On the accessibility bus of the session bus it is given (DBUS_SESSION_BUS_ADDRESS), it waits for the Offramp
application, walks the accessible tree of its window on the unlock screen, types the passphrase into the passphrase
field through AT-SPI's editable-text interface, presses the default button ("Unlock") through its action interface,
waits for the caseload's table to fill, and walks the tree again. It prints one JSON object: per screen, every
object (role, name, states, path) and what a screen reader or the keyboard would miss among those shown on screen.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402 - after require_version, as gi asks

# Debian 12's Atspi marks get_action_name deprecated without another way to read an action's name in its bindings.
warnings.filterwarnings("ignore", category=DeprecationWarning)

APP_NAME = "Offramp"
WAIT_SECONDS = 30.0
POLL_SECONDS = 0.1

R = Atspi.Role
S = Atspi.StateType

#: What a person uses: each must have a name, a role that says what it is, and take the keyboard when enabled.
CONTROLS = {
    R.PUSH_BUTTON,
    R.PUSH_BUTTON_MENU,
    R.TOGGLE_BUTTON,
    R.CHECK_BOX,
    R.RADIO_BUTTON,
    R.ENTRY,
    R.TEXT,
    R.PASSWORD_TEXT,
    R.COMBO_BOX,
    R.SPIN_BUTTON,
    R.SLIDER,
    R.LIST,
    R.LIST_BOX,
    R.TABLE,
    R.TREE,
    R.TREE_TABLE,
    R.PAGE_TAB,
}
#: Roles that say nothing of what a thing is: nothing that takes the keyboard may have one.
NO_ROLE = {R.INVALID, R.UNKNOWN, R.FILLER, R.PANEL, R.REDUNDANT_OBJECT, R.SECTION}
#: The rows and cells of a list or table: named by their content, and reached through the list or table itself.
ITEM_PARENTS = {R.LIST, R.LIST_BOX, R.TABLE, R.TREE, R.TREE_TABLE}


def _states(acc: Atspi.Accessible) -> set[Atspi.StateType]:
    return set(acc.get_state_set().get_states())


def _nick(state: Atspi.StateType) -> str:
    return str(state.value_nick)


def _walk(acc: Atspi.Accessible, path: str, out: list[dict], *, inside_items: bool = False) -> None:
    role = acc.get_role()
    states = _states(acc)
    name = acc.get_name() or ""
    node = {
        "path": path,
        "role": acc.get_role_name(),
        "name": name,
        "states": sorted(_nick(s) for s in states),
        "shown": S.SHOWING in states and S.VISIBLE in states,
        "inside_items": inside_items,
        "control": role in CONTROLS,
        "no_role": role in NO_ROLE,
    }
    if role in ITEM_PARENTS:
        node["rows"] = _rows(acc)
        if "Table" in acc.get_interfaces():
            columns = range(Atspi.Table.get_n_columns(acc))
            node["columns"] = [Atspi.Table.get_column_description(acc, c) or "" for c in columns]
    if role in CONTROLS and "Action" in acc.get_interfaces():
        node["keys"] = [Atspi.Action.get_key_binding(acc, i) for i in range(Atspi.Action.get_n_actions(acc))]
    out.append(node)
    if not node["shown"] and role not in {R.FRAME, R.APPLICATION, R.MENU_ITEM, R.MENU, R.POPUP_MENU}:
        return  # what is hidden is not read out; its children are hidden too (a closed menu's items are walked)
    if role in ITEM_PARENTS and acc.get_child_count() > 200:
        return  # a long table: its first rows are enough, and the table itself is what is checked
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is not None:
            _walk(
                child,
                f"{path}/{child.get_role_name()}[{i}]",
                out,
                inside_items=inside_items or role in ITEM_PARENTS,
            )


def _rows(acc: Atspi.Accessible) -> int:
    return int(Atspi.Table.get_n_rows(acc)) if "Table" in acc.get_interfaces() else int(acc.get_child_count())


def _menu_items(nodes: list[dict]) -> set[str]:
    return {n["name"].rstrip("…. ").casefold() for n in nodes if n["role"] == "menu item" and n["name"]}


def problems(nodes: list[dict]) -> list[str]:
    """What a screen reader and a keyboard would miss among ``nodes``, as shown on screen now."""
    menus = _menu_items(nodes)
    found: list[str] = []
    for n in nodes:
        if not n["shown"] or n["inside_items"]:
            continue
        what = f"{n['role']} {n['name']!r} at {n['path']}"
        states = set(n["states"])
        if ("enabled" in states) != ("sensitive" in states):
            found.append(f"{what}: 'enabled' and 'sensitive' disagree ({sorted(states)})")
        if n["no_role"] and "focusable" in states:
            found.append(f"{what}: takes the keyboard but its role says nothing of what it is")
        if not n["control"]:
            continue
        if not n["name"].strip():
            found.append(f"{what}: no name")
        if [c for c in n.get("columns", []) if not c.strip()]:
            found.append(f"{what}: a column without a heading (columns: {n['columns']})")
        if "enabled" in states and "focusable" not in states:
            # A toolbar repeats the menus for the mouse: its buttons may skip the Tab order when the menus or a
            # shortcut have the same command (as in tests/ui/test_accessibility_walk.py).
            in_toolbar = "/tool bar[" in n["path"]
            repeated = n["name"].rstrip("…. ").casefold() in menus or any(n.get("keys", []))
            if not (in_toolbar and repeated):
                found.append(f"{what}: enabled, but not focusable (the keyboard cannot reach it)")
        if n["role"] in {"text", "entry", "password text"} and "editable" not in states and "read-only" not in states:
            found.append(f"{what}: a text field that is neither editable nor read-only")
        if n["role"] in {"check box", "radio button", "toggle button"} and "checkable" not in states:
            found.append(f"{what}: cannot be checked, by what it tells a screen reader")
    return found


def _app(desktop: Atspi.Accessible) -> Atspi.Accessible | None:
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_name() == APP_NAME:
            return child
    return None


def _find(acc: Atspi.Accessible, want: object, state: Atspi.StateType | None = None) -> Atspi.Accessible | None:
    """The first object shown with role ``want`` (and ``state``) under ``acc``, depth first."""
    states = _states(acc)
    if acc.get_role() == want and S.SHOWING in states and (state is None or state in states):
        return acc
    if acc.get_role() not in {R.APPLICATION, R.FRAME} and S.SHOWING not in states:
        return None
    if acc.get_role() in ITEM_PARENTS:
        return None
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is not None and (hit := _find(child, want, state)) is not None:
            return hit
    return None


def _wait(what: str, check):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            value = check()
        except Exception:  # the tree changes under us while the app works: look again
            value = None
        if value:
            return value
        time.sleep(POLL_SECONDS)
    raise SystemExit(json.dumps({"error": f"{what} did not appear within {WAIT_SECONDS:.0f} s"}))


def _press(button: Atspi.Accessible) -> None:
    names = [Atspi.Action.get_action_name(button, i) for i in range(Atspi.Action.get_n_actions(button))]
    Atspi.Action.do_action(button, names.index("Press") if "Press" in names else 0)


def screen(app: Atspi.Accessible, label: str, started: float) -> dict:
    app.clear_cache()
    nodes: list[dict] = []
    _walk(app, "application", nodes)
    seconds = round(time.monotonic() - started, 2)
    return {"screen": label, "nodes": nodes, "problems": problems(nodes), "seconds": seconds}


def main(passphrase_file: str) -> int:
    started = time.monotonic()
    passphrase = Path(passphrase_file).read_text(encoding="utf-8").splitlines()[0]
    Atspi.init()
    desktop = Atspi.get_desktop(0)
    app = _wait("The Offramp application on the accessibility bus", lambda: _app(desktop))
    app.set_cache_mask(Atspi.Cache.NONE)  # the tree changes as the app works: always ask the app

    field = _wait("The passphrase field", lambda: _find(app, R.PASSWORD_TEXT))
    # The button Enter presses ("Unlock", in whatever language the app speaks).
    unlock = _wait("The unlock button", lambda: _find(app, R.PUSH_BUTTON, S.IS_DEFAULT))
    screens = [screen(app, "unlock", started)]

    if "EditableText" not in field.get_interfaces():
        raise SystemExit(json.dumps({"error": "the passphrase field has no editable-text interface"}))
    Atspi.EditableText.set_text_contents(field, passphrase)
    _press(unlock)

    def caseload_filled() -> Atspi.Accessible | None:
        table = _find(app, R.TABLE)
        return table if table is not None and _rows(table) > 0 else None

    _wait("The caseload's table, with its rows", caseload_filled)
    screens.append(screen(app, "caseload", started))
    print(json.dumps({"screens": screens}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
