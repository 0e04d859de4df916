from django.contrib import admin

from intake.admin.access import AdmissionsOnly
from intake.models import CallClick


@admin.register(CallClick)
class CallClickAdmin(AdmissionsOnly, admin.ModelAdmin):
    list_display = ["at", "page_path", "landing_path", "source"]
    list_filter = ["source"]
    date_hierarchy = "at"

    def has_change_permission(self, request, obj=None):
        return False
