from django.urls import path

from nexus import enrol_views, signin_views

app_name = "nexus"
urlpatterns = [
    path("login/", signin_views.password_step, name="signin"),
    path("login/code/", signin_views.code_step, name="signin-code"),
    path("two-factor/", enrol_views.enrol, name="enrol"),
    path("two-factor/backup-codes/", enrol_views.new_backup_codes, name="backup-codes"),
]
