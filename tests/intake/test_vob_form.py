"""The public "Check your insurance" form: a lead with its VOB request, card photos bare and encrypted."""

import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.core.management import call_command
from django.test.client import MULTIPART_CONTENT
from django.utils import timezone
from PIL import Image

from intake.models import BenefitsCheck, CardPhoto, Inquiry
from tests.intake.helpers import THANKS_URL, stamp
from tests.intake.vob_helpers import INSURANCE_URL, card_jpeg, has_gps, named, post_insurance

pytestmark = pytest.mark.django_db


def stored_bytes(photo):
    return Path(storages["private"].path(photo.file.name)).read_bytes()


def test_a_family_checks_their_insurance_and_a_lead_with_a_vob_request_is_stored(client):
    response = post_insurance(client, card_front=card_jpeg(), card_back=card_jpeg(gps=False, name="back.png"))
    assert response.status_code == 302 and response["Location"] == THANKS_URL
    lead = Inquiry.objects.get()
    assert (lead.kind, lead.name, lead.phone, lead.preferred_contact) == (
        "insurance",
        "Jordan Example",
        "+12025550142",
        "call",
    )
    assert (lead.insurance_provider, lead.insurance_member_id) == ("Example Health PPO", "XE123456789")
    check = lead.vob
    assert (check.status, check.payer, check.member_id, check.group_number) == (
        "requested",
        "Example Health PPO",
        "XE123456789",
        "G-4455",
    )
    assert (check.holder_name, check.holder_birth_date) == ("Casey Example", "1971-03-27")
    assert sorted(check.photos.values_list("side", flat=True)) == ["back", "front"]
    thanks = client.get(THANKS_URL).content.decode()
    assert "never send the result by email" in thanks and "Jordan" not in thanks


