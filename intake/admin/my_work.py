"""The My work page in the admin (`/admin/intake/inquiry/my-work/`): views only translate HTTP."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake import services, work


class MyWork:
    def my_work_urls(self):
        view = self.admin_site.admin_view(self.my_work_view)
        return [path("my-work/", view, name="intake_inquiry_my_work")]

    def my_work_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        now = timezone.now()
        team = work.is_team_lead(request.user)
        language = work.language_choice(request.GET.get("language"))
        sections = work.sections(request.user, now, language=language)
        scope = ("team" if team else "own") + (f", language {language}" if language else "")
        services.work_viewed(by=request.user, shown=work.shown_ids(sections), scope=scope)
        context = self.admin_site.each_context(request) | {
            "title": _("My work: the whole team") if team else _("My work"),
            "opts": self.model._meta,
            "sections": sections,
            "team": team,
            "now": now,
            "language": language,
            "languages": work.LANGUAGES.items(),
        }
        return TemplateResponse(request, "admin/intake/my_work.html", context)
