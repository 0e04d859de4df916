import pytest

from intake import demo
from intake.forms import CallbackForm, InquiryForm, PhoneField
from intake.models import CallClick, Inquiry
from tests.intake.factories import InquiryFactory

pytestmark = pytest.mark.django_db


def test_demo_leads_load_only_with_local_settings():
    assert "skipped" in demo.load()
    assert not Inquiry.objects.exists()


def test_demo_leads_cover_the_pipeline_and_load_once(settings):
    settings.NEXUS_LOCAL_DEMO = True
    assert demo.load().startswith("12 fictional leads added")
    assert demo.load() == "0 fictional leads added (12 fictional, 12 leads in all)"
    assert Inquiry.objects.count() == 12 and CallClick.objects.count() == 9
    # Every status but "merged": the demo's duplicate is left for a newcomer to merge.
    assert set(Inquiry.objects.values_list("status", flat=True)) == set(Inquiry.Status.values) - {"merged"}
    assert all("fictional" in lead.name for lead in Inquiry.objects.all())
    assert Inquiry.objects.filter(duplicate_of__isnull=False).count() == 1


def test_the_demo_summary_counts_the_leads_that_exist(settings):
    """After someone sent two inquiries by hand, the summary still adds up to what the admin lists."""
    settings.NEXUS_LOCAL_DEMO = True
    demo.load()
    InquiryFactory.create_batch(2)
    assert demo.load() == "0 fictional leads added (12 fictional, 14 leads in all)"


def test_every_demo_number_is_one_the_forms_accept(settings):
    """The center's number, a number like it and the demo leads' numbers all pass the phone rules."""
    settings.NEXUS_LOCAL_DEMO = True
    demo.load()
    like_the_centers = settings.NEXUS_PHONE[:-2] + "23"
    numbers = [settings.NEXUS_PHONE, like_the_centers, *Inquiry.objects.values_list("phone", flat=True)]
    for number in numbers:
        assert PhoneField().clean(number).startswith("+1"), number
    for form in (InquiryForm, CallbackForm):
        bound = form(data={"phone": like_the_centers})
        bound.is_valid()
        assert "phone" not in bound.errors, (form.__name__, bound.errors.get("phone"))
