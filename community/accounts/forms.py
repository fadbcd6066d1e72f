from allauth.account.forms import LoginForm, SignupForm
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
        staff = self.instance.is_staff or self.instance.has_perm("wagtailadmin.access_admin")
        return checked_display_name(self.cleaned_data["display_name"], account=self.instance, staff=staff)


def checked_display_name(value: str, *, account=None, staff: bool = False) -> str:
    """A display name with single spaces; refused if it passes for staff or is another member's name."""
    name = " ".join(value.split())
    if not name:
        return name
    if not staff and any(part in name.casefold() for part in RESERVED_NAME_PARTS):
        raise forms.ValidationError(
            _("Dieser Anzeigename ist der Redaktion und der Moderation vorbehalten. Bitte wählen Sie einen anderen.")
        )
    others = User.objects.exclude(pk=account.pk) if account is not None and account.pk else User.objects.all()
    if others.filter(display_name__iexact=name).exists() or others.filter(username__iexact=name).exists():
        raise forms.ValidationError(
            _("Diesen Anzeigenamen nutzt schon ein anderes Mitglied. Bitte wählen Sie einen anderen.")
        )
    return name


class PortalSignupForm(SignupForm):
    """allauth's sign-up with the display name chosen right away and a honeypot field (allauth's own rate limit
    covers registrations per address)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = User._meta.get_field("display_name")
        self.fields["display_name"] = forms.CharField(
            label=_("Anzeigename (freiwillig)"),
            max_length=field.max_length,
            required=False,
            help_text=_(
                "So erscheinen Sie im Forum und im Wiki, z. B. „Mama von Ella“. Leer lassen, um den Benutzernamen "
                "zu zeigen. Sie können ihn später im Profil ändern."
            ),
            widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
        )
        self.fields[HONEYPOT_FIELD] = honeypot_field()
        self.order_fields(["email", "username", "display_name", "password1", "password2"])

    def clean_display_name(self):
        return checked_display_name(self.cleaned_data.get("display_name", ""))

    def clean(self):
        cleaned = super().clean()
        honeypot_check(self)
        return cleaned

    def save(self, request):
        user = super().save(request)
        if user is not None and self.cleaned_data.get("display_name"):
            user.display_name = self.cleaned_data["display_name"]
            user.save(update_fields=["display_name"])
        return user


class PortalLoginForm(LoginForm):
    """allauth's login with labels that read as plain German (allauth's own say "Login", "Remember Me")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-Mail-Adresse oder Benutzername")
        self.fields["password"].label = _("Passwort")
        if "remember" in self.fields:
            self.fields["remember"].label = _("Angemeldet bleiben")


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
