"""Portal views inside `/<lang>/forum/`; they come before machina's URLs and replace a few of them on the same paths."""

from django.urls import path

from community.forum import views

urlpatterns = [
    path("forum/<str:forum_slug>-<int:forum_pk>/topic/<str:slug>-<int:pk>/", views.PortalTopicView.as_view()),
    path("forum/<str:forum_slug>-<int:forum_pk>/topic/create/", views.PortalTopicCreateView.as_view()),
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:slug>-<int:pk>/update/", views.PortalTopicUpdateView.as_view()
    ),
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:topic_slug>-<int:topic_pk>/post/create/",
        views.PortalPostCreateView.as_view(),
    ),
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:topic_slug>-<int:topic_pk>/<int:pk>/post/update/",
        views.PortalPostUpdateView.as_view(),
    ),
    path("forum/<str:forum_slug>-<int:forum_pk>/folgen/", views.forum_follow, name="forum-follow"),
    path("beitrag/<int:pk>/melden/", views.post_report, name="forum-report"),
    # machina's approval queue becomes the one queue for waiting and reported posts.
    path("moderation/queue/", views.moderation_queue, name="forum-moderation"),
    path("moderation/queue/<int:pk>/disapprove/", views.PortalPostDisapproveView.as_view()),
    path("moderation/beitrag/<int:pk>/meldungen/", views.reports_decide, name="forum-reports-decide"),
    path("moderation/beitrag/<int:pk>/entfernen/", views.post_remove, name="forum-post-remove"),
    path("moderation/beitrag/<int:pk>/wiederherstellen/", views.post_restore, name="forum-post-restore"),
    path("moderation/mitglied/<int:pk>/", views.member_history, name="forum-member"),
    path("moderation/massnahme/<int:pk>/aufheben/", views.sanction_lift, name="forum-sanction-lift"),
    # machina's move form lists its disabled options in a way Django 5 misreads; ours on the same path.
    path("moderation/topic/<str:slug>-<int:pk>/move/", views.PortalTopicMoveView.as_view()),
]
