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
        """A citation of a source the page does not have is an error on the section citing it, and so
        is a new source cited out of turn: sources are numbered from 1 in the order the page cites them."""
        super().clean()
        count = source_count(self.data)
        kept = [
            form
            for form in self.forms
            if hasattr(form, "cleaned_data") and not (self.can_delete and self._should_delete_form(form))
        ]
        for form in kept:
            missing = sorted({n for n in markdown.citations(form.cleaned_data.get("body")) if n < 1 or n > count})
            if missing:
                message = _(
                    "This text cites source %(numbers)s, but the page has %(count)s source(s): add the source "
                    "below, or correct the number."
                )
                params = {"numbers": ", ".join(f"[^{n}]" for n in missing), "count": count}
                form.add_error("body", ValidationError(message, code="missing_source", params=params))
        self.check_citation_order(sorted(kept, key=lambda form: form.cleaned_data.get("order") or 0))

    def check_citation_order(self, forms_in_page_order):
        """The first new source the page cites is [^1], the next new one [^2], and so on."""
        cited = set()
        for form in forms_in_page_order:
            for number in markdown.citations(form.cleaned_data.get("body")):
                if number in cited:
                    continue
                expected = len(cited) + 1
                if number != expected:
                    message = _(
                        "Sources are numbered in the order the page first cites them: the next new source "
                        "cited here should be [^%(expected)s], not [^%(number)s]. Renumber the citations, or "
                        "reorder the sources below."
                    )
                    params = {"expected": expected, "number": number}
                    form.add_error("body", ValidationError(message, code="citation_order", params=params))
                    return
                cited.add(number)


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
