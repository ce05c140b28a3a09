"""The prep worksheet of an interview to come (issue 14): its sections, each a field of
Interview, with the heading and the hint the app shows and `interview-journal prep` prints."""

from __future__ import annotations

SECTIONS = {
    "prep_why": ("Why them", "what draws you to this company and this role, in your words"),
    "prep_company": ("What they do", "products, customers, news of the last months"),
    "prep_questions": ("Your questions for them", "two or three you really want answered"),
    "prep_people": ("Who you will meet", "names, roles, what you know of each"),
    "prep_logistics": ("Getting there", "the route or the link, what to bring, when to leave"),
}
"""The worksheet's fields of Interview, in order, each with its heading and a hint."""
