from community.notifications.models import Notification
from community.wiki.models import (
    WikiAccountStatus,
    WikiArticlePage,
    WikiCategory,
    WikiDiscussion,
    WikiEdit,
    WikiIndexPage,
    WikiProtection,
    WikiWatch,
)

from .accounts import User

__all__ = [
    "Notification", "User", "WikiAccountStatus", "WikiArticlePage", "WikiCategory", "WikiDiscussion", "WikiEdit",
    "WikiIndexPage", "WikiProtection", "WikiWatch",
]
