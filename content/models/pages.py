from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content import cache as content_cache
from content.models.page_queries import PageQuerySet

# Written only by content.services when a page is published, moved or unpublished, never by saving a
# draft: a stale instance saved from an editor's form must not undo a publish.
LIVE_FIELDS = {
    "status",
    "live_revision",
    "url_path",
    "live_title",
    "live_summary",
    "live_kind",
    "live_published_on",
    "live_show_in_menu",
    "live_order",
    "live_index_of",
    "search_document",
    "search_vector",
    "first_published_at",
    "last_published_at",
    "scheduled_revision",
    "scheduled_at",
}

# What the public reads from the page's row rather than from its published version: the live copies
# above, and the schedule, which is the page's and honoured at request time (an expiry set on a live
# page takes it down without a new version). A page's language and its link to the original it
# translates are the page's too: set when the translation is made, never part of a version. Every
# other field is draft until published (tests/content/test_draft_stays_draft.py walks them all).
LIVE_ONLY = LIVE_FIELDS | {"go_live_at", "expire_at", "language", "translation_of", "translated_from"}

# First path segments that belong to other views; a page there would never be reachable.
RESERVED_SLUGS = {
    "admin",
    "admissions",
    "newsletter",
    "search",
    "preview",
    "static",
    "media",
    "healthz",
    "style",
    "_page",
    # The other languages' prefixes (i18n_patterns): /es/ is the Spanish site.
    *(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE),
}


