import hashlib

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from content import cache as content_cache
from content import snapshot, structured_data
from content.context_processors import site_and_menu
from content.models import Page, SiteSettings
from content.presenter import page_context

# Short enough that a publish reaches readers through any shared cache within a minute.
PUBLIC_CACHE_CONTROL = "public, max-age=30"


def current_site(request):
    return site_and_menu(request)["row"] or SiteSettings.defaults_context()


def page_number(request):
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and 0 < len(value) < 6 else 1


def cached_response(request, key, render):
    """Serve a published page from the cache, answering conditional GETs with 304.

    `render()` returns (html, last_modified datetime or None, expire_at or None), or raises Http404.
    """
    now = timezone.now()
    entry = content_cache.get(*key)
    if entry is None or (entry["expire_at"] and entry["expire_at"] <= now):
        html, last_modified, expire_at = render()
        entry = {
            "html": html,
            "etag": f'"{hashlib.sha256(html.encode()).hexdigest()[:32]}"',
            "last_modified": last_modified.timestamp() if last_modified else None,
            "expire_at": expire_at,
        }
        timeout = content_cache.TIMEOUT
        if expire_at:
            timeout = max(1, min(timeout, int((expire_at - now).total_seconds())))
        content_cache.set(entry, *key, timeout=timeout)
    response = HttpResponse(entry["html"])
    response["ETag"] = entry["etag"]
    if entry["last_modified"]:
        response["Last-Modified"] = http_date(entry["last_modified"])
    response["Cache-Control"] = PUBLIC_CACHE_CONTROL
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )


@require_safe
def home(request):
    def render():
        featured = list(
            Page.objects.live()
            .filter(kind__in=[Page.Kind.SUBSTANCE, Page.Kind.PROGRAM, Page.Kind.INDEX])
            .only("url_path", "live_title", "live_summary", "kind", "order")
            .order_by("order", "live_title")
        )
        context = {
            "substances": [p for p in featured if p.kind == Page.Kind.SUBSTANCE],
            "programs": [p for p in featured if p.kind == Page.Kind.PROGRAM],
            "indexes": {p.url_path: p for p in featured if p.kind == Page.Kind.INDEX},
            "json_ld": structured_data.home(current_site(request)),
            "canonical": structured_data.absolute("/"),
        }
        return render_to_string("content/home.html", context, request), None, None

    return cached_response(request, ("home",), render)


@require_safe
def page(request, path):
    url_path = f"/{path}/"
    number = page_number(request)

    def render():
        found = Page.objects.live().select_related("live_revision").filter(url_path=url_path).first()
        if found is None:
            raise Http404
        revision = found.live_revision
        context = page_context(
            page=found,
            data=revision.snapshot,
            content_hash=revision.content_hash,
            site=current_site(request),
            page_number=number,
        )
        return render_to_string("content/page.html", context, request), found.last_published_at, found.expire_at

    return cached_response(request, ("page", url_path, number), render)


@staff_member_required
@require_safe
def preview(request, pk):
    """The draft exactly as it will look, for staff only; never stored by any cache."""
    if not request.user.has_perm("content.view_page"):
        raise PermissionDenied
    draft = get_object_or_404(Page, pk=pk)
    content_hash, data = snapshot.build(draft)
    context = page_context(
        page=draft, data=data, content_hash=content_hash, site=current_site(request), page_number=page_number(request)
    )
    context["preview"] = True
    response = HttpResponse(render_to_string("content/page.html", context, request))
    response["Cache-Control"] = "private, no-store"
    return response
