"""The built-in mistake categories (from the method) and the keyword-based suggestion."""

from __future__ import annotations

import re

from .model import Category

BUILTIN_CATEGORIES: tuple[Category, ...] = (
    Category("punctuality", "Late / timing", "Arrived late or misjudged the time.", False, True),
    Category(
        "first-impression",
        "First impression (greeting, handshake, eye contact)",
        "The opening minute: greeting, handshake, eye contact.",
        False,
        True,
    ),
    Category(
        "relevant-experience",
        "Left out relevant experience",
        "Work, internships or projects that fit the role went unmentioned.",
        False,
        True,
    ),
    Category(
        "rambling",
        "Rambling / nerves / lost focus",
        "Nerves took over; answers wandered or ran long.",
        False,
        True,
    ),
    Category(
        "blanked",
        "Blanked on a common question",
        "A question you should expect drew a blank.",
        False,
        True,
    ),
    Category(
        "resume-consistency",
        "Answer inconsistent with résumé",
        "What you said did not match what your résumé says.",
        False,
        True,
    ),
    Category(
        "listening",
        "Didn't listen to the question",
        "Answered a different question from the one asked.",
        False,
        True,
    ),
    Category(
        "industry-knowledge",
        "Missed a key industry development",
        "Something everyone in the field knows about came up and you did not.",
        False,
        True,
    ),
    Category(
        "attire", "Dressed inappropriately", "Clothes that did not suit the place.", True, True
    ),
    Category(
        "company-research",
        "Didn't research the company",
        "Fumbled questions about the company itself.",
        True,
        True,
    ),
    Category(
        "phone-distraction",
        "Phone or other distraction",
        "A phone or something else pulled your attention away.",
        True,
        True,
    ),
    Category("honesty", "Lying or exaggerating", "Claimed more than was true.", True, True),
    Category("other", "Other", "Anything that fits no other category.", False, True),
)

BUILTIN_SLUGS = tuple(category.slug for category in BUILTIN_CATEGORIES)

# Words that point at a category. Stems match the start of a word: "nerv" finds "nervous".
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "punctuality": (
        "late",
        "traffic",
        "delay",
        "lost my way",
        "got lost",
        "parking",
        "train",
        "bus",
        "arrived",
        "running behind",
        "missed the start",
        "clock",
        "wrong time",
        "time zone",
    ),
    "first-impression": (
        "handshake",
        "eye contact",
        "greet",
        "introduc",
        "first impression",
        "smile",
        "posture",
        "limp",
        "awkward start",
    ),
    "relevant-experience": (
        "forgot to mention",
        "didn't mention",
        "did not mention",
        "never mentioned",
        "internship",
        "left out",
        "experience",
        "project i",
        "portfolio",
    ),
    "rambling": (
        "babbl",
        "ramble",
        "rambling",
        "nerv",
        "anxious",
        "shaking",
        "lost focus",
        "lost my train",
        "went on",
        "too long",
        "waffl",
        "talked too much",
        "stammer",
        "stutter",
        "sweat",
    ),
    "blanked": (
        "blank",
        "froze",
        "freeze",
        "mind went",
        "couldn't think",
        "could not think",
        "no answer",
        "tell me about yourself",
        "weakness",
        "strength",
        "stumped",
        "drew a",
    ),
    "resume-consistency": (
        "résumé",
        "resume",
        "cv",
        "inconsistent",
        "contradict",
        "dates didn't",
        "didn't match",
        "did not match",
    ),
    "listening": (
        "listen",
        "misunderstood",
        "wrong question",
        "interrupt",
        "misheard",
        "didn't hear",
        "answered a different",
        "cut them off",
        "cut off",
    ),
    "industry-knowledge": (
        "industry",
        "trend",
        "regulation",
        "news",
        "market",
        "competitor",
        "latest",
        "development",
        "acquisition",
    ),
    "attire": (
        "dress",
        "outfit",
        "suit",
        "tie",
        "shoes",
        "wore",
        "wearing",
        "clothes",
        "jeans",
        "underdressed",
        "overdressed",
        "casual",
    ),
    "company-research": (
        "research",
        "didn't know what they",
        "mission",
        "product",
        "what the company",
        "their values",
        "website",
        "founder",
        "prepare",
        "unprepared",
    ),
    "phone-distraction": (
        "phone",
        "cell",
        "mobile",
        "ring",
        "notification",
        "text message",
        "distract",
        "buzz",
        "slack",
        "email",
    ),
    "honesty": (
        "lie",
        "lied",
        "lying",
        "exaggerat",
        "made up",
        "pretend",
        "bluff",
        "overstat",
        "fake",
        "claimed",
    ),
}

_PATTERNS: dict[str, re.Pattern[str]] = {
    slug: re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + r")", re.IGNORECASE)
    for slug, words in _KEYWORDS.items()
}


def suggest_category(problem: str) -> str | None:
    """The category whose keywords the problem mentions most, or None when none fits.

    Only a suggestion: the user confirms it. Ties go to the category listed first.
    """
    best_slug, best_hits = None, 0
    for slug, pattern in _PATTERNS.items():
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
