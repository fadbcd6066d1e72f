from django.urls import include, path

from community.accounts import views
from community.notifications.views import notification_list
from home.contact_points.views import volunteer_withdraw

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("benachrichtigungen/", notification_list, name="notifications"),
    path("helfen/<int:signup_id>/absagen/", volunteer_withdraw, name="volunteer-withdraw"),
    path("", include("allauth.urls")),
]
