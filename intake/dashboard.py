"""Admissions figures: what needs attention now, and how leads moved over 30 and 90 days."""

from datetime import timedelta
from statistics import median

from django.db.models import Count
from django.utils import timezone

from intake.models import CallClick, Inquiry


def funnel(leads):
    counts = dict(leads.values_list("status").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    admitted = counts.get(Inquiry.Status.ADMITTED, 0)
    return {
        "total": total,
        "stages": [(value, label, counts.get(value, 0)) for value, label in Inquiry.Status.choices],
        "admitted": admitted,
        "conversion": round(100 * admitted / total, 1) if total else None,
    }


def median_first_contact(leads):
    durations = [
        (contact - created).total_seconds()
        for created, contact in leads.filter(first_contact_at__isnull=False).values_list(
            "created_at", "first_contact_at"
        )
    ]
    return timedelta(seconds=round(median(durations))) if durations else None


def top(queryset, field, limit=10):
    return list(queryset.values_list(field).annotate(n=Count("pk")).order_by("-n", field)[:limit])


def figures(now=None):
    now = now or timezone.now()
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    last_30, last_90 = now - timedelta(days=30), now - timedelta(days=90)
    leads_90 = Inquiry.objects.since(last_90)
    clicks_90 = CallClick.objects.since(last_90)
    return {
        "today": today,
        "since_30": last_30,
        "since_90": last_90,
        "new_today": Inquiry.objects.since(today).count(),
        "unassigned": Inquiry.objects.unassigned().count(),
        "overdue": Inquiry.objects.overdue(now).count(),
        "urgent": Inquiry.objects.urgent().count(),
        "funnel_30": funnel(Inquiry.objects.since(last_30)),
        "funnel_90": funnel(leads_90),
        "median_first_contact_30": median_first_contact(Inquiry.objects.since(last_30)),
        "median_first_contact_90": median_first_contact(leads_90),
        "leads_by_landing": top(leads_90, "landing_path"),
        "leads_by_source": top(leads_90, "source"),
        "calls_by_landing": top(clicks_90, "landing_path"),
        "calls_by_source": top(clicks_90, "source"),
        "calls_90": clicks_90.count(),
    }
