//! Masking of personal data for people and texts that may not see it in full
//! (spec §5, policy P4).

use crate::phone;

/// Below this many digits, first-3/last-4 would reveal nearly everything.
const SHORT_NUMBER_DIGITS: usize = 7;

/// Keeps the first 3 and last 4 digits of the domestically dialled form and
/// stars the rest: `+8613812345678` → `138****5678`, `+861012345678` →
/// `010****5678`. Numbers of 7 or fewer digits keep only their last 2.
pub fn mask_phone(normalized: &str) -> String {
    let digits: Vec<char> = phone::national_display(normalized).chars().filter(char::is_ascii_digit).collect();
    let total = digits.len();
    let (head, tail) = if total <= SHORT_NUMBER_DIGITS { (0, 2) } else { (3, 4) };
    digits.iter().enumerate().map(|(i, digit)| if i < head || i + tail >= total { *digit } else { '*' }).collect()
}

/// First character, then `**` whatever the length, so the mask does not
/// reveal how long the name is: `王小明` → `王**`, `John` → `J**`.
pub fn mask_name(name: &str) -> String {
    match name.trim().chars().next() {
        Some(first) => format!("{first}**"),
        None => String::new(),
    }
}

/// `wang@example.com` → `w***@example.com`; without an `@`, first character
/// then `***`.
pub fn mask_email(email: &str) -> String {
    let email = email.trim();
    // The domain follows the last '@'; a quoted local part may contain others.
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            let first = local.chars().next().map(String::from).unwrap_or_default();
            format!("{first}***@{domain}")
        }
        None => match email.chars().next() {
            Some(first) => format!("{first}***"),
            None => String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mobile_keeps_its_first_three_and_last_four_digits() {
        assert_eq!(mask_phone("+8613812345678"), "138****5678");
    }

    #[test]
    fn a_landline_is_masked_in_its_domestic_form_with_the_trunk_zero() {
        assert_eq!(mask_phone("+861012345678"), "010****5678");
        assert_eq!(mask_phone("+8675588889999"), "075*****9999");
        assert_eq!(mask_phone("+865718765432"), "057****5432");
    }

    #[test]
    fn service_and_foreign_numbers_are_masked_the_same_way() {
        assert_eq!(mask_phone("+864008108888"), "400***8888");
        assert_eq!(mask_phone("+14155552671"), "141****2671");
    }

    #[test]
    fn a_short_number_keeps_only_its_last_two_digits() {
        assert_eq!(mask_phone("+4930123"), "*****23");
        assert_eq!(mask_phone("12345"), "***45");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn a_name_keeps_its_first_character_even_when_multi_byte() {
        assert_eq!(mask_name("王小明"), "王**");
        assert_eq!(mask_name("欧阳娜娜"), "欧**");
        assert_eq!(mask_name("王"), "王**");
        assert_eq!(mask_name("John"), "J**");
        assert_eq!(mask_name("  Émile Zola "), "É**");
        assert_eq!(mask_name("𠮷野家"), "𠮷**");
    }

    #[test]
    fn an_empty_or_blank_name_masks_to_nothing() {
        assert_eq!(mask_name(""), "");
        assert_eq!(mask_name("   "), "");
    }

    #[test]
    fn an_email_keeps_its_first_character_and_domain() {
        assert_eq!(mask_email("wang@example.com"), "w***@example.com");
        assert_eq!(mask_email(" 王伟@例子.中国 "), "王***@例子.中国");
        assert_eq!(mask_email("\"a@b\"@example.com"), "\"***@example.com");
        assert_eq!(mask_email("@example.com"), "***@example.com");
    }

    #[test]
    fn an_email_without_at_sign_keeps_only_its_first_character() {
        assert_eq!(mask_email("wang.example.com"), "w***");
        assert_eq!(mask_email("张三"), "张***");
        assert_eq!(mask_email(""), "");
    }
}
