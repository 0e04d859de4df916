"""`make shots`: full-page screenshots of a running server at 375 and 1280 px, with what looks broken.

    make run                                   # in one terminal
    make shots                                 # the usual pages
    make shots SHOTS="/admissions/ /admin/outbox/"

PNGs go to var/shots/<path>-<width>.png. Each page is also checked the way the browser tests
check a screen (tests/browser/harness.py): sideways scroll, words broken mid-word, controls
under 24x24 px; what fails is printed, the screenshot is kept either way. Paths under the admin
are taken signed in as the local demo superuser. It drives the same Chromium as the tests.
"""

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, PHONE, BrowserPage

DEFAULT = ["/", "/benzodiazepine-addiction-treatment/", "/admissions/", "/newsletter/", "/blog/", "/admin/"]
OUT = Path(__file__).resolve().parent.parent.parent / "var" / "shots"
WIDTHS = {375: PHONE, 1280: {"viewport": {"width": 1280, "height": 900}}}


def file_name(path, width):
    return (re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "home") + f"-{width}.png"


def sign_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "nexus-local-demo")
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()


def shoot(browser, base, paths, width):
    problems = []
    context = browser.new_context(**WIDTHS[width])
    page = context.new_page()
    if any(path.startswith("/admin/") for path in paths):
        sign_in(page, base)
    for path in paths:
        response = page.goto(base + path)
        target = OUT / file_name(path, width)
        page.screenshot(path=str(target), full_page=True)
        print(f"{response.status if response else '---'} {target.relative_to(OUT.parent.parent)}")
        try:
            BrowserPage(page, base).assert_layout()
        except AssertionError as error:
            problems.append(f"{path} at {width}px: {error}")
    context.close()
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("paths", nargs="*", default=DEFAULT)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        problems = [problem for width in WIDTHS for problem in shoot(browser, args.base.rstrip("/"), args.paths, width)]
        browser.close()
    for problem in problems:
        print("LOOK:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
