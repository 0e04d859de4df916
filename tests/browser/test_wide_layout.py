"""Content pages use the width they are given (#13 item 1), in a real Chromium at 375, 1280 and
1920 px: a contents list wide enough that its entries do not wrap word by word, a reading column
of 65-75 characters a line, an intro and hero spanning the columns the reading uses, the call
card beside them, and nothing moving when the images arrive. On a phone: one column, as before.
Screenshots go to var/shots/wide-*.png."""

import statistics

import pytest

from content import demo
from tests.browser.harness import PHONE, BrowserPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BENZO = demo.BENZO_PATH
PROGRAM = "/treatment-programs/medical-detox/"
ARTICLE = "/blog/how-a-medically-supervised-taper-works/"  # an article with a contents list
SHORT_ARTICLE = "/blog/what-the-first-day-of-treatment-looks-like/"  # and one without
PAGES = [BENZO, PROGRAM, ARTICLE, SHORT_ARTICLE]
WITH_CONTENTS = [BENZO, ARTICLE]
WIDTHS = {
    375: PHONE,
    1280: {"viewport": {"width": 1280, "height": 900}},
    1920: {"viewport": {"width": 1920, "height": 1080}},
}
MEASURE = (65, 75)  # characters a line in the reading column

# Characters on each full line (a paragraph's last line is short by nature) of the paragraphs in
# the reading column, found from where each word is drawn.
LINE_LENGTHS_JS = r"""() => {
  const lengths = [];
  for (const p of document.querySelectorAll('.content-page > .page-section > p')) {
    const lines = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect) continue;
        const line = lines.find((l) => Math.abs(l.top - rect.top) < 6);
        if (line) line.chars += word[0].length + 1; else lines.push({top: rect.top, chars: word[0].length});
      }
    }
    lengths.push(...lines.slice(0, -1).map((l) => l.chars));
  }
  return lengths;
}"""

BOXES_JS = """() => {
  const box = (selector) => {
    const e = document.querySelector(selector);
    if (!e || !e.getClientRects().length) return null;
    const r = e.getBoundingClientRect();
    return {x: r.x, y: r.y + scrollY, width: r.width, height: r.height, right: r.right};
  };
  return {
    article: box('.content-page'), intro: box('.page-intro'), h1: box('.page-intro h1'), hero: box('.page-hero img'),
    contents: box('.content-page > .contents-list'), text: box('.content-page > .page-section'),
    aside: box('.page-aside'), cta: box('.cta-band'),
  };
}"""

ENTRY_LINES_JS = """() => [...document.querySelectorAll('.contents-list li a')].map((a) => {
  const lineHeight = parseFloat(getComputedStyle(a).lineHeight);
  return [a.textContent.trim(), Math.round(a.getBoundingClientRect().height / lineHeight)];
})"""


class Held(list):
    """Image requests held back, and whether new ones still are."""

    holding = True

    def release(self):
        self.holding = False
        for route in self:
            route.continue_()


@pytest.fixture(autouse=True)
def demo_site():
    demo.load()


@pytest.fixture
def open_page(chromium, live_server):
    """open_page(width, path, hold_images=False) -> (BrowserPage, held image requests)."""
    contexts = []

    def open_(width, path, hold_images=False):
        context = chromium.new_context(**WIDTHS[width])
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = BrowserPage(context.new_page(), live_server.url)
        held = Held()
        if hold_images:

            def hold(route):
                # Hold images back until the test lets them go (a held route is continued once).
                if route.request.resource_type == "image" and held.holding:
                    held.append(route)
                else:
                    route.continue_()

            page.route("**/*", hold)
        response = page.goto(path, wait_until="domcontentloaded" if hold_images else "load")
        assert response.status == 200, path
        page.wait_for_function("() => [...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet)")
        return page, held

    yield open_
    for context in contexts:
        context.close()


def shot(page, path):
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=f"var/shots/wide-{name}-{page.viewport_size['width']}.png", full_page=True)


def name_of(path):
    return path.strip("/").replace("/", "-")


@pytest.mark.parametrize("width", [375, 1280, 1920])
def test_content_pages_hold_their_layout_at_every_width(open_page, width):
    for path in PAGES:
        page, _ = open_page(width, path)
        page.assert_layout()
        if width == 1920:  # 375 and 1280 run axe in test_public_design.py
            page.assert_clean()
        shot(page, path)


