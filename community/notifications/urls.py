from django.urls import path

from community.notifications.views import notification_list

urlpatterns = [path("benachrichtigungen/", notification_list, name="notifications")]
