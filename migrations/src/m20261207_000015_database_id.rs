//! Each database's identity: a random id kept in the file (setting
//! `database_id`, a JSON string) and written into every backup's manifest, so
//! two databases whose backups share a folder never prune, skip or offer each
//! other's backups. A copy of the file (a backup restored) keeps its id.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let random = match m.get_database_backend() {
            DbBackend::Postgres => "replace(gen_random_uuid()::text, '-', '')",
            _ => "lower(hex(randomblob(16)))",
        };
        m.get_connection()
            .execute_unprepared(&format!(
                "INSERT INTO setting (key, value) SELECT 'database_id', '\"' || {random} || '\"' \
                 WHERE NOT EXISTS (SELECT 1 FROM setting WHERE key = 'database_id')"
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("DELETE FROM setting WHERE key = 'database_id'")
            .await?;
        Ok(())
    }
}
