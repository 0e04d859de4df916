import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from nexus.audit import Action, record
from nexus.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_record_appends_an_event_for_an_object(admin_user):
    group = Group.objects.create(name="Example")
    event = record(actor=admin_user, action=Action.VIEW, obj=group)
    assert (event.actor, event.object_type, event.object_id) == (admin_user, "auth.group", str(group.pk))
    assert list(AuditEvent.objects.for_object(group)) == [event]


def test_events_cannot_be_changed_or_deleted(admin_user):
    event = record(actor=admin_user, action=Action.EXPORT, object_type="intake.inquiry", detail="3 rows")
    event.detail = "rewritten"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.update(detail="x")
    assert AuditEvent.objects.get().detail == "3 rows"


def test_the_admin_shows_the_trail_read_only(admin_client, admin_user):
    event = record(actor=admin_user, action=Action.VIEW, object_type="intake.inquiry", object_id="7")
    assert admin_client.get("/admin/nexus/auditevent/").status_code == 200
    assert admin_client.get("/admin/nexus/auditevent/add/").status_code == 403
    assert admin_client.post(f"/admin/nexus/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
