from content import cache as content_cache
from content import scheduling, trust
from content.models import Page, SiteSettings


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
    row = SiteSettings.objects.filter(pk=1).first()
    menu = [{"title": title, "url": url} for title, url in Page.objects.in_menu().values_list("live_title", "url_path")]
    return {"row": row.as_context() if row else None, "menu": menu, "accreditations": trust.accreditations()}


def site(request):
    """The center's details from the editable settings row (the environment's values until one exists)."""
    entry = site_and_menu(request)
    return {
        "site": entry["row"] or SiteSettings.defaults_context(),
        "menu_pages": entry["menu"],
        "footer_accreditations": entry.get("accreditations", []),
    }
