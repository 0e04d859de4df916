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

    # Layout checks for every screen (public or staff), at 375 and 1280 px.

    def assert_no_squeezed_words(self):
        """No word is broken over two lines or pushed out of its box for want of room."""
        squeezed = self.page.evaluate(SQUEEZED_WORDS_JS)
        assert not squeezed, f"words squeezed narrower than themselves: {squeezed[:10]}"

    def assert_targets_at_least(self, size=24):
        """WCAG 2.5.8: controls are 24x24 px, unless links in a sentence or spaced apart enough."""
        small = self.page.evaluate(SMALL_TARGETS_JS, size)
        assert not small, f"controls under {size}x{size} px: {small[:10]}"

    def assert_no_sideways_scroll_boxes(self):
        """No box on the page (a wide table in a scrolling wrapper) has to be scrolled sideways."""
        wide = self.page.evaluate(SIDEWAYS_BOXES_JS)
        assert not wide, f"boxes that scroll sideways: {wide[:10]}"

    def assert_layout(self):
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
    for (const match of node.textContent.matchAll(/\\S+/g)) {
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
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distance = ([x, y], r) => Math.hypot(
    Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const small = targets.filter(({e, r}) => (r.width < size || r.height < size) && !inSentence(e));
  return small.filter(({e, r}) => {
    // The spacing exception: a 24 px circle on its centre touches no other target (nor their circles).
    const c = centre(r);
    return targets.some((t) => {
      if (t.e === e || t.e.contains(e) || e.contains(t.e)) return false;
      if (!small.some((s) => s.e === t.e)) return distance(c, t.r) < size / 2;
      const [x, y] = centre(t.r);
      return Math.hypot(x - c[0], y - c[1]) < size;
    });
  }).map(({e, r}) => {
    const label = (e.innerText || e.value || e.name || '').trim().slice(0, 30);
    return `${e.tagName.toLowerCase()} "${label}" ${Math.round(r.width)}x${Math.round(r.height)}`;
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
