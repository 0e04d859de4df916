"""The image library in the admin, in a real Chromium at 375 and 1280 px: an editor uploads a
phone photo, is told to describe it, saves, and picks the focal point by clicking on it."""

import io

import pytest
from PIL import ExifTags
from PIL import Image as PILImage

from images.models import Image
from nexus import roles
from tests.browser.harness import PHONE, BrowserPage
from tests.browser.test_content_admin import sign_in
from tests.content.factories import UserFactory
from tests.images.factories import photo_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = {375: PHONE, 1280: {"viewport": {"width": 1280, "height": 900}}}


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def phone_photo():
    exif = PILImage.Exif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (38.0, 53.0, 23.0)
    return photo_bytes((1200, 800), exif=exif)


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_an_editor_uploads_describes_and_frames_an_image(chromium, live_server, tmp_path, width):
    context = chromium.new_context(**WIDTHS[width])
    page = BrowserPage(context.new_page(), live_server.url)
    try:
        sign_in(page, UserFactory(username="editor", roles=[roles.CONTENT_EDITORS]))
        assert page.goto("/admin/images/image/add/").status == 200
        photo = tmp_path / "IMG_0001.jpg"
        photo.write_bytes(phone_photo())
        page.get_by_label("Title").fill("Garden")
        page.set_input_files("input[name=file]", str(photo))
        with page.expect_navigation():
            page.click('input[name="_continue"]')
        assert "Describe the image in its alt text, or mark it decorative." in page.inner_text("body")
        page.screenshot(path=f"var/shots/images-admin-error-{width}.png", full_page=True)
        page.assert_layout()

        page.set_input_files("input[name=file]", str(photo))  # a browser never keeps a chosen file
        page.get_by_label("Alt text").fill("A garden path between low hedges")
        with page.expect_navigation():
            page.click('input[name="_continue"]')
        assert "was added successfully" in page.inner_text("body")
        image = Image.objects.get()
        with image.file.open("rb") as file:
            assert not PILImage.open(io.BytesIO(file.read())).getexif().get_ifd(ExifTags.IFD.GPSInfo)

        picker = page.locator("[data-focal-picker]")
        picker.scroll_into_view_if_needed()
        box = picker.bounding_box()
        page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.75)
        assert page.input_value("#id_focal_x") == "0.25" and page.input_value("#id_focal_y") == "0.75"
        marker = page.locator(".focal-marker").bounding_box()
        assert (
            abs(marker["x"] + marker["width"] / 2 - (box["x"] + box["width"] * 0.25)) <= 4
        )  # the marker ring is 30 px with its shadow
        page.assert_layout()
        page.screenshot(path=f"var/shots/images-admin-change-{width}.png", full_page=True)
        with page.expect_navigation():
            page.click('input[name="_continue"]')
        image.refresh_from_db()
        assert (image.focal_x, image.focal_y) == (0.25, 0.75)
        assert image.renditions.filter(format="avif").exists()  # the task ran after the commit
    finally:
        context.close()
