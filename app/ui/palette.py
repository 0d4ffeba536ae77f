"""Every colour the window uses, by what it is for, in one place, with the pairs that must stay readable.

Widgets never write a colour: they ask for a role (``text_style("quiet")``, ``box_style("#gate", "warn")``,
``colour("danger")``). There are four palettes: light and dark, and a high-contrast one of each; :func:`apply`
picks the one that matches the system's colour scheme and contrast setting (as Qt reports them), gives the
application the matching window and field colours and edges a person can see around its controls
(app/ui/clear_edges.py), and puts up the ring in the focus colour around whatever has the keyboard
(app/ui/focus_ring.py). :data:`PAIRS` lists each foreground and the background it is drawn on; a
test checks their WCAG 2.1 contrast in every palette (4.5:1 for text, 3:1 for focus rings and the edges and fills
that tell controls and chart bars apart).

Style sheets are built when a widget is made, so a change of the system's scheme while the app runs reaches the
application's colours at once and each screen's own touches the next time that screen is built.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Literal

from app.ui.qt import QApplication, QColor, QGuiApplication, QPalette, Qt

Tone = Literal["calm", "warn", "notice", "info", "card", "badge", "neutral"]


@dataclass(frozen=True)
class Palette:
    name: str
    #: The window's background, and the background of fields, lists and cards.
    window: str
    base: str
    #: Text on ``window`` or ``base``.
    text: str
    quiet: str  # secondary text: hints, "signed by", the date beside a name
    warning: str  # a caution said in words
    danger: str  # a problem that stops something: a field's error
    success: str  # "saved"
    link: str
    #: The ring around the control that has the keyboard, and its width in pixels.
    focus: str
    focus_width: int
    #: Boxes that hold a sentence: calm (information), warn (stop and read), notice (rules to keep), info (a prompt
    #: to consider), card (a question, a note), badge (the regime), neutral (the demo badge).
    calm_bg: str
    calm_border: str
    calm_text: str
    warn_bg: str
    warn_border: str
    warn_text: str
    notice_bg: str
    notice_border: str
    notice_edge: str
    notice_text: str
    info_bg: str
    info_border: str
    info_text: str
    card_bg: str
    card_border: str
    card_text: str
    badge_bg: str
    badge_border: str
    badge_text: str
    neutral_bg: str
    neutral_border: str
    neutral_text: str
    #: A chosen row in a list; a toggle that is on (its fill and text); a control's own fill and edge.
    selected_bg: str
    selected_text: str
    accent: str
    accent_text: str
    control_bg: str
    control_border: str
    #: Charts: the bar, the lighter bar beside it, the thin rules between rows, the text on them.
    bar: str
    bar_soft: str
    rule: str


LIGHT = Palette(
    name="light",
    window="#efefef",
    base="#ffffff",
    text="#1f1f1f",
    quiet="#4a4a4a",
    warning="#7d4400",
    danger="#a4262c",
    success="#1e5631",
    link="#1f5fa8",
    focus="#1f5fa8",
    focus_width=2,
    calm_bg="#eef4f8",
    calm_border="#b8c8d6",
    calm_text="#1f2a33",
    warn_bg="#fdf3e7",
    warn_border="#d9a35f",
    warn_text="#3d2a0f",
    notice_bg="#fff4ce",
    notice_border="#e0c060",
    notice_edge="#8f6c00",
    notice_text="#2b2100",
    info_bg="#eef4fb",
    info_border="#7da7d9",
    info_text="#10243e",
    card_bg="#ffffff",
    card_border="#c4ccd6",
    card_text="#1f1f1f",
    badge_bg="#e8eef7",
    badge_border="#9fb3d1",
    badge_text="#1d3557",
    neutral_bg="#eeeeee",
    neutral_border="#bbbbbb",
    neutral_text="#333333",
    selected_bg="#dde8f4",
    selected_text="#111111",
    accent="#1f5fa8",
    accent_text="#ffffff",
    control_bg="#f7f8fa",
    control_border="#6f7882",
    bar="#3d6b8e",
    bar_soft="#6b879e",
    rule="#d4d4d4",
)

DARK = Palette(
    name="dark",
    window="#2b2b2b",
    base="#1e1e1e",
    text="#ececec",
    quiet="#bdbdbd",
    warning="#f2b463",
    danger="#ff9a9a",
    success="#8fd69b",
    link="#8cbcff",
    focus="#8cbcff",
    focus_width=2,
    calm_bg="#22303b",
    calm_border="#4f6a80",
    calm_text="#e6eef5",
    warn_bg="#3b2a14",
    warn_border="#a0733a",
    warn_text="#fbe7c8",
    notice_bg="#38300f",
    notice_border="#8f7a2a",
    notice_edge="#e0b532",
    notice_text="#fff1c2",
    info_bg="#1c2a3b",
    info_border="#4f79a8",
    info_text="#e2eeff",
    card_bg="#1e1e1e",
    card_border="#5a5a5a",
    card_text="#ececec",
    badge_bg="#24344a",
    badge_border="#51698c",
    badge_text="#dce8fa",
    neutral_bg="#3a3a3a",
    neutral_border="#6a6a6a",
    neutral_text="#eeeeee",
    selected_bg="#2f4a6b",
    selected_text="#ffffff",
    accent="#8cbcff",
    accent_text="#0b1a2b",
    control_bg="#333333",
    control_border="#9a9a9a",
    bar="#7fb0d8",
    bar_soft="#5f8099",
    rule="#4a4a4a",
)

HIGH_CONTRAST_LIGHT = Palette(
    name="high-contrast light",
    window="#ffffff",
    base="#ffffff",
    text="#000000",
    quiet="#000000",
    warning="#5c2e00",
    danger="#8b0000",
    success="#004d1a",
    link="#00247d",
    focus="#000000",
    focus_width=3,
    calm_bg="#ffffff",
    calm_border="#000000",
    calm_text="#000000",
    warn_bg="#ffffff",
    warn_border="#000000",
    warn_text="#000000",
    notice_bg="#ffffff",
    notice_border="#000000",
    notice_edge="#000000",
    notice_text="#000000",
    info_bg="#ffffff",
    info_border="#000000",
    info_text="#000000",
    card_bg="#ffffff",
    card_border="#000000",
    card_text="#000000",
    badge_bg="#ffffff",
    badge_border="#000000",
    badge_text="#000000",
    neutral_bg="#ffffff",
    neutral_border="#000000",
    neutral_text="#000000",
    selected_bg="#000000",
    selected_text="#ffffff",
    accent="#000000",
    accent_text="#ffffff",
    control_bg="#ffffff",
    control_border="#000000",
    bar="#000000",
    bar_soft="#595959",
    rule="#000000",
)

HIGH_CONTRAST_DARK = Palette(
    name="high-contrast dark",
    window="#000000",
    base="#000000",
    text="#ffffff",
    quiet="#ffffff",
    warning="#ffd24d",
    danger="#ffb3b3",
    success="#9dff9d",
    link="#9fd3ff",
    focus="#ffff00",
    focus_width=3,
    calm_bg="#000000",
    calm_border="#ffffff",
    calm_text="#ffffff",
    warn_bg="#000000",
    warn_border="#ffd24d",
    warn_text="#ffffff",
    notice_bg="#000000",
    notice_border="#ffffff",
    notice_edge="#ffd24d",
    notice_text="#ffffff",
    info_bg="#000000",
    info_border="#ffffff",
    info_text="#ffffff",
    card_bg="#000000",
    card_border="#ffffff",
    card_text="#ffffff",
    badge_bg="#000000",
    badge_border="#ffffff",
    badge_text="#ffffff",
    neutral_bg="#000000",
    neutral_border="#ffffff",
    neutral_text="#ffffff",
    selected_bg="#ffff00",
    selected_text="#000000",
    accent="#ffff00",
    accent_text="#000000",
    control_bg="#000000",
    control_border="#ffffff",
    bar="#ffffff",
    bar_soft="#a6a6a6",
    rule="#ffffff",
)

PALETTES: tuple[Palette, ...] = (LIGHT, DARK, HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK)

TEXT = 4.5  # WCAG 2.1 1.4.3, normal-size text
NON_TEXT = 3.0  # WCAG 2.1 1.4.11: focus rings, control edges, chart marks

#: (foreground role, background role, least contrast). Every colour a widget draws is in a pair here, or in
#: :data:`DECORATIVE`.
PAIRS: tuple[tuple[str, str, float], ...] = (
    *((fg, bg, TEXT) for fg in ("text", "quiet", "warning", "danger", "success", "link") for bg in ("window", "base")),
    ("calm_text", "calm_bg", TEXT),
    ("warn_text", "warn_bg", TEXT),
    ("notice_text", "notice_bg", TEXT),
    ("info_text", "info_bg", TEXT),
    ("card_text", "card_bg", TEXT),
    ("quiet", "card_bg", TEXT),
    ("badge_text", "badge_bg", TEXT),
    ("neutral_text", "neutral_bg", TEXT),
    ("selected_text", "selected_bg", TEXT),
    ("accent_text", "accent", TEXT),
    ("text", "control_bg", TEXT),
    ("focus", "window", NON_TEXT),
    ("focus", "base", NON_TEXT),
    ("focus", "control_bg", NON_TEXT),
    ("focus", "card_bg", NON_TEXT),
    ("control_border", "control_bg", NON_TEXT),
    ("control_border", "window", NON_TEXT),
    ("accent", "control_bg", NON_TEXT),
    ("notice_edge", "notice_bg", NON_TEXT),
    ("bar", "base", NON_TEXT),
    ("bar_soft", "base", NON_TEXT),
    ("bar", "window", NON_TEXT),
    ("bar_soft", "window", NON_TEXT),
)

#: Edges of boxes that hold a sentence and rules between rows: the sentence carries the meaning, not the line.
DECORATIVE: frozenset[str] = frozenset(
    {
        "calm_border",
        "warn_border",
        "notice_border",
        "info_border",
        "card_border",
        "badge_border",
        "neutral_border",
        "rule",
    }
)

COLOUR_ROLES: tuple[str, ...] = tuple(f.name for f in fields(Palette) if f.name not in ("name", "focus_width"))


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of a ``#rrggbb`` colour."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb color: {colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- the palette in force --------------------------------------------------------------------------------------

_active: Palette = LIGHT
#: The platform's window colour before :func:`apply` gave the application its own (lightness 0-255).
_system_window_lightness: int | None = None


def active() -> Palette:
    return _active


#: Other names widgets may use for a role.
ALIASES: dict[str, str] = {"muted": "quiet", "error": "danger", "secondary": "quiet"}


def colour(role: str) -> str:
    """The ``#rrggbb`` of ``role`` (or of the role an alias names) in the palette in force."""
    role = ALIASES.get(role, role)
    if role not in COLOUR_ROLES:
        raise KeyError(f"{role!r} is not a palette role; the roles are {', '.join(COLOUR_ROLES)}")
    value: str = getattr(_active, role)
    return value


