//! The company's logo, printed in the headers of statements, agreements,
//! certificates and reports: one row, the picture scaled and kept as PNG in
//! the database, so a backup holds it and every PC that opens the file
//! prints the same header.
use sea_orm_migration::prelude::*;

use crate::cols::{big, id, instant, text};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CompanyLogo {
    Table,
    Id,
    Png,
    Width,
    Height,
    Sha256,
    UpdatedAt,
    UpdatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CompanyLogo::Table)
                .col(id(CompanyLogo::Id))
                .col(ColumnDef::new(CompanyLogo::Png).blob().not_null())
                .col(big(CompanyLogo::Width))
                .col(big(CompanyLogo::Height))
                .col(text(CompanyLogo::Sha256))
                .col(instant(CompanyLogo::UpdatedAt))
                .col(text(CompanyLogo::UpdatedBy))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CompanyLogo::Table).to_owned())
            .await?;
        Ok(())
    }
}
