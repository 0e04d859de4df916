import pytest

from intake import demo
from intake.models import CallClick, Inquiry

pytestmark = pytest.mark.django_db


def test_demo_leads_load_only_with_local_settings():
    assert "skipped" in demo.load()
    assert not Inquiry.objects.exists()


def test_demo_leads_cover_the_pipeline_and_load_once(settings):
    settings.NEXUS_LOCAL_DEMO = True
    assert demo.load().startswith("12 fictional leads added")
    assert demo.load().startswith("0 fictional leads added (12 in all)")
    assert Inquiry.objects.count() == 12 and CallClick.objects.count() == 9
    assert set(Inquiry.objects.values_list("status", flat=True)) == set(Inquiry.Status.values)
    assert all("fictional" in lead.name for lead in Inquiry.objects.all())
    assert Inquiry.objects.filter(duplicate_of__isnull=False).count() == 1
