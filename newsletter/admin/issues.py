"""Issues: write, preview, test-send, send now or on schedule; deliveries with progress and recovery."""

import uuid

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsletter import articles, services
from newsletter.admin.access import MarketingOnly
from newsletter.emails import IssueRenderer
from newsletter.models import Delivery, Issue, Subscriber
from nexus import site_url
from nexus.audit import Action, record

NO_SUBSCRIBER = uuid.UUID(int=0)  # test sends: the unsubscribe link works but names nobody


@admin.action(description=_("Send a test of the selected issues to my own address"), permissions=["change"])
def send_test(modeladmin, request, queryset):
    if not request.user.email:
        modeladmin.message_user(request, _("Add an email address to your staff account first."), messages.ERROR)
        return
    for issue in queryset:
        # The greeting as a subscriber who gave a first name sees it (the staff member's, else a sample).
        message, _message_id = IssueRenderer(issue).message_for(
            to=request.user.email, first_name=request.user.first_name or "Alex", key=NO_SUBSCRIBER, test=True
        )
        message.send()
    modeladmin.message_user(request, _("Test sent to your address."), messages.SUCCESS)


@admin.action(description=_("Send the selected issues now"), permissions=["send"])
def send_now(modeladmin, request, queryset):
    issues = [issue for issue in queryset if issue.is_editable]
    if "confirm" not in request.POST:
        for issue in issues:  # each goes to its own language's subscribers only
            issue.audience = Subscriber.objects.audience(issue.language).count()
        context = modeladmin.admin_site.each_context(request) | {
            "title": _("Send issues now"),
            "issues": issues,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/newsletter/issue/send_confirm.html", context)
    for issue in issues:
        count = services.start_sending(issue_id=issue.pk)
        record(actor=request.user, action=Action.CHANGE, obj=issue, detail=f"sending started to {count}")
    modeladmin.message_user(request, _("Sending started. Progress shows in the list."), messages.SUCCESS)
    return None


@admin.action(description=_("Schedule the selected issues for their “send at” time"), permissions=["send"])
def schedule(modeladmin, request, queryset):
    for issue in queryset:
        if issue.scheduled_at is None or issue.scheduled_at <= timezone.now():
            modeladmin.message_user(request, _("“%s”: set a future “send at” time first.") % issue, messages.ERROR)
        elif services.schedule(issue=issue, at=issue.scheduled_at):
            record(actor=request.user, action=Action.CHANGE, obj=issue, detail="scheduled")
            modeladmin.message_user(request, _("“%s” scheduled.") % issue, messages.SUCCESS)


@admin.register(Issue)
class IssueAdmin(MarketingOnly, admin.ModelAdmin):
    list_display = ["subject", "language", "status", "scheduled_at", "started_at", "progress_summary", "preview_link"]
    list_filter = ["status", "language"]
    search_fields = ["subject"]
    actions = [send_test, send_now, schedule]
    fields = ["subject", "preheader", "body", "language", "scheduled_at", "status", "started_at", "finished_at"]
    readonly_fields = ["status", "started_at", "finished_at"]
    view_on_site = staticmethod(site_url.view_on_site)
    change_list_template = "admin/newsletter/issue/change_list.html"

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return [*self.fields]  # what was sent stays as it was sent (the archive shows it)
        return self.readonly_fields

    def has_send_permission(self, request):
        return self.is_marketing(request) and request.user.has_perm("newsletter.send_issue")

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_editable)

    def get_urls(self):
        preview = path(
            "<int:pk>/preview/", self.admin_site.admin_view(self.preview_view), name="newsletter_issue_preview"
        )
        return [preview, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"articles_available": articles.available()}
        return super().changelist_view(request, extra_context=(extra_context or {}) | extra)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if request.GET.get("from_articles") and articles.available():
            initial["body"] = articles.draft_body(articles.latest())
            initial["subject"] = _("This month at %(center)s: %(month)s") % {
                "center": settings.NEXUS_CENTER_NAME,
                "month": timezone.localdate().strftime("%B %Y"),
            }
        return initial

    @admin.display(description=_("progress"))
    def progress_summary(self, obj):
        if obj.status in (Issue.Status.DRAFT, Issue.Status.SCHEDULED):
            return "–"
        p = obj.progress()
        return _("%(sent)d sent, %(failed)d failed, %(left)d left, %(unknown)d unknown, %(skipped)d skipped") % p

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:newsletter_issue_preview", args=[obj.pk]), _("Preview")
        )

    def preview_view(self, request, pk):
        issue = get_object_or_404(Issue, pk=pk)
        if not self.has_view_permission(request, issue):
            raise PermissionDenied
        message, _message_id = IssueRenderer(issue).message_for(to="preview@example.invalid", key=NO_SUBSCRIBER)
        context = self.admin_site.each_context(request) | {
            "title": _("Preview: %s") % issue.subject,
            "issue": issue,
            "html_body": issue.body_html(),
            "text_message": message.body,
            "headers": message.extra_headers,
            "opts": self.model._meta,
            "original": issue,
        }
        return TemplateResponse(request, "admin/newsletter/issue/preview.html", context)


@admin.action(description=_("Send again: I checked, these were NOT delivered"), permissions=["change"])
def requeue(modeladmin, request, queryset):
    count = queryset.filter(status__in=[Delivery.Status.UNKNOWN, Delivery.Status.FAILED]).update(
        status=Delivery.Status.QUEUED, claimed_by="", claimed_at=None, next_attempt_at=timezone.now()
    )
    for issue_id in set(queryset.values_list("issue_id", flat=True)):
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENT).update(status=Issue.Status.SENDING)
        services.enqueue_worker(issue_id)
    record(actor=request.user, action=Action.CHANGE, object_type="newsletter.delivery", detail=f"{count} re-queued")
    modeladmin.message_user(request, _("%(count)d deliveries queued again.") % {"count": count}, messages.SUCCESS)


@admin.action(description=_("Mark as sent: I checked, these WERE delivered"), permissions=["change"])
def mark_sent(modeladmin, request, queryset):
    count = queryset.filter(status=Delivery.Status.UNKNOWN).update(status=Delivery.Status.SENT, sent_at=timezone.now())
    record(actor=request.user, action=Action.CHANGE, object_type="newsletter.delivery", detail=f"{count} marked sent")
    modeladmin.message_user(request, _("%(count)d deliveries marked sent.") % {"count": count}, messages.SUCCESS)


@admin.register(Delivery)
class DeliveryAdmin(MarketingOnly, admin.ModelAdmin):
    list_display = ["pk", "issue", "subscriber", "status", "attempts", "sent_at", "claimed_by", "error"]
    list_filter = ["status", "issue"]
    list_select_related = ["issue"]
    actions = [requeue, mark_sent]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
