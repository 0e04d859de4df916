"""The reviewer's screens: compare two versions of a page, request a review, record one in one step.

Registered on the page admin (`PageAdmin.get_urls` adds `urls(self)`); views only translate HTTP,
the writes are content.services.request_review and record_review.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from content import checks, diff, services, snapshot, versions
from content.models import Page, ReviewRequest
from nexus import roles


def urls(model_admin):
    wrap = model_admin.admin_site.admin_view

    def bind(view, post=False):
        def bound(request, *args, **kwargs):
            return view(model_admin, request, *args, **kwargs)

        return wrap(require_POST(bound) if post else bound)

    return [
        path("<int:pk>/changes/", bind(diff_view), name="content_page_diff"),
        path("<int:pk>/request-review/", bind(request_review_view, post=True), name="content_page_request_review"),
        path("<int:pk>/record-review/", bind(record_review_view, post=True), name="content_page_record_review"),
        path("<int:pk>/checks/", bind(checks_view, post=True), name="content_page_checks"),
        path("choose/", bind(chooser_view), name="content_page_chooser"),
    ]


def diff_view(model_admin, request, pk):
    if not request.user.has_perm("content.view_page"):
        raise PermissionDenied
    page = get_object_or_404(Page.objects.select_related("live_revision"), pk=pk)
    options = versions.choices(page)
    keys = {key for key, _label in options}
    default_from, default_to = versions.default_pair(page)
    before_key = request.GET.get("from", default_from)
    after_key = request.GET.get("to", default_to)
    if before_key not in keys or after_key not in keys:
        messages.error(request, _("That version does not exist; showing the changes since the last review."))
        return redirect("admin:content_page_diff", page.pk)
    _found, before = versions.load(page, before_key)
    _found, after = versions.load(page, after_key)
    draft = snapshot.raw(page)
    draft_hash = snapshot.fingerprint(draft)
    is_reviewer = roles.has_role(request.user, roles.CLINICAL_REVIEWERS)
    reads = services.reads_language(request.user, page.language)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Changes to page #%(pk)s") % {"pk": page.pk},
        "subtitle": page.title,
        "opts": Page._meta,
        "original": page,
        "options": options,
        "before_key": before_key,
        "after_key": after_key,
        "before_label": dict(options)[before_key],
        "after_label": dict(options)[after_key],
        "before_missing": before is None and before_key not in ("none",),
        "diff": diff.compare(before, after),
        "draft_hash": draft_hash,
        "is_reviewer": is_reviewer,
        "can_record": is_reviewer and after_key == "draft" and page.is_clinical and reads,
        "reads_language": reads,
        "page_language": services.language_name(page.language),
        "covered": services.has_current_review(page, draft_hash),
        "waiting": ReviewRequest.objects.waiting().filter(page=page).first(),
        "last_review": versions.last_review(page),
    }
    return TemplateResponse(request, "admin/content/page/diff.html", context)


def request_review_view(model_admin, request, pk):
    if not request.user.has_perm("content.change_page"):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=pk)
    try:
        _request, created = services.request_review(page=page, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if created:
            messages.success(request, _("Review requested: the clinical reviewers have been emailed a link."))
        else:
            messages.info(request, _("This page is already waiting for review; it stays in the queue."))
    return redirect("admin:content_page_change", page.pk)


def record_review_view(model_admin, request, pk):
    page = get_object_or_404(Page, pk=pk)
    if not roles.has_role(request.user, roles.CLINICAL_REVIEWERS):
        raise PermissionDenied
    seen = request.POST.get("seen", "")
    try:
        services.record_review(page=page, user=request.user, notes=request.POST.get("notes", "")[:2000], seen_hash=seen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your review of this draft is recorded, in your name, today."))
    back = reverse("admin:content_page_diff", args=[page.pk])
    query = {key: request.POST[key] for key in ("from", "to") if request.POST.get(key)}
    return redirect(f"{back}?{urlencode(query)}" if query else back)


def checks_view(model_admin, request, pk):
    """The checks of the form as it is being edited (posted by static/js/editor-checks.js), as HTML."""
    if not request.user.has_perm("content.change_page"):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=pk)
    data = checks.data_from_form(request.POST, page)
    html = checks.render_panel(checks.run(data, language=page.language), editing=True)
    response = HttpResponse(html)
    response["Cache-Control"] = "private, no-store"
    return response


def chooser_view(model_admin, request):
    from content.admin import chooser

    return chooser.chooser_view(model_admin, request)
