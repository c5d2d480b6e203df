//! Visits and business reviews (拜访与业务回顾): planned and made visits,
//! their follow-up actions, and photos attached to a visit (a nullable
//! `visit_id` on attachments).
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
enum Visit {
    Table,
    Id,
    DistributorId,
    Kind,
    Quarter,
    PlannedOn,
    VisitedOn,
    Visitors,
    Met,
    Findings,
    Operator,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum VisitAction {
    Table,
    Id,
    VisitId,
    Action,
    Owner,
    DueOn,
    DoneOn,
}

#[derive(DeriveIden)]
enum Attachment {
    Table,
    VisitId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Visit::Table)
                .col(id(Visit::Id))
                .col(big(Visit::DistributorId))
                .col(text(Visit::Kind))
                .col(text(Visit::Quarter))
                .col(ColumnDef::new(Visit::PlannedOn).date().null())
                .col(ColumnDef::new(Visit::VisitedOn).date().null())
                .col(ColumnDef::new(Visit::Visitors).text().not_null())
                .col(ColumnDef::new(Visit::Met).text().not_null())
                .col(ColumnDef::new(Visit::Findings).text().not_null())
                .col(text(Visit::Operator))
                .col(instant(Visit::CreatedAt))
                .col(instant(Visit::UpdatedAt))
                .foreign_key(&mut fk(
                    (Visit::Table, Visit::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_visit_distributor")
                .table(Visit::Table)
                .col(Visit::DistributorId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(VisitAction::Table)
                .col(id(VisitAction::Id))
                .col(big(VisitAction::VisitId))
                .col(ColumnDef::new(VisitAction::Action).text().not_null())
                .col(text(VisitAction::Owner))
                .col(ColumnDef::new(VisitAction::DueOn).date().not_null())
                .col(ColumnDef::new(VisitAction::DoneOn).date().null())
                .foreign_key(&mut fk(
                    (VisitAction::Table, VisitAction::VisitId),
                    (Visit::Table, Visit::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_visit_action_visit")
                .table(VisitAction::Table)
                .col(VisitAction::VisitId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Attachment::Table)
                .add_column(ColumnDef::new(Attachment::VisitId).big_integer().null())
                .to_owned(),
        )
        .await?;
        crate::append_only::no_delete(m, "visit", "visits are kept").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Attachment::Table)
                .drop_column(Attachment::VisitId)
                .to_owned(),
        )
        .await?;
        for t in [VisitAction::Table.into_iden(), Visit::Table.into_iden()] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        if m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            m.get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS visit_keep()")
                .await?;
        }
        Ok(())
    }
}
