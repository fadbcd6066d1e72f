"""What accounts contribute themselves: the account in the data download, the demo accounts, role grants."""

from community.accounts import demo, roles, signals  # noqa: F401  (roles registers grants, signals connects)
from community.accounts.roles import REDAKTION
from community.accounts.services import account_export
from core.registry import (
    DemoStep,
    PersonalData,
    ProfileSection,
    RoleGrants,
    demo_steps,
    page_cache_ignored,
    personal_data,
    profile_sections,
    role_grants,
)

personal_data.register(
    PersonalData(
        models=("accounts.User", "account.EmailAddress"),
        key="konto",
        export=account_export,
        order=0,
    )
)
demo_steps.register(DemoStep("accounts", demo.seed, order=20))


def _second_factors(user) -> list[dict]:
    """Which second factors an account has and when they were used; never the secrets or recovery codes."""
    from allauth.mfa.models import Authenticator

    from community.accounts.mfa import FACTOR_LABELS
    from community.accounts.services import when

    return [
        {
            "art": str(FACTOR_LABELS.get(a.type, a.type)),
            "eingerichtet": when(a.created_at),
            "zuletzt_benutzt": when(a.last_used_at),
        }
        for a in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


personal_data.register(
    PersonalData(models=("mfa.Authenticator",), key="zwei_faktor_anmeldung", export=_second_factors, order=5)
)


def _profile_second_factor(user) -> dict:
    from community.accounts.mfa import has_second_factor, needs_second_factor

    return {"enrolled": has_second_factor(user), "required": needs_second_factor(user)}


profile_sections.register(ProfileSection(template="mfa/profile_section.html", context=_profile_second_factor, order=90))


def _anonymise_logs(user) -> None:
    """Wagtail's audit log keeps the account id without a database link (DO_NOTHING): drop it with the account."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    PageLogEntry.objects.filter(user_id=user.pk).update(user=None)
    ModelLogEntry.objects.filter(user_id=user.pk).update(user=None)


# Framework tables that link to an account but hold nothing a member wrote about themselves; each says why.
personal_data.register(
    PersonalData(
        models=("wagtailcore.PageLogEntry", "wagtailcore.ModelLogEntry", "admin.LogEntry"),
        before_delete=_anonymise_logs,
        reason="Protokoll der Redaktionsarbeit; beim Löschen wird das Konto aus den Einträgen entfernt.",
    )
)
personal_data.register(
    PersonalData(
        models=("wagtailcore.Page", "wagtailcore.Revision", "wagtailcore.WorkflowState", "wagtailcore.TaskState"),
        reason="Seiten und Versionen nennen ihre Verfasser; was ein Mitglied schreibt (Wiki-Änderungen), steht mit "
        "Text unter wiki_aenderungen; beim Löschen bleibt der Inhalt ohne Namen (SET_NULL).",
    )
)
personal_data.register(
    PersonalData(
        models=(
            "wagtailadmin.EditingSession",
            "wagtailadmin.FormState",
            "wagtailcore.APIToken",
            "wagtailcore.UploadedFile",
            "wagtailcore.PageSubscription",
            "wagtailimages.Image",
            "wagtaildocs.Document",
            "wagtail_localize.StringTranslation",
            "wagtail_localize.SegmentOverride",
        ),
        reason="Nur für Konten mit Zugang zur Redaktionsoberfläche (Bearbeitungssitzungen, Uploads, Übersetzungen); "
        "Eltern haben dort nichts; Sitzungen gehen mit dem Konto, Inhalte bleiben ohne Namen.",
    )
)


def _admin_comments(user) -> list[dict]:
    """What staff wrote in the admin's page comments: their own text, so it belongs in their download."""
    from wagtail.models import Comment, CommentReply

    from community.accounts.services import when

    comments = [
        {"seite": c.page.title, "text": c.text, "am": when(c.created_at)}
        for c in Comment.objects.filter(user=user).select_related("page").order_by("created_at")
    ]
    replies = [
        {"seite": r.comment.page.title, "text": r.text, "am": when(r.created_at)}
        for r in CommentReply.objects.filter(user=user).select_related("comment__page").order_by("created_at")
    ]
    return comments + replies


def _admin_settings(user) -> dict | None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {
        "sprache": profile.preferred_language,
        "zeitzone": profile.current_time_zone,
        "mail_bei_freigabe": profile.approved_notifications,
        "mail_bei_ablehnung": profile.rejected_notifications,
        "mail_bei_einreichung": profile.submitted_notifications,
        "mail_bei_kommentaren": profile.updated_comments_notifications,
    }


personal_data.register(
    PersonalData(
        models=("wagtailcore.Comment", "wagtailcore.CommentReply"),
        key="kommentare_redaktion",
        export=_admin_comments,
        order=95,
    )
)
personal_data.register(
    PersonalData(models=("wagtailusers.UserProfile",), key="einstellungen_redaktion", export=_admin_settings, order=96)
)


# Login protection (community/accounts/lockout.py): the Redaktion sees lockouts and lifts them.
role_grants.register(RoleGrants(REDAKTION, model_permissions={"axes.accessattempt": ("view", "delete")}))


def _forget_failed_logins(user) -> None:
    from community.accounts.lockout import lockout_release

    lockout_release(kind="username", value=user.get_username())


personal_data.register(
    PersonalData(
        models=("axes.AccessAttempt",),
        before_delete=_forget_failed_logins,
        reason="Fehlgeschlagene Anmeldungen (Name, Adresse, Browser) für die Sperre nach zu vielen Versuchen; "
        "sie verfallen nach der Sperrzeit und gehen mit dem Konto.",
    )
)

# Login attempts, second factors and e-mail addresses are never on a public page.
for _label in ("axes", "mfa", "account"):
    page_cache_ignored.register(_label)
