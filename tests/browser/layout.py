"""Layout checks for a screen at a given width: no sideways scroll, no squeezed words, targets of 24x24 px."""

# A word broken across lines (or clipped) because its box is narrower than the word. Long strings
# (URLs, tokens: over 30 characters, or wider than most of the viewport) have to break somewhere.
SQUEEZED_WORDS = """() => {
  const limit = document.documentElement.clientWidth * 0.8, found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!element || !element.getClientRects().length) continue;
    for (const match of node.data.matchAll(/[^\\s-]{2,}/g)) {  // a hyphen is a fair place to break
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const lines = new Set(rects.map((r) => Math.round(r.top))).size;
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (lines > 1 && width < limit && match[0].length <= 30) {
        found.push(`${match[0]} in <${element.tagName.toLowerCase()}>`);
      }
    }
    const style = getComputedStyle(element);
    const visuallyHidden = element.clientWidth <= 1 || element.clientHeight <= 1;  // text for screen readers
    if (["hidden", "clip"].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1
        && !visuallyHidden && node.data.trim()) found.push(`clipped: ${node.data.trim().slice(0, 40)}`);
  }
  return [...new Set(found)];
}"""

# Every visible control at least min x min px, except a link inside a sentence (WCAG 2.5.8).
SMALL_TARGETS = """(min) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    const box = element.getBoundingClientRect(), style = getComputedStyle(element);
    if (!box.width || !box.height || style.visibility === "hidden" || box.right <= 0 || box.bottom <= 0) continue;
    if (box.width >= min - 0.5 && box.height >= min - 0.5) continue;
    const block = element.parentElement;
    const around = block ? block.textContent.replace(element.textContent, "").trim() : "";
    if (element.tagName === "A" && style.display === "inline" && around) continue;
    const name = (element.textContent || element.getAttribute("aria-label") || element.name || "").trim();
    const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
    found.push(`${element.tagName.toLowerCase()} "${name.slice(0, 30)}" ${size}`);
  }
  return found;
}"""


def assert_layout_holds(page, *, min_target=24):
    """The three checks every screen must pass at the page's current viewport width."""
    width = page.viewport_size["width"]
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"page is {scroll}px wide in a {width}px viewport"
    squeezed = page.evaluate(SQUEEZED_WORDS)
    assert not squeezed, f"squeezed words at {width}px: {squeezed}"
    small = page.evaluate(SMALL_TARGETS, min_target)
    assert not small, f"controls under {min_target}x{min_target}px at {width}px: {small}"
