//! Users, their roles and what they may see, and logging in.
//!
//! A database without users works as it always did: one owner at the PC, no
//! password. The first user added is an owner; from then on every program on
//! the database logs in, and only an owner adds, disables or resets users.
//! Passwords are kept as Argon2id hashes (the `argon2` crate's recommended
//! parameters). Five wrong passwords in a row lock the login for
//! `LOCK_MINUTES`; a right one clears the count.
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use rand_core::OsRng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::{Actor, Right, Signed};
use crate::audit::{self, FieldChange};
use crate::entity::app_user;
use crate::error::{AppError, AppResult, ErrorCode, FieldErrors};

pub use crate::actor::{Role, Scope};

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct User {
    #[ts(type = "number")]
    pub id: i64,
    pub login: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
    pub disabled: bool,
    /// Locked after wrong passwords until this instant (RFC 3339), if so.
    pub locked_until: Option<String>,
    pub created_at: String,
    pub created_by: String,
}

impl User {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// What the user may do, for an `Actor`.
    pub fn signed(&self) -> Signed {
        Signed {
            id: self.id,
            login: self.login.clone(),
            roles: self.roles.clone(),
            scope: self.scope.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, TS, Default)]
#[ts(export)]
pub struct UserInput {
    pub login: String,
    pub display_name: String,
    pub password: String,
    pub roles: Vec<Role>,
    pub scope: Option<Scope>,
}

/// A login and its password, from the window's login screen.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct LoginRequest {
    pub login: String,
    pub password: String,
}

/// A user's own password change: the current one, then the new one.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

/// Who works in this window, and whether logging in is needed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SessionView {
    /// Users exist, or the database is on a server: nothing is done before logging in.
    pub required: bool,
    /// Logged in as.
    pub user: Option<User>,
    /// A database that needs a login but has no user yet (a new server
    /// database): its first owner is set up in the window.
    pub first_owner: bool,
    /// What the logged-in user (or, without users, whoever is at the PC) may
    /// do: the keys of `actor::Right` (`finance`, `export`…). The window hides
    /// what is not here; core refuses it anyway.
    pub rights: Vec<String>,
}

/// What an owner changes about a user: name, roles, scope, and whether they
/// may log in. The login itself never changes (the audit trail names it).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct UserUpdate {
    pub login: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
    pub disabled: bool,
}

/// An owner's new password for a user.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PasswordReset {
    pub login: String,
    pub password: String,
}

/// What the window shows before anything else: a login, the first owner's
/// set-up, or nothing (an office without users).
pub async fn session_view<C: ConnectionTrait>(
    db: &C,
    user: Option<&User>,
) -> AppResult<SessionView> {
    let required = login_required(db).await?;
    let first_owner = required && app_user::Entity::find().count(db).await? == 0;
    let access = match user {
        Some(u) => Some(crate::actor::Access::User(u.signed())),
        None if required => None,
        None => Some(crate::actor::Access::Open),
    };
    let rights = Right::ALL
        .iter()
        .filter(|r| access.as_ref().is_some_and(|a| a.may(**r)))
        .map(|r| r.key().to_owned())
        .collect();
    Ok(SessionView {
        required,
        user: user.cloned(),
        first_owner,
        rights,
    })
}

/// The user as stored now (roles changed or disabled since the login show).
pub async fn current<C: ConnectionTrait>(db: &C, id: i64) -> AppResult<Option<User>> {
    match app_user::Entity::find_by_id(id).one(db).await? {
        Some(m) if !m.disabled => stored(m).map(Some),
        _ => Ok(None),
    }
}

/// Wrong passwords in a row before the login is locked, and for how long.
pub const MAX_FAILED: i64 = 5;
pub const LOCK_MINUTES: i64 = 15;
/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 8;

