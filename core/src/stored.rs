//! Reading what the database holds. A stored value this program cannot read
//! (a status no version wrote, a damaged JSON column) is an error naming the
//! record and the column — never a default status, an empty ladder or a zero.
use serde::de::DeserializeOwned;

use crate::error::{AppError, AppResult};

/// One stored row, named by its table and id, whose columns are being read.
#[derive(Debug, Clone)]
pub struct Record {
    table: &'static str,
    id: String,
}

impl Record {
    /// `id` is the row's key: its id, or the day of a calendar row.
    pub fn new(table: &'static str, id: impl std::fmt::Display) -> Self {
        Self {
            table,
            id: id.to_string(),
        }
    }

    fn damaged(&self, column: &str, value: &str) -> AppError {
        const SHOWN: usize = 60;
        let shown: String = value.chars().take(SHOWN).collect();
        let value = if value.chars().count() > SHOWN {
            format!("{shown}…")
        } else {
            shown
        };
        AppError::Damaged {
            table: self.table.into(),
            id: self.id.clone(),
            column: column.into(),
            value,
        }
    }

    /// A closed-list value (status, tier, kind) read with its `parse`.
    pub fn key<T>(
        &self,
        column: &str,
        raw: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> AppResult<T> {
        parse(raw).ok_or_else(|| self.damaged(column, raw))
    }

    /// A JSON column.
    pub fn json<T: DeserializeOwned>(&self, column: &str, raw: &str) -> AppResult<T> {
        serde_json::from_str(raw).map_err(|_| self.damaged(column, raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_that_cannot_be_read_names_its_record() {
        let r = Record::new("distributor", 7);
        assert_eq!(
            r.key("tier", "core", |s| (s == "core").then_some(1))
                .unwrap(),
            1
        );
        match r.key("tier", "gold", |s| (s == "core").then_some(1)) {
            Err(AppError::Damaged {
                table,
                id,
                column,
                value,
            }) => {
                assert_eq!((table.as_str(), id.as_str()), ("distributor", "7"));
                assert_eq!((column.as_str(), value.as_str()), ("tier", "gold"));
            }
            other => panic!("{other:?}"),
        }
        let long = "x".repeat(200);
        match r.json::<Vec<i32>>("ladder_json", &long) {
            Err(AppError::Damaged { value, .. }) => assert_eq!(value.chars().count(), 61),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            r.json::<Vec<i32>>("ladder_json", "[1,2]").unwrap(),
            vec![1, 2]
        );
    }
}
