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

    # Layout checks for every screen (public or staff), at 375 and 1280 px.

    def assert_no_squeezed_words(self):
        """No word is broken over two lines or pushed out of its box for want of room."""
        squeezed = self.page.evaluate(SQUEEZED_WORDS_JS)
        assert not squeezed, f"words squeezed narrower than themselves: {squeezed[:10]}"

    def assert_targets_at_least(self, size=24):
        """Controls are at least 24x24 px (WCAG 2.5.8), links inside a sentence excepted."""
        small = self.page.evaluate(SMALL_TARGETS_JS, size)
        assert not small, f"controls under {size}x{size} px: {small[:10]}"

    def assert_no_sideways_scroll_boxes(self):
        """No box on the page (a wide table in a scrolling wrapper) has to be scrolled sideways."""
        wide = self.page.evaluate(SIDEWAYS_BOXES_JS)
        assert not wide, f"boxes that scroll sideways: {wide[:10]}"

    def assert_layout(self):
        """What a phone or a desktop shows must not scroll sideways, squeeze words or shrink controls."""
        self.assert_no_horizontal_overflow()
        self.assert_no_sideways_scroll_boxes()
        self.assert_no_squeezed_words()
        self.assert_targets_at_least(24)


_VISIBLE_JS = """
const visible = (e) => {
  const style = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  // Visually hidden text (1 px, clipped) and skip links parked off-screen are not on the screen.
  const clipped = style.clip !== 'auto' && style.clip !== '' || style.clipPath !== 'none';
  return style.visibility !== 'hidden' && style.display !== 'none' && !clipped
    && box.width > 1 && box.height > 1 && box.right > 0 && box.bottom > -window.scrollY;
};
"""
SQUEEZED_WORDS_JS = (
    "() => {"
    + _VISIBLE_JS
    + """
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement;
    if (!owner || !visible(owner) || owner.closest('script, style, template, [aria-hidden="true"]')) continue;
    const bounds = owner.getBoundingClientRect();
    // A line may break after a hyphen ("sign-/in"): each part is a word of its own here.
    for (const match of node.textContent.matchAll(/[^\\s\\-\u2010]+[\\-\u2010]?/g)) {
      // An address or a link longer than the line must wrap somewhere: that is not squeezing.
      if (match[0].length > 30 || /[@/]/.test(match[0])) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const lines = new Set(rects.map((r) => Math.round(r.top)));
      const out = rects.some((r) => r.right > bounds.right + 1 || r.left < bounds.left - 1);
      // Text pushed off the page or out of a clipping box (an icon link's text-indent) is
      // hidden, not squeezed.
      const hidden = rects.every((r) => r.right <= 0) || (getComputedStyle(owner).overflow !== 'visible'
        && rects.every((r) => r.right <= bounds.left || r.left >= bounds.right));
      if (hidden) continue;
      if (lines.size > 1 || out) found.push(`${match[0]} in <${owner.tagName.toLowerCase()}>`);
    }
  }
  return found;
}"""
)
SMALL_TARGETS_JS = (
    "(size) => {"
    + _VISIBLE_JS
    + """
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
  const targets = [...document.querySelectorAll(selector)].filter(visible)
    .map((e) => ({e, r: e.getBoundingClientRect()}));
  const inSentence = (e) => getComputedStyle(e).display === 'inline'
    && [...e.parentElement.childNodes].some((n) => n !== e && n.nodeType === 3 && /\\p{L}/u.test(n.textContent));
  return targets.filter(({e, r}) => (r.width < size || r.height < size) && !inSentence(e)).map(({e, r}) => {
    const label = (e.innerText || e.value || e.name || '').trim().slice(0, 30);
    const classes = e.className ? '.' + e.className.split(' ').join('.') : '';
    return `${e.tagName.toLowerCase()}${classes} "${label}" ${Math.round(r.width)}x${Math.round(r.height)}`;
  });
}"""
)
SIDEWAYS_BOXES_JS = (
    "() => {"
    + _VISIBLE_JS
    + """
  return [...document.querySelectorAll('body *')].filter((e) => visible(e)
    && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
    .map((e) => `<${e.tagName.toLowerCase()} id="${e.id}" class="${e.className}"> ${e.scrollWidth}/${e.clientWidth}px`);
}"""
)
