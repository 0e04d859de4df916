from django import template

from newsletter import consent

register = template.Library()


@register.inclusion_tag("newsletter/_form.html", takes_context=True)
def newsletter_form(context, place, form=None):
    """The sign-up form (footer or page): no CSRF token, so shared-cached pages stay cookie-free."""
    return {
        "place": place,
        "form": form,
        "page": context.get("frame_path", ""),  # content.context_processors.frame_path
        "consent_text": consent.current_text(),
        "consent_version": consent.CURRENT_VERSION,
        "page_links": context.get("page_links"),
        # What the kept fields depend on besides the consent wording (code): see base.html.
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "frame_version": context.get("frame_version"),
    }
