//! Files attached to a distributor (licence scans, site-visit photos), copied
//! into the data folder beside the database.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Distributor {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Attachment {
    Table,
    Id,
    DistributorId,
    Kind,
    FileName,
    StoredName,
    SizeBytes,
    Operator,
    AddedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Attachment::Table)
                .col(
                    ColumnDef::new(Attachment::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(Attachment::DistributorId)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(Attachment::Kind).string().not_null())
                .col(ColumnDef::new(Attachment::FileName).string().not_null())
                .col(
                    ColumnDef::new(Attachment::StoredName)
                        .string()
                        .not_null()
                        .unique_key(),
                )
                .col(
                    ColumnDef::new(Attachment::SizeBytes)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(Attachment::Operator).string().not_null())
                .col(
                    ColumnDef::new(Attachment::AddedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Attachment::Table, Attachment::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_attachment_distributor")
                .table(Attachment::Table)
                .col(Attachment::DistributorId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Attachment::Table).to_owned())
            .await
    }
}
