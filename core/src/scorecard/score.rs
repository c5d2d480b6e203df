//! The scoring rules of a quarterly scorecard, pure: a distributor's inputs
//! for a quarter and the settings in, each indicator's value and score, the
//! total and the grade out. Scores are hundredths (`centi`, 0–10 000 for
//! 0–100) and every rounding is half up to 0.01; the total is computed from
//! the rounded indicator scores.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, AppResult, ErrorCode, FieldError};

/// The indicators, in the order the scorecard shows them.
pub const KEYS: [&str; 5] = ["achievement", "growth", "payment", "training", "rating"];

/// A growth band: growth at or above `min_pct` scores `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GrowthBand {
    pub min_pct: i32,
    pub score: u32,
}

/// The weights and rules, editable in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScorecardSettings {
    /// Weight of each indicator by key (`achievement`, `growth`, `payment`,
    /// `training`, `rating`).
    pub weights: BTreeMap<String, u32>,
    /// Achievement below this percentage scores 0.
    pub achievement_floor_pct: u32,
    /// Highest band first; growth below every band scores 0.
    pub growth_bands: Vec<GrowthBand>,
    pub grade_a: u32,
    pub grade_b: u32,
    pub grade_c: u32,
    /// A total below it is below the baseline (the exit warnings' line).
    pub baseline: u32,
    /// The annual tier review's thresholds; `None`: the admission thresholds.
    #[serde(default)]
    pub tier_thresholds: Option<crate::settings::TierThresholds>,
}

impl Default for ScorecardSettings {
    fn default() -> Self {
        ScorecardSettings {
            weights: [
                ("achievement", 40),
                ("growth", 10),
                ("payment", 25),
                ("training", 15),
                ("rating", 10),
            ]
            .into_iter()
            .map(|(k, w)| (k.to_string(), w))
            .collect(),
            achievement_floor_pct: 50,
            growth_bands: vec![
                GrowthBand {
                    min_pct: 20,
                    score: 100,
                },
                GrowthBand {
                    min_pct: 10,
                    score: 80,
                },
                GrowthBand {
                    min_pct: 0,
                    score: 60,
                },
                GrowthBand {
                    min_pct: -10,
                    score: 30,
                },
            ],
            grade_a: 90,
            grade_b: 75,
            grade_c: 60,
            baseline: 60,
            tier_thresholds: None,
        }
    }
}

impl ScorecardSettings {
    pub fn weight(&self, key: &str) -> u32 {
        self.weights.get(key).copied().unwrap_or(0)
    }
}

/// Refuses settings that cannot score: naming the field.
pub fn validate(s: &ScorecardSettings) -> AppResult<()> {
    let mut fields = vec![];
    for key in s.weights.keys() {
        if !KEYS.contains(&key.as_str()) {
            fields.push(FieldError::with_detail(
                "weights",
                ErrorCode::InvalidChoice,
                key,
            ));
        }
    }
    for key in KEYS {
        if s.weight(key) > 100 {
            fields.push(FieldError::new(
                &format!("weights.{key}"),
                ErrorCode::OutOfRange,
            ));
        }
    }
    if KEYS.iter().map(|k| s.weight(k)).sum::<u32>() == 0 {
        fields.push(FieldError::new("weights", ErrorCode::WeightsZero));
    }
    if s.achievement_floor_pct > 100 {
        fields.push(FieldError::new(
            "achievement_floor_pct",
            ErrorCode::OutOfRange,
        ));
    }
    let ordered = s
        .growth_bands
        .windows(2)
        .all(|w| w[0].min_pct > w[1].min_pct);
    if !ordered
        || s.growth_bands
            .iter()
            .any(|b| b.score > 100 || b.min_pct.abs() > 1000)
    {
        fields.push(FieldError::new("growth_bands", ErrorCode::OutOfRange));
    }
    if s.tier_thresholds
        .as_ref()
        .is_some_and(|t| t.strategic_min > 100 || t.core_min > t.strategic_min)
    {
        fields.push(FieldError::new(
            "tier_thresholds",
            ErrorCode::ThresholdsOrder,
        ));
    }
    if !(s.grade_a <= 100 && s.grade_a > s.grade_b && s.grade_b > s.grade_c) {
        fields.push(FieldError::new("grade_a", ErrorCode::OutOfRange));
    }
    if s.baseline > 100 {
        fields.push(FieldError::new("baseline", ErrorCode::OutOfRange));
    }
    if fields.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation { fields })
    }
}

