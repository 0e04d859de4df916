from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from intake.names import name_words
from nexus.hashing import lead_name_word_hash

NAME_FIELDS = ["name", "person_first_name"]


class LeadNameWordQuerySet(models.QuerySet):
    def index(self, inquiry):
        """Make the lead's words those of its names now: new words added, words it lost dropped."""
        wanted = {lead_name_word_hash(word) for word in name_words(*(getattr(inquiry, f) for f in NAME_FIELDS))}
        with transaction.atomic():
            self.filter(inquiry_id=inquiry.pk).exclude(word_hash__in=wanted).delete()
            self.bulk_create(
                [LeadNameWord(inquiry_id=inquiry.pk, word_hash=h) for h in sorted(wanted)], ignore_conflicts=True
            )

    def rehash_lookups(self):
        """Rebuild every lead's words from its decrypted names (after NEXUS_INTAKE_HASH_KEY changed)."""
        from intake.models import Inquiry

        count = 0
        for inquiry in Inquiry.objects.only("pk", *NAME_FIELDS).iterator(chunk_size=500):
            self.index(inquiry)
            count += 1
        return count


class LeadNameWord(models.Model):
    """One keyed hash of one word of a lead's names: the blind index staff search names by.

    The words themselves are never stored; without NEXUS_INTAKE_HASH_KEY a hash says nothing,
    and with it one can only test a guessed word, as the phone and email hashes allow.
    """

    inquiry = models.ForeignKey(
        "intake.Inquiry", verbose_name=_("lead"), on_delete=models.CASCADE, related_name="name_words"
    )
    word_hash = models.CharField(max_length=64, db_index=True)

    objects = LeadNameWordQuerySet.as_manager()

    class Meta:
        verbose_name = _("name word")
        verbose_name_plural = _("name words")
        constraints = [models.UniqueConstraint(fields=["inquiry", "word_hash"], name="intake_namewords_once")]

    def __str__(self):
        return f"name word of lead #{self.inquiry_id}"
