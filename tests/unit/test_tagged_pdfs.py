"""Tagged PDFs (app.reports.tagging through app.reports.pdf.Document), parsed back with pypdf.

The person's copy (English and Spanish), the recovery sheet and the quarterly report with its charts: each is marked
(``/MarkInfo``), says its language, and has a structure tree whose elements, in order, hold every piece of text on
every page in reading order (headings as headings, charts with words said for them), while footers are artifacts
that a screen reader skips. What the content stream draws inside each marked-content id is read back here, so the
test sees what a reader would read, not what we meant to write.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from sqlalchemy.orm import Session

from app.core import i18n
from app.models import Base
from app.reports import copy_text
from app.reports.measures import compute, trend
from app.reports.periods import trailing_quarters
from app.reports.quarterly import chart_alt, quarterly_pdf
from app.reports.recovery_sheet import SECTIONS, TITLE, recovery_sheet_pdf
from app.reports.survivor_copy import CopySection, SurvivorCopy, survivor_copy_pdf
from app.storage import recovery
from tests.unit.test_measures import AFTER, Q2, build

PASSWORD = "quiet river lantern"
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language(i18n.DEFAULT)


def _copy(language: str = "en", *, long: bool = False) -> SurvivorCopy:
    words = copy_text.CATALOGUE[language]
    sections = [
        CopySection(words["heading.safe_contacts"], ("Rosa Díaz (sister): 555-0134", "Tia (friend): 555-0188")),
        CopySection(words["heading.safe_places"], ("The library on Elm Street, open until 8.",)),
    ]
    if long:  # enough to run over a page, with one paragraph long enough to be split between two pages
        story = " ".join(f"Step {n}: take the bus to the corner shop and wait by the window." for n in range(60))
        sections += [CopySection(words["heading.leaving_plan"], tuple(f"Pack the bag, part {n}." for n in range(12)))]
        sections += [CopySection(words["heading.after_leaving"], (story,))]
    return SurvivorCopy(tuple(sections), DAY, language)


def _quarterly(**kw: Any) -> bytes:
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        build(s)
        s.commit()
        report, series = compute(s, Q2, as_of=AFTER), trend(s, trailing_quarters(Q2, 8), as_of=AFTER)
    return quarterly_pdf(report, series, **kw)


# --- reading the file back ----------------------------------------------------------------------------------------


@dataclass
class Page:
    """What one page draws: the text inside each marked-content id, in artifacts, and outside both."""

    by_mcid: dict[int, str] = field(default_factory=dict)
    tags: dict[int, str] = field(default_factory=dict)
    in_order: list[int] = field(default_factory=list)  # the ids in the order the stream draws them
    artifact: str = ""
    untagged: str = ""
    drawn: str = ""  # every piece of text, in the order the page draws it


def _squash(text: str) -> str:
    return "".join(text.split())


def _read_page(page: Any) -> Page:
    out = Page()
    stack: list[tuple[str, int | None]] = []

    def before(operator: bytes, operands: list[Any], _cm: Any, _tm: Any) -> None:
        if operator == b"BDC":
            props = operands[1] if len(operands) > 1 and isinstance(operands[1], dict) else {}
            mcid = props.get("/MCID")
            stack.append((str(operands[0]), None if mcid is None else int(mcid)))
            if mcid is not None:
                out.tags[int(mcid)] = str(operands[0])
                out.in_order.append(int(mcid))
        elif operator == b"BMC":
            stack.append((str(operands[0]), None))
        elif operator == b"EMC":
            stack.pop()

    def text(chunk: str, *_args: Any) -> None:
        if not chunk:
            return
        out.drawn += chunk
        if any(tag == "/Artifact" for tag, _m in stack):
            out.artifact += chunk
        elif stack and stack[-1][1] is not None:
            mcid = stack[-1][1]
            out.by_mcid[mcid] = out.by_mcid.get(mcid, "") + chunk
        elif chunk.strip():
            out.untagged += chunk

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    assert not stack, "every marked-content sequence is closed on its page"
    return out


@dataclass
class Tagged:
    reader: PdfReader
    pages: list[Page]
    elements: list[tuple[str, DictionaryObject]]  # every structure element, in the tree's order
    content: list[tuple[str, int, int]]  # (element tag, page index, MCID), in the tree's order


def _read(pdf: bytes, password: str | None = None) -> Tagged:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    page_index = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    elements: list[tuple[str, DictionaryObject]] = []
    content: list[tuple[str, int, int]] = []

    def walk(node: DictionaryObject) -> None:
        tag = str(node["/S"])
        elements.append((tag, node))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, int):
                content.append((tag, page_index[node.raw_get("/Pg").idnum], kid))
            elif kid.get("/Type") == "/MCR":
                content.append((tag, page_index[kid.raw_get("/Pg").idnum], int(kid["/MCID"])))
            else:
                walk(kid)

    root = reader.trailer["/Root"]["/StructTreeRoot"]
    for top in root["/K"]:
        walk(top.get_object())
    return Tagged(reader, [_read_page(p) for p in reader.pages], elements, content)


def _text_of(tagged: Tagged, tag: str) -> list[str]:
    """The text of each element with ``tag``, in the tree's order."""
    out = []
    for element_tag, node in tagged.elements:
        if element_tag != tag:
            continue
        kids = node["/K"]
        texts = []
        for kid in kids:
            kid = kid.get_object()
            if isinstance(kid, int):
                texts.append(tagged.pages[_page_of(tagged, node.raw_get("/Pg"))].by_mcid.get(kid, ""))
            else:
                texts.append(tagged.pages[_page_of(tagged, kid.raw_get("/Pg"))].by_mcid.get(int(kid["/MCID"]), ""))
        out.append(" ".join(" ".join(texts).split()))
    return out


