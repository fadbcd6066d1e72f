from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, PageLogEntry
from wagtail.signals import page_published
from wagtail_localize.models import LocaleSynchronization

from home.translations import selectors, services
from home.translations.models import PendingTranslation


@receiver(page_published)
def keep_language_trees_in_step(sender, instance, **kwargs):
    services.page_published(instance)


@receiver(post_save, sender=PageLogEntry)
def note_alias_conversion(sender, instance, created, **kwargs):
    if created and instance.action == "wagtail.convert_alias" and instance.page is not None:
        services.alias_converted(instance.page)


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
@receiver(post_save, sender=LocaleSynchronization)
@receiver(post_delete, sender=LocaleSynchronization)
@receiver(post_save, sender=PendingTranslation)
@receiver(post_delete, sender=PendingTranslation)
def forget_locale_ids(sender, **kwargs):
    selectors.clear_caches()
