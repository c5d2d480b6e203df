//! DealerDesk core: entities, domain services and file formats. No Tauri, no GTK:
//! the desktop shell and the CLI are thin adapters over this crate.
pub mod actor;
pub mod agreement;
pub mod api;
pub mod assessment;
pub mod attachment;
pub mod audit;
pub mod backup;
pub mod choice;
pub mod complaint;
pub mod dashboard;
pub mod dates;
pub mod db;
pub mod demo;
pub mod distributor;
mod entity;
pub mod error;
pub mod fields;
pub mod glyphs;
pub mod lang;
pub mod ledger;
pub mod logo;
pub mod mail;
pub mod money;
mod numbering;
pub mod onboarding;
pub mod opening;
pub mod outputs;
pub mod paging;

pub mod pdf;
pub mod reminders;
pub mod scope;
pub mod scorecard;
pub mod settings;
pub mod setup;
pub mod sheet;
pub mod stored;
pub mod training;
pub mod uscc;
pub mod users;
pub mod violation;
pub mod visit;
pub mod words;

pub use error::{AppError, AppResult};
pub use sea_orm::DatabaseConnection;