@pytest.mark.parametrize("width", [1280, 1920])
def test_reading_column_keeps_a_comfortable_measure(open_page, width):
    for path in PAGES:
        page, _ = open_page(width, path)
        lengths = page.evaluate(LINE_LENGTHS_JS)
        assert len(lengths) >= 2, f"{path}: too few full lines to measure: {lengths}"
        median = statistics.median(lengths)
        low, high = MEASURE
        assert low <= median <= high, f"{path} at {width} px: {median} characters a line, not {low}-{high}: {lengths}"


@pytest.mark.parametrize("width", [1280, 1920])
def test_contents_list_is_wide_enough_for_its_entries(open_page, width):
    for path in WITH_CONTENTS:
        page, _ = open_page(width, path)
        boxes = page.evaluate(BOXES_JS)
        contents, text = boxes["contents"], boxes["text"]
        assert contents["width"] >= 200, f"{path}: contents column {contents['width']:.0f} px wide at {width} px"
        assert contents["right"] < text["x"], "the contents list stands left of the text"
        room = page.locator(".contents-list li a").first.bounding_box()["width"]
        assert room >= 200, f"{path}: {room:.0f} px for the entries' words at {width} px"
        wrapped = [(entry, lines) for entry, lines in page.evaluate(ENTRY_LINES_JS) if lines > 2]
        assert not wrapped, f"{path}: contents entries wrapping word by word at {width} px: {wrapped}"


@pytest.mark.parametrize("width", [1280, 1920])
def test_intro_spans_the_reading_columns_and_the_call_card_stands_beside_it(open_page, width):
    for path in PAGES:
        page, _ = open_page(width, path)
        boxes = page.evaluate(BOXES_JS)
        article, intro, text, aside = boxes["article"], boxes["intro"], boxes["text"], boxes["aside"]
        assert abs(intro["x"] - article["x"]) <= 1, f"{path}: the intro starts at the page's left edge"
        if path in WITH_CONTENTS:
            assert abs(intro["right"] - text["right"]) <= 1, f"{path}: the intro ends where the text column ends"
        else:
            assert intro["right"] > text["right"] + 100, f"{path}: the intro is wider than the text column"
        if boxes["hero"]:
            assert abs(boxes["hero"]["width"] - intro["width"]) <= 1, f"{path}: the hero fills the intro"
        assert aside["x"] > intro["right"], f"{path}: the call card stands right of the intro"
        assert abs(aside["y"] - boxes["h1"]["y"]) < 40, f"{path}: the call card starts beside the headline"
        assert abs(aside["right"] - article["right"]) <= 1, f"{path}: the page uses its width: {aside} in {article}"


def test_phone_keeps_one_column(open_page):
    for path in PAGES:
        page, _ = open_page(375, path)
        boxes = page.evaluate(BOXES_JS)
        assert boxes["aside"] is None, f"{path}: no call card beside the text on a phone (the bottom bar calls)"
        for name in ("intro", "text", "contents", "hero", "cta"):
            if boxes[name]:
                assert (boxes[name]["x"], boxes[name]["width"]) == (16, 343), f"{path}: {name} fills the column"
        if boxes["contents"]:
            assert boxes["contents"]["y"] + boxes["contents"]["height"] <= boxes["text"]["y"], "contents above text"


@pytest.mark.parametrize("width", [375, 1280, 1920])
def test_nothing_moves_when_the_hero_loads(open_page, width):
    for path in [BENZO, PROGRAM]:
        page, held = open_page(width, path, hold_images=True)
        before = page.evaluate(BOXES_JS)
        assert held, "the hero's request was held back"
        assert not page.evaluate("() => document.querySelector('.page-hero img').complete"), "the hero is loading"
        held.release()
        page.wait_for_function("() => [...document.images].every((i) => i.complete && i.naturalWidth > 0)")
        after = page.evaluate(BOXES_JS)
        for name, box in before.items():
            if box:
                now = after[name]
                moved = {k: (round(v, 1), round(now[k], 1)) for k, v in box.items() if abs(v - now[k]) > 0.5}
                assert not moved, f"{path}: {name} moved when the images loaded at {width} px: {moved}"