fn stored(m: app_user::Model) -> AppResult<User> {
    let record = crate::stored::Record::new("app_user", m.id);
    let mut roles = Vec::new();
    for key in m.roles.split(',').filter(|k| !k.is_empty()) {
        roles.push(record.key("roles", key, Role::parse)?);
    }
    let scope = match m.scope_kind.as_str() {
        "all" => Scope::All,
        "own" => Scope::Own,
        "region" => Scope::Region {
            region: m.scope_region.clone(),
        },
        other => {
            return Err(AppError::Damaged {
                table: "app_user".into(),
                id: m.id.to_string(),
                column: "scope_kind".into(),
                value: other.into(),
            })
        }
    };
    Ok(User {
        id: m.id,
        login: m.login,
        display_name: m.display_name,
        roles,
        scope,
        disabled: m.disabled,
        locked_until: m.locked_until.map(|t| t.to_rfc3339()),
        created_at: m.created_at.to_rfc3339(),
        created_by: m.created_by,
    })
}

/// How many users can log in (not disabled).
pub async fn active_count<C: ConnectionTrait>(db: &C) -> AppResult<u64> {
    Ok(app_user::Entity::find()
        .filter(app_user::Column::Disabled.eq(false))
        .count(db)
        .await?)
}

/// Whether programs on this database must log in: once a user exists, and
/// always on a server.
pub async fn login_required<C: ConnectionTrait>(db: &C) -> AppResult<bool> {
    Ok(crate::db::server::is_server(db) || app_user::Entity::find().count(db).await? > 0)
}

pub async fn list<C: ConnectionTrait>(db: &C) -> AppResult<Vec<User>> {
    app_user::Entity::find()
        .order_by_asc(app_user::Column::Login)
        .all(db)
        .await?
        .into_iter()
        .map(stored)
        .collect()
}

async fn find_login<C: ConnectionTrait>(db: &C, login: &str) -> AppResult<Option<app_user::Model>> {
    Ok(app_user::Entity::find()
        .filter(app_user::Column::Login.eq(login.trim().to_lowercase()))
        .one(db)
        .await?)
}

fn hash(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::io(format!("password hash: {e}")))
}

fn verify(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

fn check_password(errs: &mut FieldErrors, field: &str, password: &str) {
    if password.chars().count() < MIN_PASSWORD {
        errs.push_err(crate::error::FieldError::with_detail(
            field,
            ErrorCode::PasswordShort,
            MIN_PASSWORD.to_string(),
        ));
    } else if password.contains('\0') {
        errs.push(field, ErrorCode::ControlCharacter);
    }
}

/// Refused unless `by` is an owner: names the role the action needs.
pub fn require_owner(by: Option<&User>, action: &str) -> AppResult<()> {
    match by {
        Some(u) if u.has(Role::Owner) && !u.disabled => Ok(()),
        _ => Err(AppError::Forbidden {
            action: action.into(),
            roles: vec![Role::Owner.key().into()],
        }),
    }
}

/// Adds a user. On a database without users anyone may add the first, who
/// is made an owner; after that only an owner (`by`) adds users.
pub async fn add<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    by: Option<&User>,
    input: &UserInput,
) -> AppResult<User> {
    let txn = crate::db::write(db).await?;
    let first = app_user::Entity::find().count(&txn).await? == 0;
    if !first {
        require_owner(by, "users")?;
    }
    let mut errs = FieldErrors::default();
    let login = input.login.trim().to_lowercase();
    if login.is_empty() {
        errs.push("login", ErrorCode::Required);
    } else if login.chars().count() > 32
        || !login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        errs.push("login", ErrorCode::CodeChars);
    }
    let display_name =
        crate::fields::text(&mut errs, "display_name", &input.display_name, true, 40);
    check_password(&mut errs, "password", &input.password);
    let mut roles: Vec<Role> = input.roles.clone();
    if first && !roles.contains(&Role::Owner) {
        roles.push(Role::Owner);
    }
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        errs.push("roles", ErrorCode::Required);
    }
    let scope = checked_scope(&mut errs, input.scope.as_ref().unwrap_or(&Scope::All));
    errs.into_result()?;
    if find_login(&txn, &login).await?.is_some() {
        return Err(AppError::Conflict {
            field: "login".into(),
            value: login,
        });
    }
    let (scope_kind, scope_region) = scope.stored();
    let now = actor.now();
    let m = app_user::ActiveModel {
        login: Set(login.clone()),
        display_name: Set(display_name),
        password_hash: Set(hash(&input.password)?),
        roles: Set(roles.iter().map(|r| r.key()).collect::<Vec<_>>().join(",")),
        scope_kind: Set(scope_kind.into()),
        scope_region: Set(scope_region),
        disabled: Set(false),
        failed_logins: Set(0),
        locked_until: Set(None),
        password_changed_at: Set(now),
        created_at: Set(now),
        created_by: Set(actor.operator().to_owned()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        actor,
        "user",
        m.id,
        "create",
        &[FieldChange {
            field: "roles".into(),
            before: None,
            after: Some(m.roles.clone()),
        }],
    )
    .await?;
    txn.commit().await?;
    stored(m)
}