def _page_of(tagged: Tagged, ref: Any) -> int:
    return next(i for i, p in enumerate(tagged.reader.pages) if p.indirect_reference.idnum == ref.idnum)


def _check_tagged(pdf: bytes, language: str, *, password: str | None = None) -> Tagged:
    """Everything a tagged file must be, whatever the document; returns it read back for the document's own checks."""
    tagged = _read(pdf, password)
    catalog = tagged.reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) is True
    assert catalog["/Lang"] == language
    assert tagged.elements[0][0] == "/Document"

    # Every page: its text is either an element's content or an artifact, nothing is left out of the tree, and the
    # tree's order of content is the page's reading order (the order it is drawn: top to bottom, each cell in turn).
    for index, (page, raw) in enumerate(zip(tagged.pages, tagged.reader.pages, strict=True)):
        assert not page.untagged.strip(), f"page {index + 1} draws text outside any tag: {page.untagged!r}"
        in_tree = [mcid for _tag, p, mcid in tagged.content if p == index]
        assert sorted(in_tree) == sorted(page.by_mcid.keys() | set(page.tags)), "every id on the page is in the tree"
        assert len(in_tree) == len(set(in_tree)), "each id belongs to one element"
        assert in_tree == page.in_order, "the tree reads the page in the order it is laid out"
        read_aloud = "".join(page.by_mcid.get(m, "") for m in in_tree)
        # Read aloud in the tree's order, with the skipped footer left out, is all the text the page shows in the
        # order it is laid out (pypdf's own extraction of the page).
        assert _squash(page.drawn) == _squash(raw.extract_text() or "")
        assert _squash(read_aloud) == _squash(page.drawn).replace(_squash(page.artifact), "", 1)
        for tag, p, mcid in tagged.content:
            if p == index:
                assert page.tags[mcid] == tag, "the marked content is tagged as its element"

    # The parent tree leads from each page's ids back to their elements.
    tree = catalog["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for index, raw in enumerate(tagged.reader.pages):
        key = raw["/StructParents"]
        assert key in parents
        owners = parents[key]
        for tag, p, mcid in tagged.content:
            if p == index:
                assert str(owners[mcid].get_object()["/S"]) == tag
    assert int(tree["/ParentTreeNextKey"]) == len(tagged.reader.pages)

    for tag, node in tagged.elements:
        if tag == "/Figure":
            assert str(node.get("/Alt", "")).strip(), "every figure says what it shows"
    assert all(embedded_fonts(tagged.reader).values()), "every font the pages list is embedded"
    return tagged


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """Each font the pages list, and whether the file carries it (a standard PDF font is left to the viewer)."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            keys = descriptor.get_object().keys() if descriptor is not None else ()
            found[str(font["/BaseFont"])] = any(k in keys for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


# --- the person's copy --------------------------------------------------------------------------------------------


def test_the_persons_copy_is_tagged_in_english() -> None:
    pdf = survivor_copy_pdf(_copy("en"))
    tagged = _check_tagged(pdf, "en-US")
    assert _text_of(tagged, "/H1") == [copy_text.ENGLISH["title"]]
    assert _text_of(tagged, "/H2") == [
        copy_text.ENGLISH["heading.safe_contacts"],
        copy_text.ENGLISH["heading.safe_places"],
    ]
    paragraphs = _text_of(tagged, "/P")
    assert "Rosa Díaz (sister): 555-0134" in paragraphs and copy_text.ENGLISH["emergency"] in paragraphs


def test_names_in_any_script_are_read_in_their_paragraphs() -> None:
    names = ("محمد علي", "Nguyễn Thị Lan", "阮氏", "שרה", "राज सिंह", "Иван")
    content = SurvivorCopy(
        (CopySection("People you can call", tuple(f"{n}: 555-01{i:02d}" for i, n in enumerate(names))),), DAY
    )
    paragraphs = _text_of(_check_tagged(survivor_copy_pdf(content), "en-US"), "/P")
    for name in names:
        assert any(name in p for p in paragraphs), name


def test_the_spanish_copy_says_it_is_in_spanish() -> None:
    tagged = _check_tagged(survivor_copy_pdf(_copy("es")), "es-US")
    assert _text_of(tagged, "/H1") == [copy_text.SPANISH["title"]]
    assert copy_text.SPANISH["heading.safe_places"] in _text_of(tagged, "/H2")


def test_the_copy_stays_discreet_and_makes_the_same_bytes() -> None:
    pdf = survivor_copy_pdf(_copy("en"))
    assert pdf == survivor_copy_pdf(_copy("en"))
    reader = PdfReader(io.BytesIO(pdf))
    assert not dict(reader.metadata or {})
    assert "/ViewerPreferences" not in reader.trailer["/Root"]  # no title to display
    assert "/Metadata" not in reader.trailer["/Root"]  # nor any XMP saying what it is
    assert b"Offramp" not in pdf and b"ReportLab" not in pdf


def test_a_paragraph_split_between_pages_is_one_element_on_both() -> None:
    tagged = _check_tagged(survivor_copy_pdf(_copy("en", long=True)), "en-US")
    assert len(tagged.reader.pages) >= 2
    pages_of: dict[int, set[int]] = {}
    for tag, node in tagged.elements:
        if tag == "/P":
            kids = [k.get_object() for k in node["/K"]]
            pages = {
                _page_of(tagged, node.raw_get("/Pg")) if isinstance(k, int) else _page_of(tagged, k.raw_get("/Pg"))
                for k in kids
            }
            pages_of[id(node)] = pages
    assert any(len(p) == 2 for p in pages_of.values()), "the long paragraph runs on, tagged, on the next page"
    long = next(t for t in _text_of(tagged, "/P") if t.startswith("Step 0:"))
    assert long.endswith("wait by the window.") and "Step 59:" in long


def test_a_protected_copy_opens_with_its_password_and_is_tagged() -> None:
    pdf = survivor_copy_pdf(_copy("es"), password=PASSWORD)
    assert PdfReader(io.BytesIO(pdf)).is_encrypted
    tagged = _check_tagged(pdf, "es-US", password=PASSWORD)
    assert _text_of(tagged, "/H1") == [copy_text.SPANISH["title"]]


# --- the recovery sheet -------------------------------------------------------------------------------------------


def test_the_recovery_sheet_is_tagged_with_its_code_in_a_table() -> None:
    code = recovery.generate()[0]
    pdf = recovery_sheet_pdf(code, created=DAY)
    assert pdf == recovery_sheet_pdf(code, created=DAY)
    tagged = _check_tagged(pdf, "en-US")
    catalog = tagged.reader.trailer["/Root"]
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert _text_of(tagged, "/H1") == [TITLE]
    xmp = catalog["/Metadata"].get_data().decode("utf-8")
    assert f'<rdf:li xml:lang="x-default">{TITLE}</rdf:li>' in xmp
    assert _text_of(tagged, "/H2") == [head for head, _text in SECTIONS]
    cells = _text_of(tagged, "/TD")
    assert _text_of(tagged, "/TH") == [f"Group {n}" for n in range(1, recovery.GROUPS + 1)]
    for group in range(recovery.GROUPS):
        assert recovery.group_of(code, group) in cells
    tags = [tag for tag, _node in tagged.elements]
    assert tags.count("/Table") == 1 and "/TR" in tags


def test_the_spanish_recovery_sheet_says_it_is_in_spanish(spanish: None) -> None:
    tagged = _check_tagged(recovery_sheet_pdf(recovery.generate()[0], created=DAY), "es-US")
    assert _text_of(tagged, "/H1") == [i18n._(TITLE)]


# --- the quarterly report -----------------------------------------------------------------------------------------


def test_the_quarterly_report_is_tagged_its_charts_in_words_its_footer_skipped() -> None:
    pdf = _quarterly(office="Riverside Support Office")
    assert pdf == _quarterly(office="Riverside Support Office")
    tagged = _check_tagged(pdf, "en-US")
    for page in tagged.pages:
        assert "Riverside Support Office" in page.artifact and "aggregates only" in page.artifact
        assert "Page" in page.artifact
    figures = [str(node["/Alt"]) for tag, node in tagged.elements if tag == "/Figure"]
    assert len(figures) >= 10
    assert all("FY26 Q2" in alt for alt in figures), figures[0]
    assert any("%" in alt for alt in figures)
    assert _text_of(tagged, "/H1")[0].startswith("Outcome measures")
    assert {"Summary", "Each measure"} <= set(_text_of(tagged, "/H2"))
    assert "/H3" in {tag for tag, _node in tagged.elements}
    headers = _text_of(tagged, "/TH")
    assert headers[:6] == ["#", "Measure", "Counted", "Out of", "Rate", "Status"]
    assert "Headline" in headers[6:]  # each detail table's rows are headed by what they count


def test_the_spanish_quarterly_report_speaks_spanish_in_its_charts_words(spanish: None) -> None:
    tagged = _check_tagged(_quarterly(), "es-US")
    figures = [str(node["/Alt"]) for tag, node in tagged.elements if tag == "/Figure"]
    assert figures and all("AF26 T2" in alt for alt in figures)


def test_a_chart_says_what_it_shows() -> None:
    alt = chart_alt("4. Referrals accepted (%)", ["FY26\nQ1", "FY26\nQ2"], [40.0, None], True)
    assert alt == "4. Referrals accepted (%): FY26 Q1 40%; FY26 Q2 not shown"
    assert chart_alt("6. People", ["FY26\nQ1"], [12.0], False) == "6. People: FY26 Q1 12"


# --- a staff document, tagged the same way through Document ------------------------------------------------------


def test_the_session_record_is_tagged_with_its_footer_skipped() -> None:
    from app.reports.session_pdf import session_pdf
    from tests.unit.test_session_pdf import CHECKLIST

    tagged = _check_tagged(session_pdf(CHECKLIST), "en-US")  # "Page 1 of 2" drawn once the pages are counted
    assert all("Page" in page.artifact for page in tagged.pages)
    assert _text_of(tagged, "/H1")
