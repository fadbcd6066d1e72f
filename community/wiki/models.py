"""The family wiki: articles are Wagtail pages; parents' edits are revisions with a summary, reviewed by the Redaktion."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import GroupApprovalTask, Page, Revision, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from community.wiki.admin_compare import MarkdownFieldPanel
from core.translatable import LocalizedSnippet, originals_only


class WikiCategory(LocalizedSnippet, TranslatableMixin):
    name = models.CharField(max_length=80, verbose_name=_("Name"))
    slug = models.SlugField(max_length=80, verbose_name=_("Kurzname für Adressen"))
    description = models.CharField(max_length=200, blank=True, verbose_name=_("Beschreibung"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), TranslatableField("description")]
    localized_fields = ("name", "description")

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("Wiki-Kategorie")
        verbose_name_plural = _("Wiki-Kategorien")
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="wikicategory_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="wikicategory_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def localized_description_html(self):
        return self.localized_html("description")


class WikiIndexPage(RoutablePageMixin, Page):
    """/de/wiki/: categories, recently changed articles, and the way to propose a new one."""

    intro = models.TextField(blank=True, max_length=600, verbose_name=_("Einleitung"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["wiki.WikiArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Familien-Wiki (Übersicht)")

    def get_context(self, request, *args, **kwargs):
        from community.wiki.views import wiki_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(wiki_index_context(request=request, index=self))
        return context

    @path("neu/", name="propose")
    def propose(self, request):
        from community.wiki.views import article_propose

        return article_propose(request, index=self)

    # Two levels deep: articles sit one level below the index, so no article's slug can take these addresses.
    @path("bearbeiten/vorschau/", name="preview")
    def preview(self, request):
        from community.wiki.views import article_preview

        return article_preview(request, index=self)

    @path("bearbeiten/titel/", name="titles")
    def titles(self, request):
        from community.wiki.views import article_titles

        return article_titles(request, index=self)


MARKUP_HELP = _(
    "Markdown: ## Zwischenüberschrift, **fett**, *kursiv*, - Liste, [Linktext](https://…), "
    "[[Titel eines Wiki-Artikels]] verlinkt einen anderen Artikel."
)


class WikiArticlePage(RoutablePageMixin, Page):
    teaser = models.CharField(max_length=300, blank=True, verbose_name=_("Kurzbeschreibung"))
    body = models.TextField(verbose_name=_("Text"), help_text=MARKUP_HELP)
    # Articles choose the German originals; readers see their translated names (core.translatable).
    categories = ParentalManyToManyField(
        WikiCategory,
        blank=True,
        limit_choices_to=originals_only,
        related_name="articles",
        verbose_name=_("Kategorien"),
    )

    content_panels = Page.content_panels + [
        HelpPanel(
            content=_(
                "Eltern bearbeiten diesen Artikel auf der Website; ihre Änderungen erscheinen hier als Entwurf zur Freigabe."
            )
        ),
        FieldPanel("teaser"),
        MarkdownFieldPanel("body"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("body")]
    parent_page_types = ["wiki.WikiIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Wiki-Artikel")
        verbose_name_plural = _("Wiki-Artikel")

    def get_context(self, request, *args, **kwargs):
        from community.wiki.views import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(request=request, article=self))
        return context

    @path("bearbeiten/", name="edit")
    def edit(self, request):
        from community.wiki.views import article_edit

        return article_edit(request, article=self)

    @path("versionen/", name="history")
    def history(self, request):
        from community.wiki.views import article_history_view

        return article_history_view(request, article=self)

    @path("vergleich/", name="compare")
    def compare(self, request):
        from community.wiki.views import article_compare

        return article_compare(request, article=self)

    @path("beobachten/", name="watch")
    def watch(self, request):
        from community.wiki.views import article_watch

        return article_watch(request, article=self)

    @path("diskussion/", name="discussion")
    def discussion(self, request):
        from community.wiki.views import article_discussion

        return article_discussion(request, article=self)

    def subpage_url(self, name: str) -> str:
        return self.url + self.reverse_subpage(name)


class WikiEdit(models.Model):
    """A parent's (or trusted account's) change: the Wagtail revision it created, why, and what became of it."""

    class State(models.TextChoices):
        PENDING = "wartet", _("wartet auf Freigabe")
        PUBLISHED = "veroeffentlicht", _("veröffentlicht")
        REJECTED = "abgelehnt", _("abgelehnt")

    article = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="wiki_edits", verbose_name=_("Artikel"))
    revision = models.OneToOneField(Revision, on_delete=models.CASCADE, related_name="wiki_edit")
    # What the author saw when they started; a different latest revision at save time is a conflict.
    base_revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="wiki_edits",
        verbose_name=pgettext_lazy("Verfasser", "von"),
    )
    summary = models.CharField(max_length=200, verbose_name=_("Zusammenfassung"))
    new_article = models.BooleanField(default=False, verbose_name=_("neuer Artikel"))
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING, verbose_name=_("Status"))
    # Trusted accounts publish at once; the Redaktion looks afterwards and ticks the edit off.
    direct = models.BooleanField(default=False, verbose_name=_("direkt veröffentlicht"))
    checked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("nachgeprüft am"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("nachgeprüft von"),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True, verbose_name=_("gespeichert am"))
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("entschieden am"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entschieden von"),
    )
    reason = models.TextField(blank=True, verbose_name=_("Begründung"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["article", "state"]), models.Index(fields=["author", "created_at"])]
        verbose_name = _("Wiki-Änderung")
        verbose_name_plural = _("Wiki-Änderungen")

    def __str__(self) -> str:
        return f"{self.article.title}: {self.summary}"


class WikiAccountStatus(models.Model):
    """The Redaktion's word on an account: trusted (publishes at once) or blocked from editing."""

    class Status(models.TextChoices):
        TRUSTED = "vertraut", _("vertrauenswürdig: veröffentlicht direkt, Redaktion prüft danach")
        BLOCKED = "gesperrt", _("gesperrt: darf das Wiki nicht bearbeiten")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wiki_status", verbose_name=_("Konto")
    )
    status = models.CharField(max_length=10, choices=Status.choices, verbose_name=_("Status"))
    reason = models.CharField(max_length=300, blank=True, verbose_name=_("Grund"))
    until = models.DateTimeField(
        null=True, blank=True, verbose_name=_("gilt bis"), help_text=_("Leer lassen: unbefristet.")
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("festgelegt von"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("festgelegt am"))

    class Meta:
        verbose_name = _("Wiki-Konto")
        verbose_name_plural = _("Wiki-Konten")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_status_display()}"

    def in_force(self, now=None) -> bool:
        return self.until is None or self.until > (now or timezone.now())


