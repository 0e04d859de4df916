import os

import pytest

from tests import form_posts
from tests.browser.harness import CHROMIUM_ARGS, PHONE, BrowserPage, chromium_or_skip

form_posts.install()

# Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM
# calls from that thread. The live server runs in its own thread, so this is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with empty caches (rate limits would carry over) and a process that
    remembers nothing (a rolled-back test's rows would otherwise be remembered)."""
    from tests import process_memory

    process_memory.forget()


@pytest.fixture(scope="session")
def chromium():
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _browser_page(chromium, live_server, **context_options):
    context = chromium.new_context(**context_options)
    context.set_default_timeout(10_000)
    page = BrowserPage(context.new_page(), live_server.url)
    return context, page


@pytest.fixture
def browser_page(chromium, live_server):
    """A desktop-sized page against the live test server; see tests/browser/harness.py."""
    context, page = _browser_page(chromium, live_server)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium, live_server):
    """A 375 px wide touch page, as most people reading about addiction at night will use."""
    context, page = _browser_page(chromium, live_server, **PHONE)
    yield page
    context.close()
