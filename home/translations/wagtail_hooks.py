from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.translations import admin_views, services


@hooks.register("before_edit_page", order=-10)
def publish_goes_to_review(request, page):
    """wagtail-localize's translation editor publishes at once; here its "publish" puts the translated text into
    the Redaktion's approval workflow instead, like every other change (see services.translation_submit_for_review)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = services.translations_for_review(page=page).first()
    if translation is None:
        return None
    if not page.permissions_for_user(request.user).can_edit():
        return None  # wagtail-localize's own view answers with its permission error
    try:
        services.translation_submit_for_review(translation=translation, user=request.user)
    except services.ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Die Übersetzung von „%(title)s“ (%(language)s) wartet jetzt auf die Freigabe durch die Redaktion.")
            % {"title": page.title, "language": translation.target_locale.get_display_name()},
        )
    return redirect("wagtailadmin_pages:edit", page.id)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("uebersetzungen/", admin_views.translation_report, name="translations_report")]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        gettext_lazy("Übersetzungen"), reverse("translations_report"), icon_name="wagtail-localize-language", order=700
    )


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(admin_views.OutdatedTranslationsPanel())
