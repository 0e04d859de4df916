"""Admissions reports for any date range: funnel, conversion, speed to a completed contact, and
volume by source, landing page, campaign and owner. Counts and durations only, no personal data.

A lead belongs to the period in which it arrived (the center's time zone). Merged duplicates are
left out: they are the same person as their original. "First contact" here is the first
*completed* contact (`Activity.completed_contacts`), not the first attempt; the first attempt is
shown beside it, so a fast dial that reached no one cannot flatter the figure.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from django.db.models import Count, Min
from django.db.models.functions import TruncDate, TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.models import Activity, CallClick, Inquiry, Outcome, StatusChange

PIPELINE = [
    Inquiry.Status.NEW,
    Inquiry.Status.CONTACTED,
    Inquiry.Status.SCREENING,
    Inquiry.Status.INSURANCE,
    Inquiry.Status.ASSESSMENT,
    Inquiry.Status.ADMITTED,
]
OUTCOMES = [Inquiry.Status.ADMITTED, Inquiry.Status.REFERRED_OUT, Inquiry.Status.LOST]
DIMENSIONS = [
    ("source", _("Source")),
    ("landing_path", _("Landing page")),
    ("utm_campaign", _("Campaign")),
    ("owner__username", _("Owner")),
]
NONE_LABEL = {"owner__username": _("(unassigned)"), "utm_campaign": _("(no campaign)"), "landing_path": _("(unknown)")}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def last_days(cls, days, today=None):
        today = today or timezone.localdate()
        return cls(today - timedelta(days=days - 1), today)

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def bounds(self):
        """Midnight at the start of the first day to midnight after the last, in the center's zone."""
        zone = timezone.get_default_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=zone),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=zone),
        )

    def __str__(self):
        return f"{self.start:%Y-%m-%d} to {self.end:%Y-%m-%d}"


def minutes(delta):
    return round(delta.total_seconds() / 60, 1) if delta is not None else None


def duration_label(delta):
    """ "4 min", "2 h 5 min", "3 days 4 h": a delay as staff say it; "-" when there is none."""
    if delta is None:
        return "-"
    total = round(delta.total_seconds() / 60)
    days, rest = divmod(total, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''}" + (f" {hours} h" if hours else "")
    if hours:
        return f"{hours} h" + (f" {mins} min" if mins else "")
    return f"{mins} min"


def _median(durations):
    return timedelta(seconds=round(median(d.total_seconds() for d in durations))) if durations else None


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Row:
    label: str
    leads: int = 0
    admitted: int = 0
    to_contact: list = field(default_factory=list)

    @property
    def conversion(self):
        return percent(self.admitted, self.leads)

    @property
    def median_to_contact(self):
        return _median(self.to_contact)

    @property
    def median_label(self):
        return duration_label(self.median_to_contact)


