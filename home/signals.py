"""Receivers of `home`; each hands over to the background."""

from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender="wagtailimages.Image")
def image_uploaded(sender, instance, created, raw=False, **kwargs) -> None:
    # New uploads get their renditions from a worker, so that the first visitor does not wait for them.
    if created and not raw:
        from core.background import enqueue
        from home.tasks import create_image_renditions

        enqueue(create_image_renditions, instance.pk)