/// Checks a login and password. Wrong ones count; the fifth in a row locks
/// the login for `LOCK_MINUTES` (a right password is refused meanwhile too).
/// The error never says whether the login exists.
pub async fn login<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    login: &str,
    password: &str,
    now: DateTime<Utc>,
) -> AppResult<User> {
    let failed = || AppError::field("password", ErrorCode::LoginFailed);
    let txn = crate::db::write(db).await?;
    let Some(m) = find_login(&txn, login).await? else {
        // The same work as for a real login: the time says nothing either.
        static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let dummy = DUMMY.get_or_init(|| hash("no such user").unwrap_or_default());
        let _ = verify(password, dummy);
        return Err(failed());
    };
    if m.disabled {
        return Err(failed());
    }
    if let Some(until) = m.locked_until.filter(|u| *u > now) {
        return Err(AppError::field_detail(
            "password",
            ErrorCode::LoginLocked,
            until.to_rfc3339(),
        ));
    }
    let mut am: app_user::ActiveModel = m.clone().into();
    if verify(password, &m.password_hash) {
        am.failed_logins = Set(0);
        am.locked_until = Set(None);
        let m = am.update(&txn).await?;
        txn.commit().await?;
        return stored(m);
    }
    let count = m.failed_logins + 1;
    if count >= MAX_FAILED {
        am.failed_logins = Set(0);
        am.locked_until = Set(Some(now + Duration::minutes(LOCK_MINUTES)));
    } else {
        am.failed_logins = Set(count);
    }
    am.update(&txn).await?;
    txn.commit().await?;
    Err(failed())
}

/// A user changes their own password, giving the current one.
pub async fn change_password<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    user: &User,
    current: &str,
    new: &str,
) -> AppResult<()> {
    let txn = crate::db::write(db).await?;
    let m = app_user::Entity::find_by_id(user.id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("user", &user.login))?;
    if !verify(current, &m.password_hash) {
        return Err(AppError::field("current", ErrorCode::LoginFailed));
    }
    set_password(&txn, actor, m, new, "password").await?;
    txn.commit().await?;
    Ok(())
}

/// An owner sets a new password for a user (and lifts a lockout).
pub async fn reset_password<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    by: Option<&User>,
    login: &str,
    new: &str,
) -> AppResult<()> {
    require_owner(by, "users")?;
    let txn = crate::db::write(db).await?;
    let m = find_login(&txn, login)
        .await?
        .ok_or_else(|| AppError::not_found("user", login))?;
    set_password(&txn, actor, m, new, "password").await?;
    txn.commit().await?;
    Ok(())
}

async fn set_password<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    m: app_user::Model,
    new: &str,
    field: &str,
) -> AppResult<()> {
    let mut errs = FieldErrors::default();
    check_password(&mut errs, field, new);
    errs.into_result()?;
    let id = m.id;
    let mut am: app_user::ActiveModel = m.into();
    am.password_hash = Set(hash(new)?);
    am.password_changed_at = Set(actor.now());
    am.failed_logins = Set(0);
    am.locked_until = Set(None);
    am.update(txn).await?;
    audit::record(txn, actor, "user", id, "password", &[]).await
}

/// How many owners can log in: the office always keeps one.
async fn owners_who_can_log_in<C: ConnectionTrait>(db: &C) -> AppResult<usize> {
    Ok(list(db)
        .await?
        .into_iter()
        .filter(|u| u.has(Role::Owner) && !u.disabled)
        .count())
}

