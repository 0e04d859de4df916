from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))

    def update(self, **kwargs):
        raise PermissionDenied("The audit trail is append-only.")

    def delete(self):
        raise PermissionDenied("The audit trail is append-only.")


class AuditEvent(models.Model):
    """One thing a staff member did to personal data: who, what, which record, when.

    Append-only: rows are created through `record()` and never updated or deleted from the
    application (the admin shows them read-only). Details must never hold personal data.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("viewed")
        CHANGE = "change", _("changed")
        ADD = "add", _("added")
        DELETE = "delete", _("deleted")
        EXPORT = "export", _("exported")
        IMPORT = "import", _("imported")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("what"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("record type"), max_length=100)
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    detail = models.CharField(_("detail"), max_length=255, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise PermissionDenied("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit trail is append-only.")


class WorkerHeartbeat(models.Model):
    """When a task worker last ran the heartbeat task: /healthz reads it to tell a worker is alive."""

    name = models.CharField(_("name"), max_length=50, primary_key=True)
    beat_at = models.DateTimeField(_("last beat"))

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self):
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"


class EnrolmentLinkQuerySet(models.QuerySet):
    def pending(self, now=None):
        return self.filter(used_at__isnull=True, expires_at__gt=now or timezone.now())


class EnrolmentLink(models.Model):
    """A one-time, expiring link that lets one staff member set up their first authenticator.

    Only a hash of the link's token is kept: the link itself is shown once, to whoever issued it.
    Without one, a password alone is not enough to enrol a device of one's own.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("for"), on_delete=models.CASCADE, related_name="+"
    )
    # Empty when an operator issued it from the command line.
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    objects = EnrolmentLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment link")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("issued_at")), name="enrolment_link_expires_later"
            ),
        ]

    def __str__(self):
        return f"enrolment link #{self.pk} for user #{self.user_id}"
