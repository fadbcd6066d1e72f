"""The Redaktion's revision comparison in the admin keeps the wiki text's lines and paragraphs apart."""

from __future__ import annotations

from django.utils.safestring import mark_safe
from wagtail.admin.compare import TextFieldComparison
from wagtail.admin.panels import FieldPanel


class MarkdownTextComparison(TextFieldComparison):
    # Wagtail diffs a TextField word by word into one run of HTML, where a line break is mere whitespace: a
    # new paragraph or list item of a parent's edit would vanish from the Redaktion's view.
    def htmldiff(self):
        return mark_safe(str(super().htmldiff()).replace("\n", "<br>\n"))  # noqa: S308 (escaped by Wagtail)


class MarkdownFieldPanel(FieldPanel):
    def get_comparison_class(self):
        return MarkdownTextComparison
