"""The forms' markup as a browser reads it: one `type` per input, the right keyboard and autofill,
errors between the label and the input for every kind of field, and a phone message whose
examples are numbers the form accepts."""

import re
from html.parser import HTMLParser

import pytest

from intake.forms import PHONE_EXAMPLES, CallbackForm, InquiryForm, PhoneField
from tests.intake.helpers import CALLBACK_URL, INQUIRY_URL, inquiry_data, stamp
from tests.newsletter.helpers import SAME_ORIGIN, SIGNUP_URL

pytestmark = pytest.mark.django_db


class Inputs(HTMLParser):
    """Every <input>, <select> and <textarea> with its attributes as written (duplicates kept)."""

    def __init__(self):
        super().__init__()
        self.controls = []

    def handle_starttag(self, tag, attrs):
        if tag in {"input", "select", "textarea"}:
            self.controls.append((tag, attrs))


def controls(html):
    parser = Inputs()
    parser.feed(html)
    return parser.controls


def main_of(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


PAGES = [INQUIRY_URL, CALLBACK_URL, SIGNUP_URL]
# name -> (type, inputmode, autocomplete); None: the attribute must be absent.
EXPECTED = {
    "phone": ("tel", "tel", "tel"),
    "email": ("email", None, "email"),
    "name": ("text", None, "name"),
    "first_name": ("text", None, "given-name"),
}


@pytest.mark.parametrize("path", PAGES)
def test_no_input_carries_an_attribute_twice(client, path):
    for tag, attrs in controls(client.get(path).content.decode()):
        names = [name for name, _value in attrs]
        assert len(names) == len(set(names)), f"<{tag}> repeats an attribute: {attrs}"


@pytest.mark.parametrize("path", PAGES)
def test_each_input_gets_the_keyboard_and_autofill_it_needs(client, path):
    seen = set()
    for tag, attrs in controls(main_of(client.get(path).content.decode())):
        attrs = dict(attrs)
        kind = attrs.get("type", "text") if tag == "input" else tag
        if kind in {"hidden", "radio", "checkbox", "select", "submit"}:
            continue
        # Every typed answer says what it is to autofill: a value, or "off" for what is not the reader's own.
        assert attrs.get("autocomplete"), f"{attrs.get('name')} has no autocomplete"
        if attrs["name"] in EXPECTED:
            seen.add(attrs["name"])
            assert (kind, attrs.get("inputmode"), attrs["autocomplete"]) == EXPECTED[attrs["name"]], attrs
    assert seen, "the page has none of the inputs it should"


def test_the_phone_widget_is_tel_by_itself():
    for form in (InquiryForm(), CallbackForm()):
        html = str(form["phone"])
        assert html.count("type=") == 1 and 'type="tel"' in html


def test_the_examples_in_the_phone_message_are_accepted(client):
    field = PhoneField()
    message = str(field.error_messages["invalid_phone"]) % dict(zip(("us", "intl"), PHONE_EXAMPLES, strict=True))
    response = client.post(INQUIRY_URL, inquiry_data(phone="555"))
    shown = response.context["form"].errors["phone"][0]
    assert shown == message
    examples = re.findall(r"like (\+?[\d ]+\d)", shown)
    assert examples == list(PHONE_EXAMPLES)
    for example in examples:
        assert field.clean(example).startswith("+"), example
        # ...and through the whole form, as someone copying the example would send it.
        assert client.post(CALLBACK_URL, callback_data(phone=example)).status_code == 302


@pytest.mark.parametrize("phone", ["555", "12", "call me", "202 555 01", "+1 000 000 0000", "++44", "２０２"])
def test_a_number_that_cannot_be_valid_says_how_to_write_it(client, phone):
    response = client.post(CALLBACK_URL, callback_data(phone=phone))
    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == [
        str(PhoneField().error_messages["invalid_phone"]) % {"us": PHONE_EXAMPLES[0], "intl": PHONE_EXAMPLES[1]}
    ]


def callback_data(**overrides):
    data = {
        "stamp": stamp(),
        "website": "",
        "name": "Jordan Example",
        "phone": "(202) 555-0142",
        "best_time": "any",
        "privacy_consent": "on",
        "contact_consent": "on",
    }
    data.update(overrides)
    return data


def wrapper_of(html, control_id):
    """The field's wrapper (div_<id>), as text, up to the next field's wrapper."""
    start = html.index(f'id="div_{control_id}"')
    following = html.find('id="div_id_', start + 10)
    return html[html.rindex("<div", 0, start) : following if following > 0 else None]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("in_danger", "radio"),
        ("who_needs_help", "radio"),
        ("name", "text"),
        ("phone", "tel"),
        ("email", "email"),
        ("substances", "checkbox"),
        ("message", "textarea"),
        ("privacy_consent", "checkbox"),
        ("contact_consent", "checkbox"),
    ],
)
def test_every_kind_of_field_shows_its_error_below_the_label_and_above_the_input(client, name, kind):
    bad = {"in_danger": None, "who_needs_help": None, "name": "", "phone": "12", "email": "nope"}
    bad |= {"substances": ["nope"], "message": "x\x00", "privacy_consent": None, "contact_consent": None}
    html = client.post(INQUIRY_URL, inquiry_data(**bad)).content.decode()
    block = wrapper_of(html, f"id_{name}")
    assert 'class="field field--error' in block[:200]
    label = re.search(r"<(legend|label)[^>]*>", block)
    error = block.index('class="field-error"')
    control = re.search(r"<(input|textarea|select)\b", block)
    assert label and control, block
    if kind == "checkbox" and name.endswith("consent"):
        # A single box: the error above the box, its label beside the box (GOV.UK).
        assert error < control.start() < label.start()
    else:
        assert label.start() < error < control.start(), block
    assert f'id="id_{name}_error"' in block
    described = re.search(r'aria-describedby="([^"]*)"', block)
    assert described and f"id_{name}_error" in described.group(1).split()


