//! Performance reviews, part two: finalised quarters, the frozen scorecards
//! (append-only; a correction is a new revision with a reason) and
//! improvement plans (整改/帮扶计划).
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
enum ScorecardQuarter {
    Table,
    Id,
    Quarter,
    Baseline,
    Operator,
    FinalisedAt,
}

#[derive(DeriveIden)]
enum ScorecardSnapshot {
    Table,
    Id,
    DistributorId,
    Quarter,
    Revision,
    TotalCenti,
    BelowBaseline,
    Data,
    Reason,
    Operator,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ImprovementPlan {
    Table,
    Id,
    DistributorId,
    Quarter,
    Actions,
    Owner,
    DueOn,
    Outcome,
    ClosedOn,
    Operator,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ScorecardQuarter::Table)
                .col(id(ScorecardQuarter::Id))
                .col(text(ScorecardQuarter::Quarter).unique_key().to_owned())
                .col(
                    ColumnDef::new(ScorecardQuarter::Baseline)
                        .integer()
                        .not_null(),
                )
                .col(text(ScorecardQuarter::Operator))
                .col(instant(ScorecardQuarter::FinalisedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ScorecardSnapshot::Table)
                .col(id(ScorecardSnapshot::Id))
                .col(big(ScorecardSnapshot::DistributorId))
                .col(text(ScorecardSnapshot::Quarter))
                .col(
                    ColumnDef::new(ScorecardSnapshot::Revision)
                        .integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(ScorecardSnapshot::TotalCenti)
                        .big_integer()
                        .null(),
                )
                .col(
                    ColumnDef::new(ScorecardSnapshot::BelowBaseline)
                        .boolean()
                        .not_null(),
                )
                .col(ColumnDef::new(ScorecardSnapshot::Data).text().not_null())
                .col(ColumnDef::new(ScorecardSnapshot::Reason).text().not_null())
                .col(text(ScorecardSnapshot::Operator))
                .col(instant(ScorecardSnapshot::CreatedAt))
                .foreign_key(&mut fk(
                    (ScorecardSnapshot::Table, ScorecardSnapshot::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_scorecard_snapshot")
                .table(ScorecardSnapshot::Table)
                .col(ScorecardSnapshot::DistributorId)
                .col(ScorecardSnapshot::Quarter)
                .col(ScorecardSnapshot::Revision)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_scorecard_snapshot_quarter")
                .table(ScorecardSnapshot::Table)
                .col(ScorecardSnapshot::Quarter)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ImprovementPlan::Table)
                .col(id(ImprovementPlan::Id))
                .col(big(ImprovementPlan::DistributorId))
                .col(text(ImprovementPlan::Quarter))
                .col(ColumnDef::new(ImprovementPlan::Actions).text().not_null())
                .col(text(ImprovementPlan::Owner))
                .col(ColumnDef::new(ImprovementPlan::DueOn).date().not_null())
                .col(ColumnDef::new(ImprovementPlan::Outcome).text().not_null())
                .col(ColumnDef::new(ImprovementPlan::ClosedOn).date().null())
                .col(text(ImprovementPlan::Operator))
                .col(instant(ImprovementPlan::CreatedAt))
                .col(instant(ImprovementPlan::UpdatedAt))
                .foreign_key(&mut fk(
                    (ImprovementPlan::Table, ImprovementPlan::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_improvement_plan_distributor")
                .table(ImprovementPlan::Table)
                .col(ImprovementPlan::DistributorId)
                .to_owned(),
        )
        .await?;
        crate::append_only::guard(m, "scorecard_quarter", "finalised quarters are append-only")
            .await?;
        crate::append_only::guard(
            m,
            "scorecard_snapshot",
            "finalised scorecards are append-only",
        )
        .await?;
        crate::append_only::no_delete(m, "improvement_plan", "improvement plans are kept").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        crate::append_only::unguard(m, "scorecard_snapshot").await?;
        crate::append_only::unguard(m, "scorecard_quarter").await?;
        for t in [
            ImprovementPlan::Table.into_iden(),
            ScorecardSnapshot::Table.into_iden(),
            ScorecardQuarter::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        if m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS improvement_plan_keep()")
                .await?;
        }
        Ok(())
    }
}
