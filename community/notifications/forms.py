from django import forms
from django.utils.translation import gettext_lazy as _


class ForumMailForm(forms.Form):
    forum_mail = forms.ChoiceField(label=_("E-Mails zu Forum-Antworten"), widget=forms.RadioSelect)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, initial={"forum_mail": user.forum_mail}, **kwargs)
        self.fields["forum_mail"].choices = user.ForumMail.choices
