//! Amounts in Chinese capitals (人民币大写), as printed on statements and
//! agreements, and the reverse parse (so tests can round-trip our own output).
//!
//! Rules: 整 only after 元; a run of zeros inside the number is one 零; 零
//! before 角 when the yuan digit is 0; 零 before 分 when 角 is 0 (and there are
//! yuan); 10.00 → 人民币壹拾元整; 0.30 → 人民币叁角.

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UNITS: [&str; 4] = ["", "拾", "佰", "仟"];

/// Words for 1..=9999 without leading zeros; interior zeros collapse to one 零.
fn group_words(g: u64, out: &mut String) {
    let digits = [g / 1000, g / 100 % 10, g / 10 % 10, g % 10];
    let mut started = false;
    let mut zero_pending = false;
    for (i, &d) in digits.iter().enumerate() {
        if d == 0 {
            if started {
                zero_pending = true;
            }
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        started = true;
        out.push(DIGITS[d as usize]);
        out.push_str(UNITS[3 - i]);
    }
}

/// Words for a whole number of yuan (> 0), grouped by 万 and 亿.
fn integer_words(n: u64, out: &mut String) {
    let mut groups = vec![];
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 10_000);
        rest /= 10_000;
    }
    let mut zero_pending = false;
    let start_len = out.len();
    for idx in (0..groups.len()).rev() {
        let g = groups[idx];
        if g == 0 {
            if out.len() > start_len {
                zero_pending = true;
            }
            // 万亿: the 亿 of a group of zeros still has to be said once.
            if idx == 2 && out.len() > start_len && !out.ends_with('亿') {
                out.push('亿');
            }
            continue;
        }
        if out.len() > start_len && (zero_pending || g < 1000) {
            out.push('零');
        }
        zero_pending = false;
        group_words(g, out);
        out.push_str(match idx % 4 {
            1 | 3 => "万",
            2 => "亿",
            _ => "",
        });
        if idx == 4 {
            out.push('亿');
        }
    }
}

/// `人民币壹万陆仟肆佰零玖元零贰分` for 1640902 fen; negatives get 负 after 人民币.
pub fn amount_in_words(fen: i64) -> String {
    let mut out = String::from("人民币");
    if fen < 0 {
        out.push('负');
    }
    let abs = fen.unsigned_abs();
    let yuan = abs / 100;
    let jiao = abs / 10 % 10;
    let fen_digit = abs % 10;
    if abs == 0 {
        out.push_str("零元整");
        return out;
    }
    if yuan > 0 {
        integer_words(yuan, &mut out);
        out.push('元');
    }
    if jiao == 0 && fen_digit == 0 {
        out.push('整');
        return out;
    }
    if jiao > 0 {
        if yuan > 0 && yuan.is_multiple_of(10) {
            out.push('零');
        }
        out.push(DIGITS[jiao as usize]);
        out.push('角');
    }
    if fen_digit > 0 {
        if jiao == 0 && yuan > 0 {
            out.push('零');
        }
        out.push(DIGITS[fen_digit as usize]);
        out.push('分');
    }
    out
}

/// Parses what [`amount_in_words`] writes back to fen.
pub fn parse_amount_in_words(s: &str) -> Option<i64> {
    let s = s.strip_prefix("人民币")?;
    let (negative, s) = match s.strip_prefix('负') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let s = s.strip_suffix('整').unwrap_or(s);
    let (int_part, frac) = match s.split_once('元') {
        Some((i, f)) => (i, f),
        None => ("", s),
    };
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut num: u64 = 0;
    for c in int_part.chars() {
        if let Some(d) = DIGITS.iter().position(|&x| x == c) {
            num = d as u64;
            continue;
        }
        match c {
            '拾' => section += num.max(1) * 10,
            '佰' => section += num * 100,
            '仟' => section += num * 1000,
            '万' => section = (section + num) * 10_000,
            '亿' => {
                total = (total + section + num).checked_mul(100_000_000)?;
                section = 0;
            }
            _ => return None,
        }
        num = 0;
    }
    let yuan = total + section + num;
    let mut cents: u64 = 0;
    let mut digit: u64 = 0;
    for c in frac.chars() {
        if let Some(d) = DIGITS.iter().position(|&x| x == c) {
            digit = d as u64;
            continue;
        }
        match c {
            '角' => cents += digit * 10,
            '分' => cents += digit,
            _ => return None,
        }
        digit = 0;
    }
    let fen = i64::try_from(yuan.checked_mul(100)?.checked_add(cents)?).ok()?;
    Some(if negative { -fen } else { fen })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn golden_cases() {
        let cases = [
            (140950, "人民币壹仟肆佰零玖元伍角"),
            (1640902, "人民币壹万陆仟肆佰零玖元零贰分"),
            (168032, "人民币壹仟陆佰捌拾元零叁角贰分"),
            (5, "人民币伍分"),
            (10_001_000_000, "人民币壹亿零壹万元整"),
            (1000, "人民币壹拾元整"),
            (30, "人民币叁角"),
            (0, "人民币零元整"),
            (100, "人民币壹元整"),
            (168002, "人民币壹仟陆佰捌拾元零贰分"),
            (1_000_100, "人民币壹万零壹元整"),
            (100_000_000, "人民币壹佰万元整"),
            (1_010_000_000, "人民币壹仟零壹拾万元整"),
            (10_000_000_000, "人民币壹亿元整"),
            (100_000_000_000_000, "人民币壹万亿元整"),
            (100_020_000_000_000, "人民币壹万零贰亿元整"),
            (-1050, "人民币负壹拾元零伍角"),
            (2_000_000_500, "人民币贰仟万零伍元整"),
        ];
        for (fen, words) in cases {
            assert_eq!(amount_in_words(fen), words, "{fen}");
            assert_eq!(parse_amount_in_words(words), Some(fen), "{words}");
        }
    }

    #[test]
    fn only_one_zero_in_a_row_and_no_trailing_zero() {
        for fen in [10_000_000_100_i64, 1_000_000_010, 100_100_100] {
            let w = amount_in_words(fen);
            assert!(!w.contains("零零"), "{w}");
            assert!(
                !w.contains("零元") && !w.contains("零万") && !w.contains("零亿"),
                "{w}"
            );
        }
    }

    proptest! {
        #[test]
        fn words_round_trip(fen in -(10_i64.pow(16))..10_i64.pow(16)) {
            let w = amount_in_words(fen);
            prop_assert_eq!(parse_amount_in_words(&w), Some(fen), "{}", w);
            prop_assert!(!w.contains("零零"));
            prop_assert_eq!(w.ends_with('整'), fen % 100 == 0);
        }
    }
}
