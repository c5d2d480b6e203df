//! The one error type that crosses every boundary (IPC, CLI). The UI switches on
//! `kind` and translates `code`s; it never parses message text.
use serde::Serialize;
use ts_rs::TS;

/// A problem with one input field. `code` is a stable key the UI translates
/// (`required`, `uscc_check_char`, …); `detail` carries a value worth showing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub detail: Option<String>,
}

impl FieldError {
    pub fn new(field: &str, code: &str) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            detail: None,
        }
    }
    pub fn with_detail(field: &str, code: &str, detail: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
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
    pub code: String,
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
}

fn describe_fields(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| match &f.detail {
            Some(d) => format!("{}: {} ({d})", f.field, f.code),
            None => format!("{}: {}", f.field, f.code),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn describe_rows(rows: &[RowError]) -> String {
    rows.iter()
        .map(|e| match &e.detail {
            Some(d) => format!("row {}, {}: {} ({d})", e.row, e.field, e.code),
            None => format!("row {}, {}: {}", e.row, e.field, e.code),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl AppError {
    pub fn field(field: &str, code: &str) -> Self {
        AppError::Validation {
            fields: vec![FieldError::new(field, code)],
        }
    }
    pub fn not_found(entity: &str, id: impl ToString) -> Self {
        AppError::NotFound {
            entity: entity.into(),
            id: id.to_string(),
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
        AppError::Database {
            message: e.to_string(),
        }
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
    pub fn push(&mut self, field: &str, code: &str) {
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
