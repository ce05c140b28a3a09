"""The built-in categories and the keyword suggestion."""

from __future__ import annotations

import pytest

from interview_journal.core.taxonomy import (
    BUILTIN_CATEGORIES,
    BUILTIN_SLUGS,
    slugify,
    suggest_category,
    user_category,
)


def test_the_builtin_categories_are_the_designed_ones() -> None:
    assert BUILTIN_SLUGS == (
        "punctuality", "first-impression", "relevant-experience", "rambling", "blanked",
        "resume-consistency", "listening", "industry-knowledge", "attire", "company-research",
        "phone-distraction", "honesty", "other",
    )  # fmt: skip
    indefensible = {c.slug for c in BUILTIN_CATEGORIES if c.indefensible}
    assert indefensible == {"attire", "company-research", "phone-distraction", "honesty"}


@pytest.mark.parametrize(
    ("problem", "slug"),
    [
        ("Arrived 10 minutes late, traffic on the ring road was awful", "punctuality"),
        ("I babbled because I was so nervous", "rambling"),
        ("Weak handshake and I avoided eye contact", "first-impression"),
        ("Forgot to mention my internship at the bank", "relevant-experience"),
        ("Mind went blank on 'tell me about yourself'", "blanked"),
        ("The dates I gave did not match my résumé", "resume-consistency"),
        ("I answered a different question than the one asked; wasn't listening", "listening"),
        ("They asked about the new EU regulation and I had no idea", "industry-knowledge"),
        ("Wore jeans to a bank interview", "attire"),
        ("Didn't know what the company's main product was: no research", "company-research"),
        ("My phone rang in the middle of the panel", "phone-distraction"),
        ("I exaggerated my role in the migration project", "honesty"),
    ],
)
def test_a_problem_suggests_its_category(problem: str, slug: str) -> None:
    assert suggest_category(problem) == slug


@pytest.mark.parametrize("problem", ["", "It was a Tuesday", "🙈", "[bold]x[/]"])
def test_no_suggestion_when_nothing_fits(problem: str) -> None:
    assert suggest_category(problem) is None


def test_slugs_for_user_categories() -> None:
    assert slugify("Team fit!") == "team-fit"
    assert slugify("  Salary   talk ") == "salary-talk"
    assert slugify("Négociation") == "négociation"
    assert slugify("!!!") == ""
    assert user_category("team-fit").name == "Team fit"


def test_the_taxonomy_is_data_shipped_in_the_package_and_it_validates() -> None:
    from interview_journal.core import taxonomy

    categories, keywords, checklist = taxonomy.load_taxonomy()
    assert taxonomy.DATA.name == "taxonomy.json"
    assert [c.slug for c in categories][-1] == "other"
    assert all(c.builtin for c in categories)
    assert set(keywords) <= {c.slug for c in categories}
    assert len(checklist) == 6 and checklist[-1][1] is None


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (lambda d: d["categories"].append(dict(d["categories"][0])), "is not a new slug"),
        (lambda d: d["categories"][0].update(slug="Late Arrival"), "is not a new slug"),
        (lambda d: d["categories"][1]["keywords"].append(""), "is empty"),
        (lambda d: d["checklist"][0].update(guards="nowhere"), "guards a category"),
    ],
)
def test_a_spoilt_taxonomy_file_is_refused_with_where(tmp_path, spoil, words) -> None:
    import json

    from interview_journal.core import taxonomy

    data = json.loads(taxonomy.DATA.read_text(encoding="utf-8"))
    spoil(data)
    copy = tmp_path / "taxonomy.json"
    copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(taxonomy.TaxonomyError, match=words):
        taxonomy.load_taxonomy(copy)


def test_every_builtin_category_says_what_a_letter_may_say_since() -> None:
    from interview_journal.core.compose import apologises
    from interview_journal.core.taxonomy import SINCE

    assert set(SINCE) == set(BUILTIN_SLUGS)
    for category in BUILTIN_CATEGORIES:
        sentence = SINCE[category.slug]
        if category.indefensible:
            assert sentence is None, category.slug  # nothing to explain away in a letter
            continue
        if sentence is None:
            continue
        # One short first-person sentence about what the user has done since.
        assert sentence.startswith("Since ") and " I have " in sentence, category.slug
        assert sentence.endswith(".") and sentence.count(".") == 1, category.slug
        assert len(sentence.split()) <= 30, category.slug
        assert not apologises(sentence), category.slug
    assert SINCE["industry-knowledge"] and "read up" in SINCE["industry-knowledge"]
    assert SINCE["other"]  # the general one, for categories of the user's own


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (lambda d: d["categories"][0].pop("since"), "since: missing"),
        (lambda d: d["categories"][0].update(since="  "), "must be a sentence or null"),
        (lambda d: d["categories"][0].update(since=3), "must be a sentence or null"),
    ],
)
def test_a_since_entry_left_out_or_empty_is_refused(tmp_path, spoil, words) -> None:
    import json

    from interview_journal.core import taxonomy

    data = json.loads(taxonomy.DATA.read_text(encoding="utf-8"))
    spoil(data)
    copy = tmp_path / "taxonomy.json"
    copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(taxonomy.TaxonomyError, match=words):
        taxonomy.load_since(copy)
