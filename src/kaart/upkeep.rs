//! The upkeep of a map: which entries nobody has checked for a while, which were never
//! checked (or carry a date that cannot be right: no date, or one in the future), and which
//! still hold example data — each for the person who keeps it.
//!
//! Why this exists: a map is kept by hand (seed 001 plans about an hour a month), and a phone
//! number that changed or a row copied from the example is only found when a midwife calls it
//! during an intake. `zorgpad kaart controleer` lists these entries per `beheerder`, so every
//! owner gets their own short list. The embedded example map is not checked: it is all example.

use jiff::civil::Date;

use crate::finding::Finding;

use super::place::{field_line, item_starts};
use super::{Kaart, Provider};

/// The months after which an entry counts as not checked, unless `--maanden` says otherwise.
pub const DEFAULT_MONTHS: u32 = 12;

/// One entry that needs attention, and who keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upkeep {
    /// `beheerder` of the entry; `None`: nobody.
    pub owner: Option<String>,
    /// The warning, at the entry's (or the field's) line.
    pub finding: Finding,
    /// The `gecontroleerd` text that is no date: reading the map warns about it too, and
    /// [`Upkeep::says_again`] finds that warning, so that it is reported once.
    not_a_date: Option<String>,
}

impl Upkeep {
    /// `f` is the warning of reading the map about the same bad `gecontroleerd` date.
    pub fn says_again(&self, f: &Finding) -> bool {
        self.not_a_date.as_deref().is_some_and(|text| {
            !f.is_error()
                && f.file == self.finding.file
                && f.line == self.finding.line
                && f.problem.ends_with(&super::rules::not_a_date(text))
        })
    }
}

