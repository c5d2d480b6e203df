//! An index on every foreign-key column that a list filters or joins by, so a
//! distributor's history, its certificates and a session's people are found
//! without scanning the table. `IF NOT EXISTS` makes the migration safe to run
//! again after an interrupted start.
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000008_foreign_key_indices"
    }
}

/// (index, table, column)
const INDICES: &[(&str, &str, &str)] = &[
    (
        "ix_status_change_distributor",
        "status_change",
        "distributor_id",
    ),
    (
        "ix_tier_change_distributor",
        "tier_change",
        "distributor_id",
    ),
    ("ix_assessment_distributor", "assessment", "distributor_id"),
    ("ix_agreement_previous", "agreement", "previous_id"),
    (
        "ix_agreement_event_agreement",
        "agreement_event",
        "agreement_id",
    ),
    (
        "ix_training_session_course",
        "training_session",
        "course_id",
    ),
    ("ix_enrolment_distributor", "enrolment", "distributor_id"),
    ("ix_enrolment_contact", "enrolment", "contact_id"),
    ("ix_certificate_course", "certificate", "course_id"),
    (
        "ix_certificate_distributor",
        "certificate",
        "distributor_id",
    ),
    ("ix_certificate_contact", "certificate", "contact_id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, column) in INDICES {
            m.create_index(
                Index::create()
                    .if_not_exists()
                    .name(*name)
                    .table(Alias::new(*table))
                    .col(Alias::new(*column))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDICES {
            m.drop_index(
                Index::drop()
                    .name(*name)
                    .table(Alias::new(*table))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
