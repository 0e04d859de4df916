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
