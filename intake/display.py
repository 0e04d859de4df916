"""How the admissions screens show a moment and a status: words first, colour as a second cue."""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext as _

from intake.models import Inquiry

# Each status's colour family; the label is always written too (colour is never the only cue).
STATUS_TONES = {
    Inquiry.Status.NEW: "new",
    Inquiry.Status.CONTACTED: "working",
    Inquiry.Status.SCREENING: "working",
    Inquiry.Status.INSURANCE: "working",
    Inquiry.Status.ASSESSMENT: "working",
    Inquiry.Status.ADMITTED: "admitted",
    Inquiry.Status.REFERRED_OUT: "closed",
    Inquiry.Status.LOST: "closed",
}


def exact(moment):
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


def relative(moment, now=None):
    """ "1 hour 2 minutes ago", or "in 3 hours" for a moment still to come."""
    now = now or timezone.now()
    if moment > now:
        return _("in %(time)s") % {"time": timeuntil(moment, now).replace(",", "")}
    if now - moment < timedelta(minutes=1):
        return _("just now")
    return _("%(time)s ago") % {"time": timesince(moment, now).replace(",", "")}


def when(moment, now=None, *, css=""):
    """A moment as words people read at a glance, the exact time on hover and for machines."""
    if moment is None:
        return "-"
    return format_html(
        '<time datetime="{}" title="{}"{}>{}</time>',
        moment.isoformat(),
        exact(moment),
        format_html(' class="{}"', css) if css else "",
        relative(moment, now),
    )


def status_badge(status):
    label = Inquiry.Status(status).label
    return format_html('<span class="lead-status lead-status-{}">{}</span>', STATUS_TONES.get(status, "new"), label)


def language_badge(inquiry):
    """ "Spanish" or "Prefers Spanish" as a badge beside the lead (Inquiry.language_label), or nothing."""
    label = inquiry.language_label()
    return format_html('<span class="lead-flag lead-flag-language">{}</span>', label) if label else ""
