from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD

_WORK_LEADS = [
    "intake.view_inquiry",
    "intake.change_inquiry",
    "intake.view_activity",
    "intake.add_activity",
    "intake.view_statuschange",
    "intake.view_callclick",
    "intake.view_benefitscheck",
    "intake.change_benefitscheck",
    "intake.view_referralpartner",
]

ROLE_PERMISSIONS = {
    ADMISSIONS: _WORK_LEADS,
    ADMISSIONS_LEAD: [
        *_WORK_LEADS,
        "intake.export_inquiry",
        "intake.add_referralpartner",
        "intake.change_referralpartner",
        "intake.delete_referralpartner",
    ],
}
