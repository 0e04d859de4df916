"""JSON-LD for search engines: what a page is, who reviewed it, and where it sits."""

from nexus.site_url import absolute

# BCP 47 tags for schema.org's inLanguage: the center serves readers in the United States.
REGION = "US"


def language_tag(code):
    return f"{code}-{REGION}"


def organization(site):
    return {
        "@type": "MedicalOrganization",
        "@id": absolute("/#organization"),
        "name": site["name"],
        "url": absolute("/"),
        "telephone": site["phone"],
        "email": site.get("admissions_email", ""),
        "address": {"@type": "PostalAddress", "streetAddress": site["address"]},
    }


def breadcrumb_list(crumbs):
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": title, "item": absolute(url)}
            for position, (title, url) in enumerate(crumbs, start=1)
        ],
    }


def medical_web_page(*, page, data, review, crumbs, site):
    node = {
        "@type": "MedicalWebPage",
        "@id": absolute(page.url_path),
        "url": absolute(page.url_path),
        "name": data["title"],
        "description": data["seo_description"] or data["summary"],
        "inLanguage": language_tag(page.language),
        "publisher": {"@id": absolute("/#organization")},
        "breadcrumb": breadcrumb_list(crumbs),
    }
    if page.last_published_at:
        node["dateModified"] = page.last_published_at.isoformat()
    if review is not None:
        node["lastReviewed"] = review.reviewed_on.isoformat()
        node["reviewedBy"] = {
            "@type": "Person",
            "name": review.reviewer.name,
            "honorificSuffix": review.reviewer.credentials,
        }
    if data["kind"] == "substance" and data["drug_name"]:
        names = [name.strip() for name in data["brand_names"].split(",") if name.strip()]
        node["about"] = {"@type": "Drug", "name": data["drug_name"], "alternateName": names}
    return {"@context": "https://schema.org", "@graph": [node, organization(site)]}


def home(site):
    return {"@context": "https://schema.org", **organization(site)}
