"""Rules the database holds: consent, schedule, alt text, unique addresses, complete sections, one settings row."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from content import models
from tests.content.factories import ConsentedQuoteFactory, PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_database_refuses_a_published_testimonial_without_recorded_consent():
    with pytest.raises(IntegrityError):
        ConsentedQuoteFactory(consent_on=None, consent_method="", is_published=True)


def test_testimonial_without_consent_can_be_kept_as_unpublished():
    testimonial = ConsentedQuoteFactory(consent_on=None, consent_method="", is_published=False)
    assert models.Testimonial.objects.published().filter(pk=testimonial.pk).count() == 0


def test_form_validation_explains_missing_consent():
    testimonial = models.Testimonial(display_name="A. B.", quote="x", is_published=True)
    with pytest.raises(ValidationError) as error:
        testimonial.full_clean()
    assert error.value.error_dict["__all__"][0].code == "consent_required"


def test_expiry_before_publish_time_is_refused_with_a_clear_message():
    now = timezone.now()
    page = PageFactory.build(go_live_at=now, expire_at=now - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "expiry time must be after the publish time" in str(error.value)
    with pytest.raises(IntegrityError):
        page.save()


def test_duplicate_address_is_a_validation_error_not_a_crash():
    PageFactory(slug="benzodiazepines")
    duplicate = PageFactory.build(slug="benzodiazepines", title="Again")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.error_dict["slug"][0].code == "duplicate_slug"


def test_slug_of_another_part_of_the_site_is_reserved():
    page = PageFactory.build(slug="admissions")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.error_dict["slug"][0].code == "reserved"


def test_child_page_address_follows_its_parent():
    parent = PageFactory(slug="treatment-programs")
    child = PageFactory(slug="medical-detox", parent=parent)
    assert child.url_path == "/treatment-programs/medical-detox/"
    assert child.get_absolute_url() == child.url_path


def test_list_section_needs_items():
    with pytest.raises(IntegrityError):
        SectionFactory(kind=models.Section.Kind.LIST, items="")


def test_question_needs_an_answer():
    with pytest.raises(IntegrityError):
        SectionFactory(kind=models.Section.Kind.FAQ, question="Is it safe?", body="")


def test_section_anchor_comes_from_its_heading():
    assert SectionFactory(heading="Withdrawal symptoms").anchor == "withdrawal-symptoms"


def test_site_settings_is_one_row_with_the_environment_as_defaults(settings):
    settings.NEXUS_PHONE = "+1-555-010-0142"
    first = models.SiteSettings.objects.create()
    second = models.SiteSettings(center_name="Other")
    second.save()
    assert models.SiteSettings.objects.count() == 1
    assert first.phone == "+1-555-010-0142"
    assert models.SiteSettings.objects.get().center_name == "Other"


def test_live_pages_honour_status_schedule_and_expiry():
    now = timezone.now()
    page = PageFactory()
    assert not models.Page.objects.live().filter(pk=page.pk).exists()
    assert page.is_live(now) is False
