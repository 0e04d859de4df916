"""Subscribers, the suppression list, CSV export (audited) and CSV import (all or nothing)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from newsletter import importing, services
from newsletter.addresses import address_hash
from newsletter.admin.access import MarketingOnly
from newsletter.admin.find import FindByAddress
from newsletter.models import Subscriber, Suppression
from nexus.addresses import EmailAddressField
from nexus.csv_export import csv_download

CSV_FIELDS = [
    "email",
    "first_name",
    "status",
    "source",
    "consent_version",
    "consent_at",
    "confirmed_at",
    "unsubscribed_at",
    "language",  # last: files read by column position keep working
]


@admin.action(description=_("Export selected subscribers to CSV"), permissions=["export"])
def export_csv(modeladmin, request, queryset):
    response, write_row = csv_download("subscribers.csv", CSV_FIELDS)
    count = 0
    for subscriber in queryset.iterator():
        write_row([getattr(subscriber, name) for name in CSV_FIELDS])
        count += 1
    services.record_export(actor=request.user, count=count)
    return response


@admin.action(description=_("Unsubscribe selected subscribers"), permissions=["change"])
def unsubscribe_selected(modeladmin, request, queryset):
    for subscriber in queryset:
        services.unsubscribe(key=subscriber.key, actor=request.user)
    modeladmin.message_user(request, _("Unsubscribed and suppressed."), messages.SUCCESS)


@admin.action(
    description=_("Erase selected subscribers (keep only a hash so they are never mailed)"), permissions=["erase"]
)
def erase_selected(modeladmin, request, queryset):
    if "confirm" not in request.POST:
        context = modeladmin.admin_site.each_context(request) | {
            "title": _("Erase subscribers"),
            "subscribers": queryset,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/erase.html", context)
    count = 0
    for subscriber in queryset:
        services.erase(subscriber=subscriber, actor=request.user)
        count += 1
    modeladmin.message_user(request, _("%(count)d subscribers erased.") % {"count": count}, messages.SUCCESS)
    return None


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: email, first_name, consent_proof, consent_at, language (en or es; English when"
            " the column is missing or empty)."
        ),
    )
    ask_to_confirm = forms.BooleanField(
        label=_("Email a confirmation link to rows without a consent proof"), required=False
    )


class SourceFilter(admin.SimpleListFilter):
    title = _("source")
    parameter_name = "source_kind"

    def lookups(self, request, model_admin):
        return [("footer", _("Footer form")), ("page", _("Newsletter page")), ("import", _("CSV import"))]

    def queryset(self, request, queryset):
        return queryset.filter(source__startswith=self.value()) if self.value() else queryset


@admin.register(Subscriber)
class SubscriberAdmin(FindByAddress, MarketingOnly, admin.ModelAdmin):
    list_display = [
        "email",
        "first_name",
        "language",
        "status",
        "source",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    list_filter = ["status", "language", SourceFilter, "consent_version", "created_at"]
    # No search_fields: addresses are encrypted, and a GET search would put them in URLs and access
    # logs. "Find by address" (FindByAddress) posts one exact address and compares its hash.
    date_hierarchy = "created_at"
    actions = [export_csv, unsubscribe_selected, erase_selected]
    fields = [
        "email",
        "first_name",
        "language",
        "status",
        "source",
        "created_at",
        "consent_version",
        "consent_text",
        "consent_at",
        "consent_proof",
        "confirmed_at",
        "unsubscribed_at",
    ]
    # Status changes go through actions (which also suppress); nobody types a consent record. The
    # language can change when the person asks for the other one (audited as every change is).
    readonly_fields = [name for name in fields if name not in ("first_name", "language")]
    change_list_template = "admin/newsletter/subscriber/change_list.html"

    def has_add_permission(self, request, *args):
        return False  # people sign up themselves, or arrive by CSV import

    def has_delete_permission(self, request, obj=None):
        return False  # erase instead: it keeps the suppression hash

    def has_export_permission(self, request):
        return self.is_marketing(request) and request.user.has_perm("newsletter.export_subscriber")

    def has_erase_permission(self, request):
        return self.is_marketing(request) and request.user.has_perm("newsletter.erase_subscriber")

    def has_import_permission(self, request):
        return self.is_marketing(request) and request.user.has_perm("newsletter.import_subscriber")

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="newsletter_subscriber_import"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"can_import": self.has_import_permission(request)}
        response = super().changelist_view(request, extra_context=(extra_context or {}) | extra)
        changelist = getattr(response, "context_data", {}).get("cl")
        if request.method in ("GET", "HEAD") and response.status_code == 200 and changelist is not None:
            # The page shows addresses: which rows it showed goes on the trail.
            services.record_list_view(actor=request.user, subscriber_ids=[s.pk for s in changelist.result_list])
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            services.record_view(actor=request.user, subscriber_id=object_id)
        return response

    def save_model(self, request, obj, form, change):
        services.update_subscriber(subscriber=obj, changed=form.changed_data, actor=request.user)

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            try:
                rows, errors = importing.parse(form.cleaned_data["file"])
            except importing.UnreadableFile as problem:
                errors = [str(problem)]
            else:
                if not errors and not rows:
                    errors = [str(_("The file has no rows to import."))]
            if not errors:
                counts = services.import_subscribers(
                    rows=rows,
                    source="import",
                    ask_to_confirm=form.cleaned_data["ask_to_confirm"],
                    actor=request.user,
                )
                message = _(
                    "Imported %(imported)d (%(confirmed)d with consent proof, the rest waiting for confirmation); "
                    "%(existing)d already on the list and %(suppressed)d suppressed addresses left alone."
                )
                self.message_user(request, message % counts, messages.SUCCESS)
                return redirect(reverse("admin:newsletter_subscriber_changelist"))
        context = self.admin_site.each_context(request) | {
            "title": _("Import subscribers from CSV"),
            "form": form,
            "errors": errors,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/import.html", context)


class SuppressionForm(forms.ModelForm):
    email = EmailAddressField(label=_("Email address"), max_length=254, help_text=_("Only its hash is stored."))

    class Meta:
        model = Suppression
        fields = ["reason"]

    def save(self, commit=True):
        self.instance.email_hash = address_hash(self.cleaned_data["email"])
        return super().save(commit)

    def clean(self):
        data = super().clean()
        if data.get("email") and Suppression.objects.filter(email_hash=address_hash(data["email"])).exists():
            raise forms.ValidationError(_("This address is already suppressed."), code="duplicate")
        return data


@admin.register(Suppression)
class SuppressionAdmin(MarketingOnly, admin.ModelAdmin):
    list_display = ["__str__", "reason", "created_at"]
    list_filter = ["reason", "created_at"]
    form = SuppressionForm
    # Searching by address: the subscribers' "Find by address" page shows suppressions too.
    change_list_template = "admin/newsletter/suppression/change_list.html"

    def get_fields(self, request, obj=None):
        return ["email", "reason"] if obj is None else ["email_hash", "reason", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["email_hash", "reason", "created_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # lifting a suppression takes the person's own fresh, confirmed sign-up
