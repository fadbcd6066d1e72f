from django.urls import path

from search import views

urlpatterns = [
    path("search", views.api_search, name="api-search"),
    path("search/suggest", views.api_suggest, name="api-search-suggest"),
]
