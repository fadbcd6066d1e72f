from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from wagtail.admin.ui.components import Component

from home.translations import selectors


def translation_report(request):
    """Which translations are outdated (German changed since) and which are still waiting for their first approval."""
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "translations/admin_report.html",
        {"outdated": selectors.outdated_translations(), "pending": selectors.pending_translations()},
    )


class OutdatedTranslationsPanel(Component):
    name = "outdated_translations"
    template_name = "translations/admin_panel.html"
    order = 160

    def render_html(self, parent_context=None):
        # Only when there is something to do: an empty panel on every dashboard would teach editors to ignore it.
        return super().render_html(parent_context) if selectors.outdated_translations() else ""

    def get_context_data(self, parent_context):
        outdated = selectors.outdated_translations()
        return {"outdated": outdated[:10], "count": len(outdated)}
