from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from search.selectors import page_search

MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    results = page_search(query=query, page_number=request.GET.get("seite"))
    return render(
        request, "search/search.html", {"query": query, "results": results, "page_query": urlencode({"q": query})}
    )
