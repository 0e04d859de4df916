"""The docs a newcomer reads: every link stays inside the repository and leads to a file that exists."""

import re

import pytest

from tests.subprocess_django import ROOT

PAGES = [ROOT / "README.md", ROOT / "SECURITY.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)  # examples in code are not links


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_links_stay_inside_the_repository_and_exist(page):
    text = page.read_text()
    for target in LINK.findall(CODE.sub("", text)):
        if target.startswith(("http://", "https://", "mailto:", "#")):
            continue
        resolved = (page.parent / target.split("#")[0]).resolve()
        assert resolved.is_relative_to(ROOT), f"{target} leaves the repository"
        assert resolved.exists(), f"{target} does not exist"
    assert "../shared" not in text


def test_the_docs_cover_what_a_newcomer_needs():
    index = (ROOT / "docs" / "README.md").read_text()
    for page in ["first-hour", "architecture", "testing", "add-a-section-type", "add-a-role", "add-a-language"]:
        assert f"({page}.md)" in index, page
    assert "make shots" in (ROOT / "docs" / "testing.md").read_text()
    assert "::" in (ROOT / "docs" / "testing.md").read_text()  # how to run one test by its name
