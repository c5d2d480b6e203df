//! The one error type that crosses every boundary (IPC, CLI). The UI switches on
//! `kind` and translates `code`s; it never parses message text.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every code a field error can carry, with the key the UI translates
/// (`errors.<key>` in zh-CN and English, as serialised); `core/tests/error_codes.rs`
/// fails when one lacks its text. Each code is written once: the macro makes
/// the enum, `ErrorCode::ALL` and `ErrorCode::key` from the one list.
macro_rules! error_codes {
    ($($code:ident => $key:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum ErrorCode {
            $($code,)*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$code,)*];

            /// The key the UI translates, as serialised.
            pub fn key(self) -> &'static str {
                match self {
                    $(ErrorCode::$code => $key,)*
                }
            }
        }
    };
}

error_codes! {
    AgingEdgesOrder => "aging_edges_order",
    AlreadyEnrolled => "already_enrolled",
    AlreadyReversed => "already_reversed",
    AlreadyUsed => "already_used",
    AmountNegative => "amount_negative",
    AmountNotPositive => "amount_not_positive",
    AmountZero => "amount_zero",
    BeforeLastEntry => "before_last_entry",
    CapacityBelowEnrolled => "capacity_below_enrolled",
    CapacityFull => "capacity_full",
    CapacityRange => "capacity_range",
    CodeChars => "code_chars",
    ContactChannelRequired => "contact_channel_required",
    ContactHasTraining => "contact_has_training",
    CourseInactive => "course_inactive",
    DateFormat => "date_format",
    DatetimeFormat => "datetime_format",
    DistributorClosed => "distributor_closed",
    DistributorUnknown => "distributor_unknown",
    DueBeforeDate => "due_before_date",
    DueDaysRange => "due_days_range",
    Duplicate => "duplicate",
    DuplicateInFile => "duplicate_in_file",
    DuplicateOrEmpty => "duplicate_or_empty",
    EmailFormat => "email_format",
    EnrolmentUnknown => "enrolment_unknown",
    ExtraCells => "extra_cells",
    FileMissing => "file_missing",
    FileTooLarge => "file_too_large",
    FileType => "file_type",
    ImageUnreadable => "image_unreadable",
    FolderNotWritable => "folder_not_writable",
    SheetTooWide => "sheet_too_wide",
    HeaderTwice => "header_twice",
    ControlCharacter => "control_character",
    InvisibleCharacter => "invisible_character",
    Unprintable => "unprintable",
    DateRange => "date_range",
    NumberNotExact => "number_not_exact",
    StatusReasonRequired => "status_reason_required",
    OutputPath => "output_path",
    PlainLogin => "plain_login",
    AttachmentType => "attachment_type",
    SheetTooLarge => "sheet_too_large",
    EncodingMixed => "encoding_mixed",
    IllegalStatusMove => "illegal_status_move",
    TotalOutOfRange => "total_out_of_range",
    HeaderMissing => "header_missing",
    HoursFormat => "hours_format",
    Immutable => "immutable",
    InFuture => "in_future",
    Integer => "integer",
    InvalidChoice => "invalid_choice",
    LadderOrder => "ladder_order",
    LadderPct => "ladder_pct",
    MoneyInvalid => "money_invalid",
    MoneyOutOfRange => "money_out_of_range",
    MoneyTooPrecise => "money_too_precise",
    MoneyGrouping => "money_grouping",
    Negative => "negative",
    NoPrintSystem => "no_print_system",
    NoRows => "no_rows",
    NotEmpty => "not_empty",
    NotOpenable => "not_openable",
    OutOfRange => "out_of_range",
    PaymentDaysRange => "payment_days_range",
    PctInvalid => "pct_invalid",
    PasswordShort => "password_short",
    LoginFailed => "login_failed",
    LoginLocked => "login_locked",
    LastOwner => "last_owner",
    LoginRequired => "login_required",
    UnknownValue => "unknown_value",
    ServerUrlInvalid => "server_url_invalid",
    RestoreOnServer => "restore_on_server",
    PctRange => "pct_range",
    PctTooPrecise => "pct_too_precise",
    PeriodNotEnded => "period_not_ended",
    QuarterFinalised => "quarter_finalised",
    QuarterNotFinalised => "quarter_not_finalised",
    MailFailed => "mail_failed",
    PeriodOrder => "period_order",
    PersonUnknown => "person_unknown",
    PhoneFormat => "phone_format",
    PlaceholderUnclosed => "placeholder_unclosed",
    PrintFailed => "print_failed",
    RatingRange => "rating_range",
    ReopenReasonRequired => "reopen_reason_required",
    Required => "required",
    ResultsMissing => "results_missing",
    ReversalOfReversal => "reversal_of_reversal",
    ReverseBeforeEntry => "reverse_before_entry",
    ScoreRange => "score_range",
    ScoreRequired => "score_required",
    ScoreWithoutAttendance => "score_without_attendance",
    SlaOrder => "sla_order",
    StepKey => "step_key",
    StepLabel => "step_label",
    TablePlaceholderInline => "table_placeholder_inline",
    TargetOutsideTerm => "target_outside_term",
    TargetOverlap => "target_overlap",
    TargetPeriod => "target_period",
    TermOrder => "term_order",
    TerminationDateRange => "termination_date_range",
    TerritoryIncomplete => "territory_incomplete",
    TerritoryRegionOrArea => "territory_region_or_area",
    ThresholdsOrder => "thresholds_order",
    TimeFormat => "time_format",
    TooLong => "too_long",
    Unchanged => "unchanged",
    UnknownCriterion => "unknown_criterion",
    UnknownHeader => "unknown_header",
    UnknownPlaceholder => "unknown_placeholder",
    UsccCheckChar => "uscc_check_char",
    UsccInvalidChar => "uscc_invalid_char",
    UsccLength => "uscc_length",
    ValidityRange => "validity_range",
    WeightsZero => "weights_zero",
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.key() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// A problem with one input field. `code` is a stable key the UI translates
/// (`required`, `uscc_check_char`, …); `detail` carries a value worth showing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
    pub detail: Option<String>,
}