def test_staff_are_told_a_check_arrived_with_no_personal_data(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_insurance(client, card_front=card_jpeg())
    (message,) = mail.outbox
    lead = Inquiry.objects.get()
    assert f"#{lead.pk}" in message.subject
    text = message.subject + message.body
    for personal in ["Jordan", "Casey", "XE123456789", "G-4455", "Example Health", "555", "1971"]:
        assert personal not in text


def test_the_photo_kept_has_no_gps_camera_icc_or_comment_and_is_turned_upright(client):
    original = card_jpeg(size=(320, 200), orientation=6, comment=b"kitchen table").getvalue()
    assert has_gps(original) and b"Example Phone" in original
    post_insurance(client, card_front=named(original, "IMG_0001.JPG"))
    photo = CardPhoto.objects.get()
    data = photo.read()
    assert not has_gps(data)
    for trace in [b"Exif", b"Example Phone", b"ICC-home-profile", b"kitchen table"]:
        assert trace not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and image.size == (200, 320)  # orientation 6: turned a quarter
        assert not image.getexif() and "icc_profile" not in image.info
        assert image.getpixel((195, 5))[0] > 200  # the light band, now at the top right


def test_the_bytes_on_disk_are_encrypted_not_a_jpeg(client):
    post_insurance(client, card_front=card_jpeg())
    raw = stored_bytes(CardPhoto.objects.get())
    assert not raw.startswith(b"\xff\xd8") and raw.startswith(b"gAAAAA")  # a Fernet token
    with pytest.raises(Image.UnidentifiedImageError):
        Image.open(io.BytesIO(raw))
    assert "card" not in CardPhoto.objects.get().file.name.rsplit("/", 1)[-1]  # a random name, no extension


def test_photos_are_optional(client):
    response = post_insurance(client)
    assert response.status_code == 302
    assert BenefitsCheck.objects.get().photos.count() == 0


def test_a_png_named_jpg_is_read_by_its_content_and_stored_as_jpeg(client):
    out = io.BytesIO()
    Image.new("RGBA", (120, 80), (0, 0, 0, 0)).save(out, format="PNG")
    post_insurance(client, card_front=named(out.getvalue(), "card.jpg"))
    with Image.open(io.BytesIO(CardPhoto.objects.get().read())) as image:
        assert image.format == "JPEG" and image.getpixel((10, 10)) == (255, 255, 255)  # transparency on white


@pytest.mark.parametrize(
    "content, name",
    [
        (b"%PDF-1.7 not a photo at all", "card.jpg"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "card.svg"),
        (b"GIF89a" + b"\x00" * 40, "card.gif"),
        (card_jpeg().getvalue()[:300], "cut-short.jpg"),
    ],
    ids=["pdf-named-jpg", "svg", "gif", "truncated-jpeg"],
)
def test_a_file_that_is_not_a_photo_we_read_is_refused_with_a_message_and_nothing_is_stored(client, content, name):
    response = post_insurance(client, card_front=named(content, name))
    assert response.status_code == 200
    page = response.content.decode()
    assert "We could not read this file as a photo" in page and 'href="#id_card_front"' in page
    assert not Inquiry.objects.exists() and not CardPhoto.objects.exists()


def test_a_photo_over_8_mb_is_refused_with_a_message(client):
    big = named(b"\xff\xd8" + b"\x00" * (8 * 1024 * 1024), "huge.jpg")
    response = post_insurance(client, card_front=big)
    assert response.status_code == 200
    assert "larger than 8 MB" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_an_image_claiming_too_many_pixels_is_refused_before_it_is_decoded(client):
    out = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(out, format="PNG")  # 60 megapixels in a few kilobytes
    response = post_insurance(client, card_front=named(out.getvalue(), "bomb.png"))
    assert "too many pixels" in response.content.decode()
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"phone": ""}, "Enter a phone number, so we can call you with the result"),
        ({"payer": ""}, "Enter the name of the insurance company"),
        ({"member_id": ""}, "Enter the member ID from the card"),
        ({"holder_name": ""}, "Enter the policy holder&#x27;s full name"),
        ({"holder_birth_date": "2999-01-01"}, "Enter a date of birth in the past"),
        ({"holder_birth_date": "yesterday"}, "Enter the date of birth as a real date"),
        ({"member_id": "XE1\u202e23"}, "Remove the special (control) characters"),
    ],
)
def test_missing_or_odd_answers_get_a_clear_message(client, overrides, message):
    response = post_insurance(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Inquiry.objects.exists()


def test_the_same_form_sent_twice_is_stored_once_photos_included(client):
    data_stamp = stamp()
    for _ in range(2):
        post_insurance(client, stamp=data_stamp, card_front=card_jpeg())
    assert Inquiry.objects.count() == 1 and CardPhoto.objects.count() == 1


def test_the_honeypot_stores_nothing(client):
    response = post_insurance(client, website="http://spam.example", card_front=card_jpeg())
    assert response.status_code == 302
    assert not Inquiry.objects.exists() and not CardPhoto.objects.exists()


def test_a_stored_photo_has_no_url():
    with pytest.raises(ValueError, match="no URL"):
        storages["private"].url("card-photos/anything")


def test_purging_the_lead_purges_its_check_and_photo_files(client, django_capture_on_commit_callbacks):
    post_insurance(client, card_front=card_jpeg(), card_back=card_jpeg())
    paths = [Path(storages["private"].path(photo.file.name)) for photo in CardPhoto.objects.all()]
    assert all(path.exists() for path in paths)
    Inquiry.objects.update(
        status="lost",
        outcome_reason="lost_not_ready",
        status_reason="No longer looking",
        closed_at=timezone.now() - timezone.timedelta(days=400),
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_leads", stdout=io.StringIO())
    assert not Inquiry.objects.exists() and not BenefitsCheck.objects.exists() and not CardPhoto.objects.exists()
    assert not any(path.exists() for path in paths)


def test_rotating_keys_re_encrypts_photo_files(client, settings):
    from cryptography.fernet import Fernet

    old = Fernet.generate_key().decode()
    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [old]
    post_insurance(client, card_front=card_jpeg())
    photo = CardPhoto.objects.get()
    before = stored_bytes(photo)
    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old]
    call_command("rotate_field_keys", stdout=io.StringIO())
    settings.NEXUS_FIELD_ENCRYPTION_KEYS = settings.NEXUS_FIELD_ENCRYPTION_KEYS[:1]  # the old key dropped
    assert stored_bytes(photo) != before
    assert not has_gps(CardPhoto.objects.get().read())


def test_the_form_page_offers_the_upload_and_the_right_inputs(client):
    page = client.get(INSURANCE_URL).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'accept="image/jpeg,image/png,image/webp"' in page
    assert 'type="tel"' in page and 'autocomplete="tel"' in page and 'type="date"' in page
    # Found by search like the other empty forms; a sent one is not (intake.views.LeadFormView.render).
    assert "X-Robots-Tag" not in client.get(INSURANCE_URL).headers
    assert post_insurance(client, name="").headers["X-Robots-Tag"] == "noindex, nofollow"


def test_a_urlencoded_post_works_too_without_photos(client):
    from tests.intake.vob_helpers import insurance_data

    response = client.post(INSURANCE_URL, insurance_data())  # urlencoded (tests/form_posts.py)
    assert response.status_code == 302 and BenefitsCheck.objects.count() == 1


def test_a_browser_multipart_post_without_a_csrf_token_is_refused(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.get(INSURANCE_URL)
    from tests.intake.vob_helpers import insurance_data

    response = strict.post(INSURANCE_URL, insurance_data(card_front=card_jpeg()), content_type=MULTIPART_CONTENT)
    assert response.status_code == 403
    assert not Inquiry.objects.exists()
