import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Each test starts with no confirmation emails counted against any address."""
    cache.clear()
    yield
    cache.clear()
