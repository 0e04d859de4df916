"""The insurance form's pages are valid HTML (vnu: 0 errors, 0 warnings): empty, with errors, thanks."""

import pytest

from tests import vnu
from tests.intake.helpers import THANKS_URL
from tests.intake.vob_helpers import INSURANCE_URL, named, post_insurance

pytestmark = pytest.mark.django_db


def test_the_insurance_form_its_error_state_and_thanks_are_valid_html(client):
    empty = client.get(INSURANCE_URL).content.decode()
    errors = post_insurance(client, name="", phone="", card_front=named(b"not a photo", "card.jpg"))
    assert errors.status_code == 200 and "There is a problem" in errors.content.decode()
    post_insurance(client)
    thanks = client.get(THANKS_URL).content.decode()
    assert "never send the result by email" in thanks
    found = vnu.problems({"empty": empty, "errors": errors.content.decode(), "thanks": thanks})
    assert not found, "\n".join(found)
