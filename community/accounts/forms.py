from allauth.account.forms import SignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from community.accounts.models import User
from core.spam import HONEYPOT_FIELD, honeypot_check, honeypot_field

# Names that would let a member pass for the portal's staff, or for a deleted member.
RESERVED_NAME_PARTS = ("redaktion", "moderation", "admin", "familienportal", "gelöschtes mitglied")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "first_name", "last_name", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form sent without the select (an older page, a script) keeps the member's language.
        self.fields["language"].required = False

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            return name
        staff = self.instance.is_staff or self.instance.has_perm("wagtailadmin.access_admin")
        if not staff and any(part in name.casefold() for part in RESERVED_NAME_PARTS):
            raise forms.ValidationError(
                _(
                    "Dieser Anzeigename ist der Redaktion und der Moderation vorbehalten. Bitte wählen Sie einen anderen."
                )
            )
        others = User.objects.exclude(pk=self.instance.pk)
        if others.filter(display_name__iexact=name).exists() or others.filter(username__iexact=name).exists():
            raise forms.ValidationError(
                _("Diesen Anzeigenamen nutzt schon ein anderes Mitglied. Bitte wählen Sie einen anderen.")
            )
        return name


class PortalSignupForm(SignupForm):
    """allauth's sign-up with a honeypot field (allauth's own rate limit covers registrations per address)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = honeypot_field()

    def clean(self):
        cleaned = super().clean()
        honeypot_check(self)
        return cleaned


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Ihr Passwort"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(label=_("Ja, ich möchte mein Konto endgültig löschen."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password
