//! The one error type that crosses every boundary (IPC, CLI). The UI switches on
//! `kind` and translates `code`s; it never parses message text.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every code a field error can carry. The UI translates each one
/// (`errors.<code>` in zh-CN and English); `core/tests/error_codes.rs` fails
/// when one lacks its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    AgingEdgesOrder,
    AlreadyEnrolled,
    AlreadyReversed,
    AlreadyUsed,
    AmountNegative,
    AmountNotPositive,
    AmountZero,
    BeforeLastEntry,
    CapacityBelowEnrolled,
    CapacityFull,
    CapacityRange,
    CodeChars,
    ContactChannelRequired,
    ContactHasTraining,
    CourseInactive,
    DateFormat,
    DatetimeFormat,
    DistributorClosed,
    DistributorUnknown,
    DueBeforeDate,
    DueDaysRange,
    Duplicate,
    DuplicateInFile,
    DuplicateOrEmpty,
    EmailFormat,
    EnrolmentUnknown,
    ExtraCells,
    FileMissing,
    FileTooLarge,
    FileType,
    /// A sheet with a value beyond the widest sheet read (detail: the cell).
    SheetTooWide,
    /// Two columns of a sheet mean the same field (detail: the second header).
    HeaderTwice,
    /// A sheet cell holds a NUL or another control character (detail: the cell).
    ControlCharacter,
    /// A mail login over a plain connection to a server not on this computer.
    PlainLogin,
    /// A file to attach that is no document or image (detail: its type).
    AttachmentType,
    /// A sheet beyond what is read at once (detail: the bound it passed).
    SheetTooLarge,
    /// A CSV that decodes with errors as UTF-8 and as GBK (detail: the row).
    EncodingMixed,
    /// An imported row would move an existing distributor's status along no legal
    /// transition (detail: `from → to`).
    IllegalStatusMove,
    /// A total (a statement's balance, its aging) beyond what i64 fen can hold.
    TotalOutOfRange,
    HeaderMissing,
    HoursFormat,
    Immutable,
    InFuture,
    Integer,
    InvalidChoice,
    LadderOrder,
    LadderPct,
    MoneyInvalid,
    MoneyOutOfRange,
    MoneyTooPrecise,
    Negative,
    NoPrintSystem,
    NoRows,
    NotEmpty,
    NotOpenable,
    OutOfRange,
    PaymentDaysRange,
    PctInvalid,
    PctRange,
    PctTooPrecise,
    PeriodNotEnded,
    QuarterFinalised,
    QuarterNotFinalised,
    /// The mail server or the network refused (detail: the reason given).
    MailFailed,
    PeriodOrder,
    PersonUnknown,
    PhoneFormat,
    PlaceholderUnclosed,
    PrintFailed,
    RatingRange,
    ReopenReasonRequired,
    Required,
    ResultsMissing,
    ReversalOfReversal,
    ReverseBeforeEntry,
    ScoreRange,
    ScoreRequired,
    ScoreWithoutAttendance,
    SlaOrder,
    StepKey,
    StepLabel,
    TablePlaceholderInline,
    TargetOutsideTerm,
    TargetOverlap,
    TargetPeriod,
    TermOrder,
    TerminationDateRange,
    TerritoryIncomplete,
    TerritoryRegionOrArea,
    ThresholdsOrder,
    TimeFormat,
    TooLong,
    Unchanged,
    UnknownCriterion,
    UnknownHeader,
    UnknownPlaceholder,
    UsccCheckChar,
    UsccInvalidChar,
    UsccLength,
    ValidityRange,
    WeightsZero,
}

