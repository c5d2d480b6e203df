//! Collections and statement confirmations (催款与对账确认): the collections
//! log with payment promises, the statement runs (what was issued to whom,
//! when and how) with the distributor's confirmation of each, the scanned
//! slip as an attachment naming its run, and a "receives statements" flag on
//! contacts.
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
enum CollectionCall {
    Table,
    Id,
    DistributorId,
    CalledOn,
    Contact,
    Channel,
    Note,
    PromisedFen,
    PromisedOn,
    Operator,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StatementRun {
    Table,
    Id,
    DistributorId,
    PeriodFrom,
    PeriodTo,
    ClosingFen,
    Lang,
    File,
    IssuedVia,
    IssuedOn,
    SentAt,
    SentTo,
    ConfirmStatus,
    ConfirmedOn,
    ConfirmedBy,
    ClaimedFen,
    ConfirmNote,
    Operator,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Attachment {
    Table,
    StatementRunId,
}

#[derive(DeriveIden)]
enum DistributorContact {
    Table,
    ReceivesStatements,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CollectionCall::Table)
                .col(id(CollectionCall::Id))
                .col(big(CollectionCall::DistributorId))
                .col(ColumnDef::new(CollectionCall::CalledOn).date().not_null())
                .col(text(CollectionCall::Contact))
                .col(text(CollectionCall::Channel))
                .col(ColumnDef::new(CollectionCall::Note).text().not_null())
                .col(
                    ColumnDef::new(CollectionCall::PromisedFen)
                        .big_integer()
                        .null(),
                )
                .col(ColumnDef::new(CollectionCall::PromisedOn).date().null())
                .col(text(CollectionCall::Operator))
                .col(instant(CollectionCall::CreatedAt))
                .foreign_key(&mut fk(
                    (CollectionCall::Table, CollectionCall::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_collection_call_distributor")
                .table(CollectionCall::Table)
                .col(CollectionCall::DistributorId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(StatementRun::Table)
                .col(id(StatementRun::Id))
                .col(big(StatementRun::DistributorId))
                .col(ColumnDef::new(StatementRun::PeriodFrom).date().not_null())
                .col(ColumnDef::new(StatementRun::PeriodTo).date().not_null())
                .col(big(StatementRun::ClosingFen))
                .col(text(StatementRun::Lang))
                .col(text(StatementRun::File))
                .col(text(StatementRun::IssuedVia))
                .col(ColumnDef::new(StatementRun::IssuedOn).date().not_null())
                .col(
                    ColumnDef::new(StatementRun::SentAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(text(StatementRun::SentTo))
                .col(text(StatementRun::ConfirmStatus))
                .col(ColumnDef::new(StatementRun::ConfirmedOn).date().null())
                .col(text(StatementRun::ConfirmedBy))
                .col(
                    ColumnDef::new(StatementRun::ClaimedFen)
                        .big_integer()
                        .null(),
                )
                .col(ColumnDef::new(StatementRun::ConfirmNote).text().not_null())
                .col(text(StatementRun::Operator))
                .col(instant(StatementRun::CreatedAt))
                .col(instant(StatementRun::UpdatedAt))
                .foreign_key(&mut fk(
                    (StatementRun::Table, StatementRun::DistributorId),
                    (Distributor::Table, Distributor::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_statement_run_distributor")
                .table(StatementRun::Table)
                .col(StatementRun::DistributorId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Attachment::Table)
                .add_column(
                    ColumnDef::new(Attachment::StatementRunId)
                        .big_integer()
                        .null(),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(DistributorContact::Table)
                .add_column(
                    ColumnDef::new(DistributorContact::ReceivesStatements)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await?;
        crate::append_only::guard(m, "collection_call", "the collections log is append-only")
            .await?;
        crate::append_only::no_delete(m, "statement_run", "statement runs are kept").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(DistributorContact::Table)
                .drop_column(DistributorContact::ReceivesStatements)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Attachment::Table)
                .drop_column(Attachment::StatementRunId)
                .to_owned(),
        )
        .await?;
        for t in [
            StatementRun::Table.into_iden(),
            CollectionCall::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        if m.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
            for f in ["statement_run_keep", "collection_call_append_only"] {
                m.get_connection()
                    .execute_unprepared(&format!("DROP FUNCTION IF EXISTS {f}()"))
                    .await?;
            }
        }
        Ok(())
    }
}
