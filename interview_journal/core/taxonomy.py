"""The built-in mistake categories (from the method) and the keyword-based suggestion."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from .model import Category

DATA = Path(__file__).with_name("taxonomy.json")
"""The categories, their keywords and the checklist for the day: data, shipped in the package."""


class TaxonomyError(ValueError):
    """The data file is not as this code reads it (a packaging or editing mistake)."""


def load_taxonomy(
    path: Path = DATA,
) -> tuple[tuple[Category, ...], dict[str, tuple[str, ...]], tuple[tuple[str, str | None], ...]]:
    """(categories, keywords by slug, checklist items as (text, slug guarded)), read from `path`
    and checked: every slug well formed and once, every keyword and item text a non-empty
    string, every checklist item guarding a category of the file or none."""
    data = json.loads(path.read_text(encoding="utf-8"))
    categories: list[Category] = []
    keywords: dict[str, tuple[str, ...]] = {}
    for number, entry in enumerate(data["categories"]):
        slug = entry["slug"]
        if (
            not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
            or slug in keywords
            or any(c.slug == slug for c in categories)
        ):
            raise TaxonomyError(f"categories[{number}].slug: {slug!r} is not a new slug")
        texts = [entry["name"], entry["description"], *entry.get("keywords", [])]
        if not all(isinstance(text, str) and text.strip() for text in texts):
            raise TaxonomyError(f"categories[{number}]: a name, description or keyword is empty")
        if not isinstance(entry["indefensible"], bool):
            raise TaxonomyError(f"categories[{number}].indefensible: must be true or false")
        categories.append(
            Category(slug, entry["name"], entry["description"], entry["indefensible"], True)
        )
        if entry.get("keywords"):
            keywords[slug] = tuple(entry["keywords"])
    slugs = {category.slug for category in categories}
    checklist = []
    for number, item in enumerate(data["checklist"]):
        text, guards = item["text"], item.get("guards")
        if not (isinstance(text, str) and text.strip()) or (
            guards is not None and guards not in slugs
        ):
            raise TaxonomyError(f"checklist[{number}]: needs a text, and guards a category or none")
        checklist.append((text, guards))
    return tuple(categories), keywords, tuple(checklist)


def load_since(path: Path = DATA) -> dict[str, str | None]:
    """What a letter may say the user has done since a mistake, by built-in category slug: one
    first-person sentence, or None where a letter had better say nothing (the indefensible ones).
    Every category of the file must say which ("since": a sentence or null)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    since: dict[str, str | None] = {}
    for number, entry in enumerate(data["categories"]):
        if "since" not in entry:
            raise TaxonomyError(f"categories[{number}].since: missing (a sentence, or null)")
        sentence = entry["since"]
        if sentence is not None and not (isinstance(sentence, str) and sentence.strip()):
            raise TaxonomyError(f"categories[{number}].since: must be a sentence or null")
        since[entry["slug"]] = sentence
    return since


BUILTIN_CATEGORIES, _KEYWORDS, CHECKLIST = load_taxonomy()
BUILTIN_SLUGS = tuple(category.slug for category in BUILTIN_CATEGORIES)
SINCE = load_since()
"""The "since then I have ..." sentence of each built-in category, or None: see `load_since`."""


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Each category's keywords as one pattern: compiled when first needed, not on the way to
    the first frame."""
    return {
        slug: re.compile(
            r"\b(?:" + "|".join(re.escape(word) for word in words) + r")", re.IGNORECASE
        )
        for slug, words in _KEYWORDS.items()
    }


def suggest_category(problem: str) -> str | None:
    """The category whose keywords the problem mentions most, or None when none fits.

    Only a suggestion: the user confirms it. Ties go to the category listed first.
    """
    best_slug, best_hits = None, 0
    for slug, pattern in _patterns().items():
        hits = len(pattern.findall(problem))
        if hits > best_hits:
            best_slug, best_hits = slug, hits
    return best_slug


def slugify(name: str) -> str:
    """A category slug from a name the user typed: lowercase words joined by hyphens."""
    words = re.findall(r"[^\W_]+", name.casefold())
    return "-".join(words)[:60]


def user_category(slug: str) -> Category:
    """A category met only by its slug (say, in an imported file): named after the slug."""
    words = slug.replace("-", " ").replace("_", " ").strip()
    return Category(slug=slug, name=words[:1].upper() + words[1:] if words else slug)
