//! Phone-number normalisation (spec §4).
//!
//! Numbers are stored in one canonical form so blocklist look-ups and the
//! caller filter match however the number was typed: mainland numbers as
//! `+86` followed by the national significant number (no trunk `0`), other
//! countries as `+` followed by all digits.

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a plausible phone number")]
pub struct InvalidPhone;

/// Longer inputs cannot be a phone number even with generous separators, and
/// refusing them early keeps pathological input cheap.
const MAX_INPUT_CHARS: usize = 64;

/// E.164 limits for numbers outside mainland China, country code included.
const MIN_INTERNATIONAL_DIGITS: usize = 7;
const MAX_INTERNATIONAL_DIGITS: usize = 15;

pub fn normalize(input: &str) -> Result<String, InvalidPhone> {
    let (has_plus, digits) = scan(input)?;
    let international = if has_plus { Some(digits.as_str()) } else { digits.strip_prefix("00") };
    if let Some(number) = international {
        return international_number(number);
    }
    if let Some(nsn) = domestic_nsn(&digits) {
        return Ok(format!("+86{nsn}"));
    }
    // "86 138…" is a common way to write the country code without the '+';
    // no domestic number starts with 86, so this cannot shadow one.
    digits.strip_prefix("86").and_then(chinese_nsn).map(|nsn| format!("+86{nsn}")).ok_or(InvalidPhone)
}

/// The digits as dialled inside mainland China: `+8613812345678` →
/// `13812345678`, `+861012345678` → `01012345678`. Other numbers: their
/// digits without the `+`.
pub fn national_display(normalized: &str) -> String {
    match normalized.strip_prefix("+86") {
        Some(rest) => {
            let nsn = only_digits(rest);
            if landline_nsn(&nsn) { format!("0{nsn}") } else { nsn }
        }
        None => only_digits(normalized),
    }
}

fn only_digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Returns whether a leading `+` was present, and the digits. Anything other
/// than digits and common separators — letters, `#`, `,`, an extension —
/// makes the input implausible.
fn scan(input: &str) -> Result<(bool, String), InvalidPhone> {
    if input.chars().count() > MAX_INPUT_CHARS {
        return Err(InvalidPhone);
    }
    let mut has_plus = false;
    let mut digits = String::new();
    for c in input.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if !has_plus && digits.is_empty() => has_plus = true,
            '-' | '.' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            _ => return Err(InvalidPhone),
        }
    }
    if digits.is_empty() { Err(InvalidPhone) } else { Ok((has_plus, digits)) }
}

fn international_number(digits: &str) -> Result<String, InvalidPhone> {
    if let Some(rest) = digits.strip_prefix("86") {
        return chinese_nsn(rest).map(|nsn| format!("+86{nsn}")).ok_or(InvalidPhone);
    }
    let plausible =
        !digits.starts_with('0') && (MIN_INTERNATIONAL_DIGITS..=MAX_INTERNATIONAL_DIGITS).contains(&digits.len());
    if plausible { Ok(format!("+{digits}")) } else { Err(InvalidPhone) }
}

/// A number as dialled domestically: landlines need the trunk `0` and area
/// code, since a bare local number does not say which city it is in.
fn domestic_nsn(digits: &str) -> Option<&str> {
    match digits.strip_prefix('0') {
        Some(nsn) => landline_nsn(nsn).then_some(nsn),
        None => (is_mobile(digits) || is_service(digits)).then_some(digits),
    }
}

/// What follows `+86`; people often keep the trunk `0` of a landline
/// (`+86 010 …`), which is dropped.
fn chinese_nsn(rest: &str) -> Option<&str> {
    match rest.strip_prefix('0') {
        Some(nsn) => landline_nsn(nsn).then_some(nsn),
        None => (is_mobile(rest) || is_service(rest) || landline_nsn(rest)).then_some(rest),
    }
}

