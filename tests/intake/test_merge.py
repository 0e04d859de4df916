"""An Admissions lead merges a duplicate into its original: nothing lost, both numbers kept, audited."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from intake import services
from intake.merging import MergeRefused
from intake.models import Activity, Inquiry, LeadMerge, StatusChange
from intake.search import LeadSearch
from nexus.models import AuditEvent
from tests.intake.factories import InquiryFactory
from tests.intake.staff import change_form

pytestmark = pytest.mark.django_db
LEADS = "/admin/intake/inquiry/"


def merge_url(lead):
    return f"{LEADS}{lead.pk}/merge/"


@pytest.fixture
def pair():
    original = InquiryFactory(phone="+12025550111", email="", message="First asked on Monday", utm_source="search")
    StatusChange.objects.create(inquiry=original, to_status="new")
    Activity.objects.create(inquiry=original, kind="call", outcome="no_answer", note="first try")
    duplicate = InquiryFactory(
        phone="+12025550111",
        email="sam.parent@example.com",
        person_first_name="Samira",
        in_danger=True,
        message="Asked again on Tuesday",
        utm_source="newsletter",
        utm_campaign="winter",
        duplicate_of=original,
    )
    StatusChange.objects.create(inquiry=duplicate, to_status="new")
    Activity.objects.create(inquiry=duplicate, kind="text", outcome="sent", note="texted back")
    return original, duplicate


def test_the_merge_screen_shows_both_leads_side_by_side_and_audits_both_views(client, lead_user, pair):
    original, duplicate = pair
    client.force_login(lead_user)
    response = client.get(merge_url(duplicate))
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Duplicate #{duplicate.pk}" in body and f"Original #{original.pk}" in body
    assert "Asked again on Tuesday" in body and "First asked on Monday" in body
    assert f"Merge lead #{duplicate.pk} into lead #{original.pk}" in body
    views = AuditEvent.objects.filter(action="view", detail__startswith="merge screen")
    assert sorted(views.values_list("object_id", flat=True)) == sorted([str(original.pk), str(duplicate.pk)])


def test_merging_moves_the_timeline_fills_blanks_and_closes_the_duplicate(client, lead_user, pair):
    original, duplicate = pair
    client.force_login(lead_user)
    response = client.post(merge_url(duplicate), {"into": original.pk})
    assert response.status_code == 303 and response["Location"] == f"{LEADS}{original.pk}/change/"

    original.refresh_from_db()
    duplicate.refresh_from_db()
    notes = sorted(original.activities.values_list("note", flat=True))
    assert "first try" in notes and "texted back" in notes
    assert any(f"Lead #{duplicate.pk}" in note and "Asked again on Tuesday" in note for note in notes)
    assert original.status_changes.count() == 2 and not duplicate.activities.exists()
    assert original.email == "sam.parent@example.com" and original.person_first_name == "Samira"
    assert original.in_danger and original.message == "First asked on Monday" and original.source == "search"
    assert set(LeadSearch.from_term("samira").filter(Inquiry.objects.all())) == {original, duplicate}
    assert duplicate.status == "merged" and duplicate.closed_at is not None
    assert duplicate.status_changes.get().reason == f"merged into lead #{original.pk}"
    merge = LeadMerge.objects.get()
    assert (merge.original_id, merge.duplicate_id, merge.duplicate_number) == (original.pk, duplicate.pk, duplicate.pk)
    assert (merge.source, merge.utm_campaign, merge.by) == ("newsletter", "winter", lead_user)
    changes = AuditEvent.objects.filter(action="change", actor=lead_user).values_list("object_id", "detail")
    assert set(changes) == {
        (str(original.pk), f"merged lead #{duplicate.pk} into this lead"),
        (str(duplicate.pk), f"merged into lead #{original.pk}"),
    }
    page = client.get(f"{LEADS}{original.pk}/change/").content.decode()
    assert "texted back" in page and f"Lead #{duplicate.pk} merged into this lead." in page


def test_a_lead_cannot_be_merged_into_itself(client, lead_user, pair):
    _, duplicate = pair
    client.force_login(lead_user)
    response = client.post(merge_url(duplicate), {"into": duplicate.pk})
    assert response.status_code == 200
    assert "A lead cannot be merged into itself." in response.content.decode()
    assert not LeadMerge.objects.exists() and Inquiry.objects.get(pk=duplicate.pk).status == "new"


def test_merging_twice_is_refused_and_changes_nothing_more(client, lead_user, pair):
    original, duplicate = pair
    client.force_login(lead_user)
    client.post(merge_url(duplicate), {"into": original.pk})
    audits = AuditEvent.objects.filter(action="change").count()
    response = client.post(merge_url(duplicate), {"into": original.pk})
    assert f"Lead #{duplicate.pk} was already merged into lead #{original.pk}." in response.content.decode()
    assert LeadMerge.objects.count() == 1 and AuditEvent.objects.filter(action="change").count() == audits
    assert original.activities.count() == 3


def test_nothing_merges_into_a_lead_that_was_itself_merged(lead_user, pair):
    original, duplicate = pair
    third = InquiryFactory()
    services.merge_duplicate(original_id=original.pk, duplicate_id=duplicate.pk, by=lead_user)
    with pytest.raises(MergeRefused, match=f"Lead #{duplicate.pk} was itself merged into lead #{original.pk}"):
        services.merge_duplicate(original_id=duplicate.pk, duplicate_id=third.pk, by=lead_user)


def test_an_unknown_lead_number_is_a_clear_message(client, lead_user, pair):
    _, duplicate = pair
    client.force_login(lead_user)
    response = client.get(merge_url(duplicate), {"into": 99999})
    assert "There is no lead with that number." in response.content.decode()
    assert client.get(f"{LEADS}99999/merge/").status_code == 404
    response = client.get(merge_url(duplicate), {"into": "abc"})
    assert response.status_code == 200 and "Enter a whole number." in response.content.decode()


def test_an_admissions_coordinator_may_not_merge_nor_see_the_screen(client, coordinator, pair):
    original, duplicate = pair
    client.force_login(coordinator)
    assert client.get(merge_url(duplicate)).status_code == 403
    assert client.post(merge_url(duplicate), {"into": original.pk}).status_code == 403
    assert "Compare and merge" not in client.get(f"{LEADS}{duplicate.pk}/change/").content.decode()
    with pytest.raises(PermissionDenied):
        services.merge_duplicate(original_id=original.pk, duplicate_id=duplicate.pk, by=coordinator)
    assert not LeadMerge.objects.exists()


def test_a_content_editor_with_lead_permissions_still_may_not(client, editor, pair):
    original, duplicate = pair
    client.force_login(editor)
    assert client.post(merge_url(duplicate), {"into": original.pk}).status_code == 403


def test_the_lead_page_offers_the_merge_to_an_admissions_lead(client, lead_user, pair):
    original, duplicate = pair
    client.force_login(lead_user)
    page = client.get(f"{LEADS}{duplicate.pk}/change/").content.decode()
    assert f'href="{merge_url(duplicate)}?into={original.pk}"' in page


def test_merged_is_not_a_status_staff_can_pick_nor_leave(client, lead_user, pair):
    original, duplicate = pair
    client.force_login(lead_user)
    response = client.post(f"{LEADS}{original.pk}/change/", change_form(original, status="merged"))
    assert response.status_code == 200 and "not by its status" in response.content.decode()
    services.merge_duplicate(original_id=original.pk, duplicate_id=duplicate.pk, by=lead_user)
    duplicate.refresh_from_db()
    response = client.post(f"{LEADS}{duplicate.pk}/change/", change_form(duplicate, status="new"))
    assert response.status_code == 200 and "work that lead instead" in response.content.decode()
    assert Inquiry.objects.get(pk=duplicate.pk).status == "merged"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("crossed", [False, True], ids=["same-merge-twice", "each-into-the-other"])
def test_two_merges_at_the_same_moment_merge_once(lead_user, crossed):
    first, second = InquiryFactory(), InquiryFactory()
    Activity.objects.create(inquiry=second, kind="call", outcome="reached")
    jobs = [(first.pk, second.pk), (second.pk, first.pk) if crossed else (first.pk, second.pk)]
    sqlite_lock = threading.Lock() if connection.vendor == "sqlite" else None
    barrier, outcomes = threading.Barrier(2), []

    def merge(original_id, duplicate_id):
        try:
            barrier.wait()
            if sqlite_lock:
                sqlite_lock.acquire()
            services.merge_duplicate(original_id=original_id, duplicate_id=duplicate_id, by=lead_user)
            outcomes.append("merged")
        except MergeRefused:
            outcomes.append("refused")
        finally:
            if sqlite_lock:
                sqlite_lock.release()
            connection.close()

    threads = [threading.Thread(target=merge, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["merged", "refused"]
    merge = LeadMerge.objects.get()
    assert Inquiry.objects.filter(status="merged").get().pk == merge.duplicate_number
    assert Activity.objects.filter(kind="call").get().inquiry_id == merge.original_id
    assert AuditEvent.objects.filter(action="change", detail__contains="merged").count() == 2


def test_leads_flagged_against_the_duplicate_point_at_the_original_after_the_merge(client, lead_user, pair):
    original, duplicate = pair
    later = InquiryFactory(duplicate_of=duplicate)
    services.merge_duplicate(original_id=original.pk, duplicate_id=duplicate.pk, by=lead_user)
    later.refresh_from_db()
    assert later.duplicate_of_id == original.pk


def test_a_new_inquiry_matching_a_merged_duplicate_is_flagged_against_its_original(client, lead_user):
    from tests.intake.helpers import INQUIRY_URL, inquiry_data

    first = InquiryFactory(phone="+12025550142")
    second = InquiryFactory(phone="+12025550142", email="jordan@example.com")
    services.merge_duplicate(original_id=second.pk, duplicate_id=first.pk, by=lead_user)
    third = InquiryFactory(phone="+12025550143")
    services.merge_duplicate(original_id=third.pk, duplicate_id=second.pk, by=lead_user)
    Inquiry.objects.filter(pk__in=[second.pk, third.pk]).update(phone="", phone_hash="", email_hash="x")
    assert client.post(INQUIRY_URL, inquiry_data(email="")).status_code == 302
    newest = Inquiry.objects.latest("pk")
    assert newest.duplicate_of_id == third.pk  # first -> second -> third, the lead still worked


def test_a_lead_with_no_suspected_original_asks_for_a_number_without_an_error(client, lead_user):
    lonely = InquiryFactory()
    client.force_login(lead_user)
    response = client.get(merge_url(lonely))
    body = response.content.decode()
    assert response.status_code == 200 and "choose the original to compare it with" in body
    assert "This field is required" not in body and "desk-merge-confirm" not in body
