"""What every read-only list endpoint shares: German filter errors as 400, and pages of 50 with links."""

from __future__ import annotations

from collections.abc import Callable

from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, JsonResponse

PER_PAGE = 50


def filter_errors_response(form: Form) -> JsonResponse:
    return JsonResponse(
        {"errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()}}, status=400
    )


def paginated_response(request: HttpRequest, items, serialize: Callable[[object, str], dict]) -> JsonResponse:
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("seite"))
    base_url = request.build_absolute_uri("/")[:-1]
    params = request.GET.copy()

    def link(number: int) -> str:
        params["seite"] = number
        return f"{base_url}{request.path}?{params.urlencode()}"

    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [serialize(item, base_url) for item in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )
