"""The forum's pages under /konto/ (the one-click unsubscribe link in every forum mail)."""

from django.urls import path

from community.forum.views import unsubscribe

urlpatterns = [path("abbestellen/<str:token>/", unsubscribe, name="forum-unsubscribe")]
