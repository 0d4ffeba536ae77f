"""Tagged PDF: what a screen reader needs to read a document aloud in order, in its language, charts in words.

Every :class:`~app.reports.pdf.Document` is tagged here, so no document has to remember to be:

- While the story is laid out, each flowable a page draws is wrapped in *marked content* with an id of its own on
  that page (``/P <</MCID 3>> BDC ... EMC``): a paragraph is ``P``, a heading ``H1``/``H2``/``H3`` (by its style's
  name, :data:`HEADINGS`), a chart ``Figure``; a table's cells are ``TH``/``TD`` inside ``TR`` rows inside a
  ``Table``. A paragraph or table split across two pages keeps one element, with content on both pages.
- Whatever only decorates (page footers with their page numbers, table rules and shading, a drawing with no words
  said for it) is drawn as an ``/Artifact``, which a reader skips.
- After the build, :func:`finish` writes the structure tree in reading order (``StructTreeRoot`` -> ``Document`` ->
  elements, each pointing at its marked content and page), the ``ParentTree`` that leads from each page's marked
  content back to its element (the page's ``/StructParents``), ``/MarkInfo <</Marked true>>``, the document's
  language (``/Lang``), ``/ViewerPreferences <</DisplayDocTitle true>>`` when the document has a title, and each
  chart's ``/Alt``: what it shows, in words, in the document's language.

reportlab draws a page's operators into ``canvas._code`` (a list of strings); the marked-content operators are put
in that list around what a flowable drew, once we know it drew something (a spacer draws nothing and gets no id).
reportlab's :class:`~reportlab.platypus.tables.Table` calls a ``renderCB`` for each cell as it draws it, which is
how its cells get tagged one by one. reportlab cannot write a structure tree itself, so pypdf adds it to the file.
Nothing here depends on the clock or chance: the same content gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Image, Paragraph, Spacer, Table

__all__ = [
    "HEADER_CELLS",
    "HEADINGS",
    "Element",
    "TaggedFrame",
    "Tagger",
    "artifact",
    "describe",
    "finish",
    "language_tag",
    "layout",
]

#: A paragraph style's name -> the heading it is (every other paragraph is a ``P``). A document's title is its one
#: ``H1``; the session record's section headings ("h1") and the others' ("heading", "h2") are ``H2``; a quarterly
#: report's measure under "Each measure" is ``H3``.
HEADINGS: dict[str, str] = {"title": "H1", "h1": "H2", "heading": "H2", "h2": "H2", "mt": "H3"}
#: The style of a table cell that heads its row or column (a ``TH``), besides the rows repeated on each page.
HEADER_CELLS = frozenset({"head", "number"})  # "number": "Group 3" above a group of a printed code

#: The app's language codes -> the language a PDF says it is in (BCP 47, as ``/Lang`` wants it).
_LANGUAGES: dict[str, str] = {"en": "en-US", "es": "es-US"}

_ALT = "_offramp_alt"  # on a Drawing: what it shows, in words
_LAYOUT = "_offramp_layout"  # on a Table: it only places things side by side, it is no table of data
_ELEMENT = "_offramp_element"  # on a flowable split across pages: the element both parts belong to


def language_tag(code: str) -> str:
    """ "es" -> "es-US"; "en", the pseudo-locale or a language we do not print in -> "en-US"."""
    return _LANGUAGES.get(code.split("-")[0].split("_")[0].lower(), "en-US")


def describe(drawing: Drawing, alt: str) -> Drawing:
    """``drawing`` with ``alt``, what it shows in words, read out in its place (its ``Figure``'s ``/Alt``)."""
    setattr(drawing, _ALT, " ".join(alt.split()))
    return drawing


def layout(table: Table) -> Table:
    """``table`` as a layout grid (charts side by side): its cells are read in order, with no table around them."""
    setattr(table, _LAYOUT, True)
    return table


@dataclass(eq=False)
class Element:
    """One structure element: its tag, its parent, and its kids in reading order (elements, or (page, MCID))."""

    tag: str
    parent: Element | None = None
    alt: str | None = None
    kids: list[Element | tuple[int, int]] = field(default_factory=list)
    attached: bool = False

    def attach(self) -> None:
        """Take this element's place in its parent's kids (on its first content, so order is reading order)."""
        if self.attached or self.parent is None:
            return
        self.parent.attach()
        self.parent.kids.append(self)
        self.attached = True


def artifact(canvas: Canvas, start: int) -> None:
    """Wrap what was drawn on ``canvas`` since ``start`` (an index into its code) as an artifact a reader skips."""
    _wrap(canvas, start, "/Artifact BMC")


def _wrap(canvas: Canvas, start: int, opening: str) -> bool:
    code: list[str] = canvas._code  # reportlab's list of the page's operators
    if len(code) <= start:
        return False  # nothing drawn: no marked content for it
    code.insert(start, opening)
    code.append("EMC")
    return True


class Tagger:
    """Collects, while a document is laid out, which element each page's marked content belongs to."""

    def __init__(self, page: Any) -> None:
        self._page = page  # a callable: the page being drawn, from 1
        self.root = Element("Document", attached=True)
        self.pages: dict[int, list[Element]] = {}  # page index -> element of each MCID, in MCID order
        self._cell: tuple[int, Element | None] | None = None  # the table cell being drawn: code index, element
        self._row: Element | None = None
        self._lines_from = 0
        self._background_from = 0
        self._table: tuple[Element | None, bool] = (None, False)  # the table being drawn; is it a continuation

    # --- marked content -----------------------------------------------------------------------------------------

    def _mark(self, canvas: Canvas, start: int, element: Element) -> None:
        page = self._page() - 1
        ids = self.pages.setdefault(page, [])
        if _wrap(canvas, start, f"/{element.tag} <</MCID {len(ids)}>> BDC"):
            element.attach()
            element.kids.append((page, len(ids)))
            ids.append(element)

    def drew(self, canvas: Canvas, start: int, flowable: Flowable) -> None:
        """``flowable`` was drawn from ``start`` on: wrap it as its element's content, or as an artifact."""
        if isinstance(flowable, (Spacer, Table)):
            return  # a spacer draws nothing; a table's cells were tagged one by one (:meth:`table_event`)
        element = self.element_of(flowable, self.root)
        if element is None:
            artifact(canvas, start)
        else:
            self._mark(canvas, start, element)

    def element_of(self, flowable: Any, parent: Element) -> Element | None:
        """The element ``flowable`` belongs to (one it was split from, or a new one); None for decoration."""
        known: Element | None = getattr(flowable, _ELEMENT, None)
        if known is not None:
            return known
        alt = str(getattr(flowable, _ALT, "") or "")
        if isinstance(flowable, Paragraph):
            element = Element(HEADINGS.get(getattr(flowable.style, "name", ""), "P"), parent)
        elif isinstance(flowable, (Drawing, Image)) and alt:
            element = Element("Figure", parent, alt=alt)
        elif isinstance(flowable, Table):
            element = Element("Table", parent)
        else:
            return None  # a drawing with no words said for it, a rule: decoration
        setattr(flowable, _ELEMENT, element)
        return element

    def split(self, flowable: Flowable, parts: list[Flowable]) -> None:
        """A paragraph or table split across pages: every part belongs to the element of the whole."""
        if not isinstance(flowable, (Paragraph, Table)):
            return  # a KeepTogether and its kin hand on their own contents, each its own element
        if getattr(flowable, _LAYOUT, False):  # a layout grid over two pages is a layout grid on both
            for part in parts:
                if isinstance(part, Table):
                    layout(part)
            return
        element = self.element_of(flowable, self.root)
        for part in parts:
            if type(part) is type(flowable):
                setattr(part, _ELEMENT, element)

    # --- tables (reportlab's Table calls this for each stage of drawing itself) ----------------------------------

    def table_event(self, table: Table, event: str, *args: Any) -> None:
        canvas = table.canv
        code_length = len(canvas._code)
        if event == "startTable":
            if getattr(table, _LAYOUT, False):
                self._table = (None, False)
            else:
                element = self.element_of(table, self.root)
                self._table = (element, bool(element and element.kids))
            self._background_from = code_length
        elif event == "endBG":
            artifact(canvas, self._background_from)  # shading, a box's fill: decoration
        elif event == "startRow":
            element, continued = self._table
            repeated = continued and args[0] < table.repeatRows  # a header row repeated on the next page
            self._row = Element("TR", element) if element is not None and not repeated else None
        elif event == "startCell":
            row_number, cell = args[0], args[2]
            if isinstance(cell, (list, tuple)) and len(cell) == 1:
                cell = cell[0]  # reportlab holds a cell's flowable in a tuple of one
            element, continued = self._table
            if element is None:  # a layout grid: each cell's content stands on its own
                kid = self.element_of(cell, self.root) if not isinstance(cell, (str, list, tuple)) else None
                if kid is None and isinstance(cell, str) and cell.strip():
                    kid = Element("P", self.root)
            elif self._row is None:
                kid = None
            else:
                style = getattr(getattr(cell, "style", None), "name", "")
                header = (row_number < table.repeatRows and not continued) or style in HEADER_CELLS
                kid = Element("TH" if header else "TD", self._row)
            self._cell = (code_length, kid)
        elif event == "endCell" and self._cell is not None:
            start, kid = self._cell
            if kid is None:
                artifact(canvas, start)
            else:
                self._mark(canvas, start, kid)
            self._cell = None
        elif event == "startLines":
            self._lines_from = code_length
        elif event == "endLines":
            artifact(canvas, self._lines_from)  # rules between rows and around boxes


class TaggedFrame(Frame):
    """reportlab's frame, telling the :class:`Tagger` what each flowable drew and how flowables split."""

    tagger: Tagger

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        if isinstance(flowable, Table) and getattr(flowable, "_renderCB", None) is None:
            flowable._renderCB = self.tagger.table_event
        start = len(canv._code)
        drawn = int(super()._add(flowable, canv, trySplit))
        if drawn:
            self.tagger.drew(canv, start, flowable)
        return drawn

    add = _add  # reportlab calls it by both names

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        parts = list(super().split(flowable, canv))
        self.tagger.split(flowable, parts)
        return parts


# --- after the build: the structure tree -------------------------------------------------------------------------


def finish(writer: PdfWriter, tagger: Tagger, *, language: str, title: str | None) -> None:
    """Write ``tagger``'s structure into ``writer``'s document (its pages as laid out), with its language.

    ``title`` (None for a discreet document, which says nothing about itself) is shown in the viewer's title bar
    instead of the file's name, and written in the XMP metadata where assistive technology looks for it.
    """
    pages: list[Any] = [page.indirect_reference for page in writer.pages]  # each page as the file refers to it
    # pypdf has no public call to add an object to a writer: _add_object is how its own code does it.
    root = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")}))
    by_element: dict[int, IndirectObject] = {}

    def write(element: Element, parent: IndirectObject) -> IndirectObject:
        ref = writer._add_object(DictionaryObject())
        by_element[id(element)] = ref
        first_page = next((kid[0] for kid in _content(element)), None)
        kids = ArrayObject()
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(write(kid, ref))
            elif kid[0] == first_page:
                kids.append(NumberObject(kid[1]))
            else:  # content on a later page: a marked-content reference naming its page
                kids.append(
                    DictionaryObject(
                        {
                            NameObject("/Type"): NameObject("/MCR"),
                            NameObject("/Pg"): pages[kid[0]],
                            NameObject("/MCID"): NumberObject(kid[1]),
                        }
                    )
                )
        entries = {
            NameObject("/Type"): NameObject("/StructElem"),
            NameObject("/S"): NameObject(f"/{element.tag}"),
            NameObject("/P"): parent,
            NameObject("/K"): kids,
        }
        if first_page is not None and any(not isinstance(kid, Element) for kid in element.kids):
            entries[NameObject("/Pg")] = pages[first_page]
        if element.alt:
            entries[NameObject("/Alt")] = TextStringObject(element.alt)
        ref.get_object().update(entries)  # type: ignore[union-attr]
        return ref

    document = write(tagger.root, root)
    nums = ArrayObject()
    for index, page in enumerate(writer.pages):
        page[NameObject("/StructParents")] = NumberObject(index)
        nums.append(NumberObject(index))
        nums.append(ArrayObject(by_element[id(e)] for e in tagger.pages.get(index, [])))
    parent_tree = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))
    root.get_object().update(  # type: ignore[union-attr]
        {
            NameObject("/K"): ArrayObject([document]),
            NameObject("/ParentTree"): parent_tree,
            NameObject("/ParentTreeNextKey"): NumberObject(len(pages)),
        }
    )
    catalog = writer._root_object
    catalog[NameObject("/StructTreeRoot")] = root
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    catalog[NameObject("/Lang")] = TextStringObject(language)
    if title:
        catalog[NameObject("/ViewerPreferences")] = DictionaryObject(
            {NameObject("/DisplayDocTitle"): BooleanObject(True)}
        )
        metadata = StreamObject()
        metadata.set_data(_XMP.format(title=escape(title)).encode("utf-8"))
        metadata.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
        catalog[NameObject("/Metadata")] = writer._add_object(metadata)


#: The title in XMP (Dublin Core's dc:title), nothing else: no dates, no tool, no id.
_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""


def _content(element: Element) -> list[tuple[int, int]]:
    return [kid for kid in element.kids if not isinstance(kid, Element)]
