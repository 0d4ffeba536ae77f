"""Fonts for every PDF: a name in any script prints as itself, never as boxes.

The standard PDF fonts (Helvetica and its kin) know Latin-1 and little else, so "Nguyễn", "Иван", "محمد", "שרה",
"सिंह" or "阮氏" came out as empty boxes on the very papers handed to the person. Every document now draws with the
Noto Sans fonts shipped beside this module (``fonts/``, SIL Open Font License 1.1, see ``fonts/README.txt``):

- **Noto Sans** (regular, bold, italic, bold italic) for Latin with every diacritic, Greek and Cyrillic: the body
  font, named :data:`REGULAR`, :data:`BOLD`, :data:`ITALIC`, :data:`BOLD_ITALIC`, one family so ``<b>`` and ``<i>``
  markup keep working.
- **Noto Sans Arabic, Hebrew and Devanagari** (regular and bold) and **Noto Sans CJK SC** (regular only: Chinese,
  Japanese kana and Korean Hangul; 11 MB, 5 MB compressed, read only when a page has such a character) as the
  fallback chain.

:func:`markup` turns a text into reportlab paragraph markup: each run of characters goes to the first font of the
chain that has glyphs for it (``<font name=...>`` runs), so a mixed line "Rosa 阮氏 محمد" prints every glyph.

Scripts that need shaping (Arabic's joined letters, Devanagari's conjuncts and vowel signs, right-to-left order)
are shaped here with HarfBuzz (``uharfbuzz``), not by reportlab: reportlab's own shaping gives the file's text layer
presentation forms and private-use characters, so a name copied or searched in the PDF is not the name that was
typed, and its right-to-left ordering needs a library (rlbidi) that is not published. Each shaped glyph is drawn
through a private-use character of its own whose ToUnicode entry is the text it stands for, so the text read back
from the file is exactly what was typed, in logical order (pypdf turns right-to-left runs drawn in visual order back
into logical order, as PDF readers do).

Right-to-left text inside a left-to-right page: each run of Arabic or Hebrew words (with the spaces and punctuation
between them) is ordered right to left and kept together in pieces no wider than ``width``, so a long run breaks
between lines in reading order. Digits inside such a run are set left to right beside it rather than inside it; the
vertical offsets HarfBuzz gives marks (Arabic vowel signs stacked on a letter) are not applied.
"""

from __future__ import annotations

import io
import lzma
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont
from reportlab.platypus import tables

__all__ = [
    "BOLD",
    "BOLD_ITALIC",
    "FONT_FILES",
    "ITALIC",
    "REGULAR",
    "RUN_WIDTH",
    "font_dir",
    "markup",
    "register",
    "right_to_left",
    "style_markup",
    "uncovered",
]

REGULAR = "NotoSans-Regular"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"
BOLD_ITALIC = "NotoSans-BoldItalic"

#: The widest piece a right-to-left run is kept together in, unless the caller knows its column.
RUN_WIDTH = 4.5 * inch

#: Registered name (the font's own PostScript name, as a PDF names it after the subset tag) -> file in ``fonts/``
#: (each an xz-compressed TrueType file).
FONT_FILES: dict[str, str] = {
    REGULAR: "NotoSans-Regular.ttf.xz",
    BOLD: "NotoSans-Bold.ttf.xz",
    ITALIC: "NotoSans-Italic.ttf.xz",
    BOLD_ITALIC: "NotoSans-BoldItalic.ttf.xz",
    "NotoSansArabic-Regular": "NotoSansArabic-Regular.ttf.xz",
    "NotoSansArabic-Bold": "NotoSansArabic-Bold.ttf.xz",
    "NotoSansHebrew-Regular": "NotoSansHebrew-Regular.ttf.xz",
    "NotoSansHebrew-Bold": "NotoSansHebrew-Bold.ttf.xz",
    "NotoSansDevanagari-Regular": "NotoSansDevanagari-Regular.ttf.xz",
    "NotoSansDevanagari-Bold": "NotoSansDevanagari-Bold.ttf.xz",
    "NotoSansCJKsc-Regular": "NotoSansCJKsc-Regular.ttf.xz",
}


@dataclass(frozen=True)
class _Script:
    """One fallback font: its regular and bold names, whether HarfBuzz shapes it, and whether it runs right to left."""

    regular: str
    bold: str
    shaped: bool
    rtl: bool


