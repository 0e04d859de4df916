from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from content import services
from content.admin import panel, review, translations
from content.admin.sections import SectionInline
from content.forms import KeepUnchangedTextForm, MultilineField
from content.models import Page, PageDueForReview, Revision, Source
from nexus import roles, site_url


class KeepsUnchangedText:
    """A save with no edits leaves the text, and so the clinical review, exactly as they were."""

    form = KeepUnchangedTextForm
    formfield_overrides = {models.TextField: {"form_class": MultilineField}}


class SourceInline(admin.StackedInline):
    """Stacked: as a table its six columns scrolled sideways at every width short of 1600 px."""

    model = Source
    extra = 0
    fields = ["title", "publisher", ("url", "doi"), ("order", "accessed_on")]
    # A plain address box: the admin's URL widget repeats the address above it as a link.
    formfield_overrides = {models.URLField: {"widget": forms.URLInput(attrs={"class": "vURLField"})}}


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("clinical review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("due within 30 days or overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.review_due(timezone.localdate())
        return queryset


@admin.register(Page)
class PageAdmin(KeepsUnchangedText, admin.ModelAdmin):
    list_display = [
        "title",
        "url_path",
        "language_state",
        "kind",
        "status",
        "live_now",
        "last_published_at",
    ]
    list_filter = ["language", translations.TranslationFilter, "kind", "status", "is_clinical", ReviewDueFilter]
    search_fields = ["title", "slug", "url_path"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent", "related", "hero_image"]
    readonly_fields = ["url_path", "status", "first_published_at", "last_published_at", "updated_at"]
    inlines = [SectionInline, SourceInline]

    class Media:
        css = {"all": ["css/editor.css", "css/editor-translation.css"]}
        js = ["js/editor/sections.js", "js/editor/preview.js"]

    view_on_site = staticmethod(site_url.view_on_site)
    actions = ["publish_selected", "record_review_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "parent", "kind", "summary", "hero_image", "is_clinical"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "go_live_at",
                    "expire_at",
                    "url_path",
                    "first_published_at",
                    "last_published_at",
                    "updated_at",
                ],
                # The publish panel above says where the page stands; these are the details.
                "classes": ["collapse"],
            },
        ),
        (_("Menu and listing"), {"fields": ["show_in_menu", "order", "index_of"]}),
        (
            _("Search engines and sharing"),
            {"fields": ["seo_title", "seo_description"]},
        ),
        (_("Articles"), {"fields": ["author", "published_on"], "classes": ["collapse"]}),
        (_("Substance pages"), {"fields": ["drug_name", "brand_names"], "classes": ["collapse"]}),
        (_("Related pages"), {"fields": ["related"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_translation_state()

    @admin.display(description=_("language"), ordering="language")
    def language_state(self, page):
        """The page's language, with a badge for a translation out of date (or an original with one):
        one column, so the list stays a table at 1280 px."""
        language = page.get_language_display()
        if page.translation_stale:
            badge = _("Out of date")
        elif page.has_stale_translation:
            badge = _("A translation is out of date")
        elif page.translation_of_id:
            return format_html("{} · {}", language, _("Up to date"))
        else:
            return language
        return format_html('{} <span class="nexus-badge nexus-badge-warning">{}</span>', language, badge)

    @admin.display(boolean=True, description=_("visible now"))
    def live_now(self, page):
        return page.is_live()

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/publish/", wrap(require_POST(self.publish_view)), name="content_page_publish"),
            path("<int:pk>/unpublish/", wrap(require_POST(self.unpublish_view)), name="content_page_unpublish"),
            path("<int:pk>/schedule/", wrap(require_POST(self.schedule_view)), name="content_page_schedule"),
            path(
                "<int:pk>/schedule/cancel/",
                wrap(require_POST(self.cancel_schedule_view)),
                name="content_page_cancel_schedule",
            ),
            path("<int:pk>/review/", wrap(require_POST(self.review_view)), name="content_page_review"),
            path(
                "<int:pk>/restore/<int:revision>/", wrap(require_POST(self.restore_view)), name="content_page_restore"
            ),
            *review.urls(self),  # content/admin/review.py: changes, review requests, checks, chooser
            *translations.urls(self),  # content/admin/translations.py: translate, mark up to date
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id and object_id.isdigit():
            extra_context["revisions"] = Revision.objects.filter(page_id=object_id).select_related("created_by")[:20]
            extra_context["can_publish"] = request.user.has_perm("content.publish_page")
            extra_context["can_review"] = roles.has_role(request.user, roles.CLINICAL_REVIEWERS)
            page = Page.objects.select_related("live_revision", "scheduled_revision").filter(pk=object_id).first()
            if page is not None:
                extra_context["panel"] = panel.state(page)
                extra_context["translation"] = translations.state(page, request.user)
                extra_context["time_zone"] = timezone.get_current_timezone_name()
        return super().change_view(request, object_id, form_url, extra_context)

    def _publish(self, request, page):
        try:
            services.publish(page=page, user=request.user)
        except ValidationError as error:
            self.message_user(request, f"{page}: {' '.join(error.messages)}", messages.ERROR)
            return False
        when = f" (visible from {panel.when(page.go_live_at)})" if page.go_live_at else ""
        self.message_user(request, f"{page}: published{when}.", messages.SUCCESS)
        return True

    def publish_view(self, request, pk):
        if not request.user.has_perm("content.publish_page"):
            raise PermissionDenied
        self._publish(request, get_object_or_404(Page, pk=pk))
        return redirect("admin:content_page_change", pk)

    def schedule_view(self, request, pk):
        if not request.user.has_perm("content.publish_page"):
            raise PermissionDenied
        page = get_object_or_404(Page, pk=pk)
        field = forms.DateTimeField()
        try:
            # Read in the center's time zone (TIME_ZONE): a time that does not exist there, or
            # exists twice (the clocks changing), is refused by the field.
            at = field.clean(request.POST.get("at", ""))
            revision = services.schedule(page=page, user=request.user, at=at)
        except ValidationError as error:
            self.message_user(request, f"{page}: {' '.join(error.messages)}", messages.ERROR)
        else:
            message = _("Version %(n)s scheduled to go live on %(when)s.") % {
                "n": revision.number,
                "when": panel.when(at),
            }
            self.message_user(request, message, messages.SUCCESS)
        return redirect("admin:content_page_change", pk)

    def cancel_schedule_view(self, request, pk):
        if not request.user.has_perm("content.publish_page"):
            raise PermissionDenied
        services.cancel_schedule(page=get_object_or_404(Page, pk=pk))
        self.message_user(request, _("Schedule cancelled: the live version stays."), messages.SUCCESS)
        return redirect("admin:content_page_change", pk)

    def unpublish_view(self, request, pk):
        if not request.user.has_perm("content.publish_page"):
            raise PermissionDenied
        services.unpublish(page=get_object_or_404(Page, pk=pk))
        self.message_user(request, _("Unpublished: the public no longer sees this page."), messages.SUCCESS)
        return redirect("admin:content_page_change", pk)

    def review_view(self, request, pk):
        page = get_object_or_404(Page, pk=pk)
        try:
            services.record_review(page=page, user=request.user, notes=request.POST.get("notes", "")[:2000])
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, _("Review recorded for the current content."), messages.SUCCESS)
        return redirect("admin:content_page_change", pk)

    def restore_view(self, request, pk, revision):
        if not request.user.has_perm("content.change_page"):
            raise PermissionDenied
        version = get_object_or_404(Revision, page_id=pk, pk=revision)
        services.restore(revision=version)
        self.message_user(
            request,
            _("Version %(n)s restored into the draft. Preview it, then publish.") % {"n": version.number},
            messages.SUCCESS,
        )
        return redirect("admin:content_page_change", pk)

    @admin.action(description=_("Publish selected pages"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        for page in queryset:
            self._publish(request, page)

    def has_publish_permission(self, request):
        return request.user.has_perm("content.publish_page")

    @admin.action(description=_("Record my clinical review of the current content"), permissions=["review"])
    def record_review_selected(self, request, queryset):
        for page in queryset:
            try:
                services.record_review(page=page, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return
        self.message_user(request, _("Review recorded."), messages.SUCCESS)

    def has_review_permission(self, request):
        return roles.has_role(request.user, roles.CLINICAL_REVIEWERS)


@admin.register(PageDueForReview)
class PageDueForReviewAdmin(admin.ModelAdmin):
    list_display = ["title", "url_path", "review_due_on", "edit_link"]
    actions = None
    view_on_site = staticmethod(site_url.view_on_site)

    def get_queryset(self, request):
        return super().get_queryset(request).review_due(timezone.localdate())

    @admin.display(description=_("next review due"), ordering="review_due_on")
    def review_due_on(self, page):
        return page.review_due_on or _("never reviewed")

    @admin.display(description=_("page"))
    def edit_link(self, page):
        return format_html('<a href="{}">{}</a>', reverse("admin:content_page_change", args=[page.pk]), _("Open"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
