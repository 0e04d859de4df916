"""Playwright + axe-core harness: a real Chromium, no network beyond the test server."""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest

CHROMIUM = os.environ.get("NEXUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}


def chromium_or_skip():
    """The browser's path; without it, fail when browser tests are required (CI), else skip."""
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` (Debian/Ubuntu)."
    if os.environ.get("NEXUS_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


class BrowserPage:
    """One Playwright page that remembers every request, console error and page error."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.base_url))
        self.requests = []
        self.console_errors = []
        self.failed_responses = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("response", lambda r: r.status >= 400 and self.failed_responses.append(f"{r.status} {r.url}"))

    def __getattr__(self, name):
        return getattr(self.page, name)

    def goto(self, path, **kwargs):
        return self.page.goto(self.base_url + path, **kwargs)

    def off_origin_requests(self):
        return [
            url
            for url in self.requests
            if not url.startswith(("data:", "blob:", "about:")) and not url.startswith(self.origin + "/")
        ]

    def assert_same_origin(self):
        off = self.off_origin_requests()
        assert not off, f"requests to other origins: {off}"

    def axe_violations(self):
        # evaluate() runs outside the page's CSP, so axe needs no CSP bypass (and the CSP stays real).
        self.page.evaluate(AXE_SOURCE)
        result = self.page.evaluate(
            "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        return result["violations"]

    def assert_accessible(self):
        violations = self.axe_violations()
        assert not violations, "axe violations:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in violations
        )

    def assert_no_horizontal_overflow(self):
        width = self.page.evaluate("document.documentElement.scrollWidth")
        viewport = self.page.viewport_size["width"]
        assert width <= viewport, f"page is {width}px wide in a {viewport}px viewport"

    def assert_clean(self):
        """The checks every public page must pass: axe, same origin, no console errors."""
        self.assert_accessible()
        self.assert_same_origin()
        assert not self.console_errors, f"console errors: {self.console_errors} {self.failed_responses}"
