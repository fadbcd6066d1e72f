"""machina's post forms plus the portal's spam guards, and the report form."""

from __future__ import annotations

import logging

from django import forms
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.forms import PostForm, TopicForm

from community.forum.models import PostReport
from community.forum.permissions import PortalPermissionHandler
from community.forum.services import post_rate_check

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "webseite"


def honeypot_field() -> forms.CharField:
    # Hidden from people by CSS; bots that fill in every field give themselves away.
    return forms.CharField(
        required=False, label=_("Bitte dieses Feld leer lassen"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def honeypot_check(form: forms.Form) -> None:
    if form.cleaned_data.get(HONEYPOT_FIELD):
        logger.warning("Honeypot filled in %s", type(form).__name__)
        raise forms.ValidationError(_("Ihre Eingabe sieht nach einem Programm aus, nicht nach einem Menschen. Bitte lassen Sie das versteckte Feld leer."))


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
    reason = forms.ChoiceField(label=_("Warum melden Sie diesen Beitrag?"), choices=PostReport.Reason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Erläuterung (freiwillig)"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Nur die Moderation liest das."),
    )


class ForumMailForm(forms.Form):
    forum_mail = forms.ChoiceField(label=_("E-Mails zu Forum-Antworten"), widget=forms.RadioSelect)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, initial={"forum_mail": user.forum_mail}, **kwargs)
        self.fields["forum_mail"].choices = user.ForumMail.choices
