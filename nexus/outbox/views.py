"""The outbox pages: staff sign in through the admin; only superusers read other people's mail."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

from nexus.audit import Action, record
from nexus.outbox import store

# A message's HTML part is shown as its own page: no scripts, nothing loaded from anywhere, its
# inline styles allowed, sandboxed (it cannot touch the admin's cookies or pages).
HTML_PART_POLICY = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.UNSAFE_INLINE],
    "img-src": ["data:"],
    "form-action": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "sandbox": ["allow-popups", "allow-popups-to-escape-sandbox"],
}


def superuser_only(view):
    def check(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return admin.site.admin_view(check)


def page_context(request, **context):
    # Django's navigation sidebar lists every model; beside one mailbox it only squeezes the page.
    return admin.site.each_context(request) | {"is_nav_sidebar_enabled": False} | context


def kept_or_404(request, name):
    message = store.read(name)
    if message is None:
        raise Http404
    record(actor=request.user, action=Action.VIEW, object_type="outbox message", object_id=name)
    return message


@superuser_only
def message_list(request):
    context = page_context(request, title="Local outbox", messages_kept=store.listing(), directory=store.directory())
    return TemplateResponse(request, "nexus/outbox/list.html", context)


@superuser_only
def message_detail(request, name):
    message = kept_or_404(request, name)
    context = page_context(request, title=message.subject, message=message)
    return TemplateResponse(request, "nexus/outbox/message.html", context)


@superuser_only
@csp_override(HTML_PART_POLICY)
def message_html(request, name):
    message = kept_or_404(request, name)
    if not message.html:
        raise Http404
    return HttpResponse(message.html, content_type="text/html; charset=utf-8")
