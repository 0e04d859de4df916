from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from content.models import Review, Reviewer, Revision, SiteSettings, StigmaTerm, Testimonial


class ReviewerForm(forms.ModelForm):
    """The languages a clinician reads, as one box per language of the site: only a reviewer who
    reads a page's language can sign it off (content.services.record_review)."""

    languages = forms.MultipleChoiceField(
        label=_("Reads"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick each language this clinician reads well enough to review a clinical page in."),
    )

    class Meta:
        model = Reviewer
        fields = [
            "name",
            "credentials",
            "licence",
            "role",
            "portrait",
            "bio",
            "user",
            "languages",
            "is_sample",
            "on_team",
            "team_order",
        ]


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    form = ReviewerForm
    # The staff account is on the form: beside the sidebar at 1280 px a ninth column crushed the role.
    list_display = ["name", "credentials", "role", "reads", "on_team", "team_order", "is_sample"]
    list_editable = ["on_team", "team_order"]
    search_fields = ["name"]
    autocomplete_fields = ["user", "portrait"]

    @admin.display(description=_("reads"))
    def reads(self, reviewer):
        names = dict(settings.LANGUAGES)
        return ", ".join(str(names.get(code, code)) for code in reviewer.languages or [])


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """The record of sign-offs, read-only. A review is recorded only with "Record my clinical review"
    on the page (content.services.record_review): in the signed-in reviewer's own name, today."""

    list_display = ["page", "reviewer", "reviewed_on", "next_review_due", "recorded_by", "recorded_at"]
    list_filter = ["reviewer"]
    date_hierarchy = "reviewed_on"

    def has_add_permission(self, request):
        return False  # a form here would let anyone pick the clinician and the date

    def has_change_permission(self, request, obj=None):
        return False  # A review signs one version of the content: record a new one instead.


@admin.register(Testimonial)
class TestimonialAdmin(admin.ModelAdmin):
    list_display = ["display_name", "program", "consent_on", "consent_method", "is_published", "is_sample"]
    list_filter = ["is_published", "is_sample"]
    search_fields = ["display_name", "quote"]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["page", "number", "created_at", "created_by"]
    list_filter = ["created_at"]
    readonly_fields = ["page", "number", "created_at", "created_by", "content_hash", "snapshot"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    list_display = ["center_name", "phone", "admissions_email"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        row = SiteSettings.objects.first()
        if row is not None:
            return redirect("admin:content_sitesettings_change", row.pk)
        return redirect("admin:content_sitesettings_add")


@admin.register(StigmaTerm)
class StigmaTermAdmin(admin.ModelAdmin):
    """The words the editor checks flag, with the person-first words to use instead; each is checked
    on the pages of its own language."""

    fields = ["term", "language", "alternatives", "note", "is_active"]
    list_display = ["term", "language", "alternatives", "is_active"]
    list_filter = ["language", "is_active"]
    search_fields = ["term", "alternatives"]
