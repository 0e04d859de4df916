from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from content.search import MAX_QUERY_LENGTH, clean_query, search


@require_safe
def search_view(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    context = {
        "query": query,
        # The address's language (/es/search/ searches the Spanish pages, with Spanish stemming).
        "results": search(query, translation.get_language()),
        "truncated": len(" ".join(raw.split())) > MAX_QUERY_LENGTH,
        "max_length": MAX_QUERY_LENGTH,
    }
    response = render(request, "content/search.html", context)
    # Results name what someone looked for: keep them out of shared caches and browser history caches.
    response["Cache-Control"] = "private, no-store"
    return response
