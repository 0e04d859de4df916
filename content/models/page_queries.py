"""Sets of pages (Page.objects): live ones, by language, translations, due for review, and what the
public pages read of them (`for_reading`)."""

from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone

# What lists of other pages show of them (menus, children, related pages): their published copies
# (live_*), never the draft.
LISTED_FIELDS = (
    "url_path",
    "live_title",
    "live_summary",
    "live_kind",
    "live_published_on",
    "live_order",
    "live_show_in_menu",
    "language",
    "translation_of",
    "live_revision",
)
# What content.views.pages.page and content.presenter read of the page being shown, besides.
READ_FIELDS = (
    "status",
    "go_live_at",
    "live_index_of",
    "last_published_at",
    "expire_at",
    "live_revision__content_hash",
    # The draft's hero, joined as a guess: the published version names the hero the page shows, and
    # it is usually the draft's too. When it is, the image (its renditions on its row) comes with the
    # page; when it is not, the presenter reads the published one by id (content.presenter).
    *(
        f"hero_image__{name}"
        for name in (
            "title",
            "file",
            "width",
            "height",
            "alt",
            "decorative",
            "language",
            "focal_x",
            "focal_y",
            "credit",
            "licence",
            "renditions_state",
            "rendition_list",
        )
    ),
)


class PageQuerySet(models.QuerySet):
    def live(self, now=None):
        """Published pages whose scheduled time has come and whose expiry has not."""
        now = now or timezone.now()
        return self.filter(
            status=self.model.Status.PUBLISHED,
            live_revision__isnull=False,
        ).filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now), Q(expire_at__isnull=True) | Q(expire_at__gt=now))

    def in_language(self, code):
        """Pages written in `code` (every page is in one language; see Page.language)."""
        return self.filter(language=code)

    def readable_by(self, reviewer):
        """Pages in a language `reviewer` reads (Reviewer.languages): the only ones they can review."""
        return self.filter(language__in=reviewer.languages or [])

    def translation_group(self, page):
        """`page`, its original and every translation of that original: one page in each language."""
        original = page.translation_of_id or page.pk
        return self.filter(Q(pk=original) | Q(translation_of=original))

    def translations_of(self, page):
        """The same page in the other languages."""
        return self.translation_group(page).exclude(pk=page.pk)

    def blog_articles(self, language=settings.LANGUAGE_CODE):
        """Live articles of the blog in `language`, newest first (the feed, the newsletter)."""
        prefix = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
        return (
            self.live()
            .in_language(language)
            .filter(live_kind=self.model.Kind.ARTICLE, url_path__startswith=f"{prefix}blog/")
            .order_by(F("live_published_on").desc(nulls_last=True), "-pk")
        )

    def for_reading(self):
        """What the public pages read of a page: what lists show of it and what its own view reads,
        never the draft's columns, the search document nor the published version's snapshot and
        body (the largest fields of the two rows; content.presenter.published_version reads those
        once per process, by the version's id). The clinical review covering the published content
        comes in the same query, as `covering_review` (content.presenter)."""
        from content.models.reviews import Review

        latest = Review.objects.covering(OuterRef("pk"), OuterRef("live_revision__content_hash"))
        covering = latest.order_by("-reviewed_on", "-pk").values(
            json=JSONObject(
                id="pk",
                reviewed_on="reviewed_on",
                next_review_due="next_review_due",
                reviewer_id="reviewer_id",
                name="reviewer__name",
                credentials="reviewer__credentials",
                is_sample="reviewer__is_sample",
                languages="reviewer__languages",
            )
        )[:1]
        return (
            self.select_related("live_revision", "hero_image")
            .only(*LISTED_FIELDS, *READ_FIELDS)
            .annotate(covering_review=Subquery(covering, output_field=models.JSONField()))
        )

    def in_menu(self, language=settings.LANGUAGE_CODE):
        return self.live().in_language(language).filter(live_show_in_menu=True).order_by("live_order", "live_title")

    def translations(self):
        """Pages that translate another (each links its original, in the default language)."""
        return self.filter(translation_of__isnull=False)

    def translations_out_of_date(self):
        """Translations whose original's live version says something else than the version they were
        last brought up to date with. Content, not versions: a republish with the same content
        (its fingerprint, `content_hash`) leaves them up to date; an unpublished draft of the
        original is no change at all."""
        return (
            self.translations()
            .filter(translation_of__live_revision__isnull=False)
            .filter(
                Q(translated_from__isnull=True)
                | ~Q(translated_from__content_hash=F("translation_of__live_revision__content_hash"))
            )
        )

    def translations_up_to_date(self):
        return self.translations().exclude(pk__in=self.translations_out_of_date().values("pk"))

    def with_translation_state(self):
        """Each page annotated `translation_stale` (it is a translation, out of date) and
        `has_stale_translation` (it is an original with one), for lists: no query per row."""
        stale = self.model.objects.translations_out_of_date()
        return self.annotate(
            translation_stale=models.Exists(stale.filter(pk=models.OuterRef("pk"))),
            has_stale_translation=models.Exists(stale.filter(translation_of=models.OuterRef("pk"))),
        )

    def review_due(self, today, within_days=30):
        """Clinical pages whose latest review falls due within `within_days` (or already has)."""
        horizon = today + timezone.timedelta(days=within_days)
        latest_due = models.Max("reviews__next_review_due")
        return (
            self.filter(is_clinical=True)
            .annotate(review_due_on=latest_due)
            .filter(Q(review_due_on__lte=horizon) | Q(review_due_on__isnull=True))
            .order_by(F("review_due_on").asc(nulls_first=True))
        )
