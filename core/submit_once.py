"""Every form that creates something counts once: a double click, a resent request or several identical requests at
the same moment make one post, one edit, one suggestion, one sign-up.

The form carries a fresh random key (`{% submit_once %}`, core/templatetags/submit_once_tags.py). A view wrapped in
`submit_once` claims the key before its work: a row with a unique (owner, key) pair, inserted in a transaction of its
own, so of simultaneous requests exactly one wins, on PostgreSQL as on SQLite. The view's redirect is stored with the
key and a repeat is sent there as well, with a notice; if the first request has not answered in time, the repeat goes
back to the form page with the notice. When the view answers without a redirect (the form came back with errors, a
preview), nothing was created and the key is given up, so the corrected form can be sent. A form without a key (a
page loaded before this existed) is handled as it always was."""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

SUBMIT_KEY_FIELD = "formular_schluessel"
# What new_submit_key() makes, with room for other well-formed random keys; anything else counts as no key.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")
# How often a repeat looks whether the first request has finished.
POLL_SECONDS = 0.1
REDIRECTS = (301, 302, 303, 307, 308)


def new_submit_key() -> str:
    """A key for one rendering of one form (192 random bits)."""
    return secrets.token_urlsafe(24)


def submit_owner(request: HttpRequest) -> str:
    """Whose key it is, pseudonymous: the account, else the browser's CSRF secret (guests have no account).

    Keys are only compared within one owner, so a page that a cache handed to many people with the same key still
    counts each person's sending once. Stored as a keyed hash: the row names no account and no cookie."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        basis = f"user:{user.pk}"
    else:
        basis = "guest:" + request.META.get("CSRF_COOKIE", "")
    return salted_hmac("core.submit_once.owner", basis).hexdigest()[:40]


def submit_key_of(request: HttpRequest) -> str | None:
    """The form's key if it sent a well-formed one."""
    if request.method != "POST":
        return None
    key = request.POST.get(SUBMIT_KEY_FIELD, "")
    return key if KEY_PATTERN.fullmatch(key) else None


def submit_claim(*, owner: str, key: str) -> int | None:
    """Insert the claim in its own transaction; its id, or None when this owner sent this key before."""
    from core.models import SubmitKey

    try:
        with transaction.atomic():
            return SubmitKey.objects.create(owner=owner, key=key).pk
    except IntegrityError:
        return None


def submit_done(*, claim_id: int, result_url: str) -> None:
    from core.models import SubmitKey

    SubmitKey.objects.filter(pk=claim_id).update(result_url=result_url[:2000])


def submit_release(*, claim_id: int) -> None:
    """Nothing was created: the same key may be sent again (a form corrected after an error)."""
    from core.models import SubmitKey

    SubmitKey.objects.filter(pk=claim_id).delete()


def submit_keys_expire(*, now=None) -> int:
    """Forget keys older than SUBMIT_ONCE_KEEP_HOURS; a form sent again after that counts as new. Returns how many."""
    from core.models import SubmitKey

    now = now or timezone.now()
    deleted, _by_model = SubmitKey.objects.filter(
        created_at__lt=now - timedelta(hours=settings.SUBMIT_ONCE_KEEP_HOURS)
    ).delete()
    return deleted


def _back_to_form(request: HttpRequest, back: str | None = None) -> str:
    # The page the form was on: as the view names it, else the referring page of this site, else the form's address.
    if back:
        return back
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return request.get_full_path()


def _answer_repeat(request: HttpRequest, *, owner: str, key: str, back: Callable[[], str | None]) -> str | None:
    """Where a repeat is sent: the first request's result once it is there; None when the first gave the key up."""
    from core.models import SubmitKey

    deadline = time.monotonic() + settings.SUBMIT_ONCE_WAIT_SECONDS
    while True:
        row = SubmitKey.objects.filter(owner=owner, key=key).values_list("result_url", flat=True)
        result = row.first()
        if result is None:
            return None
        if result:
            return result
        if time.monotonic() >= deadline:
            return _back_to_form(request, back())
        time.sleep(POLL_SECONDS)


def _repeat_response(request: HttpRequest, url: str) -> HttpResponse:
    logger.info("Form sent again, answered without doing it twice: %s", request.path)
    messages.info(request, _("Ihr Formular wurde bereits gesendet."), fail_silently=True)
    return HttpResponseRedirect(url)


def submit_once(view=None, *, back: Callable[..., str] | None = None):
    """Run a POST view at most once per form key: `@submit_once`, or `@submit_once(back=…)` for a view that answers
    only POST, where `back(request, *args, **kwargs)` names the page a repeat returns to if the first is still busy.
    Class-based views take it with `method_decorator(submit_once, name="post")`."""
    if view is None:
        return lambda view: submit_once(view, back=back)

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = submit_key_of(request)
        if key is None:
            return view(request, *args, **kwargs)
        owner = submit_owner(request)
        while (claim_id := submit_claim(owner=owner, key=key)) is None:
            result = _answer_repeat(
                request, owner=owner, key=key, back=lambda: back(request, *args, **kwargs) if back else None
            )
            if result is not None:
                return _repeat_response(request, result)
            # The first request created nothing and gave the key up: this one is handled like it.
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            try:
                submit_release(claim_id=claim_id)
            except Exception:  # a broken transaction: its rollback takes the claim with it
                logger.exception("Form key not released after a failed request")
            raise
        if response.status_code in REDIRECTS and response.get("Location"):
            submit_done(claim_id=claim_id, result_url=response["Location"])
        else:
            submit_release(claim_id=claim_id)
        return response

    return wrapped
