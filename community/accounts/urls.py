from django.urls import include, path

from community.accounts import views

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("daten/", views.data_export, name="account-data"),
    path("loeschen/", views.account_delete_view, name="account-delete"),
    path("signup/", views.signup, name="account_signup"),  # allauth's, with the form's key checked
    path("2fa/weiter/", views.mfa_continue, name="mfa-continue"),
    path("", include("allauth.urls")),
]
