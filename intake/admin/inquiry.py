from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from intake import dashboard, services
from intake.admin.access import AdmissionsOnly
from intake.admin.actions import admissions_members, assign_owner, export_csv
from intake.admin.fields import ATTRIBUTION, CONSENT, HELP, PERSON
from intake.admin.merge import MergeViews
from intake.admin.partners import PickPartner
from intake.admin.reports import ReportViews
from intake.admin.search import SessionSearch
from intake.merging import can_merge
from intake.models import Activity, Inquiry


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


class ActivityInline(admin.StackedInline):
    """Add a note or contact attempt; what is already there shows in the timeline above."""

    model = Activity
    fields = ["kind", "outcome", "note"]
    extra = 1
    can_delete = False
    verbose_name = _("new note or contact attempt")
    verbose_name_plural = _("add to the timeline")
    formfield_overrides = {Activity._meta.get_field("note").__class__: {"widget": forms.Textarea(attrs={"rows": 3})}}

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)


@admin.register(Inquiry)
class InquiryAdmin(AdmissionsOnly, SessionSearch, MergeViews, ReportViews, PickPartner, admin.ModelAdmin):
    list_display = ["__str__", "flags", "status", "owner", "follow_up_due", "created_at", "source"]
    list_filter = [NeedsAttentionFilter, "status", ("owner", admin.RelatedOnlyFieldListFilter), "kind"]
    list_select_related = ["owner"]
    date_hierarchy = "created_at"
    actions = [assign_owner, export_csv]
    inlines = [ActivityInline]
    fieldsets = [
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
                    "first_contact",
                    "duplicate",
                    "notification",
                ]
            },
        ),
        (_("Timeline"), {"fields": ["timeline"]}),
        (_("The person"), {"fields": PERSON}),
        (_("Help needed"), {"fields": HELP}),
        (_("Consent"), {"fields": CONSENT, "classes": ["collapse"]}),
        (_("Attribution"), {"fields": ATTRIBUTION, "classes": ["collapse"]}),
    ]
    readonly_fields = [*PERSON, *HELP, *CONSENT, *ATTRIBUTION, "first_contact", "duplicate", "notification", "timeline"]

    class Media:
        css = {"all": ["css/intake.css"]}

    def get_urls(self):
        dashboard_url = path(
            "dashboard/", self.admin_site.admin_view(self.dashboard_view), name="intake_inquiry_dashboard"
        )
        return [dashboard_url, *self.search_urls(), *self.merge_urls(), *self.report_urls(), *super().get_urls()]

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

    def history_view(self, request, object_id, extra_context=None):
        # Django looks the lead up before asking who is asking: refuse first, so a role
        # without access gets the same answer whether or not the lead exists.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        response = super().history_view(request, object_id, extra_context)
        lead = getattr(response, "context_data", {}).get("object")
        if lead is not None:
            services.lead_viewed(inquiry=lead, by=request.user, detail="history")
        return response

    def save_model(self, request, obj, form, change):
        services.change_lead(
            inquiry=obj, changed=form.changed_data, previous_status=form.initial.get("status"), by=request.user
        )

    def save_formset(self, request, form, formset, change):
        for activity in formset.save(commit=False):
            services.add_activity(activity=activity, by=request.user)

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

    @admin.display(description=_("first contact"))
    def first_contact(self, obj):
        if not obj.first_contact_at:
            return _("not yet (received %(ago)s ago)") % {"ago": timezone.now() - obj.created_at}
        return _("%(at)s, %(delay)s after it arrived") % {
            "at": timezone.localtime(obj.first_contact_at).strftime("%Y-%m-%d %H:%M"),
            "delay": obj.time_to_first_contact,
        }

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

    @admin.display(description=_("timeline (newest first)"))
    def timeline(self, obj):
        if obj.pk is None:
            return "-"
        entries = [
            (
                change.at,
                "lead-timeline-status",
                change.by or _("form"),
                _("status: %(to)s") % {"to": Inquiry.Status(change.to_status).label},
                change.reason,
            )
            for change in obj.status_changes.select_related("by")
        ] + [
            (
                item.at,
                "",
                item.by or "-",
                " ".join(filter(None, [item.get_kind_display(), item.get_outcome_display() if item.outcome else ""])),
                item.note,
            )
            for item in obj.activities.select_related("by")
        ]
        entries.sort(key=lambda entry: entry[0], reverse=True)
        return format_html(
            '<ol class="lead-timeline">{}</ol>',
            format_html_join(
                "",
                '<li class="{}"><strong>{}</strong> {} ({}) {}</li>',
                (
                    (css, what, f"{timezone.localtime(at):%Y-%m-%d %H:%M}", by, note)
                    for at, css, by, what, note in entries
                ),
            ),
        )