impl ErrorCode {
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::AgingEdgesOrder,
        ErrorCode::AlreadyEnrolled,
        ErrorCode::AlreadyReversed,
        ErrorCode::AlreadyUsed,
        ErrorCode::AmountNegative,
        ErrorCode::AmountNotPositive,
        ErrorCode::AmountZero,
        ErrorCode::BeforeLastEntry,
        ErrorCode::CapacityBelowEnrolled,
        ErrorCode::CapacityFull,
        ErrorCode::CapacityRange,
        ErrorCode::CodeChars,
        ErrorCode::ContactChannelRequired,
        ErrorCode::ContactHasTraining,
        ErrorCode::CourseInactive,
        ErrorCode::DateFormat,
        ErrorCode::DatetimeFormat,
        ErrorCode::DistributorClosed,
        ErrorCode::DistributorUnknown,
        ErrorCode::DueBeforeDate,
        ErrorCode::DueDaysRange,
        ErrorCode::Duplicate,
        ErrorCode::DuplicateInFile,
        ErrorCode::DuplicateOrEmpty,
        ErrorCode::EmailFormat,
        ErrorCode::EnrolmentUnknown,
        ErrorCode::ExtraCells,
        ErrorCode::FileMissing,
        ErrorCode::FileTooLarge,
        ErrorCode::FileType,
        ErrorCode::SheetTooWide,
        ErrorCode::HeaderTwice,
        ErrorCode::ControlCharacter,
        ErrorCode::PlainLogin,
        ErrorCode::AttachmentType,
        ErrorCode::SheetTooLarge,
        ErrorCode::EncodingMixed,
        ErrorCode::IllegalStatusMove,
        ErrorCode::TotalOutOfRange,
        ErrorCode::HeaderMissing,
        ErrorCode::HoursFormat,
        ErrorCode::Immutable,
        ErrorCode::InFuture,
        ErrorCode::Integer,
        ErrorCode::InvalidChoice,
        ErrorCode::LadderOrder,
        ErrorCode::LadderPct,
        ErrorCode::MoneyInvalid,
        ErrorCode::MoneyOutOfRange,
        ErrorCode::MoneyTooPrecise,
        ErrorCode::Negative,
        ErrorCode::NoPrintSystem,
        ErrorCode::NoRows,
        ErrorCode::NotEmpty,
        ErrorCode::NotOpenable,
        ErrorCode::OutOfRange,
        ErrorCode::PaymentDaysRange,
        ErrorCode::PctInvalid,
        ErrorCode::PctRange,
        ErrorCode::PctTooPrecise,
        ErrorCode::PeriodNotEnded,
        ErrorCode::QuarterFinalised,
        ErrorCode::QuarterNotFinalised,
        ErrorCode::MailFailed,
        ErrorCode::PeriodOrder,
        ErrorCode::PersonUnknown,
        ErrorCode::PhoneFormat,
        ErrorCode::PlaceholderUnclosed,
        ErrorCode::PrintFailed,
        ErrorCode::RatingRange,
        ErrorCode::ReopenReasonRequired,
        ErrorCode::Required,
        ErrorCode::ResultsMissing,
        ErrorCode::ReversalOfReversal,
        ErrorCode::ReverseBeforeEntry,
        ErrorCode::ScoreRange,
        ErrorCode::ScoreRequired,
        ErrorCode::ScoreWithoutAttendance,
        ErrorCode::SlaOrder,
        ErrorCode::StepKey,
        ErrorCode::StepLabel,
        ErrorCode::TablePlaceholderInline,
        ErrorCode::TargetOutsideTerm,
        ErrorCode::TargetOverlap,
        ErrorCode::TargetPeriod,
        ErrorCode::TermOrder,
        ErrorCode::TerminationDateRange,
        ErrorCode::TerritoryIncomplete,
        ErrorCode::TerritoryRegionOrArea,
        ErrorCode::ThresholdsOrder,
        ErrorCode::TimeFormat,
        ErrorCode::TooLong,
        ErrorCode::Unchanged,
        ErrorCode::UnknownCriterion,
        ErrorCode::UnknownHeader,
        ErrorCode::UnknownPlaceholder,
        ErrorCode::UsccCheckChar,
        ErrorCode::UsccInvalidChar,
        ErrorCode::UsccLength,
        ErrorCode::ValidityRange,
        ErrorCode::WeightsZero,
    ];

    /// The key the UI translates, as serialised.
    pub fn key(self) -> &'static str {
        match self {
            ErrorCode::AgingEdgesOrder => "aging_edges_order",
            ErrorCode::AlreadyEnrolled => "already_enrolled",
            ErrorCode::AlreadyReversed => "already_reversed",
            ErrorCode::AlreadyUsed => "already_used",
            ErrorCode::AmountNegative => "amount_negative",
            ErrorCode::AmountNotPositive => "amount_not_positive",
            ErrorCode::AmountZero => "amount_zero",
            ErrorCode::BeforeLastEntry => "before_last_entry",
            ErrorCode::CapacityBelowEnrolled => "capacity_below_enrolled",
            ErrorCode::CapacityFull => "capacity_full",
            ErrorCode::CapacityRange => "capacity_range",
            ErrorCode::CodeChars => "code_chars",
            ErrorCode::ContactChannelRequired => "contact_channel_required",
            ErrorCode::ContactHasTraining => "contact_has_training",
            ErrorCode::CourseInactive => "course_inactive",
            ErrorCode::DateFormat => "date_format",
            ErrorCode::DatetimeFormat => "datetime_format",
            ErrorCode::DistributorClosed => "distributor_closed",
            ErrorCode::DistributorUnknown => "distributor_unknown",
            ErrorCode::DueBeforeDate => "due_before_date",
            ErrorCode::DueDaysRange => "due_days_range",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::DuplicateInFile => "duplicate_in_file",
            ErrorCode::DuplicateOrEmpty => "duplicate_or_empty",
            ErrorCode::EmailFormat => "email_format",
            ErrorCode::EnrolmentUnknown => "enrolment_unknown",
            ErrorCode::ExtraCells => "extra_cells",
            ErrorCode::FileMissing => "file_missing",
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::FileType => "file_type",
            ErrorCode::SheetTooWide => "sheet_too_wide",
            ErrorCode::HeaderTwice => "header_twice",
            ErrorCode::ControlCharacter => "control_character",
            ErrorCode::PlainLogin => "plain_login",
            ErrorCode::AttachmentType => "attachment_type",
            ErrorCode::SheetTooLarge => "sheet_too_large",
            ErrorCode::EncodingMixed => "encoding_mixed",
            ErrorCode::IllegalStatusMove => "illegal_status_move",
            ErrorCode::TotalOutOfRange => "total_out_of_range",
            ErrorCode::HeaderMissing => "header_missing",
            ErrorCode::HoursFormat => "hours_format",
            ErrorCode::Immutable => "immutable",
            ErrorCode::InFuture => "in_future",
            ErrorCode::Integer => "integer",
            ErrorCode::InvalidChoice => "invalid_choice",
            ErrorCode::LadderOrder => "ladder_order",
            ErrorCode::LadderPct => "ladder_pct",
            ErrorCode::MoneyInvalid => "money_invalid",
            ErrorCode::MoneyOutOfRange => "money_out_of_range",
            ErrorCode::MoneyTooPrecise => "money_too_precise",
            ErrorCode::Negative => "negative",
            ErrorCode::NoPrintSystem => "no_print_system",
            ErrorCode::NoRows => "no_rows",
            ErrorCode::NotEmpty => "not_empty",
            ErrorCode::NotOpenable => "not_openable",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::PaymentDaysRange => "payment_days_range",
            ErrorCode::PctInvalid => "pct_invalid",
            ErrorCode::PctRange => "pct_range",
            ErrorCode::PctTooPrecise => "pct_too_precise",
            ErrorCode::PeriodNotEnded => "period_not_ended",
            ErrorCode::QuarterFinalised => "quarter_finalised",
            ErrorCode::QuarterNotFinalised => "quarter_not_finalised",
            ErrorCode::MailFailed => "mail_failed",
            ErrorCode::PeriodOrder => "period_order",
            ErrorCode::PersonUnknown => "person_unknown",
            ErrorCode::PhoneFormat => "phone_format",
            ErrorCode::PlaceholderUnclosed => "placeholder_unclosed",
            ErrorCode::PrintFailed => "print_failed",
            ErrorCode::RatingRange => "rating_range",
            ErrorCode::ReopenReasonRequired => "reopen_reason_required",
            ErrorCode::Required => "required",
            ErrorCode::ResultsMissing => "results_missing",
            ErrorCode::ReversalOfReversal => "reversal_of_reversal",
            ErrorCode::ReverseBeforeEntry => "reverse_before_entry",
            ErrorCode::ScoreRange => "score_range",
            ErrorCode::ScoreRequired => "score_required",
            ErrorCode::ScoreWithoutAttendance => "score_without_attendance",
            ErrorCode::SlaOrder => "sla_order",
            ErrorCode::StepKey => "step_key",
            ErrorCode::StepLabel => "step_label",
            ErrorCode::TablePlaceholderInline => "table_placeholder_inline",
            ErrorCode::TargetOutsideTerm => "target_outside_term",
            ErrorCode::TargetOverlap => "target_overlap",
            ErrorCode::TargetPeriod => "target_period",
            ErrorCode::TermOrder => "term_order",
            ErrorCode::TerminationDateRange => "termination_date_range",
            ErrorCode::TerritoryIncomplete => "territory_incomplete",
            ErrorCode::TerritoryRegionOrArea => "territory_region_or_area",
            ErrorCode::ThresholdsOrder => "thresholds_order",
            ErrorCode::TimeFormat => "time_format",
            ErrorCode::TooLong => "too_long",
            ErrorCode::Unchanged => "unchanged",
            ErrorCode::UnknownCriterion => "unknown_criterion",
            ErrorCode::UnknownHeader => "unknown_header",
            ErrorCode::UnknownPlaceholder => "unknown_placeholder",
            ErrorCode::UsccCheckChar => "uscc_check_char",
            ErrorCode::UsccInvalidChar => "uscc_invalid_char",
            ErrorCode::UsccLength => "uscc_length",
            ErrorCode::ValidityRange => "validity_range",
            ErrorCode::WeightsZero => "weights_zero",
        }
    }
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
