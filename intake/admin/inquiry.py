from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from intake import dashboard, display, services
from intake.admin.access import AdmissionsOnly, AuditedHistory
from intake.admin.actions import admissions_members, assign_owner, export_csv
from intake.admin.fields import ATTRIBUTION, CONSENT, HELP, PERSON
from intake.admin.lead_page import LeadPage
from intake.admin.merge import MergeViews
from intake.admin.my_work import MyWork
from intake.admin.partners import PickPartner
from intake.admin.reports import ReportViews
from intake.admin.search import SessionSearch
from intake.merging import can_merge
from intake.models import Inquiry


class NeedsAttentionFilter(admin.SimpleListFilter):
    title = _("needs attention")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("urgent", _("Urgent")), ("unassigned", _("Unassigned")), ("overdue", _("Overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "urgent":
            return queryset.urgent()
        if self.value() == "unassigned":
            return queryset.unassigned()
        if self.value() == "overdue":
            return queryset.overdue()
        return queryset


class LanguageFilter(admin.SimpleListFilter):
    """English, Spanish (wrote in Spanish or prefers it), prefers Spanish, other: InquiryQuerySet.in_language."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return Inquiry.LANGUAGE_FILTERS

    def queryset(self, request, queryset):
        return queryset.in_language(self.value()) if self.value() else queryset


@admin.register(Inquiry)
class InquiryAdmin(
    AdmissionsOnly,
    AuditedHistory,
    LeadPage,
    MyWork,
    SessionSearch,
    MergeViews,
    ReportViews,
    PickPartner,
    admin.ModelAdmin,
):
    # Four columns, so the table still fits beside both sidebars at 1280 px (the source is on
    # the lead page and the dashboard): when it arrived under the lead's link, what needs
    # attention flagged under the status, "Spanish" or "Prefers Spanish" beside the lead's link.
    list_display = ["lead", "status_label", "owner", "follow_up"]
    list_display_links = None
    list_filter = [
        NeedsAttentionFilter,
        "status",
        ("owner", admin.RelatedOnlyFieldListFilter),
        LanguageFilter,
        "kind",
    ]
    list_select_related = ["owner"]
    date_hierarchy = "created_at"
    actions = [assign_owner, export_csv]
    # Who they are and how to reach them is the lead page's summary, above these
    # (templates/admin/intake/inquiry/change_form.html); the timeline comes after them.
    fieldsets = [
        (_("What they asked"), {"fields": HELP}),
        (
            _("Pipeline"),
            {
                "fields": [
                    "status",
                    "outcome_reason",
                    "referred_to",
                    "status_reason",
                    "owner",
                    "follow_up_due",
                    "language",
                    "first_contact",
                    "duplicate",
                    "notification",
                ]
            },
        ),
        (_("Consent"), {"fields": CONSENT, "classes": ["collapse"]}),
        (_("Attribution"), {"fields": ATTRIBUTION, "classes": ["collapse"]}),
    ]
    readonly_fields = [*PERSON, *HELP, *CONSENT, *ATTRIBUTION, "first_contact", "duplicate", "notification"]

    class Media:
        css = {"all": ["css/intake.css"]}

    def get_urls(self):
        dashboard_url = path(
            "dashboard/", self.admin_site.admin_view(self.dashboard_view), name="intake_inquiry_dashboard"
        )
        return [
            dashboard_url,
            *self.search_urls(),
            *self.lead_page_urls(),
            *self.my_work_urls(),
            *self.merge_urls(),
            *self.report_urls(),
            *super().get_urls(),
        ]

    def has_export_permission(self, request):
        return self.is_admissions(request) and request.user.has_perm("intake.export_inquiry")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner":
            kwargs["queryset"] = admissions_members()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Every time the lead's page is drawn: opened, or shown again after a refused save.
        services.lead_viewed(inquiry=obj, by=request.user)
        obj.shown_to_merger = can_merge(request.user)  # this request's copy: the merge link is for leads
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_viewed(self, obj, request):
        services.lead_viewed(inquiry=obj, by=request.user, detail="history")

    def save_model(self, request, obj, form, change):
        services.change_lead(
            inquiry=obj, changed=form.changed_data, previous_status=form.initial.get("status"), by=request.user
        )

    def dashboard_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = self.admin_site.each_context(request) | {
            "title": _("Admissions dashboard"),
            "opts": self.model._meta,
            "figures": dashboard.figures(),
        }
        return TemplateResponse(request, "admin/intake/dashboard.html", context)

    @admin.display(description=_("flags"))
    def flags(self, obj):
        flags = []
        if obj.in_danger and obj.status not in Inquiry.FINAL_STATUSES:
            flags.append(("urgent", _("Urgent")))
        if obj.owner_id is None and obj.status not in Inquiry.FINAL_STATUSES:
            flags.append(("unassigned", _("Unassigned")))
        if obj.is_overdue():
            flags.append(("overdue", _("Overdue")))
        if obj.duplicate_of_id:
            flags.append(("duplicate", _("Possible duplicate")))
        if obj.notification == Inquiry.Notification.FAILED:
            flags.append(("failed", _("Email not sent")))
        return format_html_join(" ", '<span class="lead-flag lead-flag-{}">{}</span>', flags)

    @admin.display(description=_("substances"))
    def substance_list(self, obj):
        labels = dict(Inquiry.Substance.choices)
        return ", ".join(str(labels.get(value, value)) for value in obj.substances) or "-"

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        return format_html("{} {}", display.status_badge(obj.status), self.flags(obj))

    @admin.display(description=_("follow-up"), ordering="follow_up_due")
    def follow_up(self, obj):
        return display.when(obj.follow_up_due, css="lead-overdue" if obj.is_overdue() else "")

    @admin.display(description=_("lead"), ordering="created_at")
    def lead(self, obj):
        url = reverse("admin:intake_inquiry_change", args=[obj.pk])
        return format_html(
            '<a href="{}">{}</a>{}<span class="lead-received">{} {}</span>',
            url,
            obj,
            format_html(" {}", badge) if (badge := display.language_badge(obj)) else "",
            _("received"),
            display.when(obj.created_at),
        )

    @admin.display(description=_("first contact"))
    def first_contact(self, obj):
        if not obj.first_contact_at:
            return format_html(_("Not yet: received {}"), display.when(obj.created_at))
        return format_html(
            _("{}, {} after it arrived"),
            display.when(obj.first_contact_at),
            timesince(obj.created_at, obj.first_contact_at).replace(",", ""),
        )

    @admin.display(description=_("possible duplicate of"))
    def duplicate(self, obj):
        if not obj.duplicate_of_id:
            return "-"
        original = obj.duplicate_of
        url = reverse("admin:intake_inquiry_change", args=[original.pk])
        link = format_html('<a href="{}">{}</a> (same phone or email)', url, original)
        if obj.status == Inquiry.Status.MERGED or not getattr(obj, "shown_to_merger", False):
            return link
        merge = reverse("admin:intake_inquiry_merge", args=[obj.pk]) + f"?into={original.pk}"
        return format_html('{} <a href="{}" class="button">{}</a>', link, merge, _("Compare and merge"))
