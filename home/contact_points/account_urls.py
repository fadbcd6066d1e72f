"""The contact points' pages under /konto/ (withdrawing from a volunteer shift)."""

from django.urls import path

from home.contact_points.views import volunteer_withdraw

urlpatterns = [path("helfen/<int:signup_id>/absagen/", volunteer_withdraw, name="volunteer-withdraw")]