impl FieldError {
    pub fn new(field: &str, code: ErrorCode) -> Self {
        Self {
            field: field.into(),
            code,
            detail: None,
        }
    }
    pub fn with_detail(field: &str, code: ErrorCode, detail: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            detail: Some(detail.into()),
        }
    }
}

/// A field error found on one row of an imported sheet (row 1 is the header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowError {
    pub row: u32,
    pub field: String,
    pub code: ErrorCode,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum AppError {
    #[error("invalid input: {}", describe_fields(fields))]
    Validation { fields: Vec<FieldError> },
    #[error("{entity} {id} not found")]
    NotFound { entity: String, id: String },
    #[error("{field} '{value}' is already used by another record")]
    Conflict { field: String, value: String },
    #[error("status cannot change from {from} to {to}")]
    IllegalTransition { from: String, to: String },
    #[error("import rejected, {} error(s):\n{}", errors.len(), describe_rows(errors))]
    ImportRejected { errors: Vec<RowError> },
    #[error("file error: {message}")]
    Io { message: String },
    #[error("database error: {message}")]
    Database { message: String },
    /// Text to print contains characters the embedded font cannot draw.
    #[error("the PDF font has no glyph for: {chars}")]
    MissingGlyphs { chars: String },
    /// A stored row holds a value this program cannot read: a damaged file,
    /// or a row written by hand. Nothing was computed from it.
    #[error("{table} {id} is damaged: {column} holds '{value}', which cannot be read")]
    Damaged {
        table: String,
        id: String,
        column: String,
        value: String,
    },
    /// A save based on a version of the record that another user (or program)
    /// has changed since: who changed it and when (RFC 3339). Nothing was written;
    /// the form reloads the record.
    #[error("{entity} {id} was changed by {by} at {at} after it was opened")]
    EditConflict {
        entity: String,
        id: String,
        by: String,
        at: String,
    },
    /// The logged-in user's roles do not allow this: `roles` names those that would.
    #[error("forbidden: {action} needs the role {}", roles.join(" or "))]
    Forbidden { action: String, roles: Vec<String> },
    /// A long job (a batch of PDFs) was cancelled by the user.
    #[error("cancelled")]
    Cancelled,
    /// The database file (or a backup) is not one this program can use as it
    /// is: the reason, the file, and what is known about it. Nothing was written.
    #[error("{}", describe_file(*problem, path, detail.as_deref(), version, recovery.as_deref()))]
    DataFile {
        problem: FileProblem,
        path: String,
        /// The newest unknown migration (`newer_version`), the failing
        /// migration and its error (`half_migrated`), SQLite's own words.
        detail: Option<String>,
        /// This program's version.
        version: String,
        /// A copy the file can be recovered from (`half_migrated`, `damaged`).
        recovery: Option<String>,
    },
}

/// Why a database file or a backup cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FileProblem {
    /// Not an SQLite file at all.
    NotADatabase,
    /// The path is a folder.
    Folder,
    /// Another program's SQLite database (tables, but no DealerDesk history).
    ForeignDatabase,
    /// Written by a newer DealerDesk: it holds a migration this program lacks.
    NewerVersion,
    /// The file or its folder cannot be written.
    ReadOnly,
    /// The disk is full.
    DiskFull,
    /// SQLite's check found damage.
    Damaged,
    /// An upgrade was interrupted by an earlier version and cannot be finished.
    HalfMigrated,
    /// Another DealerDesk window or command has the file open.
    InUse,
    /// A backup that is not whole or not DealerDesk's.
    BadBackup,
    /// The office server could not be reached, or refused the login.
    ServerUnreachable,
    /// The server database already holds data: nothing is copied into it.
    ServerNotEmpty,
}

