//! Who makes a write, and when, and what they may do. Every write takes an
//! `Actor`: the operator's name (never made up — not `$USER`, not "system"),
//! the office's clock as the shell or the CLI read it, and the user logged in,
//! if any. Core itself never reads the clock.
//!
//! Rights are checked here, in core, by every write (`Actor::require`), never
//! only hidden in a window: a user's roles grant the `Right`s listed by
//! `Right::roles`, and an owner holds them all. An office without users (the
//! local file before its first user) works as it always did: whoever is at
//! the PC may do everything, and `settings::actor` refuses to make such an
//! actor once users exist. What is read is bounded by `Access` instead: the
//! user's scope of distributor records.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::Clock;
use crate::error::{AppError, AppResult, ErrorCode};

/// What a user does in the office; a user may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    /// Everything, users and settings included.
    Owner,
    /// Distributors, assessments, agreements, onboarding, reviews, visits, violations.
    ChannelManager,
    /// Ledger, statements, receivables, collections, rebates, e-mail.
    Finance,
    /// Complaints.
    Service,
    /// Training.
    Trainer,
    /// Reads everything, writes nothing.
    Viewer,
    /// Exporting lists to files.
    Export,
}

impl Role {
    pub const ALL: &'static [Role] = &[
        Role::Owner,
        Role::ChannelManager,
        Role::Finance,
        Role::Service,
        Role::Trainer,
        Role::Viewer,
        Role::Export,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::ChannelManager => "channel_manager",
            Role::Finance => "finance",
            Role::Service => "service",
            Role::Trainer => "trainer",
            Role::Viewer => "viewer",
            Role::Export => "export",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim().replace('-', "_");
        Role::ALL
            .iter()
            .copied()
            .find(|r| r.key().eq_ignore_ascii_case(&s))
    }
}

/// Which distributors' records a user sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Scope {
    All,
    /// One sales region.
    Region {
        region: String,
    },
    /// The distributors the user is the responsible manager of.
    Own,
}

impl Scope {
    /// `all`, `region:NAME` or `own`.
    pub fn parse(s: &str) -> Option<Scope> {
        let s = s.trim();
        match s {
            "all" => Some(Scope::All),
            "own" => Some(Scope::Own),
            _ => s
                .strip_prefix("region:")
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(|r| Scope::Region {
                    region: r.to_owned(),
                }),
        }
    }

    pub(crate) fn stored(&self) -> (&'static str, String) {
        match self {
            Scope::All => ("all", String::new()),
            Scope::Region { region } => ("region", region.clone()),
            Scope::Own => ("own", String::new()),
        }
    }
}

/// What a write needs: each right belongs to the roles `roles` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Right {
    /// Adding, disabling and resetting users.
    Users,
    /// The office's settings, the company profile and logo, the mail server,
    /// the per-module settings.
    Settings,
    /// Backups of the whole database, and restoring one.
    Backup,
    /// Distributors, assessments, agreements, onboarding, reviews, visits,
    /// violations and their files.
    Channel,
    /// The ledger, statements, receivables, collections, rebates, e-mail.
    Finance,
    /// Complaints.
    Service,
    /// Training.
    Training,
    /// Writing lists to files.
    Export,
}

impl Right {
    /// The roles holding this right, the owner first.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Right::Users | Right::Settings | Right::Backup => &[Role::Owner],
            Right::Channel => &[Role::Owner, Role::ChannelManager],
            Right::Finance => &[Role::Owner, Role::Finance],
            Right::Service => &[Role::Owner, Role::Service],
            Right::Training => &[Role::Owner, Role::Trainer],
            Right::Export => &[Role::Owner, Role::Export],
        }
    }

    /// The action a refusal names (`users.actions.<key>` in the UI).
    pub fn key(self) -> &'static str {
        match self {
            Right::Users => "users",
            Right::Settings => "settings",
            Right::Backup => "backup",
            Right::Channel => "channel",
            Right::Finance => "finance",
            Right::Service => "service",
            Right::Training => "training",
            Right::Export => "export",
        }
    }

    pub const ALL: &'static [Right] = &[
        Right::Users,
        Right::Settings,
        Right::Backup,
        Right::Channel,
        Right::Finance,
        Right::Service,
        Right::Training,
        Right::Export,
    ];
}

/// A logged-in user, as far as rights and scope go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub id: i64,
    pub login: String,
    pub roles: Vec<Role>,
    pub scope: Scope,
}

/// Who reads or exports: the logged-in user, or (`Open`) whoever is at the
/// PC of an office without users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Open,
    User(Signed),
}

impl Access {
    pub fn may(&self, right: Right) -> bool {
        match self {
            Access::Open => true,
            Access::User(u) => right.roles().iter().any(|r| u.roles.contains(r)),
        }
    }

    /// Refused (`forbidden`, naming the roles that may) unless `may`.
    pub fn require(&self, right: Right) -> AppResult<()> {
        if self.may(right) {
            return Ok(());
        }
        Err(AppError::Forbidden {
            action: right.key().into(),
            roles: right.roles().iter().map(|r| r.key().into()).collect(),
        })
    }

    pub fn user(&self) -> Option<&Signed> {
        match self {
            Access::Open => None,
            Access::User(u) => Some(u),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    operator: String,
    clock: Clock,
    access: Access,
}

impl Actor {
    /// Whoever is at the PC of an office without users: every right. An
    /// empty name is refused: every write names who made it.
    pub fn new(operator: &str, clock: Clock) -> AppResult<Actor> {
        Ok(Actor {
            operator: require_operator(operator)?,
            clock,
            access: Access::Open,
        })
    }

    /// A logged-in user, writing under their display name.
    pub fn signed_in(display_name: &str, user: Signed, clock: Clock) -> AppResult<Actor> {
        Ok(Actor {
            operator: require_operator(display_name)?,
            clock,
            access: Access::User(user),
        })
    }

    /// Refused (`forbidden`) unless the user holds `right`.
    pub fn require(&self, right: Right) -> AppResult<()> {
        self.access.require(right)
    }

    pub fn access(&self) -> &Access {
        &self.access
    }

    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// The instant of the write (UTC), for `created_at`/`updated_at` and the audit trail.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now
    }

    /// The office's date of the write: what a status change or an assessment
    /// without a date of its own is dated.
    pub fn today(&self) -> NaiveDate {
        self.clock.today
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }
}

/// Every write names who made it; an empty name is refused.
pub fn require_operator(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::field("operator_name", ErrorCode::Required));
    }
    Ok(name.to_owned())
}
