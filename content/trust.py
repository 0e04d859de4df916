"""The published trust signals, read once per cache generation (every change moves it on)."""

from content import cache as content_cache
from content.models import Accreditation, CallStep, InsurancePlan, Reviewer

# Pages that show trust blocks below their content, by the published address of the original (its
# translations show the same blocks, in their language: content.presenter). Until a "trust" section
# type lets editors place them, this is the one place that decides.
PAGE_BLOCKS = {
    "/about/": ("team", "accreditations"),
    "/how-admission-works/": ("steps", "insurance"),
}


def accreditations():
    """The published accreditations and licences (the footer shows them on every page)."""
    return [
        {
            "name": a.name,
            "kind": str(a.get_kind_display()),
            "detail": a.detail,
            "url": a.verify_url,
            "sample": a.is_sample,
            "is_licence": a.kind == Accreditation.Kind.LICENCE,
            "lang": a.language,
        }
        for a in Accreditation.objects.shown()
    ]


def _read():
    return {
        "accreditations": accreditations(),
        "insurance": [
            {"name": i.name, "note": i.note, "sample": i.is_sample, "lang": i.language}
            for i in InsurancePlan.objects.shown()
        ],
        "steps": [
            {"title": s.title, "body": s.body, "sample": s.is_sample, "lang": s.language}
            for s in CallStep.objects.shown()
        ],
        "team": [
            {
                "name": r.name,
                "credentials": r.credentials,
                "role": r.role,
                "initials": r.initials,
                "portrait": r.portrait,
                "sample": r.is_sample,
            }
            for r in Reviewer.objects.team().select_related("portrait")
        ],
    }


def signals():
    """Every published trust signal as plain data, read once per content generation in this process
    (content.cache.remembered, as the settings row and the menu are)."""
    return content_cache.remembered("trust", _read)


def blocks_for(url_path):
    return PAGE_BLOCKS.get(url_path, ())
