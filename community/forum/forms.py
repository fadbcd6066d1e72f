"""machina's post forms plus the portal's spam guards and the post's language, and the report form."""

from __future__ import annotations

import logging

from django import forms
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.forms import PostForm, TopicForm

from community.forum.models import PostReport, post_language_choices
from community.forum.permissions import PortalPermissionHandler
from community.forum.selectors import post_language
from community.forum.services import post_language_default, post_language_set, post_rate_check
from core.spam import HONEYPOT_FIELD, honeypot_check, honeypot_field

logger = logging.getLogger(__name__)


class SpamGuardMixin:
    """Honeypot and posting rate for new posts; edits of existing posts are not limited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = honeypot_field()
        # machina's forms build their own handler; ours decides whether a new member's post waits.
        self.perm_handler = PortalPermissionHandler()

    def clean(self):
        cleaned = super().clean()
        honeypot_check(self)
        if not self.instance.pk and self.user.is_authenticated:
            message = post_rate_check(user=self.user, forum=self.forum)
            if message:
                raise forms.ValidationError(message)
        return cleaned


class PostLanguageMixin:
    """The language the post is written in: the writer's interface language unless they choose another."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_before = post_language(self.instance) if self.instance.pk else post_language_default()
        self.fields["language"] = forms.ChoiceField(
            label=_("Sprache des Beitrags"),
            choices=post_language_choices(),
            initial=self.language_before,
            # A form sent without the select (an older page, a script) keeps the language it had.
            required=False,
            help_text=_("So lesen Vorleseprogramme Ihren Beitrag in der richtigen Sprache vor."),
        )

    def clean_language(self):
        return self.cleaned_data.get("language") or self.language_before

    def save(self, commit=True):
        post = super().save(commit)
        if commit:
            post_language_set(post=post, language=self.cleaned_data["language"])
        return post


class PortalPostForm(PostLanguageMixin, SpamGuardMixin, PostForm):
    pass


class PortalTopicForm(PostLanguageMixin, SpamGuardMixin, TopicForm):
    pass


class PortalPostUpdateForm(PostLanguageMixin, PostForm):
    pass


class PortalTopicUpdateForm(PostLanguageMixin, TopicForm):
    pass


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Warum melden Sie diesen Beitrag?"), choices=PostReport.Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Erläuterung (freiwillig)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nur die Moderation liest das."),
    )
