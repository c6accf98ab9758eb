//! The rules every map must follow, whatever it was written in.
//!
//! Why this exists: the same mistakes (no id, no contact, a gemeente not in the region, a
//! level out of range) can be made in a YAML file and in a spreadsheet. The rules name the
//! field and the fix as a [`Problem`]; the YAML reader ([`super::convert`]) gives it a line,
//! the importer a sheet, row and column.

use std::collections::HashSet;

use crate::finding::Severity;

use super::contact::{email_problem, phone_problem, url_problem};
use super::{Domain, RawMeta, RawProvider};

/// One problem with one entry, before it is given a place (a YAML line, or a sheet/row/column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Problem {
    pub(super) severity: Severity,
    /// The field the problem is about, if one.
    pub(super) field: Option<&'static str>,
    pub(super) problem: String,
    pub(super) fix: String,
}

impl Problem {
    fn error(field: Option<&'static str>, problem: String, fix: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            field,
            problem,
            fix: fix.into(),
        }
    }

    fn warning(field: Option<&'static str>, problem: String, fix: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(field, problem, fix)
        }
    }
}

fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}

/// The checks of the `kaart:` block.
pub(super) fn check_meta(meta: &RawMeta) -> Vec<Problem> {
    let mut out = Vec::new();
    if blank(&meta.naam) {
        out.push(Problem::error(
            Some("naam"),
            "de kaart heeft geen naam".to_string(),
            "zet onder 'kaart:' een regel 'naam: Sociale Kaart <uw VSV>'",
        ));
    }
    if blank(&meta.versie) {
        out.push(Problem::error(
            Some("versie"),
            "de kaart heeft geen versie".to_string(),
            "zet onder 'kaart:' een regel 'versie: \"2026.1\"' en hoog die op bij elke wijziging",
        ));
    }
    if let Some(date) = meta.bijgewerkt.as_deref().filter(|d| !d.trim().is_empty()) {
        if date.trim().parse::<jiff::civil::Date>().is_err() {
            out.push(Problem::error(
                Some("bijgewerkt"),
                format!("'bijgewerkt: {date}' is geen datum in de vorm JJJJ-MM-DD"),
                "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 'bijgewerkt: 2026-11-01'",
            ));
        }
    }
    let gemeenten = meta.gemeenten.as_deref().unwrap_or(&[]);
    if gemeenten.is_empty() {
        out.push(Problem::warning(
            Some("gemeenten"),
            "de kaart noemt geen gemeenten; de volledigheid wordt dan alleen voor de regio als geheel gecontroleerd".to_string(),
            "zet onder 'kaart:' de gemeenten van het VSV, bijvoorbeeld 'gemeenten: [Voorbeeldstad, Havendorp]'",
        ));
    }
    let mut seen = HashSet::new();
    for g in gemeenten {
        if g.trim().is_empty() {
            out.push(Problem::error(
                Some("gemeenten"),
                "de lijst 'gemeenten' bevat een lege naam".to_string(),
                "haal de lege naam weg (let op twee komma's achter elkaar)",
            ));
        } else if !seen.insert(g.to_lowercase()) {
            out.push(Problem::warning(
                Some("gemeenten"),
                format!("de gemeente '{g}' staat twee keer in 'gemeenten'"),
                "noem elke gemeente één keer",
            ));
        }
    }
    out
}

/// The checks of one provider. `gemeenten` are the map's gemeenten (exact spelling), `all`
/// the same in the map's order, for suggestions.
pub(super) fn check_provider(
    raw: &RawProvider,
    gemeenten: &HashSet<&str>,
    all: &[String],
) -> Vec<Problem> {
    let mut out = Vec::new();
    check_id_and_name(raw, &mut out);
    check_categories(raw, &mut out);
    if blank(&raw.telefoon) && blank(&raw.email) && blank(&raw.website) {
        out.push(Problem::error(
            None,
            "deze aanbieder heeft geen contactgegevens".to_string(),
            "zet minstens één van 'telefoon', 'email' of 'website' erbij, zodat een verwijzer contact kan opnemen",
        ));
    }
    check_gemeenten(raw, gemeenten, all, &mut out);
    check_domain_and_level(raw, &mut out);
    check_contact_formats(raw, &mut out);
    check_upkeep_fields(raw, &mut out);
    out
}

/// `gecontroleerd` is a date (dd-mm-jjjj or jjjj-mm-dd), when given. A warning, not an
/// error: the date is about the map's upkeep, and must not stop a session that needs the
/// provider's phone number.
fn check_upkeep_fields(raw: &RawProvider, out: &mut Vec<Problem>) {
    if let Some(date) = raw
        .gecontroleerd
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        if crate::clock::parse_date(date).is_none() {
            out.push(Problem::warning(
                Some("gecontroleerd"),
                not_a_date(date),
                "schrijf de dag waarop de gegevens met de aanbieder zijn nagekeken als dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 'gecontroleerd: 15-03-2026'",
            ));
        }
    }
}

/// The problem with a `gecontroleerd` that is no date; also how `zorgpad kaart controleer`
/// knows the warning again (it lists it once, under the entry's beheerder).
pub(super) fn not_a_date(date: &str) -> String {
    format!("'gecontroleerd: {}' is geen datum", date.trim())
}

