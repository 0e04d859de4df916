"""Trust signals are content: what editors publish shows on the home, About and admission pages and
in every footer, with its verification link; unpublished entries disappear at once."""

import pytest

from content import demo
from content.models import Accreditation, CallStep, InsurancePlan, Reviewer
from tests.content.factories import committed

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    with committed():
        demo.load()


def test_demo_trust_entries_are_all_marked_sample(site):
    for model in (Accreditation, InsurancePlan, CallStep):
        assert model.objects.exists() and not model.objects.filter(is_sample=False).exists()
    assert Reviewer.objects.team().exists() and not Reviewer.objects.team().filter(is_sample=False).exists()


def test_loading_the_demo_twice_adds_no_trust_entry(site):
    counts = [m.objects.count() for m in (Accreditation, InsurancePlan, CallStep, Reviewer)]
    with committed():
        demo.load()
    assert [m.objects.count() for m in (Accreditation, InsurancePlan, CallStep, Reviewer)] == counts


def test_home_shows_steps_accreditations_insurance_and_team(client, site):
    html = client.get("/").content.decode()
    for text in [
        "What happens when you call",
        "Accreditations and licences",
        "Insurance we accept",
        "Our clinical team",
        "Verify The Joint Commission",
        'href="https://www.qualitycheck.org/"',
    ]:
        assert text in html
    assert html.count("SAMPLE") >= 10


def test_about_shows_the_team_and_admission_page_the_steps(client, site):
    about = client.get("/about/").content.decode()
    assert "Our clinical team" in about and "Dr. Morgan Example" in about and "Accreditations and licences" in about
    how = client.get("/how-admission-works/").content.decode()
    assert "What happens when you call" in how and "Insurance we accept" in how
    como = client.get("/es/como-funciona-el-ingreso/").content.decode()
    assert "Qué pasa cuando llama" in como and "Le atiende una persona" in como and "A person answers" not in como


def test_the_spanish_pages_show_the_demo_trust_signals_written_in_spanish(client, site):
    """Spanish readers get the accreditations (every footer) and the insurance list in Spanish, not
    the English rows marked lang="en"; the issuers' names stay as they are."""
    como = client.get("/es/como-funciona-el-ingreso/").content.decode()
    assert "La mayoría de los planes PPO (dentro y fuera de la red)" in como and "Most PPO plans" not in como
    assert "Pago por cuenta propia" in como and "Self-pay" not in como
    for path in ["/es/", "/es/como-funciona-el-ingreso/", "/es/search/?q=seguro"]:
        html = client.get(path).content.decode()
        assert "Licencia estatal N.º MUESTRA-0000" in html and "State licence" not in html, path
        assert 'lang="en"' not in html.split('class="footer-trust"')[1], path


def test_every_footer_carries_the_accreditation_line(client, site):
    for path in ["/", "/blog/", "/newsletter/", "/search/?q=detox"]:
        html = client.get(path).content.decode()
        assert 'class="footer-trust"' in html and "State licence No. SAMPLE-0000" in html, path


def test_an_edit_in_the_admin_shows_at_once_on_cached_pages(client, site):
    client.get("/")  # cached now
    with committed():
        Accreditation.objects.create(name="A new body", verify_url="https://example.org/check", order=9)
    html = client.get("/").content.decode()
    assert "Verify A new body" in html and 'href="https://example.org/check"' in html
    with committed():
        Accreditation.objects.filter(name="A new body").update(is_published=False)
        Accreditation.objects.get(name="CARF International", language="en").save()  # a save moves the cache on
    assert "A new body" not in client.get("/").content.decode()


def test_the_text_line_follows_the_settings(client, site):
    from content.models import SiteSettings

    with committed():
        SiteSettings.objects.update_or_create(pk=1, defaults={"text_phone": "+1 202 555 0100"})
    html = client.get("/benzodiazepine-addiction-treatment/").content.decode()
    assert 'href="sms:+12025550100"' in html and 'href="tel:+12025550199"' in html


def test_the_inquiry_page_says_what_happens_next(client, site):
    html = client.get("/admissions/").content.decode()
    assert "What happens next" in html and "A person answers" in html and "The Joint Commission (SAMPLE)" in html


def test_staff_edit_every_trust_signal_in_the_admin(admin_client, site):
    for model in ("accreditation", "insuranceplan", "callstep", "reviewer"):
        assert admin_client.get(f"/admin/content/{model}/").status_code == 200, model
    response = admin_client.post(
        "/admin/content/accreditation/add/",
        {"name": "CARF", "kind": "accreditation", "detail": "", "verify_url": "not a link", "order": 0},
    )
    assert response.status_code == 200 and "Enter a valid URL." in response.content.decode()


def test_a_reviewer_with_a_library_photo_is_shown_with_it_and_its_alt_text_the_others_with_initials(client, site):
    from tests.images.factories import image

    morgan = Reviewer.objects.get(name="Dr. Morgan Example")
    with committed():
        morgan.portrait = image(title="Morgan", alt="Dr. Morgan Example smiling in the clinic garden")
        morgan.save()
    about = client.get("/about/").content.decode()
    team = about[about.index("Our clinical team") :]
    assert '<picture class="avatar avatar-photo">' in team
    assert 'alt="Dr. Morgan Example smiling in the clinic garden"' in team
    assert team.count('class="avatar" aria-hidden="true"') == Reviewer.objects.team().count() - 1
    with committed():
        morgan.portrait.delete()  # deleting the image leaves the reviewer, back to initials
    morgan.refresh_from_db()
    assert morgan.portrait is None
    assert "avatar-photo" not in client.get("/about/").content.decode()
