//! Agreements and onboarding: the per-distributor onboarding checklist, the
//! distribution agreement (each version a row, linked to the one it replaces)
//! and the agreement's append-only history.
use sea_orm_migration::prelude::*;

use crate::cols::{id, instant, text};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Distributor {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OnboardingStep {
    Table,
    Id,
    DistributorId,
    StepKey,
    Position,
    LabelZh,
    LabelEn,
    Auto,
    Owner,
    DueDate,
    DoneDate,
    DoneBy,
    Note,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Agreement {
    Table,
    Id,
    Number,
    Version,
    PreviousId,
    Kind,
    DistributorId,
    Status,
    TerritoryJson,
    Exclusive,
    TermStart,
    TermEnd,
    PaymentDays,
    PaymentMethod,
    CreditLimitFen,
    DiscountBp,
    BuybackBp,
    TargetsJson,
    LadderJson,
    SpecialClauses,
    SignedDate,
    ScanName,
    TerminatedDate,
    TerminationReason,
    CreatedAt,
    CreatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AgreementEvent {
    Table,
    Id,
    AgreementId,
    At,
    FromStatus,
    ToStatus,
    Text,
    Operator,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OnboardingStep::Table)
                .col(id(OnboardingStep::Id))
                .col(
                    ColumnDef::new(OnboardingStep::DistributorId)
                        .big_integer()
                        .not_null(),
                )
                .col(text(OnboardingStep::StepKey))
                .col(
                    ColumnDef::new(OnboardingStep::Position)
                        .integer()
                        .not_null(),
                )
                .col(text(OnboardingStep::LabelZh))
                .col(text(OnboardingStep::LabelEn))
                .col(text(OnboardingStep::Auto))
                .col(text(OnboardingStep::Owner))
                .col(ColumnDef::new(OnboardingStep::DueDate).date().null())
                .col(ColumnDef::new(OnboardingStep::DoneDate).date().null())
                .col(text(OnboardingStep::DoneBy))
                .col(text(OnboardingStep::Note))
                .col(instant(OnboardingStep::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OnboardingStep::Table, OnboardingStep::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_onboarding_step")
                .table(OnboardingStep::Table)
                .col(OnboardingStep::DistributorId)
                .col(OnboardingStep::StepKey)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Agreement::Table)
                .col(id(Agreement::Id))
                .col(text(Agreement::Number))
                .col(ColumnDef::new(Agreement::Version).integer().not_null())
                .col(ColumnDef::new(Agreement::PreviousId).big_integer().null())
                .col(text(Agreement::Kind))
                .col(
                    ColumnDef::new(Agreement::DistributorId)
                        .big_integer()
                        .not_null(),
                )
                .col(text(Agreement::Status))
                .col(ColumnDef::new(Agreement::TerritoryJson).text().not_null())
                .col(ColumnDef::new(Agreement::Exclusive).boolean().not_null())
                .col(ColumnDef::new(Agreement::TermStart).date().not_null())
                .col(ColumnDef::new(Agreement::TermEnd).date().not_null())
                .col(ColumnDef::new(Agreement::PaymentDays).integer().not_null())
                .col(text(Agreement::PaymentMethod))
                .col(
                    ColumnDef::new(Agreement::CreditLimitFen)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(Agreement::DiscountBp).integer().not_null())
                .col(ColumnDef::new(Agreement::BuybackBp).integer().not_null())
                .col(ColumnDef::new(Agreement::TargetsJson).text().not_null())
                .col(ColumnDef::new(Agreement::LadderJson).text().not_null())
                .col(ColumnDef::new(Agreement::SpecialClauses).text().not_null())
                .col(ColumnDef::new(Agreement::SignedDate).date().null())
                .col(text(Agreement::ScanName))
                .col(ColumnDef::new(Agreement::TerminatedDate).date().null())
                .col(
                    ColumnDef::new(Agreement::TerminationReason)
                        .text()
                        .not_null(),
                )
                .col(instant(Agreement::CreatedAt))
                .col(text(Agreement::CreatedBy))
                .col(instant(Agreement::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Agreement::Table, Agreement::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Agreement::Table, Agreement::PreviousId)
                        .to(Agreement::Table, Agreement::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_agreement_version")
                .table(Agreement::Table)
                .col(Agreement::Number)
                .col(Agreement::Version)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_agreement_distributor")
                .table(Agreement::Table)
                .col(Agreement::DistributorId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AgreementEvent::Table)
                .col(id(AgreementEvent::Id))
                .col(
                    ColumnDef::new(AgreementEvent::AgreementId)
                        .big_integer()
                        .not_null(),
                )
                .col(instant(AgreementEvent::At))
                .col(text(AgreementEvent::FromStatus))
                .col(text(AgreementEvent::ToStatus))
                .col(ColumnDef::new(AgreementEvent::Text).text().not_null())
                .col(text(AgreementEvent::Operator))
                .foreign_key(
                    ForeignKey::create()
                        .from(AgreementEvent::Table, AgreementEvent::AgreementId)
                        .to(Agreement::Table, Agreement::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        crate::append_only::guard(
            m,
            "agreement_event",
            "agreement history entries are append-only",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AgreementEvent::Table.into_iden(),
            Agreement::Table.into_iden(),
            OnboardingStep::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
