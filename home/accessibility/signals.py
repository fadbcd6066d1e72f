"""Receivers of the accessibility app: the footer's cached links follow its pages."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move

from home.accessibility.models import AccessibilityStatementPage, EasyLanguageGuidePage
from home.accessibility.selectors import footer_cache_clear


@receiver(post_save, sender=AccessibilityStatementPage)
@receiver(post_save, sender=EasyLanguageGuidePage)
@receiver(post_delete, sender=AccessibilityStatementPage)
@receiver(post_delete, sender=EasyLanguageGuidePage)
@receiver(post_page_move, sender=AccessibilityStatementPage)
@receiver(post_page_move, sender=EasyLanguageGuidePage)
def footer_pages_changed(sender, **kwargs) -> None:
    # Publishing, unpublishing, an alias turned into a page of its own, a new slug: each saves the page.
    footer_cache_clear()
