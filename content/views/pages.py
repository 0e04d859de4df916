import hashlib

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.csp import CSP
from django.utils.http import http_date
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from content import cache as content_cache
from content import frozen, scheduling, snapshot, structured_data
from content.context_processors import site_and_menu
from content.models import Page, SiteSettings
from content.presenter import live_page, page_context, published_version
from nexus import locale

# Short enough that a publish reaches readers through any shared cache within a minute; shorter
# when a scheduled version or an expiry is due sooner (content.scheduling).
PUBLIC_MAX_AGE = 30


def current_site(request):
    return site_and_menu(request)["row"] or SiteSettings.defaults_context()


def page_number(request):
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and 0 < len(value) < 6 else 1


def cached_entry(key_parts, render):
    """A published page from the cache, or rendered and cached.

    `render()` returns {"html", "last_modified" (datetime or None), "expire_at", "num_pages"}, or
    raises Http404. The key is made before rendering: see content.cache.set.
    """
    now = timezone.now()
    upcoming = scheduling.apply_due(now)
    key = content_cache.key(*key_parts)
    entry = content_cache.get(key)
    if entry is None or (entry["expire_at"] and entry["expire_at"] <= now):
        rendered = render()
        html, last_modified = rendered["html"], rendered["last_modified"]
        # Any scheduled change anywhere may change this page (menus, lists): keep it until then only.
        expire_at = min((t for t in (rendered["expire_at"], upcoming) if t), default=None)
        entry = {
            "html": html,
            "etag": f'"{hashlib.sha256(html.encode()).hexdigest()[:32]}"',
            # HTTP dates have whole seconds: a fraction would make the date a browser sends back
            # (equal to this one) look older, and a 304 would never be answered.
            "last_modified": int(last_modified.timestamp()) if last_modified else None,
            "expire_at": expire_at,
            "num_pages": rendered.get("num_pages"),
        }
        timeout = content_cache.TIMEOUT
        if expire_at:
            timeout = max(1, min(timeout, int((expire_at - now).total_seconds())))
        content_cache.set(key, entry, timeout=timeout)
    return entry


def cached_response(request, entry):
    """The cached page, answering conditional GETs with 304."""
    response = HttpResponse(entry["html"])
    response["ETag"] = entry["etag"]
    if entry["last_modified"]:
        response["Last-Modified"] = http_date(entry["last_modified"])
    max_age = scheduling.seconds_to_next_change(limit=PUBLIC_MAX_AGE)
    response["Cache-Control"] = f"public, max-age={max_age}"
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )


@require_safe
def home(request):
    language = translation.get_language()

    def render():
        featured = list(
            Page.objects.live()
            .in_language(language)
            .filter(live_kind__in=[Page.Kind.SUBSTANCE, Page.Kind.PROGRAM, Page.Kind.INDEX])
            .only("url_path", "live_title", "live_summary", "live_kind", "live_order")
            .order_by("live_order", "live_title")
        )
        context = {
            "substances": [p for p in featured if p.live_kind == Page.Kind.SUBSTANCE],
            "programs": [p for p in featured if p.live_kind == Page.Kind.PROGRAM],
            "indexes": {p.url_path: p for p in featured if p.live_kind == Page.Kind.INDEX},
            "json_ld": structured_data.home(current_site(request)),
            "canonical": structured_data.absolute(locale.home_path(language)),
            "alternates": locale.alternates({code: locale.home_path(code) for code, _name in settings.LANGUAGES}),
        }
        html = render_to_string("content/home.html", context, request)
        return {"html": html, "last_modified": None, "expire_at": None}

    return cached_response(request, cached_entry(("home",), render))


@require_safe
def page(request, path):
    """A live page. `?page=N` counts only on index pages and only up to their last page: any other
    number would render, and cache, one more copy of the same page.

    The address holds the language: `/es/<path>/` (Spanish active, nexus.locale) is the Spanish
    page whose url_path is `/es/<path>/`; unprefixed paths are the default language's pages."""
    language = translation.get_language()
    url_path = f"{locale.home_path(language)}{path}/"

    def render_number(number):
        def render():
            found = live_page(url_path)
            if found is None or found.language != language:
                raise Http404
            data, body = published_version(found)
            context = page_context(
                page=found,
                data=data,
                body=body,
                content_hash=found.live_revision.content_hash,
                site=current_site(request),
                page_number=number,
            )
            html = render_to_string("content/page.html", context, request)
            children_page = context["children_page"]
            num_pages = children_page.paginator.num_pages if children_page else None
            return {
                "html": html,
                "last_modified": found.last_published_at,
                "expire_at": found.expire_at,
                "num_pages": num_pages,
            }

        return cached_entry(("page", url_path, number), render)

    first = render_number(1)
    number = page_number(request)
    if number == 1 or first["num_pages"] is None:
        return cached_response(request, first)
    if number > first["num_pages"]:
        raise Http404
    return cached_response(request, render_number(number))


@xframe_options_sameorigin
@csp_override({**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]})
@staff_member_required
@require_safe
def preview(request, pk):
    """The draft exactly as it will look, for staff only; never stored by any cache. The one page
    that may be framed, and only by our own admin (the editor's preview beside the form)."""
    if not request.user.has_perm("content.view_page"):
        raise PermissionDenied
    draft = get_object_or_404(Page, pk=pk)
    content_hash, data = snapshot.build(draft)
    # The admin is English; the page is shown in its own language, frame included.
    with translation.override(draft.language):
        return preview_response(request, draft, content_hash, data)


def preview_response(request, draft, content_hash, data):
    context = page_context(
        page=draft,
        data=data,
        body=frozen.render(data, draft.language),
        content_hash=content_hash,
        site=current_site(request),
        page_number=page_number(request),
    )
    context["preview"] = True
    response = HttpResponse(render_to_string("content/page.html", context, request))
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def page_link(request, pk):
    """The stable address of a page (`[text](page:42)` in the editor's text): it redirects to wherever
    the page lives now; a page that is not live is not found, as its address would be."""
    found = Page.objects.live().filter(pk=pk).values_list("url_path", flat=True).first()
    if found is None:
        raise Http404
    return HttpResponseRedirect(found)
