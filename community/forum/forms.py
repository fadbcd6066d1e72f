"""machina's post forms plus the portal's spam guards and the post's language, and the report form."""

from __future__ import annotations

import logging

from django import forms
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.forms import PostForm, TopicForm
from machina.apps.forum_moderation.forms import TopicMoveForm

from community.forum.models import MemberSanction, PostReport, post_language_choices
from community.forum.permissions import PortalPermissionHandler
from community.forum.selectors import post_language
from community.forum.services import MAX_SANCTION_DAYS, post_language_default, post_language_set, post_rate_check
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


class DecisionReasonForm(forms.Form):
    """The reason a moderator gives for declining or removing a post: the author reads it."""

    # The server's German message, not the browser's own (in the browser's language) when the reason is missing.
    use_required_attribute = False

    reason = forms.CharField(
        label=_("Begründung (die Verfasserin oder der Verfasser liest sie)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        error_messages={"required": _("Bitte geben Sie eine Begründung an.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Bitte geben Sie eine Begründung an."))
        return reason


class SanctionForm(DecisionReasonForm):
    kind = forms.ChoiceField(
        label=_("Maßnahme"),
        choices=MemberSanction.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie „stummschalten“ oder „sperren“.")},
    )
    days = forms.IntegerField(
        label=_("Für wie viele Tage?"),
        min_value=1,
        max_value=MAX_SANCTION_DAYS,
        initial=7,
        error_messages={
            "required": _("Bitte geben Sie an, für wie viele Tage."),
            "invalid": _("Bitte geben Sie eine ganze Zahl von Tagen an."),
            "min_value": _("Bitte geben Sie 1 bis %(limit_value)s Tage an.") % {"limit_value": MAX_SANCTION_DAYS},
            "max_value": _("Bitte geben Sie 1 bis %(limit_value)s Tage an.") % {"limit_value": MAX_SANCTION_DAYS},
        },
    )
    field_order = ["kind", "days", "reason"]


class PortalTopicMoveForm(TopicMoveForm):
    """machina's move form hands a disabled option's label over as a dict, which Django 5 takes for a group of
    options ("label", "disabled"); here every choice is a plain label and the widget learns which are disabled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices, disabled = [], set()
        for forum in self.allowed_forums:
            choices.append((forum.id, "{} {}".format("–" * forum.margin_level, forum.name).strip()))
            if forum.is_category or forum.is_link or forum.id == self.topic.forum_id:
                disabled.add(str(forum.id))
        self.fields["forum"].widget = DisablingSelect(disabled=disabled)
        self.fields["forum"].choices = choices
        self.fields["forum"].label = _("Ziel-Forum")
        self.fields["lock_topic"].label = _("Thema dabei schließen")

    def clean_forum(self):
        try:
            return super().clean_forum()
        except forms.ValidationError:
            raise forms.ValidationError(_("In dieses Forum kann das Thema nicht verschoben werden.")) from None


class DisablingSelect(forms.Select):
    """A select whose options named in `disabled` cannot be chosen (categories, the topic's own forum)."""

    def __init__(self, *args, disabled=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.disabled = set(disabled)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        if str(value) in self.disabled:
            option["attrs"]["disabled"] = True
        return option
