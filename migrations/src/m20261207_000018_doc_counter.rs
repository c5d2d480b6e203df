//! The counter rows behind document numbers (TS- complaints, HT- agreements,
//! PX- certificates): one row per series and year, updated inside the write
//! that creates the document. On a server two PCs creating documents at once
//! take turns on the row's lock, so numbers stay unique and without gaps (a
//! sequence would leave gaps where a write rolled back).
use sea_orm_migration::prelude::*;

use crate::cols::{big, text};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DocCounter {
    Table,
    Series,
    Year,
    Last,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(DocCounter::Table)
                .col(text(DocCounter::Series))
                .col(big(DocCounter::Year))
                .col(big(DocCounter::Last))
                .primary_key(
                    Index::create()
                        .col(DocCounter::Series)
                        .col(DocCounter::Year),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(DocCounter::Table).to_owned())
            .await?;
        Ok(())
    }
}
