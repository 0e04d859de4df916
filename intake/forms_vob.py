"""The public "Check your insurance" form: a lead (name and phone, as a callback needs) and its VOB."""

from datetime import date

from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake import vob
from intake.forms import LeadForm, PhoneField, TextField, prefers_spanish_field
from intake.models import CardPhoto, Inquiry
from nexus.addresses import EmailAddressField

PHOTO_HELP = _(
    "Optional. A JPEG, PNG or WebP photo, at most 8 MB. We remove the photo's location and camera "
    "details before we keep it. If the form shows a problem, choose the photo again."
)


class CardPhotoField(forms.FileField):
    """An optional photo, cleaned by intake.vob into a bare JPEG (a CleanPhoto) or refused."""

    widget = forms.FileInput

    def __init__(self, **kwargs):
        super().__init__(required=False, help_text=PHOTO_HELP, **kwargs)
        self.widget.attrs["accept"] = vob.ACCEPT

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        return vob.clean_photo(uploaded) if uploaded else None


class InsuranceForm(LeadForm):
    kind = Inquiry.Kind.INSURANCE
    field_order = ["who_needs_help", "name", "phone", "email", "best_time", "voicemail_ok", "prefers_spanish"]

    who_needs_help = forms.ChoiceField(
        label=_("Who needs help?"),
        choices=Inquiry.WhoNeedsHelp.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who needs help")},
    )
    name = TextField(label=_("Your name"), max_length=100, error_messages={"required": _("Enter your name")})
    phone = PhoneField(
        label=_("Phone number"),
        max_length=30,
        help_text=_("We call you with what your insurance covers: we never send it by email."),
        error_messages={"required": _("Enter a phone number, so we can call you with the result")},
    )
    email = EmailAddressField(label=_("Email address"), max_length=254, required=False)
    best_time = forms.ChoiceField(label=_("Best time to call"), choices=Inquiry.BestTime.choices)
    voicemail_ok = forms.BooleanField(label=_("You may leave a voicemail"), required=False)
    prefers_spanish = prefers_spanish_field()

    payer = TextField(
        label=_("Insurance company"),
        max_length=100,
        help_text=_("As printed on the card, for example: Example Health PPO."),
        error_messages={"required": _("Enter the name of the insurance company")},
    )
    member_id = TextField(
        label=_("Member ID"), max_length=50, error_messages={"required": _("Enter the member ID from the card")}
    )
    group_number = TextField(label=_("Group number"), max_length=50, required=False)
    holder_name = TextField(
        label=_("Policy holder's full name"),
        max_length=100,
        help_text=_("The person the insurance is in the name of. It may be you, or someone else."),
        error_messages={"required": _("Enter the policy holder's full name")},
    )
    holder_birth_date = forms.DateField(
        label=_("Policy holder's date of birth"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%m/%d/%Y"],
        error_messages={
            "required": _("Enter the policy holder's date of birth"),
            "invalid": _("Enter the date of birth as a real date, for example 03/27/1971"),
        },
    )
    card_front = CardPhotoField(label=_("Photo of the front of the card"))
    card_back = CardPhotoField(label=_("Photo of the back of the card"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = {
            "name": {"autocomplete": "name"},
            "phone": {"inputmode": "tel", "autocomplete": "tel"},
            "email": {"autocomplete": "email", "spellcheck": "false"},
            "payer": {"autocomplete": "off"},
            "member_id": {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"},
            "group_number": {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"},
            "holder_name": {"autocomplete": "off"},
            "holder_birth_date": {"autocomplete": "off", "min": "1900-01-01", "max": date.today().isoformat()},
        }
        for name, values in attrs.items():
            self.fields[name].widget.attrs.update(values)
        # The input's own type, not an attribute: crispy would write `type` twice (vnu: an error).
        self.fields["phone"].widget.input_type = "tel"

    def layout(self):
        return Layout(
            *self.hidden_layout(),
            Fieldset(_("About you"), "who_needs_help", "name"),
            Fieldset(_("How to reach you"), "phone", "email", "best_time", "voicemail_ok", "prefers_spanish"),
            Fieldset(
                _("The insurance"),
                HTML('<p class="form-text">{}</p>'.format(_("Copy these from the insurance card."))),
                "payer",
                "member_id",
                "group_number",
                "holder_name",
                "holder_birth_date",
            ),
            Fieldset(_("Photos of the card"), "card_front", "card_back"),
            self.consent_layout(),
        )

    def clean_holder_birth_date(self):
        born = self.cleaned_data["holder_birth_date"]
        if born > timezone.localdate() or born.year < 1900:
            raise ValidationError(_("Enter a date of birth in the past, after 1900"), code="birth_date_range")
        return born

    def lead_fields(self):
        data = self.cleaned_data
        return super().lead_fields() | {
            "preferred_contact": Inquiry.ContactMethod.CALL,
            "insurance_provider": data["payer"],
            "insurance_member_id": data["member_id"],
        }

    def vob_fields(self):
        data = self.cleaned_data
        return {
            "payer": data["payer"],
            "member_id": data["member_id"],
            "group_number": data["group_number"],
            "holder_name": data["holder_name"],
            "holder_birth_date": data["holder_birth_date"].isoformat(),
        }

    def photos(self):
        """{side: CleanPhoto} for the photos sent."""
        sides = {CardPhoto.Side.FRONT: "card_front", CardPhoto.Side.BACK: "card_back"}
        return {side: self.cleaned_data[name] for side, name in sides.items() if self.cleaned_data.get(name)}
