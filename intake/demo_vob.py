"""Two fictional insurance checks for local demos: one waiting in the queue, one being worked."""

from datetime import timedelta

from intake.models import BenefitsCheck, Inquiry

# (demo lead token, status)
CHECKS = [("demo-lead-03", BenefitsCheck.Status.REQUESTED), ("demo-lead-06", BenefitsCheck.Status.IN_PROGRESS)]


def load(owner):
    for token, status in CHECKS:
        lead = Inquiry.objects.filter(submission_token=token).first()
        if lead is None or BenefitsCheck.objects.filter(inquiry=lead).exists():
            continue
        working = status == BenefitsCheck.Status.IN_PROGRESS
        BenefitsCheck.objects.create(
            inquiry=lead,
            requested_at=lead.created_at,
            status=status,
            payer="Example Health PPO (fictional)",
            member_id=f"DEMO{lead.pk:06d}",
            group_number="DEMO-GROUP",
            holder_name=lead.name,
            holder_birth_date="1980-01-01",
            started_by=owner if working else None,
            started_at=lead.created_at + timedelta(hours=1) if working else None,
        )
