"""Lost and referred-out reasons as choices (the old free text kept as the note), referral partners."""

import django.db.models.deletion
import intake.models.outcomes
import nexus.crypto
from django.conf import settings
from django.db import migrations, models


def old_reasons_become_other(apps, schema_editor):
    """Reasons were free text: each stays, as the note of the reason "other" of its kind."""
    Inquiry = apps.get_model("intake", "Inquiry")
    Inquiry.objects.filter(status="lost").update(outcome_reason="lost_other")
    Inquiry.objects.filter(status="referred_out").update(outcome_reason="referred_other")


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0007_lead_merges'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ReferralPartner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='name')),
                ('kind', models.CharField(choices=[('detox', 'Detox'), ('residential', 'Residential treatment'), ('outpatient', 'Outpatient / IOP / PHP'), ('medication', 'Medication for addiction treatment'), ('mental_health', 'Mental health'), ('hospital', 'Hospital or medical'), ('sober_living', 'Sober living'), ('other', 'Other')], max_length=20, verbose_name='kind')),
                ('phone', models.CharField(blank=True, max_length=40, validators=[intake.models.outcomes.validate_phone], verbose_name='phone')),
                ('notes', models.TextField(blank=True, help_text="What they take, how to refer. Never a client's details.", verbose_name='notes')),
                ('active', models.BooleanField(default=True, help_text='Untick instead of deleting a partner.', verbose_name='offered when referring out')),
            ],
            options={
                'verbose_name': 'referral partner',
                'verbose_name_plural': 'referral partners',
                'ordering': ['name'],
            },
        ),
        migrations.RemoveConstraint(
            model_name='inquiry',
            name='intake_inquiry_reason_when_referred_or_lost',
        ),
        migrations.AddField(
            model_name='inquiry',
            name='outcome_reason',
            field=models.CharField(blank=True, choices=[('Closed (lost)', [('lost_unreachable', 'Could not reach them'), ('lost_not_ready', 'Not ready for treatment yet'), ('lost_elsewhere', 'Chose another program'), ('lost_cost', 'Cost or insurance'), ('lost_not_eligible', 'Did not meet admission criteria'), ('lost_other', 'Other (say why in the note)')]), ('Referred out', [('referred_level_of_care', 'Needs a level of care we do not offer'), ('referred_clinical', 'Clinical needs we do not treat'), ('referred_insurance', 'Insurance not accepted here'), ('referred_no_bed', 'No bed when it was needed'), ('referred_location', 'Care closer to home'), ('referred_other', 'Other (say why in the note)')])], help_text='Required for referred out and closed (lost).', max_length=30, verbose_name='reason'),
        ),
        migrations.AlterField(
            model_name='inquiry',
            name='status_reason',
            field=nexus.crypto.EncryptedTextField(blank=True, help_text='Required when the reason is "Other".', verbose_name='note on the reason'),
        ),
        migrations.AddField(
            model_name='inquiry',
            name='referred_to',
            field=models.ForeignKey(blank=True, limit_choices_to={'active': True}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='referrals', to='intake.referralpartner', verbose_name='referred to'),
        ),
        migrations.RunPython(old_reasons_become_other, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'lost'), _negated=True), ('outcome_reason__startswith', 'lost_'), _connector='OR'), name='intake_inquiry_lost_has_reason'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'referred_out'), _negated=True), ('outcome_reason__startswith', 'referred_'), _connector='OR'), name='intake_inquiry_referred_has_reason'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('outcome_reason__endswith', '_other'), _negated=True), models.Q(('status_reason', ''), _negated=True), _connector='OR'), name='intake_inquiry_other_reason_has_note'),
        ),
    ]
