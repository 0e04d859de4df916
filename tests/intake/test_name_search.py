"""Finding a lead by a word of a name: any case, accents or punctuation, through hashes only."""

import re
import unicodedata

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.models import Inquiry, LeadNameWord
from intake.names import name_words
from intake.search import NameIndex
from nexus.hashing import lead_name_word_hash
from nexus.models import AuditEvent
from tests.intake.factories import InquiryFactory
from tests.intake.test_lead_search import CHANGELIST, SEARCH, found_pks, leaked

pytestmark = pytest.mark.django_db


@pytest.fixture
def jose():
    InquiryFactory(name="Joseph Smithers", person_first_name="Neil")
    return InquiryFactory(name="José O'Neil-Smith", person_first_name="Zoë")


@pytest.mark.parametrize(
    "term", ["jose", "JOSÉ", "José", "oneil", "o'neil", "O’Neil", "smith", "  Smith  ", "jose smith", "zoe", "ZOË"]
)
def test_staff_find_a_lead_by_any_word_of_a_name_written_any_way(client, coordinator, jose, term):
    client.force_login(coordinator)
    response = client.post(SEARCH, {"term": term})
    assert response.status_code == 303
    assert found_pks(client) == [jose.pk]
    assert not leaked([response, client.get(CHANGELIST)], term.strip(), term.strip().lower())


@pytest.mark.parametrize("term", ["jos", "neil-smith", "jose neil", "smithy", "o"])
def test_a_part_of_a_word_or_a_word_of_nobody_finds_no_one(client, coordinator, jose, term):
    """Whole words only, and every word typed must be in the same lead."""
    client.force_login(coordinator)
    client.post(SEARCH, {"term": term})
    assert found_pks(client) == []


def test_the_name_is_never_stored_in_the_clear_nor_audited(client, coordinator, jose):
    client.force_login(coordinator)
    client.post(SEARCH, {"term": "José"})
    detail = AuditEvent.objects.filter(detail__startswith="search").latest("pk").detail
    assert detail == f"search by name: 1 lead (#{jose.pk})"
    with connection.cursor() as cursor:
        cursor.execute("SELECT word_hash FROM intake_leadnameword WHERE inquiry_id = %s", [jose.pk])
        stored = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT name, person_first_name FROM intake_inquiry WHERE id = %s", [jose.pk])
        raw = cursor.fetchone()
    # Only keyed hashes (64 hex digits, nothing a word could hide in) and Fernet tokens.
    assert len(stored) == 4 and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in stored)
    assert all(value.startswith("gAAAAA") and "José" not in value for value in raw)


def test_a_name_change_drops_the_old_words_and_keeps_the_rest(jose):
    jose.name = "José Ramírez"
    jose.save()
    from intake.search import LeadSearch

    def finds(term):
        return list(LeadSearch.from_term(term).filter(Inquiry.objects.all()))

    assert finds("smith") == [] and finds("oneil") == []
    assert finds("ramirez") == [jose] and finds("jose") == [jose] and finds("zoe") == [jose]
    assert LeadNameWord.objects.filter(inquiry=jose).count() == 3


def test_a_save_of_other_fields_leaves_the_words_alone(jose, django_assert_num_queries):
    with django_assert_num_queries(1):
        jose.save(update_fields=["status"])
    assert LeadNameWord.objects.filter(inquiry=jose).count() == 4


def test_a_phone_or_number_is_not_taken_for_a_name(client, coordinator):
    """A lead called "Tel" is not found by someone typing tel:+1 202..."""
    InquiryFactory(name="Tel Aviv", phone="+12025550188")
    wanted = InquiryFactory(phone="+12025550111")
    client.force_login(coordinator)
    client.post(SEARCH, {"term": "tel:+1-202-555-0111"})
    assert found_pks(client) == [wanted.pk]
    assert client.get(CHANGELIST).context["lead_search"].labels == ["phone number"]


def test_after_the_hash_key_changes_rehash_lookups_makes_names_findable_again(settings, jose, capsys):
    from intake.search import LeadSearch

    settings.NEXUS_INTAKE_HASH_KEY = "a-brand-new-intake-key"
    assert list(LeadSearch.from_term("jose").filter(Inquiry.objects.all())) == []
    call_command("rehash_lookups")
    assert list(LeadSearch.from_term("jose").filter(Inquiry.objects.all())) == [jose]
    assert LeadNameWord.objects.filter(inquiry=jose).count() == 4  # the old key's words are gone
    out = capsys.readouterr().out
    assert "intake.LeadNameWord: 2 rows rehashed" in out and "jose" not in out.lower()


def test_the_data_migration_indexes_leads_saved_before_the_index_existed(jose):
    from importlib import import_module

    from django.apps import apps

    LeadNameWord.objects.all().delete()
    import_module("intake.migrations.0006_fill_name_words").fill(apps, None)
    from intake.search import LeadSearch

    assert list(LeadSearch.from_term("oneil").filter(Inquiry.objects.all())) == [jose]


LETTERS = "abcdefghijklmnopqrstuvwxyzáàâäãåçéèêëíìîïñóòôöõúùûüýÿøłßœæ"


@given(
    words=st.lists(st.text(alphabet=LETTERS, min_size=2, max_size=10), min_size=1, max_size=4),
    joiner=st.sampled_from([" ", "-", "  ", ", ", " - "]),
    typed=st.sampled_from([str.upper, str.title, lambda s: unicodedata.normalize("NFD", s), str.strip]),
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_word_of_any_name_typed_in_another_case_or_form_gives_the_same_hashes(words, joiner, typed):
    """No database: the stored words of a name and the words of what staff type are the same set."""
    stored = {lead_name_word_hash(word) for word in name_words(joiner.join(words))}
    for word in words:
        keys = NameIndex().keys(typed(word))
        assert keys and set(keys) <= stored
