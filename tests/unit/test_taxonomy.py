"""The referral category list: the bundled one loads, matches the demo's codes, and a malformed list is refused
with every problem located by line and field."""

from __future__ import annotations

import pytest

from app.content.taxonomy import (
    VOCA_CATEGORIES,
    TaxonomyError,
    category_title,
    current_taxonomy,
    find_category,
    load_taxonomy,
)
from app.demo.people import CATEGORIES, TAXONOMY_VERSION


def test_bundled_list_loads_with_every_category_mapped_to_voca() -> None:
    taxonomy = current_taxonomy()
    assert taxonomy.version == TAXONOMY_VERSION
    assert len(taxonomy.categories) >= 25
    assert {c.voca for c in taxonomy.categories} <= set(VOCA_CATEGORIES)
    assert taxonomy.get("legal_record_relief") is not None
    assert taxonomy.get("legal_record_relief").voca == "justice_assistance"  # type: ignore[union-attr]
    assert taxonomy.get("other") is not None


def test_demo_codes_are_the_bundled_codes() -> None:
    ids = {c.id for c in current_taxonomy().categories}
    assert set(CATEGORIES) <= ids


def test_titles_come_from_the_version_asked_for_and_unknown_codes_read_as_words() -> None:
    assert category_title("legal_immigration", "2026.1").startswith("Legal help: immigration")
    assert category_title("food_bank") == "Food bank"
    assert find_category("food_bank") is None


GOOD = """id = "office-list"
title = "Our categories"
version = "3"
source = "Our office"

[[categories]]
id = "housing"
title = "Housing"
voca = "shelter_housing"
"""

BAD = """id = "office-list"
title = "Our categories"
version = "3"
source = "Our office"

[[categories]]
id = "housing"
title = "Housing"
voca = "shelter_housing"

[[categories]]
id = "housing"
title = "Housing again"
voca = "shelter_housing"

[[categories]]
id = "food"
voca = "groceries"
colour = "green"
"""


def test_an_office_list_loads() -> None:
    taxonomy = load_taxonomy(GOOD, name="ours.toml")
    assert [c.id for c in taxonomy.offered()] == ["housing"]


def test_a_malformed_list_is_refused_with_every_problem_located() -> None:
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(BAD, name="ours.toml")
    problems = {(p.line, p.field): p.problem for p in caught.value.problems}
    assert (12, "categories[1].id") in problems and "already used" in problems[(12, "categories[1].id")]
    assert (18, "categories[2].voca") in problems and "not a VOCA category" in problems[(18, "categories[2].voca")]
    assert (19, "categories[2].colour") in problems
    assert problems[(16, "categories[2].title")] == "is missing"
    assert "ours.toml" in caught.value.message and "Line 12" in caught.value.message


def test_text_that_is_not_toml_is_refused_with_its_line() -> None:
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy('id = "x"\ntitle = "unclosed\n', name="broken.toml")
    (problem,) = caught.value.problems
    assert problem.line == 2 and "not valid TOML" in problem.problem
