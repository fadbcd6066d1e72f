from django.urls import include, path

from community.accounts import views
from community.forum.views import unsubscribe
from community.notifications.views import notification_list
from home.contact_points.views import volunteer_withdraw

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("daten/", views.data_export, name="account-data"),
    path("loeschen/", views.account_delete_view, name="account-delete"),
    path("benachrichtigungen/", notification_list, name="notifications"),
    path("abbestellen/<str:token>/", unsubscribe, name="forum-unsubscribe"),
    path("helfen/<int:signup_id>/absagen/", volunteer_withdraw, name="volunteer-withdraw"),
    path("", include("allauth.urls")),
]
