import pytest
from django.core.cache import cache

from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD, CONTENT_EDITORS
from tests.intake.staff import make_staff


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no submissions counted against the test client's address."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def coordinator():
    return make_staff("coordinator", ADMISSIONS)


@pytest.fixture
def lead_user():
    return make_staff("lead", ADMISSIONS_LEAD)


@pytest.fixture
def editor():
    """A content editor who was (wrongly) also given the lead permissions directly."""
    return make_staff("editor", CONTENT_EDITORS, perms=["intake.view_inquiry", "intake.change_inquiry"])
