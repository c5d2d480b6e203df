//! Who works in this window. Once a database has users (and on every
//! server), nothing is done before logging in: the window shows its login
//! screen, and every write is the logged-in user's, within their roles
//! (`AppState::actor`). The user is kept in memory for this run only.
use dealerdesk_core::actor::Actor;
use dealerdesk_core::api::cmd;
use dealerdesk_core::error::ErrorCode;
use dealerdesk_core::users::{self, User};
use dealerdesk_core::{AppError, AppResult};
use tauri::State;

use crate::commands::{Req, Res};
use crate::state::AppState;

type S<'a> = State<'a, AppState>;

/// The logged-in user as stored now: a user disabled since is logged out.
pub async fn signed_in(s: &AppState) -> AppResult<Option<User>> {
    let Some(id) = s
        .signed_in
        .lock()
        .map_err(AppError::io)?
        .as_ref()
        .map(|u| u.id)
    else {
        return Ok(None);
    };
    let now = users::current(&s.db().await?, id).await?;
    if now.is_none() {
        *s.signed_in.lock().map_err(AppError::io)? = None;
    }
    Ok(now)
}

fn keep(s: &AppState, user: Option<User>) -> AppResult<()> {
    *s.signed_in.lock().map_err(AppError::io)? = user;
    Ok(())
}

async fn view(s: &AppState) -> AppResult<users::SessionView> {
    let user = signed_in(s).await?;
    users::session_view(&s.db().await?, user.as_ref()).await
}

#[tauri::command]
pub async fn login_state(s: S<'_>) -> Res<cmd::login_state> {
    view(&s).await
}

#[tauri::command]
pub async fn login(s: S<'_>, req: Req<cmd::login>) -> Res<cmd::login> {
    let user = users::login(&s.db().await?, &req.login, &req.password, s.clock().now).await?;
    keep(&s, Some(user))?;
    view(&s).await
}

#[tauri::command]
pub async fn logout(s: S<'_>) -> Res<cmd::logout> {
    keep(&s, None)?;
    view(&s).await
}

#[tauri::command]
pub async fn first_owner_add(
    s: S<'_>,
    req: Req<cmd::first_owner_add>,
) -> Res<cmd::first_owner_add> {
    let db = s.db().await?;
    // A new server database asks for its owner at the login screen; an office
    // on this PC without users sets one up in Settings → Users.
    if !users::list(&db).await?.is_empty() {
        // Users exist: only an owner, logged in, adds more (Settings → Users).
        return Err(AppError::Forbidden {
            action: "users".into(),
            roles: vec!["owner".into()],
        });
    }
    // The first owner is recorded as themselves.
    let actor = Actor::new(&req.display_name, s.clock())
        .map_err(|_| AppError::field("display_name", ErrorCode::Required))?;
    let password = req.password.clone();
    let owner = users::add(&db, &actor, None, &req).await?;
    let user = users::login(&db, &owner.login, &password, s.clock().now).await?;
    keep(&s, Some(user))?;
    view(&s).await
}

#[tauri::command]
pub async fn password_change(
    s: S<'_>,
    req: Req<cmd::password_change>,
) -> Res<cmd::password_change> {
    let me = signed_in(&s)
        .await?
        .ok_or_else(|| AppError::field("user", ErrorCode::LoginRequired))?;
    let actor = s.actor().await?;
    users::change_password(&s.db().await?, &actor, &me, &req.current, &req.new).await
}

#[tauri::command]
pub async fn user_list(s: S<'_>) -> Res<cmd::user_list> {
    s.access().await?;
    users::list(&s.db().await?).await
}

/// The logged-in owner, for Settings → Users (refused, naming the owner role, otherwise).
async fn owner(s: &AppState) -> AppResult<User> {
    let me = signed_in(s)
        .await?
        .ok_or_else(|| AppError::field("user", ErrorCode::LoginRequired))?;
    users::require_owner(Some(&me), "users")?;
    Ok(me)
}

#[tauri::command]
pub async fn user_add(s: S<'_>, req: Req<cmd::user_add>) -> Res<cmd::user_add> {
    let me = owner(&s).await?;
    users::add(&s.db().await?, &s.actor().await?, Some(&me), &req).await
}

#[tauri::command]
pub async fn user_update(s: S<'_>, req: Req<cmd::user_update>) -> Res<cmd::user_update> {
    let me = owner(&s).await?;
    users::update(&s.db().await?, &s.actor().await?, Some(&me), &req).await
}

#[tauri::command]
pub async fn user_password_reset(
    s: S<'_>,
    req: Req<cmd::user_password_reset>,
) -> Res<cmd::user_password_reset> {
    let me = owner(&s).await?;
    users::reset_password(
        &s.db().await?,
        &s.actor().await?,
        Some(&me),
        &req.login,
        &req.password,
    )
    .await
}
