from django.urls import path

from nexus.outbox import views

app_name = "outbox"
urlpatterns = [
    path("", views.message_list, name="list"),
    path("<str:name>/", views.message_detail, name="message"),
    path("<str:name>/html/", views.message_html, name="html"),
]
