"""Thin views of the accessibility statement: the page with its feedback form, and the thank-you state after sending."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from core.submit_once import submit_once
from home.accessibility.forms import FeedbackForm
from home.accessibility.selectors import reported_page
from home.accessibility.services import feedback_submit

TEMPLATE = "accessibility/accessibility_statement_page.html"


@submit_once
def statement_page(request: HttpRequest, *, page) -> HttpResponse:
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            feedback_submit(
                description=form.cleaned_data["description"],
                page_url=form.cleaned_data["page_url"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=get_language(),
            )
            # Post/Redirect/Get: reloading the thank-you page sends nothing twice.
            return redirect(page.url + page.reverse_subpage("thanks"))
    else:
        form = FeedbackForm(initial={"page_url": reported_page(request)})
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, TEMPLATE, context)


def statement_thanks(request: HttpRequest, *, page) -> HttpResponse:
    return TemplateResponse(request, "accessibility/feedback_thanks.html", page.get_context(request))
