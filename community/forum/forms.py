"""machina's post forms plus the portal's spam guards, and the report form."""

from __future__ import annotations

import logging

from django import forms
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.forms import PostForm, TopicForm

from community.forum.models import PostReport
from community.forum.permissions import PortalPermissionHandler
from community.forum.services import post_rate_check
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


class PortalPostForm(SpamGuardMixin, PostForm):
    pass


class PortalTopicForm(SpamGuardMixin, TopicForm):
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
