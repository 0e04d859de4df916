from nexus.roles import MARKETING

ROLE_PERMISSIONS = {
    MARKETING: [
        "newsletter.view_subscriber",
        "newsletter.change_subscriber",
        "newsletter.export_subscriber",
        "newsletter.import_subscriber",
        "newsletter.erase_subscriber",
        "newsletter.view_suppression",
        "newsletter.add_suppression",
        "newsletter.view_issue",
        "newsletter.add_issue",
        "newsletter.change_issue",
        "newsletter.delete_issue",
        "newsletter.send_issue",
        "newsletter.view_delivery",
        "newsletter.change_delivery",
    ],
}
