"""What each staff role may do with content (nexus syncs these onto the groups after migrate)."""

from nexus import roles

_EDIT = [
    f"content.{action}_{model}"
    for model in ("page", "section", "source", "testimonial")
    for action in ("view", "add", "change", "delete")
]

ROLE_PERMISSIONS = {
    roles.CONTENT_EDITORS: [
        *_EDIT,
        "content.publish_page",
        "content.view_revision",
        "content.view_review",
        "content.view_reviewer",
        "content.view_pagedueforreview",
        "content.view_stigmaterm",
        "content.add_stigmaterm",
        "content.change_stigmaterm",
        "content.delete_stigmaterm",
        "content.view_sitesettings",
        "content.add_sitesettings",
        "content.change_sitesettings",
        "redirects.view_redirect",
        "redirects.add_redirect",
        "redirects.change_redirect",
        "redirects.delete_redirect",
    ],
    roles.CLINICAL_REVIEWERS: [
        "content.view_page",
        "content.view_section",
        "content.view_source",
        "content.view_revision",
        "content.view_review",
        "content.add_review",
        "content.view_reviewer",
        "content.view_pagedueforreview",
    ],
}
