"""The merge screen: a possible duplicate beside its original, and one button to merge them.

Only an Admissions lead (or a superuser) sees it. The lead numbers are in its address (they are
in every lead's admin address already); nothing personal is.
"""

import phonenumbers
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake import services
from intake.merging import MergeRefused, can_merge
from intake.models import Inquiry

ROWS = [
    ("created_at", _("received")),
    ("kind", _("kind")),
    ("status", _("status")),
    ("owner", _("owner")),
    ("name", _("requester's name")),
    ("person_first_name", _("person's first name")),
    ("relationship", _("relationship")),
    ("phone", _("phone")),
    ("email", _("email")),
    ("in_danger", _("someone in danger")),
    ("language", _("language")),
    ("prefers_spanish", _("prefers Spanish")),
    ("source", _("source")),
    ("landing_path", _("landing page")),
    ("utm_campaign", _("campaign")),
    ("first_contact_at", _("first contact")),
    ("message", _("message")),
]


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Original lead number"), min_value=1)


def national(number):
    try:
        parsed = phonenumbers.parse(number, "US")
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def display(lead, field):
    value = getattr(lead, f"get_{field}_display", lambda: getattr(lead, field))()
    if field == "phone" and value:
        return national(value)
    if field == "created_at" or (field == "first_contact_at" and value):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    if field == "prefers_spanish":
        return lead.prefers_spanish_answer()
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return value if value not in (None, "") else "-"


class MergeViews:
    def merge_urls(self):
        view = self.admin_site.admin_view(self.merge_view)
        return [path("<int:object_id>/merge/", view, name="intake_inquiry_merge")]

    def merge_view(self, request, object_id):
        if not (self.has_change_permission(request) and can_merge(request.user)):
            raise PermissionDenied
        duplicate = Inquiry.objects.select_related("owner").filter(pk=object_id).first()
        if duplicate is None:
            raise Http404
        suggested = {"into": duplicate.duplicate_of_id} if duplicate.duplicate_of_id else None
        form = MergeForm(request.POST or request.GET or suggested)
        original, refused = None, None
        if form.is_valid():
            original = Inquiry.objects.select_related("owner").filter(pk=form.cleaned_data["into"]).first()
            if original is None:
                form.add_error("into", _("There is no lead with that number."))
        if request.method == "POST" and original is not None:
            try:
                services.merge_duplicate(original_id=original.pk, duplicate_id=duplicate.pk, by=request.user)
            except MergeRefused as error:
                refused = error.messages
            else:
                self.message_user(
                    request, _("Lead #%(d)s merged into this lead.") % {"d": duplicate.pk}, messages.SUCCESS
                )
                return HttpResponseRedirect(reverse("admin:intake_inquiry_change", args=[original.pk]), status=303)
        services.merge_compared(duplicate=duplicate, original=original, by=request.user)
        pair = [duplicate, original] if original else [duplicate]
        context = self.admin_site.each_context(request) | {
            "title": _("Merge lead #%(n)s into its original") % {"n": duplicate.pk},
            "opts": self.model._meta,
            "duplicate": duplicate,
            "original": original,
            "form": form,
            "refused": refused,
            "rows": [(label, [display(lead, field) for lead in pair]) for field, label in ROWS],
            "entries": [lead.activities.count() + lead.status_changes.count() for lead in pair],
            "already": getattr(duplicate, "merged_into", None),
        }
        return TemplateResponse(request, "admin/intake/inquiry/merge.html", context)
