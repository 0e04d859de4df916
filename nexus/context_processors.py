from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nexus.phone import sms_href, tel_href

CRISIS_LINES = {
    "emergency": {"label": _("Emergency"), "number": "911", "tel": "tel:911"},
    "lifeline": {"label": _("988 Suicide & Crisis Lifeline"), "number": "988", "tel": "tel:988", "sms": "sms:988"},
    "samhsa": {"label": _("SAMHSA National Helpline"), "number": "1-800-662-4357", "tel": "tel:+18006624357"},
}


def site(request):
    """The center's name, phone and address, and the crisis lines, for every template."""
    return {
        "site": {
            "name": settings.NEXUS_CENTER_NAME,
            "phone": settings.NEXUS_PHONE,
            "phone_tel": tel_href(settings.NEXUS_PHONE),
            "phone_sms": sms_href(settings.NEXUS_PHONE),
            "address": settings.NEXUS_ADDRESS,
        },
        "crisis": CRISIS_LINES,
    }
