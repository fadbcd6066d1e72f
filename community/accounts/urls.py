from django.urls import include, path

from community.accounts import views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("", include("allauth.urls")),
]
