"""HTTP only: forms decide what is valid, services change state, templates say what happened."""

import logging

from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from newsletter import services, tokens
from newsletter.forms import SignupForm
from newsletter.models import Issue
from nexus import locale, origin

logger = logging.getLogger(__name__)


def private(response):
    """Token pages: never cached, never indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@csrf_exempt  # no CSRF cookie on shared-cached pages; the Origin check below refuses other sites (nexus/origin.py)
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.method != "POST":
        return render(request, "newsletter/signup.html", {"form": SignupForm(initial={"source": "page"})})
    if not origin.is_same_origin(request):
        logger.info("newsletter: sign-up refused, not from this site")
        return private(render(request, "newsletter/forbidden.html", status=403))
    form = SignupForm(request.POST)
    if form.is_spam:
        logger.info("newsletter: honeypot filled, nothing stored")
        return redirect("newsletter:check_inbox")
    if not form.is_valid():
        return private(render(request, "newsletter/signup.html", {"form": form}))
    data = form.cleaned_data
    services.request_signup(
        email=data["email"],
        first_name=data["first_name"],
        source=form.source_label(),
        consent_version=data["consent_version"],
    )
    # The same answer, and the same work, whatever the address's state: the form reveals nothing
    # about who subscribed (services.request_signup leaves every look-up to the background task).
    return redirect("newsletter:check_inbox")


@require_safe
def check_inbox(request):
    return render(request, "newsletter/check_inbox.html")


@csrf_exempt  # the signed token in the URL is the credential; no cookie is involved
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    try:
        key, signup_round = tokens.read_confirm_token(token)
    except tokens.TokenError as error:
        status = 410 if error.code == "expired" else 400
        return private(render(request, "newsletter/link_problem.html", {"problem": error.code}, status=status))
    if request.method != "POST":  # mail scanners open links: a GET only shows the button
        return private(render(request, "newsletter/confirm.html", {"token": token}))
    result = services.confirm(key=key, signup_round=signup_round)
    if result == "stale":
        return private(render(request, "newsletter/link_problem.html", {"problem": "stale"}, status=410))
    return private(render(request, "newsletter/confirmed.html"))


@csrf_exempt  # RFC 8058 one-click: the mail provider POSTs with no cookie; the signed token is the credential
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        key = tokens.read_unsubscribe_token(token)
    except tokens.TokenError:
        return private(render(request, "newsletter/link_problem.html", {"problem": "invalid"}, status=400))
    if request.method != "POST":
        return private(render(request, "newsletter/unsubscribe.html", {"token": token}))
    # An unknown key belongs to an erased subscriber: nothing is left to mail, so this is still true.
    services.unsubscribe(key=key)
    return private(render(request, "newsletter/unsubscribed.html"))


@require_safe
def archive(request):
    """The issues sent in the page's language."""
    issues = Issue.objects.archived().in_language(locale.site_language())
    return render(request, "newsletter/archive.html", {"issues": issues})


@require_safe
def archive_detail(request, pk):
    """An issue's page, in the issue's language, at its own language's address."""
    issue = get_object_or_404(Issue.objects.sent(), pk=pk)
    if request.path != (own := issue.get_absolute_url()):
        return redirect(own, permanent=True)
    with translation.override(issue.language):
        response = render(request, "newsletter/archive_detail.html", {"issue": issue})
    response["Content-Language"] = issue.language
    return response
