"""HTTP only, for the "Check your insurance" form: the one public form that takes files."""

from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from intake import services_vob, vob
from intake.forms import CONSENT_VERSION
from intake.forms_vob import InsuranceForm
from intake.views import LeadFormView
from nexus.bodylimit import accepts_uploads


class InMemoryUploads(MemoryFileUploadHandler):
    """Photos stay in memory (the body is at most vob.MAX_BODY_BYTES): an original, with its
    location and camera details, is never spooled to a temporary file on disk."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = content_length is not None and content_length <= vob.MAX_BODY_BYTES


@method_decorator(csrf_exempt, name="dispatch")  # checked below, once the upload handlers are set
class InsuranceView(LeadFormView):
    form_class = InsuranceForm
    template_name = "intake/insurance_form.html"

    def dispatch(self, request, *args, **kwargs):
        # Upload handlers can only change before the body is read, and CSRF's check reads it.
        request.upload_handlers = [InMemoryUploads(request)]
        return csrf_protect(super().dispatch)(request, *args, **kwargs)

    def bound_form(self):
        return self.form_class(self.request.POST, self.request.FILES)

    def store(self, form):
        inquiry, _created = services_vob.submit_insurance_check(
            token=form.cleaned_data["submission_token"],
            fields=form.lead_fields(),
            vob_fields=form.vob_fields(),
            photos=form.photos(),
            attribution=form.attribution(),
            consent_version=CONSENT_VERSION,
        )
        return inquiry


insurance = accepts_uploads(InsuranceView.as_view(), max_bytes=vob.MAX_BODY_BYTES)
