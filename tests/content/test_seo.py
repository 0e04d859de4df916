"""What search engines read: titles, canonical and Open Graph, JSON-LD, sitemap and robots.txt."""

import json
import re

import pytest

from content.models import Page
from tests.content.factories import PageFactory, published_page

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)]


def test_substance_page_json_ld_names_reviewer_drug_and_breadcrumbs(client, reviewer):
    parent = published_page(slug="substances", kind=Page.Kind.INDEX, title="Substances we treat")
    page = published_page(
        slug="benzos",
        parent=parent,
        kind=Page.Kind.SUBSTANCE,
        is_clinical=True,
        reviewer=reviewer,
        drug_name="Benzodiazepines",
        brand_names="Xanax, Valium",
    )
    graph = json_ld(client.get(page.url_path).content.decode())[0]["@graph"]
    web_page = next(node for node in graph if node["@type"] == "MedicalWebPage")
    assert web_page["lastReviewed"]
    assert web_page["reviewedBy"] == {"@type": "Person", "name": reviewer.name, "honorificSuffix": "MD"}
    assert web_page["about"] == {"@type": "Drug", "name": "Benzodiazepines", "alternateName": ["Xanax", "Valium"]}
    crumbs = web_page["breadcrumb"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Substances we treat", page.title]
    assert crumbs[-1]["item"].endswith("/substances/benzos/")


def test_home_page_json_ld_is_the_medical_organization(client):
    data = json_ld(client.get("/").content.decode())[0]
    assert data["@type"] == "MedicalOrganization"
    assert data["telephone"] == "+1-202-555-0199" and data["address"]["streetAddress"]


def test_json_ld_cannot_be_closed_by_editor_text(client):
    published_page(slug="x", title="</script><script>alert(1)</script>")
    html = client.get("/x/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    assert "<" not in block and json.loads(block)["@graph"][0]["name"].startswith("</script>")


def test_title_description_canonical_and_open_graph(client, settings):
    settings.NEXUS_SITE_URL = "https://nexus.example"
    published_page(slug="about", title="About Nexus", seo_title="About Nexus Recovery", seo_description="Who we are.")
    html = client.get("/about/").content.decode()
    assert "<title>About Nexus Recovery | Nexus Recovery</title>" in html
    assert '<meta name="description" content="Who we are.">' in html
    assert '<link rel="canonical" href="https://nexus.example/about/">' in html
    assert '<meta property="og:title" content="About Nexus Recovery">' in html


def test_sitemap_lists_published_pages_with_lastmod_only(client, settings):
    settings.NEXUS_SITE_URL = "https://nexus.example"
    published_page(slug="live")
    PageFactory(slug="draft")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://nexus.example/live/</loc>" in xml and "/draft/" not in xml
    assert "<lastmod>" in xml and "<loc>https://nexus.example/</loc>" in xml


def test_robots_txt_names_the_sitemap_and_keeps_admin_and_results_out(client, settings):
    settings.NEXUS_SITE_URL = "https://nexus.example"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://nexus.example/sitemap.xml" in text
    for path in ["/admin/", "/search/", "/preview/", "/admissions/thank-you/", "/newsletter/check-your-inbox/"]:
        assert f"Disallow: {path}" in text
    # the result pages it names are real addresses
    assert client.get("/admissions/thank-you/").status_code == 200
    assert client.get("/newsletter/check-your-inbox/").status_code == 200
