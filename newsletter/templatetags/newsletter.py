from django import template

from newsletter import consent

register = template.Library()


@register.inclusion_tag("newsletter/_form.html", takes_context=True)
def newsletter_form(context, place, form=None):
    """The sign-up form (footer or page): no CSRF token, so shared-cached pages stay cookie-free."""
    request = context.get("request")
    return {
        "place": place,
        "form": form,
        "page": request.path if request is not None else "",
        "consent_text": consent.current_text(),
        "consent_version": consent.CURRENT_VERSION,
        "page_links": context.get("page_links"),
    }
