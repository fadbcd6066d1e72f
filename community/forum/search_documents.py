from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Topic

from community.forum.models import ForumAccess
from search.documents import adapter, plain


def _topics():
    return Topic.objects.filter(approved=True, forum__type=Forum.FORUM_POST).select_related("forum")


def forum_members_only(forum: Forum) -> bool:
    """A forum is members-only when it or a forum above it is (the tree shares the restriction)."""
    forum_ids = [f.pk for f in forum.get_ancestors(include_self=True)]
    return ForumAccess.objects.filter(forum_id__in=forum_ids, members_only=True).exists()


@adapter(Topic, kind="forum", label=_("Forum"), queryset=_topics, key_prefix="topic")
def topic_document(topic: Topic):
    """A conversation with its approved posts; waiting, hidden and declined posts never enter the text."""
    if not topic.approved or topic.forum.type != Forum.FORUM_POST:
        return None
    posts = list(topic.posts.filter(approved=True).order_by("created").values_list("content", "created"))
    if not posts:
        return None
    from search.documents import SearchDocument

    return SearchDocument(
        key=f"topic:{topic.pk}",
        kind="forum",
        title=topic.subject,
        url=reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": topic.forum.slug,
                "forum_pk": topic.forum_id,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        ),
        text=plain(*(str(content) for content, _created in posts)),
        categories=[topic.forum.name],
        date_start=posts[0][1].date(),
        date_end=posts[-1][1].date(),
        visibility="members" if forum_members_only(topic.forum) else "public",
        boost=0.8,  # conversations rank a little below the curated entries they talk about
    )
