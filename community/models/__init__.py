from community.forum.models import ForumAccess, ForumSubscription, PostModeration, PostReport
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
    "ForumAccess", "ForumSubscription", "Notification", "PostModeration", "PostReport", "User", "WikiAccountStatus", "WikiArticlePage", "WikiCategory", "WikiDiscussion", "WikiEdit",
    "WikiIndexPage", "WikiProtection", "WikiWatch",
]
