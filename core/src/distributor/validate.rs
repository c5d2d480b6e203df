//! Field rules for a distributor profile. Pure: used by forms and imports alike.
use crate::error::ErrorCode;
use crate::error::FieldError;
use crate::money::Money;
use crate::uscc;

use super::DistributorInput;

/// A profile that passed every field rule, trimmed and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInput {
    pub input: DistributorInput,
    pub credit_limit: Money,
}

/// Mainland mobile (1[3-9] + 9 digits), landline with area code, or 400/800
/// service numbers; spaces, dashes and a +86 prefix are allowed.
pub fn is_phone(s: &str) -> bool {
    let mut digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    if let Some(rest) = digits.strip_prefix("+86") {
        digits = rest.to_owned();
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let b = digits.as_bytes();
    match b[0] {
        b'1' => b.len() == 11 && (b'3'..=b'9').contains(&b[1]),
        b'0' => (10..=12).contains(&b.len()),
        b'4' | b'8' => b.len() == 10 && (digits.starts_with("400") || digits.starts_with("800")),
        _ => false,
    }
}

pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
}

fn trim_all(i: &DistributorInput) -> DistributorInput {
    let t = |s: &String| s.trim().to_owned();
    DistributorInput {
        code: t(&i.code).to_uppercase(),
        name: t(&i.name),
        short_name: t(&i.short_name),
        uscc: t(&i.uscc).to_ascii_uppercase(),
        legal_representative: t(&i.legal_representative),
        contact_name: t(&i.contact_name),
        contact_role: t(&i.contact_role),
        contact_phone: t(&i.contact_phone),
        contact_email: t(&i.contact_email),
        contact_wechat: t(&i.contact_wechat),
        province: t(&i.province),
        city: t(&i.city),
        county: t(&i.county),
        region: t(&i.region),
        address: t(&i.address),
        bank_name: t(&i.bank_name),
        bank_account: t(&i.bank_account),
        payment_terms_days: i.payment_terms_days,
        credit_limit: t(&i.credit_limit),
        tier: i.tier,
        notes: i.notes.trim().to_owned(),
    }
}

pub fn validate_input(raw: &DistributorInput) -> Result<ValidInput, Vec<FieldError>> {
    let mut input = trim_all(raw);
    let mut errs = vec![];
    let mut required = |field: &str, v: &str| {
        if v.is_empty() {
            errs.push(FieldError::new(field, ErrorCode::Required));
        }
    };
    required("name", &input.name);
    required("contact_name", &input.contact_name);
    required("contact_phone", &input.contact_phone);
    required("province", &input.province);
    required("uscc", &input.uscc);

    for (field, v, max) in [
        ("code", &input.code, 20),
        ("name", &input.name, 100),
        ("short_name", &input.short_name, 50),
        ("address", &input.address, 200),
        ("notes", &input.notes, 2000),
    ] {
        if v.chars().count() > max {
            errs.push(FieldError::with_detail(
                field,
                ErrorCode::TooLong,
                max.to_string(),
            ));
        }
    }
    for (field, v) in [
        ("name", &input.name),
        ("short_name", &input.short_name),
        ("legal_representative", &input.legal_representative),
        ("contact_name", &input.contact_name),
        ("contact_role", &input.contact_role),
        ("contact_email", &input.contact_email),
        ("contact_wechat", &input.contact_wechat),
        ("province", &input.province),
        ("city", &input.city),
        ("county", &input.county),
        ("region", &input.region),
        ("address", &input.address),
        ("bank_name", &input.bank_name),
        ("bank_account", &input.bank_account),
        ("notes", &input.notes),
    ] {
        errs.extend(crate::fields::printable_error(field, v));
    }
    if !input.code.is_empty()
        && !input
            .code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        errs.push(FieldError::new("code", ErrorCode::CodeChars));
    }
    if !input.uscc.is_empty() {
        match uscc::validate(&input.uscc) {
            Ok(code) => input.uscc = code,
            Err(e @ uscc::UsccError::CheckChar { expected }) => errs.push(FieldError::with_detail(
                "uscc",
                e.code(),
                expected.to_string(),
            )),
            Err(e) => errs.push(FieldError::new("uscc", e.code())),
        }
    }
    if !input.contact_phone.is_empty() && !is_phone(&input.contact_phone) {
        errs.push(FieldError::new("contact_phone", ErrorCode::PhoneFormat));
    }
    if !input.contact_email.is_empty() && !is_email(&input.contact_email) {
        errs.push(FieldError::new("contact_email", ErrorCode::EmailFormat));
    }
    if !(0..=365).contains(&input.payment_terms_days) {
        errs.push(FieldError::with_detail(
            "payment_terms_days",
            ErrorCode::OutOfRange,
            "0–365",
        ));
    }
    let credit_limit = if input.credit_limit.is_empty() {
        Money::ZERO
    } else {
        match Money::parse(&input.credit_limit) {
            Ok(m) if m.is_negative() => {
                errs.push(FieldError::new("credit_limit", ErrorCode::Negative));
                Money::ZERO
            }
            Ok(m) => m,
            Err(e) => {
                errs.push(FieldError::new("credit_limit", e.code()));
                Money::ZERO
            }
        }
    };
    input.credit_limit = credit_limit.to_string();
    if input.short_name.is_empty() {
        input.short_name = input.name.clone();
    }
    if errs.is_empty() {
        Ok(ValidInput {
            input,
            credit_limit,
        })
    } else {
        Err(errs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for ok in [
            "13812345678",
            "+86 138 1234 5678",
            "021-62345678",
            "0755-8888-1234",
            "400-820-8820",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "12812345678",
            "1381234567",
            "abc",
            "",
            "12345",
            "+1 415 555 0100",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        assert!(is_email("li.wei@example.com.cn"));
        for bad in [
            "li", "li@", "@x.cn", "li@x", "l i@x.cn", "a@b@c.cn", "a@x..cn",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn reports_every_field_at_once() {
        let errs = validate_input(&DistributorInput {
            uscc: "91110000802100433C".into(),
            contact_phone: "123".into(),
            credit_limit: "1.005".into(),
            ..Default::default()
        })
        .unwrap_err();
        let codes: Vec<_> = errs
            .iter()
            .map(|e| (e.field.as_str(), e.code.key()))
            .collect();
        assert!(codes.contains(&("name", "required")));
        assert!(codes.contains(&("uscc", "uscc_check_char")));
        assert!(codes.contains(&("contact_phone", "phone_format")));
        assert!(codes.contains(&("credit_limit", "money_too_precise")));
    }
}
