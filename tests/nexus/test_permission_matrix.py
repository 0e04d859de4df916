"""Every role walks every admin page and staff action; each answer is what the README's matrix says.

The matrix is written out here by hand, not derived from the apps' roles.py: it is the
specification the roles are checked against.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from intake.models import BenefitsCheck, CardPhoto
from nexus import roles
from tests.content.factories import PageFactory
from tests.intake.factories import InquiryFactory
from tests.newsletter.factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

A, AL, CE, CR, M, AU, NONE = "A", "AL", "CE", "CR", "M", "AU", "none"
ROLE_OF = {
    A: roles.ADMISSIONS,
    AL: roles.ADMISSIONS_LEAD,
    CE: roles.CONTENT_EDITORS,
    CR: roles.CLINICAL_REVIEWERS,
    M: roles.MARKETING,
    AU: roles.AUDITORS,
    NONE: None,  # staff with no role at all
}
EVERYONE = set(ROLE_OF)

# url (with {inquiry}, {page}, {subscriber}, {issue} filled in) -> the roles that get 200; the rest 403.
MATRIX = {
    "/admin/": EVERYONE,
    "/admin/two-factor/": EVERYONE,
    # admissions
    "/admin/intake/inquiry/": {A, AL},
    "/admin/intake/inquiry/dashboard/": {A, AL},
    "/admin/intake/inquiry/{inquiry}/change/": {A, AL},
    "/admin/intake/callclick/": {A, AL},
    "/admin/intake/benefitscheck/": {A, AL},
    "/admin/intake/benefitscheck/{vob}/change/": {A, AL},
    "/admin/intake/benefitscheck/{vob}/photo/front/": {A, AL},
    "/admin/intake/inquiry/reports/": {A, AL},
    "/admin/intake/inquiry/reports/csv/": {A, AL},
    "/admin/intake/inquiry/{inquiry}/merge/": {AL},
    "/admin/intake/referralpartner/": {A, AL},
    "/admin/intake/referralpartner/add/": {AL},
    # content
    "/admin/content/page/": {CE, CR},
    "/admin/content/page/add/": {CE},
    "/admin/content/page/{page}/change/": {CE, CR},
    "/preview/{page}/": {CE, CR},
    "/admin/content/pagedueforreview/": {CE, CR},
    "/admin/content/revision/": {CE, CR},
    "/admin/content/review/": {CE, CR},
    "/admin/content/page/{page}/changes/": {CE, CR},
    "/admin/content/page/choose/": {CE},
    "/admin/content/stigmaterm/": {CE},
    "/admin/content/testimonial/": {CE},
    "/admin/content/sitesettings/add/": {CE},
    "/admin/redirects/redirect/": {CE},
    # newsletter
    "/admin/newsletter/subscriber/": {M},
    "/admin/newsletter/subscriber/import/": {M},
    "/admin/newsletter/subscriber/{subscriber}/change/": {M},
    "/admin/newsletter/issue/": {M},
    "/admin/newsletter/issue/add/": {M},
    "/admin/newsletter/issue/{issue}/preview/": {M},
    "/admin/newsletter/suppression/": {M},
    "/admin/newsletter/delivery/": {M},
    # oversight and operations
    "/admin/nexus/auditevent/": {AU},
    "/admin/axes/accessattempt/": {AL},
    "/admin/enrolment-links/": {AL},
    "/admin/auth/user/": set(),
    "/admin/auth/group/": set(),
    "/admin/otp_totp/totpdevice/": set(),
    "/admin/django_tasks_database/dbtaskresult/": set(),
    "/admin/sites/site/": set(),
}


def insurance_check():
    check = BenefitsCheck.objects.create(
        inquiry=InquiryFactory(), payer="P", member_id="M", holder_name="H", holder_birth_date="1970-01-01"
    )
    photo = CardPhoto(vob=check, side="front", width=1, height=1)
    photo.file.save("card", ContentFile(b"\xff\xd8 a photo"))
    return check.pk


@pytest.fixture
def objects():
    return {
        "vob": insurance_check(),
        "inquiry": InquiryFactory().pk,
        "page": PageFactory().pk,
        "subscriber": SubscriberFactory().pk,
        "issue": IssueFactory().pk,
    }


def client_for(role):
    user = get_user_model().objects.create_user(f"staff-{role}", is_staff=True)
    if ROLE_OF[role]:
        user.groups.add(Group.objects.get(name=ROLE_OF[role]))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", sorted(ROLE_OF))
def test_each_role_reaches_exactly_what_the_matrix_says(role, objects):
    client = client_for(role)
    wrong = []
    for pattern, allowed in MATRIX.items():
        url = pattern.format(**objects)
        status = client.get(url).status_code
        expected = 200 if role in allowed else 403
        if status != expected:
            wrong.append(f"{url}: {status}, expected {expected}")
    assert not wrong, f"{role} ({ROLE_OF[role]}):\n" + "\n".join(wrong)


def test_a_superuser_reaches_every_page(objects, admin_client):
    for pattern in MATRIX:
        url = pattern.format(**objects)
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("role", "changelist", "action", "csv"),
    [
        (AL, "/admin/intake/inquiry/", "export_csv", True),
        (A, "/admin/intake/inquiry/", "export_csv", False),
        (M, "/admin/newsletter/subscriber/", "export_csv", True),
    ],
)
def test_exports_only_for_roles_with_the_export_permission(role, changelist, action, csv, objects):
    client = client_for(role)
    pk = objects["inquiry"] if "intake" in changelist else objects["subscriber"]
    response = client.post(changelist, {"action": action, "_selected_action": [pk]})
    is_csv = response.get("Content-Type", "").startswith("text/csv")
    assert is_csv is csv, f"{role}: {response.status_code} {response.get('Content-Type')}"


def test_anonymous_visitors_are_sent_to_sign_in(objects):
    client = Client()
    for pattern in MATRIX:
        response = client.get(pattern.format(**objects))
        assert response.status_code == 302 and "/admin/login/" in response["Location"], pattern
