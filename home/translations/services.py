"""Writes for content translation: locales switched on with their whole tree, translations into review, the
German fallback marker, and many-to-many choices (categories, languages) kept in step with the source."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Locale, Page, WorkflowState

from home.translations.models import PendingTranslation
from home.translations.selectors import clear_caches, source_language


class ReviewError(Exception):
    """A translation cannot go into review; the message is German and meant for the editor."""


def content_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@transaction.atomic
def locales_enable(languages: list[str] | None = None) -> list[str]:
    """Switch languages on: a Wagtail locale each, synchronised from German, so that every existing and future
    German page has an alias (German text, reader's menus) in that language from this moment on."""
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import PageIndex, synchronize_tree

    source = Locale.objects.get_or_create(language_code=source_language())[0]
    created = []
    for language in languages or content_languages():
        if language == source.language_code:
            continue
        locale, new = Locale.objects.get_or_create(language_code=language)
        if new:
            created.append(language)
        sync = LocaleSynchronization.objects.filter(locale=locale).first()
        if sync is None:
            # Saving a synchronisation queues wagtail-localize's tree sync; we run it right here as well, so the
            # tree is complete when this returns (no background worker needed in the embedded setup).
            LocaleSynchronization.objects.bulk_create([LocaleSynchronization(locale=locale, sync_from=source)])
        synchronize_tree(source, locale, page_index=PageIndex.from_database().sort_by_tree_position())
    clear_caches()
    return created


def aliases_for_new_page(page: Page) -> int:
    """A page published in the source locale outside the admin (demo, imports, parents' wiki articles) gets its
    aliases too; wagtail-localize only does this for pages created in the page editor."""
    from wagtail_localize.models import LocaleSynchronization

    made = 0
    for sync in LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).select_related("locale"):
        if page.get_translation_or_none(sync.locale) is None:
            parent = page.get_parent()
            if parent is not None and parent.depth > 1 and parent.get_translation_or_none(sync.locale) is None:
                continue  # the parent is not synced into that locale (e.g. a tree outside the site)
            alias = page.copy_for_translation(sync.locale, copy_parents=True, alias=True)
            made += 1 + aliases_for_new_page(alias)
    return made


def many_to_many_sync(*, source: Page, target: Page) -> None:
    """Categories, focus and languages are chosen on the German page; every language shows the same choice.
    (wagtail-localize leaves many-to-many fields out of translations.)"""
    source, target = source.specific, target.specific
    changed = []
    for field in type(source)._meta.get_fields():
        if isinstance(field, ParentalManyToManyField) and hasattr(target, field.name):
            wanted = list(getattr(source, field.name).all())
            if set(getattr(target, field.name).all()) != set(wanted):
                getattr(target, field.name).set(wanted)
                changed.append(field.name)
    if changed:
        # Only these relations are committed (modelcluster); the live text of the translation stays as it is.
        target.save(update_fields=changed, clean=False)


def page_published(page: Page) -> None:
    """Keep the language trees in step when any page goes live."""
    PendingTranslation.objects.filter(page_id=page.pk).delete()
    if page.locale.language_code == source_language():
        aliases_for_new_page(page)
        for other in Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True).exclude(
            pk=page.pk
        ):
            many_to_many_sync(source=page, target=other)
    else:
        source = Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=source_language()
        ).first()
        if source is not None:
            many_to_many_sync(source=source, target=page)


def alias_converted(page: Page) -> None:
    """wagtail-localize made a real page out of an alias: readers keep the German fallback note until the first
    translation is approved and published."""
    if page.locale.language_code != source_language():
        PendingTranslation.objects.get_or_create(page_id=page.pk)


@transaction.atomic
def translation_submit_for_review(*, translation, user) -> Page:
    """The translation editor's "publish": the translated text becomes a draft revision of the target page and goes
    into the Redaktion's approval workflow, like every other change. The live page is not touched until approval."""
    from wagtail_localize.fields import copy_synchronised_fields
    from wagtail_localize.segments.ingest import ingest_segments

    source = translation.source
    original = source.as_instance()
    target = source.get_translated_instance(translation.target_locale).specific
    workflow = target.get_workflow()
    if workflow is None:
        raise ReviewError(_("Für diese Seite gibt es keinen Freigabe-Ablauf. Bitte wenden Sie sich an die Redaktion."))
    if target.alias_of_id:
        alias_converted(target)
        target.alias_of_id = None
        target.save(update_fields=["alias_of"], clean=False)
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    # save_revision() writes only the revision bookkeeping to the page row: readers keep the approved text.
    target.save_revision(user=user, log_action=True, clean=False)
    state = target.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        workflow.start(target, user)
    return target


def translations_for_review(*, page: Page):
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).select_related("source", "target_locale")
