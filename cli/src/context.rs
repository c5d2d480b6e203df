//! What every command gets: the open database, the office's clock for this
//! run, and the operator rule of core.
use std::path::PathBuf;

use dealerdesk_core::actor::{Access, Actor};
use dealerdesk_core::dates::Clock;
use dealerdesk_core::{distributor, settings, AppError, AppResult, DatabaseConnection};

pub struct Ctx {
    pub conn: DatabaseConnection,
    pub clock: Clock,
    /// The database file, or for a server the name standing for it in this
    /// PC's folder for that server (`Location::local_anchor`).
    pub db_path: PathBuf,
    /// The file or the server, as shown to the user (no password).
    pub shown: String,
    /// `--operator`; the app's setting is used without it.
    pub operator: Option<String>,
    /// The user logged in with `--user`: the history records their name.
    pub user: Option<dealerdesk_core::users::User>,
}

impl Ctx {
    /// Who writes: the logged-in user, else `--operator`, else the app's operator
    /// setting, else the write is refused.
    pub async fn actor(&self) -> AppResult<Actor> {
        if let Some(u) = &self.user {
            return Actor::signed_in(&u.display_name, u.signed(), self.clock);
        }
        settings::actor(&self.conn, self.operator.as_deref(), self.clock).await
    }

    /// Who reads and exports: the logged-in user, else (an office without
    /// users: logging in was not required) whoever runs the command.
    pub fn access(&self) -> Access {
        match &self.user {
            Some(u) => Access::User(u.signed()),
            None => Access::Open,
        }
    }

    pub async fn distributor_id(&self, code: &str) -> AppResult<i64> {
        distributor::get_by_code(&self.conn, code)
            .await?
            .map(|d| d.id)
            .ok_or_else(|| AppError::not_found("distributor", code))
    }
}
