"""Who works with the image library (nexus syncs these onto the groups after migrate)."""

from nexus import roles

ROLE_PERMISSIONS = {
    roles.CONTENT_EDITORS: [f"images.{action}_image" for action in ("view", "add", "change", "delete")],
    # Reviewers sign what a page shows, pictures included.
    roles.CLINICAL_REVIEWERS: ["images.view_image"],
}
