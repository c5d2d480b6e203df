//! `users add|list|disable|reset-password|passwd`, and logging in with
//! `--user LOGIN` (password from `DEALERDESK_PASSWORD`).
use clap::Subcommand;
use dealerdesk_core::users::{self, Role, Scope, User, UserInput};
use dealerdesk_core::{AppError, AppResult, DatabaseConnection};

use crate::context::Ctx;

/// The logged-in user's password.
pub const PASSWORD_ENV: &str = "DEALERDESK_PASSWORD";
/// A new password: for `users add`, `reset-password` and `passwd`.
pub const NEW_PASSWORD_ENV: &str = "DEALERDESK_NEW_PASSWORD";

#[derive(Subcommand)]
pub enum UsersCommand {
    /// Adds a user (password from DEALERDESK_NEW_PASSWORD). On a database with no users this
    /// is the first owner; after that only an owner adds users.
    Add {
        login: String,
        /// The name the history records.
        #[arg(long)]
        name: String,
        /// Comma-separated: owner, channel_manager, finance, service, trainer, viewer, export.
        #[arg(long, value_delimiter = ',')]
        roles: Vec<String>,
        /// all, region:NAME, or own (the distributors the user is the responsible manager of).
        #[arg(long, default_value = "all")]
        scope: String,
    },
    /// Lists the users.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Stops a user from logging in (an owner's command).
    Disable { login: String },
    /// Sets a user's password to DEALERDESK_NEW_PASSWORD (an owner's command).
    ResetPassword { login: String },
    /// Changes the logged-in user's own password to DEALERDESK_NEW_PASSWORD.
    Passwd,
}

fn env_password(name: &str, field: &str) -> AppResult<String> {
    std::env::var(name)
        .ok()
        .filter(|p| !p.is_empty())
        .ok_or_else(|| {
            AppError::field_detail(
                field,
                dealerdesk_core::error::ErrorCode::Required,
                format!("set {name}"),
            )
        })
}

/// Who this run is: `--user` logged in, else nobody — refused when the
/// database requires a login, except for adding the first user.
pub async fn log_in(
    conn: &DatabaseConnection,
    login: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
    adding_first: bool,
) -> AppResult<Option<User>> {
    if let Some(login) = login.filter(|l| !l.trim().is_empty()) {
        let password = env_password(PASSWORD_ENV, "password")?;
        return users::login(conn, login, &password, now).await.map(Some);
    }
    if users::login_required(conn).await? {
        let first = adding_first && users::list(conn).await?.is_empty();
        if !first {
            return Err(AppError::field_detail(
                "user",
                dealerdesk_core::error::ErrorCode::LoginRequired,
                "--user LOGIN, password in DEALERDESK_PASSWORD",
            ));
        }
    }
    Ok(None)
}

fn roles(keys: &[String]) -> AppResult<Vec<Role>> {
    keys.iter()
        .filter(|k| !k.trim().is_empty())
        .map(|k| {
            Role::parse(k).ok_or_else(|| {
                AppError::field_detail(
                    "roles",
                    dealerdesk_core::error::ErrorCode::UnknownValue,
                    k.clone(),
                )
            })
        })
        .collect()
}

fn print(u: &User) {
    let roles: Vec<&str> = u.roles.iter().map(|r| r.key()).collect();
    let scope = users::scope_text(&u.scope);
    let state = if u.disabled { "  (disabled)" } else { "" };
    println!(
        "{:<16} {:<16} {:<40} {scope}{state}",
        u.login,
        u.display_name,
        roles.join(",")
    );
}

pub async fn run(ctx: &Ctx, cmd: &UsersCommand) -> AppResult<()> {
    let by = ctx.user.as_ref();
    match cmd {
        UsersCommand::Add {
            login,
            name,
            roles: keys,
            scope,
        } => {
            let scope = Scope::parse(scope).ok_or_else(|| {
                AppError::field_detail(
                    "scope",
                    dealerdesk_core::error::ErrorCode::UnknownValue,
                    scope.clone(),
                )
            })?;
            let input = UserInput {
                login: login.clone(),
                display_name: name.clone(),
                password: env_password(NEW_PASSWORD_ENV, "password")?,
                roles: roles(keys)?,
                scope: Some(scope),
            };
            // The first owner, added before anyone can log in, is recorded as themselves
            // when no operator is named.
            let actor = match (ctx.actor().await, by) {
                (Ok(a), _) => a,
                (Err(_), None) => dealerdesk_core::actor::Actor::new(name, ctx.clock)?,
                (Err(e), Some(_)) => return Err(e),
            };
            let u = users::add(&ctx.conn, &actor, by, &input).await?;
            println!("added user {} ({})", u.login, u.display_name);
            print(&u);
        }
        UsersCommand::List { json } => {
            let all = users::list(&ctx.conn).await?;
            if *json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&all).map_err(AppError::io)?
                );
            } else {
                for u in &all {
                    print(u);
                }
            }
        }
        UsersCommand::Disable { login } => {
            let u = users::disable(&ctx.conn, &ctx.actor().await?, by, login).await?;
            println!("disabled {}", u.login);
        }
        UsersCommand::ResetPassword { login } => {
            let new = env_password(NEW_PASSWORD_ENV, "password")?;
            users::reset_password(&ctx.conn, &ctx.actor().await?, by, login, &new).await?;
            println!("new password set for {login}");
        }
        UsersCommand::Passwd => {
            let me = by.ok_or_else(|| {
                AppError::field("user", dealerdesk_core::error::ErrorCode::LoginRequired)
            })?;
            let current = env_password(PASSWORD_ENV, "password")?;
            let new = env_password(NEW_PASSWORD_ENV, "password")?;
            users::change_password(&ctx.conn, &ctx.actor().await?, me, &current, &new).await?;
            println!("password changed for {}", me.login);
        }
    }
    Ok(())
}
