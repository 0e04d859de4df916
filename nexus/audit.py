"""The audit trail's one write: other apps call `record()` for every view, change and export."""

from nexus.models import AuditEvent

Action = AuditEvent.Action


def record(*, actor, action, obj=None, object_type="", object_id="", detail=""):
    """Append one event. Pass `obj` for a single record, or `object_type` (and ids) for a set."""
    if obj is not None:
        object_type, object_id = obj._meta.label_lower, str(obj.pk)
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:64],
        detail=detail[:255],
    )