/// The entries of `kaart` that need attention on `today`: not checked for more than `months`
/// months, never checked, checked on a day that is no date or lies after `today` (a typo in
/// the year would hide a stale entry for years), or holding example data. In the file's order.
pub fn upkeep(kaart: &Kaart, today: Date, months: u32) -> Vec<Upkeep> {
    let lines: Vec<&str> = kaart.text.lines().collect();
    let starts = item_starts(&lines).unwrap_or_default();
    let mut out = Vec::new();
    for p in kaart.all_providers() {
        let start = p.line.map(|l| l - 1);
        let end = start
            .and_then(|s| starts.iter().find(|&&n| n > s).copied())
            .unwrap_or(lines.len());
        let line_of = |field: &str| {
            start
                .and_then(|s| field_line(&lines, s, end, field))
                .or(p.line)
        };
        let who = format!("aanbieder '{}' ({})", p.id, p.name);
        let bad_date = p
            .checked
            .as_deref()
            .filter(|t| crate::clock::parse_date(t).is_none());
        let mut warn = |field: &str, problem: String, fix: String| {
            out.push(Upkeep {
                owner: p.owner.clone(),
                finding: Finding::warning(&kaart.file, line_of(field), None, problem, fix),
                not_a_date: bad_date
                    .filter(|_| field == "gecontroleerd")
                    .map(str::to_string),
            });
        };
        match p.checked.as_deref() {
            None => warn(
                "id",
                format!("{who}: niet gecontroleerd ('gecontroleerd' ontbreekt)"),
                "kijk de gegevens na met de aanbieder en zet de datum erbij, bijvoorbeeld 'gecontroleerd: 15-03-2026'; zet ook wie dat doet bij 'beheerder'".to_string(),
            ),
            Some(text) => match crate::clock::parse_date(text) {
                Some(date) if stale(date, today, months) => warn(
                    "gecontroleerd",
                    format!(
                        "{who}: laatst gecontroleerd op {}, meer dan {months} maanden geleden",
                        date.strftime("%d-%m-%Y")
                    ),
                    "bel of mail de aanbieder, kijk telefoon, e-mail, website en aanmelden na en zet de nieuwe datum bij 'gecontroleerd'".to_string(),
                ),
                Some(date) if date > today => warn(
                    "gecontroleerd",
                    format!(
                        "{who}: gecontroleerd op {}: die datum ligt in de toekomst; controleer de datum",
                        date.strftime("%d-%m-%Y")
                    ),
                    "zet bij 'gecontroleerd' de dag waarop de gegevens met de aanbieder zijn nagekeken, bijvoorbeeld 'gecontroleerd: 15-03-2026'; een tikfout in het jaar verbergt anders jarenlang dat de gegevens verouderd zijn".to_string(),
                ),
                Some(_) => {}
                None => warn(
                    "gecontroleerd",
                    format!("{who}: niet na te gaan wanneer gecontroleerd: 'gecontroleerd: {text}' is geen datum"),
                    "schrijf de datum als dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 'gecontroleerd: 15-03-2026'".to_string(),
                ),
            },
        }
        // One warning for all example data of the entry, at the first such field.
        let examples = example_data(p);
        if let Some((first, _)) = examples.first() {
            let fields: Vec<String> = examples
                .iter()
                .map(|(field, value)| format!("{field}: {value}"))
                .collect();
            let names: Vec<&str> = examples.iter().map(|(f, _)| *f).collect();
            warn(
                first,
                format!(
                    "{who}: lijkt voorbeeldgegevens te bevatten, geen echte ({})",
                    fields.join("; ")
                ),
                format!(
                    "vervang {} door de echte gegevens van de aanbieder, of haal de aanbieder weg als het een voorbeeld was",
                    names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
    out
}

/// Checked more than `months` months before `today`.
fn stale(checked: Date, today: Date, months: u32) -> bool {
    checked
        .checked_add(jiff::Span::new().months(i64::from(months)))
        .is_ok_and(|due| due < today)
}

/// The fields of `p` that hold example data: a name or address with "Voorbeeld", an e-mail
/// address or website at an example domain (example.org, example.com, example.net, .test,
/// .example, .invalid), a phone number of zeros (010-0000…, 0000000).
fn example_data(p: &Provider) -> Vec<(&'static str, &str)> {
    let mut out = Vec::new();
    if p.name.to_lowercase().contains("voorbeeld") {
        out.push(("naam", p.name.as_str()));
    }
    if let Some(phone) = p.phone.as_deref().filter(|t| example_phone(t)) {
        out.push(("telefoon", phone));
    }
    if let Some(email) = p.email.as_deref() {
        if email
            .rsplit_once('@')
            .is_some_and(|(_, domain)| example_domain(domain))
        {
            out.push(("email", email));
        }
    }
    if let Some(site) = p.website.as_deref().filter(|w| example_domain(host(w))) {
        out.push(("website", site));
    }
    if let Some(address) = p
        .address
        .as_deref()
        .filter(|a| a.to_lowercase().contains("voorbeeld"))
    {
        out.push(("adres", address));
    }
    out
}

/// The host of a web address: `https://www.example.org/x` is `www.example.org`.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#', ':']).next().unwrap_or(rest)
}

fn example_domain(domain: &str) -> bool {
    let d = domain.trim().trim_end_matches('.').to_lowercase();
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|e| d == *e || d.ends_with(&format!(".{e}")))
        || [".test", ".example", ".invalid"]
            .iter()
            .any(|t| d.ends_with(t))
}

/// 010-0000000, 0000000, +31 10 000 0000: seven zeros after the area code, or seven in a row.
fn example_phone(phone: &str) -> bool {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = digits
        .strip_prefix("31")
        .filter(|_| phone.trim_start().starts_with('+'))
        .map_or(digits.clone(), |rest| format!("0{rest}"));
    national.contains("0000000") || national.starts_with("0100000")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_domains_and_phone_numbers() {
        assert!(example_domain("example.org"));
        assert!(example_domain("www.Example.com"));
        assert!(example_domain("zorg.test"));
        assert!(!example_domain("examples.org"));
        assert!(!example_domain("veiligthuis.nl"));
        assert_eq!(host("https://www.example.org/vt?x=1"), "www.example.org");
        assert!(example_phone("010-0000000"));
        assert!(example_phone("010-0000123"));
        assert!(example_phone("+31 10 000 0000"));
        assert!(!example_phone("0800-2000"));
        assert!(!example_phone("010-1234567"));
    }

    #[test]
    fn stale_after_the_months() {
        let today = jiff::civil::date(2026, 11, 22);
        assert!(stale(jiff::civil::date(2025, 11, 21), today, 12));
        assert!(!stale(jiff::civil::date(2025, 11, 22), today, 12));
        assert!(!stale(jiff::civil::date(2026, 6, 1), today, 12));
        assert!(stale(jiff::civil::date(2026, 6, 1), today, 3));
    }
}