/// What a scorecard is computed from, for one distributor and quarter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// Invoices − credit notes dated in the quarter, reversed entries excluded.
    pub sales_fen: i64,
    /// The governing agreement's target periods inside the quarter; `None`
    /// when there are none (an annual target alone is not prorated).
    pub target_fen: Option<i64>,
    /// Sales of the same quarter a year before.
    pub last_year_sales_fen: i64,
    /// The statement's closing balance and its not-yet-due part on the
    /// quarter's last day.
    pub closing_fen: i64,
    pub not_due_fen: i64,
    /// An invoice is dated in the quarter.
    pub invoiced: bool,
    /// Courses the tier requires and those covered; `None` when none is required.
    pub training: Option<(u32, u32)>,
    /// The reviewer's rating, 0–100.
    pub rating: Option<u32>,
    /// Violation points of the quarter, in hundredths.
    pub deductions_centi: i64,
}

/// One indicator of a scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Indicator {
    pub key: String,
    pub applicable: bool,
    /// The measured value (a percentage with two decimals), if any.
    pub value: Option<String>,
    /// 0–100 with two decimals; `None` when not applicable.
    pub score: Option<String>,
    pub weight: u32,
    /// How the score was reached, for the reviewer (`sales ÷ target`, the band…).
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    pub indicators: Vec<Indicator>,
    /// Hundredths; `None`: not rated (nothing applicable).
    pub total_centi: Option<i64>,
    pub grade: Option<Grade>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Grade {
    A,
    B,
    C,
    D,
}

/// num ÷ den rounded half up (den > 0; num may be negative).
pub fn div_half_up(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    if num >= 0 {
        (2 * num + den) / (2 * den)
    } else {
        -((-2 * num + den) / (2 * den))
    }
}

/// Hundredths as `12.34` (negative with a sign).
/// `82.50` → 8250, `-3.5` → -350 (the inverse of `centi_text`).
pub fn parse_centi(s: &str) -> Option<i64> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty()
        || frac.len() > 2
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac = format!("{frac:0<2}");
    let v = int
        .parse::<i64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(frac.parse::<i64>().ok()?)?;
    Some(if neg { -v } else { v })
}