class Page(models.Model):
    """An editable page. Its fields and sections are the draft; `live_revision` is what the public sees."""

    class Kind(models.TextChoices):
        SUBSTANCE = "substance", _("substance")
        PROGRAM = "program", _("treatment program")
        ARTICLE = "article", _("article")
        GENERAL = "general", _("general")
        INDEX = "index", _("index")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences, shown in lists and search results."))
    seo_title = models.CharField(_("SEO title"), max_length=70, blank=True)
    seo_description = models.CharField(_("meta description"), max_length=160, blank=True)
    hero_image = models.ForeignKey(
        "images.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Shown at the top of the page and when the page is shared. Alt text comes from the library."),
    )
    show_in_menu = models.BooleanField(_("show in menu"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    author = models.CharField(_("author"), max_length=100, blank=True, help_text=_("Articles only."))
    published_on = models.DateField(_("publication date"), null=True, blank=True, help_text=_("Articles only."))
    is_clinical = models.BooleanField(
        _("clinical"), default=True, help_text=_("Clinical pages need a current clinical review to be published.")
    )
    drug_name = models.CharField(_("drug class"), max_length=100, blank=True, help_text=_("Substance pages."))
    brand_names = models.CharField(
        _("examples (generic and brand names)"), max_length=255, blank=True, help_text=_("Comma-separated.")
    )
    index_of = models.CharField(
        _("also list pages of kind"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        help_text=_("Index pages: list every published page of this kind, wherever it lives, with the children."),
    )
    related = models.ManyToManyField("self", verbose_name=_("related pages"), blank=True, symmetrical=False)

    # A page is in one language; a translation links to its original (itself in the default language)
    # and records which published version of the original it was last brought up to date with.
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en", editable=False, db_index=True
    )
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="translations",
    )
    translated_from = models.ForeignKey(
        "content.Revision",
        verbose_name=_("translated from version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    go_live_at = models.DateTimeField(_("publish at"), null=True, blank=True, help_text=_("Empty: at once."))
    expire_at = models.DateTimeField(_("expire at"), null=True, blank=True, help_text=_("Empty: never."))
    live_revision = models.ForeignKey(
        "content.Revision",
        verbose_name=_("live version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A version frozen and reviewed now, to replace the live one at `scheduled_at` (content.scheduling).
    scheduled_revision = models.ForeignKey(
        "content.Revision",
        verbose_name=_("scheduled version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True, editable=False, db_index=True)
    # What the public sees, copied from the live revision so lists, menus and search need no snapshot.
    url_path = models.CharField(_("URL"), max_length=255, unique=True, editable=False)
    live_title = models.CharField(max_length=200, blank=True, editable=False)
    live_summary = models.TextField(blank=True, editable=False)
    # Database defaults: code that predates these columns can still insert rows during a deploy.
    live_kind = models.CharField(max_length=20, choices=Kind.choices, blank=True, editable=False, db_default="")
    live_published_on = models.DateField(null=True, editable=False)
    live_show_in_menu = models.BooleanField(editable=False, db_default=False)
    live_order = models.PositiveSmallIntegerField(editable=False, db_default=0)
    live_index_of = models.CharField(max_length=20, choices=Kind.choices, blank=True, editable=False, db_default="")
    search_document = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    first_published_at = models.DateTimeField(_("first published"), null=True, editable=False)
    last_published_at = models.DateTimeField(_("last published"), null=True, editable=False)
    updated_at = models.DateTimeField(_("draft last changed"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["url_path"]
        permissions = [("publish_page", "Can publish and unpublish pages")]
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="content_page_unique_slug_in_parent"),
            models.CheckConstraint(
                condition=Q(expire_at__isnull=True) | Q(go_live_at__isnull=True) | Q(expire_at__gt=F("go_live_at")),
                name="content_page_expiry_after_publish",
                violation_error_message=_("The expiry time must be after the publish time."),
                violation_error_code="expiry_before_publish",
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="content_page_slug_not_empty"),
            models.UniqueConstraint(
                fields=["translation_of", "language"], name="content_page_one_translation_per_language"
            ),
        ]
        # The GIN index on search_vector is PostgreSQL-only: see migration 0002.

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        never_published = self.live_revision_id is None
        if not self.url_path or never_published:
            self.url_path = self.draft_path()
        if self.pk and not self._state.adding and kwargs.get("update_fields") is None:
            kept = LIVE_FIELDS - ({"url_path"} if never_published else set())
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name not in kept
            ]
        super().save(*args, **kwargs)
        content_cache.invalidate()

    def get_absolute_url(self):
        return self.url_path

    def has_public_page(self):
        return self.is_live()

    def clean(self):
        if self.parent_id is None and self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": ValidationError(_("This address is used by another part of the site."), code="reserved")}
            )
        if self.parent_id and self.parent.language != self.language:
            # A Spanish page under an English one would live at an English address, outside /es/.
            message = _("Choose a parent page in the same language as this page, or none.")
            raise ValidationError({"parent": ValidationError(message, code="parent_language")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": ValidationError(_("A page cannot be inside itself."), code="parent_cycle")}
                )
            ancestor = ancestor.parent
        path = self.draft_path()
        if Page.objects.exclude(pk=self.pk).filter(url_path=path).exists():
            message = _("Another page already uses the address %(path)s.")
            raise ValidationError({"slug": ValidationError(message, code="duplicate_slug", params={"path": path})})
        if self.kind == self.Kind.ARTICLE and not self.author:
            raise ValidationError({"author": ValidationError(_("Articles need an author."), code="author_required")})
        if self.live_revision_id and self.go_live_at and self.go_live_at > timezone.now():
            # The schedule belongs to the page, not to a version: it would take the live page offline.
            message = _("This page is live: a future publish time would hide it until then. Leave it empty.")
            raise ValidationError({"go_live_at": ValidationError(message, code="would_take_offline")})

    def draft_path(self):
        """The address the page will have once its current slug and parent are published."""
        if self.parent_id:
            prefix = self.parent.url_path
        elif self.language and self.language != settings.LANGUAGE_CODE:
            prefix = f"/{self.language}/"  # a top-level page of another language lives under its prefix
        else:
            prefix = "/"
        return f"{prefix}{self.slug}/"

    def is_translation(self):
        return self.translation_of_id is not None

    def translation_is_out_of_date(self):
        """The original's live version differs in content from the one this translation was last
        brought up to date with (see PageQuerySet.translations_out_of_date)."""
        if self.translation_of_id is None:
            return False
        return Page.objects.translations_out_of_date().filter(pk=self.pk).exists()

    def translation_into(self, language):
        """This page's translation into `language`, or None."""
        return self.translations.filter(language=language).first()

    def ancestors(self):
        chain, page = [], self.parent
        while page is not None:
            chain.insert(0, page)
            page = page.parent
        return chain

    def is_live(self, now=None):
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.live_revision_id is not None
            and (self.go_live_at is None or self.go_live_at <= now)
            and (self.expire_at is None or self.expire_at > now)
        )


class PageDueForReview(Page):
    """Clinical pages whose review is due within 30 days or overdue: the reviewers' worklist."""

    class Meta:
        proxy = True
        verbose_name = _("page due for clinical review")
        verbose_name_plural = _("pages due for clinical review")
