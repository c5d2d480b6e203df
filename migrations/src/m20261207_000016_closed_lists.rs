//! Statuses, tiers, kinds and the other closed lists refuse a value no version
//! of the program writes (see `closed_list`). Rows stored before this
//! migration are not rewritten: one that holds a bad value is reported as
//! damaged when it is read. A later version that adds a key adds a migration.
use sea_orm_migration::prelude::*;

use crate::closed_list;

#[derive(DeriveMigrationName)]
pub struct Migration;

const TIERS: &[&str] = &["strategic", "core", "basic"];
const STATUSES: &[&str] = &[
    "applicant",
    "under_review",
    "approved",
    "rejected",
    "active",
    "suspended",
    "terminated",
];
const COMPLAINT_STATUSES: &[&str] = &[
    "received",
    "classified",
    "responded",
    "in_progress",
    "waiting_on_distributor",
    "resolved",
    "verified",
    "closed",
];

/// Every guarded column with the keys it accepts, as this migration made them.
pub const CLOSED_LISTS: &[(&str, &str, &[&str])] = &[
    ("distributor", "tier", TIERS),
    ("distributor", "status", STATUSES),
    ("status_change", "to_status", STATUSES),
    ("tier_change", "from_tier", TIERS),
    ("tier_change", "to_tier", TIERS),
    ("assessment", "recommended_tier", TIERS),
    ("assessment", "decision", &["approve", "reject", "defer"]),
    (
        "agreement",
        "status",
        &[
            "draft",
            "awaiting_signature",
            "signed",
            "active",
            "expired",
            "terminated",
            "superseded",
        ],
    ),
    ("agreement", "kind", &["original", "amendment", "renewal"]),
    (
        "agreement",
        "payment_method",
        &["bank_transfer", "acceptance", "prepayment", "other"],
    ),
    (
        "ledger_entry",
        "kind",
        &[
            "opening",
            "invoice",
            "payment",
            "credit_note",
            "rebate",
            "adjustment",
        ],
    ),
    ("complaint", "status", COMPLAINT_STATUSES),
    ("complaint", "priority", &["p1", "p2", "p3", "p4"]),
    (
        "complaint",
        "channel",
        &["phone", "visit", "email", "wechat", "other"],
    ),
    (
        "complaint_event",
        "kind",
        &["transition", "note", "assignment", "attachment"],
    ),
    ("complaint_event", "from_status", COMPLAINT_STATUSES),
    ("complaint_event", "to_status", COMPLAINT_STATUSES),
    ("calendar_day", "kind", &["holiday", "workday"]),
    (
        "training_session",
        "status",
        &["planned", "held", "closed", "cancelled"],
    ),
    (
        "collection_call",
        "channel",
        &["phone", "wechat", "visit", "email", "letter", "other"],
    ),
    ("statement_run", "lang", &["zh-CN", "en"]),
    (
        "statement_run",
        "issued_via",
        &["file", "print", "batch", "email"],
    ),
    (
        "statement_run",
        "confirm_status",
        &["no_answer", "confirmed", "disputed"],
    ),
    ("visit", "kind", &["visit", "review"]),
    (
        "attachment",
        "kind",
        &[
            "business_licence",
            "site_visit_photo",
            "statement_slip",
            "other",
        ],
    ),
    (
        "onboarding_step",
        "auto",
        &[
            "manual",
            "application",
            "assessment",
            "agreement_signed",
            "first_invoice",
            "training",
        ],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, column, values) in CLOSED_LISTS {
            closed_list::allow(m, table, column, values).await?;
        }
        // The first status row has no "from": an empty text, else a status.
        let mut from = vec![""];
        from.extend_from_slice(STATUSES);
        closed_list::allow(m, "status_change", "from_status", &from).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        closed_list::forget(m, "status_change", "from_status").await?;
        for (table, column, _) in CLOSED_LISTS {
            closed_list::forget(m, table, column).await?;
        }
        Ok(())
    }
}