fn is_mobile(nsn: &str) -> bool {
    let b = nsn.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// Nationwide 400/800 service numbers.
fn is_service(nsn: &str) -> bool {
    nsn.len() == 10 && (nsn.starts_with("400") || nsn.starts_with("800"))
}

/// Area code (10, 2x, or three digits starting 3–9) followed by a 7–8 digit
/// local number. The local number may start with 1 because the spec's own
/// example, `010-12345678`, does.
fn landline_nsn(nsn: &str) -> bool {
    let area_len = match nsn.as_bytes() {
        [b'1', b'0', ..] | [b'2', ..] => 2,
        [b'3'..=b'9', ..] => 3,
        _ => return false,
    };
    let (area, local) = nsn.split_at(area_len.min(nsn.len()));
    area.len() == area_len
        && area != "400"
        && area != "800"
        && (7..=8).contains(&local.len())
        && !local.starts_with('0')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn norm(input: &str) -> String {
        normalize(input).unwrap()
    }

    #[test]
    fn the_spec_spellings_of_one_mobile_are_the_same_number() {
        for input in [
            "13812345678",
            "+86 138-1234-5678",
            "0086 138 1234 5678",
            "+8613812345678",
            "86 13812345678",
            "8613812345678",
            "(+86) 138.1234.5678",
            "  138 1234 5678\t",
        ] {
            assert_eq!(norm(input), "+8613812345678", "{input}");
        }
    }

    #[test]
    fn landlines_keep_their_area_code() {
        assert_eq!(norm("010-12345678"), "+861012345678");
        assert_eq!(norm("(0755) 8888 9999"), "+8675588889999");
        assert_eq!(norm("0571-8765432"), "+865718765432");
        assert_eq!(norm("021 6123 4567"), "+862161234567");
        assert_eq!(norm("+86 10 1234 5678"), "+861012345678");
    }

    #[test]
    fn a_trunk_zero_written_after_plus_86_is_dropped() {
        assert_eq!(norm("+86 (0)10 1234 5678"), "+861012345678");
        assert_eq!(norm("+86 0755 8888 9999"), "+8675588889999");
    }

    #[test]
    fn nationwide_service_numbers_are_accepted() {
        assert_eq!(norm("400-810-8888"), "+864008108888");
        assert_eq!(norm("800 820 8820"), "+868008208820");
        assert_eq!(norm("+86 400 810 8888"), "+864008108888");
    }

    #[test]
    fn other_countries_keep_all_their_digits() {
        assert_eq!(norm("+1 (415) 555-2671"), "+14155552671");
        assert_eq!(norm("0044 20 7946 0958"), "+442079460958");
        assert_eq!(norm("+852 2123 4567"), "+85221234567");
        assert_eq!(norm("+4930123"), "+4930123");
    }

    #[test]
    fn implausible_input_is_rejected() {
        for input in [
            "",
            "   ",
            "+",
            "abc",
            "138-1234-567a",
            "13812345678 ext 12",
            "13812345678#12",
            "13812345678,12",
            "++8613812345678",
            "+86+13812345678",
            "138+12345678",
            "12345678",
            "8765432",
            "1381234567",
            "138123456789",
            "12812345678",
            "+86 12345",
            "+86 12812345678",
            "0086 0000",
            "010-1234567890",
            "010-123456",
            "010-02345678",
            "0400-1234567",
            "+1 234 56",
            "+1234567890123456",
            "+0123456789",
            "1 (800) 555 0199 0199 01 x",
        ] {
            assert_eq!(normalize(input), Err(InvalidPhone), "{input:?}");
        }
        assert_eq!(normalize(&"1".repeat(80)), Err(InvalidPhone));
    }

    #[test]
    fn national_display_is_what_one_dials_at_home() {
        assert_eq!(national_display("+8613812345678"), "13812345678");
        assert_eq!(national_display("+861012345678"), "01012345678");
        assert_eq!(national_display("+8675588889999"), "075588889999");
        assert_eq!(national_display("+864008108888"), "4008108888");
        assert_eq!(national_display("+14155552671"), "14155552671");
    }

    fn mobile() -> impl Strategy<Value = String> {
        (3u8..=9, 0u64..1_000_000_000).prop_map(|(second, rest)| format!("1{second}{rest:09}"))
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent_on_any_spelling_of_a_mobile(
            number in mobile(), style in 0usize..5
        ) {
            let (a, b, c) = (&number[..3], &number[3..7], &number[7..]);
            let spelled = match style {
                0 => number.clone(),
                1 => format!("+86 {a}-{b}-{c}"),
                2 => format!("0086 {a} {b} {c}"),
                3 => format!("86 {a}.{b}.{c}"),
                _ => format!("({a}) {b} {c}"),
            };
            let once = normalize(&spelled).unwrap();
            prop_assert_eq!(&once, &format!("+86{number}"));
            prop_assert_eq!(normalize(&once).unwrap(), once.clone());
            prop_assert_eq!(national_display(&once), number);
        }

        #[test]
        fn normalize_is_idempotent_on_landlines(
            area in prop_oneof![Just("10".to_string()), (20u32..30).prop_map(|a| a.to_string()),
                                (310u32..1000).prop_filter("service", |a| *a != 400 && *a != 800)
                                    .prop_map(|a| a.to_string())],
            local in 2_000_000u64..100_000_000
        ) {
            let once = normalize(&format!("0{area}-{local}")).unwrap();
            prop_assert_eq!(&once, &format!("+86{area}{local}"));
            prop_assert_eq!(normalize(&once).unwrap(), once.clone());
            prop_assert_eq!(national_display(&once), format!("0{area}{local}"));
        }
    }
}
