"""The VOB queue: Admissions verify benefits, see the card photos through an audited view, and
call the family with the result (there is no email path for it, on purpose)."""

import phonenumbers
from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.dateparse import parse_date
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from intake import services_vob
from intake.admin.access import AdmissionsOnly, AuditedHistory
from intake.models import BenefitsCheck, CardPhoto

REQUEST = ["lead", "requested_at", "payer", "member_id", "group_number", "holder_name", "holder_born", "photo_list"]
RESULT = ["status", "network", "deductible", "out_of_pocket", "levels_covered", "prior_auth", "notes"]
STAMPS = ["started", "verified"]


class BenefitsCheckForm(forms.ModelForm):
    network = forms.ChoiceField(
        label=_("Result"),
        choices=[("", _("Not known yet")), *BenefitsCheck.Network.choices],
        widget=forms.RadioSelect,
        required=False,
    )
    levels_covered = forms.MultipleChoiceField(
        label=_("Levels of care covered"),
        choices=BenefitsCheck.CareLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = BenefitsCheck
        fields = RESULT
        widgets = {
            "status": forms.RadioSelect,
            "prior_auth": forms.RadioSelect,
            "deductible": forms.TextInput,
            "out_of_pocket": forms.TextInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == BenefitsCheck.Status.VERIFIED and not cleaned.get("network"):
            self.add_error(
                "network", forms.ValidationError(_("Choose the result before marking it verified."), code="no_result")
            )
        return cleaned


@admin.register(BenefitsCheck)
class BenefitsCheckAdmin(AdmissionsOnly, AuditedHistory, admin.ModelAdmin):
    form = BenefitsCheckForm
    list_display = ["__str__", "lead", "status_label", "network_label", "requested_at", "started_by", "verified_by"]
    list_filter = ["status", "network"]
    list_select_related = ["started_by", "verified_by"]
    # Alphabetical happens to be the order to work them in: in progress, requested, verified.
    ordering = ["status", "requested_at"]
    fieldsets = [
        (_("Call the family with the result"), {"fields": ["call_family"]}),
        (_("What the family sent"), {"fields": REQUEST}),
        (_("Verification"), {"fields": RESULT}),
        (_("Who and when"), {"fields": STAMPS}),
    ]
    readonly_fields = [*REQUEST, *STAMPS, "call_family"]

    class Media:
        css = {"all": ["css/intake.css"]}

    def get_urls(self):
        photo = path(
            "<int:object_id>/photo/<str:side>/",
            self.admin_site.admin_view(self.photo_view),
            name="intake_benefitscheck_photo",
        )
        return [photo, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        cl = getattr(response, "context_data", {}).get("cl")
        if cl is not None:
            filters = "&".join(f"{k}={v}" for k, v in sorted(cl.params.items()) if k != "p")
            shown = [check.pk for check in cl.result_list]
            services_vob.queue_viewed(by=request.user, shown=shown, total=cl.result_count, filters=filters)
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            services_vob.check_viewed(check=obj, by=request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_viewed(self, obj, request):
        services_vob.check_viewed(check=obj, by=request.user, detail="history")

    def save_model(self, request, obj, form, change):
        services_vob.change_check(
            check=obj, changed=form.changed_data, previous_status=form.initial.get("status"), by=request.user
        )

    def photo_view(self, request, object_id, side):
        # Refuse before looking anything up: a role without access learns nothing about which exist.
        if not self.has_view_permission(request):
            raise PermissionDenied
        photo = CardPhoto.objects.select_related("vob").filter(vob_id=object_id, side=side).first()
        if photo is None:
            raise Http404
        download = "download" in request.GET
        data = services_vob.photo_viewed(photo=photo, by=request.user, download=download)
        response = HttpResponse(data, content_type="image/jpeg")
        name = f"insurance-check-{photo.vob_id}-{photo.side}.jpg"
        response["Content-Disposition"] = f'{"attachment" if download else "inline"}; filename="{name}"'
        add_never_cache_headers(response)
        return response

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        return format_html('<span class="vob-status vob-status-{}">{}</span>', obj.status, obj.get_status_display())

    @admin.display(description=_("result"), ordering="network")
    def network_label(self, obj):
        if not obj.network:
            return "-"
        return format_html('<span class="vob-network vob-network-{}">{}</span>', obj.network, obj.get_network_display())

    @admin.display(description=_("lead"))
    def lead(self, obj):
        url = reverse("admin:intake_inquiry_change", args=[obj.inquiry_id])
        return format_html('<a href="{}">Lead #{}</a>', url, obj.inquiry_id)

    @admin.display(description=_("policy holder's date of birth"))
    def holder_born(self, obj):
        born = parse_date(obj.holder_birth_date or "")
        return born.strftime("%m/%d/%Y") if born else "-"

    @admin.display(description=_("card photos"))
    def photo_list(self, obj):
        return render_to_string("admin/intake/benefitscheck/_photos.html", {"vob": obj, "photos": obj.photos.all()})

    @admin.display(description=_("phone"))
    def call_family(self, obj):
        lead = obj.inquiry
        context = {"vob": obj, "lead": lead, "phone_display": national(lead.phone)}
        return render_to_string("admin/intake/benefitscheck/_call.html", context)

    @admin.display(description=_("started"))
    def started(self, obj):
        return _stamp(obj.started_by, obj.started_at)

    @admin.display(description=_("verified"))
    def verified(self, obj):
        return _stamp(obj.verified_by, obj.verified_at)


def national(phone):
    """+12025550142 as (202) 555-0142; a number from elsewhere in its international form."""
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    style = phonenumbers.PhoneNumberFormat
    return phonenumbers.format_number(number, style.NATIONAL if number.country_code == 1 else style.INTERNATIONAL)


def _stamp(user, at):
    if at is None:
        return _("not yet")
    return _("%(user)s, %(at)s") % {
        "user": user or _("(deleted user)"),
        "at": f"{timezone.localtime(at):%m/%d/%Y %H:%M}",
    }
