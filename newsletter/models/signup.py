from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nexus.crypto import EncryptedTextField


class SignupRequest(models.Model):
    """A sign-up form as it arrived, waiting for the background task that decides what it means.

    The request path only stores this row and queues its id: the same write and the same task
    whatever the address's state, so the answer's timing says nothing about who is subscribed.
    The task deletes the row; task arguments (kept in the task backend's table) hold only the id.
    """

    email = EncryptedTextField(_("email address"))
    first_name = EncryptedTextField(_("first name"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    consent_version = models.CharField(_("consent wording version"), max_length=32)
    # The page's language when they signed up: the subscriber's language (and their emails').
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    created_at = models.DateTimeField(_("received at"), default=timezone.now)

    class Meta:
        verbose_name = _("sign-up request")
        verbose_name_plural = _("sign-up requests")

    def __str__(self):
        return f"Sign-up request #{self.pk}"
