"""Staff sign-in in two steps: password, then a code (TOTP or a one-time backup code).

Both steps count towards django-axes' lockout (5 failures per username, from any address), and every
message is the same whether or not the account exists.
"""

import time

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model, login
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from nexus import codes
from nexus.signin_forms import CodeForm, StaffAuthenticationForm

PENDING_USER = "nexus_pending_user"
PENDING_SINCE = "nexus_pending_since"
PENDING_NEXT = "nexus_pending_next"
PENDING_SECONDS = 300
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def locked_out(request, original_response=None, credentials=None):
    return render(request, "nexus/signin/locked.html", admin.site.each_context(request), status=429)


def _safe_next(request, candidate):
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("admin:index")


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def password_step(request):
    form = StaffAuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
        if django_otp.user_has_device(user, confirmed=True):
            request.session.cycle_key()
            request.session[PENDING_USER] = user.pk
            request.session[PENDING_SINCE] = time.time()
            request.session[PENDING_NEXT] = next_url
            return redirect("nexus:signin-code")
        login(request, user)
        # Without a device, the staff middleware sends the user to enrol when 2FA is required.
        return redirect(next_url)
    if getattr(request, "axes_locked_out", False):
        return locked_out(request)
    context = admin.site.each_context(request) | {
        "form": form,
        "title": "Staff sign-in",
        "next": request.GET.get("next", ""),
        "site_header": admin.site.site_header,
        # The page says what comes next under these settings (locally: no code step, no enrolment).
        "require_2fa": settings.NEXUS_REQUIRE_2FA,
    }
    return render(request, "nexus/signin/password.html", context)


def _pending_user(request):
    pk, since = request.session.get(PENDING_USER), request.session.get(PENDING_SINCE, 0)
    if pk is None or time.time() - since > PENDING_SECONDS:
        return None
    return get_user_model().objects.filter(pk=pk, is_active=True, is_staff=True).first()


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def code_step(request):
    user = _pending_user(request)
    if user is None:
        return redirect("admin:login")
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return locked_out(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, wait = codes.verify(user, form.cleaned_data["code"])
        if wait:
            # No code was checked, so nothing counts towards the lockout either.
            form.add_error("code", codes.wait_message(wait))
        elif device is not None:
            next_url = request.session.get(PENDING_NEXT) or reverse("admin:index")
            login(request, user, backend=MODEL_BACKEND)
            django_otp.login(request, device)
            for key in (PENDING_USER, PENDING_SINCE, PENDING_NEXT):
                request.session.pop(key, None)
            return redirect(next_url)
        else:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if not AxesProxyHandler.is_allowed(request, credentials):
                return locked_out(request)
            form.add_error("code", codes.WRONG)
    context = admin.site.each_context(request) | {"form": form, "title": "Enter your code"}
    return render(request, "nexus/signin/code.html", context)
