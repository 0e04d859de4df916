"""The screen where an Admissions lead (or a superuser) issues a colleague's enrolment link."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from nexus import enrolment, services
from nexus.models import EnrolmentLink
from nexus.signin_forms import IssueLinkForm


def issue_links(request):
    """Wrapped in admin.site.admin_view (staff sign-in, CSRF, never cached) by signin_urls."""
    if not request.user.has_perm("nexus.add_enrolmentlink"):
        raise PermissionDenied
    accounts = enrolment.issuable_for(request.user).order_by("username")
    form = IssueLinkForm(request.POST or None, accounts=accounts)
    context = admin.site.each_context(request) | {"title": "Enrolment links", "link_lifetime": enrolment.lifetime()}
    if request.method == "POST" and form.is_valid():
        account = form.cleaned_data["user"]
        link, token = services.issue_enrolment_link(user=account, issuer=request.user)
        url = enrolment.link_url(token)
        return render(
            request, "nexus/signin/link_issued.html", context | {"account": account, "link": link, "url": url}
        )
    pending = dict(EnrolmentLink.objects.pending().filter(user__in=accounts).values_list("user_id", "expires_at"))
    rows = [(account, pending.get(account.pk)) for account in accounts]
    return render(request, "nexus/signin/issue_links.html", context | {"rows": rows, "form": form})
