import logging
from smtplib import SMTPException

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from content.models import ReviewRequest
from nexus import roles
from nexus.site_url import absolute

logger = logging.getLogger(__name__)


def reviewer_addresses(language):
    """Active clinical reviewers whose profile reads `language`: only they can review the page."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.CLINICAL_REVIEWERS, clinical_reviewer__isnull=False)
        .exclude(email="")
        .values_list("email", "clinical_reviewer__languages")
    )
    return sorted({email for email, languages in users if language in (languages or [])})


@task
def notify_review_requested(request_id):
    """Email each clinical reviewer that a page waits for them: its number and a link, no content.

    One message per reviewer (no one sees the others' addresses); a failed send leaves the request in
    the queue, where reviewers see it on their home page anyway."""
    request = ReviewRequest.objects.select_related("page").only("pk", "page_id", "page__language").get(pk=request_id)
    context = {
        "page_id": request.page_id,
        "link": absolute(reverse("admin:content_page_diff", args=[request.page_id])),
        "queue": absolute(reverse("admin:index")),
    }
    subject = f"Clinical review requested: page #{request.page_id}"
    body = render_to_string("content/email/review_requested.txt", context)
    sent = 0
    for address in reviewer_addresses(request.page.language):
        try:
            send_mail(subject, body, None, [address])
        except (SMTPException, OSError) as error:
            logger.warning("content: review request #%s not sent (%s)", request.pk, type(error).__name__)
        else:
            sent += 1
    if sent:
        ReviewRequest.objects.filter(pk=request.pk).update(notified_at=timezone.now())
    return sent
