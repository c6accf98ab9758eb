//! `zorgpad kaart controleer`: is the map right, and is it complete for this flow?
//!
//! Why this exists: reading a map finds the mistakes within it; what only the flow can tell is
//! which categories are needed. Here the findings of reading are joined by a warning for each
//! unknown category, and every required category is checked in every gemeente.

use std::collections::HashSet;

use crate::finding::Finding;
use crate::flow::set::FlowSet;

use super::place::{field_line, item_starts};
use super::{is_known_category, required_categories, Kaart, CATEGORIES};

/// A category without a provider in a gemeente (or, for a map without gemeenten, at all).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap {
    pub category: String,
    /// `None` when the map lists no gemeenten: the category has no provider anywhere.
    pub gemeente: Option<String>,
}

/// The outcome of [`check`]: the findings and the gaps in coverage.
#[derive(Debug, Clone, Default)]
pub struct KaartReport {
    pub findings: Vec<Finding>,
    pub gaps: Vec<Gap>,
    /// The categories that were required (flow referrals plus the Meldcode's).
    pub(crate) required: Vec<String>,
}

impl KaartReport {
    pub(crate) fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// No errors and no gaps (warnings are allowed).
    pub fn is_ok(&self) -> bool {
        self.errors() == 0 && self.gaps.is_empty()
    }
}

/// Everything `zorgpad kaart controleer` reports: the findings of reading, unknown categories,
/// and the gaps against the flow set's categories.
pub fn check(kaart: &Kaart, set: &FlowSet) -> KaartReport {
    let required = required_categories(set);
    KaartReport {
        findings: validate(kaart, &required),
        gaps: gaps(kaart, &required),
        required,
    }
}

/// The findings of reading plus a warning for each category that zorgpad does not know and
/// the flow does not use (`flow_categories`), sorted by line.
fn validate(kaart: &Kaart, flow_categories: &[String]) -> Vec<Finding> {
    let mut findings = kaart.findings.clone();
    let lines: Vec<&str> = kaart.text.lines().collect();
    let mut starts: Option<Vec<usize>> = None;
    let mut warned: HashSet<&str> = HashSet::new();
    for p in &kaart.providers {
        for c in &p.categories {
            if is_known_category(c) || flow_categories.iter().any(|f| f == c) {
                continue;
            }
            // One warning per category, at its first use.
            if !warned.insert(c.as_str()) {
                continue;
            }
            let known: Vec<String> = CATEGORIES
                .iter()
                .map(|(c, _)| c.to_string())
                .chain(flow_categories.iter().cloned())
                .collect();
            let starts = starts.get_or_insert_with(|| item_starts(&lines).unwrap_or_default());
            let line = p
                .line
                .and_then(|line| {
                    let end = starts
                        .iter()
                        .find(|&&s| s + 1 > line)
                        .copied()
                        .unwrap_or(lines.len());
                    field_line(&lines, line - 1, end, "categorieen")
                })
                .or(p.line);
            let uses = kaart.providers.iter().filter(|q| q.has_category(c)).count();
            findings.push(Finding::warning(
                &kaart.file,
                line,
                None,
                format!(
                    "aanbieder '{}': de categorie '{c}' is onbekend (gebruikt door {})",
                    p.id,
                    crate::finding::count(uses, "aanbieder", "aanbieders")
                ),
                crate::suggest::suggest(
                    c,
                    &known,
                    "is dit een eigen categorie van uw VSV, dan kan het zo blijven; anders: gebruik een bekende categorie (zie sociale-kaart/README.md)",
                ),
            ));
        }
    }
    findings.sort_by_key(|a| (a.line, a.severity));
    findings
}

/// For every required category and every gemeente of the map: is there a provider? A map
/// without gemeenten is checked for the region as a whole.
pub fn gaps(kaart: &Kaart, required: &[String]) -> Vec<Gap> {
    let mut out = Vec::new();
    for category in required {
        if kaart.gemeenten.is_empty() {
            if kaart.providers_for(category, None).is_empty() {
                out.push(Gap {
                    category: category.clone(),
                    gemeente: None,
                });
            }
            continue;
        }
        for gemeente in &kaart.gemeenten {
            if !kaart.index.covers(category, gemeente) {
                out.push(Gap {
                    category: category.clone(),
                    gemeente: Some(gemeente.clone()),
                });
            }
        }
    }
    out
}
