//! The client reference must never be a BSN (burgerservicenummer). A BSN identifies a person
//! everywhere in Dutch public life; zorgpad needs at most a pseudonymous reference, such as
//! the practice's own file number. A reference that passes the BSN check (the "elfproef") is
//! refused.

/// Whether `text` is a valid BSN: 9 digits (8 with a leading zero omitted) passing the
/// elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not 0).
pub fn is_bsn(text: &str) -> bool {
    let digits: Vec<u32> = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<u32>>>()
        .unwrap_or_default();
    let digits = match digits.len() {
        9 => digits,
        8 => std::iter::once(0).chain(digits).collect(),
        _ => return false,
    };
    let sum: i64 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let weight = if i == 8 { -1 } else { 9 - i as i64 };
            weight * i64::from(*d)
        })
        .sum();
    sum != 0 && sum % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::is_bsn;

    #[test]
    fn known_valid_numbers_pass() {
        // Test numbers that pass the elfproef (not real persons).
        assert!(is_bsn("111222333"));
        assert!(is_bsn("123456782"));
        assert!(is_bsn("1234.56.782"));
    }

    #[test]
    fn other_references_do_not() {
        assert!(!is_bsn("123456789"));
        assert!(!is_bsn("000000000"));
        assert!(!is_bsn("P-2026-0042"));
        assert!(!is_bsn("12345"));
        assert!(!is_bsn(""));
    }
}
