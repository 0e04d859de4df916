import re

import phonenumbers
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from intake import attribution, spam
from intake.models import Inquiry
from nexus.addresses import EmailAddressField

CONSENT_VERSION = "2026-01"
MESSAGE_MAX = 5000
# C0 and C1 controls, and the bidi overrides that can disguise text; newlines only in the message.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile(r"[\r\n\t]")
STAMP_ERRORS = {
    "tampered": _("We could not check this form. Please send it again, or call us."),
    "too_fast": _("That was sent very quickly. Please check your answers and send it again, or call us."),
    "stale": _("This form was open for a long time, so it has expired. Please send it again, or call us."),
}


def no_control_characters(value, *, multiline=False):
    if _CONTROL.search(value) or (not multiline and _LINE_BREAK.search(value)):
        raise ValidationError(_("Remove the special (control) characters from this answer."), code="control_characters")


class TextField(forms.CharField):
    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value:
            no_control_characters(value, multiline=self.multiline)


class TelInput(forms.TextInput):
    """`type="tel"` from the widget itself: setting it in `attrs` too printed two `type` attributes,
    and browsers keep the first (`text`)."""

    input_type = "tel"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "tel", "autocomplete": "tel", **(attrs or {})})


# Two examples the message gives: tests/intake/test_inquiry_form.py proves both validate.
PHONE_EXAMPLES = ("202 555 0143", "+44 20 7946 0958")


class PhoneField(TextField):
    """A US (or international, with +) number, stored as E.164."""

    widget = TelInput

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        try:
            number = phonenumbers.parse(value, "US")
        except phonenumbers.NumberParseException as error:
            raise self.invalid() from error
        if not phonenumbers.is_valid_number(number):
            raise self.invalid()
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def invalid(self):
        examples = {"us": PHONE_EXAMPLES[0], "intl": PHONE_EXAMPLES[1]}
        return ValidationError(self.error_messages["invalid_phone"], code="invalid_phone", params=examples)

    default_error_messages = {
        "invalid_phone": _(
            "Enter a phone number with its area code, like %(us)s, or an international number"
            " starting with + and the country code, like %(intl)s"
        ),
    }


class AttributionField(forms.CharField):
    """Marketing data from the browser: sanitised by intake.attribution, never a reason to refuse."""

    def __init__(self):
        super().__init__(widget=forms.HiddenInput, required=False)
        self.validators = []


# The question in Spanish under the English one, for someone who reads Spanish more easily.
SPANISH_HINT = "¿Prefiere que le hablemos en español?"


def prefers_spanish_field():
    """ "Would you rather we speak Spanish with you?": optional, empty (None) when not answered."""
    return forms.TypedChoiceField(
        label=_("Would you rather we speak Spanish with you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Select yes or no, or leave this question unanswered")},
    )


