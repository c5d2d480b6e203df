//! Unified social credit code (统一社会信用代码), GB 32100-2015.
//! 18 characters from `0-9A-HJ-NPQRTUWXY`; the last is a check character.
use crate::error::ErrorCode;

const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// 3^(i-1) mod 31 for positions 1..=17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsccError {
    Length,
    InvalidChar,
    CheckChar { expected: char },
}

impl UsccError {
    pub fn code(self) -> ErrorCode {
        match self {
            UsccError::Length => ErrorCode::UsccLength,
            UsccError::InvalidChar => ErrorCode::UsccInvalidChar,
            UsccError::CheckChar { .. } => ErrorCode::UsccCheckChar,
        }
    }
}

fn value_of(c: u8) -> Option<u32> {
    CHARSET.iter().position(|&x| x == c).map(|p| p as u32)
}

/// The check character for the first 17 characters (which must be valid).
pub fn check_char(first17: &str) -> Result<char, UsccError> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 {
        return Err(UsccError::Length);
    }
    let mut sum = 0u32;
    for (b, w) in bytes.iter().zip(WEIGHTS) {
        sum += value_of(*b).ok_or(UsccError::InvalidChar)? * w;
    }
    let check = (31 - sum % 31) % 31;
    Ok(CHARSET[check as usize] as char)
}

/// Upper-cases and validates; returns the normalised code.
pub fn validate(code: &str) -> Result<String, UsccError> {
    let code = code.trim().to_ascii_uppercase();
    if code.chars().count() != 18 {
        return Err(UsccError::Length);
    }
    if !code.bytes().all(|b| value_of(b).is_some()) {
        return Err(UsccError::InvalidChar);
    }
    let expected = check_char(&code[..17])?;
    if code.as_bytes()[17] as char != expected {
        return Err(UsccError::CheckChar { expected });
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_codes() {
        // Published codes of real companies.
        assert!(validate("91350100M000100Y43").is_ok());
        assert!(validate("91110000802100433B").is_ok());
        assert!(validate("91110000802100433b").is_ok());
        assert_eq!(
            validate("91110000802100433C"),
            Err(UsccError::CheckChar { expected: 'B' })
        );
        assert_eq!(validate("9111000080210043"), Err(UsccError::Length));
        assert_eq!(validate("91110000802100433I"), Err(UsccError::InvalidChar));
    }

    fn body() -> impl Strategy<Value = String> {
        proptest::collection::vec(0usize..31, 17)
            .prop_map(|v| v.into_iter().map(|i| CHARSET[i] as char).collect())
    }

    proptest! {
        #[test]
        fn generated_codes_validate(b in body()) {
            let code = format!("{b}{}", check_char(&b).unwrap());
            prop_assert_eq!(validate(&code), Ok(code.clone()));
        }

        #[test]
        fn any_single_substitution_is_detected(b in body(), pos in 0usize..18, shift in 1usize..31) {
            let code = format!("{b}{}", check_char(&b).unwrap());
            let mut bytes = code.into_bytes();
            let old = value_of(bytes[pos]).unwrap() as usize;
            bytes[pos] = CHARSET[(old + shift) % 31];
            let bad = String::from_utf8(bytes).unwrap();
            let rejected = matches!(validate(&bad), Err(UsccError::CheckChar { .. }));
            prop_assert!(rejected, "{} accepted", bad);
        }
    }
}
