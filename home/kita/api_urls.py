from django.urls import path

from home.kita import api

urlpatterns = [
    path("kitas", api.kitas, name="api-kitas"),
    path("childminders", api.childminders, name="api-childminders"),
]
