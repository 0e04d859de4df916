import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached pages and settings must not leak between tests (the database rolls back, the cache would not)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    from nexus import roles
    from tests.content.factories import UserFactory

    return UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])


@pytest.fixture
def reviewer(db):
    from tests.content.factories import ReviewerFactory

    return ReviewerFactory()
