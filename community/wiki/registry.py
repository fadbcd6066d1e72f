"""What the wiki contributes: the Redaktion's grants and queue, the profile's edits, a member's wiki data."""

from community.accounts.roles import REDAKTION
from community.wiki import demo, front_page, review, signals  # noqa: F401  (front_page: home page panels; review: its part of the review inbox; signals connects receivers)
from community.wiki.services import wiki_workflow_sync
from core.registry import (
    DemoStep,
    PersonalData,
    ProfileSection,
    RoleGrants,
    demo_steps,
    page_cache_ignored,
    personal_data,
    profile_sections,
    role_grants,
    roles_synced,
)

role_grants.register(
    RoleGrants(
        REDAKTION,
        model_permissions={
            "wiki.wikicategory": ("add", "change", "delete", "view"),
            "wiki.wikiaccountstatus": ("add", "change", "delete", "view"),
            "wiki.wikiprotection": ("add", "change", "delete", "view"),
            "wiki.wikiedit": ("change", "view"),
        },
    )
)
roles_synced.register(wiki_workflow_sync)


def _profile_wiki(user) -> dict:
    from community.wiki.selectors import edits_of, watches_of

    return {"edits": edits_of(user=user), "watches": watches_of(user=user)}


profile_sections.register(ProfileSection(template="wiki/profile_section.html", context=_profile_wiki, order=30))


def _edits(user) -> list[dict]:
    from wagtail.models import Revision

    from community.accounts.services import when
    from community.wiki.models import WikiEdit

    return [
        {
            "artikel": e.article.title if e.article_id else None,
            "zusammenfassung": e.summary,
            "status": e.get_state_display(),
            "am": when(e.created_at),
            "text": (Revision.objects.filter(pk=e.revision_id).values_list("content", flat=True).first() or {}).get(
                "body", ""
            ),
        }
        for e in WikiEdit.objects.filter(author=user).select_related("article").order_by("created_at")
    ]


def _watches(user) -> list[str]:
    from community.wiki.models import WikiWatch

    return [w.article.title for w in WikiWatch.objects.filter(user=user).select_related("article")]


def _status(user) -> dict | None:
    from community.accounts.services import when
    from community.wiki.models import WikiAccountStatus

    status = WikiAccountStatus.objects.filter(user=user).first()
    if status is None:
        return None
    return {"status": status.get_status_display(), "grund": status.reason, "bis": when(status.until)}


personal_data.register(PersonalData(models=("wiki.WikiEdit",), key="wiki_aenderungen", export=_edits, order=40))
personal_data.register(PersonalData(models=("wiki.WikiWatch",), key="wiki_beobachtet", export=_watches, order=41))
personal_data.register(PersonalData(models=("wiki.WikiAccountStatus",), key="wiki_status", export=_status, order=42))
personal_data.register(
    PersonalData(
        models=("wiki.WikiProtection",),
        reason="Nur die Redaktion schützt Artikel; der Eintrag nennt, wer geschützt hat, und verliert den Namen mit dem Konto.",
    )
)
demo_steps.register(DemoStep("wiki", demo.seed, order=80))

# Who watches an article is private.
page_cache_ignored.register("wiki.WikiWatch")
