from nexus.roles import MARKETING, has_role


class MarketingOnly:
    """The newsletter is run by the Marketing group (and superusers), whatever other permissions say."""

    def is_marketing(self, request):
        return has_role(request.user, MARKETING)

    def has_module_permission(self, request):
        return self.is_marketing(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self.is_marketing(request) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.is_marketing(request) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self.is_marketing(request) and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return self.is_marketing(request) and super().has_delete_permission(request, obj)
