"""Bulk actions on leads: assign an owner, export CSV (audited, export permission only)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from intake import services
from intake.admin.fields import CSV_FIELDS
from nexus.csv_export import csv_download
from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD


def admissions_members():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[ADMISSIONS, ADMISSIONS_LEAD])
        .distinct()
        .order_by("username")
    )


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("New owner"), queryset=get_user_model().objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = admissions_members()


@admin.action(description=_("Assign selected leads to an owner"), permissions=["change"])
def assign_owner(modeladmin, request, queryset):
    form = AssignForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        count = services.assign(inquiries=queryset, owner=form.cleaned_data["owner"], by=request.user)
        modeladmin.message_user(request, _("%(count)d leads assigned.") % {"count": count}, messages.SUCCESS)
        return None
    context = modeladmin.admin_site.each_context(request) | {
        "title": _("Assign leads"),
        "form": form,
        "leads": queryset,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/intake/inquiry/assign.html", context)


@admin.action(description=_("Export selected leads to CSV"), permissions=["export"])
def export_csv(modeladmin, request, queryset):
    response, write_row = csv_download("leads.csv", CSV_FIELDS)
    for inquiry in services.export_leads(inquiries=queryset, by=request.user):
        row = [getattr(inquiry, name) for name in CSV_FIELDS]
        write_row([", ".join(v) if isinstance(v, list) else v for v in row])
    return response