def qcolor(role: str) -> QColor:
    return QColor(colour(role))


def text_style(role: str = "text", *, bold: bool = False, italic: bool = False) -> str:
    """A label's style sheet: its text in ``role``, optionally semi-bold or italic."""
    style = f"color: {colour(role)};"
    if bold:
        style += " font-weight: 600;"
    if italic:
        style += " font-style: italic;"
    return style


def box_style(selector: str, tone: Tone, *, radius: int = 6, padding: str = "", text: bool = True) -> str:
    """A box of ``tone`` for the widgets ``selector`` names (``"#gate"``, ``"QLabel"``): fill, edge and, unless
    ``text`` is False, its text colour (set here so the sentence stays readable whatever the window's text is)."""
    rule = (
        f"background: {colour(tone + '_bg')}; border: 1px solid {colour(tone + '_border')}; border-radius: {radius}px;"
    )
    if text:
        rule += f" color: {colour(tone + '_text')};"
    if padding:
        rule += f" padding: {padding};"
    return f"{selector} {{ {rule} }}"


def edge_style(selector: str, role: str = "card_border", *, radius: int = 6) -> str:
    """Only an edge around what ``selector`` names: a group of fields on the window's own background."""
    return f"{selector} {{ border: 1px solid {colour(role)}; border-radius: {radius}px; }}"