class Report:
    """Every figure for one period, computed once; the page, the charts and the CSV read them here."""

    def __init__(self, period):
        self.period = period
        start, end = period.bounds()
        leads = Inquiry.objects.filter(created_at__gte=start, created_at__lt=end).exclude(status=Inquiry.Status.MERGED)
        self.leads = list(
            leads.values(
                "pk",
                "created_at",
                "status",
                "source",
                "landing_path",
                "utm_campaign",
                "owner__username",
                "outcome_reason",
                "referred_to__name",
            )
        )
        ids = [lead["pk"] for lead in self.leads]
        self.first_attempt = self._first(Activity.objects.attempts(), ids)
        self.first_completed = self._first(Activity.objects.completed_contacts(), ids)
        self.reached = defaultdict(set)
        for inquiry_id, status in StatusChange.objects.filter(inquiry_id__in=ids).values_list(
            "inquiry_id", "to_status"
        ):
            self.reached[inquiry_id].add(status)
        self.calls = CallClick.objects.filter(at__gte=start, at__lt=end).count()
        self.volume = self._volume(leads)

    @staticmethod
    def _first(activities, ids):
        rows = activities.filter(inquiry_id__in=ids).values("inquiry_id").annotate(at=Min("at")).order_by()
        return {row["inquiry_id"]: row["at"] for row in rows}

    def _delay(self, lead, firsts):
        at = firsts.get(lead["pk"])
        return at - lead["created_at"] if at is not None else None

    @property
    def total(self):
        return len(self.leads)

    @property
    def outcomes(self):
        counts = Counter(lead["status"] for lead in self.leads)
        rows = [(Inquiry.Status(status).label, counts.get(status, 0)) for status in OUTCOMES]
        still_open = self.total - sum(n for _, n in rows)
        return [*rows, (_("Still open"), still_open)]

    @property
    def admitted(self):
        return sum(1 for lead in self.leads if lead["status"] == Inquiry.Status.ADMITTED)

    @property
    def conversion(self):
        return percent(self.admitted, self.total)

    @property
    def funnel(self):
        """How many leads reached each pipeline stage, whatever happened to them after."""
        furthest = Counter()
        for lead in self.leads:
            seen = self.reached[lead["pk"]] | {lead["status"]}
            furthest[max((i for i, stage in enumerate(PIPELINE) if stage in seen), default=0)] += 1
        return [
            (
                stage.label,
                sum(n for i, n in furthest.items() if i >= index),
                percent(sum(n for i, n in furthest.items() if i >= index), self.total),
            )
            for index, stage in enumerate(PIPELINE)
        ]

    @property
    def speed(self):
        completed = [d for lead in self.leads if (d := self._delay(lead, self.first_completed)) is not None]
        attempts = [d for lead in self.leads if (d := self._delay(lead, self.first_attempt)) is not None]
        return {
            "completed": len(completed),
            "never_completed": self.total - len(completed),
            "median_completed": _median(completed),
            "within_hour": sum(1 for d in completed if d <= timedelta(hours=1)),
            "median_attempt": _median(attempts),
            "median_completed_label": duration_label(_median(completed)),
            "median_attempt_label": duration_label(_median(attempts)),
        }

    def breakdown(self, key):
        rows = {}
        for lead in self.leads:
            label = lead[key] or str(NONE_LABEL.get(key, "(none)"))
            row = rows.setdefault(label, Row(label))
            row.leads += 1
            row.admitted += lead["status"] == Inquiry.Status.ADMITTED
            if (delay := self._delay(lead, self.first_completed)) is not None:
                row.to_contact.append(delay)
        return sorted(rows.values(), key=lambda row: (-row.leads, row.label))

    @property
    def reasons(self):
        """Why leads were lost or referred out, in the order of the list staff choose from."""
        closed = [lead for lead in self.leads if lead["status"] in Inquiry.REASON_REQUIRED]
        counts = Counter(lead["outcome_reason"] for lead in closed)
        # "Other" is in both groups: each reason is named with its group.
        return [(reason_label(value), counts[value]) for value in Outcome.values if counts.get(value)]

    @property
    def referred_to(self):
        counts = Counter(
            lead["referred_to__name"] or str(_("(no partner recorded)"))
            for lead in self.leads
            if lead["status"] == Inquiry.Status.REFERRED_OUT
        )
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @property
    def breakdowns(self):
        return [(label, self.breakdown(key)) for key, label in DIMENSIONS]

    def _volume(self, leads):
        """Leads per day (up to two months), per week (up to a year) or per month: [(first day, n)]."""
        zone = timezone.get_default_timezone()
        if self.period.days <= 62:
            trunc, step = TruncDate("created_at", tzinfo=zone), "day"
        elif self.period.days <= 366:
            trunc, step = TruncWeek("created_at", tzinfo=zone), "week"
        else:
            trunc, step = TruncMonth("created_at", tzinfo=zone), "month"
        counts = {
            (bucket.date() if isinstance(bucket, datetime) else bucket): n
            for bucket, n in leads.annotate(bucket=trunc).values_list("bucket").annotate(n=Count("pk")).order_by()
        }
        self.volume_step = step
        return [(day, counts.get(day, 0)) for day in _buckets(self.period, step)]


def _buckets(period, step):
    if step == "day":
        return [period.start + timedelta(days=i) for i in range(period.days)]
    if step == "week":
        first = period.start - timedelta(days=period.start.weekday())
        return [first + timedelta(weeks=i) for i in range((period.end - first).days // 7 + 1)]
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return months


def csv_rows(report):
    """The report's figures as CSV rows (section, item, leads, admitted, conversion %, median minutes)."""
    speed = report.speed
    yield [
        "period",
        str(report.period),
        report.total,
        report.admitted,
        report.conversion,
        minutes(speed["median_completed"]),
    ]
    for label, n in report.outcomes:
        yield ["outcome", str(label), n, "", "", ""]
    for label, n, share in report.funnel:
        yield ["funnel", str(label), n, "", share, ""]
    yield ["first contact", "completed contacts", speed["completed"], "", "", minutes(speed["median_completed"])]
    yield ["first contact", "never reached", speed["never_completed"], "", "", ""]
    yield ["first contact", "reached within an hour", speed["within_hour"], "", "", ""]
    yield ["first contact", "first attempts (for comparison)", "", "", "", minutes(speed["median_attempt"])]
    yield ["call clicks", "call clicks", report.calls, "", "", ""]
    for label, n in report.reasons:
        yield ["reason", str(label), n, "", "", ""]
    for name, n in report.referred_to:
        yield ["referred to", name, n, "", "", ""]
    for day, n in report.volume:
        yield [f"volume per {report.volume_step}", f"{day:%Y-%m-%d}", n, "", "", ""]
    for label, rows in report.breakdowns:
        for row in rows:
            yield [
                str(label).lower(),
                row.label,
                row.leads,
                row.admitted,
                row.conversion,
                minutes(row.median_to_contact),
            ]


CSV_HEADER = ["section", "item", "leads", "admitted", "conversion %", "median minutes to first completed contact"]


def reason_label(value):
    """ "Lost: No answer" or "Referred out: Other": the group first, since "Other" is in both."""
    group = _("Lost") if value.startswith("lost_") else _("Referred out")
    return _("%(group)s: %(reason)s") % {"group": group, "reason": Outcome(value).label}
