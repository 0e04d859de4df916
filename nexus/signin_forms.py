from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class StaffAuthenticationForm(AdminAuthenticationForm):
    def clean_username(self):
        # AuthenticationForm sets max_length after its validators are built, so an over-long name
        # would reach authenticate() and django-axes' 255-character column (a 500 on PostgreSQL).
        username = self.cleaned_data["username"]
        if len(username) > get_user_model()._meta.get_field("username").max_length:
            raise ValidationError(_("That username is too long."), code="max_length")
        return username


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app, or a backup code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class IssueLinkForm(forms.Form):
    user = forms.ModelChoiceField(
        queryset=None, error_messages={"invalid_choice": _("You cannot issue a link for that account.")}
    )

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = accounts
