//! The reminders centre's decisions: a reminder — identified by its kind, its
//! record and its due date — snoozed to a date or marked handled with a note.
//! A new due date is a new reminder, so a decision holds until the record's
//! due date changes. The last start's date, for the start-up notification,
//! is a setting.
use sea_orm_migration::prelude::*;

use crate::cols::{big, id, instant, text};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReminderState {
    Table,
    Id,
    Kind,
    RefId,
    DueOn,
    State,
    Until,
    Note,
    Operator,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReminderState::Table)
                .col(id(ReminderState::Id))
                .col(text(ReminderState::Kind))
                .col(big(ReminderState::RefId))
                .col(text(ReminderState::DueOn))
                .col(text(ReminderState::State))
                .col(ColumnDef::new(ReminderState::Until).date().null())
                .col(ColumnDef::new(ReminderState::Note).text().not_null())
                .col(text(ReminderState::Operator))
                .col(instant(ReminderState::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_reminder_state_key")
                .table(ReminderState::Table)
                .col(ReminderState::Kind)
                .col(ReminderState::RefId)
                .col(ReminderState::DueOn)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReminderState::Table).to_owned())
            .await?;
        Ok(())
    }
}