def test_the_summary_links_every_error_to_its_input_in_the_order_of_the_page(client):
    html = client.post(INQUIRY_URL, inquiry_data(in_danger=None, name="", phone="12", contact_consent=None)).content
    html = html.decode()
    summary = html[html.index('class="error-summary"') : html.index("</ul>", html.index('class="error-summary"'))]
    assert "There is a problem" in summary
    anchors = re.findall(r'<a href="#([^"]+)">', summary)
    assert anchors == ["id_in_danger_0", "id_name", "id_phone", "id_contact_consent"]
    for anchor in anchors:
        assert f'id="{anchor}"' in html
    assert html.index('class="error-summary"') < html.index("<h1"), "the summary comes before the heading"
    assert "alert-danger" not in html and "invalid-feedback" not in html


def test_the_newsletter_page_shows_errors_the_same_way(client):
    data = {"email": "", "consent_version": "2026-11", "source": "page", "page": "/", "website": ""}
    html = client.post(SIGNUP_URL, data, **SAME_ORIGIN).content.decode()
    summary = html[html.index('class="error-summary"') :]
    assert re.findall(r'<a href="#([^"]+)">', summary.split("</ul>")[0]) == ["nl-page-email", "nl-page-consent"]
    for name in ("email", "consent"):
        start = html.index(f'id="nl-page-{name}-error"')
        wrapper = html.rindex('<div class="field field--error">', 0, start)
        assert wrapper < start < html.index(f'id="nl-page-{name}"'), name


@pytest.mark.parametrize("path", [INQUIRY_URL, CALLBACK_URL])
def test_the_empty_form_can_be_found_but_a_sent_one_is_not_indexed(client, path):
    empty = client.get(path)
    assert "X-Robots-Tag" not in empty and 'name="robots"' not in empty.content.decode()
    sent = client.post(path, {"stamp": stamp(), "name": ""})
    assert sent["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex">' in sent.content.decode()
