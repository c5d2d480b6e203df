//! The complaint report: counts by status and category, SLA compliance,
//! first-response and resolution hours, the Pareto of root causes and
//! satisfaction over a period.
mod common;
use common::actor;

use common::complaints::{intake, local, one_distributor, step};
use common::fresh;
use dealerdesk_core::complaint::report::{self, ReportRequest};
use dealerdesk_core::complaint::{self, ComplaintStatus, Priority};
use dealerdesk_core::AppError;

#[tokio::test]
async fn the_report_counts_compliance_hours_pareto_and_satisfaction() {
    let (_dir, db) = fresh().await;
    let d = one_distributor(&db).await;
    let now = local("2026-04-30 12:00");
    // Two answered within 4 h (P2), one answered after 6 h.
    let mut ids = vec![];
    for (i, (received, responded)) in [
        ("2026-04-20 09:00", "2026-04-20 10:00"),
        ("2026-04-21 09:00", "2026-04-21 12:00"),
        ("2026-04-22 09:00", "2026-04-22 16:00"),
    ]
    .iter()
    .enumerate()
    {
        let mut inp = intake(d, received, Priority::P2);
        if i == 2 {
            inp.product = "电磁炉 C21".into();
            inp.category = "delivery".into();
        }
        let c = complaint::record(&db, &crate::common::at_instant(&actor(), now), &inp)
            .await
            .unwrap();
        complaint::transition(
            &db,
            &crate::common::at_instant(&actor(), now),
            &step(c.id, ComplaintStatus::Classified, received),
        )
        .await
        .unwrap();
        complaint::transition(
            &db,
            &crate::common::at_instant(&actor(), now),
            &step(c.id, ComplaintStatus::Responded, responded),
        )
        .await
        .unwrap();
        ids.push(c.id);
    }
    let r = report::build(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &ReportRequest {
            from: "2026-04-01".into(),
            to: "2026-04-30".into(),
            distributor_id: None,
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(r.total, 3);
    assert_eq!(r.sla.first_response_met_pct, Some(66.7));
    // 1 h, 3 h (lunch excluded), 6 h.
    assert_eq!(r.first_response_hours.avg, Some(3.33));
    assert_eq!(r.first_response_hours.p90, Some(6.0));
    assert_eq!(r.pareto[0].category, "quality");
    assert_eq!(r.pareto[0].count, 2);
    assert_eq!(r.pareto.last().unwrap().cumulative_pct, 100.0);
    assert_eq!(
        r.by_category
            .iter()
            .map(|c| (c.key.as_str(), c.count))
            .collect::<Vec<_>>(),
        vec![("quality", 2), ("delivery", 1)]
    );
    let none = report::build(
        &db,
        &dealerdesk_core::actor::Access::Open,
        &ReportRequest {
            from: "2026-05-01".into(),
            to: "2026-05-31".into(),
            distributor_id: None,
        },
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        (
            none.total,
            none.sla.first_response_met_pct,
            none.first_response_hours.avg
        ),
        (0, None, None)
    );
    assert!(matches!(
        report::build(
            &db,
            &dealerdesk_core::actor::Access::Open,
            &ReportRequest {
                from: "2026-05-31".into(),
                to: "2026-05-01".into(),
                distributor_id: None
            },
            now
        )
        .await,
        Err(AppError::Validation { .. })
    ));
}
