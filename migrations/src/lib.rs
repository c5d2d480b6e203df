//! Schema migrations. One file per change; a landed migration is never edited.
pub use sea_orm_migration::prelude::*;
/// The table of applied migrations, read by the program before it migrates.
pub use sea_orm_migration::seaql_migrations;

mod append_only;
mod closed_list;
mod cols;
mod m20261122_000001_distributors;
mod m20261122_000002_attachments;
mod m20261122_000003_contacts;
mod m20261122_000004_ledger;
mod m20261122_000005_complaints;
mod m20261123_000006_agreements;
mod m20261123_000007_training;
mod m20261202_000008_foreign_key_indices;
mod m20261202_000009_history_append_only;
mod m20261202_000010_reviews;
mod m20261202_000011_finalised_reviews;
mod m20261202_000012_visits;
mod m20261202_000013_collections;
mod m20261202_000014_reminder_state;
mod m20261207_000015_database_id;
mod m20261207_000016_closed_lists;
mod m20261207_000017_company_logo;
mod m20261207_000018_doc_counter;
mod m20261207_000019_users;
mod m20261208_000020_managers;

/// Every column that accepts only a closed list of keys, with the keys.
pub use m20261207_000016_closed_lists::CLOSED_LISTS;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_distributors::Migration),
            Box::new(m20261122_000002_attachments::Migration),
            Box::new(m20261122_000003_contacts::Migration),
            Box::new(m20261122_000004_ledger::Migration),
            Box::new(m20261122_000005_complaints::Migration),
            Box::new(m20261123_000006_agreements::Migration),
            Box::new(m20261123_000007_training::Migration),
            Box::new(m20261202_000008_foreign_key_indices::Migration),
            Box::new(m20261202_000009_history_append_only::Migration),
            Box::new(m20261202_000010_reviews::Migration),
            Box::new(m20261202_000011_finalised_reviews::Migration),
            Box::new(m20261202_000012_visits::Migration),
            Box::new(m20261202_000013_collections::Migration),
            Box::new(m20261202_000014_reminder_state::Migration),
            Box::new(m20261207_000015_database_id::Migration),
            Box::new(m20261207_000016_closed_lists::Migration),
            Box::new(m20261207_000017_company_logo::Migration),
            Box::new(m20261207_000018_doc_counter::Migration),
            Box::new(m20261207_000019_users::Migration),
            Box::new(m20261208_000020_managers::Migration),
        ]
    }
}
