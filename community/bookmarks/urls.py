from django.urls import path

from community.bookmarks import views

app_name = "bookmarks"
urlpatterns = [
    path("", views.bookmark_list, name="list"),
    path("eintraege/", views.guest_items, name="guest_items"),
    path("merken/", views.bookmark_save, name="save"),
    path("entfernen/", views.bookmark_delete, name="remove"),
    path("uebernehmen/", views.bookmarks_take_over, name="merge"),
    path("kalender/", views.feed_reset, name="feed_reset"),
    path("kalender/<str:token>.ics", views.feed, name="feed"),
]