/// An id without spaces, and a name.
fn check_id_and_name(raw: &RawProvider, out: &mut Vec<Problem>) {
    if blank(&raw.id) {
        out.push(Problem::error(
            Some("id"),
            "deze aanbieder heeft geen id".to_string(),
            "geef elke aanbieder een eigen, korte id, bijvoorbeeld 'id: wijkteam-voorbeeldstad'",
        ));
    } else if let Some(id) = &raw.id {
        if id.chars().any(char::is_whitespace) {
            out.push(Problem::error(
                Some("id"),
                format!("de id '{id}' bevat een spatie"),
                "gebruik in een id alleen letters, cijfers en streepjes, bijvoorbeeld 'wijkteam-voorbeeldstad'",
            ));
        }
    }
    if blank(&raw.naam) {
        out.push(Problem::error(
            Some("naam"),
            "deze aanbieder heeft geen naam".to_string(),
            "zet de naam van de organisatie of hulpverlener bij 'naam:'",
        ));
    }
}

/// At least one category, and no empty one.
fn check_categories(raw: &RawProvider, out: &mut Vec<Problem>) {
    let categories = raw.categorieen.as_deref().unwrap_or(&[]);
    if categories.iter().all(|c| c.trim().is_empty()) {
        out.push(Problem::error(
            Some("categorieen"),
            "deze aanbieder heeft geen categorie".to_string(),
            "zet bij 'categorieen:' minstens één categorie, bijvoorbeeld 'categorieen: [psychosociaal]' (zie sociale-kaart/README.md)",
        ));
    } else if categories.iter().any(|c| c.trim().is_empty()) {
        out.push(Problem::error(
            Some("categorieen"),
            "de lijst 'categorieen' bevat een lege naam".to_string(),
            "haal de lege naam weg (let op twee komma's achter elkaar)",
        ));
    }
}

/// Every gemeente served is one of the map's.
fn check_gemeenten(
    raw: &RawProvider,
    gemeenten: &HashSet<&str>,
    all: &[String],
    out: &mut Vec<Problem>,
) {
    for g in raw.gemeenten.iter().flatten() {
        if !gemeenten.contains(g.as_str()) {
            let fix = if gemeenten.is_empty() {
                format!("zet '{g}' in 'gemeenten:' onder 'kaart:', of laat 'gemeenten' bij deze aanbieder weg (dan geldt hij voor de hele regio)")
            } else {
                crate::suggest::suggest(
                    g,
                    all,
                    &format!("gebruik een gemeente uit 'gemeenten:' onder 'kaart:' ({}), of voeg '{g}' daar toe", all.join(", ")),
                )
            };
            out.push(Problem::error(
                Some("gemeenten"),
                format!("de gemeente '{g}' staat niet in de gemeenten van de kaart"),
                fix,
            ));
        }
    }
}

/// A known domain, and a level from 1 to 5 (a missing level is a warning).
fn check_domain_and_level(raw: &RawProvider, out: &mut Vec<Problem>) {
    if let Some(d) = raw.domein.as_deref() {
        if Domain::parse(d).is_none() {
            out.push(Problem::error(
                Some("domein"),
                format!("'domein: {d}' bestaat niet"),
                "gebruik 'formeel' (beroepskrachten, organisaties) of 'informeel' (vrijwilligers, lotgenoten), of laat 'domein' weg",
            ));
        }
    }
    match raw.niveau {
        Some(n) if !(1..=5).contains(&n) => out.push(Problem::error(
            Some("niveau"),
            format!("'niveau: {n}' ligt niet tussen 1 en 5"),
            "gebruik 1 (lichte zorg) tot en met 5 (zware zorg); het niveau bepaalt de volgorde van licht naar zwaar",
        )),
        None if !blank(&raw.id) => out.push(Problem::warning(
            Some("niveau"),
            "deze aanbieder heeft geen niveau; hij staat daarom onderaan de lijst".to_string(),
            "zet 'niveau:' van 1 (lichte zorg) tot en met 5 (zware zorg)",
        )),
        _ => {}
    }
}

/// A phone number, e-mail address and website that can be used, when given.
fn check_contact_formats(raw: &RawProvider, out: &mut Vec<Problem>) {
    type Rule = fn(&str) -> Option<String>;
    let formats: [(&'static str, &Option<String>, Rule, &str, &str); 3] = [
        (
            "telefoon",
            &raw.telefoon,
            phone_problem,
            "het telefoonnummer",
            "schrijf een Nederlands nummer met cijfers, spaties en streepjes, bijvoorbeeld '010-1234567', '0800-2000' of '+31 10 123 4567'",
        ),
        (
            "email",
            &raw.email,
            email_problem,
            "het e-mailadres",
            "schrijf een e-mailadres als 'naam@organisatie.nl'",
        ),
        (
            "website",
            &raw.website,
            url_problem,
            "de website",
            "schrijf het volledige adres met http:// of https://, bijvoorbeeld 'https://www.organisatie.nl'",
        ),
    ];
    for (field, value, problem_of, what, fix) in formats {
        let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        if let Some(why) = problem_of(value) {
            out.push(Problem::error(
                Some(field),
                format!("{what} '{value}' klopt niet: {why}"),
                fix,
            ));
        }
    }
}
