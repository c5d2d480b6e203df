//! Performance reviews, part one: violations (违规记录, append-only; a
//! mistaken one is cancelled by a row of its own) and the reviewer's rating
//! and comment per distributor and quarter.
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
enum Violation {
    Table,
    Id,
    DistributorId,
    OccurredOn,
    Kind,
    Description,
    PointsCenti,
    WithholdRebate,
    ComplaintId,
    Operator,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ViolationCancel {
    Table,
    Id,
    ViolationId,
    Reason,
    Operator,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ScorecardRating {
    Table,
    Id,
    DistributorId,
    Quarter,
    Rating,
    Comment,
    Operator,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Violation::Table)
                .col(id(Violation::Id))
                .col(big(Violation::DistributorId))
                .col(ColumnDef::new(Violation::OccurredOn).date().not_null())
                .col(text(Violation::Kind))
                .col(ColumnDef::new(Violation::Description).text().not_null())
                .col(big(Violation::PointsCenti))
                .col(
                    ColumnDef::new(Violation::WithholdRebate)
                        .boolean()
                        .not_null(),
                )
                .col(ColumnDef::new(Violation::ComplaintId).big_integer().null())
                .col(text(Violation::Operator))
                .col(instant(Violation::CreatedAt))
                .foreign_key(&mut fk(
                    (Violation::Table, Violation::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_violation_distributor")
                .table(Violation::Table)
                .col(Violation::DistributorId)
                .col(Violation::OccurredOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ViolationCancel::Table)
                .col(id(ViolationCancel::Id))
                .col(big(ViolationCancel::ViolationId).unique_key().to_owned())
                .col(ColumnDef::new(ViolationCancel::Reason).text().not_null())
                .col(text(ViolationCancel::Operator))
                .col(instant(ViolationCancel::CreatedAt))
                .foreign_key(&mut fk(
                    (ViolationCancel::Table, ViolationCancel::ViolationId),
                    (Violation::Table, Violation::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ScorecardRating::Table)
                .col(id(ScorecardRating::Id))
                .col(big(ScorecardRating::DistributorId))
                .col(text(ScorecardRating::Quarter))
                .col(ColumnDef::new(ScorecardRating::Rating).integer().null())
                .col(ColumnDef::new(ScorecardRating::Comment).text().not_null())
                .col(text(ScorecardRating::Operator))
                .col(instant(ScorecardRating::UpdatedAt))
                .foreign_key(&mut fk(
                    (ScorecardRating::Table, ScorecardRating::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_scorecard_rating")
                .table(ScorecardRating::Table)
                .col(ScorecardRating::DistributorId)
                .col(ScorecardRating::Quarter)
                .unique()
                .to_owned(),
        )
        .await?;
        crate::append_only::guard(m, "violation", "violations are append-only").await?;
        crate::append_only::guard(m, "violation_cancel", "cancellations are append-only").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ScorecardRating::Table.into_iden(),
            ViolationCancel::Table.into_iden(),
            Violation::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
