"""Marketing's panel on the staff home (nexus.admin_home): issues not sent yet."""

from django.urls import reverse
from django.utils import formats, timezone

from newsletter.models import Issue


def home_panels(request):
    if not request.user.has_perm("newsletter.change_issue"):
        return []
    issues = Issue.objects.filter(status__in=[Issue.Status.DRAFT, Issue.Status.SCHEDULED]).order_by(
        "scheduled_at", "-updated_at"
    )[:10]
    items = []
    for issue in issues:
        if issue.status == Issue.Status.SCHEDULED:
            meta = "sends " + formats.date_format(timezone.localtime(issue.scheduled_at), "j M Y, H:i")
        else:
            meta = "draft, changed " + formats.date_format(timezone.localtime(issue.updated_at), "j M Y")
        items.append(
            {"label": issue.subject, "url": reverse("admin:newsletter_issue_change", args=[issue.pk]), "meta": meta}
        )
    return [
        {
            "title": "Newsletter issues not sent yet",
            "items": items,
            "more_url": reverse("admin:newsletter_issue_changelist"),
            "empty": "No drafts or scheduled issues.",
        }
    ]
