"""Admin forms that change nothing when nothing was edited.

Browsers send every textarea with CRLF line breaks (and Django strips the ends of text fields),
while text stored by the demo, a restore or an earlier save may use LF: a save with no edits then
rewrote the text, voided the clinical review (its fingerprint covers the exact text) and logged
changes nobody made.
"""

from django import forms


def _lines(value):
    return (value or "").replace("\r\n", "\n").replace("\r", "\n")


class MultilineField(forms.CharField):
    """A textarea's text with LF line breaks, "unchanged" when only line breaks or ends differ."""

    def to_python(self, value):
        return super().to_python(_lines(value) if isinstance(value, str) else value)

    def has_changed(self, initial, data):
        before = _lines(initial)
        return (before.strip() if self.strip else before) != self.to_python(data)


class KeepUnchangedTextForm(forms.ModelForm):
    """A text field the editor did not change keeps its stored value, byte for byte."""

    def clean(self):
        cleaned = super().clean()
        if self.instance._state.adding:
            return cleaned
        for name, field in self.fields.items():
            if isinstance(field, MultilineField) and name in cleaned and name not in self.changed_data:
                cleaned[name] = self.get_initial_for_field(field, name)
        return cleaned
