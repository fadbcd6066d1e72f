from wagtail.snippets.models import register_snippet

from community.wiki.admin_views import WikiGroup

# Registered as snippets, because the categories in it are one: wagtail-localize translates registered snippets.
register_snippet(WikiGroup)