/// An owner disables a user: they can no longer log in. The last owner who
/// can log in is not disabled.
pub async fn disable<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    by: Option<&User>,
    login: &str,
) -> AppResult<User> {
    require_owner(by, "users")?;
    let txn = crate::db::write(db).await?;
    let m = find_login(&txn, login)
        .await?
        .ok_or_else(|| AppError::not_found("user", login))?;
    let user = stored(m.clone())?;
    if user.has(Role::Owner) && !user.disabled && owners_who_can_log_in(&txn).await? <= 1 {
        return Err(AppError::field("login", ErrorCode::LastOwner));
    }
    let mut am: app_user::ActiveModel = m.into();
    am.disabled = Set(true);
    let m = am.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        "user",
        m.id,
        "disable",
        &[FieldChange {
            field: "disabled".into(),
            before: Some("false".into()),
            after: Some("true".into()),
        }],
    )
    .await?;
    txn.commit().await?;
    stored(m)
}

/// An owner changes a user's name, roles, scope or whether they may log in.
/// Every change is in the audit trail. The last owner who can log in keeps
/// the owner role and is not disabled, and an owner does not lock themselves out.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    by: Option<&User>,
    input: &UserUpdate,
) -> AppResult<User> {
    require_owner(by, "users")?;
    let txn = crate::db::write(db).await?;
    let m = find_login(&txn, &input.login)
        .await?
        .ok_or_else(|| AppError::not_found("user", &input.login))?;
    let before = stored(m.clone())?;
    let mut errs = FieldErrors::default();
    let display_name =
        crate::fields::text(&mut errs, "display_name", &input.display_name, true, 40);
    let mut roles = input.roles.clone();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        errs.push("roles", ErrorCode::Required);
    }
    let scope = checked_scope(&mut errs, &input.scope);
    errs.into_result()?;
    let stays_owner = roles.contains(&Role::Owner) && !input.disabled;
    if before.has(Role::Owner) && !before.disabled && !stays_owner {
        if by.is_some_and(|b| b.id == before.id) {
            // Taking away one's own owner role (or login) is done by another owner.
            return Err(AppError::field("roles", ErrorCode::LastOwner));
        }
        if owners_who_can_log_in(&txn).await? <= 1 {
            return Err(AppError::field("roles", ErrorCode::LastOwner));
        }
    }
    let (scope_kind, scope_region) = scope.stored();
    let keys = roles.iter().map(|r| r.key()).collect::<Vec<_>>().join(",");
    let mut changes = Vec::new();
    let mut note = |field: &str, b: String, a: String| {
        if b != a {
            changes.push(FieldChange {
                field: field.into(),
                before: Some(b),
                after: Some(a),
            });
        }
    };
    note("display_name", m.display_name.clone(), display_name.clone());
    note("roles", m.roles.clone(), keys.clone());
    note("scope", scope_text(&before.scope), scope_text(&scope));
    note(
        "disabled",
        m.disabled.to_string(),
        input.disabled.to_string(),
    );
    let mut am: app_user::ActiveModel = m.into();
    am.display_name = Set(display_name);
    am.roles = Set(keys);
    am.scope_kind = Set(scope_kind.into());
    am.scope_region = Set(scope_region);
    am.disabled = Set(input.disabled);
    if !input.disabled {
        // Enabling a user also lifts a lockout.
        am.failed_logins = Set(0);
        am.locked_until = Set(None);
    }
    let m = am.update(&txn).await?;
    if !changes.is_empty() {
        audit::record(&txn, actor, "user", m.id, "update", &changes).await?;
    }
    txn.commit().await?;
    stored(m)
}

/// A region scope names its region (trimmed, at most 40 characters).
fn checked_scope(errs: &mut FieldErrors, scope: &Scope) -> Scope {
    match scope {
        Scope::Region { region } => Scope::Region {
            region: crate::fields::text(errs, "scope", region, true, 40),
        },
        other => other.clone(),
    }
}

/// `all`, `region:NAME` or `own`, as typed on the CLI.
pub fn scope_text(scope: &Scope) -> String {
    match scope {
        Scope::All => "all".into(),
        Scope::Region { region } => format!("region:{region}"),
        Scope::Own => "own".into(),
    }
}
