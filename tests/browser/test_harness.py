"""The layout checks fail on what they promise to catch (and pass on what they must not)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_word_squeezed_narrower_than_itself_fails(phone_page):
    phone_page.set_content('<p style="width: 40px">Unbelievably</p><p class="fine">A sentence that wraps well.</p>')
    with pytest.raises(AssertionError, match="Unbelievably"):
        phone_page.assert_no_squeezed_words()


def test_text_for_screen_readers_only_is_not_squeezed(phone_page):
    hidden = "position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)"
    phone_page.set_content(
        f'<button style="width: 30px; height: 30px"><span style="{hidden}">Toggle theme</span></button>'
    )
    phone_page.assert_no_squeezed_words()
    phone_page.assert_targets_at_least(24)


def test_a_control_under_24_px_fails_but_a_link_in_a_sentence_does_not(phone_page):
    phone_page.set_content('<p>Read <a href="/x">the rules</a> first.</p><button style="height: 16px">Go</button>')
    with pytest.raises(AssertionError, match='button "Go"'):
        phone_page.assert_targets_at_least(24)
    phone_page.set_content('<p><a href="/x">A link on its own</a></p>')
    with pytest.raises(AssertionError, match="A link on its own"):
        phone_page.assert_targets_at_least(24)
