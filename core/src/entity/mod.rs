//! SeaORM entities. They stay inside `core`: IPC and the CLI see DTOs only.
pub mod agreement;
pub mod agreement_event;
pub mod assessment;
pub mod attachment;
pub mod audit_entry;
pub mod calendar_day;
pub mod complaint;
pub mod complaint_event;
pub mod distributor;
pub mod distributor_contact;
pub mod ledger_entry;
pub mod onboarding_step;
pub mod setting;
pub mod status_change;
pub mod tier_change;
