"""Categories: the built-in ones and the user's own."""

from __future__ import annotations

from dataclasses import replace

from ..core.model import Category, utc_now
from ..core.taxonomy import slugify
from ..core.validate import InvalidValue, prepare_category
from . import converters
from .base import JournalBase
from .errors import NotFound


class Categories(JournalBase):
    """Read, add, rename and merge categories."""

    def categories(self) -> list[Category]:
        rows = self._query("SELECT * FROM categories ORDER BY position, name COLLATE NOCASE")
        return [converters.category_from_row(row) for row in rows]

    def category(self, slug: str) -> Category:
        rows = self._query("SELECT * FROM categories WHERE slug = ?", [slug])
        if not rows:
            raise NotFound(f"No category {slug!r}.")
        return converters.category_from_row(rows[0])

    def add_category(
        self, name: str, description: str = "", *, indefensible: bool = False, slug: str = ""
    ) -> Category:
        category = prepare_category(
            Category(
                slug=slug or slugify(name),
                name=name,
                description=description,
                indefensible=indefensible,
            )
        )
        if not category.slug:
            raise InvalidValue("name", "needs at least one letter or digit")
        with self._writing() as db:
            if db.table("categories").count_where("slug = ?", [category.slug]):
                raise InvalidValue("name", f"a category {category.slug!r} exists already")
            db.table("categories").insert(converters.category_to_row(category))
        return category

    def rename_category(self, slug: str, name: str) -> Category:
        category = prepare_category(replace(self.category(slug), name=name))
        with self._writing() as db:
            db.table("categories").update(slug, {"name": category.name})
        return category

    def merge_category(self, source: str, target: str) -> int:
        """Move every issue of `source` into `target` and remove `source`; returns issues moved.

        Only the user's own categories can be merged away: the built-in ones stay.
        """
        moving, into = self.category(source), self.category(target)
        if moving.builtin:
            raise InvalidValue("category", f"{moving.name!r} is built in and cannot be merged away")
        if moving.slug == into.slug:
            raise InvalidValue("category", "cannot merge a category into itself")
        with self._writing() as db:
            moved = db.execute(
                "UPDATE issues SET category = ?, updated = ? WHERE category = ?",
                [into.slug, utc_now(), moving.slug],
            ).rowcount
            db.table("categories").delete(moving.slug)
        return moved
