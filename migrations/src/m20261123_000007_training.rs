//! Training (培训): the course catalogue, sessions, enrolments with results,
//! and certificates (never deleted: a revocation is recorded on the row).
use sea_orm_migration::prelude::*;

use crate::cols::{big, fk, id, instant, text};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Distributor {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DistributorContact {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Course {
    Table,
    Id,
    Code,
    TitleZh,
    TitleEn,
    Category,
    DurationTenths,
    PassMark,
    ValidityMonths,
    RequiredTiers,
    Onboarding,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum TrainingSession {
    Table,
    Id,
    CourseId,
    SessionDate,
    StartTime,
    Trainer,
    Place,
    Capacity,
    Status,
    Notes,
    CreatedAt,
    CreatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Enrolment {
    Table,
    Id,
    SessionId,
    ContactId,
    DistributorId,
    Attended,
    Score,
    Passed,
    Rating,
    Comment,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Certificate {
    Table,
    Id,
    Number,
    EnrolmentId,
    ContactId,
    DistributorId,
    CourseId,
    PersonName,
    IssueDate,
    ExpiryDate,
    RevokedOn,
    RevokeReason,
    RevokedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Course::Table)
                .col(id(Course::Id))
                .col(text(Course::Code).unique_key().to_owned())
                .col(text(Course::TitleZh))
                .col(text(Course::TitleEn))
                .col(text(Course::Category))
                .col(ColumnDef::new(Course::DurationTenths).integer().not_null())
                .col(ColumnDef::new(Course::PassMark).integer().not_null())
                .col(ColumnDef::new(Course::ValidityMonths).integer().null())
                .col(text(Course::RequiredTiers))
                .col(ColumnDef::new(Course::Onboarding).boolean().not_null())
                .col(ColumnDef::new(Course::Active).boolean().not_null())
                .col(instant(Course::CreatedAt))
                .col(instant(Course::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TrainingSession::Table)
                .col(id(TrainingSession::Id))
                .col(big(TrainingSession::CourseId))
                .col(
                    ColumnDef::new(TrainingSession::SessionDate)
                        .date()
                        .not_null(),
                )
                .col(text(TrainingSession::StartTime))
                .col(text(TrainingSession::Trainer))
                .col(text(TrainingSession::Place))
                .col(
                    ColumnDef::new(TrainingSession::Capacity)
                        .integer()
                        .not_null(),
                )
                .col(text(TrainingSession::Status))
                .col(ColumnDef::new(TrainingSession::Notes).text().not_null())
                .col(instant(TrainingSession::CreatedAt))
                .col(text(TrainingSession::CreatedBy))
                .col(instant(TrainingSession::UpdatedAt))
                .foreign_key(&mut fk(
                    (TrainingSession::Table, TrainingSession::CourseId),
                    (Course::Table, Course::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Enrolment::Table)
                .col(id(Enrolment::Id))
                .col(big(Enrolment::SessionId))
                .col(big(Enrolment::ContactId))
                .col(big(Enrolment::DistributorId))
                .col(ColumnDef::new(Enrolment::Attended).boolean().null())
                .col(ColumnDef::new(Enrolment::Score).integer().null())
                .col(ColumnDef::new(Enrolment::Passed).boolean().null())
                .col(ColumnDef::new(Enrolment::Rating).integer().null())
                .col(ColumnDef::new(Enrolment::Comment).text().not_null())
                .col(instant(Enrolment::CreatedAt))
                .foreign_key(&mut fk(
                    (Enrolment::Table, Enrolment::SessionId),
                    (TrainingSession::Table, TrainingSession::Id),
                ))
                .foreign_key(&mut fk(
                    (Enrolment::Table, Enrolment::ContactId),
                    (DistributorContact::Table, DistributorContact::Id),
                ))
                .foreign_key(&mut fk(
                    (Enrolment::Table, Enrolment::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_enrolment_person")
                .table(Enrolment::Table)
                .col(Enrolment::SessionId)
                .col(Enrolment::ContactId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Certificate::Table)
                .col(id(Certificate::Id))
                .col(text(Certificate::Number).unique_key().to_owned())
                .col(big(Certificate::EnrolmentId).unique_key().to_owned())
                .col(big(Certificate::ContactId))
                .col(big(Certificate::DistributorId))
                .col(big(Certificate::CourseId))
                .col(text(Certificate::PersonName))
                .col(ColumnDef::new(Certificate::IssueDate).date().not_null())
                .col(ColumnDef::new(Certificate::ExpiryDate).date().null())
                .col(ColumnDef::new(Certificate::RevokedOn).date().null())
                .col(ColumnDef::new(Certificate::RevokeReason).text().not_null())
                .col(text(Certificate::RevokedBy))
                .col(instant(Certificate::CreatedAt))
                .foreign_key(&mut fk(
                    (Certificate::Table, Certificate::EnrolmentId),
                    (Enrolment::Table, Enrolment::Id),
                ))
                .foreign_key(&mut fk(
                    (Certificate::Table, Certificate::ContactId),
                    (DistributorContact::Table, DistributorContact::Id),
                ))
                .foreign_key(&mut fk(
                    (Certificate::Table, Certificate::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .foreign_key(&mut fk(
                    (Certificate::Table, Certificate::CourseId),
                    (Course::Table, Course::Id),
                ))
                .to_owned(),
        )
        .await?;
        // Certificates are kept for good: refuse DELETE (revocation is an UPDATE).
        crate::append_only::no_delete(m, "certificate", "certificates are never deleted").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Certificate::Table.into_iden(),
            Enrolment::Table.into_iden(),
            TrainingSession::Table.into_iden(),
            Course::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
