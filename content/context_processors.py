from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from content import cache as content_cache
from content import scheduling, trust
from content.models import SiteSettings
from content.presenter import live_directory
from nexus import locale


def site_and_menu(request=None):
    """The settings row (or None), the menu and the accreditations; queried once per content generation.

    Kept on the request too, so the view and the context processor never ask twice."""
    if request is not None and hasattr(request, "_content_site"):
        return request._content_site
    # Every public page shows the menu: a scheduled change that is due happens before it is read
    # (search, the blog and every other page, not only the page that changed).
    scheduling.apply_due()
    entry = content_cache.remembered("site", build_site_and_menu)
    if request is not None:
        request._content_site = entry
    return entry


def build_site_and_menu():
    """The settings row, the menu and the frame's links, in the active language. The menu and links
    come from the live pages already read for this generation (content.presenter.live_directory)."""
    row = SiteSettings.objects.filter(pk=1).first()
    language = content_cache.language()
    directory = live_directory()
    in_menu = sorted(
        (p for p in directory if p.language == language and p.live_show_in_menu),
        key=lambda p: (p.live_order, p.live_title),
    )
    menu = [{"title": p.live_title, "url": p.url_path} for p in in_menu]
    return {
        "row": row.as_context() if row else None,
        "menu": menu,
        "nav_paths": nav_paths(menu),
        "accreditations": trust.accreditations(),
        "page_links": localized_paths(directory, FRAME_PAGES, language),
    }


def localized_paths(directory, paths, language):
    """{name: address} for {name: an original's address}: its live translation's in `language`
    where there is one, else the original's."""
    by_pk = {p.pk: p.url_path for p in directory}
    found = {
        by_pk.get(p.translation_of_id): p.url_path
        for p in directory
        if p.language == language and p.translation_of_id is not None
    }
    return {name: found.get(path, path) for name, path in paths.items()}


# Pages the frame links to by name (footer, forms, the trust line), in the reader's language
# where they are translated and live, else in English.
FRAME_PAGES = {"privacy": "/privacy-notice/", "about": "/about/"}


def site(request):
    """The center's details from the editable settings row (the environment's values until one exists)."""
    entry = site_and_menu(request)
    path = frame_path(request)
    return {
        "site": entry["row"] or SiteSettings.defaults_context(),
        "menu_pages": entry["menu"],
        "footer_accreditations": entry.get("accreditations", []),
        "page_links": entry.get("page_links") or FRAME_PAGES,
        "language_links": language_links(request),
        # base.html keeps the rendered frame (crisis bar, header, footer) per process under these
        # and the language: a content change or a new environment value is a new key.
        "frame_version": content_cache.stamp(),
        "frame_path": path,
        "nav_current": path if path in entry["nav_paths"] else "",
    }


def nav_paths(menu):
    """The addresses the header's menu links to, in the active language: the only ones it can mark
    as the page being read (so every other page shares one kept header)."""
    return frozenset({reverse("content:home"), reverse("content:search"), *(item["url"] for item in menu)})


def frame_path(request):
    """The address the frame shows as current (the menu's aria-current) and records as where a
    footer sign-up came from; never an address that holds a token (a newsletter link's), which
    would then sit in the page, the fragment cache's keys and the subscriber's source."""
    match = getattr(request, "resolver_match", None)
    if request is None or (match is not None and "token" in match.kwargs):
        return ""
    return request.path


# Views whose address says nothing about the page in another language (a content page's
# translation has its own slug): their switcher goes to the other language's home and its note.
# Content pages give their own links (content.presenter); this is their error pages' answer.
UNTRANSLATABLE_VIEWS = {"content:page", "content:preview"}


def language_links(request):
    """The switcher's links for views that are the same in every language (home, search, forms,
    the newsletter): the same address in the other language (`translate_url`), without the query
    string, which would make the content cache keep one more copy."""
    current = translation.get_language()
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name in UNTRANSLATABLE_VIEWS:
        return locale.switcher_links(current, {})
    found = {}
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if code == current or url != request.path:
            found[code] = url
    return locale.switcher_links(current, found)
