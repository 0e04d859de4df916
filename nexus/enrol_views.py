"""Two-factor enrolment for signed-in staff: a TOTP authenticator app, then backup codes.

A first authenticator needs a one-time enrolment link (nexus.services.issue_enrolment_link):
a password alone must never be enough to attach a device of one's own to an account.
"""

import django_otp
import segno
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus import codes, enrolment, services
from nexus.signin_forms import CodeForm

LINK_KEY = "nexus_enrolment_link"
LINK_DEVICE = "nexus_enrolment_device"


@never_cache
def open_link(request, token):
    """Keep the link's token in the session and drop it from the address bar (as Django's
    password-reset confirmation does), so it never sits in history or a Referer."""
    request.session[LINK_KEY] = token[:100]
    return redirect("nexus:enrol")


def _claimed_device(request):
    """The unconfirmed authenticator this session earned with a link, if it is still there."""
    pk = request.session.get(LINK_DEVICE)
    return TOTPDevice.objects.filter(pk=pk, user=request.user, confirmed=False).first() if pk else None


def _page(request, template, title, **context):
    return render(request, f"nexus/signin/{template}", admin.site.each_context(request) | {"title": title} | context)


@never_cache
@login_required
def enrol(request):
    user = request.user
    if not user.is_staff:
        return redirect("/")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return _page(request, "enrolled.html", "Two-factor sign-in is on")
    device, problem = _claimed_device(request), ""
    if device is None and LINK_KEY in request.session:
        device, problem = services.use_enrolment_link(user=user, token=request.session.pop(LINK_KEY))
        if device is not None:
            request.session[LINK_DEVICE] = device.pk
    if device is None:
        return _page(
            request, "need_link.html", "Set up two-factor sign-in", problem=problem, link_lifetime=enrolment.lifetime()
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted, wait = codes.verify(user, form.cleaned_data["code"], devices=[device])
        if accepted is not None:
            backup_codes = services.confirm_authenticator(device=accepted)
            request.session.pop(LINK_DEVICE, None)
            django_otp.login(request, accepted)
            return _page(request, "backup_codes.html", "Your backup codes", codes=backup_codes)
        form.add_error("code", codes.wait_message(wait) if wait else codes.WRONG)
    qr = segno.make(device.config_url, error="m")
    return _page(
        request,
        "enrol.html",
        "Set up two-factor sign-in",
        form=form,
        qr_svg=qr.svg_inline(scale=5, dark="#000", light="#fff", omitsize=False),
        secret=device.config_url.split("secret=")[1].split("&")[0],
    )


@never_cache
@login_required
def new_backup_codes(request):
    if request.method != "POST" or not request.user.is_verified():
        return redirect("nexus:enrol")
    return _page(request, "backup_codes.html", "Your backup codes", codes=services.new_backup_codes(user=request.user))
