"""Security headers Django does not set itself: the Content-Security-Policy (public and admin) and Permissions-Policy.

The public pages get django-csp's strict policy from CONTENT_SECURITY_POLICY (no inline script or style at all).
Wagtail's admin cannot live with it yet (inline <script> in InlinePanel and the date pickers, see PORTAL_ADMIN_CSP in
settings), so paths under the admin get their own, looser policy instead of none.
"""

from __future__ import annotations

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_admin_path(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.PORTAL_ADMIN_CSP_PATHS)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy for the admin's paths."""

    def process_response(self, request, response):
        if is_admin_path(request.path_info) and HEADER in response:
            # Wagtail renders a page preview by sending a made-up public request through the whole middleware, so
            # the preview arrives here with the public policy (frame-ancestors 'none'), which forbids the admin's
            # preview panel to frame it. Under the admin's paths the admin's policy is the one that counts.
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp decorator still wins; only the settings' default is swapped.
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.PORTAL_ADMIN_CSP["DIRECTIVES"])
        return parts


def permissions_policy_header(features: dict[str, list[str]]) -> str:
    """{"geolocation": ["self"], "camera": []} → 'geolocation=(self), camera=()' (the structured-header syntax)."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class PermissionsPolicyMiddleware:
    """Switches off the browser features the portal never uses, so that injected or third-party code cannot use
    them either; geolocation stays for the portal itself ("Nach Entfernung sortieren" on list pages)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PORTAL_PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
