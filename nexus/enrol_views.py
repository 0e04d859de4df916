"""Two-factor enrolment for signed-in staff: a TOTP authenticator app, then backup codes."""

import django_otp
import segno
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus.signin_forms import CodeForm

BACKUP_CODES = 10


def _backup_codes(user):
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(user=user, name="backup", defaults={"confirmed": True})
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@never_cache
@login_required
def enrol(request):
    user = request.user
    if not user.is_staff:
        return redirect("/")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        return render(
            request, "nexus/signin/enrolled.html", admin.site.each_context(request) | {"title": "Two-factor sign-in"}
        )
    device, _ = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "authenticator"})
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            codes = _backup_codes(user)
            context = admin.site.each_context(request) | {"codes": codes, "title": "Your backup codes"}
            return render(request, "nexus/signin/backup_codes.html", context)
        form.add_error("code", "That code did not work. Check the time on your phone and try again.")
    qr = segno.make(device.config_url, error="m")
    context = admin.site.each_context(request) | {
        "form": form,
        "title": "Set up two-factor sign-in",
        "qr_svg": qr.svg_inline(scale=5, dark="#000", light="#fff", omitsize=False),
        "secret": device.config_url.split("secret=")[1].split("&")[0],
    }
    return render(request, "nexus/signin/enrol.html", context)


@never_cache
@login_required
def new_backup_codes(request):
    if request.method != "POST" or not request.user.is_verified():
        return redirect("nexus:enrol")
    codes = _backup_codes(request.user)
    return render(
        request,
        "nexus/signin/backup_codes.html",
        admin.site.each_context(request) | {"codes": codes, "title": "Your backup codes"},
    )
