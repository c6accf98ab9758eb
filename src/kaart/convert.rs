//! From the raw form to the [`Kaart`]: every problem becomes a finding with its line.
//!
//! Why this exists: the raw form accepts anything of the right shape; here the rules are
//! applied to every entry, each problem is placed in the text, duplicates are refused, and
//! the usable providers are kept and indexed.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::finding::{Finding, Severity};

use super::index::Index;
use super::place::{block, field_line, item_starts};
use super::rules::{check_meta, check_provider, Problem};
use super::{Domain, Kaart, Provider, RawKaart, RawProvider};

/// Turn the raw form into a map, collecting findings with their lines.
pub(super) fn convert(file: &str, path: Option<PathBuf>, text: String, raw: RawKaart) -> Kaart {
    let lines: Vec<&str> = text.lines().collect();
    let mut findings = meta_findings(file, &lines, &raw);
    let gemeenten: Vec<String> = raw.kaart.gemeenten.clone().unwrap_or_default();
    let providers = usable_providers(file, &lines, raw.aanbieders, &gemeenten, &mut findings);
    let index = Index::build(&providers);
    findings.sort_by_key(|a| (a.line, a.severity));
    Kaart {
        file: file.to_string(),
        path,
        name: raw.kaart.naam.unwrap_or_default().trim().to_string(),
        vsv: raw.kaart.vsv,
        region: raw.kaart.regio,
        version: raw.kaart.versie.unwrap_or_default().trim().to_string(),
        updated: raw.kaart.bijgewerkt,
        gemeenten,
        text,
        providers,
        findings,
        index,
    }
}

/// The problems of the `kaart:` block, at the line of their field, and a map without providers.
fn meta_findings(file: &str, lines: &[&str], raw: &RawKaart) -> Vec<Finding> {
    let meta_block = block(lines, "kaart");
    let mut findings = Vec::new();
    for p in check_meta(&raw.kaart) {
        let line = match (p.field, meta_block) {
            (Some(field), Some((start, end))) => field_line(lines, start, end, field),
            _ => None,
        }
        .or(meta_block.map(|(s, _)| s + 1));
        findings.push(finding(file, line, "", p));
    }
    if raw.aanbieders.is_empty() {
        findings.push(Finding::error(
            file,
            block(lines, "aanbieders").map(|(s, _)| s + 1),
            None,
            "de kaart heeft geen aanbieders".to_string(),
            "zet onder 'aanbieders:' de hulpverleners en organisaties van de regio (zie sociale-kaart/README.md)".to_string(),
        ));
    }
    findings
}

/// The entries that can be used (an id, a name and a category), in the file's order. Every
/// problem with an entry becomes a finding at the line of its field; an entry whose id was used
/// before is left out, with a finding.
fn usable_providers(
    file: &str,
    lines: &[&str],
    raw: Vec<RawProvider>,
    gemeenten: &[String],
    findings: &mut Vec<Finding>,
) -> Vec<Provider> {
    let starts = item_starts(lines).filter(|s| s.len() == raw.len());
    let known: HashSet<&str> = gemeenten.iter().map(String::as_str).collect();
    let mut providers: Vec<Provider> = Vec::with_capacity(raw.len());
    let mut first: HashMap<String, usize> = HashMap::with_capacity(raw.len());
    for (n, p) in raw.into_iter().enumerate() {
        let start = starts.as_ref().map(|s| s[n]);
        let end = starts
            .as_ref()
            .and_then(|s| s.get(n + 1).copied())
            .unwrap_or(lines.len());
        let line = start.map(|s| s + 1);
        let lead = format!("{}: ", subject(&p, n));
        for problem in check_provider(&p, &known, gemeenten) {
            let at = match (problem.field, start) {
                (Some(field), Some(s)) => field_line(lines, s, end, field).or(line),
                _ => line,
            };
            findings.push(finding(file, at, &lead, problem));
        }
        let Some(provider) = usable(p, line) else {
            continue;
        };
        if let Some(&earlier) = first.get(&provider.id) {
            findings.push(duplicate(file, &provider, &providers[earlier]));
            continue;
        }
        first.insert(provider.id.clone(), providers.len());
        providers.push(provider);
    }
    providers
}

/// The entry as a provider, when it has an id, a name and a category. Blank optional fields
/// are left out; a level or domain that is not valid is `None` (a finding says so).
fn usable(p: RawProvider, line: Option<usize>) -> Option<Provider> {
    let categories: Vec<String> = p
        .categorieen?
        .into_iter()
        .filter(|c| !c.trim().is_empty())
        .collect();
    if categories.is_empty() {
        return None;
    }
    Some(Provider {
        id: non_blank(p.id)?,
        name: non_blank(p.naam)?,
        categories,
        gemeenten: p.gemeenten.unwrap_or_default(),
        domain: p.domein.as_deref().and_then(Domain::parse),
        level: p.niveau.filter(|n| (1..=5).contains(n)).map(|n| n as u8),
        phone: non_blank(p.telefoon),
        email: non_blank(p.email),
        website: non_blank(p.website),
        address: non_blank(p.adres),
        how_to_refer: non_blank(p.aanmelden),
        description: non_blank(p.toelichting),
        checked: non_blank(p.gecontroleerd).map(|d| d.trim().to_string()),
        owner: non_blank(p.beheerder).map(|o| o.trim().to_string()),
        line,
    })
}

fn non_blank(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// The finding for an entry whose id an earlier one already has.
fn duplicate(file: &str, provider: &Provider, earlier: &Provider) -> Finding {
    let id = &provider.id;
    Finding::error(
        file,
        provider.line,
        None,
        format!(
            "aanbieder '{id}': de id '{id}' komt al eerder voor{}",
            earlier
                .line
                .map(|l| format!(" (regel {l}, '{}')", earlier.name))
                .unwrap_or_default()
        ),
        "geef elke aanbieder een eigen id; staat dezelfde aanbieder er twee keer in, voeg dan de categorieën samen in één item".to_string(),
    )
}

/// "aanbieder 'id'", or for one without an id its number and name.
fn subject(p: &RawProvider, n: usize) -> String {
    match (
        p.id.as_deref().filter(|i| !i.trim().is_empty()),
        p.naam.as_deref(),
    ) {
        (Some(id), _) => format!("aanbieder '{id}'"),
        (None, Some(name)) if !name.trim().is_empty() => {
            format!("aanbieder nr. {} ('{name}')", n + 1)
        }
        _ => format!("aanbieder nr. {}", n + 1),
    }
}

/// A problem as a finding at `line`, its text after `lead` (which names the entry).
fn finding(file: &str, line: Option<usize>, lead: &str, p: Problem) -> Finding {
    let problem = format!("{lead}{}", p.problem);
    match p.severity {
        Severity::Error => Finding::error(file, line, None, problem, p.fix),
        Severity::Warning => Finding::warning(file, line, None, problem, p.fix),
    }
}
