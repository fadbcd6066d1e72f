from django.urls import include, path

from community.accounts import views
from home.contact_points.views import volunteer_withdraw

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("helfen/<int:signup_id>/absagen/", volunteer_withdraw, name="volunteer-withdraw"),
    path("", include("allauth.urls")),
]
