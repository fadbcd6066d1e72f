"""What the Merkliste contributes: a member's list in the data download, a link on the profile page."""

from community.bookmarks import selectors
from core.registry import PersonalData, ProfileSection, page_cache_ignored, personal_data, profile_sections

personal_data.register(
    PersonalData(
        models=("bookmarks.Bookmark", "bookmarks.CalendarFeed"), key="merkliste", export=selectors.export, order=90
    )
)


def _profile_bookmarks(user) -> dict:
    return {"bookmark_count": len(selectors.saved_keys(user=user))}


profile_sections.register(
    ProfileSection(template="bookmarks/profile_section.html", context=_profile_bookmarks, order=5)
)

# Merklisten and calendar feeds are a member's own.
page_cache_ignored.register("bookmarks")