pub fn centi_text(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    let a = c.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

pub fn grade_of(total_centi: i64, s: &ScorecardSettings) -> Grade {
    let t = total_centi;
    if t >= i64::from(s.grade_a) * 100 {
        Grade::A
    } else if t >= i64::from(s.grade_b) * 100 {
        Grade::B
    } else if t >= i64::from(s.grade_c) * 100 {
        Grade::C
    } else {
        Grade::D
    }
}

/// An applicable indicator's value, score in hundredths and basis.
type Measured = (Option<String>, i64, String);

/// Each indicator with its measure, `None` where it does not apply.
fn indicator_scores(i: &Inputs, s: &ScorecardSettings) -> Vec<(&'static str, Option<Measured>)> {
    let achievement = i.target_fen.filter(|t| *t > 0).map(|target| {
        let bp = crate::agreement::rebate::achievement_bp(i.sales_fen, target);
        let score = if bp < i64::from(s.achievement_floor_pct) * 100 {
            0
        } else {
            bp.min(10_000)
        };
        (
            Some(centi_text(bp)),
            score,
            format!(
                "{} ÷ {}",
                crate::money::Money::from_fen(i.sales_fen),
                crate::money::Money::from_fen(target)
            ),
        )
    });
    let growth = (i.last_year_sales_fen > 0).then(|| {
        let (now, before) = (i128::from(i.sales_fen), i128::from(i.last_year_sales_fen));
        // growth ≥ m %  ⇔  sales × 100 ≥ last year × (100 + m): no rounding.
        let band = s
            .growth_bands
            .iter()
            .find(|b| now * 100 >= before * (100 + i128::from(b.min_pct)));
        let pct = div_half_up((now - before) * 10_000, before) as i64;
        (
            Some(centi_text(pct)),
            band.map_or(0, |b| i64::from(b.score) * 100),
            band.map_or_else(|| "< bands".to_string(), |b| format!("≥ {}%", b.min_pct)),
        )
    });
    let payment = if i.closing_fen <= 0 {
        i.invoiced.then(|| {
            (
                Some("100.00".to_string()),
                10_000,
                "closing ≤ 0".to_string(),
            )
        })
    } else {
        let pct = div_half_up(
            i128::from(i.not_due_fen.max(0)) * 10_000,
            i128::from(i.closing_fen),
        )
        .min(10_000) as i64;
        Some((
            Some(centi_text(pct)),
            pct,
            format!(
                "{} ÷ {}",
                crate::money::Money::from_fen(i.not_due_fen),
                crate::money::Money::from_fen(i.closing_fen)
            ),
        ))
    };
    let training = i
        .training
        .filter(|(_, required)| *required > 0)
        .map(|(covered, required)| {
            let pct = div_half_up(i128::from(covered) * 10_000, i128::from(required)) as i64;
            (
                Some(centi_text(pct)),
                pct,
                format!("{covered} / {required}"),
            )
        });
    let rating = i.rating.map(|r| {
        let c = i64::from(r.min(100)) * 100;
        (Some(centi_text(c)), c, "entered".to_string())
    });
    vec![
        ("achievement", achievement),
        ("growth", growth),
        ("payment", payment),
        ("training", training),
        ("rating", rating),
    ]
}

/// Scores one distributor's quarter.
pub fn score(i: &Inputs, s: &ScorecardSettings) -> Scored {
    let mut weighted: i128 = 0;
    let mut weights: i128 = 0;
    let mut indicators = vec![];
    for (key, result) in indicator_scores(i, s) {
        let weight = s.weight(key);
        match result {
            Some((value, centi, basis)) => {
                weighted += i128::from(centi) * i128::from(weight);
                weights += i128::from(weight);
                indicators.push(Indicator {
                    key: key.to_string(),
                    applicable: true,
                    value,
                    score: Some(centi_text(centi)),
                    weight,
                    basis,
                });
            }
            None => indicators.push(Indicator {
                key: key.to_string(),
                applicable: false,
                value: None,
                score: None,
                weight,
                basis: String::new(),
            }),
        }
    }
    if weights == 0 {
        return Scored {
            indicators,
            total_centi: None,
            grade: None,
        };
    }
    let mean = div_half_up(weighted, weights) as i64;
    let total = (mean - i.deductions_centi.max(0)).max(0);
    Scored {
        indicators,
        total_centi: Some(total),
        grade: Some(grade_of(total, s)),
    }
}

// Amounts in fen are written yuan_fen (`1_200_000_00` is 1,200,000.00 yuan).
#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn inputs() -> Inputs {
        Inputs {
            sales_fen: 1_200_000_00,
            target_fen: Some(1_000_000_00),
            last_year_sales_fen: 1_000_000_00,
            closing_fen: 400_000_00,
            not_due_fen: 300_000_00,
            invoiced: true,
            training: Some((1, 2)),
            rating: Some(80),
            deductions_centi: 0,
        }
    }

    proptest! {
        #[test]
        fn centi_text_parses_back(c in -1_000_000i64..1_000_000) {
            prop_assert_eq!(parse_centi(&centi_text(c)), Some(c));
        }
    }

    #[test]
    fn centi_text_refuses_what_is_not_a_score() {
        for bad in ["", "-", "1.234", "a.1", "1.-2", ".5"] {
            assert_eq!(parse_centi(bad), None, "{bad}");
        }
        assert_eq!(parse_centi("7.5"), Some(750));
    }

    #[test]
    fn the_issue_example_scores_as_written() {
        let s = ScorecardSettings::default();
        let r = score(&inputs(), &s);
        let by: BTreeMap<&str, &Indicator> =
            r.indicators.iter().map(|i| (i.key.as_str(), i)).collect();
        // 120 % achievement scores 100; +20 % growth is the top band; 75 % not due;
        // 1 of 2 courses; rating 80.
        assert_eq!(by["achievement"].value.as_deref(), Some("120.00"));
        assert_eq!(by["achievement"].score.as_deref(), Some("100.00"));
        assert_eq!(by["growth"].score.as_deref(), Some("100.00"));
        assert_eq!(by["payment"].score.as_deref(), Some("75.00"));
        assert_eq!(by["training"].score.as_deref(), Some("50.00"));
        assert_eq!(by["rating"].score.as_deref(), Some("80.00"));
        // (100·40 + 100·10 + 75·25 + 50·15 + 80·10) / 100 = 84.25
        assert_eq!(r.total_centi, Some(8425));
        assert_eq!(r.grade, Some(Grade::B));
    }

    #[test]
    fn edges_of_the_rules() {
        let s = ScorecardSettings::default();
        // Below the floor: 0; exactly 19.99 % growth is the 10 % band.
        let i = Inputs {
            sales_fen: 49_99,
            target_fen: Some(100_00),
            last_year_sales_fen: 41_69,
            ..Default::default()
        };
        let r = score(&i, &s);
        assert_eq!(r.indicators[0].score.as_deref(), Some("0.00"));
        let g = score(
            &Inputs {
                sales_fen: 119_99,
                last_year_sales_fen: 100_00,
                ..Default::default()
            },
            &s,
        );
        assert_eq!(g.indicators[1].score.as_deref(), Some("80.00"));
        // Nothing owed and nothing invoiced: payment is not applicable;
        // with an invoice and a credit balance it scores 100.
        let p = score(&Inputs::default(), &s);
        assert!(!p.indicators[2].applicable);
        assert_eq!(p.total_centi, None, "nothing applicable: not rated");
        let p = score(
            &Inputs {
                closing_fen: -5_00,
                invoiced: true,
                ..Default::default()
            },
            &s,
        );
        assert_eq!(p.indicators[2].score.as_deref(), Some("100.00"));
        assert_eq!(p.total_centi, Some(10_000));
        // A tier that requires no course: training not applicable.
        let t = score(
            &Inputs {
                training: Some((0, 0)),
                rating: Some(70),
                ..Default::default()
            },
            &s,
        );
        assert!(!t.indicators[3].applicable);
        assert_eq!(t.total_centi, Some(7000));
    }

    #[test]
    fn settings_are_checked() {
        let mut s = ScorecardSettings::default();
        validate(&s).unwrap();
        s.weights.insert("speed".into(), 5);
        s.grade_b = 95;
        s.growth_bands.reverse();
        let AppError::Validation { fields } = validate(&s).unwrap_err() else {
            panic!()
        };
        let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, vec!["weights", "growth_bands", "grade_a"]);
    }

    fn any_inputs() -> impl Strategy<Value = Inputs> {
        (
            (
                -1_000_000_00i64..5_000_000_00,
                proptest::option::of(0i64..5_000_000_00),
            ),
            (
                -1_000_000_00i64..5_000_000_00,
                -1_000_000_00i64..5_000_000_00,
                0i64..5_000_000_00,
            ),
            (
                any::<bool>(),
                proptest::option::of((0u32..6, 0u32..6)),
                proptest::option::of(0u32..=100),
            ),
            0i64..12_000,
        )
            .prop_map(
                |(
                    (sales, target),
                    (last, closing, not_due),
                    (invoiced, training, rating),
                    deductions,
                )| Inputs {
                    sales_fen: sales,
                    target_fen: target,
                    last_year_sales_fen: last,
                    closing_fen: closing,
                    not_due_fen: not_due.min(closing.max(0)),
                    invoiced,
                    training: training.map(|(c, r)| (c.min(r), r)),
                    rating,
                    deductions_centi: deductions,
                },
            )
    }

    fn any_weights() -> impl Strategy<Value = ScorecardSettings> {
        proptest::collection::vec(0u32..=100, 5).prop_map(|w| {
            let mut s = ScorecardSettings::default();
            for (k, w) in KEYS.iter().zip(w) {
                s.weights.insert((*k).to_string(), w);
            }
            s
        })
    }

    proptest! {
        /// Indicators that do not apply drop out with their weights: the total
        /// is the weighted mean of the applicable scores, less the deductions,
        /// never below 0 and never above the best applicable score.
        #[test]
        fn the_total_is_the_weighted_mean_of_what_applies(i in any_inputs(), s in any_weights()) {
            let r = score(&i, &s);
            let applicable: Vec<(i64, u32)> = r
                .indicators
                .iter()
                .filter(|x| x.applicable)
                .map(|x| {
                    let t = x.score.as_deref().unwrap().replace('.', "");
                    (t.parse::<i64>().unwrap(), x.weight)
                })
                .collect();
            let w: i64 = applicable.iter().map(|(_, w)| i64::from(*w)).sum();
            match r.total_centi {
                None => prop_assert_eq!(w, 0),
                Some(total) => {
                    let sum: i64 = applicable.iter().map(|(c, w)| c * i64::from(*w)).sum();
                    let mean = div_half_up(i128::from(sum), i128::from(w)) as i64;
                    prop_assert_eq!(total, (mean - i.deductions_centi).max(0));
                    prop_assert!(total >= 0);
                    let best = applicable.iter().filter(|(_, w)| *w > 0).map(|(c, _)| *c).max().unwrap();
                    prop_assert!(total <= best);
                    prop_assert!((0..=10_000).contains(&total));
                }
            }
        }

        /// An indicator that does not apply changes nothing whatever its weight.
        #[test]
        fn a_weight_that_does_not_apply_changes_nothing(i in any_inputs(), s in any_weights(), w in 0u32..=100) {
            let i = Inputs { rating: None, ..i };
            let mut t = s.clone();
            t.weights.insert("rating".into(), w);
            prop_assert_eq!(score(&i, &s).total_centi, score(&i, &t).total_centi);
        }
    }
}
