"""HTTP only: forms decide what is valid, services store it, templates say what happens next."""

import json
import logging

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from intake import attribution, services, spam
from intake.forms import CONSENT_VERSION, CallbackForm, InquiryForm
from nexus import origin

logger = logging.getLogger(__name__)
# What the thank-you page needs (which form, and whether someone is in danger) travels in a
# short-lived signed cookie: no session row is written for a visitor, and nothing is in the URL.
THANKS_COOKIE, THANKS_SALT, THANKS_SECONDS = "intake_thanks", "intake.thanks", 600


def too_many_requests(request):
    return render(request, "intake/429.html", status=429)


def noindex(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@method_decorator(never_cache, name="dispatch")
class LeadFormView(View):
    """GET shows a fresh form (with its stamp); POST stores one lead per stamp and redirects."""

    form_class = InquiryForm
    template_name = "intake/inquiry_form.html"
    http_method_names = ["get", "head", "post"]

    def get(self, request):
        initial = {"stamp": spam.new_stamp()} | attribution.as_initial(attribution.from_request(request))
        return self.render(self.form_class(initial=initial))

    def post(self, request):
        if spam.over_limit(request, "form"):
            logger.info("intake: form rate limit reached")
            return too_many_requests(request)
        form = self.bound_form()
        if form.is_spam:
            logger.info("intake: honeypot filled, nothing stored")
            return redirect("intake:thanks")
        if not form.is_valid():
            data = request.POST.copy()
            data["stamp"] = spam.new_stamp()
            form.data = data
            return self.render(form)
        inquiry = self.store(form)
        response = redirect("intake:thanks")
        response.set_signed_cookie(
            THANKS_COOKIE,
            json.dumps({"kind": inquiry.kind, "urgent": inquiry.in_danger}),
            salt=THANKS_SALT,
            max_age=THANKS_SECONDS,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response

    def bound_form(self):
        return self.form_class(self.request.POST)

    def store(self, form):
        data = form.cleaned_data
        inquiry, _created = services.submit_lead(
            kind=form.kind,
            token=data["submission_token"],
            fields=form.lead_fields(),
            attribution=form.attribution(),
            reminder_consent=data.get("reminder_consent", False),
            consent_version=CONSENT_VERSION,
        )
        return inquiry

    def render(self, form):
        # The empty form is a page people look for ("ask about admission"); a sent one is not.
        response = render(self.request, self.template_name, {"form": form})
        return noindex(response) if form.is_bound else response


class CallbackView(LeadFormView):
    form_class = CallbackForm
    template_name = "intake/callback_form.html"


@never_cache
@require_safe
def thanks(request):
    """What happens next, the phone and the crisis lines; no personal data, never cached or indexed."""
    signed = request.get_signed_cookie(THANKS_COOKIE, default=None, salt=THANKS_SALT, max_age=THANKS_SECONDS)
    context = json.loads(signed) if signed else {}
    response = noindex(render(request, "intake/thanks.html", {"thanks": context}))
    response.delete_cookie(THANKS_COOKIE, samesite="Lax")  # shown once
    return response


@csrf_exempt  # a beacon carries no cookie-bound token; it records no personal data and changes nothing else
@require_POST
def call_click(request):
    if not origin.is_same_origin(request):
        return HttpResponse(status=403)
    if spam.over_limit(request, "call", limit=60):
        return too_many_requests(request)
    services.record_call_click(
        page_path=attribution.clean({"ft_landing_path": request.POST.get("page")})["landing_path"],
        attribution=attribution.clean(request.POST),
    )
    return HttpResponse(status=204)