fn describe_file(
    problem: FileProblem,
    path: &str,
    detail: Option<&str>,
    version: &str,
    recovery: Option<&str>,
) -> String {
    let detail = detail.unwrap_or("");
    let mut out = match problem {
        FileProblem::NotADatabase => format!("{path} is not a DealerDesk database"),
        FileProblem::Folder => format!("{path} is a folder, not a database file"),
        FileProblem::ForeignDatabase => format!(
            "{path} is another program's database; DealerDesk does not add its tables to it"
        ),
        FileProblem::NewerVersion => format!(
            "{path} comes from a newer DealerDesk (it has migration {detail}, which DealerDesk {version} does not know); it was not opened or changed"
        ),
        FileProblem::ReadOnly => format!("{path} is read-only: DealerDesk cannot save to it"),
        FileProblem::DiskFull => "the disk is full; nothing was written".to_string(),
        FileProblem::Damaged => format!("{path} is damaged ({detail}); nothing is written to it"),
        FileProblem::HalfMigrated => format!(
            "{path} was left half-upgraded by an earlier run and cannot be upgraded ({detail})"
        ),
        FileProblem::InUse => format!(
            "{path} is open in another DealerDesk window or command; close it and try again"
        ),
        FileProblem::BadBackup => format!("{path} is not a sound DealerDesk backup: {detail}"),
        FileProblem::ServerUnreachable => {
            format!("the office server {path} cannot be reached: {detail}")
        }
        FileProblem::ServerNotEmpty => format!(
            "the server database {path} already holds data; DealerDesk copies only into an empty database (nothing was changed)"
        ),
    };
    if let Some(r) = recovery {
        out.push_str(&format!("; it can be restored from {r}"));
    }
    out
}

fn describe_fields(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| match &f.detail {
            Some(d) => format!("{}: {} ({d})", f.field, f.code.key()),
            None => format!("{}: {}", f.field, f.code.key()),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn describe_rows(rows: &[RowError]) -> String {
    rows.iter()
        .map(|e| match &e.detail {
            Some(d) => format!("row {}, {}: {} ({d})", e.row, e.field, e.code.key()),
            None => format!("row {}, {}: {}", e.row, e.field, e.code.key()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl AppError {
    pub fn field(field: &str, code: ErrorCode) -> Self {
        AppError::Validation {
            fields: vec![FieldError::new(field, code)],
        }
    }
    pub fn field_detail(field: &str, code: ErrorCode, detail: impl Into<String>) -> Self {
        AppError::Validation {
            fields: vec![FieldError::with_detail(field, code, detail)],
        }
    }
    pub fn not_found(entity: &str, id: impl ToString) -> Self {
        AppError::NotFound {
            entity: entity.into(),
            id: id.to_string(),
        }
    }
    /// A problem with the database file (or a backup) at `path`.
    pub fn file(problem: FileProblem, path: &std::path::Path, detail: Option<String>) -> Self {
        AppError::DataFile {
            problem,
            path: path.display().to_string(),
            detail,
            version: env!("CARGO_PKG_VERSION").to_string(),
            recovery: None,
        }
    }
    pub fn io(e: impl std::fmt::Display) -> Self {
        AppError::Io {
            message: e.to_string(),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(msg)) = e.sql_err() {
            // The services check uniqueness first for a precise message; this is the backstop.
            return AppError::Conflict {
                field: msg,
                value: String::new(),
            };
        }
        // SQLite's result codes that mean the file, not the request, is at fault.
        let primary = sqlite_code(&e)
            .and_then(|c| c.parse::<i32>().ok())
            .map(|c| c & 0xff);
        let problem = match primary {
            Some(13) => Some(FileProblem::DiskFull),
            Some(8) => Some(FileProblem::ReadOnly),
            Some(11) => Some(FileProblem::Damaged),
            Some(26) => Some(FileProblem::NotADatabase),
            _ => None,
        };
        match problem {
            Some(p) => AppError::DataFile {
                problem: p,
                path: String::new(),
                detail: Some(e.to_string()),
                version: env!("CARGO_PKG_VERSION").to_string(),
                recovery: None,
            },
            None => AppError::Database {
                message: e.to_string(),
            },
        }
    }
}

/// SQLite's (extended) result code of a failed statement, as sqlx gives it.
pub fn sqlite_code(e: &sea_orm::DbErr) -> Option<String> {
    use sea_orm::{DbErr, RuntimeErr};
    let runtime = match e {
        DbErr::Exec(r) | DbErr::Query(r) | DbErr::Conn(r) => r,
        _ => return None,
    };
    match runtime {
        RuntimeErr::SqlxError(err) => err
            .as_database_error()
            .and_then(|d| d.code())
            .map(|c| c.into_owned()),
        _ => None,
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::io(e)
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Collects field errors so a form reports every problem at once.
#[derive(Default)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, field: &str, code: ErrorCode) {
        self.0.push(FieldError::new(field, code));
    }
    pub fn push_err(&mut self, e: FieldError) {
        self.0.push(e);
    }
    pub fn into_result(self) -> AppResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation { fields: self.0 })
        }
    }
}
