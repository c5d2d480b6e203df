//! Users who log in: a login name, the name the history records, an Argon2id
//! password hash (never the password), roles, the distributors they see, and
//! the lockout after wrong passwords. A database without users works as
//! before (one owner, no password); once one exists, everyone logs in.
use sea_orm_migration::prelude::*;

use crate::cols::{big, id, instant, text};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    Login,
    DisplayName,
    PasswordHash,
    Roles,
    ScopeKind,
    ScopeRegion,
    Disabled,
    FailedLogins,
    LockedUntil,
    PasswordChangedAt,
    CreatedAt,
    CreatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AppUser::Table)
                .col(id(AppUser::Id))
                .col(text(AppUser::Login).unique_key())
                .col(text(AppUser::DisplayName))
                .col(text(AppUser::PasswordHash))
                .col(text(AppUser::Roles))
                .col(text(AppUser::ScopeKind))
                .col(text(AppUser::ScopeRegion))
                .col(ColumnDef::new(AppUser::Disabled).boolean().not_null())
                .col(big(AppUser::FailedLogins))
                .col(
                    ColumnDef::new(AppUser::LockedUntil)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(instant(AppUser::PasswordChangedAt))
                .col(instant(AppUser::CreatedAt))
                .col(text(AppUser::CreatedBy))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AppUser::Table).to_owned())
            .await?;
        Ok(())
    }
}
