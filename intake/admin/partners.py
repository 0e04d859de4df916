"""The referral-partner directory: Admissions leads keep it, all of admissions picks from it."""

from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db.models import Count

from intake.admin.access import AdmissionsOnly
from intake.models import ReferralPartner


@admin.register(ReferralPartner)
class ReferralPartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "phone", "active", "referral_count"]
    list_filter = ["active", "kind"]
    search_fields = ["name", "notes"]  # a business directory: no personal data to keep out of URLs
    fields = ["name", "kind", "phone", "notes", "active"]

    class Media:
        css = {"all": ["css/intake-desk.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(referral_count=Count("referrals"))

    @admin.display(description="referrals", ordering="referral_count")
    def referral_count(self, obj):
        return obj.referral_count

    def _is_admissions(self, request):
        return AdmissionsOnly.is_admissions(self, request)

    def has_module_permission(self, request):
        return self._is_admissions(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._is_admissions(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return self._is_admissions(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._is_admissions(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # A partner someone was referred to stays (PROTECT): untick "offered" instead.
        return self._is_admissions(request) and super().has_delete_permission(request, obj)


class PickPartner:
    """On a lead, the partner is picked from the directory: a plain list, no add/edit/delete icons
    (the directory is kept on its own page, by Admissions leads)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "referred_to" and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget = formfield.widget.widget
        return formfield
