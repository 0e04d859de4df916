"""Reminders: a follow-up falling due tells its owner; an urgent lead left unanswered tells the leads.

Each reminder is sent once: the lead's row is locked while it is checked and its Reminder row
written (unique per lead, kind and moment), so a second run, or one at the same moment, finds
the row and sends nothing. The email carries the lead's number, a link and "Spanish-speaking"
when the lead wants Spanish, never who it is.
A send that fails rolls its row back, so the next run tries again.
"""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from intake import services
from intake.models import Inquiry, Reminder
from nexus.roles import ADMISSIONS_LEAD
from nexus.site_url import absolute

logger = logging.getLogger(__name__)
URGENT_UNANSWERED_AFTER = timedelta(minutes=15)
# Added to a staff email's subject about a lead to speak Spanish with (Inquiry.wants_spanish).
SPANISH = " (Spanish-speaking)"


def _not_reminded(kind, moment_field):
    return ~Exists(Reminder.objects.filter(inquiry=OuterRef("pk"), kind=kind, due=OuterRef(moment_field)))


def due_follow_ups(now):
    return (
        Inquiry.objects.follow_ups_due(now)
        .filter(_not_reminded(Reminder.Kind.FOLLOW_UP, "follow_up_due"))
        .values_list("pk", "follow_up_due")
    )


def unanswered_urgent(now):
    leads = Inquiry.objects.urgent_unanswered(after=URGENT_UNANSWERED_AFTER, now=now)
    done = Reminder.objects.filter(inquiry=OuterRef("pk"), kind=Reminder.Kind.URGENT_UNANSWERED)
    return leads.filter(~Exists(done)).values_list("pk", "created_at")


def admissions_leads():
    users = get_user_model().objects.filter(is_active=True, groups__name=ADMISSIONS_LEAD).exclude(email="")
    return list(users.distinct().order_by("pk"))


def _send(*, kind, inquiry_id, due, still_due, recipients, fallback=()):
    """Lock the lead, check it still needs this reminder, record it and send it: True if sent.

    `still_due` is the set the lead must still be in once locked: a follow-up moved, a lead
    closed or contacted meanwhile is not reminded about.
    """
    try:
        with transaction.atomic():
            lead = (
                still_due.select_for_update()
                .filter(pk=inquiry_id)
                .only("pk", "owner", "language", "prefers_spanish")
                .first()
            )
            if lead is None or Reminder.objects.filter(inquiry=lead, kind=kind, due=due).exists():
                return False
            recipients = recipients(lead)
            to = [user.email for user in recipients if user.email] or list(fallback)
            reminder = Reminder.objects.create(inquiry=lead, kind=kind, due=due)
            reminder.recipients.set(recipients)
            services.reminder_sent(reminder=reminder)
            if to:
                spanish = lead.wants_spanish()
                link = absolute(reverse("admin:intake_inquiry_change", args=[lead.pk]))
                context = {"lead_id": lead.pk, "link": link, "spanish": spanish}
                with translation.override(settings.LANGUAGE_CODE):
                    body = render_to_string(f"intake/email/reminder_{kind}.txt", context)
                subject = {
                    Reminder.Kind.FOLLOW_UP: f"Follow-up due: lead #{lead.pk}",
                    Reminder.Kind.URGENT_UNANSWERED: f"URGENT lead #{lead.pk} unanswered for 15 minutes",
                }[kind] + (SPANISH if spanish else "")
                send_mail(subject, body, None, to)
    except IntegrityError:  # another run recorded it between our check and our insert
        return False
    except (SMTPException, OSError) as error:
        logger.warning("intake: %s reminder for lead #%s failed (%s)", kind, inquiry_id, type(error).__name__)
        return False
    return True


def send_due(now=None):
    """One scheduler round: every follow-up due and every urgent lead waiting too long, once."""
    now = now or timezone.now()
    sent = 0
    for pk, due in list(due_follow_ups(now)):
        sent += _send(
            kind=Reminder.Kind.FOLLOW_UP,
            inquiry_id=pk,
            due=due,
            still_due=Inquiry.objects.follow_ups_due(now).filter(follow_up_due=due),
            recipients=lambda lead: [lead.owner] if lead.owner.is_active else [],
        )
    leads = admissions_leads()
    for pk, created in list(unanswered_urgent(now)):
        sent += _send(
            kind=Reminder.Kind.URGENT_UNANSWERED,
            inquiry_id=pk,
            due=created + URGENT_UNANSWERED_AFTER,
            still_due=Inquiry.objects.urgent_unanswered(after=URGENT_UNANSWERED_AFTER, now=now),
            recipients=lambda lead: leads,
            fallback=[settings.NEXUS_ADMISSIONS_EMAIL],
        )
    return sent