_ARABIC = _Script("NotoSansArabic-Regular", "NotoSansArabic-Bold", shaped=True, rtl=True)
_HEBREW = _Script("NotoSansHebrew-Regular", "NotoSansHebrew-Bold", shaped=True, rtl=True)
_DEVANAGARI = _Script("NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold", shaped=True, rtl=False)
# One weight only: bold text stays regular in it.
_CJK = _Script("NotoSansCJKsc-Regular", "NotoSansCJKsc-Regular", shaped=False, rtl=False)
#: The chain after Noto Sans, in order; CJK is chosen by code point, so its large file is read only when needed.
_CHAIN = (_ARABIC, _HEBREW, _DEVANAGARI)
_CJK_RANGES = (
    (0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF),
)  # fmt: skip

_lock = threading.RLock()
_registered: set[str] = set()


def font_dir() -> Path:
    """The folder the font files ship in (package data; in a frozen build, beside the app's modules)."""
    return Path(str(resources.files("app.reports") / "fonts"))


def _font_file(name: str) -> io.BytesIO:
    """The TrueType file of font ``name``: shipped xz-compressed (6.2 MB instead of 14.3 MB in the bundle and the
    wheel), read into memory once per process, when the font is first needed."""
    data = io.BytesIO(lzma.decompress((font_dir() / FONT_FILES[name]).read_bytes()))
    data.name = FONT_FILES[name].removesuffix(".xz")
    return data


class _TextFont(TTFont):
    """A TrueType font whose ToUnicode map gives each shaped glyph the text it stands for.

    Shaped glyphs are drawn through private-use characters (see :func:`_glyph_char`); reportlab would write those
    private-use characters into the file's text layer, this writes the typed text instead.
    """

    def __init__(self, name: str, file: io.BytesIO) -> None:
        super().__init__(name, file)
        self.glyph_text: dict[int, str] = {}
        self.glyph_chars: dict[tuple[int, str, int], int] = {}
        self.next_private = 0xE000
        self.hb_font: Any = None  # HarfBuzz's view of the same file, made on first shaping

    def addObjects(self, doc: Any) -> None:  # reportlab's name; as TTFont.addObjects, with our ToUnicode map
        state = self._assignState(doc)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray([self.face.getCharWidth(code) for code in subset])
            cmap = pdfdoc.PDFStream()
            cmap.content = self._to_unicode(base_font_name, subset)
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]

    def _to_unicode(self, name: str, subset: list[int]) -> str:
        def utf16(text: str) -> str:
            return text.encode("utf-16-be").hex().upper()

        entries = [f"<{i:02X}> <{utf16(self.glyph_text.get(code, chr(code)))}>" for i, code in enumerate(subset)]
        return "\n".join(
            [
                "/CIDInit /ProcSet findresource begin",
                "12 dict begin",
                "begincmap",
                f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
                f"/CMapName /{name} def",
                "/CMapType 2 def",
                "1 begincodespacerange",
                f"<00> <{len(subset) - 1:02X}>",
                "endcodespacerange",
                f"{len(entries)} beginbfchar",
                *entries,
                "endbfchar",
                "endcmap",
                "CMapName currentdict /CMap defineresource pop",
                "end",
                "end",
            ]
        )


def _register_one(name: str) -> None:
    with _lock:
        if name in _registered:
            return
        pdfmetrics.registerFont(_TextFont(name, _font_file(name)))
        # Each fallback font is a family of its own whose every style is itself: "<b>" around a run already
        # shaped in one weight must not swap the font under the glyphs chosen for it.
        if name not in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
        _registered.add(name)


def register() -> None:
    """Register Noto Sans (as one family) and the small fallback fonts with reportlab; idempotent, thread-safe."""
    with _lock:
        if "family" in _registered:
            return
        for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC, *(n for s in _CHAIN for n in (s.regular, s.bold))):
            _register_one(name)
        # After registering: reportlab maps each font it registers to itself in every style.
        registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        # A table cell's font when its style names none: reportlab's default is Helvetica, which a table then lists
        # among the page's fonts without embedding it (PDF/UA wants every font embedded, even one drawing nothing).
        tables.CellStyle.fontname = REGULAR
        _registered.add("family")


