"""The user's profile in the file (version 4): an optional top-level object
`{"name", "strengths", "achievements"}`, left out when the journal has none."""

from __future__ import annotations

from typing import Any

from ..model import Profile
from ..validate import InvalidValue, prepare_profile
from .reader import Reader

PROFILE_KEYS = ("name", "strengths", "achievements")


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "strengths": list(profile.strengths),
        "achievements": list(profile.achievements),
    }


def read_profile(root: Reader) -> list[Profile]:
    """The file's profile, as a list of none or one: cleaned and checked as the journal keeps
    it, a failure said with its path (`profile.name: must be a string`)."""
    if root.data.get("profile") is None:
        return []
    item = Reader(root.data["profile"], root.at("profile"), root.context)
    item.known(PROFILE_KEYS)
    profile = Profile(
        name=item.text("name"),
        strengths=item.strings("strengths"),
        achievements=item.strings("achievements"),
    )
    try:
        return [prepare_profile(profile)]
    except InvalidValue as error:
        raise item.fail(error.field, error.message) from None
