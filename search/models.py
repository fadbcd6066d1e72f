from django.core.exceptions import ValidationError
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
    # Near-identical siblings share it and are shown as one result (search.documents.sibling_key); "" alone.
    sibling_key = models.CharField(max_length=200, blank=True, default="")
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


class SearchSynonym(models.Model):
    """A group of words the Redaktion counts as the same thing for the search (added to the shipped list,
    search/dictionary/synonyms_de.txt): a search for one of them finds the others too."""

    terms = models.TextField(
        verbose_name=_("Begriffe"),
        help_text=_(
            "Wörter oder Wendungen, die Eltern und Anbieter für dieselbe Sache benutzen, durch Kommas getrennt, "
            "z. B. „Krabbelgruppe, Spielgruppe, Eltern-Kind-Gruppe“."
        ),
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("Notiz"),
        help_text=_("Warum diese Begriffe zusammengehören (nur für die Redaktion sichtbar)."),
    )
    active = models.BooleanField(
        default=True,
        verbose_name=_("aktiv"),
        help_text=_("Nur aktive Gruppen wirken in der Suche."),
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("geändert am"))

    class Meta:
        verbose_name = _("Synonymgruppe")
        verbose_name_plural = _("Synonymgruppen")
        ordering = ["terms"]
        # The Redaktion's work, not derived from content: outside "portal_search_", whose tables backups leave out
        # and rebuild (settings.BACKUP_DERIVED_TABLE_PREFIXES).
        db_table = "search_synonym"

    def __str__(self) -> str:
        return ", ".join(self.term_list())

    def term_list(self) -> tuple[str, ...]:
        from search.synonyms import split_terms

        return split_terms(self.terms)

    def clean(self) -> None:
        from search.synonyms import term_problems

        problems = term_problems(self.term_list())
        if problems:
            raise ValidationError({"terms": problems})
        # Kept as written, only tidied: one space after each comma, repeated terms once.
        self.terms = ", ".join(self.term_list())


class SearchQueryWeek(models.Model):
    """How often a normalized query was searched in one week and language, and how often it found nothing.

    Deliberately without any link to a person, a session, an address or a time of day; queries that look like
    personal data (an e-mail address, a phone number, a web address) are only counted, under query ""."""

    week = models.DateField(verbose_name=_("Woche (Montag)"))
    language = models.CharField(max_length=10, verbose_name=_("Sprache"))
    query = models.CharField(max_length=100, blank=True, verbose_name=_("Suchanfrage"))
    searches = models.PositiveIntegerField(default=0, verbose_name=_("Anzahl der Suchen"))
    without_results = models.PositiveIntegerField(default=0, verbose_name=_("ohne Ergebnis"))

    class Meta:
        verbose_name = _("Suchanfrage der Woche")
        verbose_name_plural = _("Suchanfragen der Woche")
        db_table = "search_query_week"  # not derived from content either: kept in backups (see SearchSynonym)
        constraints = [
            models.UniqueConstraint(fields=["week", "language", "query"], name="search_query_week_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.week:%Y-%m-%d} {self.language} {self.query!r}"