def _font(name: str) -> _TextFont:
    _register_one(name)
    font = pdfmetrics.getFont(name)
    assert isinstance(font, _TextFont)
    return font


# --- which font a character goes to --------------------------------------------------------------------------------


def _is_cjk(code: int) -> bool:
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _script_of(char: str) -> _Script | None:
    """The fallback font for a letter (None: Noto Sans has it, or nothing has it and Noto Sans prints its box)."""
    code = ord(char)
    if code in _font(REGULAR).face.charToGlyph:
        return None
    if _is_cjk(code):
        return _CJK
    for script in _CHAIN:
        if code in _font(script.regular).face.charToGlyph:
            return script
    return None


def uncovered(text: str) -> set[str]:
    """The characters of ``text`` that no font of the chain has a glyph for (each would print as a box)."""
    register()
    out = set()
    for char in text:
        if unicodedata.category(char)[0] in "CZ":
            continue  # spaces, joiners and controls draw nothing
        script = _script_of(char)
        name = script.regular if script else REGULAR
        if ord(char) not in _font(name).face.charToGlyph:
            out.add(char)
    return out


def right_to_left(text: str) -> bool:
    """Whether ``text`` is a right-to-left line as a whole: its letters all Arabic or Hebrew, and no digits.

    Such a line is best set flush right. A line that mixes in a left-to-right word or a number keeps the page's
    left-to-right order (its right-to-left runs are still drawn right to left).
    """
    classes = [unicodedata.bidirectional(char) for char in text]
    return any(c in ("R", "AL") for c in classes) and not any(c in ("L", "EN", "AN") for c in classes)


def _neutral(char: str) -> bool:
    """Spaces and punctuation: they join the run around them when both sides are in the same fallback font."""
    return unicodedata.category(char)[0] in "ZPS" and ord(char) in _font(REGULAR).face.charToGlyph


def _runs(text: str) -> list[tuple[_Script | None, bool, str]]:
    """``text`` cut into (font, right_to_left, run) in logical order."""
    neutral: list[bool] = []
    strong: list[_Script | None] = []  # a neutral's entry is decided below
    for i, char in enumerate(text):
        if unicodedata.category(char)[0] == "M" or char in "\u200c\u200d":  # a mark or joiner stays with its letter
            neutral.append(neutral[i - 1] if i else False)
            strong.append(strong[i - 1] if i else None)
        else:
            neutral.append(_neutral(char))
            strong.append(None if neutral[i] else _script_of(char))
    keys: list[tuple[_Script | None, bool]] = []
    for i, char in enumerate(text):
        script = strong[i]
        if neutral[i]:
            before = next((strong[j] for j in range(i - 1, -1, -1) if not neutral[j]), None)
            after = next((strong[j] for j in range(i + 1, len(text)) if not neutral[j]), None)
            inside = before is not None and before is after and ord(char) in _font(before.regular).face.charToGlyph
            script = before if inside else None
        rtl = bool(script and script.rtl and unicodedata.bidirectional(char) not in ("EN", "AN", "L"))
        keys.append((script, rtl))
    out: list[tuple[_Script | None, bool, str]] = []
    for i, char in enumerate(text):
        if out and (out[-1][0], out[-1][1]) == keys[i]:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + char)
        else:
            out.append((*keys[i], char))
    return out


# --- shaping ---------------------------------------------------------------------------------------------------------


def _glyph_char(font: _TextFont, gid: int, text: str, width: int) -> str:
    """A private-use character of ``font`` that draws glyph ``gid``, advances ``width`` (1/1000 em), reads ``text``."""
    key = (gid, text, width)
    code = font.glyph_chars.get(key)
    if code is None:
        face = font.face
        code = font.next_private
        while code in face.charToGlyph:
            code += 1
        if code > 0xF8FF:
            code = max(code, 0xF0000)  # the supplementary private use area once the BMP one is used up
        font.next_private = code + 1
        face.charToGlyph[code] = gid
        face.glyphToChar.setdefault(gid, []).append(code)
        face.charWidths[code] = width
        font.glyph_text[code] = text
        font.glyph_chars[key] = code
    return chr(code)


def _hb_font(font: _TextFont) -> Any:
    if font.hb_font is None:
        import uharfbuzz

        font.hb_font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(font.face._ttf_data)))
    return font.hb_font


