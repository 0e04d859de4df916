"""Checking a sign-in code against the one device it can belong to, with django-otp's throttle.

Each device waits 1, 2, 4, 8... seconds (OTP_*_THROTTLE_FACTOR) after each wrong code, in the
database, so the wait holds across sessions, addresses and django-axes unlocks. django-otp's
`match_token` tries every device and so counts a backup code as a wrong authenticator code (and
the other way round); here the code's shape picks the device.
"""

import math

from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

WRONG = "That code did not work. Check the time on your phone and try again."


def wait_message(seconds):
    unit = "second" if seconds == 1 else "seconds"
    return f"Too many wrong codes for this account. Wait {seconds} {unit}, then enter a new code."


def normalise(code):
    return "".join(code.split()).lower()


def candidates(user, code):
    model = TOTPDevice if code.isdigit() else StaticDevice
    return model.objects.devices_for_user(user, confirmed=True)


def seconds_to_wait(device):
    """0 when the device may check a code now, else whole seconds until it may."""
    allowed, data = device.verify_is_allowed()
    if allowed:
        return 0
    until = (data or {}).get("locked_until")
    return max(1, math.ceil((until - timezone.now()).total_seconds())) if until else 1


def verify(user, code, devices=None):
    """(the device that accepted `code`, 0), or (None, seconds to wait, 0 when simply wrong).

    A throttled device does not look at the code at all, so a right code is refused too: the
    caller says "wait", not "wrong".
    """
    code = normalise(code)
    wait = 0
    for candidate in candidates(user, code) if devices is None else devices:
        # The throttle is read and written under the device's row lock, so guesses sent at once
        # queue: the first is checked, the others find the device waiting.
        with transaction.atomic():
            device = Device.from_persistent_id(candidate.persistent_id, for_verify=True)
            if device is None or device.user_id != user.pk:
                continue
            if delay := seconds_to_wait(device):
                wait = max(wait, delay)
            elif device.verify_token(code):
                return device, 0
    return None, wait
