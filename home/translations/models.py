from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingTranslation(models.Model):
    """A page of a translated locale that still shows its source's text to readers.

    wagtail-localize turns an alias into a real page as soon as somebody starts translating it; until the Redaktion
    approves the first translation, the live page is still the German copy and readers get the fallback note.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Übersetzung in Arbeit")
        verbose_name_plural = _("Übersetzungen in Arbeit")

    def __str__(self) -> str:
        return str(self.page)
