from django import template

from intake import display

register = template.Library()


@register.filter
def when(moment):
    return display.when(moment)


@register.filter
def status_badge(status):
    return display.status_badge(status)


@register.filter
def language_badge(inquiry):
    return display.language_badge(inquiry)
