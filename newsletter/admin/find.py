"""Find a subscriber by one exact address, posted: the address never enters a URL or an access log."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from newsletter import services
from nexus.addresses import EmailAddressField


class FindForm(forms.Form):
    email = EmailAddressField(
        label=_("Exact email address"),
        max_length=254,
        help_text=_("Any spelling of the address finds it; part of an address finds nothing (hashes are compared)."),
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class FindByAddress:
    """Adds `find/` to a model admin: a POST form and its results, audited by services.find_by_address."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.find_view)
        return [path("find/", view, name="newsletter_subscriber_find"), *super().get_urls()]

    def find_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = FindForm(request.POST or None)
        found = None
        if request.method == "POST" and form.is_valid():
            subscribers, suppressions = services.find_by_address(address=form.cleaned_data["email"], actor=request.user)
            found = {"subscribers": subscribers, "suppressions": suppressions}
        context = self.admin_site.each_context(request) | {
            "title": _("Find a subscriber by address"),
            "form": FindForm() if found is not None else form,  # the address is not echoed back
            "found": found,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/find.html", context)
