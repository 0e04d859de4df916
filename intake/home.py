"""Panels for the admin home page (called by the role-based home, never rendering it itself).

Labels carry lead numbers, urgency, "Spanish-speaking" and times only, never a name: the home page may be glanced
at by anyone passing a screen. Names are on My work, one click away.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from intake import display, services, work
from intake.models import Inquiry

PANEL_SIZE = 5
PANEL_FIELDS = ["pk", "in_danger", "follow_up_due", "created_at", "status", "language", "prefers_spanish"]


def _label(lead, now):
    parts = [f"Lead #{lead.pk}"]
    if lead.in_danger:
        parts.append(_("urgent"))
    if lead.wants_spanish():
        parts.append(_("Spanish-speaking"))
    if lead.follow_up_due:
        due = timezone.localtime(lead.follow_up_due)
        stamp = f"{due:%H:%M}" if due.date() == timezone.localtime(now).date() else f"{due:%Y-%m-%d %H:%M}"
        parts.append((_("overdue since %(at)s") if lead.follow_up_due < now else _("due %(at)s")) % {"at": stamp})
    return " · ".join(parts)


def _panel(title, queryset, more_url, now):
    leads = list(queryset.by_urgency().only(*PANEL_FIELDS)[:PANEL_SIZE])
    items = [
        {
            "label": _label(lead, now),
            "url": reverse("admin:intake_inquiry_change", args=[lead.pk]),
            "meta": _("received %(ago)s") % {"ago": display.relative(lead.created_at, now)},
        }
        for lead in leads
    ]
    return {"title": title, "items": items, "more_url": more_url}, [lead.pk for lead in leads]


def home_panels(request) -> list[dict]:
    """[{"title", "items": [{"label", "url", "meta"}], "more_url"}] for Admissions roles, else []."""
    user = request.user
    if not work.can_see(user):
        return []
    now = timezone.now()
    leads = Inquiry.objects.open()
    my_work = reverse("admin:intake_inquiry_my_work")
    if work.is_team_lead(user):
        wanted = [(_("Overdue follow-ups, everyone's"), leads.overdue(now), work.changelist("attention=overdue"))]
    else:
        wanted = [(_("Your follow-ups due"), leads.filter(owner=user, follow_up_due__lte=now), my_work)]
    wanted.append((_("New leads nobody owns yet"), leads.unassigned(), work.changelist("attention=unassigned")))
    panels, shown = [], []
    for title, queryset, more_url in wanted:
        panel, ids = _panel(title, queryset, more_url, now)
        panels.append(panel)
        shown += ids
    if shown:
        services.work_viewed(by=user, shown=sorted(set(shown)), scope="home page")
    return panels
