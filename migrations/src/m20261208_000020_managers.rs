//! The distributor's responsible manager: a user of the office (nullable; an
//! office without users has none). A user whose scope is `own` sees the
//! distributors they manage. Users are disabled, never deleted, so the id
//! always names a user; the program checks it when it is set. The user's
//! scope kind becomes a closed list like the others.
use sea_orm_migration::prelude::*;

use crate::closed_list;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Distributor {
    Table,
    ManagerId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Distributor::Table)
                .add_column(ColumnDef::new(Distributor::ManagerId).big_integer().null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_distributor_manager")
                .table(Distributor::Table)
                .col(Distributor::ManagerId)
                .to_owned(),
        )
        .await?;
        closed_list::allow(m, "app_user", "scope_kind", &["all", "region", "own"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        closed_list::forget(m, "app_user", "scope_kind").await?;
        m.drop_index(
            Index::drop()
                .name("idx_distributor_manager")
                .table(Distributor::Table)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Distributor::Table)
                .drop_column(Distributor::ManagerId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
