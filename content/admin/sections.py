"""The page's sections in the editor: one block per section, only its type's fields (docs/editor.md)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from content import markdown
from content.forms import KeepUnchangedTextForm, MultilineField
from content.models import Section


class SectionForm(KeepUnchangedTextForm):
    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind and "kind" in self.changed_data:
            # The editor hid the old type's fields: what they held must not linger, unseen, in the
            # page (and in what the clinical reviewer signs).
            for name in set(Section.KIND_FIELDS) - set(Section.FIELDS_BY_KIND.get(kind, Section.KIND_FIELDS)):
                if name in cleaned:
                    cleaned[name] = None if name in ("testimonial", "image") else ""
        return cleaned


def source_count(data, prefix="sources"):
    """How many sources the page will have once this form is saved (the source forms in `data`)."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return 0
    kept = 0
    for index in range(min(total, 1000)):
        form = f"{prefix}-{index}-"
        if data.get(form + "DELETE"):
            continue
        if data.get(form + "id") or data.get(form + "title", "").strip():
            kept += 1
    return kept


class SectionFormSet(BaseInlineFormSet):
    def clean(self):
        """A citation of a source the page does not have is an error on the section citing it."""
        super().clean()
        count = source_count(self.data)
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or (self.can_delete and self._should_delete_form(form)):
                continue
            missing = sorted({n for n in markdown.citations(form.cleaned_data.get("body")) if n < 1 or n > count})
            if missing:
                message = _(
                    "This text cites source %(numbers)s, but the page has %(count)s source(s): add the source "
                    "below, or correct the number."
                )
                params = {"numbers": ", ".join(f"[^{n}]" for n in missing), "count": count}
                form.add_error("body", ValidationError(message, code="missing_source", params=params))


class SectionInline(admin.StackedInline):
    model = Section
    form = SectionForm
    formset = SectionFormSet
    formfield_overrides = {models.TextField: {"form_class": MultilineField}}
    template = "admin/content/page/section_inline.html"
    extra = 0
    autocomplete_fields = ["testimonial", "image"]
    # One field a line, so that each can be shown or hidden by type; a question before its answer.
    fields = ["order", "kind", *Section.KIND_FIELDS]

    def editor_config(self):
        """What static/js/editor/sections.js needs: each type's fields and labels, from the model."""
        return {
            "fieldsByKind": {str(kind): names for kind, names in Section.FIELDS_BY_KIND.items()},
            "labelsByKind": {
                str(kind): {name: str(label) for name, label in labels.items()}
                for kind, labels in Section.LABELS_BY_KIND.items()
            },
            "allFields": Section.KIND_FIELDS,
        }
