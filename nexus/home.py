"""Site-wide panels on the staff home: colleagues locked out of signing in (for those who unlock)."""

from django.urls import reverse


def home_panels(request):
    if request.user.is_superuser or not request.user.has_perm("axes.view_accessattempt"):
        return []  # superusers find the lockouts among the technical sections
    from axes.models import AccessAttempt

    locked = AccessAttempt.objects.order_by("-attempt_time")[:10]
    return [
        {
            "title": "Sign-in lockouts",
            "items": [
                {
                    "label": attempt.username or "(no username)",
                    "url": reverse("admin:axes_accessattempt_change", args=[attempt.pk]),
                    "meta": f"{attempt.failures_since_start} failed attempts",
                }
                for attempt in locked
            ],
            "more_url": reverse("admin:axes_accessattempt_changelist"),
            "empty": "Nobody is locked out.",
        }
    ]
