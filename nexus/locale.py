"""Which language a request is in, and the one redirect a first visit may get.

The language is the URL's: English unprefixed, every other language under its prefix (`/es/`),
through Django's `i18n_patterns(prefix_default_language=False)` and `LocaleMiddleware`. Anything
unprefixed is English, the admin and the staff sign-in included (staff work, train and write docs
in English), whatever the browser asks for and whatever cookie it holds: `LocaleMiddleware` gives
an unprefixed path the default language whenever the URLconf uses prefix patterns.

`Accept-Language` counts once, on arrival. A visitor coming from outside (no Referer from this
site) to an unprefixed *reading* page (the home page, a content page) whose browser prefers
another language we have is sent, with a 302, to that page's translation, or to that language's
home when the page has none. Once on the site (a same-site Referer, or `Sec-Fetch-Site` saying
so) nothing is redirected again: choosing English in the switcher keeps English. Nothing is
remembered: no cookie, no session.

Caches. The redirect is decided here, before the view and its content cache, so the content cache
only ever holds page bodies. Every unprefixed response varies on Accept-Language
(`LocaleMiddleware` adds the header). A response to a browser that prefers another language,
redirect or English page, depends on the Referer too, so no shared cache may keep it: the
redirect is `no-store` and the English page becomes `private`. What a shared cache (the nginx
micro-cache, ops/nginx.py) keeps is only what an English-preferring browser gets, which depends
on nothing else.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from nexus import site_url


def site_language(default=settings.LANGUAGE_CODE):
    """The active language as one of LANGUAGES' codes ("es-mx" is "es"), else `default`: what a
    lead, a sign-up or an email records as the language it was written in."""
    code = (translation.get_language() or "").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else default


# The views whose GET is a page to read; forms, search and everything else are never redirected.
READING_VIEWS = {"content:home", "content:page"}
# The switcher's link to another language's home, for a page not translated into it, ends in this
# fragment: the note it targets (templates/includes/language_switcher.html) shows with CSS
# `:target`, so the home page stays one cached copy (a query string would make a second).
NO_TRANSLATION_FRAGMENT = "no-translation"


def home_path(code):
    with translation.override(code):
        return reverse("content:home")


def switcher_links(current, found):
    """One link for each language other than `current`: to `found[code]` when this page exists in
    that language, else to that language's home and its note. Names are each language's own."""
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        url = found.get(code)
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url or f"{home_path(code)}#{NO_TRANSLATION_FRAGMENT}",
                "missing": url is None,
            }
        )
    return links


def alternates(found):
    """`<link rel="alternate" hreflang>` for a page found in several languages ({code: path}), with
    x-default on the default language's; nothing for a page in one language only."""
    if len(found) < 2:
        return []
    links = [
        {"code": code, "url": site_url.absolute(found[code])} for code, _name in settings.LANGUAGES if code in found
    ]
    if settings.LANGUAGE_CODE in found:
        links.append({"code": "x-default", "url": site_url.absolute(found[settings.LANGUAGE_CODE])})
    return links


def browser_language(request):
    """The language the browser prefers among ours, from Accept-Language alone (q-values and
    regional variants such as es-MX handled by Django), or None when it names none of them."""
    header = request.headers.get("Accept-Language", "")
    for code, quality in translation.trans_real.parse_accept_lang_header(header):
        if code == "*" or quality <= 0:  # sorted best first: nothing after these is wanted
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return None


def arrived_from_site(request):
    """True when the request follows a link on this site: a Referer naming our host (ours as the
    request reached us, or the public address), or the browser's own Sec-Fetch-Site."""
    if request.headers.get("Sec-Fetch-Site") in {"same-origin", "same-site"}:
        return True
    referer = request.headers.get("Referer", "")
    if not referer:
        return False
    host = urlsplit(referer).netloc.lower()
    return bool(host) and host in {request.get_host().lower(), site_url.parts()[1].lower()}


def translated_path(path, code):
    """Where a reader of `code` finds the unprefixed page at `path`: its live translation, or the
    home page of that language."""
    from content.models import Page  # nexus knows no app at import time

    found = Page.objects.live().filter(url_path=path, language=settings.LANGUAGE_CODE).first()
    if found is not None:
        translation_path = Page.objects.live().translations_of(found).in_language(code).first()
        if translation_path is not None:
            return translation_path.url_path
    return home_path(code)


class FirstVisitLanguageMiddleware:
    """After django.middleware.locale.LocaleMiddleware: the first-visit redirect (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_language_depends_on_referer", False):
            # Served in English to a browser that prefers another language: a shared cache would
            # hand this copy to the next such browser arriving from outside.
            patch_cache_control(response, private=True)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method not in {"GET", "HEAD"} or match is None or match.view_name not in READING_VIEWS:
            return None
        if translation.get_language_from_path(request.path_info):
            return None  # already in a language's own address
        wanted = browser_language(request)
        if wanted is None or wanted == settings.LANGUAGE_CODE:
            return None
        if arrived_from_site(request):
            request._language_depends_on_referer = True
            return None
        location = translated_path(request.path_info, wanted)
        # The query string goes along: a campaign's utm_* parameters are how admissions learn
        # where an inquiry came from (intake.attribution).
        query = request.META.get("QUERY_STRING", "")
        response = HttpResponseRedirect(f"{location}?{query}" if query else location)
        patch_vary_headers(response, ("Accept-Language",))
        add_never_cache_headers(response)
        return response