def labels_in(selector: str, tone: Tone) -> str:
    """The text colour of the labels inside a box of ``tone`` (their own background left clear)."""
    return f"{selector} QLabel {{ color: {colour(tone + '_text')}; background: transparent; }}"


def list_selection_style() -> str:
    """A list's chosen row in the palette's selection colours."""
    return f"QListWidget::item:selected {{ background: {colour('selected_bg')}; color: {colour('selected_text')}; }}"


def qpalette(palette: Palette) -> QPalette:
    """The application's colours for ``palette``: window, fields, buttons, selection, links, placeholders."""
    qp = QPalette(QColor(palette.control_bg), QColor(palette.window))
    roles = {
        QPalette.ColorRole.Window: palette.window,
        QPalette.ColorRole.WindowText: palette.text,
        QPalette.ColorRole.Base: palette.base,
        QPalette.ColorRole.AlternateBase: palette.window,
        QPalette.ColorRole.Text: palette.text,
        QPalette.ColorRole.Button: palette.control_bg,
        QPalette.ColorRole.ButtonText: palette.text,
        QPalette.ColorRole.Highlight: palette.accent,
        QPalette.ColorRole.HighlightedText: palette.accent_text,
        QPalette.ColorRole.ToolTipBase: palette.base,
        QPalette.ColorRole.ToolTipText: palette.text,
        QPalette.ColorRole.PlaceholderText: palette.quiet,
        QPalette.ColorRole.Link: palette.link,
        QPalette.ColorRole.BrightText: palette.base,
    }
    for role, value in roles.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            qp.setColor(group, role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        qp.setColor(QPalette.ColorGroup.Disabled, role, QColor(palette.quiet))
    return qp


# --- following the system ----------------------------------------------------------------------------------------

#: Names of platform themes that are a high-contrast theme (GNOME's, KDE's, Windows' "Contrast" themes).
_HIGH_CONTRAST_THEMES = ("highcontrast", "high contrast", "contrast")


def system_wants_high_contrast() -> bool:
    """True when the system asks for high contrast: Qt's accessibility hint (Qt 6.10 and later) or, where Qt does
    not say, a GTK theme named for it."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        preference = accessibility().contrastPreference()
        if preference == Qt.ContrastPreference.HighContrast:
            return True
    theme = os.environ.get("GTK_THEME", "").lower()
    return any(name in theme for name in _HIGH_CONTRAST_THEMES)


def system_is_dark() -> bool:
    """True when the system's colour scheme is dark (Qt's hint, else a dark platform window colour)."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    theme = os.environ.get("GTK_THEME", "").lower()
    if "inverse" in theme or theme.endswith(":dark"):  # GNOME's "HighContrastInverse", "Adwaita:dark"
        return True
    if _system_window_lightness is not None:  # once the app has its own colours, the system's as they were
        return _system_window_lightness < 128
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def choose(*, dark: bool, high_contrast: bool) -> Palette:
    if high_contrast:
        return HIGH_CONTRAST_DARK if dark else HIGH_CONTRAST_LIGHT
    return DARK if dark else LIGHT


def apply(app: QApplication, palette: Palette | None = None) -> Palette:
    """Put ``palette`` (by default the one the system's settings ask for) in force for the whole application, and
    follow the system when its scheme or contrast setting changes."""
    global _active, _system_window_lightness  # the one palette in force, as the application has one look
    if _system_window_lightness is None:
        _system_window_lightness = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness()
    chosen = palette or choose(dark=system_is_dark(), high_contrast=system_wants_high_contrast())
    _active = chosen
    app.setPalette(qpalette(chosen))
    from app.ui import clear_edges, focus_ring  # they draw in the palette's colours

    clear_edges.install(app)
    focus_ring.install(app)
    if palette is None and not app.property("offramp-follows-system"):
        app.setProperty("offramp-follows-system", True)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _scheme: apply(app))
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(lambda _preference: apply(app))
    return chosen
