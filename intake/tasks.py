import logging
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from intake import reminders
from intake.models import Inquiry
from nexus.periodic import reschedule
from nexus.site_url import absolute

logger = logging.getLogger(__name__)


@task
def notify_new_inquiry(inquiry_id):
    """Tell the admissions inbox a lead arrived: its number, urgency and admin link, nothing personal.

    A failed send is recorded on the lead (staff see "failed" in the list) and never undoes it.
    """
    inquiry = Inquiry.objects.only("pk", "kind", "in_danger").get(pk=inquiry_id)
    link = absolute(reverse("admin:intake_inquiry_change", args=[inquiry.pk]))
    subject = f"{'URGENT: ' if inquiry.in_danger else ''}New inquiry #{inquiry.pk}"
    body = render_to_string("intake/email/new_inquiry.txt", {"inquiry": inquiry, "link": link})
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
