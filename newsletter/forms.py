from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from newsletter.consent import CURRENT_VERSION, WORDING, current_text
from newsletter.validators import no_line_breaks
from nexus.addresses import EmailAddressField

HONEYPOT = "website"
SOURCES = {"footer", "page"}


class SignupForm(forms.Form):
    """Email, optional first name and the consent sentence; a hidden honeypot catches bots."""

    email = EmailAddressField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
            "max_length": _("That email address is too long (254 characters at most)."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    first_name = forms.CharField(
        label=_("First name (optional)"),
        max_length=100,
        required=False,
        validators=[no_line_breaks],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"max_length": _("Keep your first name under 100 characters.")},
    )
    consent = forms.BooleanField(
        label=lazy(current_text, str)(),  # in the language of the page the form is on
        error_messages={"required": _("Tick the box to agree to receive the newsletter.")},
    )
    consent_version = forms.ChoiceField(
        choices=[(version, version) for version in WORDING], initial=CURRENT_VERSION, widget=forms.HiddenInput
    )
    source = forms.CharField(max_length=16, initial="page", widget=forms.HiddenInput)
    page = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))

    def clean_email(self):
        email = self.cleaned_data["email"]
        no_line_breaks(email)
        return email

    def clean_source(self):
        source = self.cleaned_data["source"]
        if source not in SOURCES:
            raise ValidationError(_("Unknown form."), code="source")
        return source

    def clean_page(self):
        page = self.cleaned_data["page"]
        # Only a path on this site is kept, never a query string (it could hold anything).
        if not page.startswith("/") or page.startswith("//") or any(c in page for c in "?#\r\n\\"):
            return ""
        return page

    def source_label(self):
        data = self.cleaned_data
        return f"{data['source']}:{data['page']}" if data["page"] else data["source"]
