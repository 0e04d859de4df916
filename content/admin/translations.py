"""Translations in the page editor: start one, see the original beside it, say it is up to date.

Registered on the page admin (`PageAdmin.get_urls` adds `urls(self)`); views only translate HTTP, the
writes are content.services_translations.translate_page and mark_translation_up_to_date. `state()` gives the
editor's panel and the original's pane what they show.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from content import services, services_translations
from content.models import Page, Revision


def urls(model_admin):
    wrap = model_admin.admin_site.admin_view

    def bind(view):
        def bound(request, *args, **kwargs):
            return view(model_admin, request, *args, **kwargs)

        return wrap(require_POST(bound))

    return [
        path("<int:pk>/translate/<str:language>/", bind(translate_view), name="content_page_translate"),
        path("<int:pk>/translation-up-to-date/", bind(up_to_date_view), name="content_page_translation_up_to_date"),
    ]


def translate_view(model_admin, request, pk, language):
    if not (request.user.has_perm("content.add_page") and request.user.has_perm("content.change_page")):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=pk)
    try:
        translation = services_translations.translate_page(page=page, language=language, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("admin:content_page_change", page.pk)
    messages.success(
        request,
        _(
            "%(language)s translation started from version %(n)s of the original: translate each section, "
            "then save. It is a draft of its own, with its own clinical review."
        )
        % {"language": services.language_name(language), "n": translation.translated_from.number},
    )
    return redirect("admin:content_page_change", translation.pk)


def up_to_date_view(model_admin, request, pk):
    if not request.user.has_perm("content.change_page"):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=pk)
    try:
        services_translations.mark_translation_up_to_date(page=page, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Marked as up to date with the original's published version."))
    return redirect("admin:content_page_change", page.pk)


def state(page, user):
    """What the editor shows of `page`'s translations: for an original, its translations and the
    languages it can still be translated into; for a translation, its original and how current it is."""
    names = dict(settings.LANGUAGES)
    facts = {"language": names.get(page.language, page.language), "is_translation": page.is_translation()}
    if not page.is_translation():
        out_of_date = set(
            Page.objects.translations_out_of_date().filter(translation_of=page).values_list("pk", flat=True)
        )
        facts["translations"] = [
            {"page": t, "language": names.get(t.language, t.language), "out_of_date": t.pk in out_of_date}
            for t in page.translations.order_by("language")
        ]
        done = {t.language for t in page.translations.all()}
        can_add = user.has_perm("content.add_page") and user.has_perm("content.change_page")
        facts["can_translate"] = [
            (code, name)
            for code, name in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
            and code not in done
            and can_add
            and page.language == settings.LANGUAGE_CODE
        ]
        facts["never_published"] = page.live_revision_id is None
        return facts
    original = Page.objects.select_related("live_revision").get(pk=page.translation_of_id)
    live, since = original.live_revision, page.translated_from
    facts.update(
        original=original,
        original_language=names.get(original.language, original.language),
        original_live=live,
        translated_from=since,
        out_of_date=page.translation_is_out_of_date(),
        can_mark=user.has_perm("content.change_page") and live is not None,
        original_public=original.url_path if original.is_live() else "",
    )
    if live is not None:
        compare_from = f"v{since.number}" if since is not None else "none"
        facts["diff_url"] = (
            reverse("admin:content_page_diff", args=[original.pk])
            + "?"
            + urlencode({"from": compare_from, "to": f"v{live.number}"})
        )
        facts["original_text"] = original_text(live)
    return facts


def original_text(revision: Revision):
    """The original's published words the translator works from: title, summary, each section."""
    data = revision.snapshot
    sections = [
        {
            "number": number,
            "kind": section.get("kind", ""),
            "heading": section.get("heading", ""),
            "question": section.get("question", ""),
            "body": section.get("body", ""),
            "items": section.get("items", ""),
            "cta_label": section.get("cta_label", ""),
        }
        for number, section in enumerate(data.get("sections", []), start=1)
    ]
    return {"title": data.get("title", ""), "summary": data.get("summary", ""), "sections": sections}


class TranslationFilter(admin.SimpleListFilter):
    title = gettext_lazy("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("out-of-date", gettext_lazy("out of date")), ("up-to-date", gettext_lazy("up to date"))]

    def queryset(self, request, queryset):
        if self.value() == "out-of-date":
            return queryset.translations_out_of_date()
        if self.value() == "up-to-date":
            return queryset.translations_up_to_date()
        return queryset
