from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable thing as the portal search sees it: the database engine's index, and the record the
    search cluster mirrors (entries the cluster has not taken yet carry `engine_pending`)."""

    key = models.CharField(max_length=40, unique=True)  # "page:12", "topic:7"
    kind = models.CharField(max_length=30, db_index=True)
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    language = models.CharField(max_length=10, default="de")
    translated_to = models.JSONField(default=list, blank=True)  # languages this German original exists in too
    district = models.CharField(max_length=100, blank=True)
    categories = models.JSONField(default=list, blank=True)
    age_min_months = models.PositiveSmallIntegerField(null=True, blank=True)
    age_max_months = models.PositiveSmallIntegerField(null=True, blank=True)
    free_of_charge = models.BooleanField(null=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    visibility = models.CharField(max_length=10, default="public")  # "public" or "members"
    boost = models.FloatField(default=1.0)
    # Analyzed forms (search/analysis.py) that the database engine's full-text index is built from.
    title_tokens = models.TextField(blank=True)
    body_tokens = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    engine_pending = models.BooleanField(default=False, db_index=True)

    class Meta:
        verbose_name = _("Sucheintrag")
        verbose_name_plural = _("Sucheinträge")

    def __str__(self) -> str:
        return self.key


class SearchTombstone(models.Model):
    """A removed entry the search cluster has not heard of yet (it was unreachable)."""

    key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)


class SearchWord(models.Model):
    """A folded word that occurs in indexed text: the vocabulary behind "Meinten Sie …?"."""

    word = models.CharField(max_length=40, unique=True)  # lowercase, as written ("mülheim")
    folded = models.CharField(max_length=40, db_index=True)  # as matched ("mulheim")
