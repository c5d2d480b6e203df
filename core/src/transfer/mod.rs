//! Spreadsheet exchange: reading CSV/XLSX sheets and writing list exports.
pub mod distributors;
pub(crate) mod table;

pub use table::{read_table, write_table, Table};

/// Column keys of the distributor sheet and the Chinese headers the zh-CN export writes.
pub const DISTRIBUTOR_COLUMNS: &[(&str, &str)] = &[
    ("code", "编码"),
    ("name", "名称"),
    ("short_name", "简称"),
    ("uscc", "统一社会信用代码"),
    ("legal_representative", "法定代表人"),
    ("contact_name", "联系人"),
    ("contact_phone", "联系电话"),
    ("contact_email", "电子邮箱"),
    ("province", "省份"),
    ("city", "城市"),
    ("county", "区县"),
    ("address", "详细地址"),
    ("tier", "等级"),
    ("status", "状态"),
    ("credit_limit", "信用额度"),
    ("payment_terms_days", "账期天数"),
];
