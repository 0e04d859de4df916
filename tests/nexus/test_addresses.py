"""One canonical form per mailbox: every odd spelling of an address folds to it, distinct mailboxes stay apart."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from nexus.addresses import EmailAddressField, canonical_address, clean_address

ATOM = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789+_-", min_size=1, max_size=12)
LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
TLD = st.sampled_from(["com", "org", "example"])
ADDRESS = st.builds(lambda a, b, d, t: f"{a}.{b}@{d}.{t}", ATOM, ATOM, LABEL, TLD)
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u034f"]


def full_width(text):
    """The full-width twin of every ASCII letter, digit and sign (what some phone keyboards type)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@st.composite
def odd_spelling(draw):
    """An address and another spelling of the same mailbox, mixing every trick at random."""
    address = draw(ADDRESS)
    local, domain = address.split("@")
    if draw(st.booleans()):
        local = local.upper()
    if draw(st.booleans()):
        domain = domain.upper()
    if draw(st.booleans()):
        local = full_width(local)
    if draw(st.booleans()):
        domain = full_width(domain)
    for _ in range(draw(st.integers(0, 3))):
        position = draw(st.integers(0, len(local)))
        local = local[:position] + draw(st.sampled_from(INVISIBLE)) + local[position:]
    if draw(st.booleans()):
        local = '"' + local + '"'
    if draw(st.booleans()):
        domain += "."
    spelling = f"{local}@{domain}"
    if draw(st.booleans()):
        spelling = " " + spelling + "\u200b "
    return address, spelling


@given(odd_spelling())
def test_every_odd_spelling_folds_to_the_plain_address(pair):
    address, spelling = pair
    assert canonical_address(spelling) == address


@given(odd_spelling())
def test_the_form_field_accepts_odd_spellings_and_returns_the_clean_one(pair):
    address, spelling = pair
    assert EmailAddressField().clean(spelling).lower() == address


@given(st.text(max_size=40))
def test_canonical_form_is_stable_and_has_nothing_invisible(text):
    once = canonical_address(text)
    assert canonical_address(once) == once
    assert not any(unicodedata.category(c) == "Cf" for c in once)


def test_internationalised_domains_match_their_punycode():
    assert canonical_address("Reader@Bücher.example") == canonical_address("reader@xn--bcher-kva.example")
    assert clean_address("Reader@BÜCHER.example") == "Reader@xn--bcher-kva.example"


def test_quoted_local_parts_are_unquoted_only_where_that_means_the_same():
    assert canonical_address('"re\\ader"@example.com') == "reader@example.com"
    assert canonical_address('"john doe"@example.com') == '"john doe"@example.com'
    assert canonical_address('"a@b"@example.com') == '"a@b"@example.com'


def test_different_mailboxes_stay_different():
    spellings = ["a.b@example.com", "ab@example.com", "a+b@example.com", "a@b.example.com", "a@example.org"]
    assert len({canonical_address(s) for s in spellings}) == len(spellings)
