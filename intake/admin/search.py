"""Lead search kept out of URLs: the term is POSTed, reduced to keyed hashes, kept in the session.

Django's admin search puts the term in `?q=`, and from there in every filter, pagination and
`_changelist_filters` link, the browser history and the access logs. Here the term only ever
travels in a POST body; the list reads the search from the session until it is cleared.
"""

from urllib.parse import parse_qsl, urlencode

from django.contrib.admin.views.main import PAGE_VAR, SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from intake import services
from intake.search import LeadSearch

SESSION_KEY = "intake.lead_search"


def without_search(query_string):
    return urlencode([(key, value) for key, value in parse_qsl(query_string) if key != SEARCH_VAR])


class SessionSearch:
    # No `?q=` box, and nothing for the admin's autocomplete view to search leads with.
    search_fields = []
    search_help_text = _(
        "Search by name (whole words, any case or accents), lead number, phone number (any way "
        "of writing it) or full email address."
    )

    def search_urls(self):
        view = self.admin_site.admin_view(self.search_view)
        return [path("search/", view, name="intake_inquiry_search")]

    def current_search(self, request):
        return LeadSearch.from_session(request.session.get(SESSION_KEY))

    @method_decorator(require_POST)
    def search_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        term = request.POST.get("term", "")
        if term.strip() and "clear" not in request.POST:
            request.session[SESSION_KEY] = services.search_leads(term=term, by=request.user).to_session()
        else:
            request.session.pop(SESSION_KEY, None)
        # A new search starts from the whole list: filters kept from before would hide the person.
        return HttpResponseRedirect(reverse("admin:intake_inquiry_changelist"), status=303)

    def get_search_results(self, request, queryset, search_term):
        search = self.current_search(request)
        return (search.filter(queryset) if search is not None else queryset), False

    def get_preserved_filters(self, request):
        preserved = super().get_preserved_filters(request)
        inner = dict(parse_qsl(preserved)).get("_changelist_filters")
        return urlencode({"_changelist_filters": without_search(inner)}) if inner else ""

    def changelist_view(self, request, extra_context=None):
        if SEARCH_VAR in request.GET:
            # Never run, nor echo into every link, a term someone put in the address.
            query = without_search(request.GET.urlencode())
            return HttpResponseRedirect(request.path + (f"?{query}" if query else ""))
        search = self.current_search(request)
        extra_context = (extra_context or {}) | {"lead_search": search, "lead_search_help": self.search_help_text}
        response = super().changelist_view(request, extra_context)
        cl = getattr(response, "context_data", {}).get("cl")
        if cl is not None:
            filters = urlencode(sorted((k, v) for k, v in cl.params.items() if k != PAGE_VAR))
            shown = [lead.pk for lead in cl.result_list]
            services.list_viewed(by=request.user, shown=shown, total=cl.result_count, search=search, filters=filters)
        return response
