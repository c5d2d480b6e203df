//! An entry of an editable choice list (complaint categories, course
//! categories, …): a stable key and its label in each language.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Choice {
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
}
