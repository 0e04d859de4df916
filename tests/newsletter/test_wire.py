"""The prepared-bytes path sends what the ordinary path would, and steps aside when it cannot."""

import email
import email.policy

import pytest

from newsletter import services
from newsletter.emails import IssueRenderer
from newsletter.sending import run_worker
from newsletter.wire import WireMessages
from tests.newsletter.factories import IssueFactory, SubscriberFactory
from tests.newsletter.smtp_sink import Sink

pytestmark = pytest.mark.django_db
VARYING = {"Message-ID", "Date", "Content-Type"}  # ids, the send time and the MIME boundary


def parse(data):
    return email.message_from_bytes(data, policy=email.policy.default)


@pytest.mark.parametrize("first_name", ["", "Ana"])
def test_prepared_bytes_match_the_ordinary_message(first_name):
    issue = IssueFactory(subject="Sleep in early recovery", body="# Sleep\n\nIt returns slowly: ünïcode too.")
    subscriber = SubscriberFactory(email="reader@example.com", first_name=first_name)
    renderer = IssueRenderer(issue)
    ordinary, message_id = renderer.message_for(to=subscriber.email, first_name=first_name, key=subscriber.key)
    expected = parse(ordinary.message(policy=email.policy.SMTP).as_bytes())
    prepared = parse(
        WireMessages(renderer).wire_for(
            to=subscriber.email, first_name=first_name, key=subscriber.key, message_id=message_id
        )
    )
    assert [(k, str(v)) for k, v in prepared.items() if k not in VARYING] == [
        (k, str(v)) for k, v in expected.items() if k not in VARYING
    ]
    assert prepared["Message-ID"] == message_id
    bodies = lambda m: [part.get_content() for part in m.walk() if not part.is_multipart()]  # noqa: E731
    assert bodies(prepared) == bodies(expected)
    assert (f"Hello {first_name}," in bodies(prepared)[0]) is bool(first_name)


@pytest.mark.parametrize("first_name", ["Zoë", "Ann & Bo", "<b>"])
def test_names_that_need_encoding_or_escaping_take_the_ordinary_path(first_name):
    subscriber = SubscriberFactory(first_name=first_name)
    wire = WireMessages(IssueRenderer(IssueFactory()))
    assert wire.wire_for(to=subscriber.email, first_name=first_name, key=subscriber.key, message_id="<x@y>") is None


def test_a_real_smtp_send_mixes_both_paths_and_everyone_gets_one_correct_copy(settings):
    plain = SubscriberFactory(first_name="Ana")
    accented = SubscriberFactory(first_name="Zoë")
    issue = IssueFactory()
    services.start_sending(issue_id=issue.pk)
    with Sink() as sink:
        settings.MAILERS = sink.mailers
        run_worker(issue_id=issue.pk)
    by_recipient = {rcpts[0]: message for rcpts, message in sink.handler.messages}
    assert sorted(by_recipient) == sorted([plain.email, accented.email])
    for subscriber in (plain, accented):
        message = parse(by_recipient[subscriber.email].as_bytes())
        text = next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")
        assert f"Hello {subscriber.first_name}," in text
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert str(subscriber.key.hex) in message["List-Unsubscribe"]


def test_long_paragraphs_are_wrapped_so_the_prepared_path_still_applies():
    issue = IssueFactory(body="# News\n\n" + "A long paragraph about recovery. " * 60)
    subscriber = SubscriberFactory()
    renderer = IssueRenderer(issue)
    data = WireMessages(renderer).wire_for(
        to=subscriber.email, first_name="", key=subscriber.key, message_id="<id@example.com>"
    )
    assert data is not None
    assert max(len(line) for line in data.split(b"\r\n")) <= 998
    text = next(p.get_content() for p in parse(data).walk() if p.get_content_type() == "text/plain")
    paragraph = [line for line in text.splitlines() if "paragraph about recovery" in line]
    assert len(paragraph) > 10 and max(len(line) for line in paragraph) <= 78
