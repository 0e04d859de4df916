"""Trust signals in the admin: editors keep accreditations, insurance and the first-call steps."""

from django.contrib import admin

from content.models import Accreditation, CallStep, InsurancePlan


class TrustAdmin(admin.ModelAdmin):
    list_editable = ["order", "is_published"]
    list_filter = ["language", "is_published", "is_sample"]
    # What every trust item has (content.models.trust.TrustItem), after the item's own words.
    SHARED = ["language", "order", "is_published", "is_sample"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return [name for name in fields if name not in self.SHARED] + self.SHARED


@admin.register(Accreditation)
class AccreditationAdmin(TrustAdmin):
    list_display = ["name", "kind", "detail", "verify_url", "language", "order", "is_published", "is_sample"]
    search_fields = ["name", "detail"]


@admin.register(InsurancePlan)
class InsurancePlanAdmin(TrustAdmin):
    list_display = ["name", "note", "language", "order", "is_published", "is_sample"]
    search_fields = ["name"]


@admin.register(CallStep)
class CallStepAdmin(TrustAdmin):
    list_display = ["title", "body", "language", "order", "is_published", "is_sample"]
