"""The review buttons and the editor checks, for the page editor's publish panel."""

import re

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from content import checks, services, snapshot, versions
from content.models import ReviewRequest
from nexus import roles

register = template.Library()


@register.simple_tag(takes_context=True)
def review_panel(context, page):
    """What the review part of the panel shows for `page` to the signed-in user."""
    user = context["request"].user
    content_hash = snapshot.fingerprint(snapshot.raw(page))
    covered = services.has_current_review(page, content_hash)
    waiting = ReviewRequest.objects.waiting().filter(page=page).first()
    review = versions.last_review(page)
    return {
        "covered": covered,
        "waiting": waiting,
        "last_review": review,
        "can_request": user.has_perm("content.change_page") and page.is_clinical and not covered and waiting is None,
        "can_record": roles.has_role(user, roles.CLINICAL_REVIEWERS)
        and page.is_clinical
        and not covered
        and services.reads_language(user, page.language),
        "diff_url": reverse("admin:content_page_diff", args=[page.pk]),
    }


@register.simple_tag
def editor_checks(page):
    """The checks of the saved draft (the editor's script then checks the form as it is typed)."""
    return checks.for_page(page)


@register.inclusion_tag("admin/content/page/_checks.html")
def checks_list(findings, editing=False):
    return {"findings": findings, "editing": editing}


@register.filter
def any_blocking(findings):
    """Whether a finding stops publishing (the checks then open by themselves)."""
    return any(finding.blocks for finding in findings)


CITED_WORD = re.compile(r"\S*\[\^\d{1,3}\]\S*")


@register.filter
def citations_kept_whole(text):
    """Plain text, escaped, with each word carrying a citation ("addiction.[^1]") kept on one line:
    a browser may otherwise break it between the full stop and the bracket."""
    text, pairs, start = text or "", [], 0
    for match in CITED_WORD.finditer(text):
        pairs.append((text[start : match.start()], match.group(0)))
        start = match.end()
    return format_html_join("", '{}<span class="cited-word">{}</span>', pairs) + format_html("{}", text[start:])