def _shape(font: _TextFont, text: str, rtl: bool) -> tuple[str, float]:
    """``text`` shaped by HarfBuzz as private-use characters in visual order, and its width in 1/1000 em."""
    import uharfbuzz

    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(_hb_font(font), buf, {})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    scale = font.face._pdfScale
    # Clusters: the glyphs made from one stretch of the text (visual order; descending clusters when rtl).
    starts = sorted({info.cluster for info in infos})
    ends = {start: (starts[k + 1] if k + 1 < len(starts) else len(text)) for k, start in enumerate(starts)}
    groups: list[list[int]] = []
    for index, info in enumerate(infos):
        if groups and infos[groups[-1][0]].cluster == info.cluster:
            groups[-1].append(index)
        else:
            groups.append([index])
    blank = font.face.charToGlyph.get(32, 0)
    # Each glyph's pen position with HarfBuzz's horizontal offset folded into the advances.
    offsets = [pos.x_offset for pos in positions] + [0]
    units: list[tuple[int, str, int]] = []  # (glyph, text, advance) in visual order
    for group in groups:
        cluster = infos[group[0]].cluster
        chars = list(text[cluster : ends[cluster]])
        glyphs = [(infos[i].codepoint, positions[i].x_advance + offsets[i + 1] - offsets[i]) for i in group]
        # The text is handed out in reading order: left to right, or right to left for a right-to-left run
        # (a reader turns the drawn right-to-left run around), one character to a glyph; characters left over
        # (a ligature, "lam-alef") ride on empty zero-width glyphs after it.
        reading = glyphs[::-1] if rtl else glyphs
        cluster_units = [
            (gid, chars[k] if k < len(chars) else "", round(scale(advance))) for k, (gid, advance) in enumerate(reading)
        ]
        cluster_units += [(blank, char, 0) for char in chars[len(reading) :]]
        units += cluster_units[::-1] if rtl else cluster_units
    drawn = "".join(_glyph_char(font, gid, t, w) for gid, t, w in units)
    return drawn, float(sum(w for _g, _t, w in units))


# --- markup ----------------------------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fallback(script: _Script, rtl: bool, run: str, *, bold: bool, size: float, width: float) -> str:
    name = script.bold if bold else script.regular
    font = _font(name)
    if not script.shaped:
        return f'<font name="{name}">{_esc(run)}</font>'
    lead = run[: len(run) - len(run.lstrip())]
    tail = run[len(run.rstrip()) :]
    words = run.strip().split()
    if not words:
        return _esc(run)
    if not rtl:  # each word shaped on its own: the line may break between them
        pieces = [_shape(font, word, False)[0] for word in words]
    else:  # words kept together, right to left, in pieces no wider than ``width``
        limit = width * 1000 / size
        pieces, chunk = [], words[0]
        for word in words[1:]:
            longer = f"{chunk} {word}"
            if _shape(font, longer, True)[1] <= limit:
                chunk = longer
            else:
                pieces.append(_shape(font, chunk, True)[0])
                chunk = word
        pieces.append(_shape(font, chunk, True)[0])
    return _esc(lead) + f'<font name="{name}">{" ".join(pieces)}</font>' + _esc(tail)


def markup(text: str, *, size: float, bold: bool = False, width: float = RUN_WIDTH, breaks: bool = True) -> str:
    """``text`` as reportlab paragraph markup: escaped, each run in the first font that has its glyphs.

    ``size`` and ``bold`` are those the text is drawn at (a fallback run is set in the matching weight), ``width``
    the narrowest line it may fall on (right-to-left runs are kept together in pieces no wider). Line breaks become
    ``<br/>`` when ``breaks``.
    """
    register()
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        parts = []
        with _lock:
            for script, rtl, run in _runs(line):
                if script is None:
                    parts.append(_esc(run))
                else:
                    parts.append(_fallback(script, rtl, run, bold=bold, size=size, width=width))
        out.append("".join(parts))
    return ("<br/>" if breaks else " ").join(out)


def style_markup(text: str, style: ParagraphStyle, *, bold: bool | None = None, width: float = RUN_WIDTH) -> str:
    """:func:`markup` for a paragraph drawn in ``style`` (its size, and its weight unless ``bold`` is given)."""
    if bold is None:
        bold = style.fontName in (BOLD, BOLD_ITALIC)
    return markup(text, size=style.fontSize, bold=bold, width=width)
