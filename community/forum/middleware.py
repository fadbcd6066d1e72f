import uuid

from machina.apps.forum_permission.middleware import ForumPermissionMiddleware as MachinaForumPermissionMiddleware

from community.forum.permissions import PortalPermissionHandler


class ForumPermissionMiddleware(MachinaForumPermissionMiddleware):
    """machina's middleware without its session for every anonymous visitor (a cookie and a database row per page view).

    The anonymous key only marks anonymous posts and poll votes, and anonymous visitors may do neither here,
    so a key that lives for one request is enough; one already in the session is kept."""

    def process_request(self, request):
        if not request.user.is_authenticated:
            stored = request.session.get(self.anonymous_forum_key_session_id) if hasattr(request, "session") else None
            request.user.forum_key = stored or uuid.uuid4().hex
        request.forum_permission_handler = PortalPermissionHandler()
