//! From the raw form to the [`Kaart`]: every problem becomes a finding with its line.
//!
//! Why this exists: the raw form accepts anything of the right shape; here the rules are
//! applied to every entry, each problem is placed in the text, duplicates are refused, and
//! the usable providers are kept and indexed.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::finding::{Finding, Severity};

use super::index::build_index;
use super::place::{block, field_line, item_starts};
use super::rules::{check_meta, check_provider};
use super::{Domain, Kaart, Provider, RawKaart, RawProvider};

/// Turn the raw form into a map, collecting findings with their lines.
pub(super) fn convert(file: &str, path: Option<PathBuf>, text: String, raw: RawKaart) -> Kaart {
    let lines: Vec<&str> = text.lines().collect();
    let starts = item_starts(&lines).filter(|s| s.len() == raw.aanbieders.len());
    let meta_block = block(&lines, "kaart");
    let mut findings = Vec::new();

    for p in check_meta(&raw.kaart) {
        let line = match (p.field, meta_block) {
            (Some(field), Some((start, end))) => field_line(&lines, start, end, field),
            _ => None,
        }
        .or(meta_block.map(|(s, _)| s + 1));
        findings.push(finding(
            file,
            line,
            p.severity,
            String::new(),
            p.problem,
            p.fix,
        ));
    }
    if raw.aanbieders.is_empty() {
        findings.push(Finding::error(
            file,
            block(&lines, "aanbieders").map(|(s, _)| s + 1),
            None,
            "de kaart heeft geen aanbieders".to_string(),
            "zet onder 'aanbieders:' de hulpverleners en organisaties van de regio (zie sociale-kaart/README.md)".to_string(),
        ));
    }

    let gemeenten: Vec<String> = raw.kaart.gemeenten.clone().unwrap_or_default();
    let known: HashSet<&str> = gemeenten.iter().map(String::as_str).collect();
    let mut providers = Vec::with_capacity(raw.aanbieders.len());
    let mut first: HashMap<String, usize> = HashMap::with_capacity(raw.aanbieders.len());
    for (n, p) in raw.aanbieders.into_iter().enumerate() {
        let start = starts.as_ref().map(|s| s[n]);
        let end = starts
            .as_ref()
            .and_then(|s| s.get(n + 1).copied())
            .unwrap_or(lines.len());
        let line = start.map(|s| s + 1);
        let who = subject(&p, n);
        for problem in check_provider(&p, &known, &gemeenten) {
            let at = match (problem.field, start) {
                (Some(field), Some(s)) => field_line(&lines, s, end, field).or(line),
                _ => line,
            };
            findings.push(finding(
                file,
                at,
                problem.severity,
                format!("{who}: "),
                problem.problem,
                problem.fix,
            ));
        }
        let (Some(id), Some(name), Some(categories)) = (
            p.id.filter(|v| !v.trim().is_empty()),
            p.naam.filter(|v| !v.trim().is_empty()),
            p.categorieen
                .map(|c| {
                    c.into_iter()
                        .filter(|c| !c.trim().is_empty())
                        .collect::<Vec<_>>()
                })
                .filter(|c| !c.is_empty()),
        ) else {
            continue;
        };
        if let Some(&earlier) = first.get(&id) {
            let at: &Provider = &providers[earlier];
            findings.push(Finding::error(
                file,
                line,
                None,
                format!(
                    "aanbieder '{id}': de id '{id}' komt al eerder voor{}",
                    at.line.map(|l| format!(" (regel {l}, '{}')", at.name)).unwrap_or_default()
                ),
                "geef elke aanbieder een eigen id; staat dezelfde aanbieder er twee keer in, voeg dan de categorieën samen in één item".to_string(),
            ));
            continue;
        }
        first.insert(id.clone(), providers.len());
        providers.push(Provider {
            id,
            name,
            categories,
            gemeenten: p.gemeenten.unwrap_or_default(),
            domain: p.domein.as_deref().and_then(Domain::parse),
            level: p.niveau.filter(|n| (1..=5).contains(n)).map(|n| n as u8),
            phone: p.telefoon.filter(|v| !v.trim().is_empty()),
            email: p.email.filter(|v| !v.trim().is_empty()),
            website: p.website.filter(|v| !v.trim().is_empty()),
            address: p.adres.filter(|v| !v.trim().is_empty()),
            how_to_refer: p.aanmelden.filter(|v| !v.trim().is_empty()),
            description: p.toelichting.filter(|v| !v.trim().is_empty()),
            line,
        });
    }
    let index = build_index(&providers);
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

fn finding(
    file: &str,
    line: Option<usize>,
    severity: Severity,
    lead: String,
    problem: String,
    fix: String,
) -> Finding {
    let problem = format!("{lead}{problem}");
    match severity {
        Severity::Error => Finding::error(file, line, None, problem, fix),
        Severity::Warning => Finding::warning(file, line, None, problem, fix),
    }
}
