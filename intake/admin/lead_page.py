"""The lead page, top first: who and how to reach them, what they asked, the pipeline, the timeline.

The contact-attempt form is its own small form above the timeline, outside the pipeline's form
(HTML forms do not nest); it posts to `<id>/contact/`, which logs through `services.log_contact`.
"""

import copy

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from intake import services
from intake.models import Activity, BenefitsCheck, Inquiry
from nexus.phone import national, tel_href

VOICEMAIL_OUTCOMES = [Activity.Outcome.VOICEMAIL, Activity.Outcome.NO_VOICEMAIL]
# Which outcomes make sense for which way of reaching someone (the first one is the form's default).
OUTCOMES = {
    Activity.Kind.CALL: [
        Activity.Outcome.REACHED,
        Activity.Outcome.NO_ANSWER,
        Activity.Outcome.VOICEMAIL,
        Activity.Outcome.NO_VOICEMAIL,
        Activity.Outcome.WRONG_NUMBER,
    ],
    Activity.Kind.TEXT: [Activity.Outcome.SENT, Activity.Outcome.REACHED, Activity.Outcome.WRONG_NUMBER],
    Activity.Kind.EMAIL: [Activity.Outcome.SENT, Activity.Outcome.REACHED],
    Activity.Kind.NOTE: [Activity.Outcome.NONE],
}


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What you did"),
        choices=[(value, capfirst(label)) for value, label in Activity.Kind.choices],
        initial=Activity.Kind.CALL,
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", "---------")] + [(value, capfirst(label)) for value, label in Activity.Outcome.choices if value],
        required=False,
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    follow_up_due = forms.DateTimeField(
        label=_("Next follow-up"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Optional: when to try again. You will get a reminder then."),
    )

    def __init__(self, *args, inquiry, **kwargs):
        super().__init__(*args, **kwargs)
        self.inquiry = inquiry

    def clean(self):
        data = super().clean()
        kind, outcome = data.get("kind"), data.get("outcome") or ""
        if kind is None:
            return data
        if kind == Activity.Kind.NOTE:
            data["outcome"] = ""
            if not data.get("note", "").strip():
                raise ValidationError(_("Write the note, or choose a call, text or email."), code="empty_note")
            return data
        if outcome not in OUTCOMES[kind]:
            labels = ", ".join(str(Activity.Outcome(value).label) for value in OUTCOMES[kind])
            raise ValidationError(
                _("Choose what happened with the %(kind)s: %(labels)s.")
                % {"kind": Activity.Kind(kind).label, "labels": labels},
                code="outcome",
            )
        if outcome == Activity.Outcome.VOICEMAIL and not self.inquiry.voicemail_ok:
            raise ValidationError(
                _("They did not allow voicemail: log “no answer, voicemail not left” instead."),
                code="voicemail_not_allowed",
            )
        return data


def contact_links(inquiry):
    """(label, href, css) for each way to reach them, the preferred way first."""
    links = []
    if inquiry.phone:
        number = national(inquiry.phone)
        links.append(("call", _("Call %(number)s") % {"number": number}, tel_href(inquiry.phone)))
        links.append(("text", _("Text %(number)s") % {"number": number}, "sms:" + tel_href(inquiry.phone)[4:]))
    if inquiry.email:
        links.append(("email", _("Email %(address)s") % {"address": inquiry.email}, f"mailto:{inquiry.email}"))
    links.sort(key=lambda link: link[0] != inquiry.preferred_contact)
    return [{"method": method, "label": label, "href": href} for method, label, href in links]


def timeline(inquiry):
    """Status changes and timeline entries, newest first, as dicts for the template."""
    entries = [
        {
            "at": change.at,
            "css": "status",
            "by": change.by or _("the form"),
            "status": change.to_status,
            "what": _("Status: %(to)s") % {"to": Inquiry.Status(change.to_status).label},
            "note": change.reason,
        }
        for change in inquiry.status_changes.select_related("by")
    ] + [
        {
            "at": item.at,
            "css": item.kind,
            "by": item.by or "-",
            "what": " · ".join(
                str(part).capitalize()
                for part in [item.get_kind_display(), item.outcome and item.get_outcome_display()]
                if part
            ),
            "note": item.note,
        }
        for item in inquiry.activities.select_related("by")
    ]
    entries.sort(key=lambda entry: entry["at"], reverse=True)
    return entries


class LeadPage:
    """InquiryAdmin's lead page: the summary at the top, the contact form, the owner widget."""

    change_form_template = "admin/intake/inquiry/change_form.html"

    def lead_page_urls(self):
        view = self.admin_site.admin_view(self.contact_view)
        return [path("<path:object_id>/contact/", view, name="intake_inquiry_contact")]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # The owner is picked from a list of colleagues: no add/change/view-user icons beside it.
        if db_field.name == "owner" and isinstance(getattr(formfield, "widget", None), RelatedFieldWidgetWrapper):
            formfield.widget = formfield.widget.widget
        return formfield

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        extra = {}
        if obj is not None and self.has_view_or_change_permission(request, obj):
            extra = {
                "lead": obj,
                "reach": contact_links(obj),
                "timeline": timeline(obj),
                "vob": BenefitsCheck.objects.filter(inquiry=obj).select_related("verified_by").first(),
                "contact_form": (extra_context or {}).get("contact_form") or ContactForm(inquiry=obj),
                "can_log_contact": self.has_change_permission(request, obj)
                and request.user.has_perm("intake.add_activity"),
            }
        return super().change_view(request, object_id, form_url, (extra_context or {}) | extra)

    def contact_view(self, request, object_id):
        return require_POST(self._contact)(request, object_id)

    def _contact(self, request, object_id):
        if not self.has_change_permission(request) or not request.user.has_perm("intake.add_activity"):
            raise PermissionDenied
        inquiry = self.get_object(request, object_id)
        if inquiry is None:
            raise Http404
        form = ContactForm(request.POST, inquiry=inquiry)
        if not form.is_valid():
            # Shown again as the lead page (audited as a view there), the answers kept, and the
            # browser taken down to the form (it is below the pipeline) by focusing its first field.
            form.fields["kind"].widget.attrs["autofocus"] = True
            again = copy.copy(request)
            again.method = "GET"
            return self.change_view(again, object_id, extra_context={"contact_form": form})
        data = form.cleaned_data
        services.log_contact(
            inquiry=inquiry,
            kind=data["kind"],
            outcome=data["outcome"],
            note=data["note"],
            follow_up_due=data["follow_up_due"],
            by=request.user,
        )
        messages.success(request, _("Logged on the timeline."))
        return HttpResponseRedirect(reverse("admin:intake_inquiry_change", args=[inquiry.pk]) + "#timeline")
