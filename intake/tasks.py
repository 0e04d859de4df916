import logging
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from intake import reminders
from intake.models import Inquiry
from nexus.periodic import reschedule
from nexus.site_url import absolute

logger = logging.getLogger(__name__)


@task
def notify_new_inquiry(inquiry_id):
    """Tell the admissions inbox a lead arrived: its number, urgency, whether to speak Spanish and
    the admin link, nothing personal.

    A failed send is recorded on the lead (staff see "failed" in the list) and never undoes it.
    """
    inquiry = Inquiry.objects.only("pk", "kind", "in_danger", "language", "prefers_spanish").get(pk=inquiry_id)
    link = absolute(reverse("admin:intake_inquiry_change", args=[inquiry.pk]))
    spanish = inquiry.wants_spanish()
    urgent = "URGENT: " if inquiry.in_danger else ""
    subject = f"{urgent}New inquiry #{inquiry.pk}{reminders.SPANISH if spanish else ''}"
    context = {"inquiry": inquiry, "link": link, "spanish": spanish}
    # The desk reads its email in the site's language, whatever the form's was (an immediate task
    # backend runs this inside a Spanish request).
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("intake/email/new_inquiry.txt", context)
    try:
        send_mail(subject, body, None, [settings.NEXUS_ADMISSIONS_EMAIL])
    except (SMTPException, OSError) as error:
        logger.warning("intake: notification for lead #%s failed (%s)", inquiry.pk, type(error).__name__)
        status = Inquiry.Notification.FAILED
    else:
        status = Inquiry.Notification.SENT
    Inquiry.objects.filter(pk=inquiry.pk).update(notification=status)
    return status


@task
def send_reminders():
    """Every minute: follow-ups falling due and urgent leads unanswered, each reminded once."""
    sent = reminders.send_due()
    reschedule(send_reminders, every=timedelta(minutes=1))
    return sent
