//! A distributor's people beyond the primary contact: buyers, finance,
//! warehouse staff. (The primary contact stays on the distributor row, where
//! the list searches it.)
use sea_orm_migration::prelude::*;

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
    DistributorId,
    Name,
    Role,
    Phone,
    Email,
    Wechat,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let text = |c: DistributorContact| ColumnDef::new(c).string().not_null().to_owned();
        let at = |c: DistributorContact| {
            ColumnDef::new(c)
                .timestamp_with_time_zone()
                .not_null()
                .to_owned()
        };
        m.create_table(
            Table::create()
                .table(DistributorContact::Table)
                .col(
                    ColumnDef::new(DistributorContact::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(DistributorContact::DistributorId)
                        .big_integer()
                        .not_null(),
                )
                .col(text(DistributorContact::Name))
                .col(text(DistributorContact::Role))
                .col(text(DistributorContact::Phone))
                .col(text(DistributorContact::Email))
                .col(text(DistributorContact::Wechat))
                .col(at(DistributorContact::CreatedAt))
                .col(at(DistributorContact::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(DistributorContact::Table, DistributorContact::DistributorId)
                        .to(Distributor::Table, Distributor::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_contact_distributor")
                .table(DistributorContact::Table)
                .col(DistributorContact::DistributorId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(DistributorContact::Table).to_owned())
            .await
    }
}
