from django.core.exceptions import PermissionDenied

from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD, has_role


class AdmissionsOnly:
    """Leads are for admissions staff (and superusers) only, whatever other permissions say.

    Leads arrive from the public forms and leave through purge_leads, so nobody adds or
    deletes them here.
    """

    def is_admissions(self, request):
        return has_role(request.user, ADMISSIONS, ADMISSIONS_LEAD)

    def has_module_permission(self, request):
        return self.is_admissions(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.is_admissions(request) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.is_admissions(request) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedHistory:
    """The history page of a record holding health information, audited like its change page.

    Django looks the record up before asking who is asking: refuse first, so a role without access
    gets the same answer whether or not it exists; then `history_viewed(obj, request)` records the
    look (the admin calls a services function there, never writes audit rows itself)."""

    def history_viewed(self, obj, request):
        raise NotImplementedError

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        response = super().history_view(request, object_id, extra_context)
        obj = getattr(response, "context_data", {}).get("object")
        if obj is not None:
            self.history_viewed(obj, request)
        return response
