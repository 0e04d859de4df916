"""Reports for a chosen range: the figures, their CSV (the same figures), the center's calendar."""

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from intake.models import Activity, StatusChange
from intake.reports import Period, Report, csv_rows
from nexus.models import AuditEvent
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = pytest.mark.django_db
REPORTS = "/admin/intake/inquiry/reports/"
NOVEMBER = {"start": "2026-11-01", "end": "2026-11-30"}
ZONE = ZoneInfo("America/New_York")


def local(*args):
    return datetime(*args, tzinfo=ZONE)


def lead(at, statuses=(), contacts=(), **fields):
    inquiry = InquiryFactory(created_at=at, status=statuses[-1] if statuses else "new", **fields)
    for i, status in enumerate(["new", *statuses]):
        StatusChange.objects.create(inquiry=inquiry, at=at + timedelta(minutes=i), to_status=status)
    for minutes, kind, outcome in contacts:
        Activity.objects.create(inquiry=inquiry, at=at + timedelta(minutes=minutes), kind=kind, outcome=outcome)
    return inquiry


@pytest.fixture
def november():
    alice, bob = make_staff("alice"), make_staff("bob")
    admitted = lead(
        local(2026, 11, 2, 10, 0),
        ["contacted", "screening", "admitted"],
        [(5, "call", "no_answer"), (30, "call", "reached")],
        utm_source="search",
        landing_path="/benzodiazepine-addiction-treatment/",
        utm_campaign="winter",
        owner=alice,
        name="Private Person",
    )
    # 23:30 in New York is already 3 November in UTC: still a lead of 2 November here.
    lead(local(2026, 11, 2, 23, 30), ["contacted", "lost"], [(10, "text", "sent")], status_reason="no reply")
    lead(local(2026, 11, 30, 23, 59))
    lead(
        local(2026, 11, 15, 9, 0),
        ["referred_out"],
        [(120, "call", "reached")],
        utm_campaign="winter",
        owner=bob,
        outcome_reason="referred_level_of_care",
        status_reason="needs detox",
    )
    lead(local(2026, 12, 1, 0, 1))  # the day after the period
    lead(local(2026, 10, 31, 23, 59))  # the day before
    merged = lead(local(2026, 11, 20, 12, 0))
    merged.status = "merged"
    merged.save(update_fields=["status"])  # merged duplicates are the same person: not counted
    return admitted


