"""The portal's error pages: German, in the portal layout, and never an error themselves.

400, 403 and 404 (and a failed CSRF check) render their template, which extends base.html. Rendering the layout
needs the database (site settings, navigation); when that fails the visitor still gets a plain German page and the
failure is logged. 500.html is self-contained (no layout, no context processors, no database): Django's own
server_error renders it with an empty context, and so does ours, only with a German fallback as well.
"""

from __future__ import annotations

import logging

from django.core.exceptions import DisallowedHost
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.template import loader
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_bidi, gettext
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def _plain_page(*, title: str, text: str) -> str:
    """A page that needs nothing: no template, no database, no static files."""
    language = escape(get_language() or "de")
    direction = "rtl" if get_language_bidi() else "ltr"
    return (
        f'<!DOCTYPE html>\n<html lang="{language}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n<main>\n<h1>{escape(title)}</h1>\n<p>{escape(text)}</p>\n"
        f'<p><a href="/{language}/">{escape(gettext("Zur Startseite"))}</a></p>\n</main>\n</body>\n</html>\n'
    )


def _render(
    request: HttpRequest,
    template_name: str,
    context: dict,
    response_class: type[HttpResponse],
    *,
    title: str,
    text: str,
    layout: bool = True,
) -> HttpResponse:
    """Render an error page in the portal layout, or the plain page when that is not possible."""
    if layout:
        try:
            return response_class(loader.render_to_string(template_name, context, request=request))
        except Exception:
            logger.exception(
                "Error page %s could not be rendered for %s; answering with the plain page", template_name, request.path
            )
    return response_class(_plain_page(title=title, text=text))


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # With a host that is not allowed, request.get_host() fails again while the layout looks up the site.
    return _render(
        request,
        "400.html",
        {},
        HttpResponseBadRequest,
        layout=not isinstance(exception, DisallowedHost),
        title=gettext("Ungültige Anfrage"),
        text=gettext(
            "Ihr Browser hat eine Anfrage geschickt, die wir nicht verstehen. Bitte rufen Sie die Seite noch einmal auf."
        ),
    )


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(
        request,
        "403.html",
        {},
        HttpResponseForbidden,
        title=gettext("Kein Zugriff"),
        text=gettext("Diese Seite dürfen Sie nicht aufrufen."),
    )


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(
        request,
        "404.html",
        {},
        HttpResponseNotFound,
        title=gettext("Seite nicht gefunden"),
        text=gettext("Die Seite, die Sie aufrufen wollten, gibt es nicht (mehr)."),
    )


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    # Like django.views.defaults.server_error: an empty context, no request, so no context processors run.
    try:
        return HttpResponseServerError(loader.get_template("500.html").render())
    except Exception:
        logger.exception("500.html could not be rendered; answering with the plain page")
        return HttpResponseServerError(
            _plain_page(
                title=gettext("Ein Fehler ist aufgetreten"),
                text=gettext(
                    "Auf unserer Seite ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten noch einmal."
                ),
            )
        )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form that was sent from an outdated page (or without the CSRF cookie)."""
    # Most forms post to their own address, so that is where the form is loaded again (never another host: "//…").
    reload_url = request.get_full_path()
    if not url_has_allowed_host_and_scheme(reload_url, allowed_hosts=None):
        reload_url = "/"
    return _render(
        request,
        "403_csrf.html",
        {"no_cookie": reason == REASON_NO_CSRF_COOKIE, "reload_url": reload_url},
        HttpResponseForbidden,
        title=gettext("Das Formular ist abgelaufen"),
        text=gettext("Bitte laden Sie die Seite mit dem Formular neu und senden Sie es noch einmal."),
    )
