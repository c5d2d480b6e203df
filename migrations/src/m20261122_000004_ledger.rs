//! The ledger (往来账): one row per posted entry. Entries are append-only; a
//! mistake is corrected by a reversing entry that points at the original.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Distributor {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LedgerEntry {
    Table,
    Id,
    DistributorId,
    EntryDate,
    DocNo,
    Kind,
    AmountFen,
    Description,
    FapiaoNo,
    DueDate,
    ReversesId,
    CreatedAt,
    CreatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let text = |c: LedgerEntry| ColumnDef::new(c).string().not_null().to_owned();
        m.create_table(
            Table::create()
                .table(LedgerEntry::Table)
                .col(
                    ColumnDef::new(LedgerEntry::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(LedgerEntry::DistributorId)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(LedgerEntry::EntryDate).date().not_null())
                .col(text(LedgerEntry::DocNo))
                .col(text(LedgerEntry::Kind))
                .col(
                    ColumnDef::new(LedgerEntry::AmountFen)
                        .big_integer()
                        .not_null(),
                )
                .col(text(LedgerEntry::Description))
                .col(text(LedgerEntry::FapiaoNo))
                .col(ColumnDef::new(LedgerEntry::DueDate).date().not_null())
                .col(ColumnDef::new(LedgerEntry::ReversesId).big_integer().null())
                .col(
                    ColumnDef::new(LedgerEntry::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(text(LedgerEntry::CreatedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(LedgerEntry::Table, LedgerEntry::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(LedgerEntry::Table, LedgerEntry::ReversesId)
                        .to(LedgerEntry::Table, LedgerEntry::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        // An entry is identified by (distributor, kind, doc_no): re-importing adds nothing.
        m.create_index(
            Index::create()
                .name("ux_ledger_doc")
                .table(LedgerEntry::Table)
                .col(LedgerEntry::DistributorId)
                .col(LedgerEntry::Kind)
                .col(LedgerEntry::DocNo)
                .unique()
                .to_owned(),
        )
        .await?;
        // At most one reversal per entry.
        m.create_index(
            Index::create()
                .name("ux_ledger_reverses")
                .table(LedgerEntry::Table)
                .col(LedgerEntry::ReversesId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ledger_distributor_date")
                .table(LedgerEntry::Table)
                .col(LedgerEntry::DistributorId)
                .col(LedgerEntry::EntryDate)
                .col(LedgerEntry::Id)
                .to_owned(),
        )
        .await?;
        crate::append_only::guard(m, "ledger_entry", "ledger entries are append-only").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LedgerEntry::Table).to_owned())
            .await
    }
}