def test_the_figures_of_a_month_by_the_centers_calendar(november):
    report = Report(Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert (report.total, report.admitted, report.conversion) == (4, 1, 25.0)
    assert [(str(label), n) for label, n, _ in report.funnel] == [
        ("New", 4),
        ("Contacted", 2),
        ("Screening", 1),
        ("Insurance verification", 1),
        ("Assessment scheduled", 1),
        ("Admitted", 1),
    ]
    assert [(str(label), n) for label, n in report.outcomes] == [
        ("Admitted", 1),
        ("Referred out", 1),
        ("Closed (lost)", 1),
        ("Still open", 1),
    ]
    speed = report.speed
    # A text sent is an attempt, not a contact: the lost lead was never reached.
    assert (speed["completed"], speed["never_completed"], speed["within_hour"]) == (2, 2, 1)
    assert speed["median_completed"] == timedelta(minutes=75) and speed["median_completed_label"] == "1 h 15 min"
    assert speed["median_attempt"] == timedelta(minutes=10)
    volume = dict(report.volume)
    assert len(volume) == 30 and volume[date(2026, 11, 2)] == 2 and volume[date(2026, 11, 30)] == 1
    assert sum(volume.values()) == 4
    by = {str(label): [(row.label, row.leads, row.admitted) for row in rows] for label, rows in report.breakdowns}
    assert by["Source"] == [("(direct)", 3, 0), ("search", 1, 1)]
    assert by["Campaign"] == [("(no campaign)", 2, 0), ("winter", 2, 1)]
    assert by["Owner"] == [("(unassigned)", 2, 0), ("alice", 1, 1), ("bob", 1, 0)]
    assert by["Landing page"][0] == ("(unknown)", 3, 0)
    # The lost lead's old free-text reason counts as "other"; the referral names no partner.
    assert [(str(label), n) for label, n in report.reasons] == [
        ("Lost: Other (say why in the note)", 1),
        ("Referred out: Needs a level of care we do not offer", 1),
    ]
    assert report.referred_to == [("(no partner recorded)", 1)]


def test_the_page_shows_the_figures_and_the_csv_holds_the_same_ones(client, lead_user, november):
    client.force_login(lead_user)
    page = client.get(REPORTS, NOVEMBER)
    assert page.status_code == 200
    html = page.content.decode()
    assert "1 Nov 2026 to 30 Nov 2026" in html and "25.0%" in html and "1 h 15 min" in html
    assert html.count("<svg") >= 20 and "<script" not in html.split('id="content"')[1]

    download = client.get(REPORTS + "csv/", NOVEMBER)
    assert download["Content-Type"].startswith("text/csv") and "no-store" in download["Cache-Control"]
    assert 'filename="admissions-2026-11-01-2026-11-30.csv"' in download["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    expected = [
        [str(v) if v is not None else "" for v in row]
        for row in csv_rows(Report(Period(date(2026, 11, 1), date(2026, 11, 30))))
    ]
    assert rows[1:] == expected
    table = {(r[0], r[1]): r[2:] for r in rows[1:]}
    assert table[("period", "2026-11-01 to 2026-11-30")] == ["4", "1", "25.0", "75.0"]
    assert table[("funnel", "Contacted")] == ["2", "", "50.0", ""]
    assert table[("campaign", "winter")] == ["2", "1", "50.0", "75.0"]
    assert table[("owner", "alice")] == ["1", "1", "100.0", "30.0"]
    assert table[("volume per day", "2026-11-02")][0] == "2"
    assert table[("reason", "Referred out: Needs a level of care we do not offer")] == ["1", "", "", ""]
    for secret in ["Private Person", "+1202", "no reply", "needs detox"]:
        assert secret not in download.content.decode()

    audit = list(AuditEvent.objects.filter(actor=lead_user).values_list("action", "detail"))
    assert ("view", "report 2026-11-01 to 2026-11-30") in audit
    assert ("export", "report CSV 2026-11-01 to 2026-11-30") in audit


def test_without_dates_the_last_thirty_days_are_shown(client, coordinator):
    client.force_login(coordinator)
    response = client.get(REPORTS)
    assert response.status_code == 200
    period = response.context["report"].period
    assert period.days == 30 and period == Period.last_days(30)


def test_a_long_range_is_counted_by_month(client, coordinator, november):
    client.force_login(coordinator)
    report = client.get(REPORTS, {"start": "2026-01-01", "end": "2027-03-31"}).context["report"]
    assert report.volume_step == "month" and len(report.volume) == 15
    assert dict(report.volume)[date(2026, 11, 1)] == 4


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ({"start": "2026-11-30", "end": "2026-11-01"}, "The end date is before the start date."),
        ({"start": "2026-13-01", "end": "2026-11-30"}, "Enter a valid date."),
        ({"start": "2020-01-01", "end": "2026-11-30"}, "Choose at most three years at a time."),
        ({"start": "", "end": "2026-11-30"}, "This field is required."),
    ],
)
def test_odd_dates_get_a_clear_message_and_no_figures(client, coordinator, dates, message):
    client.force_login(coordinator)
    for url in [REPORTS, REPORTS + "csv/"]:
        response = client.get(url, dates)
        assert response.status_code == 400
        assert message in response.content.decode() and "report" not in response.context
    assert not AuditEvent.objects.filter(detail__startswith="report").exists()


def test_reports_are_for_admissions_only(client, editor):
    client.force_login(editor)
    assert client.get(REPORTS).status_code == 403
    assert client.get(REPORTS + "csv/").status_code == 403
    client.logout()
    assert client.get(REPORTS + "csv/").status_code == 302


def test_a_campaign_named_like_a_formula_stays_text_in_the_csv(client, coordinator):
    lead(local(2026, 11, 3, 9, 0), utm_campaign='=HYPERLINK("https://evil.example")')
    client.force_login(coordinator)
    rows = list(csv.reader(io.StringIO(client.get(REPORTS + "csv/", NOVEMBER).content.decode())))
    assert ["campaign", '\'=HYPERLINK("https://evil.example")', "1", "0", "0.0", ""] in rows


def test_a_reasons_group_is_translated_with_the_reason():
    """The group was inside an f-string, where makemessages never finds it: a Spanish admin showed "Lost"."""
    from django.utils import translation

    from intake.reports import reason_label

    with translation.override("es"):
        lost, referred = reason_label("lost_other"), reason_label("referred_level_of_care")
    assert lost.startswith("Perdida: ") and "Lost" not in lost
    assert referred.startswith("Derivada: ")
