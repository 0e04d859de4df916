from django.contrib import admin
from django.urls import path

from nexus import enrol_views, issue_views, signin_views

app_name = "nexus"
urlpatterns = [
    path("login/", signin_views.password_step, name="signin"),
    path("login/code/", signin_views.code_step, name="signin-code"),
    # Everything under two-factor/ is open to staff who have not set up a device yet.
    path("two-factor/", enrol_views.enrol, name="enrol"),
    path("two-factor/link/<str:token>/", enrol_views.open_link, name="enrol-link"),
    path("two-factor/backup-codes/", enrol_views.new_backup_codes, name="backup-codes"),
    path("enrolment-links/", admin.site.admin_view(issue_views.issue_links), name="issue-links"),
]
