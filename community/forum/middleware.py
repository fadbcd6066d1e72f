import uuid

from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from machina.apps.forum_permission.middleware import ForumPermissionMiddleware as MachinaForumPermissionMiddleware

from community.forum.permissions import PortalPermissionHandler, current_sanction


class ForumPermissionMiddleware(MachinaForumPermissionMiddleware):
    """machina's middleware without its session for every anonymous visitor (a cookie and a database row per page view).

    The anonymous key only marks anonymous posts and poll votes, and anonymous visitors may do neither here,
    so a key that lives for one request is enough; one already in the session is kept."""

    def process_request(self, request):
        if request.user.is_authenticated:
            self._end_suspended_session(request)
        if not request.user.is_authenticated:
            stored = request.session.get(self.anonymous_forum_key_session_id) if hasattr(request, "session") else None
            request.user.forum_key = stored or uuid.uuid4().hex
        request.forum_permission_handler = PortalPermissionHandler()

    @staticmethod
    def _end_suspended_session(request) -> None:
        """A suspended member (MemberSanction) cannot stay logged in; they read why and until when."""
        from community.forum.models import MemberSanction

        sanction = current_sanction(request.user, kind=MemberSanction.Kind.SUSPENDED)
        if sanction is None:
            return
        logout(request)
        messages.error(
            request,
            _("Ihr Konto ist bis %(until)s gesperrt. Begründung: %(reason)s")
            % {
                "until": date_format(timezone.localtime(sanction.ends_at), "DATETIME_FORMAT"),
                "reason": sanction.reason,
            },
        )