class WikiProtection(models.Model):
    """An article parents may not edit. Kept outside the page so that publishing an old revision cannot lift it."""

    article = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="wiki_protection", verbose_name=_("Artikel")
    )
    reason = models.CharField(max_length=300, blank=True, verbose_name=_("Grund"))
    protected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("geschützt von"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("geschützt am"))

    panels = [FieldPanel("article"), FieldPanel("reason")]

    class Meta:
        verbose_name = _("geschützter Artikel")
        verbose_name_plural = _("geschützte Artikel")

    def __str__(self) -> str:
        return self.article.title


class WikiWatch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wiki_watches")
    article = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="wiki_watchers")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "article"], name="wiki_watch_once")]


class WikiDiscussion(models.Model):
    """The forum topic of an article, created on first use (outside the page for the same reason as protection)."""

    article = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="wiki_discussion")
    topic = models.OneToOneField("forum_conversation.Topic", on_delete=models.CASCADE, related_name="wiki_discussion")


class WikiApprovalTask(GroupApprovalTask):
    """The "Wiki-Freigabe" task: Wagtail's group approval, but "Änderungen anfordern" needs a reason, because the
    parent whose edit is declined reads it (the task row is Wagtail's; only its content type points here)."""

    class Meta:
        proxy = True
        verbose_name = _("Wiki-Freigabe mit Begründung")
        verbose_name_plural = _("Wiki-Freigaben mit Begründung")

    def get_form_for_action(self, action):
        from core.review import DeclineReasonForm

        return DeclineReasonForm if action == "reject" else super().get_form_for_action(action)
