//! Whether a phone number, e-mail address or website can be used to reach a provider.
//!
//! Why this exists: a typo in a phone number is found in the middle of an intake, when it is
//! too late; these checks find it when the map is written. They explain, in Dutch, what is
//! wrong, because the person fixing the map is not a programmer.

/// Why a phone number is not a Dutch one, or `None` when it is: digits, spaces and dashes,
/// optionally behind +31. Ten digits from 0 (010-1234567, 06-12345678), 0800/0900 numbers of
/// eight to eleven digits (0800-2000), the municipal 14 + area code (14 010), or +31 and nine
/// digits (+31 10 123 4567).
pub(super) fn phone_problem(text: &str) -> Option<String> {
    let t = text.trim();
    let (international, rest) = match t.strip_prefix("+31") {
        Some(rest) => (true, rest),
        None if t.starts_with('+') => {
            return Some("alleen Nederlandse nummers (met +31) worden herkend".to_string())
        }
        None if t.starts_with("0031") => {
            return Some("schrijf +31 in plaats van 0031".to_string());
        }
        None => (false, t),
    };
    if rest.contains("(0)") {
        return Some("laat '(0)' weg: na +31 vervalt de 0 van het netnummer".to_string());
    }
    if let Some(c) = rest
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == ' ' || *c == '-'))
    {
        return Some(format!(
            "het teken '{c}' hoort niet in een telefoonnummer (alleen cijfers, spaties en streepjes)"
        ));
    }
    let rest_trim = rest.trim();
    if rest_trim.starts_with('-') || rest_trim.ends_with('-') || rest.contains("--") {
        return Some("een streepje staat aan het begin, aan het eind of dubbel".to_string());
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if international {
        return match digits.len() {
            9 if !digits.starts_with('0') => None,
            _ if digits.starts_with('0') => {
                Some("na +31 vervalt de 0 van het netnummer (+31 10 …, niet +31 010 …)".to_string())
            }
            n => Some(format!("na +31 horen 9 cijfers, dit zijn er {n}")),
        };
    }
    let n = digits.len();
    let service = ["0800", "0900", "0906", "0909"]
        .iter()
        .any(|p| digits.starts_with(p));
    if service {
        return (!(8..=11).contains(&n)).then(|| {
            format!(
                "een {}-nummer heeft 8 tot 11 cijfers, dit zijn er {n}",
                &digits[..4]
            )
        });
    }
    if digits.starts_with("14") {
        return (!(5..=6).contains(&n)).then(|| {
            format!("een gemeentenummer (14 + netnummer) heeft 5 of 6 cijfers, dit zijn er {n}")
        });
    }
    if !digits.starts_with('0') {
        return Some("een Nederlands nummer begint met 0 of met +31".to_string());
    }
    (n != 10).then(|| format!("een Nederlands nummer heeft 10 cijfers, dit zijn er {n}"))
}

/// Why an e-mail address is malformed, or `None`.
pub(super) fn email_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.to_lowercase().starts_with("mailto:") {
        return Some("laat 'mailto:' weg".to_string());
    }
    if t.chars().any(char::is_whitespace) {
        return Some("er staat een spatie in".to_string());
    }
    let mut parts = t.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Some("er hoort precies één '@' in te staan".to_string());
    };
    if local.is_empty() {
        return Some("vóór de '@' staat niets".to_string());
    }
    host_problem(domain)
}

/// Why a website address is malformed, or `None`: it must be an http or https URL.
pub(super) fn url_problem(text: &str) -> Option<String> {
    let t = text.trim();
    if t.chars().any(char::is_whitespace) {
        return Some("er staat een spatie in".to_string());
    }
    let lower = t.to_lowercase();
    let rest = if lower.starts_with("https://") {
        &t[8..]
    } else if lower.starts_with("http://") {
        &t[7..]
    } else if lower.contains("://") {
        return Some("alleen http:// en https:// worden herkend".to_string());
    } else {
        return Some("'https://' ontbreekt aan het begin".to_string());
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
        _ => authority,
    };
    if host.eq_ignore_ascii_case("localhost") {
        return None;
    }
    host_problem(host)
}

/// Why a domain name (after the '@', or in a URL) is malformed.
fn host_problem(host: &str) -> Option<String> {
    if host.is_empty() {
        return Some("de domeinnaam ontbreekt".to_string());
    }
    if !host.contains('.') {
        return Some(format!(
            "de domeinnaam '{host}' heeft geen punt (zoals in 'organisatie.nl')"
        ));
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Some(format!(
                "de domeinnaam '{host}' heeft twee punten achter elkaar, of een punt aan het begin of eind"
            ));
        }
        if label.starts_with('-')
            || label.ends_with('-')
            || !label.chars().all(|c| c.is_alphanumeric() || c == '-')
        {
            return Some(format!(
                "de domeinnaam '{host}' bevat een teken dat daar niet mag"
            ));
        }
    }
    let tld = host.rsplit('.').next().unwrap_or("");
    if tld.chars().count() < 2 || tld.chars().any(|c| c.is_ascii_digit()) {
        return Some(format!(
            "de domeinnaam '{host}' eindigt niet op een extensie zoals .nl of .org"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_phone_numbers() {
        for ok in [
            "0800-2000",
            "010-1234567",
            "+31 10 123 4567",
            "06-12345678",
            "0900 1234",
            "14 010",
            "088 123 45 67",
        ] {
            assert_eq!(phone_problem(ok), None, "{ok}");
        }
        for bad in [
            "010-123456",
            "+32 2 123 45 67",
            "+31 (0)10 1234567",
            "+31 010 1234567",
            "010/1234567",
            "12345",
            "010--1234567",
            "bel ons",
        ] {
            assert!(phone_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn emails_and_urls() {
        assert_eq!(email_problem("info@example.org"), None);
        for bad in [
            "info@example",
            "info.example.org",
            "a@@b.nl",
            "mailto:a@b.nl",
            "a b@c.nl",
            "a@b..nl",
            "@b.nl",
        ] {
            assert!(email_problem(bad).is_some(), "{bad}");
        }
        for ok in [
            "https://example.org",
            "http://example.org/a?b=c",
            "https://www.example.org:8443/x",
        ] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        for bad in [
            "www.example.org",
            "ftp://example.org",
            "https://",
            "https://example",
            "https://exa mple.org",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }
}
