//! `--json`: what a command shows, as one JSON document for scripts. Each document names its
//! schema (`zorgpad.sessies/1`, `zorgpad.controle/1`, `zorgpad.kaartcontrole/1`,
//! `zorgpad.kaart/1`, `zorgpad.statistiek/1`), documented in the README; keys are Dutch, as in
//! every file zorgpad writes. A schema's number goes up when a key changes meaning or goes.

use std::path::Path;

use serde::Serialize;
use serde_json::{json, Value};

use crate::finding::{Finding, Severity};
use crate::flow::set::FlowSet;
use crate::kaart::{Gap, Kaart, KaartReport, Provider};
use crate::report::document::{Block, Document};
use crate::report::sessions::SessionRow;
use crate::store::Unreadable;

pub(crate) const SESSIONS: &str = "zorgpad.sessies/1";
pub(crate) const CHECK: &str = "zorgpad.controle/1";
pub(crate) const KAART_CHECK: &str = "zorgpad.kaartcontrole/1";
pub(crate) const KAART: &str = "zorgpad.kaart/1";
pub(crate) const STATISTICS: &str = "zorgpad.statistiek/1";

fn pretty(value: &Value) -> String {
    // A Value always serializes. serde leaves DEL, C1 and bidi controls raw; they are escaped
    // the JSON way, so the data stays the same and nothing reaches a terminal raw.
    crate::visible::json(&serde_json::to_string_pretty(value).unwrap_or_default()).into_owned()
}

/// `zorgpad sessies --json`.
pub(crate) fn sessions(dir: &Path, rows: &[SessionRow], unreadable: &[Unreadable]) -> String {
    pretty(&json!({
        "schema": SESSIONS,
        "map": dir.display().to_string(),
        "sessies": rows,
        "onleesbaar": unreadable
            .iter()
            .map(|u| json!({ "bestand": u.path.display().to_string(), "reden": u.reason }))
            .collect::<Vec<_>>(),
    }))
}

/// A finding with Dutch keys.
#[derive(Serialize)]
struct FindingView<'a> {
    ernst: &'static str,
    bestand: &'a str,
    regel: Option<usize>,
    knoop: Option<&'a str>,
    probleem: &'a str,
    oplossing: &'a str,
}

fn findings(findings: &[Finding]) -> Vec<FindingView<'_>> {
    findings
        .iter()
        .map(|f| FindingView {
            ernst: match f.severity {
                Severity::Error => "fout",
                Severity::Warning => "waarschuwing",
            },
            bestand: &f.file,
            regel: f.line,
            knoop: f.node.as_deref(),
            probleem: &f.problem,
            oplossing: &f.fix,
        })
        .collect()
}

/// `zorgpad controleer --json`.
pub(crate) fn check(set: &FlowSet, all: &[Finding]) -> String {
    let errors = all.iter().filter(|f| f.is_error()).count();
    pretty(&json!({
        "schema": CHECK,
        "in_orde": errors == 0,
        "fouten": errors,
        "waarschuwingen": all.len() - errors,
        "flows": set.flows.iter().map(|f| json!({
            "id": f.id,
            "bestand": f.file,
            "naam": f.name,
            "versie": f.version,
            "knopen": f.nodes.len(),
        })).collect::<Vec<_>>(),
        "bevindingen": findings(all),
    }))
}

fn gaps(gaps: &[Gap]) -> Vec<Value> {
    gaps.iter()
        .map(|g| json!({ "categorie": g.category, "gemeente": g.gemeente }))
        .collect()
}

fn kaart_head(kaart: &Kaart) -> Value {
    json!({
        "bestand": kaart.file,
        "naam": kaart.name,
        "versie": kaart.version,
        "bijgewerkt": kaart.updated,
        "vsv": kaart.vsv,
        "regio": kaart.region,
        "gemeenten": kaart.gemeenten,
        "voorbeeld": kaart.is_embedded(),
    })
}

/// `zorgpad kaart controleer --json`.
pub(crate) fn kaart_check(kaart: &Kaart, report: &KaartReport) -> String {
    pretty(&json!({
        "schema": KAART_CHECK,
        "kaart": kaart_head(kaart),
        "in_orde": report.errors() == 0 && report.gaps.is_empty(),
        "fouten": report.errors(),
        "waarschuwingen": report.warnings(),
        "nodige_categorieen": report.required,
        "gaten": gaps(&report.gaps),
        "bevindingen": findings(&report.findings),
    }))
}

fn provider(p: &Provider) -> Value {
    json!({
        "id": p.id,
        "naam": p.name,
        "domein": p.domain.map(|d| d.label()),
        "niveau": p.level,
        "werkgebied": p.area(),
        "telefoon": p.phone,
        "email": p.email,
        "website": p.website,
        "adres": p.address,
        "aanmelden": p.how_to_refer,
        "toelichting": p.description,
    })
}

/// `zorgpad kaart toon --json`: per category the providers, light to heavy.
pub(crate) fn kaart(kaart: &Kaart, categories: &[String], gemeente: Option<&str>) -> String {
    pretty(&json!({
        "schema": KAART,
        "kaart": kaart_head(kaart),
        "gemeente": gemeente,
        "categorieen": categories.iter().map(|c| json!({
            "id": c,
            "omschrijving": crate::kaart::category_description(c),
            "aanbieders": kaart.providers_for(c, gemeente).into_iter().map(provider).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    }))
}

/// A document's tables (with the heading above each) and remarks, for the statistics: the
/// same figures as on the screen, small groups already hidden.
pub(crate) fn tables(doc: &Document, schema: &str) -> String {
    let mut facts = Vec::new();
    let mut tables = Vec::new();
    let mut remarks = Vec::new();
    let mut heading = String::new();
    for block in &doc.blocks {
        match block {
            Block::Facts(lines) => facts.extend(lines.iter().cloned()),
            Block::Heading { text, .. } => heading = text.clone(),
            // A paragraph under a heading says something about that part ("Geen.").
            Block::Paragraph(text) if heading.is_empty() => remarks.push(text.clone()),
            Block::Paragraph(text) => remarks.push(format!("{heading}: {text}")),
            Block::Remarks(lines) => remarks.extend(lines.iter().cloned()),
            Block::Table(t) => tables.push(json!({
                "titel": heading,
                "kolommen": t.columns.iter().map(|c| c.title.clone()).collect::<Vec<_>>(),
                "rijen": t.rows.iter().map(|r| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>()).collect::<Vec<_>>(),
            })),
            _ => {}
        }
    }
    pretty(&json!({
        "schema": schema,
        "titel": doc.title,
        "feiten": facts,
        "tabellen": tables,
        "opmerkingen": remarks,
    }))
}
