from django.urls import path

from intake import views, views_vob

app_name = "intake"
urlpatterns = [
    path("", views.LeadFormView.as_view(), name="inquiry"),
    path("callback/", views.CallbackView.as_view(), name="callback"),
    path("insurance/", views_vob.insurance, name="insurance"),
    path("thank-you/", views.thanks, name="thanks"),
    path("call-click/", views.call_click, name="call_click"),
]
