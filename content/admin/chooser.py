"""The page chooser: find a page by title and copy a link to it that follows the page when it moves."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from content.models import Page


def chooser_view(model_admin, request):
    if not request.user.has_perm("content.change_page"):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    pages = Page.objects.order_by("title")
    if query:
        pages = pages.filter(title__icontains=query)
    results = [
        {"page": page, "markdown": f"[{page.title}](page:{page.pk})", "live": page.is_live()} for page in pages[:30]
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Link to a page",
        "query": query,
        "results": results,
        "is_popup": True,
        "opts": Page._meta,
    }
    return TemplateResponse(request, "admin/content/page/chooser.html", context)
