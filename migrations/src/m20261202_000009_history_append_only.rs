//! Status changes, tier changes and assessments are history: the triggers of
//! `append_only` refuse to update or delete them, as the ledger and the audit
//! trail already do.
use sea_orm_migration::prelude::*;

use crate::append_only;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000009_history_append_only"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        append_only::guard(m, "status_change", "status history is append-only").await?;
        append_only::guard(m, "tier_change", "tier history is append-only").await?;
        append_only::guard(m, "assessment", "assessments are append-only").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["status_change", "tier_change", "assessment"] {
            append_only::unguard(m, table).await?;
        }
        Ok(())
    }
}
