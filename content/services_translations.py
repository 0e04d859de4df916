"""Translations: a translation is a page of its own (its own draft, versions and clinical review)
that links to its original in the default language and remembers which of the original's versions
it was last brought up to date with (`translated_from`): Page.translation_is_out_of_date() compares
contents. The writes that make one and bring it up to date."""

import datetime
import re

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from content import snapshot
from content.models import Page, Revision
from content.services import language_name, replace_body
from nexus import audit

BODY_PAGE_LINK = re.compile(r"\(\s*<?page:(\d{1,10})(/?>?\s*\))")


@transaction.atomic
def translate_page(*, page, language, user):
    """Start the translation of `page` into `language`: a new draft in that language whose starting
    text is the original's published version (fields, sections, sources), placed under the
    translation of the original's parent when there is one (else at the top of the language's site,
    /es/...). Links to other pages and related pages point to their translations where those exist."""
    if language == settings.LANGUAGE_CODE or language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Pages are translated from English into another language."), code="bad_language")
    # Locked, so two requests to translate the same page queue here (PostgreSQL); the unique
    # constraint settles it where rows cannot be locked (SQLite).
    original = Page.objects.select_for_update(of=("self",)).select_related("live_revision").get(pk=page.pk)
    if original.translation_of_id is not None or original.language != settings.LANGUAGE_CODE:
        raise ValidationError(
            _("This page is itself a translation: translate its original instead."), code="translation_of_translation"
        )
    if original.live_revision_id is None:
        raise ValidationError(
            _("This page has never been published: a translation starts from a published version."),
            code="never_published",
        )
    existing = original.translations.filter(language=language).first()
    if existing is not None:
        raise _already_translated(language, existing)
    revision, data = original.live_revision, original.live_revision.snapshot
    parent = original.parent.translations.filter(language=language).first() if original.parent_id else None
    ids = _translated_ids(data, language)
    translation = Page(
        language=language,
        translation_of=original,
        translated_from=revision,
        parent=parent,
        slug=original.slug,
        hero_image_id=data.get("hero_image_id"),
        published_on=datetime.date.fromisoformat(data["published_on"]) if data.get("published_on") else None,
        **{name: data[name] for name in snapshot.PAGE_FIELDS},
        **{name: data[name] for name in snapshot.LISTING_FIELDS if name in data},
    )
    translation.slug = _free_slug(translation)
    try:
        with transaction.atomic():
            translation.save()
    except IntegrityError:
        existing = original.translations.filter(language=language).first()
        if existing is None:
            raise
        raise _already_translated(language, existing) from None
    replace_body(translation, list(_relinked(data["sections"], ids)), data["sources"])
    translation.related.set(ids[pk] for pk in data.get("related_ids", []) if pk in ids)
    _history(
        user,
        translation,
        ADDITION,
        f"Translation into {language_name(language)} of page #{original.pk}, from its version {revision.number}.",
    )
    _history(user, original, CHANGE, f"{language_name(language)} translation started (page #{translation.pk}).")
    return translation


def _already_translated(language, existing):
    return ValidationError(
        _("This page already has a %(language)s translation (%(path)s): open it to work on it."),
        code="already_translated",
        params={"language": language_name(language), "path": existing.url_path},
    )


def _free_slug(translation):
    """The original's slug, unless another page already has the address it would give (a page of the
    same name elsewhere on the other language's site): then slug-2, slug-3..."""
    base, slug, n = translation.slug, translation.slug, 1
    while Page.objects.filter(
        url_path=Page(slug=slug, parent=translation.parent, language=translation.language).draft_path()
    ).exists():
        n += 1
        slug = f"{base[:95]}-{n}"
    return slug


def _translated_ids(data, language):
    """{original page id: its translation's id} for the pages `data` links to or lists as related."""
    from content import links

    wanted = links.linked_ids(data) | set(data.get("related_ids", []))
    return dict(
        Page.objects.filter(translation_of__in=wanted, language=language).values_list("translation_of_id", "pk")
    )


def _relinked(sections, ids):
    def swap(match):
        found = int(match.group(1))
        return f"(page:{ids.get(found, found)}{match.group(2)}"

    return [{**section, "body": BODY_PAGE_LINK.sub(swap, section.get("body") or "")} for section in sections]


@transaction.atomic
def mark_translation_up_to_date(*, page, user):
    """The translator says the translation now says what the original's live version says: it is
    no longer out of date until the original's published content changes again."""
    translation = Page.objects.select_for_update(of=("self",)).select_related("translation_of").get(pk=page.pk)
    if translation.translation_of_id is None:
        raise ValidationError(_("This page is not a translation."), code="not_a_translation")
    live_id = translation.translation_of.live_revision_id
    if live_id is None:
        raise ValidationError(_("The original has no published version."), code="never_published")
    Page.objects.filter(pk=translation.pk).update(translated_from_id=live_id)
    number = Revision.objects.filter(pk=live_id).values_list("number", flat=True).get()
    _history(user, translation, CHANGE, f"Brought up to date with version {number} of the original.")
    translation.translated_from_id = live_id
    return translation


def _history(user, page, flag, message):
    """In the page's own history (the admin's History) and in the audit trail."""
    if user is None or not user.is_authenticated:
        return
    LogEntry.objects.log_actions(user.pk, [page], flag, change_message=message)
    audit.record(
        actor=user, action=audit.Action.ADD if flag == ADDITION else audit.Action.CHANGE, obj=page, detail=message
    )
