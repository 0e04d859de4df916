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


_VISIBLE = """
const visible = (el) => {
  const r = el.getBoundingClientRect(), s = getComputedStyle(el);
  if (r.width === 0 || r.height === 0 || s.visibility === "hidden") return false;
  for (let e = el; e; e = e.parentElement) {  // visually hidden text, for screen readers only
    const st = getComputedStyle(e);
    if (st.clip.startsWith("rect(0") || st.clipPath.includes("inset(50%")) return false;
  }
  return true;
};
const who = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
  + ` "${(el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;
"""
SQUEEZED_WORDS = (
    "() => {"
    + _VISIBLE
    + """
  const ctx = document.createElement("canvas").getContext("2d"), out = [];
  const texts = "h1, h2, h3, p, li, label, a, button, th, td, dt, dd, legend, figcaption, input[type=submit]";
  for (const el of document.querySelectorAll(texts)) {
    // Only the element's own text: a child may be visually hidden (text for screen readers).
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(" ");
    const text = el.tagName === "INPUT" ? el.value : own;
    if (!text || !visible(el)) continue;
    const words = text.split(/\\s+/).filter((w) => w.length > 1 && !/[\\/@]/.test(w));
    if (!words.length) continue;
    const s = getComputedStyle(el);
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    const longest = Math.max(...words.map((w) => ctx.measureText(w).width));
    const room = el.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    if (room + 0.5 < longest) out.push(`${who(el)} ${Math.round(room)}px < ${Math.round(longest)}px`);
  }
  return out;
}"""
)
SMALL_TARGETS = (
    "(size) => {"
    + _VISIBLE
    + """
  const out = [];
  const inRunningText = (el) => {
    const run = el.tagName === "A" && el.parentElement.closest("p, li, td, dd, figcaption");
    return run && run.innerText.trim() !== el.innerText.trim();
  };
  const controls = "a[href], button, input:not([type=hidden]), select, textarea, [role=button]";
  for (const el of document.querySelectorAll(controls)) {
    if (!visible(el) || inRunningText(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < size || r.height < size) out.push(`${who(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
}"""
)


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

    def assert_no_squeezed_words(self):
        """No word is wider than the box it sits in (text squeezed out of shape, or cut off)."""
        squeezed = self.page.evaluate(SQUEEZED_WORDS)
        assert not squeezed, f"words wider than their box: {squeezed}"

    def assert_targets_at_least(self, size=24):
        """Every control is at least `size` x `size` px (WCAG 2.2 target size); links in running
        text are the rule's own exception."""
        small = self.page.evaluate(SMALL_TARGETS, size)
        assert not small, f"controls under {size}x{size} px: {small}"

    def assert_layout(self):
        """What a phone or a desktop shows must not scroll sideways, squeeze words or shrink controls."""
        self.assert_no_horizontal_overflow()
        self.assert_no_squeezed_words()
        self.assert_targets_at_least(24)

    def assert_clean(self):
        """The checks every public page must pass: axe, same origin, no console errors."""
        self.assert_accessible()
        self.assert_same_origin()
        assert not self.console_errors, f"console errors: {self.console_errors} {self.failed_responses}"