class LeadForm(forms.Form):
    """What the inquiry and callback forms share: the stamp, the honeypot, attribution, consents."""

    stamp = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(required=False, label=_("Leave this empty"))
    ft_landing_path = AttributionField()
    ft_referrer_origin = AttributionField()
    ft_utm_source = AttributionField()
    ft_utm_medium = AttributionField()
    ft_utm_campaign = AttributionField()
    ft_utm_term = AttributionField()
    ft_utm_content = AttributionField()

    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice"),
        error_messages={"required": _("Confirm that you have read the privacy notice")},
    )
    contact_consent = forms.BooleanField(
        label=_("Nexus Recovery may call or text me about this request"),
        error_messages={"required": _("Let us know we may contact you about this request")},
    )

    kind = Inquiry.Kind.INQUIRY
    # The page shows the error summary above its heading (templates/intake/form_page.html).
    summary_outside = True
    optional_marker = _(" (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stamp_error = None
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if "prefers_spanish" in self.fields and translation.get_language() != "es":
            self.fields["prefers_spanish"].help_text = format_html('<span lang="es">{}</span>', SPANISH_HINT)
        for field in self.fields.values():
            if not field.required and not isinstance(field.widget, forms.HiddenInput | forms.CheckboxInput):
                field.label = f"{field.label}{self.optional_marker}"
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = self.layout()

    def hidden_layout(self):
        return [
            Div("website", css_class="intake-hp", aria_hidden="true"),
            *[Field(name) for name in self.fields if name.startswith("ft_") or name == "stamp"],
        ]

    def consent_layout(self):
        # The address is the page's in the reader's language: the template context's page_links.
        notice = _('Read our <a href="%(url)s">privacy notice</a> (opens in this tab).')
        privacy = HTML("<p>" + notice % {"url": "{{ page_links.privacy }}"} + "</p>")
        return Fieldset(_("Your consent"), privacy, "privacy_consent", "contact_consent", *self.extra_consents())

    def extra_consents(self):
        return []

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["submission_token"] = spam.read_stamp(cleaned.get("stamp"))
        except spam.StampError as error:
            self.stamp_error = error.code
            raise ValidationError(STAMP_ERRORS[error.code], code=error.code) from error
        return cleaned

    def lead_fields(self):
        """The answers stored on the lead as they are: the form's fields that are also the lead's."""
        stored = {field.name for field in Inquiry._meta.concrete_fields}
        return {name: self.cleaned_data[name] for name in self.fields if name in stored}

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def attribution(self):
        return attribution.clean(self.data)


class InquiryForm(LeadForm):
    # The order of the page, so the error summary lists the errors in the order they appear.
    field_order = [
        "in_danger",
        "who_needs_help",
        "name",
        "relationship",
        "person_first_name",
        "phone",
        "email",
        "preferred_contact",
        "best_time",
        "voicemail_ok",
        "prefers_spanish",
        "substances",
        "care_level",
        "insurance_provider",
        "insurance_member_id",
        "message",
        "privacy_consent",
        "contact_consent",
        "reminder_consent",
    ]

    who_needs_help = forms.ChoiceField(
        label=_("Who needs help?"),
        choices=Inquiry.WhoNeedsHelp.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who needs help")},
    )
    name = TextField(label=_("Your name"), max_length=100, error_messages={"required": _("Enter your name")})
    relationship = TextField(
        label=_("Your relationship to the person"),
        max_length=100,
        required=False,
        help_text=_("For example: parent, partner, friend, counselor."),
    )
    person_first_name = TextField(label=_("Their first name"), max_length=100, required=False)
    phone = PhoneField(label=_("Phone number"), max_length=30, required=False)
    email = EmailAddressField(label=_("Email address"), max_length=254, required=False)
    preferred_contact = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=Inquiry.ContactMethod.choices,
        initial=Inquiry.ContactMethod.CALL,
        widget=forms.RadioSelect,
    )
    best_time = forms.ChoiceField(label=_("Best time to reach you"), choices=Inquiry.BestTime.choices)
    voicemail_ok = forms.BooleanField(label=_("You may leave a voicemail"), required=False)
    prefers_spanish = prefers_spanish_field()
    substances = forms.MultipleChoiceField(
        label=_("Substances of concern"),
        choices=Inquiry.Substance.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply."),
    )
    care_level = forms.ChoiceField(
        label=_("Level of care you are interested in"),
        choices=Inquiry.CareLevel.choices,
        initial=Inquiry.CareLevel.NOT_SURE,
    )
    insurance_provider = TextField(label=_("Insurance provider"), max_length=100, required=False)
    insurance_member_id = TextField(label=_("Insurance member ID"), max_length=50, required=False)
    message = TextField(
        label=_("Anything you would like us to know"),
        max_length=MESSAGE_MAX,
        required=False,
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("At most 5,000 characters. Please do not include anything you would not want stored."),
    )
    in_danger = forms.TypedChoiceField(
        label=_("Is anyone in immediate danger?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if anyone is in immediate danger")},
    )
    reminder_consent = forms.BooleanField(label=_("Send me reminder texts about appointments"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        autocomplete = {
            "name": "name",
            "phone": "tel",
            "email": "email",
            "relationship": "off",
            "person_first_name": "off",
            "insurance_provider": "off",
            "insurance_member_id": "off",
            "message": "off",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["email"].widget.attrs["spellcheck"] = "false"
        self.fields["insurance_member_id"].widget.attrs.update(spellcheck="false", autocapitalize="characters")
        self.fields["in_danger"].widget.attrs["data-danger-question"] = ""

    def layout(self):
        return Layout(
            *self.hidden_layout(),
            Field("in_danger"),
            HTML('{% include "intake/_danger_help.html" %}'),
            Fieldset(_("About you"), "who_needs_help", "name", "relationship", "person_first_name"),
            Fieldset(
                _("How to reach you"),
                HTML('<p class="form-text">{}</p>'.format(_("Give a phone number, an email address, or both."))),
                "phone",
                "email",
                "preferred_contact",
                "best_time",
                "voicemail_ok",
                "prefers_spanish",
            ),
            Fieldset(
                _("About the help needed"),
                "substances",
                "care_level",
                "insurance_provider",
                "insurance_member_id",
                "message",
            ),
            self.consent_layout(),
        )

    def extra_consents(self):
        return ["reminder_consent"]

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("phone")
            and not cleaned.get("email")
            and "phone" not in self.errors
            and "email" not in self.errors
        ):
            self.add_error("phone", ValidationError(_("Enter a phone number or an email address"), code="no_contact"))
        return cleaned


class CallbackForm(LeadForm):
    kind = Inquiry.Kind.CALLBACK
    field_order = [
        "name",
        "phone",
        "best_time",
        "voicemail_ok",
        "prefers_spanish",
        "privacy_consent",
        "contact_consent",
    ]

    name = TextField(label=_("Your name"), max_length=100, error_messages={"required": _("Enter your name")})
    phone = PhoneField(label=_("Phone number"), max_length=30, error_messages={"required": _("Enter a phone number")})
    best_time = forms.ChoiceField(label=_("Best time to call"), choices=Inquiry.BestTime.choices)
    voicemail_ok = forms.BooleanField(label=_("You may leave a voicemail"), required=False)
    prefers_spanish = prefers_spanish_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def layout(self):
        return Layout(
            *self.hidden_layout(),
            "name",
            "phone",
            "best_time",
            "voicemail_ok",
            "prefers_spanish",
            self.consent_layout(),
        )
